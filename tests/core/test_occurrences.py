"""When events happen: repeats written in words, expanded into occurrences in UK time."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from localoffer.core.clock import parse_today
from localoffer.core.derive.occurrences import (
    Occurrence,
    is_past,
    next_occurrence,
    occurrences,
    series_dates,
    skipped_dates,
)
from localoffer.core.models.event import MAX_OCCURRENCES, Event, Repeat
from localoffer.core.timezone import LONDON

from core.sitekit import EVENT, SiteKit, line_of, replace


def event(**fields: Any) -> Event:
    data: dict[str, Any] = {
        "title": "SEND Youth Forum",
        "summary": "The monthly meeting of the SEND Youth Forum.",
        "starts": "2026-09-08 17:00",
        "ends": "2026-09-08 18:30",
        "kind": "forum",
        "audiences": "young-people",
        "online": {"platform": "Microsoft Teams"},
        "organiser": "Participation Team",
    }
    data.update(fields)
    return Event.model_validate(data)


def days(items: list[Occurrence]) -> list[str]:
    return [item.start_at.date().isoformat() for item in items]


def local(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=LONDON)


def test_a_single_timed_event() -> None:
    [only] = occurrences(event())
    assert only.start == local("2026-09-08 17:00")
    assert only.end == local("2026-09-08 18:30")
    assert not only.all_day


def test_a_timed_event_without_ends_lasts_an_hour() -> None:
    [only] = occurrences(event(ends=None))
    assert only.end - only.start == timedelta(hours=1)


def test_an_all_day_event_ends_on_its_last_day_inclusive() -> None:
    [only] = occurrences(event(starts="2026-08-10", ends="2026-08-12"))
    assert only.all_day
    assert (only.start, only.end) == (date(2026, 8, 10), date(2026, 8, 12))
    assert only.start_at == local("2026-08-10 00:00")
    assert only.end_at == datetime(2026, 8, 12, 23, 59, 59, tzinfo=LONDON)
    assert not only.is_past(local("2026-08-12 23:00"))
    assert only.is_past(local("2026-08-13 00:00"))


def test_an_all_day_event_without_ends_is_one_day() -> None:
    [only] = occurrences(event(starts="2026-08-10", ends=None))
    assert only.start == only.end == date(2026, 8, 10)


def test_weekly_with_count() -> None:
    items = occurrences(event(repeat={"frequency": "weekly", "count": 4}))
    assert days(items) == ["2026-09-08", "2026-09-15", "2026-09-22", "2026-09-29"]
    assert all(item.end - item.start == timedelta(minutes=90) for item in items)


def test_weekly_until_is_inclusive() -> None:
    items = occurrences(event(repeat={"frequency": "weekly", "until": "2026-09-29"}))
    assert days(items) == ["2026-09-08", "2026-09-15", "2026-09-22", "2026-09-29"]
    items = occurrences(event(repeat={"frequency": "weekly", "until": "2026-09-28"}))
    assert days(items)[-1] == "2026-09-22"


def test_fortnightly() -> None:
    items = occurrences(event(repeat={"frequency": "fortnightly", "until": "2026-10-31"}))
    assert days(items) == ["2026-09-08", "2026-09-22", "2026-10-06", "2026-10-20"]


def test_a_weekday_other_than_that_of_starts() -> None:
    """Starts on Monday 7 September, but the group meets on Thursdays: the first is the 10th."""
    items = occurrences(
        event(
            starts="2026-09-07 10:00",
            ends="2026-09-07 11:00",
            repeat={"frequency": "weekly", "weekday": "Thursday", "count": 3},
        )
    )
    assert days(items) == ["2026-09-10", "2026-09-17", "2026-09-24"]
    assert items[0].start == local("2026-09-10 10:00")


def test_monthly_on_the_second_tuesday() -> None:
    items = occurrences(
        event(
            repeat={"frequency": "monthly", "week": 2, "weekday": "tuesday", "until": "2027-02-28"}
        )
    )
    assert days(items) == [
        "2026-09-08",
        "2026-10-13",
        "2026-11-10",
        "2026-12-08",
        "2027-01-12",
        "2027-02-09",
    ]


@pytest.mark.parametrize("week", ["2", "2nd", "Second", 2])
def test_the_week_of_a_monthly_repeat_can_be_written_in_words(week: object) -> None:
    item = event(repeat={"frequency": "monthly", "week": week, "count": 2})
    assert item.repeat is not None and item.repeat.week == 2
    assert days(occurrences(item)) == ["2026-09-08", "2026-10-13"]


def test_monthly_on_the_last_friday() -> None:
    items = occurrences(
        event(
            starts="2026-09-25 18:00",
            ends="2026-09-25 20:00",
            repeat={"frequency": "monthly", "week": "Last", "count": 4},
        )
    )
    assert days(items) == ["2026-09-25", "2026-10-30", "2026-11-27", "2026-12-25"]


def test_monthly_without_week_keeps_the_week_of_starts() -> None:
    second = occurrences(event(repeat={"frequency": "monthly", "count": 3}))
    assert days(second) == ["2026-09-08", "2026-10-13", "2026-11-10"]
    # 29 September is the fifth (so the last) Tuesday of its month.
    last = occurrences(
        event(
            starts="2026-09-29 17:00",
            ends="2026-09-29 18:00",
            repeat={"frequency": "monthly", "count": 3},
        )
    )
    assert days(last) == ["2026-09-29", "2026-10-27", "2026-11-24"]


def test_monthly_skips_a_first_month_whose_date_is_before_starts() -> None:
    """Starts on 20 October, on the 2nd Tuesday: 13 October has passed, so 10 November is first."""
    items = occurrences(
        event(
            starts="2026-10-20 17:00",
            ends="2026-10-20 18:00",
            repeat={"frequency": "monthly", "week": 2, "weekday": "tuesday", "count": 2},
        )
    )
    assert days(items) == ["2026-11-10", "2026-12-08"]


def test_except_removes_occurrences() -> None:
    item = event(
        repeat={"frequency": "monthly", "week": 2, "until": "2027-01-31", "except": ["2026-12-08"]}
    )
    assert days(occurrences(item)) == ["2026-09-08", "2026-10-13", "2026-11-10", "2027-01-12"]
    assert skipped_dates(item) == [date(2026, 12, 8)]


def test_count_counts_the_series_before_except_as_icalendar_does() -> None:
    """``count: 4`` with one date in ``except`` is four dates of which three happen (RFC 5545:
    COUNT counts the recurrence set before EXDATE), so the pages and calendar feeds agree."""
    item = event(repeat={"frequency": "weekly", "count": 4, "except": "2026-09-15"})
    assert days(occurrences(item)) == ["2026-09-08", "2026-09-22", "2026-09-29"]
    assert skipped_dates(item) == [date(2026, 9, 15)]


def test_a_repeated_all_day_event_keeps_its_length() -> None:
    items = occurrences(
        event(starts="2026-08-10", ends="2026-08-12", repeat={"frequency": "weekly", "count": 2})
    )
    assert [(item.start, item.end) for item in items] == [
        (date(2026, 8, 10), date(2026, 8, 12)),
        (date(2026, 8, 17), date(2026, 8, 19)),
    ]
    assert all(item.all_day for item in items)


def test_a_repeated_evening_past_midnight_ends_the_next_day() -> None:
    items = occurrences(
        event(
            starts="2026-12-31 20:00",
            ends="2027-01-01 00:30",
            repeat={"frequency": "weekly", "count": 2},
        )
    )
    assert [(item.start, item.end) for item in items] == [
        (local("2026-12-31 20:00"), local("2027-01-01 00:30")),
        (local("2027-01-07 20:00"), local("2027-01-08 00:30")),
    ]


def test_the_local_start_time_is_kept_when_the_clocks_go_back() -> None:
    """The clocks go back on 25 October 2026: 4pm is 15:00 UTC before it, 16:00 UTC after."""
    items = occurrences(
        event(
            starts="2026-10-20 16:00",
            ends="2026-10-20 17:00",
            repeat={"frequency": "weekly", "count": 3},
        )
    )
    assert [item.start.astimezone(UTC).strftime("%Y-%m-%d %H:%M") for item in items] == [
        "2026-10-20 15:00",
        "2026-10-27 16:00",
        "2026-11-03 16:00",
    ]
    assert [item.start.utcoffset() for item in items] == [
        timedelta(hours=1),
        timedelta(0),
        timedelta(0),
    ]
    assert all(item.start.astimezone(LONDON).hour == 16 for item in items)
    assert all(item.end - item.start == timedelta(hours=1) for item in items)


def test_the_local_start_time_is_kept_when_the_clocks_go_forward() -> None:
    """The clocks go forward on 28 March 2027: 4pm is 16:00 UTC before it, 15:00 UTC after."""
    items = occurrences(
        event(
            starts="2027-03-23 16:00",
            ends="2027-03-23 17:30",
            repeat={"frequency": "weekly", "count": 2},
        )
    )
    assert [item.start.astimezone(UTC).isoformat() for item in items] == [
        "2027-03-23T16:00:00+00:00",
        "2027-03-30T15:00:00+00:00",
    ]
    assert [item.end.astimezone(UTC).isoformat() for item in items] == [
        "2027-03-23T17:30:00+00:00",
        "2027-03-30T16:30:00+00:00",
    ]


def test_a_long_series_is_capped() -> None:
    items = occurrences(event(repeat={"frequency": "weekly", "until": "2199-12-31"}))
    assert len(items) == MAX_OCCURRENCES


def test_past_and_next() -> None:
    item = event(repeat={"frequency": "weekly", "count": 3})  # 8, 15 and 22 September, 5pm
    first, second, third = occurrences(item)
    assert next_occurrence(item, parse_today("2026-09-01")) == first
    assert next_occurrence(item, parse_today("2026-09-08 18:00")) == first  # happening now
    assert next_occurrence(item, parse_today("2026-09-08 18:31")) == second
    assert not is_past(item, parse_today("2026-09-22 18:00"))
    assert is_past(item, parse_today("2026-09-22 18:31"))
    assert next_occurrence(item, parse_today("2026-09-23")) is None
    assert third.start == local("2026-09-22 17:00")


# Series problems the checker reports.

EP = "events/send-youth-forum.md"


def series(text: str) -> str:
    return replace(EVENT, "engagement: true", "engagement: true\nrepeat:\n" + text)


def test_an_except_date_that_is_not_in_the_series_is_a_warning(tmp_path: Path) -> None:
    kit = SiteKit(tmp_path / "site")
    text = series("  frequency: weekly\n  count: 3\n  except: [2026-12-08, 2026-12-09]")
    kit.write(EP, text)
    result = kit.check()
    assert result.ok
    [problem] = result.problems
    assert (problem.line, problem.column) == (line_of(text, "except:"), 24)
    assert "9 December 2026 is not one of this series' dates" in problem.message


def test_a_series_with_every_date_excepted_is_an_error(tmp_path: Path) -> None:
    kit = SiteKit(tmp_path / "site")
    text = series("  frequency: weekly\n  count: 1\n  except: 2026-12-01")
    kit.write(EP, text)
    [problem] = kit.errors()
    assert (problem.line, problem.column) == (line_of(text, "repeat:"), 1)
    assert "no dates left once 'except' is applied" in problem.message


@pytest.mark.parametrize("status", ["cancelled", "postponed", "moved-online", "rescheduled"])
def test_a_changed_event_without_a_note_is_a_warning(tmp_path: Path, status: str) -> None:
    kit = SiteKit(tmp_path / "site")
    text = replace(EVENT, "engagement: true", f"engagement: true\nstatus: {status}")
    kit.write(EP, text)
    result = kit.check()
    assert result.ok
    [problem] = result.problems
    assert (problem.line, problem.column) == (line_of(text, "status:"), 9)
    assert f"the event is {status}: add 'status_note:'" in problem.message
    kit.write(EP, replace(text, f"status: {status}", f"status: {status}\nstatus_note: See below."))
    assert kit.problems() == []


def test_a_series_stops_where_the_calendar_ends() -> None:
    repeat = Repeat.model_validate({"frequency": "weekly", "count": 5})
    assert list(series_dates(date(9999, 12, 20), repeat)) == [
        date(9999, 12, 20),
        date(9999, 12, 27),
    ]
    monthly = Repeat.model_validate({"frequency": "monthly", "count": 5})
    assert list(series_dates(date(9999, 11, 9), monthly)) == [
        date(9999, 11, 9),
        date(9999, 12, 14),
    ]
