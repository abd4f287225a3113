"""Shared helpers for the open data files: JSON with ISO 8601 dates, and CSV."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from enum import Enum
from typing import Any

from localoffer.core.models.documents import DocumentRef


def jsonable(value: Any) -> Any:
    """Plain JSON values: dates and date-times in ISO 8601 (with the UTC offset), enums as text."""
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Mapping):
        return {str(key): jsonable(item) for key, item in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [jsonable(item) for item in value]
    return value


def document_item(document: DocumentRef) -> dict[str, Any]:
    """A document reference as open data: its title, ``file`` or ``url``, and its flags."""
    item: dict[str, Any] = {"title": document.title}
    if document.file is not None:
        item["file"] = document.file
    else:
        item["url"] = document.url
    item["easy_read"] = document.easy_read
    item["accessible"] = document.accessible
    return item


def json_bytes(items: Sequence[Mapping[str, Any]], **extra: Any) -> bytes:
    """``{"items": [...]}`` as UTF-8 JSON, stable and readable."""
    document = {**{k: jsonable(v) for k, v in extra.items()}, "items": jsonable(list(items))}
    return (json.dumps(document, ensure_ascii=False, indent=2, sort_keys=False) + "\n").encode()


def csv_bytes(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> bytes:
    """CSV with a header row, CRLF line endings (RFC 4180) and a UTF-8 BOM for spreadsheets."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow(["" if cell is None else _cell(cell) for cell in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: Any) -> str:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, (list, tuple)):
        return _guard("; ".join(str(_cell(item)) for item in value))
    return _guard(str(value))


def _guard(text: str) -> str:
    """Text that a spreadsheet would run as a formula starts with an apostrophe (OWASP's
    advice for CSV injection), so a comment such as "=HYPERLINK(...)" stays text."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text
