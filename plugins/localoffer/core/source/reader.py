"""Reading one record file: bytes → text → YAML (front matter for Markdown) and body.

Everything that can go wrong before validation is turned into a plain message with a position:
bytes that are not UTF-8, an empty file, missing front matter, YAML that is not a mapping, tabs.
"""

from __future__ import annotations

import os
import re
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


def read_bytes(path: Path) -> bytes:
    """The file's bytes, or a ReadError saying why they cannot be read."""
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
        try:
            chunks = []
            while chunk := os.read(descriptor, 1 << 20):
                chunks.append(chunk)
        finally:
            os.close(descriptor)
        return b"".join(chunks)
    except OSError as exc:
        raise ReadError(f"the file cannot be read ({exc.strerror})", Position(1, 1)) from None


def read_record(path: Path, raw: bytes | None = None) -> RecordSource:
    """Read a ``.md`` (front matter and body) or ``.yml``/``.yaml`` (YAML only) record.

    ``raw`` is the file's bytes when they have been read already.
    """
    if raw is None:
        raw = read_bytes(path)
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


# Line breaks other than "\n" that str.splitlines() also splits on.
_OTHER_BREAKS = re.compile("[\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
# A closing fence: a line '---' or '...', perhaps with spaces after it.
_CLOSING_FENCE = re.compile(r"^(?:---|\.\.\.)[^\S\n]*$", re.MULTILINE)


def split_front_matter(text: str) -> tuple[str, str]:
    """Split ``---`` front matter from a Markdown body.

    Returns (yaml, body). The YAML text keeps a blank line in place of the opening ``---``, so
    the line numbers YAML reports are the file's own.
    """
    # The usual file is split without splitting it into lines: when the front matter has no
    # line breaks but "\n", its lines are those str.splitlines() finds. Anything else is
    # explained line by line.
    first_end = text.find("\n")
    if first_end > 0 and _is_fence(text[:first_end]):
        closing = _CLOSING_FENCE.search(text, first_end + 1)
        if closing is not None and not _OTHER_BREAKS.search(text, 0, closing.end()):
            front = "\n" + text[first_end + 1 : closing.start()]
            if front.strip():
                return front, text[closing.end() + 1 :]
    return _split_lines(text)


def _split_lines(text: str) -> tuple[str, str]:
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
