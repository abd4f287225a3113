"""Issue 13's event states, read from the real build of tests/events/conftest ("now" is the
start of 23 November 2026): venues without an address, series listed once in the embeds,
requests for an accessible format that say which event they are about, and postponed events
awaiting a new date."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from .conftest import HELD
from .sitebuild import page
from .test_pages import main, text


def test_a_venue_without_address_or_postcode_has_no_map_link(events_site: Path) -> None:
    # "Marrowby Family Hub" alone: the venue is named, there is nothing to find on a map.
    postponed = main(page(events_site, "events/postponed-launch"))
    assert "Marrowby Family Hub" in text(postponed)
    assert not [a for a in postponed.find_all("a", href=True) if "openstreetmap" in a["href"]]
    # A postcode is enough to find the place.
    sensory = main(page(events_site, "events/fortnightly-sensory-play"))
    (link,) = [a for a in sensory.find_all("a", href=True) if "openstreetmap" in a["href"]]
    assert parse_qs(urlsplit(link["href"]).query)["query"] == ["AY4 2QT"]


def test_an_engagement_embed_lists_each_series_once(events_site: Path) -> None:
    for embed in main(page(events_site, "")).find_all(class_="lo-embed"):
        hrefs = [li.a["href"] for li in embed.select("li:not([hidden])")]  # those shown
        assert hrefs and len(hrefs) == len(set(hrefs)), hrefs


def test_an_accessible_format_request_names_the_document_and_the_event(
    events_site: Path,
) -> None:
    article = main(page(events_site, "events/weekly-tuesday-forum"))
    (link,) = [
        a
        for a in article.find_all("a", href=True)
        if a["href"].startswith("mailto:") and "subject=" in a["href"]
    ]
    parts = urlsplit(link["href"])
    assert parts.path == "localoffer@anyshire.example"
    assert parse_qs(parts.query)["subject"] == [
        "Accessible format request: Forum agenda, Weekly Tuesday youth forum"
    ]


# --- Postponed, new date to follow ----------------------------------------------------------


def test_the_calendar_lists_postponed_events_apart_after_the_dates(events_site: Path) -> None:
    register = main(page(events_site, "events"))
    listing = register.find(id="lo-events-list")
    section = listing.find("section", attrs={"aria-labelledby": "lo-events-list-postponed"})
    assert section is not None and section.h2.get_text() == "Postponed, new date to follow"
    assert section.find_previous_sibling("section") is not None  # after the dated months
    # ... and before the groups that meet without fixed dates, the last section.
    standing = section.find_next_sibling("section")
    assert standing["aria-labelledby"] == "lo-events-list-standing"
    assert standing.find_next_sibling("section") is None
    held = {item.a["href"].split("/")[-2]: item for item in section.find_all("li")}
    assert set(held) == HELD
    forum = held["postponed-forum"]
    assert "Was planned for 12 November 2026" in text(forum)
    assert "data-start" not in forum.attrs  # a date filter leaves it out ...
    assert forum["data-audience"] == "parents-carers"  # ... the others apply
    assert forum["data-area"] == "south" and forum["data-engagement"] == "true"
    # Not under its old date, nor on the month pages.
    for month in listing.find_all("section"):
        if month is not section:
            assert not HELD & {a["href"].split("/")[-2] for a in month.find_all("a")}
    for key in ("2026-11", "2027-01"):
        month_page = main(page(events_site, f"events/month/{key}"))
        assert not HELD & {a["href"].split("/")[-2] for a in month_page.find_all("a", href=True)}


def test_the_engagement_page_lists_a_postponed_opportunity_apart(events_site: Path) -> None:
    engagement = main(page(events_site, "events/engagement"))
    section = engagement.find("section", attrs={"aria-labelledby": "lo-engagement-list-postponed"})
    assert [li.a["href"].split("/")[-2] for li in section.find_all("li")] == ["postponed-forum"]


def test_a_postponed_event_page_says_new_date_to_follow_not_finished(events_site: Path) -> None:
    article = main(page(events_site, "events/postponed-forum"))
    banner = article.find(class_="lo-banner")
    assert banner.h2.get_text() == "Postponed, new date to follow"
    assert "The speakers could not come." in text(banner)
    assert "Was planned for 12 November 2026." in text(banner)
    assert "finished" not in text(article)
    assert "has not been set yet" not in text(article)  # no "yet" beside "finished"
    when = article.find("dt", string="When").find_next_sibling("dd")
    assert text(when) == "Postponed, new date to follow Was planned for 12 November 2026."
    assert article.find(id="add-to-calendar") is None
    # Nor is it among the past events.
    past = main(page(events_site, "events/past/2026"))
    assert "postponed-forum" not in str(past)


def test_postponed_events_are_in_no_calendar_feed(events_site: Path) -> None:
    import icalendar

    from .sitebuild import ical_js

    for path in (events_site / "events").rglob("*.ics"):
        calendar = icalendar.Calendar.from_ical(path.read_bytes())
        found = {str(event["UID"]).split("@")[0] for event in calendar.walk("VEVENT")}
        assert not found & HELD, path
    seen = {
        item["uid"].split("@")[0]
        for item in ical_js(events_site / "events" / "calendar.ics", "2026-01-01", "2028-01-01")
    }
    assert seen and not seen & HELD
    for event_id in HELD:
        assert not (events_site / "events" / event_id / "event.ics").exists()


def test_postponed_events_in_the_open_data(events_site: Path) -> None:
    data = json.loads((events_site / "data" / "events.json").read_text(encoding="utf-8"))
    by_id = {item["id"]: item for item in data["items"]}
    forum = by_id["postponed-forum"]
    assert forum["status"] == "postponed"  # as typed
    assert forum["past"] is False and forum["new_date_to_follow"] is True
    assert forum["next_occurrence"] is None
    assert forum["occurrences"] == [
        {"starts": "2026-11-12T18:00:00+00:00", "ends": "2026-11-12T19:30:00+00:00"}
    ]
    assert by_id["information-fair"]["new_date_to_follow"] is False
    with (events_site / "data" / "events.csv").open(encoding="utf-8-sig", newline="") as handle:
        (row,) = [row for row in csv.DictReader(handle) if row["id"] == "postponed-forum"]
    assert (row["past"], row["occurrence_past"]) == ("false", "true")


def test_a_consultation_page_says_its_postponed_event_awaits_a_date(events_site: Path) -> None:
    article = main(page(events_site, "consultations/short-breaks-statement-2027"))
    section = article.find("section", attrs={"aria-labelledby": "lo-events"})
    (item,) = [li for li in section.find_all("li") if "postponed-forum" in li.a["href"]]
    assert text(item) == "Short breaks listening event Postponed, new date to follow"
