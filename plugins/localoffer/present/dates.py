"""GOV.UK dates: "12 July 2019", and with the weekday "Tuesday 27 October 2026"."""

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


FILTERS = {"govuk_date": govuk_date, "govuk_date_with_weekday": govuk_date_with_weekday}
