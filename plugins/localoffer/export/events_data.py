"""Open data for events: ``/data/events.json``, ``/data/events.csv`` and the JSON Schema.

JSON: ``{"items": [...]}``, one item per event with every field of the record under the
contract's names (``except``, ``from``...; absent optional fields as ``null``), plus ``id``,
``url`` (the page's path), ``occurrences`` (every ``{starts, ends}``, past and upcoming, ISO 8601
with the UTC offset; all-day occurrences as dates, ``ends`` inclusive), ``past``,
``new_date_to_follow`` (postponed, no new date yet) and ``next_occurrence``. A group that meets
without fixed dates (``meets``) has no occurrences and is never past. CSV: one row per
occurrence (one row with empty dates for a group that meets without fixed dates).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from localoffer.core.derive.occurrences import Occurrence, awaits_new_date
from localoffer.core.models.event import Event
from localoffer.export.data import (
    csv_cells,
    csv_document,
    csv_line,
    csv_part,
    document_item,
    jsonable,
)
from localoffer.export.events_sessions import (
    online_data,
    place_data,
    session_cells,
    session_data,
)

JSON_PATH = "data/events.json"
CSV_PATH = "data/events.csv"


@dataclass(frozen=True)
class EventRecord:
    """An event with what the build derived for it."""

    event: Event
    url: str
    occurrences: Sequence[Occurrence]
    now: datetime

    @property
    def past(self) -> bool:
        if awaits_new_date(self.event) or self.event.standing:
            return False
        return not self.occurrences or self.occurrences[-1].is_past(self.now)

    @property
    def next(self) -> Occurrence | None:
        if awaits_new_date(self.event):
            return None
        return next((item for item in self.occurrences if not item.is_past(self.now)), None)


def occurrence_data(occurrence: Occurrence) -> dict[str, Any]:
    """``{starts, ends}``, and for one of an event's sessions which one it is (``session``,
    from 1), where (its own place or else the event's) and its note."""
    data: dict[str, Any] = {"starts": occurrence.start, "ends": occurrence.end}
    if occurrence.session:
        data |= session_data(occurrence)
    return data


def event_item(record: EventRecord) -> dict[str, Any]:
    """One event as open data (dates still as ``date``/``datetime``)."""
    nxt = record.next
    return {
        **_record_fields(record),
        "past": record.past,
        "new_date_to_follow": awaits_new_date(record.event),
        "next_occurrence": occurrence_data(nxt) if nxt is not None else None,
        "occurrences": [occurrence_data(item) for item in record.occurrences],
    }


def _record_fields(record: EventRecord) -> dict[str, Any]:
    """The item's fields up to ``all_day``: the record's own, whatever "now" is."""
    event = record.event
    repeat, ages, place = event.repeat, event.ages, event.location
    online, booking = event.online, event.booking
    return {
        "id": event.id,
        "url": record.url,
        "title": event.title,
        "summary": event.summary,
        "starts": event.starts,
        "meets": event.meets,
        "time_tbc": event.time_tbc,
        "ends": event.ends,
        "repeat": (
            {
                "frequency": repeat.frequency,
                "weekday": repeat.weekday,
                "week": repeat.week,
                "until": repeat.until,
                "count": repeat.count,
                "except": sorted(repeat.except_),
                "term_time_only": repeat.term_time_only,
                "school_holidays_only": repeat.school_holidays_only,
            }
            if repeat is not None
            else None
        ),
        "engagement": event.engagement,
        "kind": event.kind,
        "audiences": list(event.audiences),
        "ages": {"from": ages.from_, "to": ages.to} if ages is not None else None,
        "who_can_come": event.who_can_come,
        "provisions": list(event.provisions),
        "areas": list(event.areas),
        "location": (
            {
                "name": place.name,
                "address": place.address,
                "postcode": place.postcode,
                "accessibility": place.accessibility,
            }
            if place is not None
            else None
        ),
        "online": {"platform": online.platform, "url": online.url} if online else None,
        "sessions": [
            {
                "starts": session.starts,
                "ends": session.ends,
                "location": place_data(session.location),
                "online": online_data(session.online),
                "note": session.note,
            }
            for session in event.sessions
        ],
        "cost": event.cost,
        "booking": (
            {
                "required": booking.required,
                "url": booking.url,
                "email": booking.email,
                "phone": booking.phone,
                "deadline": booking.deadline,
            }
            if booking is not None
            else None
        ),
        "organiser": event.organiser,
        "contact": event.contact,
        "consultation": event.consultation,
        "service": event.service,
        "status": event.status,
        "status_note": event.status_note,
        "documents": [document_item(document) for document in event.documents],
        "previous_ids": list(event.previous_ids),
        "all_day": event.all_day,
    }


def _iso(value: Any) -> Any:
    """Dates and date-times for ``json.dumps``: ISO 8601, with the UTC offset."""
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return jsonable(value)


@dataclass(frozen=True)
class _Dates:
    """An event's occurrences as the open data writes them: ISO 8601, and whether each is over."""

    starts: list[str]
    ends: list[str]
    over: list[bool]
    held: bool = False  # postponed, awaiting a new date
    standing: bool = False  # meets without fixed dates: no occurrences, never past

    @classmethod
    def of(cls, record: EventRecord) -> _Dates:
        found, now = record.occurrences, record.now
        return cls(
            [item.start.isoformat() for item in found],
            [item.end.isoformat() for item in found],
            [item.is_past(now) for item in found],
            awaits_new_date(record.event),
            record.event.standing,
        )

    @property
    def past(self) -> bool:
        """``EventRecord.past``: no occurrences, or the last is over (never while held, nor for
        a standing entry)."""
        return not (self.held or self.standing) and (not self.over or self.over[-1])

    @property
    def next(self) -> int | None:
        """``EventRecord.next``, as the position of that occurrence."""
        if self.held or False not in self.over:
            return None
        return self.over.index(False)


def event_parts(record: EventRecord) -> tuple[bytes, bytes]:
    """The event's line of ``events.json`` and its rows of ``events.csv`` (see
    :func:`event_json_line` and :func:`event_csv_text`), made together, as bytes to join."""
    dates = _Dates.of(record)
    return _json_line(record, dates).encode(), _csv_text(record, dates).encode()


def event_json_line(record: EventRecord) -> str:
    """One event's line of ``events.json``: ``json.dumps(event_item(record))``, written faster.

    Occurrences (hundreds for a long series) are only dates, whose JSON is their ISO 8601 text
    in quotes, so they are written directly; the rest goes through ``json.dumps``.
    """
    return _json_line(record, _Dates.of(record))


def _json_line(record: EventRecord, dates: _Dates) -> str:
    head = json.dumps(_record_fields(record), ensure_ascii=False, default=_iso)
    occurrences = [
        f'{{"starts": "{start}", "ends": "{end}"}}'
        for start, end in zip(dates.starts, dates.ends, strict=True)
    ]
    if record.event.sessions:  # a few, each with its place and note
        occurrences = [
            f"{text[:-1]}, {json.dumps(session_data(item), ensure_ascii=False)[1:]}"
            for text, item in zip(occurrences, record.occurrences, strict=True)
        ]
    upcoming = dates.next
    following = occurrences[upcoming] if upcoming is not None else "null"
    return (
        f'{head[:-1]}, "past": {_BOOL[dates.past]}, '
        f'"new_date_to_follow": {_BOOL[dates.held]}, "next_occurrence": {following}, '
        f'"occurrences": [{", ".join(occurrences)}]}}'
    )


_BOOL = {True: "true", False: "false"}


def events_json(records: Iterable[EventRecord]) -> bytes:
    """``{"items": [...]}``, one item a line: compact (a large archive is tens of megabytes)
    and quick to write, yet each event is its own line in a diff."""
    return events_json_from_lines([event_json_line(record).encode() for record in records])


def events_json_from_lines(lines: Sequence[bytes]) -> bytes:
    """``events.json`` from its items' lines (:func:`event_json_line`, encoded)."""
    return b'{"items": [\n' + b",\n".join(lines) + b"\n]}\n"


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
    "time_tbc",
    "meets",
    "new_date_to_follow",
    # Added after the first columns, so that existing readers of the CSV keep working.
    "service",
    "who_can_come",
    "provisions",
    # An event's sessions: which one the row is (from 1), and its note. The row's location_*
    # and online_* cells are the session's place (its own, or else the event's).
    "session",
    "session_note",
)


