"""What the tests of `localoffer check` on one event file share: the bad cases, running the
check on a site with that file, and "reported once, at PATH:LINE:COLUMN, in these words"."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from localoffer.cli.main import main

from .sitebuild import write_site

TODAY = "2026-11-23"


@dataclass(frozen=True)
class Case:
    name: str
    text: str
    at: str  # the fragment on the expected line
    column: int
    words: tuple[str, ...]
    nth: int = 1  # which line with the fragment


def replace(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


def line_of(text: str, fragment: str, nth: int = 1) -> int:
    found = [n for n, line in enumerate(text.splitlines(), 1) if fragment in line]
    return found[nth - 1]


def check(
    root: Path, event_id: str, text: str, capsys: pytest.CaptureFixture[str]
) -> tuple[int, str]:
    """`localoffer check` on a site whose event ``event_id`` is ``text``: exit code, output."""
    write_site(root, {event_id: text})
    code = main(["check", "--site", str(root), "--today", TODAY])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out


def assert_reported_once(case: Case, path: str, code: int, out: str) -> None:
    """The check failed with exactly one error, at the case's place and in its words."""
    assert code == 1, out
    errors = [line for line in out.splitlines() if ": error: " in line]
    assert len(errors) == 1, out
    location, message = errors[0].split(": error: ")
    assert location == f"{path}:{line_of(case.text, case.at, case.nth)}:{case.column}", errors[0]
    for words in case.words:
        assert words in message, errors[0]
