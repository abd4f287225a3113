"""The rules of an event's ``sessions:`` that look at more than one session.

Sessions are listed in the order they happen: each starts no earlier than the one before, and
ends no earlier (the pages, data and feeds show sessions as over in that order, first ones
first). Two sessions at the same time and place are one too many.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

from localoffer.core.derive.occurrences import session_place
from localoffer.core.models.event import Event
from localoffer.core.problems import Problem, Severity
from localoffer.core.site import Site


def _at(moment: datetime) -> str:
    """A session's time as an editor wrote it: 2027-01-12 10:00."""
    return f"{moment:%Y-%m-%d %H:%M}"


def _place_key(event: Event, index: int) -> str:
    location, online = session_place(event, event.sessions[index])
    name = location.name.strip().lower() if location is not None else ""
    platform = online.platform.strip().lower() if online is not None else ""
    return f"{name}|{platform}"


def check_sessions(site: Site, event: Event) -> Iterator[Problem]:
    sessions = event.sessions
    seen: dict[tuple[datetime, str], int] = {}
    for index, session in enumerate(sessions):
        number = index + 1
        key = (session.starts, _place_key(event, index))
        if key in seen:
            yield site.problem(
                event,
                ("sessions", index),
                Severity.ERROR,
                f"session {number} is at the same time and place as session {seen[key]} "
                f"({_at(session.starts)}): remove one of them, or change its time or place",
                key=True,
            )
        seen.setdefault(key, number)
        if index == 0:
            continue
        before = sessions[index - 1]
        if session.starts < before.starts:
            yield site.problem(
                event,
                ("sessions", index, "starts"),
                Severity.ERROR,
                f"session {number} starts ({_at(session.starts)}) before session {number - 1} "
                f"({_at(before.starts)}): list the sessions in the order they happen",
            )
        elif session.ends < before.ends:
            yield site.problem(
                event,
                ("sessions", index, "ends"),
                Severity.ERROR,
                f"session {number} ends ({_at(session.ends)}) before session {number - 1} "
                f"does ({_at(before.ends)}): list the sessions in the order they happen, so "
                "that each starts and ends no earlier than the one before it (of two that "
                "start together, the shorter first)",
            )
