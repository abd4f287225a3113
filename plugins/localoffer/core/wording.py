"""Dates in GOV.UK style, for messages and pages alike: "12 July 2019", "Tuesday 27 October 2026".

It lives in the core so that the checker's messages can use it; ``present/dates.py`` offers the
same functions to the templates.
"""

from __future__ import annotations

from datetime import date, datetime

from localoffer.core.timezone import LONDON


def _local_date(value: date | datetime) -> date:
    if isinstance(value, datetime):
        return (value.astimezone(LONDON) if value.tzinfo else value).date()
    return value


def govuk_date(value: date | datetime) -> str:
    """``12 July 2019``: no leading zero, no ordinal, full month name."""
    day = _local_date(value)
    return f"{day.day} {day:%B} {day.year}"


def govuk_date_with_weekday(value: date | datetime) -> str:
    """``Tuesday 27 October 2026``."""
    day = _local_date(value)
    return f"{day:%A} {govuk_date(day)}"
