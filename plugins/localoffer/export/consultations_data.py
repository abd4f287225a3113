"""Open data about consultations: ``/data/consultations.json``, ``.csv`` and the JSON Schema.

Each item carries the record's fields under the names editors write (the contract's names),
with every optional field present (``null`` or an empty list when not given), plus ``id``,
``url`` (the page's path), ``status`` (one of the five, as of the build) and the derived
``outcome_due``, ``outcome_overdue`` and ``paused_now``. ``opens`` is ``null`` when the opening
date was never published (``opens: unknown``); ``organisation`` is who runs it, the site's
authority unless the record names another (a partner's outcome is never overdue here). Dates
and date-times are ISO 8601, date-times with their UTC offset. Items are in id order so that a
rebuild gives the same file.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from localoffer.core.derive.status import (
    Status,
    areas_of,
    organisation_of,
    outcome_due,
    outcome_overdue,
    paused_now,
    status_at,
)
from localoffer.core.models.consultation import Consultation
from localoffer.core.site import Site
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
    # Added after the first columns, so that existing readers of the CSV keep working.
    "organisation",
    "extended",
    "paused_date",
    "paused_reason",
    "paused_resumes",
    "paused_now",
    "services",
)


def page_path(consultation_id: str) -> str:
    return f"/consultations/{consultation_id}/"


def consultation_item(consultation: Consultation, site: Site) -> dict[str, Any]:
    """One consultation as open data (dates still as ``date``/``datetime``)."""
    status = status_at(consultation, site.now)
    outcome = consultation.outcome
    withdrawn = consultation.withdrawn
    paused = consultation.paused
    authority = site.settings.authority
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
        "areas": areas_of(consultation, authority),
        "organisation": organisation_of(consultation, authority),
        "lead": consultation.lead,
        "contact": consultation.contact,
        "respond": [{way.kind: way.value} for way in consultation.respond],
        "easy_read": (
            document_item(consultation.easy_read) if consultation.easy_read is not None else None
        ),
        "documents": [document_item(d) for d in consultation.documents],
        "related": list(consultation.related),
        "services": list(consultation.services),
        "extended": [{"from": e.from_, "on": e.on} for e in consultation.extended],
        "paused": (
            {"date": paused.date, "reason": paused.reason, "resumes": paused.resumes}
            if paused is not None
            else None
        ),
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
        "outcome_overdue": outcome_overdue(consultation, site.now, authority),
        "paused_now": paused_now(consultation, site.now),
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
    paused = item["paused"] or {}
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
        item["organisation"],
        [f"from {e['from'].isoformat()} (on {e['on'].isoformat()})" for e in item["extended"]],
        paused.get("date"),
        paused.get("reason"),
        paused.get("resumes"),
        item["paused_now"],
        item["services"],
    ]


def consultations_csv(site: Site) -> bytes:
    """One row per consultation; lists are joined with "; "."""
    rows = [csv_part([_csv_row(item)]) for item in consultation_items(site)]
    return csv_document(CSV_HEADER, rows)
