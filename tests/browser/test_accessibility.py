"""Automated accessibility checks (axe-core, Nu Html Checker) over the built pages."""

from __future__ import annotations

from typing import Any

import pytest

from .conftest import (
    REPO,
    Site,
    assert_no_axe_violations,
    axe_violations,
    content_page_paths,
    format_violations,
    page_params,
    run_vnu,
)
from .pagechecks import PLACEHOLDER_CONTRAST

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(("which", "path"), page_params())
def test_axe_finds_no_violations(
    request: pytest.FixtureRequest, open_page: Any, which: str, path: str, scheme: str
) -> None:
    built: Site = request.getfixturevalue(which)
    page = open_page(built.url(path), scheme=scheme)
    assert_no_axe_violations(page, f"/{path} ({scheme})")


def test_axe_finds_no_violations_on_generated_pages(site: Site, open_page: Any) -> None:
    """Pages the build makes without a Markdown file in content/ (registers, statements)."""
    known = {*content_page_paths(REPO / "content"), "404.html"}
    generated = [path for path in site.pages() if path not in known]
    problems = []
    for path in generated:
        for scheme in ("light", "dark"):
            violations = axe_violations(open_page(site.url(path), scheme=scheme))
            if violations:
                problems.append(f"/{path} ({scheme}):\n{format_violations(violations)}")
    if problems:
        pytest.fail("axe-core found violations:\n" + "\n".join(problems), pytrace=False)


#: Sample record pages that show something no other page does (issue 18): a table of sessions;
#: a series in term time only; access provisions with their icons; the other ways to respond;
#: a members-only event; the calendar's page for one provision.
SAMPLE_RECORD_PAGES = [
    "events/annual-reviews-drop-ins-2027/",
    "events/stay-and-play-brackenfold-term-time/",
    "events/send-information-fair-2027/",
    "consultations/speech-language-therapy-schools-2027/",
    "events/youth-forum-residential-2027/",
    "events/access/bsl/",
]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("path", SAMPLE_RECORD_PAGES)
def test_axe_finds_no_violations_on_sample_record_pages(
    site: Site, open_page: Any, path: str, width: int, scheme: str
) -> None:
    page = open_page(site.url(path), scheme=scheme, width=width)
    assert_no_axe_violations(page, f"/{path} ({scheme}, {width}px)")


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [1280, 400])
def test_open_search_with_results_has_no_violations(
    theme_site: Site, open_page: Any, scheme: str, width: int
) -> None:
    page = open_page(theme_site.url("sink/"), scheme=scheme, width=width)
    if width < 960:
        page.click("button.lo-toggle[data-lo-toggle='__search']")
    else:
        page.click(".md-search__input")
    page.keyboard.type("kitchen")
    page.wait_for_selector(".md-search-result__item")
    assert_no_axe_violations(page, f"the open search ({scheme}, {width}px)")
    page.fill(".md-search__input", "")
    result = page.evaluate(PLACEHOLDER_CONTRAST)
    assert result["ratio"] >= 4.5, f"search placeholder in the open search: {result}"


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [1280, 700])
def test_search_placeholder_has_enough_contrast_when_closed(
    theme_site: Site, open_page: Any, scheme: str, width: int
) -> None:
    page = open_page(theme_site.url(""), scheme=scheme, width=width)
    if width < 960:
        page.click("button.lo-toggle[data-lo-toggle='__search']")
    result = page.evaluate(PLACEHOLDER_CONTRAST)
    assert result["ratio"] >= 4.5, f"search placeholder: {result}"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_open_navigation_drawer_has_no_violations(
    theme_site: Site, open_page: Any, scheme: str
) -> None:
    page = open_page(theme_site.url("sink/"), scheme=scheme, width=400)
    page.click("button.lo-toggle[data-lo-toggle='__drawer']")
    # The context asks for reduced motion, so the drawer is in place at once.
    assert_no_axe_violations(page, f"the open navigation drawer ({scheme})")


def test_every_html_file_is_valid_html(site: Site, theme_site: Site) -> None:
    files = site.html_files() + theme_site.html_files()
    errors = run_vnu(files)
    if errors:
        report = "\n".join(
            f"{file}:\n" + "\n".join(f"  - {error}" for error in messages)
            for file, messages in errors.items()
        )
        pytest.fail(
            f"The Nu Html Checker found errors in {len(errors)} of {len(files)} files:\n{report}",
            pytrace=False,
        )
