"""Warnings about Markdown bodies: markup the sanitiser will remove, images without alt text."""

from __future__ import annotations

import re
from collections.abc import Iterator

from localoffer.core.models.base import RecordModel
from localoffer.core.problems import Problem, Severity
from localoffer.core.site import Site

_IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_ALT = re.compile(r"\salt\s*=", re.IGNORECASE)
_REMOVED = re.compile(
    r"<(script|iframe|object|embed|style|form)\b|\son[a-z]+\s*=|javascript:", re.IGNORECASE
)


def check_bodies(site: Site) -> Iterator[Problem]:
    records: list[RecordModel] = [
        *site.consultations.values(),
        *site.events.values(),
        *site.services.values(),
    ]
    for record in records:
        body = record.body
        if "<" not in body and "javascript:" not in body.lower():
            continue
        for match in _IMG.finditer(body):
            if not _ALT.search(match.group(0)):
                yield _at(
                    site,
                    record,
                    match.group(0),
                    'this image has no alt text: add alt="what the image shows" (or '
                    'alt="" if it is only decoration), so screen reader users get it too',
                )
        for match in _REMOVED.finditer(body):
            yield _at(
                site,
                record,
                match.group(0),
                f"'{match.group(0).strip()}' is removed when the page is published (scripts, "
                "embedded frames and forms are not allowed in a record's text): use a link "
                "instead",
            )


def _at(site: Site, record: RecordModel, snippet: str, message: str) -> Problem:
    """A warning on the line of the file where ``snippet`` is."""
    text = (site.settings.root / record.path).read_text(encoding="utf-8-sig")
    start = text.find(record.body) if record.body else -1
    offset = text.find(snippet, max(start, 0))
    if offset < 0:
        return Problem(record.path, 1, 1, Severity.WARNING, message)
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return Problem(record.path, line, column, Severity.WARNING, message)
