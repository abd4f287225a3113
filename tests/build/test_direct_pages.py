"""Pages the plugin renders itself are exactly the pages MkDocs would have rendered.

The sample site is built twice: as usual (record pages out of the nav rendered by the plugin,
mkdocs/direct_pages.py) and with ``record_pages: mkdocs`` (every page through MkDocs' page loop).
Every output file, the sitemap included, must be the same byte for byte.
"""

from __future__ import annotations

import gzip
import warnings
from pathlib import Path

import yaml
from bs4 import BeautifulSoup, XMLParsedAsHTMLWarning

from tests.build.conftest import copy_sample, mkdocs


def _files(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
    }


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml's own tags: ``site_url: !ENV [SITE_URL, ...]`` (its value is not needed)."""


_ConfigLoader.add_constructor("!ENV", lambda loader, node: None)


def _set_record_pages(site: Path, value: str) -> None:
    config_path = site / "mkdocs.yml"
    text = config_path.read_text(encoding="utf-8")
    marker = "  - localoffer:\n"
    assert marker in text
    config_path.write_text(
        text.replace(marker, f"{marker}      record_pages: {value}\n", 1), encoding="utf-8"
    )
    plugins = yaml.load(config_path.read_text(encoding="utf-8"), Loader=_ConfigLoader)["plugins"]
    assert any(isinstance(p, dict) and "localoffer" in p for p in plugins)


def test_direct_rendering_matches_mkdocs_byte_for_byte(tmp_path: Path, sample_build: Path) -> None:
    site = copy_sample(tmp_path)
    _set_record_pages(site, "mkdocs")
    result = mkdocs(site, "build", "--strict", "-d", str(site / "out"))
    assert result.returncode == 0, result.stdout + result.stderr
    through_mkdocs = _files(site / "out")
    direct = _files(sample_build)
    assert sorted(direct) == sorted(through_mkdocs)
    different = [name for name in direct if direct[name] != through_mkdocs[name]]
    assert different == []
    # The comparison covers the record pages and the sitemap lists them.
    assert sum(1 for name in direct if name.startswith("events/") and name.endswith(".html")) > 20
    sitemap = gzip.decompress(direct["sitemap.xml.gz"]).decode()
    assert sitemap == direct["sitemap.xml"].decode()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        locs = {loc.text for loc in BeautifulSoup(sitemap, "html.parser").find_all("loc")}
    event_pages = [  # event pages, not the redirects from events' earlier addresses
        n
        for n in direct
        if n.startswith("events/")
        and n.endswith("/index.html")
        and b'data-md-component="content"' in direct[n]
    ]
    assert len(event_pages) > 20
    for name in event_pages:
        url = "https://localoffer.anyshire.example/" + name.removesuffix("index.html")
        assert url in locs, url


def test_broken_link_in_a_record_body_fails_a_strict_build(tmp_path: Path) -> None:
    site = copy_sample(tmp_path)
    event = next((site / "events").rglob("*.md"))
    event.write_text(
        event.read_text(encoding="utf-8") + "\nSee [the missing page](../no-such-page.md).\n",
        encoding="utf-8",
    )
    result = mkdocs(site, "build", "--strict", "-d", str(site / "out"))
    assert result.returncode != 0
    assert "no-such-page.md" in result.stdout + result.stderr


def test_links_from_content_pages_to_record_pages_resolve(sample_build: Path) -> None:
    # content/index.md links to events/engagement/index.md, a page the plugin renders.
    home = BeautifulSoup((sample_build / "index.html").read_bytes(), "html.parser")
    hrefs = {a["href"] for a in home.find_all("a", href=True)}
    assert "events/engagement/" in hrefs
    assert (sample_build / "events" / "engagement" / "index.html").is_file()


def test_every_record_page_template_shares_its_frame(tmp_path: Path) -> None:
    """No template of ours prints something of the page outside the page's blocks, which would
    make every page of it be rendered whole (frame and all), several times slower: it went
    unnoticed for a day once, when the date a page last changed was put into the head."""
    site = copy_sample(tmp_path)
    result = mkdocs(site, "build", "-v", "-d", str(site / "out"))
    assert result.returncode == 0, result.stdout + result.stderr
    log = result.stdout + result.stderr
    assert "localoffer: " in log and "rendered" in log  # the debug log is on
    whole = [line for line in log.splitlines() if "are rendered whole" in line]
    assert whole == []
