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


def json_item(item: Mapping[str, Any]) -> bytes:
    """One item of :func:`json_bytes`' list, as it is written there (indented for its place), so
    that a file can be joined from items made once each: see :func:`json_items_bytes`."""
    return ("    " + indented_json(item, 2)).encode()


def indented_json(value: Any, level: int = 0) -> str:
    """``json.dumps(jsonable(value), ensure_ascii=False, indent=2)``, nested ``level`` deep,
    written directly: the same text, in a third of the time (``json`` writes indented JSON in
    Python, a small piece at a time)."""
    if type(value) is str:
        return _json_text(value)
    if value is None or value is True or value is False or type(value) is int:
        return _json_scalar(value)
    if isinstance(value, (date, datetime)):
        return _json_text(value.isoformat())
    if isinstance(value, Enum):  # jsonable() takes the value as it is
        return _json_plain(value.value, level)
    if isinstance(value, Mapping):
        if not value:
            return "{}"
        inner = "\n" + "  " * (level + 1)
        members = [
            f"{_json_text(str(key))}: {indented_json(item, level + 1)}"
            for key, item in value.items()
        ]
        return "{" + inner + ("," + inner).join(members) + "\n" + "  " * level + "}"
    if isinstance(value, (list, tuple, set, frozenset)):
        if not value:
            return "[]"
        inner = "\n" + "  " * (level + 1)
        items = [indented_json(item, level + 1) for item in value]
        return "[" + inner + ("," + inner).join(items) + "\n" + "  " * level + "]"
    return _json_plain(value, level)


_json_text = json.encoder.encode_basestring  # what json.dumps(ensure_ascii=False) uses


def _json_scalar(value: bool | int | None) -> str:
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    return int.__repr__(value)


def _json_plain(value: Any, level: int) -> str:
    """A value jsonable() leaves as it is, as json.dumps writes it (floats, subclasses...)."""
    text = json.dumps(value, ensure_ascii=False, indent=2, sort_keys=False)
    return text.replace("\n", "\n" + "  " * level)


def json_items_bytes(items: Sequence[bytes]) -> bytes:
    """``json_bytes(items)``, from items already written with :func:`json_item`."""
    if not items:
        return json_bytes([])
    return b'{\n  "items": [\n' + b",\n".join(items) + b"\n  ]\n}\n"


def csv_bytes(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> bytes:
    """CSV with a header row, CRLF line endings (RFC 4180) and a UTF-8 BOM for spreadsheets."""
    return csv_document(header, [csv_part(rows)])


def csv_part(rows: Iterable[Sequence[Any]]) -> bytes:
    """Rows as :func:`csv_bytes` writes them (without the header): a record's rows can be
    written once and joined into the file with :func:`csv_document`."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerows(csv_cells(row) for row in rows)
    return buffer.getvalue().encode("utf-8")


def csv_cells(row: Sequence[Any]) -> list[str]:
    """A row's values as the text of its cells (dates in ISO 8601, true/false, lists joined)."""
    return [
        ""
        if cell is None
        else (_guard(cell) if type(cell) is str else _cell(cell))  # most cells: text
        for cell in row
    ]


def csv_line(cells: Sequence[str]) -> str:
    """Cells already made text, quoted as the CSV writer quotes them, without the line end:
    a part of a row (at least two cells: a row of one empty cell is written ``""``)."""
    _LINE.seek(0)
    _LINE.truncate()
    _LINE_WRITER.writerow(cells)
    return _LINE.getvalue()[:-2]


_LINE = io.StringIO()
_LINE_WRITER = csv.writer(_LINE, lineterminator="\r\n")


def csv_document(header: Sequence[str], parts: Iterable[bytes]) -> bytes:
    """The file: a byte order mark, the header row, and rows already written (:func:`csv_part`)."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerow(header)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8") + b"".join(parts)


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: Any) -> str:
    if type(value) is str:  # most cells: the same as the last line, sooner
        return _guard(value)
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