def _row_cells(record: EventRecord) -> tuple[list[Any], list[Any]]:
    """The cells of an event's CSV rows that every row shares: those before the occurrence's
    own (``id`` to ``summary``) and after them (``status`` to ``consultation``)."""
    event = record.event
    place, online, booking, ages = event.location, event.online, event.booking, event.ages
    before = [event.id, record.url, event.title, event.summary]
    after = [
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
        event.time_tbc,
        event.meets,
        awaits_new_date(event),
        event.service,
        event.who_can_come,
        event.provisions,
        None,  # session
        None,  # session_note
    ]
    return before, after


def csv_rows(record: EventRecord) -> Iterable[list[Any]]:
    event = record.event
    before, after = _row_cells(record)
    all_day, series, past = event.all_day, event.repeat is not None, record.past
    if event.standing:  # one row, with no dates
        yield [*before, None, None, None, None, series, None, past, *after]
    for number, occurrence in enumerate(record.occurrences, start=1):
        row = [
            *before,
            occurrence.start,
            occurrence.end,
            all_day,
            number,
            series,
            occurrence.is_past(record.now),
            past,
            *after,
        ]
        yield session_cells(CSV_HEADER, row, occurrence) if occurrence.session else row


def events_csv(records: Iterable[EventRecord]) -> bytes:
    return csv_document(CSV_HEADER, [event_csv_text(record).encode() for record in records])


def event_csv_text(record: EventRecord) -> str:
    """One event's rows of ``events.csv`` (one per occurrence): ``csv_part(csv_rows(record))``,
    written faster. Only the occurrence's own cells differ from row to row, and they are dates,
    numbers and true/false, which CSV never quotes: the record's cells are written once."""
    return _csv_text(record, _Dates.of(record))


def _csv_text(record: EventRecord, dates: _Dates) -> str:
    before, after = (csv_line(csv_cells(cells)) for cells in _row_cells(record))
    if dates.standing:  # one row, with no dates: starts, ends, all_day ... occurrence_past empty
        return f"{before},,,,,false,,false,{after}\r\n"
    if not dates.starts:
        return ""
    event = record.event
    if event.sessions:  # a few rows, each with its session's own cells
        return csv_part(csv_rows(record)).decode("utf-8")
    shared = f"{_BOOL[event.all_day]},"  # all_day, then the occurrence's number ...
    series = f",{_BOOL[event.repeat is not None]},"  # ... series, occurrence_past ...
    past = f",{_BOOL[dates.past]},{after}\r\n"  # ... past, and the rest
    return "".join(
        f"{before},{start},{end},{shared}{number}{series}{_BOOL[over]}{past}"
        for number, (start, end, over) in enumerate(
            zip(dates.starts, dates.ends, dates.over, strict=True), start=1
        )
    )
