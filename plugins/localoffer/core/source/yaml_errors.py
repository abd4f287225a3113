"""What went wrong in YAML that cannot be read, in plain words, at the right line and column.

PyYAML's messages ("expected <block end>, but found '<scalar>'") are turned into what an editor
can act on: a tab, a quote never closed, a value that needs quotes, text after a quoted value.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml


@dataclass(frozen=True)
class Position:
    """A 1-based line and column in the file."""

    line: int
    column: int


class YamlSyntaxError(ValueError):
    def __init__(self, message: str, position: Position) -> None:
        super().__init__(message)
        self.position = position


def reader_error(exc: yaml.reader.ReaderError, text: str, line_offset: int) -> YamlSyntaxError:
    """Characters YAML does not allow in text (control characters)."""
    before = text[: exc.position]
    line = before.count("\n") + 1
    column = exc.position - (before.rfind("\n") + 1) + 1
    character = exc.character if isinstance(exc.character, str) else chr(exc.character)
    return YamlSyntaxError(
        f"the file contains a control character (U+{ord(character):04X}) that is not allowed "
        "in text: delete it (it is often invisible, pasted from another program)",
        Position(line + line_offset, column),
    )


# What YAML says when it finds more text where a value should have ended.
_AFTER_A_VALUE = ("expected <block end>", "did not find expected key", "expected '-' indicator")


def _quoted_then_more(line: str, column: int) -> str | None:
    """For ``title: "Youth forum" March 2027``: a quoted value with more text after it.

    YAML ends the value at its closing quote, and then finds text where only a new line can
    be; ``column`` is where that text starts. None when the line is not like that.
    """
    before, rest = line[: column - 1].rstrip(), line[column - 1 :].strip()
    if not before or before[-1] not in "\"'" or not rest or rest.startswith("#"):
        return None
    quote = before[-1]
    opening = before.find(quote)
    if opening == len(before) - 1:
        return None
    field, inner = before[:opening].strip(), before[opening + 1 : -1]
    whole = f"{inner} {rest}"
    plain = f'"{whole}"' if '"' not in whole else "'" + whole.replace("'", "''") + "'"
    kept = before[opening:] + " " + rest
    kept_quoted = "'" + kept.replace("'", "''") + "'" if quote == '"' else f'"{kept}"'
    return (
        f"the value in quotes ends at its closing quote, so the text after it ({rest!r}) "
        f"cannot be read: put the quotes around the whole value, as in {field} {plain}, or, to "
        f"keep the quote marks in the text, put it all in the other kind of quotes, as in "
        f"{field} {kept_quoted}"
    )


def syntax_error(exc: yaml.MarkedYAMLError, text: str, line_offset: int) -> YamlSyntaxError:
    problem = (exc.problem or "").strip()
    context = (exc.context or "").strip()
    mark = exc.problem_mark or exc.context_mark
    line = (mark.line if mark else 0) + 1
    column = (mark.column if mark else 0) + 1
    start = exc.context_mark
    lines = text.splitlines()
    source_line = lines[line - 1] if 0 < line <= len(lines) else ""
    at = source_line[column - 1 : column]

    def opened_at() -> None:
        nonlocal line, column
        if start is not None:
            line, column = start.line + 1, start.column + 1

    if "tab" in problem or at == "\t" or source_line[: column - 1].strip(" ") == "\t":
        tab_col = source_line.find("\t")
        if tab_col >= 0:
            column = tab_col + 1
        message = "this line has a tab character: YAML needs spaces for indentation, not tabs"
    elif "quoted scalar" in context:
        opened_at()
        message = (
            "a quote opened here is never closed: add the closing quote at the end of the value"
        )
    elif "flow sequence" in context or "flow mapping" in context:
        opened_at()
        bracket = "[" if "sequence" in context else "{"
        message = (
            f"the bracket '{bracket}' opened here is never closed, or its items are not "
            "separated by commas: if the value is text that starts with a bracket, put it in quotes"
        )
    elif any(kind in problem for kind in _AFTER_A_VALUE) and (
        quoted := _quoted_then_more(source_line, column)
    ):
        message = quoted
    elif "mapping values are not allowed" in problem:
        before = source_line[: column - 1]
        if ": " in before.lstrip(" -"):
            message = (
                "there is a second ': ' in this line: when a value contains a colon followed "
                "by a space, put the whole value in quotes"
            )
        else:
            column = len(source_line) - len(source_line.lstrip(" ")) + 1
            message = (
                "this line is indented more than the line above it: fields at the same level "
                "must start in the same column (or, if the line above is a value containing ': ', "
                "put that value in quotes)"
            )
    elif "cannot start any token" in problem:
        message = (
            f"a value cannot start with '{at}': put the whole value in quotes"
            if at.strip()
            else "a value cannot start with this character: put the whole value in quotes"
        )
    elif "could not find expected ':'" in problem:
        opened_at()
        message = (
            "this line is missing its ':' (every field is written as name: value), or it "
            "continues the value above without being indented"
        )
    elif "found undefined alias" in problem:
        message = (
            "a value cannot start with '*' (YAML reads it as an alias): put the whole value "
            "in quotes"
        )
    elif "found unhashable key" in problem:
        message = "a field name cannot be a list or a group of fields: check this line"
    elif "expected '-' indicator" in problem:
        message = (
            "a list (lines starting with '- ') and fields (name: value) are mixed at the same "
            "level here: check the indentation"
        )
    elif "expected <block end>" in problem or "did not find expected key" in problem:
        message = (
            "the indentation is not consistent here: lines at the same level must start in the "
            "same column"
        )
    elif "unexpected end of stream" in problem:
        opened_at()
        message = "something opened here (a quote or a bracket) is never closed"
    else:
        message = f"the YAML cannot be read here: {problem or exc}"
    return YamlSyntaxError(message, Position(line + line_offset, column))
