"""Reading the dates and date-times editors type.

Dates are ``YYYY-MM-DD``. Date-times are ``YYYY-MM-DD HH:MM`` (a ``T`` separator and seconds
are accepted) in UK local time; an explicit offset (``+01:00``, ``Z``) is accepted but never
needed. YAML may already have turned a value into a ``date`` or ``datetime``; both are taken.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from typing import Any, TypeVar

from localoffer.core.timezone import LONDON

_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DATETIME = re.compile(
    r"^(\d{4})-(\d{1,2})-(\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?"
    r"\s*(Z|[+-]\d{2}:?\d{2})?$"
)
_HINT = (
    "write dates as YYYY-MM-DD (2026-04-12) and date-times as YYYY-MM-DD HH:MM (2026-04-12 17:00)"
)


#: Dates outside these years are typing mistakes (0026-11-02, 20266-11-02), not plans.
FIRST_YEAR, LAST_YEAR = 1900, 2199


def parse_date(value: Any) -> date:
    """A calendar date. Raises ValueError with an editor-friendly message."""
    return _plausible(_parse_date(value), value)


def parse_when(value: Any) -> date | datetime:
    """A date (all day) or an aware date-time in Europe/London."""
    return _plausible(_parse_when(value), value)


D = TypeVar("D", bound=date)


def _plausible(result: D, value: Any) -> D:
    year = result.year
    if not FIRST_YEAR <= year <= LAST_YEAR:
        text = value.strip() if isinstance(value, str) else str(value)
        raise ValueError(f"'{text}' has the year {year}: check it (the year is probably mistyped)")
    return result


def _parse_date(value: Any) -> date:
    if isinstance(value, datetime):
        raise ValueError(f"expected a date without a time, such as {value.date().isoformat()}")
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        text = value.strip()
        match = _DATE.match(text)
        if match:
            return _make_date(*match.groups(), text=text)
        if _DATETIME.match(text):
            raise ValueError(f"expected a date without a time, such as {text[:10]}")
    raise ValueError(f"{_shown(value)} is not a date: {_HINT}")


def _parse_when(value: Any) -> date | datetime:
    if isinstance(value, datetime):
        return _localise(value, str(value))
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        text = value.strip()
        match = _DATE.match(text)
        if match:
            return _make_date(*match.groups(), text=text)
        match = _DATETIME.match(text)
        if match:
            year, month, day, hour, minute, second, offset = match.groups()
            day_ = _make_date(year, month, day, text=text)
            try:
                at = time(int(hour), int(minute), int(second or 0))
            except ValueError:
                raise ValueError(
                    f"'{text}' has a time that does not exist: use 00:00 to 23:59"
                ) from None
            naive = datetime.combine(day_, at)
            if offset:
                return naive.replace(tzinfo=_offset(offset)).astimezone(LONDON)
            return _localise(naive, text)
    raise ValueError(f"{_shown(value)} is not a date or date-time: {_HINT}")


def _shown(value: Any) -> str:
    """How an editor's value is shown in a message."""
    if value is None:
        return "an empty value"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a group of fields"
    return f"'{value}'"


def start_of(value: date | datetime) -> datetime:
    """The moment a date begins in London, or the date-time itself."""
    if isinstance(value, datetime):
        return value
    return datetime.combine(value, time(0, 0), tzinfo=LONDON)


def end_of(value: date | datetime) -> datetime:
    """The last second of a date in London (23:59:59), or the date-time itself."""
    if isinstance(value, datetime):
        return value
    return datetime.combine(value, time(23, 59, 59), tzinfo=LONDON)


def is_all_day(value: date | datetime) -> bool:
    return not isinstance(value, datetime)


def _make_date(year: str, month: str, day: str, *, text: str) -> date:
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        raise ValueError(f"'{text}' is not a real date (check the month and the day)") from None


def _offset(text: str) -> tzinfo:
    if text == "Z":
        return UTC
    sign = 1 if text[0] == "+" else -1
    digits = text[1:].replace(":", "")
    return timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))


def _localise(naive_or_aware: datetime, text: str) -> datetime:
    if naive_or_aware.tzinfo is not None:
        return naive_or_aware.astimezone(LONDON)
    local = naive_or_aware.replace(tzinfo=LONDON)
    # A time in the spring gap (the clocks go forward at 1am) does not exist: it would not
    # survive a round trip through UTC.
    round_trip = local.astimezone(UTC).astimezone(LONDON)
    if round_trip.replace(tzinfo=None) != naive_or_aware:
        raise ValueError(
            f"'{text}' does not exist in UK time: the clocks go forward an hour that night"
        )
    return local
