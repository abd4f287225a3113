"""The open data of an event's sessions: each session's place and note, in the JSON
``occurrences`` and ``sessions`` of ``/data/events.json`` and in the cells of its rows of
``/data/events.csv`` (export/events_data.py)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from localoffer.core.derive.occurrences import Occurrence
from localoffer.core.models.event import Location, Online


def session_data(occurrence: Occurrence) -> dict[str, Any]:
    return {
        "session": occurrence.session,
        "location": place_data(occurrence.location),
        "online": online_data(occurrence.online),
        "note": occurrence.note,
    }


def place_data(place: Location | None) -> dict[str, Any] | None:
    if place is None:
        return None
    return {
        "name": place.name,
        "address": place.address,
        "postcode": place.postcode,
        "accessibility": place.accessibility,
    }


def online_data(online: Online | None) -> dict[str, Any] | None:
    return {"platform": online.platform, "url": online.url} if online is not None else None


def session_cells(header: Sequence[str], row: list[Any], occurrence: Occurrence) -> list[Any]:
    """A session's row: its number, note and place in their columns."""
    place, online = occurrence.location, occurrence.online
    cells = dict(zip(header, row, strict=True))
    cells |= {
        "session": occurrence.session,
        "session_note": occurrence.note,
        "location_name": place.name if place else None,
        "location_address": place.address if place else None,
        "location_postcode": place.postcode if place else None,
        "location_accessibility": place.accessibility if place else None,
        "online_platform": online.platform if online else None,
        "online_url": online.url if online else None,
    }
    return list(cells.values())
