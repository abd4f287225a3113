"""A pull request's preview is built for its own address: SITE_URL overrides site_url.

mkdocs.yml says ``site_url: !ENV [SITE_URL, "https://localoffer.anyshire.example/"]``, so the
Checks workflow builds each pull request for https://OWNER.github.io/REPOSITORY/pr-preview/pr-N/
and every full address in the preview (canonical links, feeds, calendars, sitemap, open data)
points into the preview. ``localoffer check`` reads mkdocs.yml without MkDocs and must agree.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urljoin, urlsplit
from xml.etree import ElementTree

import feedparser
import pytest
from bs4 import BeautifulSoup
from localoffer.core.settings import read_settings
from mkdocs.config import load_config

REPO = Path(__file__).resolve().parent.parent
SITE_PARTS = ("mkdocs.yml", "content", "consultations", "events", "responses", "services")
TODAY = "2026-11-23"
DEFAULT = "https://localoffer.anyshire.example/"
PREVIEW = "https://example.github.io/local-offer/pr-preview/pr-7/"
PREVIEW_PATH = urlsplit(PREVIEW).path  # /local-offer/pr-preview/pr-7/
TEXT_FILES = {".html", ".xml", ".ics", ".json", ".csv", ".txt", ".js", ".yml", ".webmanifest"}
ANY_DEFAULT_LINK = re.compile(r"(?:https?:)?//localoffer\.anyshire\.example", re.I)


# --- the setting -----------------------------------------------------------------------------


def test_site_url_is_the_default_without_site_url_in_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("SITE_URL", raising=False)
    settings, problems = read_settings(REPO)
    assert [p for p in problems if p.severity == "error"] == []
    assert settings.site_url == DEFAULT
    assert load_config(config_file=str(REPO / "mkdocs.yml")).site_url == DEFAULT


def test_site_url_comes_from_the_environment_when_it_is_set(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SITE_URL", PREVIEW)
    settings, problems = read_settings(REPO)
    assert [p for p in problems if p.severity == "error"] == []
    assert settings.site_url == PREVIEW
    assert settings.base_url == PREVIEW.rstrip("/")
    # MkDocs reads it the same way, so the checker and the build agree.
    assert load_config(config_file=str(REPO / "mkdocs.yml")).site_url == PREVIEW


def test_a_bad_site_url_in_the_environment_is_reported_on_the_site_url_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SITE_URL", "example.github.io/local-offer/")
    line = next(
        number
        for number, text in enumerate(
            (REPO / "mkdocs.yml").read_text(encoding="utf-8").splitlines(), 1
        )
        if text.startswith("site_url:")
    )
    _, problems = read_settings(REPO)
    assert [p.format() for p in problems] == [
        f"mkdocs.yml:{line}:1: error: site_url 'example.github.io/local-offer/' must be a full "
        "address starting with https://"
    ]


# --- the site, built for a preview -----------------------------------------------------------


def run(site: Path, *command: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "SITE_URL": PREVIEW,
        "LOCALOFFER_TODAY": TODAY,
        "NO_MKDOCS_2_WARNING": "1",
    }
    return subprocess.run(
        [sys.executable, "-m", *command],
        cwd=site,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


@pytest.fixture(scope="module")
def preview(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample site, checked and built as the Checks workflow does for pull request 7."""
    site = tmp_path_factory.mktemp("preview")
    for part in SITE_PARTS:
        source = REPO / part
        if source.is_dir():
            shutil.copytree(source, site / part)
        else:
            shutil.copy2(source, site / part)
    checked = run(site, "localoffer.cli", "check", "--format", "github")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    built = run(site, "mkdocs", "build", "--strict", "-d", str(site / "out"))
    assert built.returncode == 0, built.stdout + built.stderr
    return site / "out"


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def pages(out: Path) -> list[Path]:
    return sorted(out.rglob("*.html"))


def text_files(out: Path) -> dict[str, str]:
    """Every text file of the site by its path, with calendars' folded lines unfolded."""
    files = {}
    for path in sorted(out.rglob("*")):
        if path.is_file() and path.suffix in TEXT_FILES:
            text = path.read_bytes().decode("utf-8", errors="replace")
            files[str(path.relative_to(out))] = (
                text.replace("\r\n ", "") if path.suffix == ".ics" else text
            )
    return files


