"""Term-time series (issue 18): ``repeat: {term_time_only: true}`` skips the school holidays kept
once in the settings (``school_holidays:`` in mkdocs.yml), ``school_holidays_only: true`` keeps
only them. The page, the open data and the calendar feeds (EXDATEs, read by icalendar,
recurring-ical-events and ical.js) give the same dates; bad holidays and series the holidays do
not cover are reported at their line."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import icalendar
import pytest
import recurring_ical_events
import yaml
from localoffer.cli.main import main
from localoffer.core.derive.occurrences import occurrences, skipped_dates
from localoffer.core.holidays import Holiday, SchoolHolidays
from localoffer.core.models.event import Event

from .sitebuild import build, ical_js, page, write_site

TODAY = "2026-11-23"
HOLIDAYS = [
    {"name": "Summer holidays 2026", "from": "2026-07-23", "to": "2026-09-02"},
    {"name": "October half term", "from": "2026-10-26", "to": "2026-10-30"},
    {"name": "Christmas holidays", "from": "2026-12-21", "to": "2027-01-01"},
    {"name": "February half term", "from": "2027-02-15", "to": "2027-02-19"},
    {"name": "Easter holidays", "from": "2027-03-29", "to": "2027-04-09"},
    {"name": "Summer holidays 2027", "from": "2027-07-22", "to": "2027-09-01"},
]
TERM = "stay-and-play"
HOLIDAY = "holiday-club"
STAY_AND_PLAY = """\
---
title: Stay and play
summary: A weekly play session in term time.
starts: 2026-10-07 10:00
ends: 2026-10-07 11:30
repeat:
  frequency: weekly
  until: 2027-03-03
  term_time_only: true
kind: activity
audiences: [parents-carers]
location:
  name: Brackenfold Family Hub
organiser: Early Years SEND Team
---
Come and play.
"""
HOLIDAY_CLUB = """\
---
title: Holiday club
summary: A club in the school holidays only.
starts: 2026-10-26
repeat:
  frequency: weekly
  weekday: tuesday
  count: 20
  school_holidays_only: true
kind: activity
audiences: [children]
location:
  name: Marrowby Leisure Centre
organiser: Short Breaks Team
---
Fun in the holidays.
"""
# Wednesdays from 7 October 2026 to 3 March 2027, less 28 October (half term), 23 and 30
# December (Christmas) and 17 February (half term).
TERM_DATES = [
    "2026-10-07", "2026-10-14", "2026-10-21", "2026-11-04", "2026-11-11", "2026-11-18",
    "2026-11-25", "2026-12-02", "2026-12-09", "2026-12-16", "2027-01-06", "2027-01-13",
    "2027-01-20", "2027-01-27", "2027-02-03", "2027-02-10", "2027-02-24", "2027-03-03",
]  # fmt: skip
# Twenty Tuesdays from 27 October 2026 (count, as RFC 5545's COUNT, before any are skipped),
# of which those in a holiday: half term, Christmas, February half term.
HOLIDAY_DATES = ["2026-10-27", "2026-12-22", "2026-12-29", "2027-02-16"]


def set_holidays(root: Path, holidays: Any) -> str:
    """Put ``holidays`` in the site's mkdocs.yml (None: none); its text."""
    path = root / "mkdocs.yml"
    config = yaml.safe_load(path.read_text(encoding="utf-8"))
    options = next(p["localoffer"] for p in config["plugins"] if isinstance(p, dict))
    options.pop("school_holidays", None)
    if holidays is not None:
        options["school_holidays"] = holidays
    text = yaml.safe_dump(config, allow_unicode=True, sort_keys=False)
    path.write_text(text, encoding="utf-8")
    return text


def line_of(text: str, fragment: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if fragment in line)


