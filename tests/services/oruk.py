"""Open Referral UK's published service schema (``oruk-schema/``), with its formats asserted."""

from __future__ import annotations

import json
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jsonschema

SCHEMA = Path(__file__).resolve().parent / "oruk-schema" / "service.json"


def _uri(value: object) -> bool:
    if not isinstance(value, str):
        return True
    parts = urlsplit(value)
    return parts.scheme in ("http", "https") and bool(parts.netloc) and " " not in value


def _date_time(value: object) -> bool:
    if not isinstance(value, str):
        return True
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return False
    return "T" in value and moment.tzinfo is not None


@cache
def oruk_schema() -> dict[str, Any]:
    schema: dict[str, Any] = json.loads(SCHEMA.read_text(encoding="utf-8"))
    return schema


def oruk_validator() -> Any:
    """A validator of one ORUK service. The schema names no draft: the latest (2020-12) reads
    it. Formats are checked (uuid, email and date by jsonschema; uri and date-time here, as the
    optional packages jsonschema would use for them are not installed)."""
    schema = oruk_schema()
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    checker = jsonschema.FormatChecker()
    checker.checks("uri")(_uri)
    checker.checks("date-time")(_date_time)
    return cls(schema, format_checker=checker)


def oruk_errors(service: dict[str, Any]) -> list[str]:
    return [
        f"{'/'.join(map(str, error.absolute_path))}: {error.message}"
        for error in oruk_validator().iter_errors(service)
    ]
