"""The iCalendar feeds, read by real parsers: icalendar, recurring-ical-events and ical.js.

Every feed of the crafted site (tests/events/conftest.py) is parsed and expanded; occurrence
times are checked in UTC across the clock changes (BST ends 25 October 2026, starts 28 March
2027), with skipped dates, the last weekday of a month, fortnightly series and COUNT.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import icalendar
import pytest
import recurring_ical_events
from localoffer.core.vocabulary import DEFAULT_VOCABULARIES

from .conftest import EVENTS, HELD, HOSTILE_TITLE, STANDING
from .sitebuild import HOST, ical_js

WINDOW = ("2026-01-01", "2028-01-01")
# The events the feeds hold: those with a date (not postponed awaiting one, nor a group that
# meets without fixed dates).
ALL_IDS = set(EVENTS) - HELD - {STANDING}
OLD = {"old-meeting"}  # ended more than three months before "now"
ENGAGEMENT = {
    "weekly-tuesday-forum",
    "last-friday-coffee-morning",
    "moved-online-session",
    "rescheduled-afternoon",
    "recent-meeting",
    "hostile-event",
}


def feeds(site: Path) -> list[Path]:
    found = [site / "events" / "calendar.ics", site / "events" / "engagement.ics"]
    found += sorted((site / "events" / "audience").glob("*.ics"))
    found += sorted((site / "events").glob("*/event.ics"))
    return found


def read(path: Path) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(path.read_bytes())


def uids(calendar: icalendar.Calendar) -> set[str]:
    return {str(event["UID"]) for event in calendar.walk("VEVENT")}


def ids(calendar: icalendar.Calendar) -> set[str]:
    return {uid.removesuffix(f"@{HOST}") for uid in uids(calendar)}


def utc(value: Any) -> str:
    if isinstance(value, datetime):
        return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    assert isinstance(value, date)
    return value.isoformat()


def expand_python(path: Path) -> dict[str, list[dict[str, str]]]:
    """Occurrences per event id, as recurring-ical-events expands them."""
    start = datetime.fromisoformat(WINDOW[0]).replace(tzinfo=UTC)
    end = datetime.fromisoformat(WINDOW[1]).replace(tzinfo=UTC)
    found: dict[str, list[dict[str, str]]] = {}
    for component in recurring_ical_events.of(read(path)).between(start, end):
        event_id = str(component["UID"]).removesuffix(f"@{HOST}")
        found.setdefault(event_id, []).append(
            {"start": utc(component["DTSTART"].dt), "end": utc(component["DTEND"].dt)}
        )
    return {key: sorted(value, key=lambda item: item["start"]) for key, value in found.items()}


def expand_js(path: Path) -> dict[str, list[dict[str, str]]]:
    return {
        item["uid"].removesuffix(f"@{HOST}"): item["occurrences"] for item in ical_js(path, *WINDOW)
    }


@pytest.fixture(scope="module")
def calendar_ics(events_site: Path) -> Path:
    return events_site / "events" / "calendar.ics"


@pytest.fixture(scope="module", params=["recurring-ical-events", "ical.js"])
def expanded(request: pytest.FixtureRequest, calendar_ics: Path) -> dict[str, list[dict[str, str]]]:
    if request.param == "ical.js":
        return expand_js(calendar_ics)
    return expand_python(calendar_ics)


def starts(expanded: dict[str, list[dict[str, str]]], event_id: str) -> list[str]:
    return [item["start"] for item in expanded[event_id]]


# --- Every feed is valid and complete --------------------------------------------------------


def test_every_feed_parses_with_a_london_vtimezone_and_tzid_on_times(events_site: Path) -> None:
    paths = feeds(events_site)
    # One feed per audience (children-in-care too); old events have no calendar file.
    audiences = len(DEFAULT_VOCABULARIES.allowed("audiences"))
    assert len(paths) == 2 + audiences + len(ALL_IDS - OLD)
    for path in paths:
        calendar = read(path)
        assert str(calendar["VERSION"]) == "2.0"
        assert str(calendar["PRODID"])
        assert str(calendar["CALSCALE"]) == "GREGORIAN"
        assert str(calendar["X-WR-CALNAME"])
        (zone,) = calendar.walk("VTIMEZONE")
        assert str(zone["TZID"]) == "Europe/London"
        rules = {sub.name: sub for sub in zone.subcomponents}
        daylight, standard = rules["DAYLIGHT"], rules["STANDARD"]
        assert daylight["RRULE"]["BYMONTH"] == [3] and daylight["RRULE"]["BYDAY"] == ["-1SU"]
        assert standard["RRULE"]["BYMONTH"] == [10] and standard["RRULE"]["BYDAY"] == ["-1SU"]
        assert daylight["TZOFFSETTO"].td.total_seconds() == 3600
        assert standard["TZOFFSETTO"].td.total_seconds() == 0
        for event in calendar.walk("VEVENT"):
            for name in ("DTSTART", "DTEND"):
                prop = event[name]
                if isinstance(prop.dt, datetime):
                    assert prop.params["TZID"] == "Europe/London"
                else:
                    assert prop.params["VALUE"] == "DATE"
            for exdate in _exdates(event):
                assert dict(exdate.params) == dict(event["DTSTART"].params)


def _exdates(event: icalendar.Event) -> list[Any]:
    value = event.get("EXDATE")
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def test_every_line_is_crlf_folded_at_75_octets_without_splitting_characters(
    events_site: Path,
) -> None:
    for path in feeds(events_site):
        data = path.read_bytes()
        assert data.endswith(b"\r\n")
        assert b"\n" not in data.replace(b"\r\n", b"")  # no bare LF
        assert b"\r" not in data.replace(b"\r\n", b"")  # no bare CR
        for line in data.split(b"\r\n")[:-1]:
            assert len(line) <= 75, (path.name, line)
            line.decode("utf-8")  # a split multi-byte character would not decode


def test_uids_are_stable_and_dtstamp_is_the_builds_now(calendar_ics: Path) -> None:
    calendar = read(calendar_ics)
    assert uids(calendar) == {f"{event_id}@{HOST}" for event_id in ALL_IDS - OLD}
    for event in calendar.walk("VEVENT"):
        # "Now" is midnight on 23 November 2026 in London (GMT), so builds are reproducible.
        assert event["DTSTAMP"].dt == datetime(2026, 11, 23, tzinfo=UTC)
        assert isinstance(event["SEQUENCE"], int)


def test_url_goes_back_to_the_event_page_and_the_online_link_is_included(
    calendar_ics: Path,
) -> None:
    events = {str(e["UID"]).split("@")[0]: e for e in read(calendar_ics).walk("VEVENT")}
    for event_id, event in events.items():
        url = f"https://{HOST}/events/{event_id}/"
        assert str(event["URL"]) == url
        assert url in str(event["DESCRIPTION"])
    online = events["second-tuesday-online-group"]
    link = "https://meet.anyshire.example/second-tuesday"
    assert str(online["LOCATION"]) == link
    assert link in str(online["DESCRIPTION"])
    assert str(online["CONFERENCE"]) == link
    hybrid = events["weekly-tuesday-forum"]
    assert str(hybrid["LOCATION"]) == "Sallowmouth Youth Hub, 3 Harbour Row, Sallowmouth, AY8 1JB"


def test_statuses_reach_subscribers(calendar_ics: Path) -> None:
    events = {str(e["UID"]).split("@")[0]: e for e in read(calendar_ics).walk("VEVENT")}
    cancelled = events["cancelled-evening"]
    assert str(cancelled["STATUS"]) == "CANCELLED"
    assert str(cancelled["SUMMARY"]) == "Cancelled: Moving on from school evening"
    assert "flood damage" in str(cancelled["DESCRIPTION"])
    assert cancelled["SEQUENCE"] > events["information-fair"]["SEQUENCE"]
    assert str(events["information-fair"]["STATUS"]) == "CONFIRMED"
    moved = events["moved-online-session"]
    assert str(moved["LOCATION"]) == "https://meet.anyshire.example/pfa"


def test_engagement_feed_holds_exactly_the_engagement_opportunities(events_site: Path) -> None:
    calendar = read(events_site / "events" / "engagement.ics")
    assert ids(calendar) == ENGAGEMENT - OLD
    assert "engagement" in str(calendar["X-WR-CALNAME"]).lower()


def test_audience_feeds_hold_that_audience_and_events_for_everyone(events_site: Path) -> None:
    folder = events_site / "events" / "audience"
    assert {path.stem for path in folder.glob("*.ics")} == {
        "children",
        "young-people",
        "children-in-care",
        "parents-carers",
        "professionals",
        "everyone",
    }
    assert ids(read(folder / "young-people.ics")) == {
        "weekly-tuesday-forum",
        "summer-activity-camp",
        "cancelled-evening",
        "hostile-event",
        "information-fair",
    }
    assert ids(read(folder / "professionals.ics")) == {
        "second-tuesday-online-group",
        "information-fair",
    }
    assert ids(read(folder / "everyone.ics")) == {"information-fair"}


def test_events_over_three_months_ago_drop_out_of_the_feeds(events_site: Path) -> None:
    calendar = ids(read(events_site / "events" / "calendar.ics"))
    assert "old-meeting" not in calendar
    assert "recent-meeting" in calendar  # ended 17 September 2026: less than 3 months ago


def test_an_event_keeps_its_own_calendar_file_while_it_is_in_the_feeds(events_site: Path) -> None:
    # Ended less than three months ago: its file stays, and its page links to it.
    assert ids(read(events_site / "events" / "recent-meeting" / "event.ics")) == {"recent-meeting"}
    recent = (events_site / "events" / "recent-meeting" / "index.html").read_text("utf-8")
    assert 'id="add-to-calendar"' in recent and 'href="event.ics"' in recent
    # Ended more than three months ago: no file, and the page offers none.
    assert not (events_site / "events" / "old-meeting" / "event.ics").exists()
    old = (events_site / "events" / "old-meeting" / "index.html").read_text("utf-8")
    assert 'id="add-to-calendar"' not in old and "event.ics" not in old
    assert "This event has finished" in old


def test_each_event_file_holds_that_event_alone(events_site: Path) -> None:
    for event_id in ALL_IDS - OLD:
        assert ids(read(events_site / "events" / event_id / "event.ics")) == {event_id}


# --- Expanded occurrences, by two parsers ---------------------------------------------------


def test_weekly_series_keeps_4pm_london_across_both_clock_changes(expanded: Any) -> None:
    found = starts(expanded, "weekly-tuesday-forum")
    # 4pm BST is 15:00 UTC until 25 October 2026; 4pm GMT is 16:00 UTC until 28 March 2027.
    assert found[:4] == [
        "2026-10-06T15:00:00Z",
        "2026-10-13T15:00:00Z",
        "2026-10-20T15:00:00Z",
        "2026-10-27T16:00:00Z",
    ]
    assert "2027-03-23T16:00:00Z" in found
    assert "2027-04-06T15:00:00Z" in found  # BST again
    assert found[-1] == "2027-04-27T15:00:00Z"  # UNTIL is inclusive
    # EXDATE: 3 November 2026 (GMT) and 30 March 2027 (BST) are skipped.
    assert "2026-11-03T16:00:00Z" not in found
    assert "2027-03-30T15:00:00Z" not in found
    assert len(found) == 30 - 2
    ends = [item["end"] for item in expanded["weekly-tuesday-forum"]]
    assert ends[0] == "2026-10-06T17:00:00Z" and ends[3] == "2026-10-27T18:00:00Z"


def test_fortnightly_series_with_count(expanded: Any) -> None:
    found = starts(expanded, "fortnightly-sensory-play")
    assert len(found) == 12
    assert found[:3] == ["2026-10-12T09:00:00Z", "2026-10-26T10:00:00Z", "2026-11-09T10:00:00Z"]
    assert found[-1] == "2027-03-15T10:00:00Z"


def test_monthly_last_friday_skips_christmas_day(expanded: Any) -> None:
    found = starts(expanded, "last-friday-coffee-morning")
    assert found[:3] == ["2026-09-25T09:00:00Z", "2026-10-30T10:00:00Z", "2026-11-27T10:00:00Z"]
    assert "2026-12-25T10:00:00Z" not in found
    assert "2027-01-29T10:00:00Z" in found
    assert "2027-03-26T10:00:00Z" in found  # the Friday before the clocks go forward: GMT
    assert "2027-04-30T09:00:00Z" in found  # BST
    assert found[-1] == "2027-07-30T09:00:00Z"
    assert len(found) == 11 - 1


def test_monthly_second_tuesday_with_count(expanded: Any) -> None:
    found = starts(expanded, "second-tuesday-online-group")
    assert found == [
        "2026-09-08T18:00:00Z",
        "2026-10-13T18:00:00Z",
        "2026-11-10T19:00:00Z",
        "2026-12-08T19:00:00Z",
        "2027-01-12T19:00:00Z",
        "2027-02-09T19:00:00Z",
        "2027-03-09T19:00:00Z",
        "2027-04-13T18:00:00Z",
        "2027-05-11T18:00:00Z",
        "2027-06-08T18:00:00Z",
    ]


def test_all_day_events_are_dates_with_an_exclusive_end(expanded: Any, calendar_ics: Path) -> None:
    assert expanded["summer-activity-camp"] == [{"start": "2027-08-02", "end": "2027-08-07"}]
    assert expanded["information-fair"] == [{"start": "2027-01-30", "end": "2027-01-31"}]
    raw = calendar_ics.read_bytes()
    assert b"DTSTART;VALUE=DATE:20270802\r\nDTEND;VALUE=DATE:20270807\r\n" in raw


def test_single_events_at_their_utc_times(expanded: Any) -> None:
    assert expanded["cancelled-evening"] == [
        {"start": "2026-12-10T18:00:00Z", "end": "2026-12-10T20:00:00Z"}
    ]
    assert expanded["recent-meeting"] == [
        {"start": "2026-09-17T17:30:00Z", "end": "2026-09-17T19:30:00Z"}
    ]


def test_both_parsers_agree_with_the_site_on_every_occurrence(
    events_site: Path, calendar_ics: Path
) -> None:
    import json

    data = json.loads((events_site / "data" / "events.json").read_text(encoding="utf-8"))
    site: dict[str, list[dict[str, str]]] = {}
    for item in data["items"]:
        if item["id"] in OLD | HELD | {STANDING}:  # in no feed
            continue
        site[item["id"]] = [_site_utc(o, item["all_day"]) for o in item["occurrences"]]
    assert expand_python(calendar_ics) == site
    assert expand_js(calendar_ics) == site


def _site_utc(occurrence: dict[str, str], all_day: bool) -> dict[str, str]:
    if all_day:
        end = date.fromordinal(date.fromisoformat(occurrence["ends"]).toordinal() + 1)
        return {"start": occurrence["starts"], "end": end.isoformat()}
    return {
        "start": utc(datetime.fromisoformat(occurrence["starts"])),
        "end": utc(datetime.fromisoformat(occurrence["ends"])),
    }


# --- Escaping and folding of a hostile event -------------------------------------------------


def test_hostile_text_survives_escaping_and_folding(events_site: Path) -> None:
    path = events_site / "events" / "hostile-event" / "event.ics"
    raw = path.read_bytes()
    escaped = HOSTILE_TITLE.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    # The title needs folding: it is longer than 75 octets in UTF-8.
    logical = f"SUMMARY:{escaped}".encode()
    assert len(logical) > 75
    unfolded = raw.replace(b"\r\n ", b"")
    assert b"\r\n" + logical + b"\r\n" in unfolded
    # Folded exactly as RFC 5545 says: 75 octets, then CRLF and a space, never mid-character.
    start = raw.index(b"SUMMARY:")
    end = raw.index(b"\r\n", start)
    while raw[end + 2 : end + 3] == b" ":
        end = raw.index(b"\r\n", end + 2)
    physical = raw[start:end].split(b"\r\n")
    assert b"".join([physical[0]] + [line[1:] for line in physical[1:]]) == logical
    for line in physical:
        assert len(line) <= 75
        line.decode("utf-8")
    assert all(line.startswith(b" ") for line in physical[1:])
    assert len(physical[0]) >= 72  # filled up to the limit, less a split character at most

    (event,) = read(path).walk("VEVENT")
    assert str(event["SUMMARY"]) == HOSTILE_TITLE
    description = str(event["DESCRIPTION"])
    assert "Line one; with, punctuation\nline two \\ and </script> again" in description
    assert str(event["LOCATION"]) == '<b>Hub</b> & "friends", 1 <i>Main</i> Street, AY1 1AA'
    assert "\\n" in unfolded.decode("utf-8").split("DESCRIPTION:")[1].split("\r\n")[0]


def test_hostile_event_reads_the_same_in_ical_js(events_site: Path) -> None:
    path = events_site / "events" / "hostile-event" / "event.ics"
    (item,) = ical_js(path, *WINDOW)
    assert item["summary"] == HOSTILE_TITLE
    assert item["occurrences"] == [{"start": "2027-01-20T16:00:00Z", "end": "2027-01-20T18:00:00Z"}]
