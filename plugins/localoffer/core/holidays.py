"""The council's school holidays, kept once in the settings, for term-time series.

``school_holidays:`` under the localoffer plugin in ``mkdocs.yml`` is a list of holidays, each
``{name, from, to}`` (both days included)::

    school_holidays:
      - {name: October half term, from: 2026-10-26, to: 2026-10-30}
      - {name: Christmas holidays, from: 2026-12-21, to: 2027-01-01}

A series with ``repeat: {term_time_only: true}`` skips every date in a holiday; one with
``school_holidays_only: true`` keeps only those dates. The holidays are known from the start of
the first to the end of the last: a date outside that span is in no known school year (list the
summer holidays at both ends, so the autumn and summer terms are known too).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import pairwise
from typing import Any

from localoffer.core.dates import parse_date

SETTING = "school_holidays"


@dataclass(frozen=True)
class Holiday:
    name: str
    first: date  # from
    last: date  # to, included

    def __contains__(self, day: date) -> bool:
        return self.first <= day <= self.last


@dataclass(frozen=True)
class SchoolHolidays:
    """The holidays, in order, and the span of days they describe."""

    holidays: tuple[Holiday, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.holidays)

    @property
    def known_from(self) -> date | None:
        return self.holidays[0].first if self.holidays else None

    @property
    def known_until(self) -> date | None:
        return max(item.last for item in self.holidays) if self.holidays else None

    def knows(self, day: date) -> bool:
        """Whether ``day`` is within the span the holidays describe."""
        first, last = self.known_from, self.known_until
        return first is not None and last is not None and first <= day <= last

    def holiday_of(self, day: date) -> Holiday | None:
        return next((item for item in self.holidays if day in item), None)

    def in_holidays(self, days: Iterable[date]) -> set[date]:
        return {day for day in days if self.holiday_of(day) is not None}


NO_HOLIDAYS = SchoolHolidays()


def read_holidays(value: Any) -> tuple[SchoolHolidays, list[tuple[tuple[int | str, ...], str]]]:
    """The holidays of the setting, and its problems: (where under the setting, message)."""
    problems: list[tuple[tuple[int | str, ...], str]] = []
    if value is None:
        return NO_HOLIDAYS, problems
    if not isinstance(value, list):
        return NO_HOLIDAYS, [
            ((), f"'{SETTING}' must be a list of holidays, each with name, from and to")
        ]
    found: list[tuple[int, Holiday]] = []
    for index, item in enumerate(value):
        holiday = _holiday(index, item, problems)
        if holiday is not None:
            found.append((index, holiday))
    found.sort(key=lambda pair: pair[1].first)
    for (_, before), (index, after) in pairwise(found):
        if after.first <= before.last:
            problems.append(
                (
                    (index, "from"),
                    f"'{after.name}' starts before '{before.name}' ends: check the dates",
                )
            )
    return SchoolHolidays(tuple(holiday for _, holiday in found)), problems


def _holiday(
    index: int, item: Any, problems: list[tuple[tuple[int | str, ...], str]]
) -> Holiday | None:
    if not isinstance(item, dict):
        problems.append(((index,), "a school holiday needs 'name:', 'from:' and 'to:'"))
        return None
    unknown = sorted(str(key) for key in item if key not in ("name", "from", "to"))
    if unknown:
        problems.append(
            (
                (index, unknown[0]),
                f"'{unknown[0]}' is not part of a school holiday: give "
                "'name:', 'from:' (the first day) and 'to:' (the last day)",
            )
        )
        return None
    name = str(item.get("name") or "").strip()
    if not name:
        problems.append(((index,), "a school holiday needs 'name:' (such as 'October half term')"))
        return None
    days: list[date] = []
    for key in ("from", "to"):
        if item.get(key) is None:
            problems.append(((index,), f"'{name}' needs '{key}:' (a date, YYYY-MM-DD)"))
            return None
        try:
            days.append(parse_date(item[key]))
        except ValueError as exc:
            problems.append(((index, key), f"'{name}': {exc}"))
            return None
    if days[1] < days[0]:
        problems.append(((index, "to"), f"'{name}' ends ('to') before it starts ('from')"))
        return None
    return Holiday(name, days[0], days[1])


def holidays_key(holidays: Sequence[Holiday]) -> str:
    """The holidays as text, for what is kept between builds (plan/keys.py)."""
    return ";".join(f"{item.first}:{item.last}" for item in holidays)
