"""When an event happens: its occurrences, expanded from ``repeat``.

Every occurrence keeps the local (Europe/London) start time of ``starts`` across the BST/GMT
change. ``count`` counts the dates of the series before ``except`` removes any (as RFC 5545's
COUNT and EXDATE do), so the calendar feeds and the pages agree.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from localoffer.core.dates import end_of, start_of
from localoffer.core.models.event import (
    MAX_OCCURRENCES,
    WEEKDAYS,
    Event,
    Location,
    Online,
    Repeat,
    Session,
)
from localoffer.core.timezone import LONDON

DEFAULT_DURATION = timedelta(hours=1)


@dataclass(frozen=True)
class Occurrence:
    """One time an event happens. All-day occurrences have dates, ``end`` inclusive.

    An event's session (``sessions:``) is an occurrence too: ``session`` is its number (from 1;
    0 for a date of a single event or series), with the session's place (its own, or else the
    event's) and note. For the dates of a series or a single event these are the event's.
    """

    start: date | datetime
    end: date | datetime
    all_day: bool
    session: int = 0
    location: Location | None = field(default=None, compare=False)
    online: Online | None = field(default=None, compare=False)
    note: str | None = field(default=None, compare=False)

    @property
    def start_at(self) -> datetime:
        return start_of(self.start)

    @property
    def end_at(self) -> datetime:
        """When it is over: the end time, or the end of the last day."""
        return end_of(self.end)

    def is_past(self, now: datetime) -> bool:
        return self.end_at < now


def series_dates(starts: date, repeat: Repeat) -> Iterator[date]:
    """Every date the series falls on, before ``except`` is applied."""
    for produced, day in enumerate(_within_calendar(_candidate_dates(starts, repeat))):
        if repeat.until is not None and day > repeat.until:
            return
        if repeat.count is not None and produced >= repeat.count:
            return
        if produced >= MAX_OCCURRENCES:
            return
        yield day


def _within_calendar(dates: Iterator[date]) -> Iterator[date]:
    """Stop where Python's calendar ends (a series running towards the year 9999)."""
    try:
        yield from dates
    except (OverflowError, ValueError):
        return


def _candidate_dates(starts: date, repeat: Repeat) -> Iterator[date]:
    weekday = WEEKDAYS.index(repeat.weekday) if repeat.weekday else starts.weekday()
    if repeat.frequency in ("weekly", "fortnightly"):
        step = timedelta(days=7 if repeat.frequency == "weekly" else 14)
        day = starts + timedelta(days=(weekday - starts.weekday()) % 7)
        while True:
            yield day
            day += step
    week = repeat.week if repeat.week is not None else _week_of_month(starts)
    year, month = starts.year, starts.month
    while True:
        day = nth_weekday(year, month, weekday, week)
        if day >= starts:
            yield day
        month += 1
        if month > 12:
            year, month = year + 1, 1


def _week_of_month(day: date) -> int | str:
    """The monthly default: the same week as ``starts`` (its 5th weekday means the last)."""
    nth = (day.day - 1) // 7 + 1
    return "last" if nth == 5 else nth


def nth_weekday(year: int, month: int, weekday: int, week: int | str) -> date:
    """The nth (1-4) or last given weekday (0 = Monday) of a month."""
    if week == "last":
        last = calendar.monthrange(year, month)[1]
        day = date(year, month, last)
        return day - timedelta(days=(day.weekday() - weekday) % 7)
    first = date(year, month, 1)
    offset = (weekday - first.weekday()) % 7
    return first + timedelta(days=offset + 7 * (int(week) - 1))


def occurrences(event: Event) -> list[Occurrence]:
    """Every occurrence of the event, in order (none for a standing entry, ``meets:``)."""
    if event.sessions:
        return [_session(event, number, item) for number, item in enumerate(event.sessions, 1)]
    if event.starts is None:
        return []
    if event.repeat is None:
        return [_single(event)]
    first = event.first_day
    dates = list(series_dates(first, event.repeat))
    skipped = not_on(event, dates)
    return [_on(event, day) for day in dates if day not in skipped]


