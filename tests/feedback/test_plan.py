"""The section's plan, without MkDocs: addresses, search text, links to and from other records."""

from __future__ import annotations

from pathlib import Path

import pytest
from localoffer.core.check import check_site
from localoffer.core.clock import parse_today
from localoffer.core.site import Site
from localoffer.plan.feedback import (
    feedback_for_consultation,
    feedback_for_event,
    plan,
)
from localoffer.plan.model import OutputFile, PagePlan
from localoffer.plan.search import search_entries
from localoffer.plan.site_plan import plan_site

from .fixture_site import NEWEST_FIRST, TODAY, TRICKY_SAID, write_site


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    root = write_site(tmp_path_factory.mktemp("plan") / "site")
    result = check_site(root, parse_today(TODAY))
    assert result.ok, [p.format() for p in result.errors]
    return result.site


def output_url(src_uri: str) -> str:
    """Where MkDocs publishes a page (use_directory_urls)."""
    path = Path(src_uri).with_suffix("")
    parts = list(path.parts)
    if parts[-1] == "index":
        parts.pop()
    return "/" + "".join(f"{part}/" for part in parts)


def test_every_page_has_its_own_address(site: Site) -> None:
    pages = [item for item in plan(site) if isinstance(item, PagePlan)]
    urls = [output_url(page.src_uri) for page in pages]
    assert len(urls) == len(set(urls)), urls
    assert set(urls) == {
        "/you-said-we-did/",
        *(f"/you-said-we-did/{rid}/" for rid in NEWEST_FIRST),
        "/you-said-we-did/2026/",
        "/you-said-we-did/2025/",
        "/you-said-we-did/2024/",
    }


def test_no_page_of_the_section_collides_with_another_sections(site: Site) -> None:
    whole = plan_site(site)
    urls = [output_url(src) for src in whole.pages]
    assert len(urls) == len(set(urls))
    ours = {item.path for item in plan(site) if isinstance(item, OutputFile)}
    assert ours == {
        "data/feedback.json",
        "data/feedback.csv",
        "data/feedback-details.csv",
        "data/feedback.schema.json",
        "you-said-we-did/feed.xml",
    }


def test_round_ids_that_are_years_or_index_are_errors(tmp_path: Path) -> None:
    """The register and the yearly pages never move: such a round must be renamed."""
    root = write_site(tmp_path / "site")
    survey = (root / "responses" / "survey-2025.yml").read_text(encoding="utf-8")
    (root / "responses" / "index.yml").write_text(survey, encoding="utf-8")
    (root / "responses" / "2026.yml").write_text(
        survey.replace("received: 2025-11-28", "received: 2026-01-05"), encoding="utf-8"
    )
    result = check_site(root, parse_today(TODAY))
    assert [(p.path, p.line, p.column) for p in result.errors] == [
        ("responses/2026.yml", 1, 1),
        ("responses/index.yml", 1, 1),
    ]
    year, index = (p.message for p in result.errors)
    assert "/you-said-we-did/2026/ is the page of every comment received in 2026" in year
    assert "/you-said-we-did/ is the register of comments and responses" in index


def test_a_round_called_year_is_an_ordinary_round(tmp_path: Path) -> None:
    root = write_site(tmp_path / "site")
    survey = (root / "responses" / "survey-2025.yml").read_text(encoding="utf-8")
    (root / "responses" / "year.yml").write_text(survey, encoding="utf-8")
    result = check_site(root, parse_today(TODAY))
    assert result.ok, [p.format() for p in result.errors]
    pages = {output_url(p.src_uri): p for p in plan(result.site) if isinstance(p, PagePlan)}
    assert len(pages) == len([p for p in plan(result.site) if isinstance(p, PagePlan)])
    assert pages["/you-said-we-did/"].template == "localoffer/feedback-register.html"
    assert pages["/you-said-we-did/year/"].template == "localoffer/feedback-round.html"
    for year in (2026, 2025, 2024):
        assert pages[f"/you-said-we-did/{year}/"].template == "localoffer/feedback-year.html"


def test_a_rounds_search_entry_holds_what_was_said_as_it_was_typed(site: Site) -> None:
    # The entry is plain text (mkdocs/search_index.py escapes it into the index): what a child
    # typed, markup and all, is found as typed and never read as Markdown or HTML.
    entries = search_entries(site, plan_site(site, keep=False).pages)
    said = " ".join(TRICKY_SAID.split())
    (entry,) = [e for e in entries if e.location.startswith("you-said-we-did/") and said in e.text]
    assert f"You said: {said}" in entry.text


def test_feedback_for_event_and_consultation(site: Site) -> None:
    assert [r.id for r in feedback_for_event(site, "young-inspectors-launch")] == [
        "young-inspectors-website-2026"
    ]
    assert [r.id for r in feedback_for_consultation(site, "home-to-school-transport-2026")] == [
        "transport-responses-2026"
    ]
    assert feedback_for_consultation(site, "nothing") == []


def test_round_page_context_and_titles(site: Site) -> None:
    pages = {p.src_uri: p for p in plan(site) if isinstance(p, PagePlan)}
    page = pages["you-said-we-did/young-inspectors-website-2026/index.md"]
    assert page.html_title == (
        "Young Inspectors: the Local Offer website, 2026 – You said, we did – Anyshire Local Offer"
    )
    assert page.description.startswith("Fourteen Young Inspectors tested")
    assert page.context["lo_year_path"] == "you-said-we-did/2026/"
    year = pages["you-said-we-did/2026/index.md"]
    assert year.search is False, "the yearly page repeats the rounds, so search finds those"
    assert year.context["lo_print_base"] == "https://localoffer.anyshire.example/"


def test_description_never_carries_characters_that_need_escaping(tmp_path: Path) -> None:
    root = write_site(tmp_path / "site")
    record = root / "responses" / "survey-2025.yml"
    record.write_text(
        record.read_text(encoding="utf-8").replace(
            "summary: Our yearly survey about the Local Offer.",
            "summary: 'Our \"yearly\" survey <b>about</b> the Local Offer.'",
        ),
        encoding="utf-8",
    )
    result = check_site(root, parse_today(TODAY))
    assert result.ok
    pages = {p.src_uri: p for p in plan(result.site) if isinstance(p, PagePlan)}
    description = pages["you-said-we-did/survey-2025/index.md"].description
    assert description == "3 comments received 28 November 2025 (Survey), with our response."
