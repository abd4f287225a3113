"""The pages of rounds with themes, figures, quotes and respondents, and of a round published
as a report only, in a real browser: axe-core in both colour schemes and at 320 pixels, the Nu
Html Checker, and HTML_CodeSniffer."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from .conftest import Built
from .parts_site import REPORT_ID, THEMED_ID

try:
    from browser.conftest import assert_no_axe_violations, run_vnu, serve
    from browser.engines import htmlcs_errors
except ImportError:  # pragma: no cover - if tests/ becomes a package
    from tests.browser.conftest import (  # type: ignore[no-redef]
        assert_no_axe_violations,
        run_vnu,
        serve,
    )
    from tests.browser.engines import htmlcs_errors  # type: ignore[no-redef]

pytestmark = pytest.mark.browser

PAGES = [
    f"you-said-we-did/{THEMED_ID}/",
    f"you-said-we-did/{REPORT_ID}/",
    "you-said-we-did/2026/",
]


@pytest.fixture(scope="module")
def base(parts: Built) -> Iterator[str]:
    yield from serve(parts.out)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", PAGES)
def test_axe_finds_no_violations(base: str, open_page: Any, path: str, scheme: str) -> None:
    page = open_page(base + path, scheme=scheme)
    assert_no_axe_violations(page, f"/{path} ({scheme})")


@pytest.mark.parametrize("path", PAGES[:2])
def test_axe_finds_no_violations_at_320_pixels(base: str, open_page: Any, path: str) -> None:
    page = open_page(base + path, width=320)
    assert_no_axe_violations(page, f"/{path} at 320 pixels")
    overflow = page.evaluate(
        "document.documentElement.scrollWidth > document.documentElement.clientWidth"
    )
    assert not overflow, "the page scrolls sideways"


@pytest.mark.parametrize("path", PAGES)
def test_html_codesniffer_finds_no_errors(base: str, open_page: Any, path: str) -> None:
    errors = htmlcs_errors(open_page(base + path))
    assert errors == [], errors


def test_pages_are_valid_html(parts: Built) -> None:
    assert run_vnu([parts.file("/" + path) for path in PAGES]) == {}
