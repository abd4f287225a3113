"""Reading one record file: bytes → text → YAML (front matter for Markdown) and body.

Everything that can go wrong before validation is turned into a plain message with a position:
bytes that are not UTF-8, an empty file, missing front matter, YAML that is not a mapping, tabs.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import frontmatter

from localoffer.core.source.yamlnodes import Position, YamlDocument, YamlSyntaxError, parse_yaml

_HANDLER = frontmatter.YAMLHandler()


class ReadError(ValueError):
    def __init__(self, message: str, position: Position) -> None:
        super().__init__(message)
        self.position = position


@dataclass
class RecordSource:
    document: YamlDocument
    body: str


def read_record(path: Path) -> RecordSource:
    """Read a ``.md`` (front matter and body) or ``.yml``/``.yaml`` (YAML only) record."""
    raw = path.read_bytes()
    text = decode(raw)
    if raw.startswith(b"\xef\xbb\xbf"):
        text = text[1:]
    if not text.strip():
        raise ReadError("the file is empty: it needs the record's fields", Position(1, 1))
    if path.suffix == ".md":
        front, body, offset = split_front_matter(text)
    else:
        front, body, offset = text, "", 0
    try:
        document = parse_yaml(front, line_offset=offset)
    except YamlSyntaxError as exc:
        raise ReadError(str(exc), exc.position) from None
    if not isinstance(document.data, dict):
        what = _describe(document.data)
        where = "the front matter" if path.suffix == ".md" else "the file"
        raise ReadError(
            f"{where} must be a list of fields (name: value), but it is {what}",
            document.start(),
        )
    return RecordSource(document, body)


def decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        raise ReadError(
            "the file is not saved as UTF-8 text (byte "
            f"0x{raw[exc.start]:02x} cannot be read): save it again as UTF-8",
            Position(line, column),
        ) from None


def split_front_matter(text: str) -> tuple[str, str, int]:
    """Split ``---`` front matter from a Markdown body. Returns (yaml, body, line offset); the YAML text keeps the newline after the opening "---", so its line numbers are the file's."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip() != "---":
        raise ReadError(
            "the file must start with front matter: a line '---', the fields, and another '---'",
            Position(1, 1),
        )
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            if not "".join(lines[1:index]).strip():
                raise ReadError(
                    "the front matter is empty: it needs the record's fields", Position(2, 1)
                )
            front, body = _HANDLER.split(text)
            return front, body, 0
    raise ReadError(
        "the front matter is never closed: add a line '---' after the last field",
        Position(1, 1),
    )


def _describe(data: object) -> str:
    if data is None:
        return "empty"
    if isinstance(data, list):
        return "a list"
    return f"a single value ({str(data)[:40]!r})"
