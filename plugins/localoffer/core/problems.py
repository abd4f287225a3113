"""Problems found in content: errors stop a build, warnings do not.

Every problem names a file (relative to the site folder), a line and a column, so that an
editor can find it and CI can annotate the line.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    column: int
    severity: Severity
    message: str

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def format(self) -> str:
        """``PATH:LINE:COLUMN: error: MESSAGE``, the form every editor tool understands."""
        return f"{self.path}:{self.line}:{self.column}: {self.severity.value}: {self.message}"

    def format_github(self) -> str:
        """A GitHub Actions workflow command, shown as an annotation on the line."""
        message = _escape_data(self.message)
        path = _escape_property(self.path)
        kind = "error" if self.is_error else "warning"
        return f"::{kind} file={path},line={self.line},col={self.column}::{message}"


def error(path: str, line: int, column: int, message: str) -> Problem:
    return Problem(path, line, column, Severity.ERROR, message)


def warning(path: str, line: int, column: int, message: str) -> Problem:
    return Problem(path, line, column, Severity.WARNING, message)


def sort_problems(problems: list[Problem]) -> list[Problem]:
    """Stable order: by file, line and column, errors before warnings at the same place."""
    return sorted(
        problems, key=lambda p: (p.path, p.line, p.column, p.severity != Severity.ERROR, p.message)
    )


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")
