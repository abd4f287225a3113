"""The JSON Schema of ``/data/consultations.json`` (``consultations_data.py`` makes the data)."""

from __future__ import annotations

import json
from typing import Any

from localoffer.core.derive.status import Status
from localoffer.core.site import Site
from localoffer.core.vocabulary import Vocabularies
from localoffer.export.consultations_data import SCHEMA_PATH

DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
DATETIME_PATTERN = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?([+-]\d{2}:\d{2}|Z)$"
ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"


def _enum(vocabularies: Vocabularies, name: str) -> dict[str, Any]:
    return {"type": "string", "enum": list(vocabularies.allowed(name))}


def consultations_schema(site: Site) -> dict[str, Any]:
    """A JSON Schema (2020-12) that ``/data/consultations.json`` of this site satisfies."""
    vocab = site.settings.vocabularies
    text = {"type": "string", "minLength": 1}
    date_ = {"type": "string", "format": "date", "pattern": DATE_PATTERN}
    when = {
        "description": "a date (all day), or a date-time with its UTC offset",
        "anyOf": [
            date_,
            {"type": "string", "format": "date-time", "pattern": DATETIME_PATTERN},
        ],
    }
    record_id = {"type": "string", "pattern": ID_PATTERN}
    ids = {"type": "array", "items": record_id}
    document = {
        "type": "object",
        "properties": {
            "title": text,
            "file": {
                "type": "string",
                "description": "a path under the site, such as documents/x.pdf",
            },
            "url": {"type": "string", "format": "uri"},
            "easy_read": {"type": "boolean"},
            "accessible": {"type": "boolean"},
        },
        "required": ["title", "easy_read", "accessible"],
        "oneOf": [{"required": ["file"]}, {"required": ["url"]}],
        "additionalProperties": False,
    }
    respond_kinds = {
        "online": {"type": "string", "format": "uri"},
        "email": {"type": "string", "format": "email"},
        "post": text,
        "phone": text,
        "event": record_id,
        "competition": {**text, "description": "what the competition is, or its web page"},
        "school_pack": {
            **text,
            "description": "a pack for schools: a path under the site (documents/x.pdf) or a URL",
        },
        "pinboard": {"type": "string", "format": "uri"},
        "recording": {
            **text,
            "description": "where to send a voice or video recording: email, phone or URL",
        },
        "form": {
            **text,
            "description": "a form to fill in and send back: a path under the site or a URL",
        },
    }
    respond = {
        "type": "object",
        "properties": respond_kinds,
        "minProperties": 1,
        "maxProperties": 1,
        "additionalProperties": False,
    }
    item_properties: dict[str, Any] = {
        "id": record_id,
        "url": {"type": "string", "pattern": r"^/consultations/[a-z0-9][a-z0-9-]*/$"},
        "status": {"type": "string", "enum": [status.value for status in Status]},
        "title": {**text, "maxLength": 120},
        "summary": {**text, "maxLength": 300},
        "opens": {
            "description": "null when the opening date was never published",
            "anyOf": [{"type": "null"}, when],
        },
        "closes": when,
        "audiences": {"type": "array", "items": _enum(vocab, "audiences"), "minItems": 1},
        "topics": {"type": "array", "items": _enum(vocab, "topics")},
        "areas": {"type": "array", "items": _enum(vocab, "areas")},
        "organisation": {
            **text,
            "description": "who runs it: the council unless the record names a partner",
        },
        "lead": text,
        "contact": {"type": ["string", "null"], "format": "email"},
        "respond": {"type": "array", "items": respond},
        "easy_read": {"oneOf": [{"type": "null"}, {"$ref": "#/$defs/document"}]},
        "documents": {"type": "array", "items": {"$ref": "#/$defs/document"}},
        "related": ids,
        "services": {**ids, "description": "the services (their ids) it is about"},
        "extended": {
            "description": "earlier closing dates, earliest first, and when each was extended",
            "type": "array",
            "items": {
                "type": "object",
                "properties": {"from": when, "on": date_},
                "required": ["from", "on"],
                "additionalProperties": False,
            },
        },
        "paused": {
            "oneOf": [
                {"type": "null"},
                {
                    "type": "object",
                    "properties": {
                        "date": date_,
                        "reason": text,
                        "resumes": {"oneOf": [{"type": "null"}, date_]},
                    },
                    "required": ["date", "reason", "resumes"],
                    "additionalProperties": False,
                },
            ]
        },
        "withdrawn": {
            "oneOf": [
                {"type": "null"},
                {
                    "type": "object",
                    "properties": {"date": date_, "reason": text},
                    "required": ["date", "reason"],
                    "additionalProperties": False,
                },
            ]
        },
        "outcome": {
            "oneOf": [
                {"type": "null"},
                {
                    "type": "object",
                    "properties": {
                        "published": date_,
                        "summary": text,
                        "documents": {"type": "array", "items": {"$ref": "#/$defs/document"}},
                        "feedback": ids,
                    },
                    "required": ["published", "summary", "documents", "feedback"],
                    "additionalProperties": False,
                },
            ]
        },
        "previous_ids": ids,
        "outcome_due": {
            "description": "12 weeks after closing (closed consultations and outcomes)",
            "oneOf": [{"type": "null"}, date_],
        },
        "outcome_overdue": {
            "type": "boolean",
            "description": "closed, no outcome, more than 12 weeks since it closed, not paused, "
            "and run by the council (a partner publishes its own outcome)",
        },
        "paused_now": {
            "type": "boolean",
            "description": "paused at the build: responses are not being taken until it resumes",
        },
    }
    base = site.settings.base_url
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{base}/{SCHEMA_PATH}",
        "title": f"Consultations – {site.settings.site_name}",
        "description": "Every consultation of the site, with its status as of the build.",
        "type": "object",
        "properties": {
            "items": {"type": "array", "items": {"$ref": "#/$defs/consultation"}},
        },
        "required": ["items"],
        "additionalProperties": False,
        "$defs": {
            "document": document,
            "consultation": {
                "type": "object",
                "properties": item_properties,
                "required": list(item_properties),
                "additionalProperties": False,
            },
        },
    }


def consultations_schema_json(site: Site) -> bytes:
    return (json.dumps(consultations_schema(site), ensure_ascii=False, indent=2) + "\n").encode()
