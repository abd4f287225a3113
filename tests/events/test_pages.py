"""The calendar's pages, read with a real HTML parser from a real build (tests/events/conftest).

"Now" is the start of Monday 23 November 2026.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup, Tag

from .conftest import EVENTS, HOSTILE_TITLE
from .sitebuild import page

SITE = "Anyshire Local Offer"
UPCOMING = set(EVENTS) - {"old-meeting", "recent-meeting"}


def main(soup: BeautifulSoup) -> Tag:
    article = soup.find("article")
    assert isinstance(article, Tag)
    return article


def text(node: Tag) -> str:
    return " ".join(node.get_text(" ").split())


def event_links(soup: BeautifulSoup, base: str) -> set[str]:
    """Event ids linked from a page at URL path ``base``."""
    found = set()
    for link in main(soup).find_all("a", href=True):
        path = urlsplit(urljoin(f"https://x.example/{base}", link["href"])).path
        match = re.fullmatch(r"/events/([a-z0-9-]+)/", path)
        if match and match.group(1) not in {"past", "engagement", "month"}:
            found.add(match.group(1))
    return found


def resolve(site: Path, base: str, href: str) -> Path:
    path = urlsplit(urljoin(f"https://x.example/{base}", href)).path.lstrip("/")
    target = site / path
    return target / "index.html" if path.endswith("/") or not path else target


def event_scripts(soup: BeautifulSoup) -> list[Tag]:
    """The page's JSON-LD blocks other than the WebPage one every page has (its "Last
    updated" date as dateModified), which must be there too."""
    scripts = soup.find_all("script", type="application/ld+json")
    pages = [s for s in scripts if json.loads(s.string).get("@type") == "WebPage"]
    assert len(pages) == 1 and "dateModified" in json.loads(pages[0].string)
    return [s for s in scripts if s not in pages]


def jsonld(soup: BeautifulSoup) -> Any:
    (script,) = event_scripts(soup)
    return json.loads(script.string)


def items(soup: BeautifulSoup) -> list[Tag]:
    return main(soup).find_all(attrs={"data-lo-item": True})


def item_for(soup: BeautifulSoup, event_id: str) -> Tag:
    for item in items(soup):
        link = item.find("a", href=True)
        if link["href"].rstrip("/").endswith(event_id):
            return item
    raise AssertionError(f"{event_id} is not listed")


@pytest.fixture(scope="module")
def register(events_site: Path) -> BeautifulSoup:
    return page(events_site, "events")


# --- /events/ ----------------------------------------------------------------------------------


def test_register_title_and_headings(register: BeautifulSoup) -> None:
    assert register.title.string == f"Events – {SITE}"
    assert [h.get_text() for h in main(register).find_all("h1")] == ["Events"]
    months = [h.get_text() for h in main(register).select("#lo-events-list h2")]
    assert months[:3] == ["November 2026", "December 2026", "January 2027"]
    days = [h.get_text() for h in main(register).select("#lo-events-list h3")]
    assert days[:2] == ["Monday 23 November 2026", "Tuesday 24 November 2026"]
    assert "Tuesday 3 November 2026" not in days


def test_register_filters_follow_the_shared_markup_contract(register: BeautifulSoup) -> None:
    form = main(register).find("form", class_="lo-filters")
    assert form.has_attr("hidden")  # shown by the script; without it everything is listed
    assert form["data-lo-filter-for"] == "lo-events-list"
    assert form["data-lo-noun"] == "event|events"
    assert register.find(id="lo-events-list") is not None
    count = register.find(id="lo-events-list-count")
    assert count["role"] == "status" and count["aria-live"] == "polite"
    fieldsets = form.find_all("fieldset")
    # Engagement opportunities come first.
    assert fieldsets[0].legend.get_text() == "Engagement opportunities"
    first_input = form.find("input")
    assert (first_input["name"], first_input["value"]) == ("engagement", "true")
    names = {field["name"] for field in form.find_all(["input", "select"])}
    assert names == {"engagement", "q", "when", "age", "audience", "attendance", "free", "area",
                     "kind"}
    when = form.find("select", attrs={"name": "when"})
    assert [o["value"] for o in when.find_all("option")] == [
        "", "this-week", "this-month", "next-3-months",
    ]
    age = form.find("input", attrs={"name": "age"})
    assert (age["type"], age["min"], age["max"]) == ("number", "0", "25")
    assert form.find("button", type="reset").get_text() == "Clear filters"
    for field in form.find_all(["input", "select"]):
        assert form.find("label", attrs={"for": field["id"]}) is not None
    scripts = [s.get("src", "") for s in register.find_all("script")]
    assert any(src.endswith("assets/localoffer/filters.js") for src in scripts)


