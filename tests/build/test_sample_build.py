"""The sample site builds, its records become pages out of the nav, and its lists are live."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from bs4 import BeautifulSoup

REPO = Path(__file__).resolve().parents[2]
TODAY = "2026-11-23"


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def record_ids(folder: str, suffixes: tuple[str, ...]) -> list[str]:
    return sorted(
        p.stem for p in (REPO / folder).rglob("*") if p.suffix in suffixes and p.name != "README.md"
    )


def test_check_passes_on_the_sample() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "localoffer.cli", "check"],
        cwd=REPO,
        env={**os.environ, "LOCALOFFER_TODAY": TODAY},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 errors" in result.stderr


def test_every_record_has_a_page(sample_build: Path) -> None:
    for folder, suffixes, url in (
        ("consultations", (".md",), "consultations"),
        ("events", (".md",), "events"),
        ("responses", (".yml", ".yaml"), "you-said-we-did"),
    ):
        ids = record_ids(folder, suffixes)
        assert ids, f"the sample has no {folder}"
        for record_id in ids:
            page = sample_build / url / record_id / "index.html"
            assert page.is_file(), f"no page for {folder}/{record_id}"
            assert soup(page).find("h1") is not None


def test_record_pages_are_not_in_the_nav(sample_build: Path) -> None:
    home = soup(sample_build / "index.html")
    nav_links = [a.get("href", "") for a in home.select("nav.md-nav a")]
    assert nav_links, "the home page has no navigation"
    ids = record_ids("consultations", (".md",)) + record_ids("events", (".md",))
    for href in nav_links:
        assert not any(f"/{record_id}/" in href for record_id in ids), href


def test_embeds_are_rendered(sample_build: Path) -> None:
    for page in sample_build.rglob("*.html"):
        assert "localoffer:" not in page.read_text(encoding="utf-8"), page


def test_previous_ids_redirect(sample_build: Path) -> None:
    import yaml
    from localoffer.core.source.reader import split_front_matter

    found = 0
    for folder in ("consultations", "events"):
        for path in (REPO / folder).rglob("*.md"):
            front, _ = split_front_matter(path.read_text(encoding="utf-8"))
            for old in yaml.safe_load(front).get("previous_ids", []) or []:
                page = soup(sample_build / folder / old / "index.html")
                refresh = page.find("meta", attrs={"http-equiv": "refresh"})
                assert refresh is not None and refresh["content"].endswith(f"../{path.stem}/")
                assert page.find("a")["href"] == f"../{path.stem}/"
                found += 1
    assert found >= 1, "the sample should show a renamed record"


def test_accessibility_statement_lists_untagged_pdfs(sample_build: Path) -> None:
    from pypdf import PdfReader

    page = soup(sample_build / "accessibility" / "index.html")
    listed = {a["href"].rsplit("/", 1)[-1] for a in page.select(".lo-inaccessible-documents a")}
    untagged = set()
    for pdf in (REPO / "content" / "documents").glob("*.pdf"):
        root = PdfReader(pdf).trailer["/Root"]
        if "/StructTreeRoot" not in root:
            untagged.add(pdf.name)
    # Every listed file is untagged; the untagged ones the sample uses without accessible: true
    # are listed (the sample marks none of its untagged PDFs as checked).
    assert listed, "the statement lists no documents"
    assert {name for name in listed if name.endswith(".pdf")} <= untagged
    for heading in ("Compliance status", "Enforcement procedure", "Non-accessible content"):
        assert page.find(string=heading) is not None, heading
    footer_links = [a.get("href") for a in soup(sample_build / "index.html").select("footer a")]
    assert any(href and "accessibility/" in href for href in footer_links)


def test_search_index_has_one_compact_entry_per_record(sample_build: Path) -> None:
    import json

    docs = json.loads((sample_build / "search" / "search_index.json").read_text())["docs"]
    by_location: dict[str, list[dict[str, str]]] = {}
    for doc in docs:
        by_location.setdefault(doc["location"].split("#")[0], []).append(doc)
    for record_id in record_ids("consultations", (".md",)):
        entries = by_location[f"consultations/{record_id}/"]
        assert len(entries) == 1 and entries[0]["text"].startswith("Consultation (")
    upcoming = [loc for loc in by_location if loc.startswith("events/") and loc.count("/") == 2]
    assert upcoming, "upcoming events are searchable"
    for location in upcoming:
        if location in ("events/engagement/", "events/past/"):
            continue
        assert len(by_location[location]) == 1, location
    # A service's page is rendered with the record pages, out of the full index: its one
    # entry has its provider, summary and the words of its categories and needs.
    for record_id in record_ids("services", (".md",)):
        (entry,) = by_location[f"services/{record_id}/"]
        assert entry["text"].startswith("Service from "), entry
    (outreach,) = by_location["services/autism-outreach-team/"]
    assert outreach["title"] == "Autism and communication outreach team"
    assert outreach["text"].startswith(
        "Service from Anyshire County Council. Specialist teachers who advise schools"
    )
    for words in ("Education", "Communication and interaction", "mental health"):
        assert words.lower() in outreach["text"].lower(), words
    # A feedback round's page is rendered with the record pages too, and its one entry has all
    # its words, comments included; a round published as a document only has its summary (and
    # the document's own words are in the document).
    for record_id in record_ids("responses", (".yml", ".yaml")):
        (entry,) = by_location[f"you-said-we-did/{record_id}/"]
        text = entry["text"]
        source = next((REPO / "responses").glob(f"{record_id}.y*ml")).read_text(encoding="utf-8")
        if "\ncomments:" in source or "\nthemes:" in source or "\nquotes:" in source:
            assert len(text) > 1000, record_id
        else:
            assert "published as a document" in text and len(text) > 200, record_id
