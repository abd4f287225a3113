"""Files joined from parts written once per record are byte for byte what the writers of whole
files make: open data (JSON items, CSV rows) and calendars (VEVENTs without their DTSTAMP)."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime, timedelta
from enum import Enum, IntEnum, StrEnum
from typing import Any

import pytest
from localoffer.core.derive.occurrences import occurrences, skipped_dates
from localoffer.core.models.event import Event
from localoffer.core.timezone import LONDON
from localoffer.export.data import (
    csv_bytes,
    csv_cells,
    csv_document,
    csv_line,
    csv_part,
    indented_json,
    json_bytes,
    json_item,
    json_items_bytes,
    jsonable,
)
from localoffer.export.events_data import (
    CSV_HEADER,
    EventRecord,
    csv_rows,
    event_csv_text,
    event_item,
    event_json_line,
    event_parts,
    events_csv,
    events_json,
)
from localoffer.export.ics import (
    PRODID,
    CalendarContext,
    Known,
    assemble_calendar,
    calendar_bytes,
    calendar_head,
    stamp_line,
    vevent,
    vevent_bytes,
)
from localoffer.export.ics_text import VTIMEZONE_LONDON, content_line, serialise, text_line

NOW = datetime(2026, 11, 23, tzinfo=LONDON)
HOSTILE = 'Café; "quotes", back\\slash </script> – 𝄞 日本語\nsecond line, =1+1'


def event(event_id: str, **fields: Any) -> Event:
    data: dict[str, Any] = {
        "title": "Forum",
        "summary": "A forum.",
        "kind": "forum",
        "audiences": ["young-people"],
        "organiser": "Participation Team",
        "location": {"name": "Youth Hub"},
        **fields,
    }
    model = Event.model_validate(data)
    model.bind(event_id, f"events/{event_id}.md", "Body.")
    return model


EVENTS = [
    event(
        "weekly-forum",
        starts="2026-10-06 16:00",
        ends="2026-10-06 18:00",
        repeat={"frequency": "weekly", "until": "2027-04-27", "except": ["2026-11-03"]},
        engagement=True,
        ages={"from": 11, "to": 25},
        areas=["east", "north"],
        location={"name": "Hub, upstairs", "address": "3 Harbour Row", "postcode": "AY8 1JB"},
        booking={"required": True, "email": "book@anyshire.example", "deadline": "2026-10-01"},
        contact="forum@anyshire.example",
        documents=[{"title": "Notes", "url": "https://example.org/notes"}],
        previous_ids=["old-forum"],
    ),
    event(
        "hostile",
        title='=HYPERLINK("https://evil.example") "quoted", and more',
        summary=HOSTILE,
        starts="2026-12-01 10:00",
        online={"platform": "Teams", "url": "https://teams.example/join"},
        location=None,
        cost="£5, or £3; concessions",
        status="moved-online",
        status_note="-Moved online, see the link",
    ),
    event("all-day", starts="2026-11-20", ends="2026-11-24", status="cancelled"),
    event("over-long-ago", starts="2019-03-02 10:00", ends="2019-03-02 12:00"),
    event(
        "monthly-last",
        starts="2026-01-25 09:30",
        repeat={"frequency": "monthly", "week": "last", "count": 14},
        kind="workshop",
        audiences=["everyone"],
    ),
]


def record(item: Event, now: datetime = NOW) -> EventRecord:
    return EventRecord(item, f"/events/{item.id}/", occurrences(item), now)


def iso(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    raise TypeError(value)


MOMENTS = [NOW - timedelta(days=4000), NOW, NOW + timedelta(days=70), NOW + timedelta(days=900)]


@pytest.mark.parametrize("now", MOMENTS)
def test_an_events_line_and_rows_are_what_json_and_csv_write(now: datetime) -> None:
    for item in EVENTS:
        rec = record(item, now)
        line = json.dumps(event_item(rec), ensure_ascii=False, default=iso)
        rows = csv_part(csv_rows(rec))
        assert event_json_line(rec) == line, item.id
        assert event_csv_text(rec).encode() == rows, item.id
        assert event_parts(rec) == (line.encode(), rows)


def test_the_events_files_read_back() -> None:
    records = [record(item) for item in EVENTS]
    data = json.loads(events_json(records))
    assert [item["id"] for item in data["items"]] == [item.id for item in EVENTS]
    assert data["items"][0] == jsonable(event_item(records[0]))
    text = events_csv(records).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == list(CSV_HEADER)
    assert len(rows) == 1 + sum(len(rec.occurrences) for rec in records)
    hostile = [row for row in rows if row[0] == "hostile"]
    assert hostile[0][2].startswith("'=HYPERLINK(")  # spreadsheets read it as text
    assert hostile[0][3] == HOSTILE  # quoted, line break and all
    assert hostile[0][12] == "'-Moved online, see the link"
    assert text.endswith("\r\n") and "\r\n" in text


def test_json_items_joined_are_json_bytes() -> None:
    items = [jsonable(event_item(record(item))) for item in EVENTS]
    assert json_items_bytes([json_item(item) for item in items]) == json_bytes(items)
    assert json_items_bytes([]) == json_bytes([])


class Colour(StrEnum):
    RED = "red"


class Size(IntEnum):
    BIG = 2


class Weight(Enum):
    HEAVY = 1.5


@pytest.mark.parametrize(
    "value",
    [
        {},
        [],
        {"a": [], "b": {}, "c": [[], {}, [{}]]},
        {"a": [1, -2, {"b": None}], "c": True, "d": False, 1: "one", None: "none"},
        {"text": 'quote " back \\ \n\t\u2028 é 𝄞 \x00 \x1f'},
        [date(2026, 1, 2), datetime(2026, 3, 29, 1, 30, tzinfo=LONDON)],
        {"enum": Colour.RED, "int": Size.BIG, "float": Weight.HEAVY},
        {"floats": [1.5, float("nan"), float("inf"), -0.0, 1e300]},
        (1, (2, 3)),
        {"set": {"only"}},
        10**30,
        "plain",
        None,
    ],
)
@pytest.mark.parametrize("level", [0, 1, 2, 5])
def test_indented_json_is_what_json_dumps_writes(value: Any, level: int) -> None:
    text = json.dumps(jsonable(value), ensure_ascii=False, indent=2)
    assert indented_json(value, level) == text.replace("\n", "\n" + "  " * level)


def test_csv_parts_make_the_same_file_as_csv_bytes() -> None:
    header = ["said", "count", "when", "flag", "list"]
    rows = [
        ['=HYPERLINK("x")', 3, date(2026, 1, 2), True, ["a, b", "=c"]],
        ["- late, again", -1, None, False, []],
        ['with "quotes"\nand a line', 0, datetime(2026, 1, 2, 3, 4, tzinfo=LONDON), None, ["x"]],
        ["", "", "", "", ""],
    ]
    whole = csv_bytes(header, rows)
    assert csv_document(header, [csv_part(rows[:1]), csv_part(rows[1:])]) == whole
    assert csv_document(header, []) == csv_bytes(header, [])
    for row in rows:  # a row split in two, each written once, joins up with a comma
        cells = csv_cells(row)
        assert (csv_line(cells[:2]) + "," + csv_line(cells[2:]) + "\r\n").encode() == csv_part(
            [row]
        )


def reference_calendar(
    items: list[Event], context: CalendarContext, name: str, description: str = ""
) -> bytes:
    """A calendar as a list of content lines, serialised in one go."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        content_line("PRODID", PRODID),
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        text_line("X-WR-CALNAME", name),
    ]
    if description:
        lines.append(text_line("X-WR-CALDESC", description))
    lines += [
        "X-WR-TIMEZONE:Europe/London",
        "REFRESH-INTERVAL;VALUE=DURATION:PT6H",
        "X-PUBLISHED-TTL:PT6H",
        *VTIMEZONE_LONDON,
    ]
    for item in items:
        lines += vevent(item, context)
    lines.append("END:VCALENDAR")
    return serialise(lines)


@pytest.mark.parametrize("description", ["", "Every event, with a long description " * 4])
def test_calendars_joined_from_events_bytes(description: str) -> None:
    context = CalendarContext("https://localoffer.anyshire.example", NOW)
    name = f"Anyshire Local Offer: {HOSTILE}"
    want = reference_calendar(EVENTS, context, name, description)
    assert calendar_bytes(EVENTS, context, name=name, description=description) == want
    known = [Known(item, occurrences(item), skipped_dates(item)) for item in EVENTS]
    assert calendar_bytes(known, context, name=name, description=description) == want
    parts = [vevent_bytes(item, context) for item in EVENTS]
    assembled = assemble_calendar(calendar_head(name, description), parts, NOW)
    assert assembled == want
    for item, part in zip(EVENTS, parts, strict=True):
        assert part.with_stamp(stamp_line(NOW)) == serialise(vevent(item, context))
        later = CalendarContext(context.base_url, NOW + timedelta(days=3))
        assert vevent_bytes(item, later) == part  # only DTSTAMP depends on "now"