def test_register_items_carry_their_filter_terms(register: BeautifulSoup) -> None:
    forum = item_for(register, "weekly-tuesday-forum")
    assert forum["data-engagement"] == "true"
    assert forum["data-audience"] == "young-people"
    assert forum["data-attendance"] == "in-person"
    assert forum["data-free"] == "true"
    assert (forum["data-age-from"], forum["data-age-to"]) == ("11", "25")
    assert forum["data-area"] == "east"
    assert forum["data-kind"] == "forum"
    assert forum["data-start"] == "2026-11-24"
    online = item_for(register, "second-tuesday-online-group")
    assert online["data-attendance"] == "online"
    assert online["data-engagement"] == "false"
    assert not online.has_attr("data-age-from")
    assert item_for(register, "moved-online-session")["data-attendance"] == "online"
    assert item_for(register, "rescheduled-afternoon")["data-attendance"] == "online in-person"
    assert item_for(register, "fortnightly-sensory-play")["data-free"] == "false"
    # An event for everyone is found whichever audience is chosen.
    fair = item_for(register, "information-fair")
    assert set(fair["data-audience"].split()) == {
        "everyone", "children", "young-people", "children-in-care", "parents-carers",
        "professionals",
    }


def test_register_shows_series_by_occurrence_and_statuses_in_words(
    register: BeautifulSoup,
) -> None:
    forum = [i for i in items(register) if "weekly-tuesday-forum" in i.a["href"]]
    starts = [i["data-start"] for i in forum]
    assert starts[:3] == ["2026-11-24", "2026-12-01", "2026-12-08"]
    assert len(starts) == len(set(starts))
    cancelled = item_for(register, "cancelled-evening")
    assert "Cancelled" in [t.get_text() for t in cancelled.find_all("strong")]
    assert "6pm to 8pm" in text(cancelled)
    assert "Engagement opportunity" in text(item_for(register, "weekly-tuesday-forum"))
    for item in items(register):
        assert item.find_parent(attrs={"data-lo-group": True}) is not None


def test_without_javascript_every_upcoming_event_is_reachable(
    events_site: Path, register: BeautifulSoup
) -> None:
    reachable = event_links(register, "events/")
    months = main(register).find(id="events-by-month").find_next("ul")
    for link in months.find_all("a"):
        url = urlsplit(urljoin("https://x.example/events/", link["href"])).path.lstrip("/")
        reachable |= event_links(page(events_site, url.rstrip("/")), url)
    assert reachable >= UPCOMING
    assert "old-meeting" not in event_links(register, "events/")
    assert "recent-meeting" not in event_links(register, "events/")


def test_register_links_feeds_and_open_data(events_site: Path, register: BeautifulSoup) -> None:
    hrefs = [a["href"] for a in main(register).find_all("a", href=True)]
    for name in ("calendar.ics", "engagement.ics", "audience/young-people.ics"):
        assert any(h.endswith(name) and not h.startswith("webcal:") for h in hrefs)
        assert f"webcal://localoffer.anyshire.example/events/{name}" in hrefs
    for href in hrefs:
        if href.startswith(("http", "webcal", "#", "mailto")):
            continue
        assert resolve(events_site, "events/", href).is_file(), href


# --- Event pages -----------------------------------------------------------------------------


