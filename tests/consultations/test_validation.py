"""Bad pauses, extensions and opening dates are errors naming the file, line and column, through
`localoffer check` on a real site; ``opens: unknown`` is accepted."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .fixture_site import record, write_site
from .test_check import check

BASE = """
title: A consultation
summary: A summary.
audiences: parents-carers
lead: SEND Service
respond:
  - email: send@anyshire.example
easy_read:
  title: Easy Read
  url: https://haveyoursay.anyshire.example/easy-read
"""

BAD: dict[str, tuple[str, int, str]] = {
    # id: (the fields after BASE, the line of the error, words of the message)
    "resumes-before-pause": (
        """
        opens: 2026-10-01
        closes: 2027-01-29
        paused:
          date: 2026-11-16
          reason: A mistake in the figures.
          resumes: 2026-11-10
        """,
        17,
        "the consultation must resume after the day it was paused",
    ),
    "paused-before-opening": (
        """
        opens: 2026-10-01
        closes: 2027-01-29
        paused:
          date: 2026-09-16
          reason: A mistake in the figures.
        """,
        14,
        "paused before it opened",
    ),
    "resumes-after-closing": (
        """
        opens: 2026-10-01
        closes: 2027-01-29
        paused:
          date: 2026-11-16
          reason: A mistake in the figures.
          resumes: 2027-02-10
        """,
        14,
        "it resumes after the closing date",
    ),
    "withdrawn-before-paused": (
        """
        opens: 2026-10-01
        closes: 2027-01-29
        paused:
          date: 2026-11-16
          reason: A mistake in the figures.
        withdrawn:
          date: 2026-11-01
          reason: Replaced.
        """,
        17,
        "withdrawn before it was paused",
    ),
    "extension-after-closing": (
        """
        opens: 2026-10-01
        closes: 2027-01-29
        extended:
          - from: 2027-02-10
            on: 2026-11-02
        """,
        15,
        "must be before the closing date",
    ),
    "extensions-out-of-order": (
        """
        opens: 2026-10-01
        closes: 2027-01-29
        extended:
          - from: 2026-12-18
            on: 2026-11-02
          - from: 2026-11-30
            on: 2026-11-03
        """,
        15,
        "list the extensions in order, earliest first",
    ),
    "announced-after-the-old-date": (
        """
        opens: 2026-10-01
        closes: 2027-01-29
        extended:
          - from: 2026-11-10
            on: 2026-11-12
        """,
        15,
        "must not be after the earlier closing date",
    ),
    "announced-in-the-future": (
        """
        opens: 2026-10-01
        closes: 2027-01-29
        extended:
          - from: 2026-12-18
            on: 2026-12-01
        """,
        16,
        "after today (23 November 2026)",
    ),
    "opens-sometime": (
        """
        opens: sometime
        closes: 2027-01-29
        """,
        12,
        "'sometime' is not a date or date-time",
    ),
}


@pytest.fixture(scope="module")
def output(tmp_path_factory: pytest.TempPathFactory) -> str:
    root = write_site(tmp_path_factory.mktemp("consultations-invalid") / "site")
    for record_id, (fields, _, _) in BAD.items():
        front = BASE + "\n".join(line[8:] for line in fields.splitlines())
        (root / "consultations" / f"{record_id}.md").write_text(record(front), encoding="utf-8")
    unknown = BASE + "opens: unknown\ncloses: 2027-01-29\n"
    (root / "consultations" / "opening-unknown.md").write_text(record(unknown), encoding="utf-8")
    result = check(Path(root))
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    return result.stdout


@pytest.mark.parametrize("record_id", sorted(BAD))
def test_each_mistake_is_an_error_at_its_line(output: str, record_id: str) -> None:
    _, line, words = BAD[record_id]
    path = f"consultations/{record_id}.md"
    errors = [row for row in output.splitlines() if row.startswith(path + ":")]
    assert len(errors) == 1, output
    match = re.match(rf"^{re.escape(path)}:(\d+):(\d+): error: (.+)$", errors[0])
    assert match is not None, errors[0]
    assert int(match.group(1)) == line, errors[0]
    assert words in match.group(3), errors[0]


def test_an_unknown_opening_date_is_accepted(output: str) -> None:
    assert "consultations/opening-unknown.md" not in output
