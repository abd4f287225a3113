"""Open data about services: ``/data/services.json`` (Open Referral UK) and ``.csv``.

``services.json`` is ``{"items": [...]}``, as every data file is, and each item is an ORUK
``service`` (``export/oruk.py``), valid against ORUK's published schema: its ``id`` is the
service's UUID and its ``url`` the service's page, absolute, as ORUK's ``uri`` format needs.
ORUK allows fields of its own kind beside its own, so each item also has ``localoffer``: the
record's fields under the contract's names, with the record's ``id`` (its file name) and
``url`` (the page's path, ``/services/<id>/``), ``review_due`` and ``review_overdue`` (as of
the build). Items are in id order, so that a rebuild gives the same file.

``services.csv`` has one row per service, with the record's id and page path, lists joined
with "; ".
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from localoffer.core.derive.review import review_due, review_overdue
from localoffer.core.models.service import Cost, Service
from localoffer.core.site import Site
from localoffer.export.data import (
    csv_document,
    csv_part,
    document_item,
    json_item,
    json_items_bytes,
)
from localoffer.export.oruk import oruk_service
from localoffer.present.cost import govuk_cost

JSON_PATH = "data/services.json"
CSV_PATH = "data/services.csv"
SCHEMA_PATH = "data/services.schema.json"

CSV_HEADER: tuple[str, ...] = (
    "id",
    "url",
    "title",
    "summary",
    "organisation",
    "organisation_url",
    "categories",
    "needs",
    "ages_from",
    "ages_to",
    "audiences",
    "areas",
    "cost",
    "cost_amount",
    "cost_per",
    "cost_note",
    "free",
    "referral",
    "locations",
    "contact_email",
    "contact_phone",
    "contact_url",
    "hours",
    "languages",
    "reviewed",
    "review_due",
    "review_overdue",
    "documents",
    "previous_ids",
    "uuid",
)


def page_path(service_id: str) -> str:
    return f"/services/{service_id}/"


def local_fields(service: Service, today: date) -> dict[str, Any]:
    """The record's fields under the contract's names, with its id, path and review state."""
    cost: Any = service.cost
    if isinstance(cost, Cost):
        cost = {"amount": cost.amount, "per": cost.per, "note": cost.note}
    ages = service.ages
    return {
        "id": service.id,
        "url": page_path(service.id),
        "title": service.title,
        "summary": service.summary,
        "organisation": {"name": service.organisation.name, "url": service.organisation.url},
        "categories": list(service.categories),
        "needs": list(service.needs),
        "ages": {"from": ages.from_, "to": ages.to} if ages is not None else None,
        "audiences": list(service.audiences),
        "areas": list(service.areas),
        "cost": cost,
        "cost_text": govuk_cost(service.cost),
        "free": service.is_free,
        "referral": service.referral,
        "locations": [location.model_dump() for location in service.locations],
        "contact": service.contact.model_dump(),
        "hours": service.hours,
        "languages": list(service.languages),
        "reviewed": service.reviewed,
        "review_due": review_due(service),
        "review_overdue": review_overdue(service, today),
        "documents": [document_item(document) for document in service.documents],
        "previous_ids": list(service.previous_ids),
    }


def service_item(service: Service, site: Site) -> dict[str, Any]:
    """One service as open data: ORUK's fields, and ``localoffer`` with the contract's."""
    item = oruk_service(service, site.settings, site.history.updated(service.path))
    item["localoffer"] = local_fields(service, site.today)
    return item


def service_parts(service: Service, site: Site) -> tuple[bytes, bytes]:
    """One service's item in ``services.json`` and its row in ``services.csv``, as written
    there, so that the files can be joined from records written once each."""
    item = service_item(service, site)
    return json_item(item), csv_part([_csv_row(item)])


def services_files(parts: Sequence[tuple[bytes, bytes]]) -> tuple[bytes, bytes]:
    """``services.json`` and ``services.csv`` from :func:`service_parts` of every service, in
    id order."""
    return (
        json_items_bytes([json_part for json_part, _ in parts]),
        csv_document(CSV_HEADER, [csv_row for _, csv_row in parts]),
    )


def services_json(site: Site) -> bytes:
    return services_files(_all_parts(site))[0]


def services_csv(site: Site) -> bytes:
    return services_files(_all_parts(site))[1]


def _all_parts(site: Site) -> list[tuple[bytes, bytes]]:
    return [service_parts(site.services[key], site) for key in sorted(site.services)]


def _location_cell(location: dict[str, Any]) -> str:
    where = ", ".join(part for part in (location["address"], location["postcode"]) if part)
    return f"{location['name']} ({where})" if where else str(location["name"])


def _csv_row(item: dict[str, Any]) -> list[Any]:
    local = item["localoffer"]
    ages = local["ages"] or {}
    cost = local["cost"] if isinstance(local["cost"], dict) else {}
    contact = local["contact"]
    return [
        local["id"],
        local["url"],
        local["title"],
        local["summary"],
        local["organisation"]["name"],
        local["organisation"]["url"],
        local["categories"],
        local["needs"],
        ages.get("from"),
        ages.get("to"),
        local["audiences"],
        local["areas"],
        local["cost_text"],
        cost.get("amount"),
        cost.get("per"),
        cost.get("note"),
        local["free"],
        local["referral"],
        [_location_cell(location) for location in local["locations"]],
        contact["email"],
        contact["phone"],
        contact["url"],
        local["hours"],
        local["languages"],
        local["reviewed"],
        local["review_due"],
        local["review_overdue"],
        [f"{d['title']} ({d.get('file') or d.get('url')})" for d in local["documents"]],
        local["previous_ids"],
        item["id"],
    ]