def summary_row(soup: BeautifulSoup, name: str) -> Tag:
    for row in main(soup).select(".lo-summary-list__row"):
        if row.dt.get_text() == name:
            return row.dd
    raise AssertionError(f"no {name} row")


def test_series_page_says_when_with_coming_and_skipped_dates(events_site: Path) -> None:
    soup = page(events_site, "events/weekly-tuesday-forum")
    assert soup.title.string == f"Weekly Tuesday youth forum – Events – {SITE}"
    when = text(summary_row(soup, "When"))
    assert "Every Tuesday, 4pm to 6pm" in when
    assert "From 6 October 2026 to 27 April 2027 (28 dates)" in when
    assert "Next: Tuesday 24 November 2026, 4pm to 6pm" in when
    dates = main(soup).find(id="dates").find_next("ul")
    listed = [li.get_text() for li in dates.find_all("li")]
    assert listed[0] == "Tuesday 24 November 2026, 4pm to 6pm"
    assert "Tuesday 30 March 2027, 4pm to 6pm" not in listed
    assert len(listed) == 22
    skipped = main(soup).find(id="skipped-dates").find_next("ul")
    assert [li.get_text() for li in skipped.find_all("li")] == ["Tuesday 30 March 2027"]
    assert "6 dates have already happened" in text(main(soup))


def test_event_page_where_accessibility_cost_booking_organiser(events_site: Path) -> None:
    soup = page(events_site, "events/weekly-tuesday-forum")
    where = summary_row(soup, "Where")
    assert "Sallowmouth Youth Hub 3 Harbour Row, Sallowmouth AY8 1JB" in text(where)
    map_link = where.find("a")
    assert map_link["href"] == "https://www.openstreetmap.org/search?query=AY8%201JB"
    assert soup.find("iframe") is None  # no embedded third-party map
    assert text(summary_row(soup, "Accessibility")) == "Step-free entrance and a hearing loop."
    # The ages are the young people's (issue 18): "Young people aged 11 to 25".
    assert text(summary_row(soup, "Who it is for")) == "Young people aged 11 to 25"
    assert text(summary_row(soup, "Cost")) == "Free"
    organiser = summary_row(soup, "Organiser")
    assert organiser.find("a")["href"] == "mailto:youthforum@anyshire.example"

    camp = page(events_site, "events/summer-activity-camp")
    assert text(summary_row(camp, "When")) == "2 to 6 August 2027"
    assert text(summary_row(camp, "Cost")) == "£15 a day"
    booking = summary_row(camp, "Booking")
    assert "You need to book by 9 July 2027." in text(booking)
    assert booking.find("a")["href"] == "https://www.anyshire.example/book"

    online = page(events_site, "events/second-tuesday-online-group")
    where = summary_row(online, "Where")
    assert "Online, using Microsoft Teams." in text(where)
    assert where.find("a")["href"] == "https://meet.anyshire.example/second-tuesday"


def test_status_banners(events_site: Path) -> None:
    expected = {
        "cancelled-evening": ("Cancelled", "Cancelled because of flood damage to the hall."),
        "postponed-launch": ("Postponed, new date to follow", "We are looking for a bigger room."),
        "moved-online-session": ("Moved online", "It is now online only."),
        "rescheduled-afternoon": ("Rescheduled", "Moved from 5 December to 12 December."),
    }
    for event_id, (heading, note) in expected.items():
        soup = page(events_site, f"events/{event_id}")
        banner = main(soup).find(class_="lo-banner")
        assert banner.h2.get_text() == heading
        assert note in text(banner)
    assert main(page(events_site, "events/information-fair")).find(class_="lo-banner") is None


