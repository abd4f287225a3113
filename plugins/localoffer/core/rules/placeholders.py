"""Placeholders from ``localoffer new`` left in a record are errors, each naming its field.

The texts are those of ``core/placeholders.py``, which ``localoffer new`` writes. A field is
reported while it still contains its placeholder (also when the editor has only added to it).
"""

from __future__ import annotations

from collections.abc import Iterator

from localoffer.core.models.base import RecordModel
from localoffer.core.placeholders import BODY, PLACEHOLDERS, Placeholder, left_in, message
from localoffer.core.problems import Problem, Severity
from localoffer.core.site import Site

Loc = tuple[int | str, ...]


def check_placeholders(site: Site) -> Iterator[Problem]:
    kinds: list[tuple[str, list[RecordModel]]] = [
        ("consultation", [*site.consultations.values()]),
        ("event", [*site.events.values()]),
        ("feedback", [*site.feedback.values()]),
        ("service", [*site.services.values()]),
    ]
    for kind, records in kinds:
        placeholders = PLACEHOLDERS[kind]
        for record in records:
            for placeholder in placeholders:
                if placeholder.loc == BODY:
                    if placeholder.text in record.body:
                        yield _in_body(site, record, placeholder)
                    continue
                for loc, value in _values(record, placeholder.loc, ()):
                    if left_in(placeholder, value):
                        yield site.problem(record, loc, Severity.ERROR, message(placeholder))


def _values(item: object, path: tuple[str, ...], loc: Loc) -> Iterator[tuple[Loc, str]]:
    """The text values at ``path`` in a record ("*": each item of a list), with their place."""
    if not path:
        if isinstance(item, str):
            yield loc, item
        return
    name, rest = path[0], path[1:]
    if name == "*":
        if isinstance(item, list):
            for index, inner in enumerate(item):
                yield from _values(inner, rest, (*loc, index))
        return
    inner = getattr(item, name, None)
    if inner is not None:
        yield from _values(inner, rest, (*loc, name))


def _in_body(site: Site, record: RecordModel, placeholder: Placeholder) -> Problem:
    """An error on the line of the file where the placeholder is in the page text."""
    text = (site.settings.root / record.path).read_text(encoding="utf-8-sig", errors="replace")
    start = text.find(record.body) if record.body else -1
    offset = text.find(placeholder.text, max(start, 0))
    if offset < 0:
        return Problem(record.path, 1, 1, Severity.ERROR, message(placeholder))
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return Problem(record.path, line, column, Severity.ERROR, message(placeholder))
