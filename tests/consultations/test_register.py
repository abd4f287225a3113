"""The consultation register (/consultations/) of the fixture site and of the sample site."""

from __future__ import annotations

import re
from itertools import pairwise
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import Tag

from .fixture_site import CONSULTATIONS, REPO, STATUSES, Built


def text(element: Tag | None) -> str:
    assert element is not None
    return " ".join(element.get_text(" ").split())


@pytest.fixture(scope="module")
def register(built: Built) -> Tag:
    found = built.soup("consultations/").find("article")
    assert isinstance(found, Tag)
    return found


def sections(register: Tag) -> dict[str, Tag]:
    return {s["data-lo-section"]: s for s in register.find_all(attrs={"data-lo-section": True})}


def ids_in(section: Tag) -> list[str]:
    return [
        urlsplit(item.find("a")["href"]).path.strip("/")
        for item in section.find_all(attrs={"data-lo-item": True})
    ]


def test_the_register_is_titled_and_has_one_h1(built: Built) -> None:
    soup = built.soup("consultations/")
    assert soup.title is not None
    assert soup.title.get_text() == "Consultations – Anyshire Local Offer"
    assert len(soup.find_all("h1")) == 1


def test_the_site_can_write_the_register_introduction(register: Tag) -> None:
    first = register.find("p")
    assert text(first) == "Anyshire wants to hear from families before we change services."
    assert text(first.find("strong")) == "families"  # type: ignore[union-attr]


def test_sections_by_status_in_order_with_headings(register: Tag) -> None:
    found = sections(register)
    assert list(found) == ["open", "upcoming", "closed", "outcome", "withdrawn"]
    headings = [text(s.find("h2")) for s in found.values()]
    assert headings == [
        "Open consultations",
        "Upcoming consultations",
        "Closed: we are analysing your feedback",
        "Outcomes published",
        "Withdrawn consultations",
    ]
    for section in found.values():
        assert section.has_attr("data-lo-group")
        assert not section.has_attr("hidden")


def test_each_section_is_in_its_order(register: Tag) -> None:
    found = sections(register)
    # Open: closing soonest first.
    # A paused one stays in this section (its status is still open), with its tag.
    assert ids_in(found["open"]) == [
        "holiday-survey",
        "short-breaks-2027",
        "travel-training-paused",
        "respite-review-extended",
        "hostile",
        "play-schemes-resumed",
    ]
    # Upcoming: opening soonest first.
    assert ids_in(found["upcoming"]) == ["annual-reviews-2027", "inclusion-strategy-2028"]
    # Closed: most recently closed first.
    assert ids_in(found["closed"]) == [
        "therapies-unknown-opening",
        "website-review",
        "school-places",
        "national-send-review",
    ]
    # Outcome published: newest first.
    assert ids_in(found["outcome"]) == ["transport-2026", "sen-support-guidance"]
    assert ids_in(found["withdrawn"]) == ["respite-centre"]


def test_every_consultation_is_listed_once_and_reachable_without_javascript(
    built: Built, register: Tag
) -> None:
    items = register.find_all(attrs={"data-lo-item": True})
    listed = [urlsplit(item.find("a")["href"]).path.strip("/") for item in items]
    assert sorted(listed) == sorted(STATUSES)
    for item in items:
        href = item.find("a")["href"]
        url = urljoin("https://site.example/consultations/", href)
        assert (built.out / urlsplit(url).path.lstrip("/") / "index.html").is_file()
        assert not item.find_parent(attrs={"hidden": True})
    # The filters need JavaScript, so without it the form is hidden.
    form = register.find("form", class_="lo-filters")
    assert form is not None and form.has_attr("hidden")


