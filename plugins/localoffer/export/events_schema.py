"""The JSON Schema (2020-12) of ``/data/events.json``, published at ``/data/events.schema.json``."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from localoffer.core.models.access import WHO_CAN_COME
from localoffer.core.models.event import EVENT_STATUSES, WEEKDAYS
from localoffer.core.vocabulary import Vocabularies

SCHEMA_PATH = "data/events.schema.json"

DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
DATETIME_PATTERN = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?([+-]\d{2}:\d{2}|Z)$"
ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    return {"oneOf": [{"type": "null"}, schema]}


def _object(properties: dict[str, Any], required: Sequence[str] | None = None) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": properties,
        "required": list(properties if required is None else required),
        "additionalProperties": False,
    }


def events_schema(vocabularies: Vocabularies, base_url: str, site_name: str) -> dict[str, Any]:
    """A JSON Schema (2020-12) that ``/data/events.json`` satisfies."""
    text = {"type": "string", "minLength": 1}
    optional_text = {"type": ["string", "null"], "minLength": 1}
    date_ = {"type": "string", "format": "date", "pattern": DATE_PATTERN}
    datetime_ = {"type": "string", "format": "date-time", "pattern": DATETIME_PATTERN}
    when = {
        "description": "a date (all day), or a date-time with its UTC offset",
        "anyOf": [date_, datetime_],
    }
    record_id = {"type": "string", "pattern": ID_PATTERN}
    place = _object(
        {
            "name": text,
            "address": optional_text,
            "postcode": optional_text,
            "accessibility": optional_text,
        }
    )
    online = _object({"platform": text, "url": {"type": ["string", "null"], "format": "uri"}})
    session_part = {
        "location": _nullable(place),
        "online": _nullable(online),
        "note": optional_text,
    }
    occurrence = _object(
        {
            "starts": when,
            "ends": when,
            "session": {
                "type": "integer",
                "minimum": 1,
                "description": "which of the event's sessions it is (only for sessions)",
            },
            **session_part,
        },
        ["starts", "ends"],
    )
    occurrence["description"] = (
        "all-day occurrences are dates, with 'ends' the last day; one of an event's sessions "
        "also has 'session', 'location' and 'online' (its own place, or else the event's) and "
        "'note'"
    )
    session = _object({"starts": datetime_, "ends": datetime_, **session_part})

    def terms(name: str) -> dict[str, Any]:
        return {"type": "string", "enum": list(vocabularies.allowed(name))}

    document = {
        **_object(
            {
                "title": text,
                "file": {"type": "string", "description": "a path under the site"},
                "url": {"type": "string", "format": "uri"},
                "easy_read": {"type": "boolean"},
                "accessible": {"type": "boolean"},
            },
            ["title", "easy_read", "accessible"],
        ),
        "oneOf": [{"required": ["file"]}, {"required": ["url"]}],
    }
    item = _object(
        {
            "id": record_id,
            "url": {"type": "string", "pattern": r"^/(.+/)?events/[a-z0-9][a-z0-9-]*/$"},
            "title": {**text, "maxLength": 120},
            "summary": {**text, "maxLength": 300},
            "starts": _nullable(when),
            "meets": {
                **optional_text,
                "description": "when a group with no fixed dates meets, in words (then "
                "'starts' is null and 'occurrences' is empty)",
            },
            "time_tbc": {
                "type": "boolean",
                "description": "the date is set, the time is not yet (a date-only 'starts')",
            },
            "ends": _nullable(when),
            "repeat": _nullable(
                _object(
                    {
                        "frequency": {"enum": ["weekly", "fortnightly", "monthly"]},
                        "weekday": {"enum": [*WEEKDAYS, None]},
                        "week": {"enum": [1, 2, 3, 4, "last", None]},
                        "until": _nullable(date_),
                        "count": {"type": ["integer", "null"], "minimum": 1},
                        "except": {"type": "array", "items": date_},
                        "term_time_only": {
                            "type": "boolean",
                            "description": "it skips the school holidays (as EXDATEs in the "
                            "calendar feeds; 'occurrences' leave them out)",
                        },
                        "school_holidays_only": {
                            "type": "boolean",
                            "description": "it happens only in the school holidays",
                        },
                    }
                )
            ),
            "engagement": {"type": "boolean"},
            "kind": terms("event_kinds"),
            "audiences": {"type": "array", "items": terms("audiences"), "minItems": 1},
            "ages": _nullable(
                _object(
                    {
                        "from": {"type": "integer", "minimum": 0, "maximum": 25},
                        "to": {"type": "integer", "minimum": 0, "maximum": 25},
                    }
                )
            ),
            "who_can_come": {
                "enum": list(WHO_CAN_COME),
                "description": "open (anyone it is for), members, invitation or referral",
            },
            "provisions": {
                "type": "array",
                "items": terms("provisions"),
                "description": "what helps people take part: BSL, a crèche, large print...",
            },
            "areas": {"type": "array", "items": terms("areas")},
            "location": _nullable(place),
            "online": _nullable(online),
            "sessions": {
                "type": "array",
                "items": session,
                "description": "the event's sessions, as written (empty if it has none); "
                "'location' and 'online' are null when a session is at the event's place",
            },
            "cost": text,
            "booking": _nullable(
                _object(
                    {
                        "required": {"type": "boolean"},
                        "url": {"type": ["string", "null"], "format": "uri"},
                        "email": {"type": ["string", "null"], "format": "email"},
                        "phone": optional_text,
                        "deadline": _nullable(date_),
                    }
                )
            ),
            "organiser": text,
            "contact": {"type": ["string", "null"], "format": "email"},
            "consultation": _nullable(record_id),
            "service": {**_nullable(record_id), "description": "the service that runs it"},
            "status": {"enum": list(EVENT_STATUSES)},
            "status_note": optional_text,
            "documents": {"type": "array", "items": {"$ref": "#/$defs/document"}},
            "previous_ids": {"type": "array", "items": record_id},
            "all_day": {"type": "boolean"},
            "past": {
                "type": "boolean",
                "description": "its last occurrence has ended (never while postponed)",
            },
            "new_date_to_follow": {
                "type": "boolean",
                "description": "postponed, and no new date is set yet: 'occurrences' are the "
                "dates it was planned for",
            },
            "next_occurrence": _nullable(occurrence),
            "occurrences": {"type": "array", "items": occurrence},
        }
    )
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{base_url}/{SCHEMA_PATH}",
        "title": f"Events – {site_name}",
        "description": "Every event of the site, with its occurrences, as of the build.",
        **_object({"items": {"type": "array", "items": {"$ref": "#/$defs/event"}}}),
        "$defs": {"document": document, "event": item},
    }


def events_schema_json(vocabularies: Vocabularies, base_url: str, site_name: str) -> bytes:
    schema = events_schema(vocabularies, base_url, site_name)
    return (json.dumps(schema, ensure_ascii=False, indent=2) + "\n").encode()
