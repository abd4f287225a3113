"""The ways to respond issue 18 added, in a real build: each with its own words on the
consultation page, hidden once it has closed as the others are, and in the open data. The
consultation also uses the new vocabulary terms, which the register offers and has pages for."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from tests.core.sitekit import write_pdf
from tests.events.sitebuild import build, page, write_site

TODAY = "2026-11-23"
OPEN = """\
---
title: Feeling safe at school
summary: What would make school feel safer for children in care and young people?
opens: 2026-11-02
closes: 2027-01-15
audiences: [children-in-care, young-people]
topics: [bullying, safeguarding, housing]
areas: [national]
lead: Virtual School
contact: virtualschool@anyshire.example
respond:
  - online: https://haveyoursay.anyshire.example/feeling-safe
  - post: Virtual School, County Hall, Market Street, Anbury AY1 1AA
  - competition: Draw or paint a safe place and post it to us by 10 January
  - school_pack: documents/safe-school-pack.pdf
  - pinboard: https://pinboard.anyshire.example/feeling-safe
  - recording: voices@anyshire.example
  - form: documents/safe-school-form.pdf
easy_read:
  title: Easy Read version
  url: https://haveyoursay.anyshire.example/feeling-safe/easy-read
---
What we are asking.
"""
CLOSED = """\
---
title: Art about short breaks
summary: Pictures of a good short break.
opens: 2026-09-01
closes: 2026-10-31
audiences: [children]
lead: Short Breaks Team
respond:
  - competition: https://www.anyshire.example/short-breaks-art
  - pinboard: https://pinboard.anyshire.example/short-breaks
---
What we asked.
"""
UPCOMING = """\
---
title: Housing adaptations
summary: How we adapt homes for disabled children.
opens: 2027-02-01
closes: 2027-03-31
audiences: [parents-carers]
topics: [housing]
lead: Housing Team
respond:
  - recording: 01632 960 321
  - pinboard: https://pinboard.anyshire.example/housing
---
What we will ask.
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = write_site(tmp_path_factory.mktemp("ways") / "site", {})
    for name, text in {
        "feeling-safe": OPEN,
        "short-breaks-art": CLOSED,
        "housing-adaptations": UPCOMING,
    }.items():
        (root / "consultations" / f"{name}.md").write_text(text, encoding="utf-8")
    documents = root / "content" / "documents"
    write_pdf(documents / "safe-school-pack.pdf", pages=2, tagged=True)
    write_pdf(documents / "safe-school-form.pdf", pages=1, tagged=False)
    return build(root, TODAY)


def ways(soup: BeautifulSoup) -> dict[str, Tag]:
    section = soup.select_one("section.lo-respond")
    assert section is not None
    found = {}
    for item in section.select("li.lo-respond__way"):
        kind = next(c for c in item["class"] if c.startswith("lo-respond__way--"))
        found[kind.removeprefix("lo-respond__way--")] = item
    return found


def said(tag: Tag) -> str:
    return " ".join(tag.get_text(" ", strip=True).split())


def test_each_new_way_has_its_own_words_and_link(site: Path) -> None:
    found = ways(page(site, "consultations/feeling-safe"))
    assert list(found) == [
        "online",
        "post",
        "competition",
        "school_pack",
        "pinboard",
        "recording",
        "form",
    ]
    assert said(found["competition"]) == (
        "Enter the competition: Draw or paint a safe place and post it to us by 10 January"
    )
    pack = found["school_pack"]
    assert said(pack).startswith("For schools: download the school pack (PDF, ")
    assert said(pack).endswith("2 pages) to take part as a class.")
    assert pack.a is not None and pack.a["href"].endswith("documents/safe-school-pack.pdf")
    assert not pack.select(".lo-document__request")  # tagged: no request needed
    pinboard = found["pinboard"]
    assert said(pinboard) == "Add your ideas to our online pinboard"
    assert pinboard.a is not None
    assert pinboard.a["href"] == "https://pinboard.anyshire.example/feeling-safe"
    recording = found["recording"]
    assert said(recording) == "Send us a voice or video recording: voices@anyshire.example"
    assert recording.a is not None and recording.a["href"] == "mailto:voices@anyshire.example"
    form = found["form"]
    assert said(form).startswith("Download the response form (PDF, ")
    assert "1 page), fill it in and send it back by post." in said(form)
    links = form.find_all("a")
    assert links[0]["href"].endswith("documents/safe-school-form.pdf")
    # Untagged: the reader can ask for an accessible format of the form, by name.
    assert links[1]["href"].startswith("mailto:virtualschool@anyshire.example?subject=")
    assert "Response%20form%2C%20Feeling%20safe%20at%20school" in links[1]["href"]


def test_ways_are_hidden_once_closed_and_until_it_opens(site: Path) -> None:
    closed = page(site, "consultations/short-breaks-art")
    assert closed.select_one("section.lo-respond") is None
    assert "pinboard.anyshire.example" not in str(closed.select_one("main"))
    upcoming = page(site, "consultations/housing-adaptations")
    section = upcoming.select_one("section.lo-respond")
    assert section is not None and section.has_attr("hidden")
    assert section.has_attr("data-lo-while-open") and section.has_attr("data-lo-once-open")
    recording = ways(upcoming)["recording"]
    assert recording.a is not None and recording.a["href"] == "tel:01632960321"


def test_open_data_lists_the_new_ways(site: Path) -> None:
    items = {
        item["id"]: item
        for item in json.loads((site / "data" / "consultations.json").read_text())["items"]
    }
    assert items["feeling-safe"]["respond"][2:] == [
        {"competition": "Draw or paint a safe place and post it to us by 10 January"},
        {"school_pack": "documents/safe-school-pack.pdf"},
        {"pinboard": "https://pinboard.anyshire.example/feeling-safe"},
        {"recording": "voices@anyshire.example"},
        {"form": "documents/safe-school-form.pdf"},
    ]
    text = (site / "data" / "consultations.csv").read_text(encoding="utf-8-sig")
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(text))}
    cell = rows["feeling-safe"]["respond"]
    assert "school_pack: documents/safe-school-pack.pdf" in cell
    assert "pinboard: https://pinboard.anyshire.example/feeling-safe" in cell
    schema = json.loads((site / "data" / "consultations.schema.json").read_text())
    respond = json.dumps(schema)
    for kind in ("competition", "school_pack", "pinboard", "recording", "form"):
        assert f'"{kind}"' in respond


def test_the_register_offers_and_has_pages_for_the_new_terms(site: Path) -> None:
    register = page(site, "consultations")
    offered = {(box["name"], box["value"]) for box in register.select("form input[type=checkbox]")}
    for term in ("bullying", "safeguarding", "housing"):
        assert ("topic", term) in offered
        assert "Feeling safe at school" in page(site, f"consultations/topic/{term}").get_text()
    assert "Housing adaptations" in page(site, "consultations/topic/housing").get_text()
    assert ("audience", "children-in-care") in offered
    audience = page(site, "consultations/audience/children-in-care")
    assert "Feeling safe at school" in audience.get_text()
    main = page(site, "consultations/feeling-safe").select_one("main")
    assert main is not None
    for label in ("Children in care", "Bullying", "Safeguarding", "Housing", "National"):
        assert label in said(main)