def test_related_consultation_and_documents(events_site: Path) -> None:
    soup = page(events_site, "events/recent-meeting")
    banner = main(soup).find(class_="lo-banner")
    assert "This event has finished" in text(banner)
    consultation = summary_row(soup, "Consultation").find("a")
    assert consultation.get_text() == "Short breaks statement 2027"
    assert urljoin("https://x.example/events/recent-meeting/", consultation["href"]) == (
        "https://x.example/consultations/short-breaks-statement-2027/"
    )
    documents = main(soup).find(id="documents").find_next("ul").find_all("li")
    notes = documents[0].find("a")
    assert notes.get_text() == "Notes of the meeting"
    assert urljoin("https://x.example/events/recent-meeting/", notes["href"]) == (
        "https://x.example/documents/meeting-notes.txt"
    )
    assert resolve(events_site, "events/recent-meeting/", notes["href"]).is_file()
    assert "(Plain text, 42 bytes)" in text(documents[0])
    assert documents[1].find("a")["href"] == "https://www.anyshire.example/slides"
    feedback = main(soup).find(class_="lo-feedback-summary")
    assert feedback.h2.get_text() == "What people told us at this event"
    link = feedback.find("a")
    assert link.get_text() == "Parent Carer Forum, September 2026"
    assert resolve(events_site, "events/recent-meeting/", link["href"]).is_file()


def calendar_links(soup: BeautifulSoup) -> dict[str, str]:
    heading = main(soup).find(id="add-to-calendar")
    links = heading.find_next("ul").find_all("a")
    return {a.get_text(): a["href"] for a in links}


def test_add_to_calendar_links_have_the_right_utc_times(events_site: Path) -> None:
    soup = page(events_site, "events/weekly-tuesday-forum")
    links = calendar_links(soup)
    ics = links["Download all the dates as a calendar file (.ics)"]
    assert resolve(events_site, "events/weekly-tuesday-forum/", ics).is_file()
    google_url = links["Add the next date (24 November 2026) to Google Calendar"]
    google = parse_qs(urlsplit(google_url).query)
    assert google["action"] == ["TEMPLATE"]
    assert google["text"] == ["Weekly Tuesday youth forum"]
    assert google["dates"] == ["20261124T160000Z/20261124T180000Z"]  # 4pm GMT
    page_url = "https://localoffer.anyshire.example/events/weekly-tuesday-forum/"
    assert page_url in google["details"][0]
    outlook_url = links["Add the next date (24 November 2026) to Outlook.com"]
    assert outlook_url.startswith("https://outlook.live.com/calendar/0/deeplink/compose?")
    outlook = parse_qs(urlsplit(outlook_url).query)
    assert outlook["startdt"] == ["2026-11-24T16:00:00Z"]
    assert outlook["enddt"] == ["2026-11-24T18:00:00Z"]
    assert outlook["subject"] == ["Weekly Tuesday youth forum"]

    camp = calendar_links(page(events_site, "events/summer-activity-camp"))
    google = parse_qs(urlsplit(camp["Add this event to Google Calendar"]).query)
    assert google["dates"] == ["20270802/20270807"]
    outlook = parse_qs(urlsplit(camp["Add this event to Outlook.com"]).query)
    assert (outlook["startdt"], outlook["enddt"], outlook["allday"]) == (
        ["2027-08-02"], ["2027-08-07"], ["true"],
    )
    # A summer event: 16:30 BST is 15:30 UTC.
    session = calendar_links(page(events_site, "events/moved-online-session"))
    google = parse_qs(urlsplit(session["Add this event to Google Calendar"]).query)
    assert google["dates"] == ["20270209T183000Z/20270209T200000Z"]


def test_cancelled_and_postponed_events_offer_no_add_to_calendar(events_site: Path) -> None:
    for event_id in ("cancelled-evening", "postponed-launch"):
        soup = page(events_site, f"events/{event_id}")
        assert main(soup).find(id="add-to-calendar") is None
        assert "calendar.google.com" not in str(main(soup))


# --- JSON-LD ---------------------------------------------------------------------------------


