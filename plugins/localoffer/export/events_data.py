"""Open data for events: ``/data/events.json`` and ``/data/events.csv``.

JSON: ``{"items": [...]}``, one item per event with every field of the record under the
contract's names (``except``, ``from``...; absent optional fields as ``null``), plus ``id``,
``url`` (the page's path), ``occurrences`` (every ``{starts, ends}``, past and upcoming, ISO 8601
with the UTC offset; all-day occurrences as dates, ``ends`` inclusive), ``past``, and
``next_occurrence``. CSV: one row per occurrence.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from localoffer.core.derive.occurrences import Occurrence
from localoffer.core.models.event import Event
from localoffer.export.data import csv_bytes, json_bytes


@dataclass(frozen=True)
class EventRecord:
    """An event with what the build derived for it."""

    event: Event
    url: str
    occurrences: Sequence[Occurrence]
    now: datetime

    @property
    def past(self) -> bool:
        return not self.occurrences or self.occurrences[-1].is_past(self.now)

    @property
    def next(self) -> Occurrence | None:
        return next((item for item in self.occurrences if not item.is_past(self.now)), None)


def occurrence_data(occurrence: Occurrence) -> dict[str, Any]:
    return {"starts": occurrence.start, "ends": occurrence.end}


def event_item(record: EventRecord) -> dict[str, Any]:
    fields = record.event.model_dump(mode="python", by_alias=True)
    nxt = record.next
    return {
        "id": record.event.id,
        "url": record.url,
        **fields,
        "all_day": record.event.all_day,
        "past": record.past,
        "next_occurrence": occurrence_data(nxt) if nxt is not None else None,
        "occurrences": [occurrence_data(item) for item in record.occurrences],
    }


def events_json(records: Iterable[EventRecord]) -> bytes:
    return json_bytes([event_item(record) for record in records])


CSV_HEADER = (
    "id",
    "url",
    "title",
    "summary",
    "starts",
    "ends",
    "all_day",
    "occurrence",
    "series",
    "occurrence_past",
    "past",
    "status",
    "status_note",
    "engagement",
    "kind",
    "audiences",
    "ages_from",
    "ages_to",
    "areas",
    "location_name",
    "location_address",
    "location_postcode",
    "location_accessibility",
    "online_platform",
    "online_url",
    "cost",
    "booking_required",
    "booking_url",
    "booking_email",
    "booking_phone",
    "booking_deadline",
    "organiser",
    "contact",
    "consultation",
)


def csv_rows(record: EventRecord) -> Iterable[list[Any]]:
    event = record.event
    place, online, booking, ages = event.location, event.online, event.booking, event.ages
    for number, occurrence in enumerate(record.occurrences, start=1):
        yield [
            event.id,
            record.url,
            event.title,
            event.summary,
            occurrence.start,
            occurrence.end,
            event.all_day,
            number,
            event.repeat is not None,
            occurrence.is_past(record.now),
            record.past,
            event.status,
            event.status_note,
            event.engagement,
            event.kind,
            event.audiences,
            ages.from_ if ages else None,
            ages.to if ages else None,
            event.areas,
            place.name if place else None,
            place.address if place else None,
            place.postcode if place else None,
            place.accessibility if place else None,
            online.platform if online else None,
            online.url if online else None,
            event.cost,
            booking.required if booking else None,
            booking.url if booking else None,
            booking.email if booking else None,
            booking.phone if booking else None,
            booking.deadline if booking else None,
            event.organiser,
            event.contact,
            event.consultation,
        ]


def events_csv(records: Iterable[EventRecord]) -> bytes:
    rows = (row for record in records for row in csv_rows(record))
    return csv_bytes(CSV_HEADER, rows)
