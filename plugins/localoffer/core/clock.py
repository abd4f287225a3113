""" "Now" for a build: the moment of the build in Europe/London, or a fixed moment for tests.

The contract lets a build fix "now" with ``LOCALOFFER_TODAY`` (``YYYY-MM-DD`` for the start of
that day, or ``YYYY-MM-DD HH:MM``), so that statuses are reproducible.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from datetime import date, datetime, time

from localoffer.core.timezone import LONDON

ENV_VAR = "LOCALOFFER_TODAY"
_PATTERN = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2}):(\d{2}))?$")


class ClockError(ValueError):
    """The fixed "today" could not be read."""


def parse_today(value: str, *, source: str = ENV_VAR) -> datetime:
    """Read ``YYYY-MM-DD`` or ``YYYY-MM-DD HH:MM`` as an aware London datetime.

    ``source`` names where the value came from in messages (the variable, or ``--today``).
    """
    match = _PATTERN.match(value.strip())
    shown = f"{source}={value!r}" if source == ENV_VAR else f"{source} {value!r}"
    if not match:
        raise ClockError(f"{shown} is not a date: use YYYY-MM-DD or YYYY-MM-DD HH:MM")
    year, month, day, hour, minute = match.groups()
    try:
        day_ = date(int(year), int(month), int(day))
        at = time(int(hour), int(minute)) if hour is not None else time(0, 0)
    except ValueError as exc:
        raise ClockError(f"{shown} is not a real date or time ({exc})") from exc
    return datetime.combine(day_, at, tzinfo=LONDON)


def build_now(override: str | None = None, environ: Mapping[str, str] | None = None) -> datetime:
    """The build's "now": ``override`` (``--today``), else the environment, else the clock."""
    if override:
        return parse_today(override, source="--today")
    env = os.environ if environ is None else environ
    value = env.get(ENV_VAR, "").strip()
    if value:
        return parse_today(value)
    return datetime.now(tz=LONDON).replace(microsecond=0)
