"""The table of sessions on the page of an event with ``sessions:``: a row each, in order.

Each row says the day, the time, the place (the session's own, or else the event's) with its
address, how to join it online, the session's note, and whether it is over.
"""

from __future__ import annotations

from dataclasses import dataclass

from localoffer.core.derive.occurrences import Occurrence
from localoffer.core.models.event import Event
from localoffer.plan.event_index import EventEntry, local_date
from localoffer.present.dates import govuk_date_with_weekday
from localoffer.present.event_time import event_time
from localoffer.present.event_when import date_range


@dataclass(frozen=True)
class SessionRow:
    occurrence: Occurrence
    number: int  # from 1
    day: str  # "Tuesday 9 February 2027"
    time: str  # "10am to 12pm"
    place: str  # the place's name, or "" for a session online only
    address: str  # "Market Street, Anbury, AY1 1AA"
    online: str  # "Online, using Microsoft Teams", or ""
    join_url: str  # the link to join online, if published
    note: str
    over: bool

    @property
    def ends(self) -> str:
        return self.occurrence.end_at.isoformat()


def session_rows(event: Event, entry: EventEntry) -> list[SessionRow]:
    """A row per session (none for an event without ``sessions:``)."""
    if not event.sessions:
        return []
    moved_online = event.status == "moved-online"
    rows = []
    for index, occurrence in enumerate(entry.occurrences):
        place = None if moved_online else occurrence.location
        online = occurrence.online
        parts = (place.address, place.postcode) if place is not None else ()
        rows.append(
            SessionRow(
                occurrence=occurrence,
                number=index + 1,
                day=govuk_date_with_weekday(local_date(occurrence.start)),
                time=event_time(occurrence),
                place=place.name if place is not None else "",
                address=", ".join(part for part in parts if part),
                online=(
                    f"{'Or join' if place is not None else 'Online'}, using {online.platform}"
                    if online is not None
                    else ""
                ),
                join_url=online.url or "" if online is not None else "",
                note=occurrence.note or "",
                over=index < entry.over,
            )
        )
    return rows


def sessions_words(entry: EventEntry) -> str:
    """ "6 sessions, from 9 February to 2 March 2027" (or "on 9 February 2027")."""
    found = entry.occurrences
    first, last = local_date(found[0].start), local_date(found[-1].start)
    count = f"{len(found)} session{'s' if len(found) != 1 else ''}"
    if first == last:
        return f"{count}, on {date_range(first, last)}"
    return f"{count}, from {date_range(first, last)}"


def sessions_elsewhere(event: Event) -> bool:
    """Whether some session has a place of its own (not the event's)."""
    return any(session.has_place for session in event.sessions)