def test_items_carry_the_filter_fields(register: Tag) -> None:
    items = {
        urlsplit(item.find("a")["href"]).path.strip("/"): item
        for item in register.find_all(attrs={"data-lo-item": True})
    }
    for record_id, status in STATUSES.items():
        assert items[record_id]["data-status"] == status
    short_breaks = items["short-breaks-2027"]
    assert short_breaks["data-topic"] == "short-breaks social-care"
    assert short_breaks["data-audience"] == "parents-carers young-people"
    assert short_breaks["data-area"] == "north south"
    # Free text is matched against the item's text: no second copy of it.
    assert not short_breaks.has_attr("data-text")
    assert items["holiday-survey"]["data-area"] == "countywide"
    assert items["hostile"]["data-topic"] == ""


def test_status_tags_are_words_and_flags_are_shown(register: Tag) -> None:
    items = {
        urlsplit(item.find("a")["href"]).path.strip("/"): item
        for item in register.find_all(attrs={"data-lo-item": True})
    }
    assert text(items["holiday-survey"].find(attrs={"data-lo-flag": True})) == "Closing soon"
    assert text(items["school-places"].find(attrs={"data-lo-flag": True})) == "Outcome overdue"
    assert items["website-review"].find(attrs={"data-lo-flag": True}) is None
    assert "We are analysing your feedback" in text(items["website-review"])
    assert "Why it was withdrawn: Families told us" in text(items["respite-centre"])
    assert text(items["transport-2026"].find(attrs={"data-lo-tag": True})) == "Outcome published"


def test_counts(register: Tag) -> None:
    counts = {
        li["data-lo-count"]: text(li) for li in register.find_all(attrs={"data-lo-count": True})
    }
    assert counts == {
        "open": "6 open",
        "upcoming": "2 upcoming",
        "closed": "4 closed",
        "outcome": "2 with an outcome published",
        "withdrawn": "1 withdrawn",
    }
    assert "There are 15 consultations here" in text(register)
    links = [li.find("a")["href"] for li in register.find_all(attrs={"data-lo-count": True})]
    for href in links:
        assert register.find(id=href.lstrip("#")) is not None


def test_filter_form_follows_the_shared_markup_contract(register: Tag) -> None:
    form = register.find("form", class_="lo-filters")
    assert isinstance(form, Tag)
    list_id = form["data-lo-filter-for"]
    assert form["data-lo-noun"] == "consultation|consultations"
    listing = register.find(id=list_id)
    assert isinstance(listing, Tag)
    assert len(listing.find_all(attrs={"data-lo-item": True})) == len(STATUSES)
    count = register.find(id=f"{list_id}-count")
    assert isinstance(count, Tag)
    assert count["role"] == "status" and count["aria-live"] == "polite"
    assert "lo-result-count" in count["class"]
    legends = [text(f.find("legend")) for f in form.find_all("fieldset")]
    assert legends == ["Status", "Topic", "Who it is for", "Area"]
    boxes = {(box["name"], box["value"]) for box in form.find_all("input", type="checkbox")}
    assert {("status", s) for s in ("open", "upcoming", "closed", "outcome", "withdrawn")} <= boxes
    assert ("topic", "short-breaks") in boxes and ("audience", "children") in boxes
    assert ("area", "north") in boxes and ("area", "online") in boxes
    # Only terms some consultation uses are offered.
    assert ("topic", "mental-health") not in boxes
    search = form.find("input", type="search")
    assert search is not None and search["name"] == "q"
    for control in form.find_all("input"):
        label = form.find("label", attrs={"for": control["id"]})
        assert label is not None and text(label)
    reset = form.find("button", type="reset")
    assert reset is not None and text(reset) == "Clear filters"


def test_headings_go_in_order(built: Built) -> None:
    soup = built.soup("consultations/")
    main = soup.find("article")
    levels = [int(h.name[1]) for h in main.find_all(["h1", "h2", "h3", "h4"])]
    assert levels[0] == 1
    for before, after in pairwise(levels):
        assert after <= before + 1