@pytest.mark.slow
def test_canonical_links_use_the_preview_address(preview: Path) -> None:
    home = soup(preview / "index.html").find_all("link", rel="canonical")
    assert [link["href"] for link in home] == [PREVIEW]
    consultation = soup(preview / "consultations/short-breaks-statement-2027/index.html")
    assert [link["href"] for link in consultation.find_all("link", rel="canonical")] == [
        f"{PREVIEW}consultations/short-breaks-statement-2027/"
    ]
    checked = 0
    for page in pages(preview):
        for link in soup(page).find_all("link", rel="canonical"):
            assert str(link["href"]).startswith(PREVIEW), (page, link)
            checked += 1
    assert checked > 50


@pytest.mark.slow
@pytest.mark.parametrize(
    ("feed", "page"),
    [
        ("consultations/feed.xml", "consultations/"),
        ("you-said-we-did/feed.xml", "you-said-we-did/"),
    ],
)
def test_the_atom_feeds_use_the_preview_address(preview: Path, feed: str, page: str) -> None:
    parsed = feedparser.parse((preview / feed).read_bytes())
    assert not parsed.bozo, parsed.bozo_exception
    assert parsed.feed.id == f"{PREVIEW}{feed}"
    links = {link.rel: link.href for link in parsed.feed.links}
    assert links == {"self": f"{PREVIEW}{feed}", "alternate": f"{PREVIEW}{page}"}
    assert parsed.entries
    for entry in parsed.entries:
        assert entry.id.startswith(f"{PREVIEW}{page}"), entry.id
        assert entry.link.startswith(f"{PREVIEW}{page}"), entry.link
    # The register's page links to its feed (relatively), which leads into the preview too.
    alternates = soup(preview / page / "index.html").find_all(
        "link", rel="alternate", type="application/atom+xml"
    )
    hrefs = [urljoin(f"{PREVIEW}{page}", str(link["href"])) for link in alternates]
    assert hrefs == [f"{PREVIEW}{feed}"]


@pytest.mark.slow
def test_the_sitemap_uses_the_preview_address(preview: Path) -> None:
    sitemap = ElementTree.parse(preview / "sitemap.xml").getroot()
    namespace = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    locations = [(loc.text or "").strip() for loc in sitemap.iter(f"{namespace}loc")]
    assert len(locations) > 10
    assert PREVIEW in locations
    assert [loc for loc in locations if not loc.startswith(PREVIEW)] == []


@pytest.mark.slow
def test_the_calendars_link_to_the_preview(preview: Path) -> None:
    lines = text_files(preview)["events/calendar.ics"]
    urls = [line.split(":", 1)[1] for line in lines.splitlines() if line.startswith("URL")]
    assert urls
    assert [url for url in urls if not url.startswith(f"{PREVIEW}events/")] == []


@pytest.mark.slow
def test_no_full_address_of_the_public_site_is_left(preview: Path) -> None:
    files = text_files(preview)
    assert len(files) > 100
    found = {
        path: sorted(set(ANY_DEFAULT_LINK.findall(text)))
        for path, text in files.items()
        if ANY_DEFAULT_LINK.search(text)
    }
    assert found == {}
    # (The sample's email address, localoffer@anyshire.example, is not a link to the site.)
    assert "localoffer@anyshire.example" in (preview / "index.html").read_text(encoding="utf-8")


@pytest.mark.slow
def test_links_from_page_to_page_stay_inside_the_preview(preview: Path) -> None:
    # A link starting with / goes to the host's top; in a preview it must start with the
    # preview's folder, or a reviewer clicking it would leave the preview.
    outside = []
    for page in pages(preview):
        for tag in soup(page).find_all(href=True) + soup(page).find_all(src=True):
            for attribute in ("href", "src"):
                value = str(tag.get(attribute, ""))
                if value.startswith("/") and not value.startswith(("//", PREVIEW_PATH)):
                    outside.append((str(page.relative_to(preview)), value))
    assert outside == []


@pytest.mark.slow
def test_every_full_address_in_the_preview_is_inside_it_once(preview: Path) -> None:
    host = re.compile(r"https?://example\.github\.io[^\s\"'<>)\\]*")
    wrong = {
        (path, url)
        for path, text in text_files(preview).items()
        for url in host.findall(text)
        if not url.startswith(PREVIEW) or PREVIEW_PATH.lstrip("/") in url[len(PREVIEW) :]
    }
    assert sorted(wrong)[:5] == []
