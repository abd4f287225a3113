"""An event with ``sessions:`` in a real build (issue 18): a table of sessions on its page, a
VEVENT per session with its own UID in every feed (read by icalendar, recurring-ical-events and
ical.js, which agree with the page and the data), an occurrence per session in the JSON and CSV,
and a row or list item per session, at its own place, in the month pages, on /events/ and in
``events/upcoming.json``."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import icalendar
import jsonschema
import pytest
import recurring_ical_events
import yaml
from localoffer.core.models.event import Event
from localoffer.export.ics import CalendarContext, vevent

from .sitebuild import HOST, build_site, ical_js, page

# "Now": after the first two sessions, before the others.
TODAY = "2027-02-10"
ID = "annual-reviews-drop-ins"
EVENT = """\
---
title: Annual reviews drop-ins
summary: Come and tell us what you think about annual reviews.
engagement: true
kind: drop-in
consultation: short-breaks-statement-2027
audiences: [parents-carers]
location:
  name: County Hall
  address: Market Street, Anbury
  postcode: AY1 1AA
organiser: SEND Service
sessions:
  - starts: 2027-02-09 10:00
    ends: 2027-02-09 12:00
    note: With a crèche.
  - starts: 2027-02-09 16:00
    ends: 2027-02-09 18:00
    location:
      name: Kestleford Family Hub
      address: 4 Mill Lane, Kestleford
      postcode: AY4 2KM
  - starts: 2027-03-30 18:30
    ends: 2027-03-30 20:00
    online:
      platform: Microsoft Teams
      url: https://meet.anyshire.example/annual-reviews
    note: Online, after the clocks go forward.
  - starts: 2027-06-15 10:00
    ends: 2027-06-15 12:00
    location:
      name: Marrowby Library