def test_register_links_the_feed_and_the_open_data(built: Built, register: Tag) -> None:
    hrefs = {text(a): a["href"] for a in register.find_all("a")}
    assert hrefs["Subscribe to the consultations feed (Atom)"] == "feed.xml"
    assert hrefs["JSON"] == "../data/consultations.json"
    assert hrefs["CSV"] == "../data/consultations.csv"
    assert hrefs["JSON Schema"] == "../data/consultations.schema.json"
    for path in ("consultations/feed.xml", "data/consultations.json", "data/consultations.csv"):
        assert (built.out / path).is_file()


def test_the_register_loads_the_status_script_before_the_filter_script(built: Built) -> None:
    soup = built.soup("consultations/")
    sources = [s.get("src", "") for s in soup.find_all("script")]
    status = next(i for i, src in enumerate(sources) if src.endswith("status.js"))
    filters = next(i for i, src in enumerate(sources) if src.endswith("filters.js"))
    assert status < filters
    assert (built.out / "assets/localoffer/status.js").is_file()


def sample_ids() -> list[str]:
    return sorted(path.stem for path in (REPO / "consultations").rglob("*.md"))


def test_the_sample_register_lists_every_sample_consultation(sample_built: Built) -> None:
    register = sample_built.soup("consultations/").find("article")
    assert isinstance(register, Tag)
    listed = sorted(
        urlsplit(item.find("a")["href"]).path.strip("/")
        for item in register.find_all(attrs={"data-lo-item": True})
    )
    assert listed == sample_ids()
    assert len(listed) >= 5
    for record_id in listed:
        page = Path(sample_built.out / "consultations" / record_id / "index.html")
        assert page.is_file()
    # The sample covers every status.
    statuses = {item["data-status"] for item in register.find_all(attrs={"data-lo-item": True})}
    assert statuses == {"open", "upcoming", "closed", "outcome", "withdrawn"}


def closing_years() -> dict[str, int]:
    """Each fixture consultation's closing year, read from its record's text."""
    years = {}
    for name, record in CONSULTATIONS.items():
        found = re.search(r"^closes: (\d{4})-", record, re.MULTILINE)
        assert found is not None, name
        years[Path(name).stem] = int(found.group(1))
    return years


def test_the_figures_count_consultations_by_status_by_closing_year(register: Tag) -> None:
    """A chart (inline SVG, no script) and the table of the same numbers, after the list."""
    years = closing_years()
    assert set(years) == set(STATUSES)
    expected: dict[int, dict[str, int]] = {}
    for consultation, status in STATUSES.items():
        by_status = expected.setdefault(years[consultation], {})
        by_status[status] = by_status.get(status, 0) + 1
    figures = register.find("section", class_="lo-register__figures")
    assert isinstance(figures, Tag)
    last_section = register.find_all(attrs={"data-lo-section": True})[-1]
    assert figures in last_section.find_all_next("section"), "the figures come after the list"
    table = figures.find("table")
    columns = [text(th) for th in table.select("thead th")]
    assert columns[0] == "Year" and columns[-1] == "All"
    labels = {
        "Open": "open", "Upcoming": "upcoming", "Closed, outcome not yet published": "closed",
        "Outcome published": "outcome", "Withdrawn": "withdrawn",
    }
    assert columns[1:-1] == list(labels)
    rows = {}
    for row in table.select("tbody tr"):
        cells = [text(td) for td in row.find_all("td")]
        rows[int(text(row.find("th")))] = {
            labels[label]: int(n)
            for label, n in zip(columns[1:-1], cells[:-1], strict=True)
            if n != "0"
        }
        assert int(cells[-1]) == sum(rows[int(text(row.find("th")))].values())
    assert rows == expected
    assert list(rows) == sorted(rows, reverse=True)
    svg = figures.find("svg")
    assert svg["role"] == "img"
    drawn: dict[int, dict[str, int]] = {}
    heading = 0
    label = ""
    for item in svg.find_all("text"):
        kind = item["class"][0]
        if kind == "lo-chart__heading":
            heading = int(text(item))
        elif kind == "lo-chart__label":
            label = text(item)
        else:
            drawn.setdefault(heading, {})[labels[label]] = int(text(item))
    assert drawn == expected