def test_jsonld_single_event(events_site: Path) -> None:
    data = jsonld(page(events_site, "events/summer-activity-camp"))
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Event"
    assert data["name"] == "Summer activity camp"
    assert data["url"] == "https://localoffer.anyshire.example/events/summer-activity-camp/"
    assert (data["startDate"], data["endDate"]) == ("2027-08-02", "2027-08-06")
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["location"]["@type"] == "Place"
    assert data["location"]["address"] == {
        "@type": "PostalAddress",
        "addressCountry": "GB",
        "streetAddress": "Brackenfold Lane, Brackenfold",
        "postalCode": "AY14 6XW",
    }
    assert data["isAccessibleForFree"] is False
    assert data["offers"]["@type"] == "Offer"
    assert data["offers"]["description"] == "£15 a day"
    assert data["offers"]["url"] == "https://www.anyshire.example/book"
    assert data["typicalAgeRange"] == "8-16"
    assert {a["audienceType"] for a in data["audience"]} == {"Children", "Young people"}
    assert data["organizer"] == {"@type": "Organization", "name": "Short Breaks Team"}


def test_jsonld_statuses_and_attendance_modes(events_site: Path) -> None:
    expected = {
        "cancelled-evening": ("EventCancelled", "OfflineEventAttendanceMode"),
        "postponed-launch": ("EventPostponed", "OfflineEventAttendanceMode"),
        "moved-online-session": ("EventMovedOnline", "OnlineEventAttendanceMode"),
        "rescheduled-afternoon": ("EventRescheduled", "MixedEventAttendanceMode"),
        "information-fair": ("EventScheduled", "OfflineEventAttendanceMode"),
    }
    for event_id, (status, mode) in expected.items():
        data = jsonld(page(events_site, f"events/{event_id}"))
        assert data["eventStatus"] == f"https://schema.org/{status}"
        assert data["eventAttendanceMode"] == f"https://schema.org/{mode}"
    moved = jsonld(page(events_site, "events/moved-online-session"))
    assert moved["location"] == {
        "@type": "VirtualLocation",
        "name": "Zoom",
        "url": "https://meet.anyshire.example/pfa",
    }
    assert moved["isAccessibleForFree"] is True and "offers" not in moved
    mixed = jsonld(page(events_site, "events/rescheduled-afternoon"))
    assert [place["@type"] for place in mixed["location"]] == ["Place", "VirtualLocation"]
    # No joining link published: the event page says how to get it.
    assert mixed["location"][1]["url"].endswith("/events/rescheduled-afternoon/")


def test_jsonld_series_lists_upcoming_occurrences_with_offsets(events_site: Path) -> None:
    data = jsonld(page(events_site, "events/weekly-tuesday-forum"))
    graph = data["@graph"]
    assert len(graph) == 10
    assert all(item["@type"] == "Event" for item in graph)
    assert graph[0]["startDate"] == "2026-11-24T16:00:00+00:00"
    assert graph[0]["endDate"] == "2026-11-24T18:00:00+00:00"
    assert graph[0]["typicalAgeRange"] == "11-25"
    assert graph[0]["organizer"]["email"] == "youthforum@anyshire.example"
    # A finished series describes its last occurrence.
    old = jsonld(page(events_site, "events/old-meeting"))
    assert old["startDate"] == "2026-07-16T18:30:00+01:00"


# --- Other pages -----------------------------------------------------------------------------


def test_engagement_page_lists_only_engagement_opportunities(events_site: Path) -> None:
    soup = page(events_site, "events/engagement")
    assert soup.title.string == f"Engagement opportunities – Events – {SITE}"
    assert main(soup).h1.get_text() == "Engagement opportunities"
    listed = event_links(soup, "events/engagement/")
    assert listed - {"weekly-tuesday-forum"} >= {
        "last-friday-coffee-morning", "moved-online-session", "rescheduled-afternoon",
        "hostile-event",
    }
    for item in items(soup):
        assert item["data-engagement"] == "true"
        assert "Engagement opportunity" not in text(item)  # it would say nothing here
    assert "fortnightly-sensory-play" not in listed
    assert "recent-meeting" not in listed  # over
    assert main(soup).find("form") is None  # no JavaScript needed


