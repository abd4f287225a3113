"""Open data about consultations: ``/data/consultations.json``, ``.csv`` and the JSON Schema.

Each item carries the record's fields under the names editors write (the contract's names),
with every optional field present (``null`` or an empty list when not given), plus ``id``,
``url`` (the page's path), ``status`` (one of the five, as of the build) and the derived
``outcome_due`` and ``outcome_overdue``. Dates and date-times are ISO 8601, date-times with
their UTC offset. Items are in id order so that a rebuild gives the same file.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from localoffer.core.derive.status import Status, outcome_due, outcome_overdue, status_at
from localoffer.core.models.consultation import Consultation
from localoffer.core.site import Site
from localoffer.core.vocabulary import Vocabularies
from localoffer.export.data import (
    csv_document,
    csv_part,
    document_item,
    json_item,
    json_items_bytes,
)

JSON_PATH = "data/consultations.json"
CSV_PATH = "data/consultations.csv"
SCHEMA_PATH = "data/consultations.schema.json"

CSV_HEADER: tuple[str, ...] = (
    "id",
    "url",
    "status",
    "title",
    "summary",
    "opens",
    "closes",
    "audiences",
    "topics",
    "areas",
    "lead",
    "contact",
    "respond",
    "easy_read",
    "documents",
    "related",
    "withdrawn_date",
    "withdrawn_reason",
    "outcome_published",
    "outcome_summary",
    "outcome_documents",
    "outcome_feedback",
    "previous_ids",
    "outcome_due",
    "outcome_overdue",
)


def page_path(consultation_id: str) -> str:
    return f"/consultations/{consultation_id}/"


def consultation_item(consultation: Consultation, site: Site) -> dict[str, Any]:
    """One consultation as open data (dates still as ``date``/``datetime``)."""
    status = status_at(consultation, site.now)
    outcome = consultation.outcome
    withdrawn = consultation.withdrawn
    return {
        "id": consultation.id,
        "url": page_path(consultation.id),
        "status": status.value,
        "title": consultation.title,
        "summary": consultation.summary,
        "opens": consultation.opens,
        "closes": consultation.closes,
        "audiences": list(consultation.audiences),
        "topics": list(consultation.topics),
        "areas": list(consultation.areas),
        "lead": consultation.lead,
        "contact": consultation.contact,
        "respond": [{way.kind: way.value} for way in consultation.respond],
        "easy_read": (
            document_item(consultation.easy_read) if consultation.easy_read is not None else None
        ),
        "documents": [document_item(d) for d in consultation.documents],
        "related": list(consultation.related),
        "withdrawn": (
            {"date": withdrawn.date, "reason": withdrawn.reason} if withdrawn is not None else None
        ),
        "outcome": (
            {
                "published": outcome.published,
                "summary": outcome.summary,
                "documents": [document_item(d) for d in outcome.documents],
                "feedback": list(outcome.feedback),
            }
            if outcome is not None
            else None
        ),
        "previous_ids": list(consultation.previous_ids),
        "outcome_due": (
            outcome_due(consultation) if status in (Status.CLOSED, Status.OUTCOME) else None
        ),
        "outcome_overdue": outcome_overdue(consultation, site.now),
    }


def consultation_items(site: Site) -> list[dict[str, Any]]:
    return [consultation_item(site.consultations[key], site) for key in sorted(site.consultations)]


def consultations_json(site: Site) -> bytes:
    return json_items_bytes([json_item(item) for item in consultation_items(site)])


def consultation_parts(consultation: Consultation, site: Site) -> tuple[bytes, bytes]:
    """One consultation's item in ``consultations.json`` and its row in ``consultations.csv``,
    as written there, so that the files can be joined from records written once each."""
    item = consultation_item(consultation, site)
    return json_item(item), csv_part([_csv_row(item)])


def consultations_files(parts: Sequence[tuple[bytes, bytes]]) -> tuple[bytes, bytes]:
    """``consultations.json`` and ``consultations.csv`` from :func:`consultation_parts` of
    every consultation, in id order."""
    return (
        json_items_bytes([json_part for json_part, _ in parts]),
        csv_document(CSV_HEADER, [csv_row for _, csv_row in parts]),
    )


def _document_cell(documents: Sequence[dict[str, Any]]) -> list[str]:
    return [f"{d['title']} ({d.get('file') or d.get('url')})" for d in documents]


def _csv_row(item: dict[str, Any]) -> list[Any]:
    outcome = item["outcome"] or {}
    withdrawn = item["withdrawn"] or {}
    easy_read = item["easy_read"]
    return [
        item["id"],
        item["url"],
        item["status"],
        item["title"],
        item["summary"],
        item["opens"],
        item["closes"],
        item["audiences"],
        item["topics"],
        item["areas"],
        item["lead"],
        item["contact"],
        [f"{kind}: {value}" for way in item["respond"] for kind, value in way.items()],
        _document_cell([easy_read])[0] if easy_read else None,
        _document_cell(item["documents"]),
        item["related"],
        withdrawn.get("date"),
        withdrawn.get("reason"),
        outcome.get("published"),
        outcome.get("summary"),
        _document_cell(outcome.get("documents", [])),
        outcome.get("feedback", []),
        item["previous_ids"],
        item["outcome_due"],
        item["outcome_overdue"],
    ]


def consultations_csv(site: Site) -> bytes:
    """One row per consultation; lists are joined with "; "."""
    rows = [csv_part([_csv_row(item)]) for item in consultation_items(site)]
    return csv_document(CSV_HEADER, rows)


# ---------------------------------------------------------------------------------------------
# The JSON Schema of /data/consultations.json

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
        "opens": when,
        "closes": when,
        "audiences": {"type": "array", "items": _enum(vocab, "audiences"), "minItems": 1},
        "topics": {"type": "array", "items": _enum(vocab, "topics")},
        "areas": {"type": "array", "items": _enum(vocab, "areas")},
        "lead": text,
        "contact": {"type": ["string", "null"], "format": "email"},
        "respond": {"type": "array", "items": respond},
        "easy_read": {"oneOf": [{"type": "null"}, {"$ref": "#/$defs/document"}]},
        "documents": {"type": "array", "items": {"$ref": "#/$defs/document"}},
        "related": ids,
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
            "description": "closed, no outcome, and more than 12 weeks since it closed",
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
