"""Access and eligibility on events (issue 18, item 5), in a real build of a small site.

``provisions:`` shows as words with an icon (inline SVG, hidden from screen readers) on the
event page, is a filter on /events/ (every ticked provision must be there) and in the index
its filters fetch, has a page per term under /events/access/, and is in the JSON, the CSV and
the JSON-LD. ``who_can_come:`` is worded on the page and tagged in lists. ``ages:`` are the
children's or young people's ages, never the parents'.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup, Tag

from .sitebuild import build_site, page

TODAY = "2026-11-23"

PLACE = """\
location:
  name: County Hall
  address: Market Street, Anbury
  postcode: AY1 1AA
organiser: Local Offer team
---
Come along.
"""
EVENTS = {
    "bsl-creche-fair": """\
---
title: Family information morning
summary: Advice for parents of young children, with BSL and a crèche.
starts: 2026-12-05 10:00
ends: 2026-12-05 12:00
kind: information-session
audiences: [parents-carers]
ages: {from: 3, to: 4}
provisions: [bsl, creche, step-free]
"""
    + PLACE,
    "care-panel": """\
---
title: Children in care council
summary: The children in care council meets the Director of Children's Services.
starts: 2027-06-10 16:00
ends: 2027-06-10 18:00
engagement: true
kind: forum
audiences: [children-in-care]
ages: {from: 11, to: 18}
areas: [national]
who_can_come: invitation
provisions: creche
"""
    + PLACE,
    "family-swim": """\
---
title: Family swim club
summary: Swimming for members' families.
starts: 2026-12-12 10:00
ends: 2026-12-12 11:00
kind: activity
audiences: [children, parents-carers]
ages: {from: 0, to: 5}
who_can_come: members
provisions: [bsl]
"""
    + PLACE,
    "youth-drop-in": """\
