"""What every themed page carries in its HTML: language, title, skip link, footer links.

These read the built files with a real HTML parser; they need the build but not the browser.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin

from bs4 import BeautifulSoup

from .conftest import REPO, Site

SITE_NAME = re.search(
    r"^site_name:\s*(.+?)\s*$", (REPO / "mkdocs.yml").read_text(encoding="utf-8"), re.M
).group(1)  # type: ignore[union-attr]


def themed_pages(site: Site) -> list[tuple[Path, BeautifulSoup]]:
    """Every page drawn with the theme (redirect pages for renamed records are not)."""
    pages = []
    for file in site.html_files():
        soup = BeautifulSoup(file.read_text(encoding="utf-8"), "html5lib")
        if soup.select_one("header.md-header"):
            pages.append((file, soup))
    return pages


def test_every_page_is_in_british_english_with_skip_link_and_accessibility_statement(
    site: Site, theme_site: Site
) -> None:
    problems = []
    for built in (site, theme_site):
        pages = themed_pages(built)
        assert len(pages) >= 3
        for file, soup in pages:
            where = file.relative_to(built.root)
            html = soup.find("html")
            if html is None or html.get("lang") != "en-GB":
                problems.append(f"{where}: <html lang> is not en-GB")
            skip = soup.select_one("a.md-skip")
            if skip is None or skip.get("href") != "#main-content":
                problems.append(f"{where}: no skip link to #main-content")
            if soup.find(id="main-content") is None:
                problems.append(f"{where}: no element with id main-content")
            links = [
                a
                for a in soup.select("footer a[href]")
                if a.get_text(strip=True) == "Accessibility statement"
            ]
            here = f"https://site.example/{where.as_posix()}"
            if (
                not links
                or urljoin(here, str(links[0]["href"])) != "https://site.example/accessibility/"
            ):
                found = [a["href"] for a in links]
                problems.append(f"{where}: footer link to the accessibility statement: {found}")
            for toggle in soup.select("input.md-toggle"):
                if toggle.has_attr("autocomplete"):
                    problems.append(f"{where}: checkbox toggle with autocomplete")
    assert problems == []


def test_page_titles_name_the_page_then_the_site(site: Site) -> None:
    titles = {
        file.relative_to(site.root).as_posix(): soup.title.get_text(strip=True)
        for file, soup in themed_pages(site)
        if soup.title is not None
    }
    assert titles["index.html"] == SITE_NAME
    assert titles["404.html"] == f"Page not found – {SITE_NAME}"
    for path, title in titles.items():
        if path not in ("index.html", "404.html"):
            assert title.endswith(f" – {SITE_NAME}") and " - " not in title, (path, title)