---
Come to any session.
"""
PLACES = ["County Hall", "Kestleford Family Hub", "", "Marrowby Library"]
STARTS_UTC = [
    "2027-02-09T10:00:00Z",
    "2027-02-09T16:00:00Z",
    "2027-03-30T17:30:00Z",  # 6:30pm BST
    "2027-06-15T09:00:00Z",
]
ENDS_UTC = [
    "2027-02-09T12:00:00Z",
    "2027-02-09T18:00:00Z",
    "2027-03-30T19:00:00Z",
    "2027-06-15T11:00:00Z",
]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("sessions-site")
    return build_site(root, {ID: EVENT}, TODAY)


def read(path: Path) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(path.read_bytes())


def ours(calendar: icalendar.Calendar) -> list[Any]:
    return [item for item in calendar.walk("VEVENT") if str(item["UID"]).startswith(ID)]


def utc(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


# --- The event page ---------------------------------------------------------------------------


def test_the_page_has_a_table_of_the_sessions(site: Path) -> None:
    html = page(site, f"events/{ID}/")
    table = html.find("table", class_="lo-sessions-table")
    assert table is not None
    assert (
        table.caption.get_text(strip=True) == "The 4 sessions of Annual reviews drop-ins, in order"
    )
    heads = [th.get_text(strip=True) for th in table.thead.find_all("th")]
    assert heads == ["Date", "Time", "Place", "Notes"]
    assert all(th["scope"] == "col" for th in table.thead.find_all("th"))
    rows = table.tbody.find_all("tr")
    assert len(rows) == 4
    days = [row.th.get_text(" ", strip=True) for row in rows]
    assert all(row.th["scope"] == "row" for row in rows)
    assert days == [
        "Tuesday 9 February 2027 Finished",
        "Tuesday 9 February 2027 Finished",
        "Tuesday 30 March 2027",
        "Tuesday 15 June 2027",
    ]
    cells = [[td.get_text(" ", strip=True) for td in row.find_all("td")] for row in rows]
    assert [row[0] for row in cells] == [
        "10am to midday",
        "4pm to 6pm",
        "6:30pm to 8pm",
        "10am to midday",
    ]
    assert cells[0][1] == "County Hall Market Street, Anbury, AY1 1AA"  # the event's place
    assert cells[1][1] == "Kestleford Family Hub 4 Mill Lane, Kestleford, AY4 2KM"
    assert cells[2][1] == "Online, using Microsoft Teams: join session 3 online"
    assert rows[2].find("a")["href"] == "https://meet.anyshire.example/annual-reviews"
    assert cells[3][1] == "Marrowby Library"
    assert [row[2] for row in cells] == [
        "With a crèche.",
        "",
        "Online, after the clocks go forward.",
        "",
    ]


def test_the_page_says_how_many_sessions_and_the_next(site: Path) -> None:
    html = page(site, f"events/{ID}/")
    rows = {
        row.dt.get_text(strip=True): row.dd.get_text(" ", strip=True)
        for row in html.select(".lo-summary-list__row")
    }
    assert rows["When"].startswith("4 sessions, from 9 February to 15 June 2027")
    assert "Next: Tuesday 30 March 2027, 6:30pm to 8pm" in rows["When"]
    assert "Some sessions are somewhere else: see the sessions" in rows["Where"]
    links = [a.get_text(strip=True) for a in html.select(".lo-calendar-links a")]
    assert links[0] == "Download all the sessions as a calendar file (.ics)"
    assert links[1] == "Add the next session (30 March 2027) to Google Calendar"


# --- The feeds ------------------------------------------------------------------------------


def feed_paths(site: Path) -> list[Path]:
    events = site / "events"
    return [
        events / ID / "event.ics",
        events / "calendar.ics",
        events / "engagement.ics",
        events / "audience" / "parents-carers.ics",
    ]


def test_every_feed_has_a_vevent_per_session_with_its_own_uid(site: Path) -> None:
    for path in feed_paths(site):
        found = ours(read(path))
        uids = [str(item["UID"]) for item in found]
        assert len(uids) == 4 and len(set(uids)) == 4, path
        assert all(uid.endswith(f"@{HOST}") for uid in uids)
        assert [utc(item["DTSTART"].dt) for item in found] == STARTS_UTC, path
        assert [item["DTSTART"].params["TZID"] for item in found] == ["Europe/London"] * 4
        assert not any("RRULE" in item for item in found)
        locations = [str(item["LOCATION"]) for item in found]
        assert locations == [
            "County Hall, Market Street, Anbury, AY1 1AA",
            "Kestleford Family Hub, 4 Mill Lane, Kestleford, AY4 2KM",
            "https://meet.anyshire.example/annual-reviews",
            "Marrowby Library",
        ]
        descriptions = [str(item["DESCRIPTION"]) for item in found]
        assert descriptions[1].startswith("Session 2 of 4: Tuesday 9 February 2027, 4pm to 6pm.")
        assert "Session 3 of 4" in descriptions[2] and "after the clocks" in descriptions[2]
        assert "Join online (Microsoft Teams)" in descriptions[2]
        assert "Join online" not in descriptions[0]
        assert all(str(item["URL"]).endswith(f"/events/{ID}/") for item in found)


def test_the_same_uids_in_every_feed(site: Path) -> None:
    uids = [[str(item["UID"]) for item in ours(read(path))] for path in feed_paths(site)]
    assert all(found == uids[0] for found in uids)


def test_recurring_ical_events_and_ical_js_give_the_sessions_of_the_page(site: Path) -> None:
    path = site / "events" / ID / "event.ics"
    start, end = datetime(2027, 1, 1, tzinfo=UTC), datetime(2028, 1, 1, tzinfo=UTC)
    python = sorted(
        (utc(item["DTSTART"].dt), utc(item["DTEND"].dt))
        for item in recurring_ical_events.of(read(path)).between(start, end)
    )
    assert python == list(zip(STARTS_UTC, ENDS_UTC, strict=True))
    js = sorted(
        (occurrence["start"], occurrence["end"])
        for item in ical_js(path, "2027-01-01", "2028-01-01")
        for occurrence in item["occurrences"]
    )
    assert js == python
    data = json.loads((site / "data" / "events.json").read_text(encoding="utf-8"))
    (item,) = [entry for entry in data["items"] if entry["id"] == ID]
    from_data = [
        (utc(datetime.fromisoformat(o["starts"])), utc(datetime.fromisoformat(o["ends"])))
        for o in item["occurrences"]
    ]
    assert from_data == python


def context() -> CalendarContext:
    return CalendarContext(f"https://{HOST}", datetime(2027, 2, 10, tzinfo=UTC))


def event_of(text: str) -> Event:
    front = yaml.safe_load(text.split("---\n")[1])
    event = Event.model_validate(front)
    event.bind(ID, f"events/{ID}.md")
    return event


def uids_of(event: Event) -> list[str]:
    return [
        line.removeprefix("UID:") for line in vevent(event, context()) if line.startswith("UID:")
    ]


def test_a_sessions_uid_stays_when_others_are_added_or_removed() -> None:
    before = uids_of(event_of(EVENT))
    added = EVENT.replace(
        "sessions:\n",
        "sessions:\n  - starts: 2027-02-02 10:00\n    ends: 2027-02-02 11:00\n",
    )
    after = uids_of(event_of(added))
    assert after[1:] == before
    assert after[0] not in before
    second = (
        "  - starts: 2027-02-09 16:00\n    ends: 2027-02-09 18:00\n    location:\n"
        "      name: Kestleford Family Hub\n      address: 4 Mill Lane, Kestleford\n"
        "      postcode: AY4 2KM\n"
    )
    assert EVENT.count(second) == 1
    removed = EVENT.replace(second, "")
    assert uids_of(event_of(removed)) == [before[0], *before[2:]]


def test_two_sessions_at_the_same_time_in_two_rooms_have_two_uids() -> None:
    text = EVENT.replace(
        "2027-02-09 16:00\n    ends: 2027-02-09 18:00",
        "2027-02-09 10:00\n    ends: 2027-02-09 12:00",
    )
    found = uids_of(event_of(text))
    assert len(set(found)) == 4
    assert found[0] != found[1] and found[0].startswith(f"{ID}-20270209T1000-")


# --- Open data --------------------------------------------------------------------------------


def test_json_has_the_sessions_and_an_occurrence_each(site: Path) -> None:
    data = json.loads((site / "data" / "events.json").read_text(encoding="utf-8"))
    schema = json.loads((site / "data" / "events.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(
        data
    )
    (item,) = [entry for entry in data["items"] if entry["id"] == ID]
    assert item["starts"] == "2027-02-09T10:00:00+00:00"  # the first session's
    assert len(item["sessions"]) == 4
    assert item["sessions"][0]["location"] is None  # at the event's place, as written
    occurrences = item["occurrences"]
    assert [o["session"] for o in occurrences] == [1, 2, 3, 4]
    assert [o["location"]["name"] if o["location"] else "" for o in occurrences] == PLACES
    assert occurrences[2]["online"] == {
        "platform": "Microsoft Teams",
        "url": "https://meet.anyshire.example/annual-reviews",
    }
    assert [o["note"] for o in occurrences] == [
        "With a crèche.",
        None,
        "Online, after the clocks go forward.",
        None,
    ]
    assert item["next_occurrence"] == occurrences[2]
    assert item["past"] is False


def test_csv_has_a_row_per_session_at_its_place(site: Path) -> None:
    text = (site / "data" / "events.csv").read_text(encoding="utf-8-sig")
    rows = [row for row in csv.DictReader(io.StringIO(text)) if row["id"] == ID]
    assert [row["session"] for row in rows] == ["1", "2", "3", "4"]
    assert [row["location_name"] for row in rows] == PLACES
    assert [row["online_platform"] for row in rows] == ["", "", "Microsoft Teams", ""]
    assert rows[0]["session_note"] == "With a crèche."
    assert [row["occurrence_past"] for row in rows] == ["true", "true", "false", "false"]
    others = [row for row in csv.DictReader(io.StringIO(text)) if row["id"] != ID]
    assert all(row["session"] == "" for row in others)


# --- Month pages, /events/ and its filters -----------------------------------------------------


def month_rows(site: Path, key: str) -> list[list[str]]:
    html = page(site, f"events/month/{key}/")
    return [
        [cell.get_text(" ", strip=True) for cell in row.find_all(["th", "td"])]
        for row in html.select("table tbody tr")
        if "Annual reviews drop-ins" in row.get_text()
    ]


def test_month_pages_have_a_row_per_session_at_its_place(site: Path) -> None:
    february = month_rows(site, "2027-02")
    assert [(row[0], row[1], row[3]) for row in february] == [
        ("Tuesday 9 February 2027", "10am to midday", "County Hall"),
        ("Tuesday 9 February 2027", "4pm to 6pm", "Kestleford Family Hub"),
    ]
    assert [row[3] for row in month_rows(site, "2027-03")] == ["Online"]
    assert [row[3] for row in month_rows(site, "2027-06")] == ["Marrowby Library"]


def test_events_list_and_its_filters_have_each_upcoming_session(site: Path) -> None:
    html = page(site, "events/")
    items = [
        item
        for item in html.find_all(attrs={"data-start": True})
        if "Annual reviews drop-ins" in item.get_text()
    ]
    listed = [(item["data-start"], item["data-attendance"]) for item in items]
    upcoming = json.loads((site / "events" / "upcoming.json").read_text(encoding="utf-8"))
    later = {
        (day[0], upcoming["events"][pair[0]]["d"]["attendance"], upcoming["events"][pair[0]]["p"])
        for month in upcoming["months"]
        for day in month["days"]
        for pair in day[2]
        if upcoming["events"][pair[0]]["u"] == f"{ID}/"
    }
    # Between the page (about three months) and upcoming.json, each session still to come,
    # with its own place and way of attending.
    assert ("2027-03-30", "online") in listed
    assert ("2027-06-15", "in-person", "Marrowby Library") in later
    assert len(listed) + len(later) == 2