---
title: Youth drop-in
summary: Come and talk to youth workers.
starts: 2026-12-08 16:00
kind: drop-in
audiences: [young-people]
ages: {from: 14, to: 25}
"""
    + PLACE,
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(tmp_path_factory.mktemp("access") / "site", EVENTS, TODAY)


def row(soup: BeautifulSoup, name: str) -> Tag | None:
    for found in soup.select("main .lo-summary-list__row"):
        if found.dt is not None and found.dt.get_text(strip=True) == name:
            return found.dd
    return None


def words(tag: Tag) -> list[str]:
    return [p.get_text(" ", strip=True) for p in tag.find_all("p")]


def test_the_page_lists_each_provision_in_words_beside_a_hidden_icon(site: Path) -> None:
    access = row(page(site, "events/bsl-creche-fair"), "Access and support")
    assert access is not None
    items = access.select("li.lo-provision")
    assert [item.get_text(" ", strip=True) for item in items] == [
        "British Sign Language (BSL) interpreter",
        "Crèche",
        "Step-free access",
    ]
    for item in items:
        icon = item.find("svg")
        assert icon is not None and icon.get("aria-hidden") == "true"
        assert icon.get("focusable") == "false"
        # Drawn inline: nothing fetched from anywhere, and no text of its own to read out.
        assert not icon.find_all(["image", "use", "text", "title"])
        assert icon.find(["path", "rect", "circle"]) is not None
    # Different provisions, different icons.
    drawings = {str(item.find("svg")) for item in items}
    assert len(drawings) == 3
    assert row(page(site, "events/youth-drop-in"), "Access and support") is None


@pytest.mark.parametrize(
    ("event", "said"),
    [
        ("bsl-creche-fair", ["Parents and carers of children aged 3 to 4"]),
        (
            "family-swim",
            [
                "Children aged 0 to 5 and their parents and carers",
                "Members only: contact the organiser to find out how to join.",
            ],
        ),
        (
            "care-panel",
            [
                "Children in care aged 11 to 18",
                "By invitation only: the organiser invites the people who can come.",
            ],
        ),
        ("youth-drop-in", ["Young people aged 14 to 25"]),
    ],
)
def test_who_it_is_for_gives_the_childrens_ages_and_who_can_come(
    site: Path, event: str, said: list[str]
) -> None:
    who = row(page(site, f"events/{event}"), "Who it is for")
    assert who is not None
    assert words(who) == said
    assert "Ages" not in who.get_text()  # never "Parents and carers, Ages 3 to 4"


def test_events_page_filters_by_provision_with_every_ticked_one_needed(site: Path) -> None:
    soup = page(site, "events")
    form = soup.select_one("form#lo-events-filters")
    assert form is not None
    fieldset = form.select_one('fieldset[data-lo-all="access"]')
    assert fieldset is not None and fieldset.legend is not None
    assert fieldset.legend.get_text(strip=True) == "Access and support"
    boxes = fieldset.select('input[type="checkbox"][name="access"]')
    # The terms some upcoming event has, in the vocabulary's order, labelled in words.
    assert [box["value"] for box in boxes] == ["bsl", "creche", "step-free"]
    labels = [soup.select_one(f'label[for="{box["id"]}"]').get_text() for box in boxes]
    assert labels == ["British Sign Language (BSL) interpreter", "Crèche", "Step-free access"]
    items = {
        item.select_one("a.lo-event-item__title")["href"].strip("./").split("/")[-1]: item
        for item in soup.select("#lo-events-list [data-lo-item]")
    }
    assert items["bsl-creche-fair"]["data-access"] == "bsl creche step-free"
    assert items["family-swim"]["data-access"] == "bsl"
    assert not items["youth-drop-in"].has_attr("data-access")
    # Members only, said in the list as well.
    assert "Members only" in items["family-swim"].get_text()
    # The new audience and area are offered once an event has them.
    assert form.select_one('input[name="audience"][value="children-in-care"]') is not None
    assert form.select_one('input[name="area"][value="national"]') is not None


def test_the_filter_index_carries_provisions_of_later_events(site: Path) -> None:
    index = json.loads((site / "events" / "upcoming.json").read_text(encoding="utf-8"))
    later = {event["u"]: event for event in index["events"]}
    panel = later["care-panel/"]  # June 2027: beyond what /events/ lists
    assert panel["d"]["access"] == "creche"
    assert ["restricted", "Invitation only"] in panel["g"]


def test_each_provision_has_its_page_of_events(site: Path) -> None:
    creche = page(site, "events/access/creche")
    assert creche.h1 is not None
    assert creche.h1.get_text(strip=True) == "Events with access and support: Crèche"
    listed = {a.get_text(strip=True) for a in creche.select("main a.lo-event-item__title")}
    assert listed == {"Family information morning", "Children in care council"}
    loop = page(site, "events/access/hearing-loop")  # no event has one: the page still holds
    assert "There are no upcoming events here" in loop.get_text()
    facets = page(site, "events").select_one("#lo-events-facets")
    assert facets is not None
    links = [a["href"] for a in facets.select("a")]
    assert any(href.endswith("access/bsl/") for href in links)


def test_the_audience_page_for_children_in_care_lists_their_events(site: Path) -> None:
    soup = page(site, "events/audience/children-in-care")
    listed = {a.get_text(strip=True) for a in soup.select("main a.lo-event-item__title")}
    assert listed == {"Children in care council"}
    assert (site / "events" / "audience" / "children-in-care.ics").is_file()


def test_open_data_has_provisions_and_who_can_come(site: Path) -> None:
    items = {
        item["id"]: item
        for item in json.loads((site / "data" / "events.json").read_text())["items"]
    }
    assert items["bsl-creche-fair"]["provisions"] == ["bsl", "creche", "step-free"]
    assert items["bsl-creche-fair"]["who_can_come"] == "open"
    assert items["care-panel"]["who_can_come"] == "invitation"
    assert items["youth-drop-in"]["provisions"] == []
    text = (site / "data" / "events.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    by_id = {r["id"]: r for r in rows}
    assert by_id["care-panel"]["who_can_come"] == "invitation"
    assert by_id["care-panel"]["provisions"] == "creche"
    assert "bsl" in by_id["bsl-creche-fair"]["provisions"]
    assert "creche" in by_id["bsl-creche-fair"]["provisions"]
    schema = json.loads((site / "data" / "events.schema.json").read_text())
    described = json.dumps(schema)
    assert '"bsl"' in described and '"invitation"' in described
    assert '"children-in-care"' in described


def jsonld(site: Path, event: str) -> dict[str, Any]:
    """The page's schema.org Event (the page has a WebPage as well)."""
    for script in page(site, f"events/{event}").find_all("script", type="application/ld+json"):
        data: dict[str, Any] = json.loads(script.string or "")
        if data.get("@type") == "Event":
            return data
    raise AssertionError(f"no Event in the JSON-LD of {event}")


def test_json_ld_gives_the_provisions_and_the_childrens_ages(site: Path) -> None:
    fair = jsonld(site, "bsl-creche-fair")
    location = fair["location"]
    assert isinstance(location, dict)
    assert [f["name"] for f in location["amenityFeature"]] == [
        "British Sign Language (BSL) interpreter",
        "Crèche",
        "Step-free access",
    ]
    assert all(f["@type"] == "LocationFeatureSpecification" for f in location["amenityFeature"])
    # Parents and carers of children aged 3 to 4: the children's ages, never theirs.
    assert fair["audience"] == [
        {
            "@type": "ParentAudience",
            "audienceType": "Parents and carers",
            "childMinAge": 3,
            "childMaxAge": 4,
        }
    ]
    assert "typicalAgeRange" not in fair
    swim = jsonld(site, "family-swim")
    assert swim["typicalAgeRange"] == "0-5"
    audiences = swim["audience"]
    assert isinstance(audiences, list)
    assert {a["@type"] for a in audiences} == {"PeopleAudience", "ParentAudience"}
