"""The time of an event listed under its day: "4pm to 6pm", "All day", "All day, 2 to 6 August
2027", or "6pm to Sunday 25 July 2027, 2pm" when it runs past midnight."""

from __future__ import annotations

from datetime import datetime

from localoffer.core.timezone import LONDON
from localoffer.present.dates import govuk_date_with_weekday
from localoffer.present.event_when import Span, date_range
from localoffer.present.times import govuk_time


def event_time(span: Span) -> str:
    start, end = span.start, span.end
    if isinstance(start, datetime) and isinstance(end, datetime):
        start, end = start.astimezone(LONDON), end.astimezone(LONDON)
        if end.date() != start.date():
            return f"{govuk_time(start)} to {govuk_date_with_weekday(end)}, {govuk_time(end)}"
        if end == start:
            return govuk_time(start)
        return f"{govuk_time(start)} to {govuk_time(end)}"
    first = start.date() if isinstance(start, datetime) else start
    last = end.date() if isinstance(end, datetime) else end
    return "All day" if first == last else f"All day, {date_range(first, last)}"


FILTERS = {"event_time": event_time}
