"""The parts of a session's VEVENT that differ from its event's (see ``export/ics.py``).

An event with ``sessions:`` is one VEVENT per session, each with its own times, place and UID.
The UID is ``<event id>-<start>@<site host>``, the start in London time (``20270209T1000``), so a
session keeps its UID when others are added, removed or reordered; two sessions that start
together (in two rooms) add a short digest of their place, which tells them apart.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from localoffer.core.derive.occurrences import Occurrence
from localoffer.core.models.event import Event
from localoffer.core.timezone import LONDON
from localoffer.export.ics_words import LINK_ON_THE_PAGE, LINK_WHEN_BOOKED
from localoffer.present.event_when import event_when


def place_key(occurrence: Occurrence) -> str:
    """What tells apart two sessions at the same time: the place's name, or the platform."""
    place, online = occurrence.location, occurrence.online
    name = place.name.strip().lower() if place is not None else ""
    platform = online.platform.strip().lower() if online is not None else ""
    return f"{name}|{platform}"


def session_uids(event: Event, found: Sequence[Occurrence], host: str) -> list[str]:
    """The UID of each session, in order."""
    stamps = [f"{item.start_at.astimezone(LONDON):%Y%m%dT%H%M}" for item in found]
    uids = []
    for stamp, item in zip(stamps, found, strict=True):
        part = f"{event.id}-{stamp}"
        if stamps.count(stamp) > 1:
            digest = hashlib.sha256(place_key(item).encode("utf-8")).hexdigest()[:8]
            part = f"{part}-{digest}"
        uids.append(f"{part}@{host}")
    return uids


def session_online_only(event: Event, occurrence: Occurrence) -> bool:
    """Online only: no place, or a place no longer used because the event moved online."""
    return occurrence.online is not None and (
        occurrence.location is None or event.status == "moved-online"
    )


def session_location(event: Event, occurrence: Occurrence) -> str:
    """A session's LOCATION: its place, or its joining link when it is online only."""
    place, online = occurrence.location, occurrence.online
    if session_online_only(event, occurrence) or place is None:
        assert online is not None  # every session has a place (core/models/event.py)
        return online.url or f"Online: {online.platform}"
    text = ", ".join(part for part in (place.name, place.address, place.postcode) if part)
    return f"{text} (or join online)" if online is not None else text


def session_joining(event: Event, occurrence: Occurrence) -> str | None:
    """``Join online (Teams): LINK-OR-HOW`` for a session online, as ``joining_text`` says it."""
    online = occurrence.online
    if online is None:
        return None
    booking = event.booking
    how = online.url or (
        LINK_WHEN_BOOKED if booking is not None and booking.required else LINK_ON_THE_PAGE
    )
    return f"Join online ({online.platform}): {how}"


def session_words(occurrence: Occurrence, total: int) -> str:
    """ "Session 2 of 6: Tuesday 9 February 2027, 4pm to 6pm. After school." """
    note = f" {occurrence.note}" if occurrence.note else ""
    return f"Session {occurrence.session} of {total}: {event_when(occurrence)}.{note}"
