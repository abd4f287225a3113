"""The directory's pages, from a real build of the services fixture site (fixture_site.py):
/services/ with its filter terms and the pages that stand in for the filters without
JavaScript, each service's page, and the links between services, events, consultations and
"You said, we did" on both sides."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from bs4 import BeautifulSoup, Tag

from .fixture_site import SERVICE_IDS, Built

NEEDS = [
    "communication-and-interaction",
    "cognition-and-learning",
    "social-emotional-and-mental-health",
    "sensory-and-physical",
]


def soup(built: Built, rel: str) -> BeautifulSoup:
    return BeautifulSoup(built.text(rel), "html.parser")


def main(page: BeautifulSoup) -> Tag:
    found = page.find("article") or page.find("main")
    assert isinstance(found, Tag)
    return found


def words(element: Tag) -> str:
    return " ".join(element.get_text(" ").split())


def rows(page: BeautifulSoup) -> dict[str, str]:
    """The key facts: each row's key and value."""
    facts = {}
    for row in main(page).select("dl.lo-summary-list > div"):
        facts[words(row.dt)] = words(row.dd)
    return facts


@pytest.fixture(scope="module")
def directory(built: Built) -> BeautifulSoup:
    return soup(built, "services/index.html")


def items(page: BeautifulSoup) -> dict[str, Tag]:
    found = {}
    for li in page.select("#lo-services-list > li[data-lo-item]"):
        href = li.a["href"]
        found[href.strip("/").split("/")[-1]] = li
    return found


def test_the_directory_lists_every_service_by_title(directory: BeautifulSoup) -> None:
    listed = items(directory)
    assert sorted(listed) == sorted(SERVICE_IDS)
    titles = [words(li.h2) for li in listed.values()]
    assert titles == sorted(titles, key=str.lower)
    sendiass = listed["sendiass-anyshire"]
    assert sendiass.a["href"] == "sendiass-anyshire/"  # relative to /services/
    assert "£3.50 a session. Carers go free." in words(sendiass)
    assert "Yourself or through a professional" in words(sendiass)
    assert "0 to 25 years old" in words(sendiass)


def test_items_carry_the_terms_the_filters_find_them_under(directory: BeautifulSoup) -> None:
    listed = items(directory)
    portage = listed["portage"]  # no needs and no area given
    assert portage["data-need"].split() == NEEDS  # open to every need
    assert portage["data-category"] == "education"
    assert portage["data-free"] == "true"
    assert not portage.has_attr("data-age-from")
    sendiass = listed["sendiass-anyshire"]  # countywide: in every local area too
    assert sendiass["data-area"].split() == ["countywide", "north", "south", "east", "west"]
    assert sendiass["data-need"] == "communication-and-interaction"
    assert (sendiass["data-age-from"], sendiass["data-age-to"]) == ("0", "25")
    assert sendiass["data-free"] == "false"  # £3.50 a session
    club = listed["saturday-club"]  # its cost is text
    assert club["data-free"] == "false"
    assert club["data-area"] == "south"


def test_the_filter_form_has_every_facet_and_counts(directory: BeautifulSoup) -> None:
    form = directory.select_one("form.lo-filters")
    assert form is not None and form.has_attr("hidden")  # filters.js shows it
    assert form["data-lo-filter-for"] == "lo-services-list"
    names = {field["name"] for field in form.select("input")}
    assert names == {"q", "age", "category", "need", "area", "free"}
    need = {
        box["value"]: words(box.find_next_sibling("label"))
        for box in form.select("input[name=need]")
    }
    # Portage and the renamed service name no need: they count under each.
    assert need["sensory-and-physical"] == "Sensory and physical (3)"
    assert form.select_one("button[type=submit]") is not None
    assert directory.select_one("#lo-services-list-count[role=status][aria-live=polite]")


def test_without_javascript_pages_stand_in_for_the_filters(
    built: Built, directory: BeautifulSoup
) -> None:
    nav = directory.select_one("nav#lo-services-facets")
    assert nav is not None
    links = {a["href"]: words(a) for a in nav.select("a")}
    assert links["category/leisure/"] == "Leisure"
    assert links["need/sensory-and-physical/"] == "Sensory and physical"
    leisure = soup(built, "services/category/leisure/index.html")
    assert words(main(leisure).h1) == "Leisure services"
    assert sorted(items(leisure)) == ["saturday-club"]
    empty = soup(built, "services/category/childcare/index.html")  # no service has it
    assert "There are no services here at the moment." in words(main(empty))
    need = soup(built, "services/need/sensory-and-physical/index.html")
    assert sorted(items(need)) == ["portage", "saturday-club", "travel-training"]
    sitemap = built.text("sitemap.xml")
    for path in (
        "services/",
        "services/category/leisure/",
        "services/need/cognition-and-learning/",
    ):
        assert f"/{path}</loc>" in sitemap, path


