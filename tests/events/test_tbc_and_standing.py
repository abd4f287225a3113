"""A date whose time is to be confirmed (``time_tbc``) and a group that meets without fixed
dates (``meets``), on the real pages, feeds and data of the crafted build (tests/events/conftest).

"Now" is the start of Monday 23 November 2026.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import icalendar

from .conftest import STANDING, TIME_TBC
from .sitebuild import HOST, ical_js, page
from .test_pages import event_scripts, item_for, main, text


def data(site: Path) -> dict[str, dict[str, Any]]:
    items = json.loads((site / "data" / "events.json").read_text(encoding="utf-8"))["items"]
    return {item["id"]: item for item in items}


def csv_rows(site: Path, event_id: str) -> list[dict[str, str]]:
    raw = (site / "data" / "events.csv").read_text(encoding="utf-8-sig")
    return [row for row in csv.DictReader(io.StringIO(raw, newline="")) if row["id"] == event_id]


def vevents(path: Path) -> dict[str, icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    return {str(e["UID"]).removesuffix(f"@{HOST}"): e for e in calendar.walk("VEVENT")}


def when(soup: Any) -> str:
    row = next(
        r
        for r in main(soup).find_all("div", class_="lo-summary-list__row")
        if r.dt.get_text() == "When"
    )
    return text(row.dd)


# --- Time to be confirmed ---------------------------------------------------------------------


def test_time_tbc_page_gives_the_date_and_says_the_time_is_to_be_confirmed(
    events_site: Path,
) -> None:
    soup = page(events_site, f"events/{TIME_TBC}")
    assert when(soup) == "Saturday 23 January 2027, time to be confirmed"
    assert "all day" not in text(main(soup)).lower()
    (event,) = [json.loads(s.string) for s in event_scripts(soup)]
    assert event["@type"] == "Event"
    assert (event["startDate"], event["endDate"]) == ("2027-01-23", "2027-01-23")  # no time


def test_time_tbc_is_listed_on_its_date_with_time_to_be_confirmed(events_site: Path) -> None:
    item = item_for(page(events_site, "events"), TIME_TBC)
    assert "Time to be confirmed" in text(item)
    assert "All day" not in text(item)
    assert item["data-start"] == "2027-01-23"
    month = main(page(events_site, "events/month/2027-01"))
    row = month.find("a", href=f"../../{TIME_TBC}/").find_parent("tr")
    assert [text(cell) for cell in row.find_all(["th", "td"])] == [
        "Saturday 23 January 2027",
        "Time to be confirmed",
        "Transition to secondary school workshop",
        "Brackenfold Library",
    ]


def test_time_tbc_in_the_feeds_is_a_date_whose_title_says_so(events_site: Path) -> None:
    for path in (
        events_site / "events" / "calendar.ics",
        events_site / "events" / TIME_TBC / "event.ics",
    ):
        event = vevents(path)[TIME_TBC]
        assert str(event["SUMMARY"]) == (
            "Transition to secondary school workshop (time to be confirmed)"
        )
        assert event["DTSTART"].params.get("VALUE") == "DATE"
        assert event["DTSTART"].dt.isoformat() == "2027-01-23"
        assert event["DTEND"].dt.isoformat() == "2027-01-24"  # exclusive
        assert "time is to be confirmed" in str(event["DESCRIPTION"])
    (read,) = [
        e
        for e in ical_js(
            events_site / "events" / TIME_TBC / "event.ics", "2027-01-01", "2027-02-01"
        )
    ]
    assert read["occurrences"] == [{"start": "2027-01-23", "end": "2027-01-24"}]


def test_time_tbc_calendar_links_add_the_date_saying_the_time_is_to_be_confirmed(
    events_site: Path,
) -> None:
    calendar = main(page(events_site, f"events/{TIME_TBC}")).find(id="add-to-calendar")
    links = calendar.find_next("ul").find_all("a", href=True)
    google = parse_qs(urlsplit(links[1]["href"]).query)
    outlook = parse_qs(urlsplit(links[2]["href"]).query)
    title = "Transition to secondary school workshop (time to be confirmed)"
    assert google["text"] == [title] and google["dates"] == ["20270123/20270124"]
    assert outlook["subject"] == [title] and outlook["allday"] == ["true"]
    for details in (google["details"][0], outlook["body"][0]):
        assert details.startswith("The time is to be confirmed")


def test_time_tbc_in_the_data(events_site: Path) -> None:
    item = data(events_site)[TIME_TBC]
    assert item["time_tbc"] is True and item["all_day"] is True
    assert item["occurrences"] == [{"starts": "2027-01-23", "ends": "2027-01-23"}]
    (row,) = csv_rows(events_site, TIME_TBC)
    assert (row["starts"], row["time_tbc"], row["meets"]) == ("2027-01-23", "true", "")


# --- A group that meets without fixed dates ---------------------------------------------------


def test_standing_page_says_when_it_meets_and_how_to_join_without_a_map(
    events_site: Path,
) -> None:
    soup = page(events_site, f"events/{STANDING}")
    assert when(soup) == (
        "Meets: Saturday mornings in term time, and some days in the school holidays "
        "There are no fixed dates. To find out when it next meets, or to join, see how to book ."
    )
    join = main(soup).find("a", string="how to book")
    assert join["href"] == "#booking" and soup.find(id="booking") is not None
    where = text(
        next(
            r
            for r in main(soup).find_all("div", class_="lo-summary-list__row")
            if r.dt.get_text() == "Where"
        ).dd
    )
    assert where == "Venue confirmed when you join"  # no address, so no map link
    assert "openstreetmap" not in str(main(soup))
    assert "finished" not in text(main(soup))
    assert event_scripts(soup) == []  # not a schema.org Event: it has no date
    assert soup.find(id="add-to-calendar") is None


def test_standing_entry_is_listed_apart_and_on_no_dated_page(events_site: Path) -> None:
    register = main(page(events_site, "events"))
    section = register.find("section", attrs={"aria-labelledby": "lo-events-list-standing"})
    assert section.h2.get_text() == "Groups that meet regularly"
    (item,) = section.find_all(attrs={"data-lo-item": True})
    assert item.a["href"].rstrip("/").endswith(STANDING)
    assert "Meets: Saturday mornings in term time" in text(item)
    assert "data-start" not in item.attrs  # a date filter leaves it out
    assert item["data-audience"] == "young-people"  # the other filters apply
    for month in register.find_all("section"):
        if month is not section:
            assert STANDING not in str(month)
    for url in ("events/month/2026-11", "events/month/2026-12", "events/past"):
        assert STANDING not in str(main(page(events_site, url))), url


def test_standing_entry_is_in_no_calendar_feed(events_site: Path) -> None:
    feeds = [*(events_site / "events").glob("*.ics"), *(events_site / "events").glob("*/*.ics")]
    assert len(feeds) > 5
    for path in feeds:
        assert STANDING not in vevents(path), path
    assert not (events_site / "events" / STANDING / "event.ics").exists()


def test_standing_entry_in_the_data(events_site: Path) -> None:
    item = data(events_site)[STANDING]
    assert item["meets"] == "Saturday mornings in term time, and some days in the school holidays"
    assert (item["starts"], item["ends"], item["occurrences"]) == (None, None, [])
    assert item["past"] is False and item["next_occurrence"] is None
    assert item["location"]["address"] is None
    (row,) = csv_rows(events_site, STANDING)  # one row, with no dates
    assert (row["starts"], row["ends"], row["occurrence_past"]) == ("", "", "")
    assert row["meets"] == item["meets"] and row["past"] == "false"
