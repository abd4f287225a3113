"""When an event happens, in GOV.UK style.

- "Tuesday 27 October 2026, 4pm to 6pm"
- "Friday 23 July 2027, 6pm to Sunday 25 July 2027, 2pm" (a timed event over midnight)
- "Wednesday 17 February 2027" (all day)
- "10 to 12 August 2026", "10 August to 2 September 2026", "28 December 2026 to 3 January 2027"
  (all day, several days)
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Protocol

from localoffer.core.timezone import LONDON
from localoffer.present.dates import govuk_date, govuk_date_with_weekday
from localoffer.present.times import govuk_time


class Span(Protocol):
    """An occurrence: ``start`` and ``end`` (dates for all-day, ``end`` inclusive)."""

    @property
    def start(self) -> date | datetime: ...

    @property
    def end(self) -> date | datetime: ...


def date_range(first: date, last: date) -> str:
    """ "10 to 12 August 2026", "10 August to 2 September 2026", or one date."""
    if first == last:
        return govuk_date(first)
    if first.year != last.year:
        return f"{govuk_date(first)} to {govuk_date(last)}"
    if first.month != last.month:
        return f"{first.day} {first:%B} to {govuk_date(last)}"
    return f"{first.day} to {govuk_date(last)}"


def event_when(span: Span) -> str:
    start, end = span.start, span.end
    if isinstance(start, datetime) and isinstance(end, datetime):
        start, end = start.astimezone(LONDON), end.astimezone(LONDON)
        day = govuk_date_with_weekday(start)
        if end.date() != start.date():
            later = govuk_date_with_weekday(end)
            return f"{day}, {govuk_time(start)} to {later}, {govuk_time(end)}"
        if end == start:
            return f"{day}, {govuk_time(start)}"
        return f"{day}, {govuk_time(start)} to {govuk_time(end)}"
    first = start.date() if isinstance(start, datetime) else start
    last = end.date() if isinstance(end, datetime) else end
    if first == last:
        return govuk_date_with_weekday(first)
    return date_range(first, last)


FILTERS = {"event_when": event_when}