def not_on(event: Event, dates: list[date]) -> set[date]:
    """Which of a series' ``dates`` it does not happen on: its ``except`` dates, and with
    ``term_time_only`` those in the site's school holidays (with ``school_holidays_only``,
    those not in them)."""
    repeat = event.repeat
    assert repeat is not None
    skipped = set(repeat.except_)
    holidays = event.school_holidays
    if repeat.term_time_only and holidays:
        skipped |= holidays.in_holidays(dates)
    elif repeat.school_holidays_only:
        skipped |= set(dates) - holidays.in_holidays(dates)
    return skipped


def skipped_dates(event: Event) -> list[date]:
    """The dates of the series that it skips (``not_on``: ``except``, school holidays), in
    order: the EXDATEs of the calendar feeds."""
    if event.repeat is None:
        return []
    first = event.first_day
    dates = list(series_dates(first, event.repeat))
    in_series = set(dates)
    return sorted(day for day in not_on(event, dates) if day in in_series)


def stray_exceptions(event: Event) -> list[date]:
    """``except`` dates that are not dates of the series (probably typos)."""
    if event.repeat is None:
        return []
    first = event.first_day
    dates = set(series_dates(first, event.repeat))
    return [day for day in event.repeat.except_ if day not in dates]


def session_place(event: Event, session: Session) -> tuple[Location | None, Online | None]:
    """Where a session is: its own ``location:`` and ``online:`` if it names either, or else
    the event's."""
    if session.has_place:
        return session.location, session.online
    return event.location, event.online


def _session(event: Event, number: int, session: Session) -> Occurrence:
    location, online = session_place(event, session)
    return Occurrence(session.starts, session.ends, False, number, location, online, session.note)


def _single(event: Event) -> Occurrence:
    assert event.starts is not None
    place, online = event.location, event.online
    if isinstance(event.starts, datetime):
        end = event.ends if isinstance(event.ends, datetime) else event.starts + DEFAULT_DURATION
        return Occurrence(event.starts, end, False, location=place, online=online)
    end_day = (
        event.ends
        if event.ends is not None and not isinstance(event.ends, datetime)
        else event.starts
    )
    return Occurrence(event.starts, end_day, True, location=place, online=online)


def _on(event: Event, day: date) -> Occurrence:
    single = _single(event)
    if isinstance(single.start, datetime) and isinstance(single.end, datetime):
        start_local = single.start.astimezone(LONDON)
        end_local = single.end.astimezone(LONDON)
        span_days = (end_local.date() - start_local.date()).days
        start = datetime.combine(day, start_local.time(), tzinfo=LONDON)
        end = datetime.combine(day + timedelta(days=span_days), end_local.time(), tzinfo=LONDON)
        return Occurrence(start, end, False, location=event.location, online=event.online)
    assert not isinstance(single.start, datetime) and not isinstance(single.end, datetime)
    length = single.end - single.start
    return Occurrence(day, day + length, True, location=event.location, online=event.online)


def awaits_new_date(event: Event) -> bool:
    """Postponed, with no new date yet (an event with a new date is ``rescheduled``): its
    ``starts`` is the date it was planned for, so it is neither on the calendar nor past."""
    return event.status == "postponed"


def is_past(event: Event, now: datetime) -> bool:
    """An event is past when its last occurrence has ended (never while it awaits a date, nor
    a standing entry, which has no dates)."""
    if awaits_new_date(event) or event.standing:
        return False
    found = occurrences(event)
    return not found or found[-1].is_past(now)


def next_occurrence(event: Event, now: datetime) -> Occurrence | None:
    """The occurrence happening now or next, if any (none while it awaits a new date)."""
    if awaits_new_date(event):
        return None
    return next((item for item in occurrences(event) if not item.is_past(now)), None)