def test_a_service_page_has_what_a_family_needs_to_act(built: Built) -> None:
    page = soup(built, "services/sendiass-anyshire/index.html")
    body = main(page)
    assert words(body.h1) == "SENDIASS Anyshire"
    facts = rows(page)
    assert facts["Provided by"] == "Anyshire County Council"
    assert body.select_one("a[href='https://www.anyshire.example/']") is not None
    assert facts["Type of service"] == "Advice and support"
    assert facts["Who it is for"] == "Parents and carers, Young people"
    assert facts["Ages"] == "0 to 25 years old"
    assert facts["Needs"] == "Communication and interaction"
    assert facts["Cost"] == "£3.50 a session. Carers go free."
    assert facts["How to get it"].startswith("Contact the service yourself, or ask a professional")
    assert facts["Opening hours"] == "Monday to Friday, 9am to 5pm"
    assert facts["Languages"] == "English, British Sign Language"
    assert facts["Details last checked"] == "12 October 2026"
    assert body.select_one("a[href='tel:01632960400']") is not None
    assert body.select_one("a[href='mailto:sendiass@anyshire.example']") is not None
    places = words(body.select_one(".lo-service-places"))
    assert "County Hall Market Street, Anbury, AY1 1AA Access: Step-free access" in places
    assert "Advisers help with SEN support" in words(body)  # the body
    assert body.select_one(".lo-inset--overdue") is None  # checked in October


def test_a_service_not_checked_for_a_year_says_so(built: Built) -> None:
    body = main(soup(built, "services/saturday-club/index.html"))
    note = body.select_one(".lo-inset--overdue")
    assert note is not None
    assert "These details were last checked on 1 May 2025." in words(note)
    assert rows(soup(built, "services/saturday-club/index.html"))["Cost"] == (
        "£2 a morning, siblings free"
    )
    # Escaped, not markup: the title holds "<b>".
    assert "<b>days</b>" not in built.text("services/saturday-club/index.html")
    assert "Needs" in rows(soup(built, "services/portage/index.html"))
    assert rows(soup(built, "services/portage/index.html"))["Needs"] == "Open to all needs"


def jsonld(page: BeautifulSoup) -> list[dict[str, Any]]:
    return [
        json.loads(script.string) for script in page.select("script[type='application/ld+json']")
    ]


def test_a_service_page_has_schema_org_data(built: Built) -> None:
    found = [
        data
        for data in jsonld(soup(built, "services/sendiass-anyshire/index.html"))
        if data.get("@type") in ("Service", "GovernmentService")
    ]
    assert len(found) == 1
    data = found[0]
    assert data["@type"] == "GovernmentService"  # the council's own
    assert data["provider"] == {
        "@type": "Organization",
        "name": "Anyshire County Council",
        "url": "https://www.anyshire.example/",
    }
    assert data["url"] == "https://localoffer.anyshire.example/services/sendiass-anyshire/"
    assert data["areaServed"] == [{"@type": "AdministrativeArea", "name": "Countywide"}]
    audience = data["audience"]
    assert (audience["suggestedMinAge"], audience["suggestedMaxAge"]) == (0, 25)
    assert audience["audienceType"] == "Parents and carers, Young people"
    assert audience["description"] == "Areas of need: Communication and interaction"
    assert "offers" not in data  # not free
    club = [
        d
        for d in jsonld(soup(built, "services/saturday-club/index.html"))
        if d.get("@type") in ("Service", "GovernmentService")
    ]
    assert club[0]["@type"] == "Service"
    assert club[0]["provider"]["name"] == "Anbury Play Trust"


def test_links_show_on_both_sides(built: Built) -> None:
    portage = main(soup(built, "services/portage/index.html"))
    events = portage.select_one("section[aria-labelledby=lo-events]")
    assert events is not None
    assert [a["href"] for a in events.select("a")] == ["../../events/short-breaks-drop-in-anbury/"]
    assert "Tuesday 1 December 2026, 4pm to 6pm" in words(events)
    event = main(soup(built, "events/short-breaks-drop-in-anbury/index.html"))
    link = event.select_one("a[href='../../services/portage/']")
    assert link is not None and words(link) == "Portage"

    sendiass = main(soup(built, "services/sendiass-anyshire/index.html"))
    about = sendiass.select_one("section[aria-labelledby=lo-consultations]")
    assert about is not None
    assert [a["href"] for a in about.select("a")] == [
        "../../consultations/short-breaks-statement-2027/"
    ]
    assert "Open" in words(about)  # its status tag
    consultation = main(soup(built, "consultations/short-breaks-statement-2027/index.html"))
    services = consultation.select_one("section[aria-labelledby=lo-services]")
    assert services is not None
    assert {a["href"] for a in services.select("a")} == {
        "../../services/sendiass-anyshire/",
        "../../services/saturday-club/",
    }

    said = sendiass.select_one("section[aria-labelledby=lo-you-said]")
    assert said is not None
    text = words(said)
    assert "It is hard to find out which short breaks need an assessment." in text
    assert "We have added a list of short breaks" in text
    assert said.select_one("a[href='../../you-said-we-did/local-offer-survey-2026/']")
    assert (
        main(soup(built, "services/portage/index.html")).select_one(
            "section[aria-labelledby=lo-you-said]"
        )
        is None
    )


def test_a_renamed_service_keeps_its_old_address(built: Built) -> None:
    old = built.text("services/independent-travel/index.html")
    assert re.search(r'http-equiv="refresh" content="0; url=\.\./travel-training/"', old)
