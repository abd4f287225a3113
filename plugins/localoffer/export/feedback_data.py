"""Open data for "You said, we did": ``/data/feedback.json``, ``.csv`` and the JSON Schema.

Every round carries its fields under the contract's names (``from``, not the model's ``from_``),
plus ``id`` and ``url``; each comment with an action has ``action.overdue`` as of the build.
The CSV has one row per comment; a round's themes, figures, quotes and respondents are in the
JSON and in ``feedback-details.csv`` (``feedback_parts_data``).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from typing import Any

from localoffer.core.derive.actions import action_overdue
from localoffer.core.models.documents import DocumentRef
from localoffer.core.models.feedback import ACTION_STATUSES, Comment, FeedbackRound
from localoffer.core.site import Site
from localoffer.export.data import csv_document, csv_part, json_item, json_items_bytes
from localoffer.export.feedback_parts_data import (
    DETAILS_HEADER,
    details_rows,
    parts_item,
    parts_schema,
)

JSON_PATH = "data/feedback.json"
CSV_PATH = "data/feedback.csv"
SCHEMA_PATH = "data/feedback.schema.json"
REGARDING = ("content", "accessibility", "development")

CSV_HEADER = (
    "id",
    "url",
    "title",
    "source",
    "received",
    "consultation",
    "event",
    "comment",
    "from",
    "regarding",
    "topics",
    "said",
    "response",
    "action_status",
    "action_due",
    "action_completed",
    "action_owner",
    "action_overdue",
    "theme",
)


def round_url(round_id: str) -> str:
    return f"/you-said-we-did/{round_id}/"


def ordered(site: Site) -> list[FeedbackRound]:
    """Newest first, then by id: the order of the register."""
    rounds = sorted(site.feedback.values(), key=lambda r: r.id)
    return sorted(rounds, key=lambda r: r.received, reverse=True)


def _document(document: DocumentRef) -> dict[str, Any]:
    return {
        "title": document.title,
        "file": document.file,
        "url": document.url,
        "easy_read": document.easy_read,
        "accessible": document.accessible,
    }


def _comment(comment: Comment, today: date) -> dict[str, Any]:
    item: dict[str, Any] = {
        "from": comment.from_,
        "regarding": comment.regarding,
        "topics": list(comment.topics),
        "said": comment.said,
        "response": comment.response,
        "action": None,
        "theme": comment.theme,
    }
    if comment.action is not None:
        action = comment.action
        item["action"] = {
            "status": action.status,
            "due": action.due,
            "completed": action.completed,
            "owner": action.owner,
            "overdue": action_overdue(action, today),
        }
    return item


def feedback_item(feedback: FeedbackRound, today: date) -> dict[str, Any]:
    return {
        "id": feedback.id,
        "url": round_url(feedback.id),
        "title": feedback.title,
        "source": feedback.source,
        "received": feedback.received,
        "summary": feedback.summary,
        "consultation": feedback.consultation,
        "event": feedback.event,
        "documents": [_document(document) for document in feedback.documents],
        **parts_item(feedback, today),
        "comments": [_comment(comment, today) for comment in feedback.comments],
    }


def feedback_items(site: Site) -> list[dict[str, Any]]:
    return [feedback_item(feedback, site.today) for feedback in ordered(site)]


def feedback_json(site: Site) -> bytes:
    return json_items_bytes([json_item(item) for item in feedback_items(site)])


def _round_rows(feedback: FeedbackRound, today: date) -> list[list[Any]]:
    rows: list[list[Any]] = []
    for number, comment in enumerate(feedback.comments, start=1):
        action = comment.action
        rows.append(
            [
                feedback.id,
                round_url(feedback.id),
                feedback.title,
                feedback.source,
                feedback.received,
                feedback.consultation,
                feedback.event,
                number,
                comment.from_,
                comment.regarding,
                list(comment.topics),
                comment.said,
                comment.response,
                action.status if action else None,
                action.due if action else None,
                action.completed if action else None,
                action.owner if action else None,
                action_overdue(action, today) if action else None,
                comment.theme,
            ]
        )
    return rows


def csv_rows(site: Site) -> list[list[Any]]:
    return [row for feedback in ordered(site) for row in _round_rows(feedback, site.today)]


def feedback_csv(site: Site) -> bytes:
    return csv_document(CSV_HEADER, [csv_part(csv_rows(site))])


def round_parts(feedback: FeedbackRound, today: date) -> tuple[bytes, bytes, bytes]:
    """One round's item in ``feedback.json`` and its rows in ``feedback.csv`` and
    ``feedback-details.csv``, as written there, so that the files can be joined from rounds
    written once each."""
    return (
        json_item(feedback_item(feedback, today)),
        csv_part(_round_rows(feedback, today)),
        csv_part(details_rows(feedback, today, round_url(feedback.id))),
    )


def feedback_files(parts: Sequence[tuple[bytes, bytes, bytes]]) -> tuple[bytes, bytes, bytes]:
    """``feedback.json``, ``feedback.csv`` and ``feedback-details.csv`` from
    :func:`round_parts` of every round, in the order of :func:`ordered`."""
    return (
        json_items_bytes([json_part for json_part, _, _ in parts]),
        csv_document(CSV_HEADER, [rows for _, rows, _ in parts]),
        csv_document(DETAILS_HEADER, [rows for _, _, rows in parts]),
    )


def details_csv(site: Site) -> bytes:
    rows = [
        csv_part(details_rows(feedback, site.today, round_url(feedback.id)))
        for feedback in ordered(site)
    ]
    return csv_document(DETAILS_HEADER, rows)


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    return {"anyOf": [schema, {"type": "null"}]}


def _terms(site: Site, vocabulary: str) -> list[str]:
    return list(site.settings.vocabularies.allowed(vocabulary))


def _strict(properties: dict[str, Any], required: Sequence[str] | None = None) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": properties,
        "required": list(required if required is not None else properties),
        "additionalProperties": False,
    }


def feedback_schema(site: Site) -> dict[str, Any]:
    """The JSON Schema of ``/data/feedback.json`` for this site (its vocabularies included)."""
    text = {"type": "string", "minLength": 1}
    day = {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
    record_id = {"type": "string", "pattern": r"^[a-z0-9][a-z0-9-]*$"}
    document = _strict(
        {
            "title": text,
            "file": _nullable(text),
            "url": _nullable({"type": "string", "format": "uri"}),
            "easy_read": {"type": "boolean"},
            "accessible": {"type": "boolean"},
        }
    )
    document["oneOf"] = [
        {"properties": {"file": {"type": "string"}, "url": {"type": "null"}}},
        {"properties": {"file": {"type": "null"}, "url": {"type": "string"}}},
    ]
    action = _strict(
        {
            "status": {"enum": list(ACTION_STATUSES)},
            "due": _nullable(day),
            "completed": _nullable(day),
            "owner": _nullable(text),
            "overdue": {
                "type": "boolean",
                "description": "past its due date and not done, as of the build",
            },
        }
    )
    comment = _strict(
        {
            "from": {"enum": _terms(site, "respondent_groups")},
            "regarding": {"enum": [*REGARDING, None]},
            "topics": {"type": "array", "items": {"enum": _terms(site, "topics")}},
            "said": text,
            "response": text,
            "action": _nullable(action),
            "theme": _nullable(record_id),
        }
    )
    item = _strict(
        {
            "id": record_id,
            "url": {"type": "string", "pattern": r"^/you-said-we-did/[a-z0-9][a-z0-9-]*/$"},
            "title": text,
            "source": {"enum": _terms(site, "feedback_sources")},
            "received": day,
            "summary": _nullable(text),
            "consultation": _nullable(record_id),
            "event": _nullable(record_id),
            "documents": {"type": "array", "items": document},
            **parts_schema(site, text, action),
            "comments": {"type": "array", "items": comment},
        }
    )
    # Something to publish: comments, themes or quotes, or a report with its summary.
    item["anyOf"] = [
        {"properties": {name: {"minItems": 1}}} for name in ("comments", "themes", "quotes")
    ] + [{"properties": {"documents": {"minItems": 1}, "summary": {"type": "string"}}}]
    base = site.settings.base_url
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{base}/{SCHEMA_PATH}" if base else SCHEMA_PATH,
        "title": f"{site.settings.site_name}: You said, we did",
        "description": (
            "Feedback rounds: comments from children, young people and parents, with the "
            "authority's response and any action. Dates are ISO 8601 (YYYY-MM-DD)."
        ),
        "type": "object",
        "properties": {"items": {"type": "array", "items": item}},
        "required": ["items"],
        "additionalProperties": False,
    }


def feedback_schema_json(site: Site) -> bytes:
    return (json.dumps(feedback_schema(site), ensure_ascii=False, indent=2) + "\n").encode()