def test_month_page_is_an_accessible_table_with_previous_and_next(events_site: Path) -> None:
    soup = page(events_site, "events/month/2026-12")
    assert soup.title.string == f"December 2026 – Events – {SITE}"
    table = main(soup).find("table")
    assert table.caption.get_text() == "Events in December 2026, day by day"
    assert [th["scope"] for th in table.thead.find_all("th")] == ["col"] * 4
    rows = table.tbody.find_all("tr")
    assert all(row.th["scope"] == "row" for row in rows)
    first = [c.get_text(" ", strip=True) for c in rows[0].find_all(["th", "td"])]
    assert first[0] == "Tuesday 1 December 2026"
    assert first[1] == "4pm to 6pm"
    cancelled = [r for r in rows if "Moving on from school evening" in r.get_text()]
    assert "Cancelled" in cancelled[0].get_text()
    pager = main(soup).find("nav", class_="lo-pager")
    links = {a["rel"][0]: (a.get_text(), a["href"]) for a in pager.find_all("a")}
    assert links["prev"] == ("Previous month: November 2026", "../2026-11/")
    assert links["next"] == ("Next month: January 2027", "../2027-01/")
    months = sorted(p.name for p in (events_site / "events" / "month").iterdir())
    assert months[0] == "2026-07" and months[-1] == "2027-08"
    first_month = main(page(events_site, "events/month/2026-07")).find("nav", class_="lo-pager")
    assert [a["rel"][0] for a in first_month.find_all("a")] == ["next"]


def test_past_events_by_year(events_site: Path) -> None:
    index = page(events_site, "events/past")
    assert [a.get_text() for a in main(index).find_all("a") if "20" in a.get_text()] == [
        "Past events in 2026"
    ]
    year = page(events_site, "events/past/2026")
    assert main(year).h1.get_text() == "Past events in 2026"
    assert event_links(year, "events/past/2026/") == {"old-meeting", "recent-meeting"}
    assert "Recent meeting , 17 September 2026 (2 documents)" in text(main(year))


def test_engagement_embed_on_a_content_page(events_site: Path) -> None:
    home = main(page(events_site, ""))
    first, second = home.find_all(class_="lo-embed")
    entries = first.select("li:not([hidden])")
    assert len(entries) == 2
    # The next dates are written hidden, each with the moment it is over, for lists.js.
    written = first.find_all("li")
    assert len(written) > 2 and all(li.has_attr("data-lo-ends") for li in written)
    assert all(li.has_attr("hidden") for li in written if li not in entries)
    assert entries[0].a["href"] == "events/weekly-tuesday-forum/"  # relative to the page
    assert "Tuesday 24 November 2026, 4pm to 6pm" in text(entries[0])
    assert entries[1].a["href"] == "events/last-friday-coffee-morning/"
    assert first.find_all("a")[-1]["href"] == "events/engagement/"
    # Each series once, at its next date: not the weekly forum five times over.
    young = [li.a["href"] for li in second.select("li:not([hidden])")]
    assert young == ["events/weekly-tuesday-forum/", "events/hostile-event/"]


# --- Safe output -----------------------------------------------------------------------------


def test_hostile_event_is_escaped_and_sanitised_everywhere(events_site: Path) -> None:
    for path in events_site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        assert "<script>alert" not in html, path
        assert "<b>Hub</b>" not in html, path
    soup = page(events_site, "events/hostile-event")
    article = main(soup)
    assert article.h1.get_text() == HOSTILE_TITLE
    assert soup.title.string.startswith(HOSTILE_TITLE)
    body = article.find(class_="lo-event-body")
    assert body.find("script") is None
    for element in body.find_all(True):
        assert not any(name.startswith("on") for name in element.attrs), element
        assert not str(element.get("href", "")).startswith("javascript:")
    assert "A proper paragraph stays." in text(body)
    (script,) = event_scripts(soup)
    raw = script.string
    assert "</" not in raw and "<" not in raw
    assert json.loads(raw)["name"] == HOSTILE_TITLE
    topics = [" ".join(t.get_text().split()) for t in soup.find_all(class_="md-header__topic")]
    assert " ".join(HOSTILE_TITLE.split()) in topics
