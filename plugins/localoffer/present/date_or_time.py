"""A GOV.UK date, with the time when one was given: "15 January 2027", "5pm on 15 January 2027"."""

from __future__ import annotations

from datetime import date, datetime

from localoffer.present.dates import govuk_date
from localoffer.present.times import govuk_time


def govuk_date_or_time(value: date | datetime) -> str:
    """``15 January 2027`` for a date; ``5pm on 15 January 2027`` for a date-time (UK time)."""
    if isinstance(value, datetime):
        return f"{govuk_time(value)} on {govuk_date(value)}"
    return govuk_date(value)


FILTERS = {"govuk_date_or_time": govuk_date_or_time}
