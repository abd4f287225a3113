"""A series in iCalendar: its RRULE, its first DTSTART and DTEND, and its EXDATEs (RFC 5545).

Weekly, fortnightly (``INTERVAL=2``) or monthly (the nth or last weekday); DTSTART is the
series' first date, so the rule and DTSTART agree; UNTIL has DTSTART's value type. Skipped dates
(``except``, and the school holidays of a term-time series) are EXDATEs at the series' time.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta

from localoffer.core.dates import end_of
from localoffer.core.derive.occurrences import Occurrence, series_dates
from localoffer.core.models.event import MAX_OCCURRENCES, WEEKDAYS, Event, Repeat
from localoffer.core.timezone import LONDON
from localoffer.export.ics_text import date_stamp, utc_stamp

BYDAY = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def first_series_date(event: Event) -> date:
    """The first date of the series (before ``except``), which DTSTART must match."""
    starts = event.first_day
    if event.repeat is None:
        return starts
    return next(series_dates(starts, event.repeat))


def _weekday(event: Event, repeat: Repeat) -> int:
    if repeat.weekday:
        return WEEKDAYS.index(repeat.weekday)
    starts = event.first_day
    return starts.weekday()


def _month_week(event: Event, repeat: Repeat) -> str:
    """``2`` or ``-1``: the week of the month of a monthly series (core's default included:
    the week ``starts`` falls in, its 5th weekday meaning the last)."""
    if repeat.week is not None:
        return "-1" if repeat.week == "last" else str(repeat.week)
    starts = event.first_day
    nth = (starts.day - 1) // 7 + 1
    return "-1" if nth == 5 else str(nth)


def rrule(event: Event) -> str | None:
    """The RRULE value of a series (None for a single event)."""
    repeat = event.repeat
    if repeat is None:
        return None
    weekday = BYDAY[_weekday(event, repeat)]
    if repeat.frequency == "weekly":
        parts = ["FREQ=WEEKLY", f"BYDAY={weekday}"]
    elif repeat.frequency == "fortnightly":
        parts = ["FREQ=WEEKLY", "INTERVAL=2", f"BYDAY={weekday}"]
    else:
        parts = ["FREQ=MONTHLY", f"BYDAY={_month_week(event, repeat)}{weekday}"]
    starts = event.first_day
    if repeat.count is not None:
        parts.append(f"COUNT={repeat.count}")
    else:
        assert repeat.until is not None
        last = repeat.until
        dates = list(series_dates(starts, repeat))
        if len(dates) >= MAX_OCCURRENCES and dates[-1] < last:
            last = dates[-1]  # the site stops a series at MAX_OCCURRENCES dates: so does the feed
        parts.append(f"UNTIL={_until(event, last)}")
    return ";".join(parts)


def _until(event: Event, last: date) -> str:
    """UNTIL must have DTSTART's value type: a DATE, or a UTC time (the end of the last day)."""
    if isinstance(event.starts, datetime):
        return utc_stamp(end_of(last))
    return date_stamp(last)


def first_times(
    event: Event, found: Sequence[Occurrence]
) -> tuple[date | datetime, date | datetime]:
    """DTSTART and DTEND of the first (series) date; all-day DTEND is the day after the end."""
    template = found[0]
    first = first_series_date(event)
    if isinstance(template.start, datetime) and isinstance(template.end, datetime):
        start_local = template.start.astimezone(LONDON)
        end_local = template.end.astimezone(LONDON)
        span = (end_local.date() - start_local.date()).days
        start = datetime.combine(first, start_local.time(), tzinfo=LONDON)
        end = datetime.combine(first + timedelta(days=span), end_local.time(), tzinfo=LONDON)
        return start, end
    assert isinstance(template.start, date) and isinstance(template.end, date)
    length = template.end - template.start
    return first, first + length + timedelta(days=1)


def exdate(event: Event, day: date) -> date | datetime:
    if isinstance(event.starts, datetime):
        local = event.starts.astimezone(LONDON).time()
        return datetime.combine(day, time(local.hour, local.minute, local.second), tzinfo=LONDON)
    return day
