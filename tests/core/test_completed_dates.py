"""An action cannot have been completed after today: a future ``completed:`` is an error.

"Today" is the build's (``LOCALOFFER_TODAY`` here, as in CI); a "Done 6 November 2026" on a
20 October build would say something that is not true yet.
"""

from __future__ import annotations

from pathlib import Path

from core.sitekit import FEEDBACK, SiteKit, column_of, line_of, replace

FP = "responses/local-offer-survey-spring-2026.yml"


def with_completed(day: str) -> str:
    return replace(FEEDBACK, "      completed: 2026-07-01\n", f"      completed: {day}\n")


def test_a_completed_date_after_today_is_an_error_at_its_value(tmp_path: Path) -> None:
    kit = SiteKit(tmp_path / "site")
    text = with_completed("2026-11-24")
    kit.write(FP, text)
    problem = kit.only_error(FP, today="2026-11-23 12:00")
    assert (problem.line, problem.column) == (
        line_of(text, "completed: 2026-11-24"),
        column_of(text, "2026-11-24"),
    )
    assert problem.message == (
        "this action is marked completed on 24 November 2026, which is after today "
        "(23 November 2026): give the date it was done, or until it is done use the status "
        "in-progress and a due date"
    )


def test_completed_today_or_before_is_allowed(tmp_path: Path) -> None:
    kit = SiteKit(tmp_path / "site")
    kit.write(FP, with_completed("2026-11-23"))
    assert kit.errors(today="2026-11-23 00:00") == []
    kit.write(FP, with_completed("2026-11-22"))
    assert kit.errors(today="2026-11-23 00:00") == []


def test_today_is_the_builds_today(tmp_path: Path) -> None:
    """The same file is fine on a later build: it is "today" that decides."""
    kit = SiteKit(tmp_path / "site")
    kit.write(FP, with_completed("2026-12-01"))
    assert [p.path for p in kit.errors(today="2026-11-30 23:59")] == [FP]
    assert kit.errors(today="2026-12-01 00:00") == []
