"""Reading one record file: bytes → text → YAML (front matter for Markdown) and body.

Everything that can go wrong before validation is turned into a plain message with a position:
bytes that are not UTF-8, an empty file, missing front matter, YAML that is not a mapping, tabs.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from localoffer.core.source.yamlnodes import Position, YamlDocument, YamlSyntaxError, parse_yaml


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
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ReadError(f"the file cannot be read ({exc.strerror})", Position(1, 1)) from None
    text = decode(raw)
    if text.startswith("\ufeff"):
        text = text[1:]  # a byte order mark, which some Windows editors add
    if not text.strip():
        raise ReadError("the file is empty: it needs the record's fields", Position(1, 1))
    markdown = path.suffix.lower() == ".md"
    if markdown:
        front, body = split_front_matter(text)
    else:
        front, body = text, ""
    try:
        document = parse_yaml(front)
    except YamlSyntaxError as exc:
        raise ReadError(str(exc), exc.position) from None
    if not isinstance(document.data, dict):
        what = _describe(document.data)
        where = "the front matter" if markdown else "the file"
        raise ReadError(
            f"{where} must be a set of fields, one 'name: value' a line, but it is {what}",
            document.start(),
        )
    return RecordSource(document, body)


def decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        line_start = before.rfind(b"\n") + 1
        column = len(before[line_start:].decode("utf-8", errors="replace")) + 1
        raise ReadError(
            "the file is not saved as UTF-8 text (byte "
            f"0x{raw[exc.start]:02x} cannot be read): save it again with the UTF-8 encoding",
            Position(line, column),
        ) from None


def _is_fence(line: str, closing: bool = False) -> bool:
    stripped = line.rstrip()
    return stripped == "---" or (closing and stripped == "...")


def split_front_matter(text: str) -> tuple[str, str]:
    """Split ``---`` front matter from a Markdown body.

    Returns (yaml, body). The YAML text keeps a blank line in place of the opening ``---``, so
    the line numbers YAML reports are the file's own.
    """
    lines = text.splitlines(keepends=True)
    if not _is_fence(lines[0]):
        first = next((n for n, line in enumerate(lines) if line.strip()), 0)
        if _is_fence(lines[first]):
            raise ReadError(
                "the line '---' that starts the front matter must be the very first line of "
                "the file: remove the blank lines above it",
                Position(first + 1, 1),
            )
        raise ReadError(
            "the file must start with front matter: a line '---', the fields (name: value), "
            "and another line '---'; the page text goes after it",
            Position(1, 1),
        )
    for index in range(1, len(lines)):
        if _is_fence(lines[index], closing=True):
            front = "\n" + "".join(lines[1:index])
            if not front.strip():
                raise ReadError(
                    "the front matter is empty: it needs the record's fields", Position(2, 1)
                )
            return front, "".join(lines[index + 1 :])
    raise ReadError(
        "the front matter is never closed: add a line '---' after the last field",
        Position(1, 1),
    )


def _describe(data: object) -> str:
    if data is None:
        return "empty"
    if isinstance(data, list):
        return "a list (lines starting with '- ')"
    return f"a single value ({str(data)[:40]!r})"
