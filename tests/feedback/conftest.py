"""The fixture site for "You said, we did", built once for the whole package of tests."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup, Tag

from .fixture_site import build, write_site
from .parts_site import write_parts_site

# The shared browser harness (axe-core, vnu, pages in a fresh context); the browser itself is
# the run's one Chromium, the `browser` fixture of tests/conftest.py.
try:
    from browser.conftest import open_page
except ImportError:  # pragma: no cover - if tests/ becomes a package
    from tests.browser.conftest import open_page  # type: ignore[no-redef]

__all__ = ["open_page"]

HOST = "https://localoffer.anyshire.example"


@dataclass(frozen=True)
class Built:
    site: Path
    out: Path

    def file(self, url: str) -> Path:
        path = self.out / url.lstrip("/")
        return path / "index.html" if url.endswith("/") else path

    def soup(self, url: str) -> BeautifulSoup:
        return BeautifulSoup(self.file(url).read_text(encoding="utf-8"), "html5lib")

    def main(self, url: str) -> Tag:
        # The page's <main> landmark (the skip link's target is an empty marker inside it).
        main = self.soup(url).find("main")
        assert isinstance(main, Tag), f"{url} has no main content"
        return main

    def json(self, url: str) -> Any:
        return json.loads(self.file(url).read_text(encoding="utf-8"))


def resolve(page_url: str, href: str) -> str:
    """The site path a link on ``page_url`` goes to (``/documents/x.pdf``)."""
    return urlsplit(urljoin(HOST + page_url, href)).path


@pytest.fixture(scope="package")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Built]:
    root = tmp_path_factory.mktemp("feedback")
    site = write_site(root / "site")
    out = root / "out"
    result = build(site, out)
    assert result.returncode == 0, f"mkdocs build failed:\n{result.stdout}\n{result.stderr}"
    yield Built(site, out)


@pytest.fixture(scope="package")
def parts(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Built]:
    """The fixture site with a round of themes, figures and quotes and a round published as a
    report only (``parts_site.py``), built once."""
    root = tmp_path_factory.mktemp("parts")
    site = write_parts_site(root / "site")
    result = build(site, root / "out")
    assert result.returncode == 0, f"mkdocs build failed:\n{result.stdout}\n{result.stderr}"
    yield Built(site, root / "out")
