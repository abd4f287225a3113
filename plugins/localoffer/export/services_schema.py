"""The JSON Schema of ``/data/services.json`` (``services_data.py`` makes the data).

Each item is an Open Referral UK service: this schema checks the ORUK fields the site always
writes by their type (ORUK's own schema, HSDS 3.0 UK profile, says the rest and is what the
tests check the file against), and the ``localoffer`` part in full.
"""

from __future__ import annotations

import json
from typing import Any

from localoffer.core.models.service import REFERRALS
from localoffer.core.site import Site
from localoffer.core.vocabulary import Vocabularies
from localoffer.export.services_data import SCHEMA_PATH

ORUK_PROFILE = "https://github.com/OpenReferralUK/uk-profile (schema/compiled/service.json)"
DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"
UUID_PATTERN = r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"


def _enum(vocabularies: Vocabularies, name: str) -> dict[str, Any]:
    return {"type": "array", "items": {"type": "string", "enum": list(vocabularies.allowed(name))}}


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    return {"oneOf": [{"type": "null"}, schema]}


def _object(properties: dict[str, Any], required: list[str] | None = None) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": properties,
        "required": list(properties) if required is None else required,
        "additionalProperties": False,
    }


def _local(vocab: Vocabularies) -> dict[str, Any]:
    text = {"type": "string", "minLength": 1}
    date_ = {"type": "string", "format": "date", "pattern": DATE_PATTERN}
    url = {"type": "string", "format": "uri"}
    cost = _object(
        {
            "amount": _nullable({"type": "number", "minimum": 0}),
            "per": _nullable(text),
            "note": _nullable(text),
        }
    )
    document = {
        **_object(
            {
                "title": text,
                "file": {"type": "string"},
                "url": url,
                "easy_read": {"type": "boolean"},
                "accessible": {"type": "boolean"},
            },
            ["title", "easy_read", "accessible"],
        ),
        "oneOf": [{"required": ["file"]}, {"required": ["url"]}],
    }
    location = _object(
        {
            "name": text,
            "address": _nullable(text),
            "postcode": _nullable(text),
            "accessibility": _nullable(text),
        }
    )
    age = {"type": "integer", "minimum": 0, "maximum": 25}
    return _object(
        {
            "id": {"type": "string", "pattern": ID_PATTERN, "description": "the file name"},
            "url": {"type": "string", "pattern": r"^/services/[a-z0-9][a-z0-9-]*/$"},
            "title": {**text, "maxLength": 120},
            "summary": {**text, "maxLength": 300},
            "organisation": _object({"name": text, "url": _nullable(url)}),
            "categories": {**_enum(vocab, "service_categories"), "minItems": 1},
            "needs": {**_enum(vocab, "needs"), "description": "empty: open to all needs"},
            "ages": _nullable(_object({"from": age, "to": age})),
            "audiences": _enum(vocab, "audiences"),
            "areas": _enum(vocab, "areas"),
            "cost": {"description": "text, or an amount in pounds", "oneOf": [text, cost]},
            "cost_text": {**text, "description": "the cost in GOV.UK style: '£3.50 a session'"},
            "free": {"type": "boolean"},
            "referral": {"type": "string", "enum": list(REFERRALS)},
            "locations": {"type": "array", "items": location},
            "contact": {
                **_object(
                    {
                        "email": _nullable({"type": "string", "format": "email"}),
                        "phone": _nullable(text),
                        "url": _nullable(url),
                    }
                ),
                "description": "the service's own, never a person's: at least one is given",
            },
            "hours": _nullable(text),
            "languages": {"type": "array", "items": text},
            "reviewed": date_,
            "review_due": {**date_, "description": "12 months after reviewed"},
            "review_overdue": {
                "type": "boolean",
                "description": "not reviewed for 12 months, as of the build",
            },
            "documents": {"type": "array", "items": document},
            "previous_ids": {"type": "array", "items": {"type": "string", "pattern": ID_PATTERN}},
        }
    )


def services_schema(site: Site) -> dict[str, Any]:
    """A JSON Schema (2020-12) that ``/data/services.json`` of this site satisfies."""
    vocab = site.settings.vocabularies
    text = {"type": "string", "minLength": 1}
    uuid = {"type": "string", "format": "uuid", "pattern": UUID_PATTERN}
    oruk_list = {"type": "array", "items": {"type": "object", "required": ["id"]}}
    service = {
        "type": "object",
        "description": f"an Open Referral UK service (HSDS 3.0, UK profile: {ORUK_PROFILE}), "
        "with the record under 'localoffer'",
        "properties": {
            "id": {**uuid, "description": "the service's UUID, the same on every build"},
            "name": text,
            "description": text,
            "url": {"type": "string", "format": "uri", "description": "the service's page"},
            "status": {"const": "active"},
            "organization_id": uuid,
            "organization": {
                "type": "object",
                "properties": {"id": uuid, "name": text, "description": text},
                "required": ["id", "name", "description"],
            },
            "assured_date": {"type": "string", "format": "date", "pattern": DATE_PATTERN},
            "last_modified": {"type": "string", "format": "date-time"},
            "cost_options": oruk_list,
            "contacts": oruk_list,
            "service_at_locations": oruk_list,
            "languages": oruk_list,
            "schedules": oruk_list,
            "service_areas": oruk_list,
            "attributes": oruk_list,
            "localoffer": _local(vocab),
        },
        "required": [
            "id",
            "name",
            "description",
            "url",
            "status",
            "organization_id",
            "organization",
            "assured_date",
            "last_modified",
            "cost_options",
            "contacts",
            "service_at_locations",
            "languages",
            "schedules",
            "service_areas",
            "attributes",
            "localoffer",
        ],
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{site.settings.base_url}/{SCHEMA_PATH}",
        "title": f"Services – {site.settings.site_name}",
        "description": "Every service of the Local Offer directory, as Open Referral UK "
        "services, each with the record's own fields under 'localoffer'.",
        "type": "object",
        "properties": {"items": {"type": "array", "items": {"$ref": "#/$defs/service"}}},
        "required": ["items"],
        "additionalProperties": False,
        "$defs": {"service": service},
    }


def services_schema_json(site: Site) -> bytes:
    return (json.dumps(services_schema(site), ensure_ascii=False, indent=2) + "\n").encode()