def check(root: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    code = main(["check", "--site", str(root), "--today", TODAY])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out.splitlines()


# --- The one model of occurrences ------------------------------------------------------------


def event_of(text: str, holidays: list[dict[str, str]] | None = HOLIDAYS) -> Event:
    event = Event.model_validate(yaml.safe_load(text.split("---\n")[1]))
    found = [
        Holiday(h["name"], date.fromisoformat(h["from"]), date.fromisoformat(h["to"]))
        for h in holidays or []
    ]
    event.bind_holidays(SchoolHolidays(tuple(found)))
    return event


def days(event: Event) -> list[str]:
    return [item.start_at.date().isoformat() for item in occurrences(event)]


def test_a_term_time_series_skips_the_school_holidays() -> None:
    event = event_of(STAY_AND_PLAY)
    assert days(event) == TERM_DATES
    assert [d.isoformat() for d in skipped_dates(event)] == [
        "2026-10-28",
        "2026-12-23",
        "2026-12-30",
        "2027-02-17",
    ]
    # Without holidays it skips nothing.
    assert len(days(event_of(STAY_AND_PLAY, None))) == len(TERM_DATES) + 4


def test_except_still_applies_to_a_term_time_series() -> None:
    text = STAY_AND_PLAY.replace(
        "  term_time_only: true\n", "  term_time_only: true\n  except: [2026-11-04]\n"
    )
    assert days(event_of(text)) == [d for d in TERM_DATES if d != "2026-11-04"]


def test_a_school_holidays_series_happens_only_in_them() -> None:
    event = event_of(HOLIDAY_CLUB)
    assert days(event) == HOLIDAY_DATES
    assert all(item.all_day for item in occurrences(event))
    assert len(skipped_dates(event)) == 16


# --- Reported where they are -----------------------------------------------------------------


def test_both_patterns_at_once_is_an_error_on_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = STAY_AND_PLAY.replace(
        "  term_time_only: true\n", "  term_time_only: true\n  school_holidays_only: true\n"
    )
    write_site(tmp_path, {TERM: text})
    set_holidays(tmp_path, HOLIDAYS)
    code, lines = check(tmp_path, capsys)
    errors = [line for line in lines if ": error: " in line]
    assert code == 1 and len(errors) == 1, lines
    line = line_of(text, "school_holidays_only")
    assert errors[0].startswith(f"events/{TERM}.md:{line}:25: error: "), errors[0]
    assert "either 'term_time_only: true'" in errors[0] and "not both" in errors[0]


def test_a_series_past_the_known_holidays_is_a_warning_on_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = STAY_AND_PLAY.replace("until: 2027-03-03", "until: 2027-10-06")
    write_site(tmp_path, {TERM: text})
    set_holidays(tmp_path, HOLIDAYS)
    code, lines = check(tmp_path, capsys)
    assert code == 0, lines
    warnings = [line for line in lines if line.startswith(f"events/{TERM}.md:")]
    line = line_of(text, "term_time_only")
    assert warnings == [
        f"events/{TERM}.md:{line}:19: warning: the school holidays in mkdocs.yml "
        "('school_holidays:') cover 23 July 2026 to 1 September 2027, but this series has 5 dates "
        "outside them (the first is 8 September 2027), which it treats as term time: add the "
        "holidays of that school year"
    ]


def test_a_term_time_series_without_any_holidays_is_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_site(tmp_path, {TERM: STAY_AND_PLAY})
    set_holidays(tmp_path, None)
    code, lines = check(tmp_path, capsys)
    assert code == 0, lines  # a warning: the series still has its dates, all of them
    (warning,) = [line for line in lines if line.startswith(f"events/{TERM}.md:")]
    assert warning.startswith(f"events/{TERM}.md:{line_of(STAY_AND_PLAY, 'term_time_only')}:19")
    assert "there are none in mkdocs.yml" in warning and "'school_holidays:'" in warning


@pytest.mark.parametrize(
    ("holiday", "at", "column", "words"),
    [
        (
            {"name": "Easter", "from": "2027-04-09", "to": "2027-03-29"},
            "to: '2027-03-29'",
            11,
            "'Easter' ends ('to') before it starts ('from')",
        ),
        (
            {"name": "Easter", "from": "29/03/2027", "to": "2027-04-09"},
            "from: 29/03/2027",
            13,
            "'Easter': '29/03/2027' is not a date",
        ),
        (
            {"name": "Easter", "from": "2027-03-29", "until": "2027-04-09"},
            "until: '2027-04-09'",
            14,
            "'until' is not part of a school holiday",
        ),
        (
            {"from": "2027-03-29", "to": "2027-04-09"},
            "- from: '2027-03-29'",
            7,
            "a school holiday needs 'name:'",
        ),
        (
            {"name": "Easter", "from": "2027-02-17", "to": "2027-02-25"},
            "from: '2027-02-17'",
            13,
            "'Easter' starts before 'February half term' ends",
        ),
    ],
    ids=["to-before-from", "not-a-date", "unknown-key", "no-name", "overlap"],
)
def test_bad_school_holidays_are_errors_in_mkdocs_yml(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    holiday: dict[str, str],
    at: str,
    column: int,
    words: str,
) -> None:
    write_site(tmp_path, {})
    text = set_holidays(tmp_path, [*HOLIDAYS, holiday])
    code, lines = check(tmp_path, capsys)
    errors = [line for line in lines if ": error: " in line]
    assert code == 1 and len(errors) == 1, lines
    line = [n for n, found in enumerate(text.splitlines(), 1) if at in found][-1]
    assert errors[0].startswith(f"mkdocs.yml:{line}:{column}: error: "), errors[0]
    assert words in errors[0], errors[0]


# --- A real build: the page, the data and the feeds agree --------------------------------------


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = write_site(
        tmp_path_factory.mktemp("term-time"), {TERM: STAY_AND_PLAY, HOLIDAY: HOLIDAY_CLUB}
    )
    set_holidays(root, HOLIDAYS)
    return build(root, TODAY)


def utc(value: Any) -> str:
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat()
    return value.isoformat()  # type: ignore[no-any-return]


def from_data(site: Path, event_id: str) -> list[str]:
    data = json.loads((site / "data" / "events.json").read_text(encoding="utf-8"))
    (item,) = [entry for entry in data["items"] if entry["id"] == event_id]
    return [
        utc(datetime.fromisoformat(o["starts"])) if "T" in o["starts"] else o["starts"]
        for o in item["occurrences"]
    ]


@pytest.mark.parametrize("event_id", [TERM, HOLIDAY])
def test_icalendar_recurring_ical_events_and_ical_js_give_the_dates_of_the_page(
    site: Path, event_id: str
) -> None:
    path = site / "events" / event_id / "event.ics"
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    (vevent,) = calendar.walk("VEVENT")
    assert "RRULE" in vevent and "EXDATE" in vevent
    start, end = datetime(2026, 1, 1, tzinfo=UTC), datetime(2028, 1, 1, tzinfo=UTC)
    python = sorted(
        utc(item["DTSTART"].dt) for item in recurring_ical_events.of(calendar).between(start, end)
    )
    (js_event,) = ical_js(path, "2026-01-01", "2028-01-01")
    js = sorted(
        occurrence["start"].replace("Z", "+00:00") for occurrence in js_event["occurrences"]
    )
    data = from_data(site, event_id)
    assert python == js == data
    expected = TERM_DATES if event_id == TERM else HOLIDAY_DATES
    assert [day[:10] for day in data] == expected


def test_the_page_says_term_time_and_lists_only_term_dates(site: Path) -> None:
    html = page(site, f"events/{TERM}/")
    when = next(
        row.dd.get_text(" ", strip=True)
        for row in html.select(".lo-summary-list__row")
        if row.dt.get_text(strip=True) == "When"
    )
    assert when.startswith("Every Wednesday in term time, 10am to 11:30am")
    assert f"({len(TERM_DATES)} dates)" in when
    listed = [li.get_text(strip=True) for li in html.select("ul[data-lo-dates] li")]
    assert "Wednesday 23 December 2026, 10am to 11:30am" not in listed
    assert "Wednesday 16 December 2026, 10am to 11:30am" in listed
    # The holidays are not listed one by one as "dates it does not happen".
    assert html.find(id="skipped-dates") is None
    holiday = page(site, f"events/{HOLIDAY}/")
    assert "Every Tuesday in the school holidays" in holiday.get_text(" ", strip=True)


def test_the_open_data_says_which_pattern(site: Path) -> None:
    data = json.loads((site / "data" / "events.json").read_text(encoding="utf-8"))
    repeats = {item["id"]: item["repeat"] for item in data["items"]}
    assert repeats[TERM]["term_time_only"] is True
    assert repeats[TERM]["school_holidays_only"] is False
    assert repeats[HOLIDAY]["school_holidays_only"] is True


def test_a_kept_record_takes_the_new_holidays_and_an_unchanged_one_stays_kept(
    tmp_path: Path,
) -> None:
    """Between two loads in one process (``mkdocs serve``), a term-time series whose file is
    unchanged is kept, and still skips the holidays as the settings now have them."""
    from localoffer.core.check import check_site
    from localoffer.core.source.cache import RecordCache

    write_site(tmp_path, {TERM: STAY_AND_PLAY})
    set_holidays(tmp_path, HOLIDAYS)
    cache = RecordCache()
    now = datetime(2026, 11, 23, tzinfo=UTC)
    first = check_site(tmp_path, now, cache=cache).site.events[TERM]
    again = check_site(tmp_path, now, cache=cache).site.events[TERM]
    assert again is first  # unchanged file and settings: the same record, not validated again
    assert days(again) == TERM_DATES
    set_holidays(tmp_path, HOLIDAYS[:2])  # only the summer and October half term
    later = check_site(tmp_path, now, cache=cache).site.events[TERM]
    assert "2026-10-28" not in days(later) and "2026-12-23" in days(later)
