"""The checker's consultation warnings (core/rules/consultations.py), through `localoffer check`."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from .fixture_site import TODAY, Built

LOCALOFFER = Path(sys.executable).with_name("localoffer")


def check(root: Path, today: str = TODAY) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(LOCALOFFER), "check"],
        cwd=root,
        env=dict(os.environ, LOCALOFFER_TODAY=today),
        capture_output=True,
        text=True,
        check=False,
    )


def warnings_for(output: str, path: str) -> list[str]:
    return [
        line
        for line in output.splitlines()
        if line.startswith(path + ":") and ": warning: " in line
    ]


def test_the_fixture_site_has_no_errors_and_the_expected_warnings(built: Built) -> None:
    result = check(built.root)
    assert result.returncode == 0, result.stdout + result.stderr
    overdue = warnings_for(result.stdout, "consultations/school-places.md")
    assert len(overdue) == 1
    assert "the outcome is overdue" in overdue[0]
    assert "23 October 2026" in overdue[0]
    easy_read = warnings_for(result.stdout, "consultations/annual-reviews-2027.md")
    assert len(easy_read) == 1 and "no Easy Read version" in easy_read[0]
    # Closed, but not yet 12 weeks ago; upcoming with an Easy Read version: no warnings.
    assert warnings_for(result.stdout, "consultations/website-review.md") == []
    assert warnings_for(result.stdout, "consultations/inclusion-strategy-2028.md") == []
    # An untagged PDF that nobody checked is a warning; `accessible: true` silences it.
    untagged = [line for line in result.stdout.splitlines() if "untagged-three-pages.pdf" in line]
    assert untagged and all(": warning: " in line for line in untagged)
    assert "untagged-accessible.pdf" not in result.stdout


def test_the_website_review_outcome_becomes_overdue_twelve_weeks_after_closing(
    built: Built,
) -> None:
    result = check(built.root, today="2027-01-24")
    overdue = warnings_for(result.stdout, "consultations/website-review.md")
    assert len(overdue) == 1 and "the outcome is overdue" in overdue[0]
