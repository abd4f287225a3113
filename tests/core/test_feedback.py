"""Feedback rounds: overdue actions, anonymity without false alarms, and yearly publication."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from localoffer.core.derive.actions import action_overdue
from localoffer.core.models.feedback import Action
from localoffer.core.rules.anonymity import identifying_details

from core.sitekit import FEEDBACK, MKDOCS_YML, SiteKit, column_of, line_of, replace

FP = "responses/local-offer-survey-spring-2026.yml"
DONE = "      status: done\n      completed: 2026-07-01\n"


def action(**fields: object) -> Action:
    return Action.model_validate(fields)


def test_an_action_past_due_and_not_done_is_overdue() -> None:
    planned = action(status="planned", due="2026-11-20")
    assert not action_overdue(planned, date(2026, 11, 20))  # due today: not yet overdue
    assert action_overdue(planned, date(2026, 11, 21))
    assert action_overdue(action(status="in-progress", due="2026-11-20"), date(2026, 11, 21))
    assert action_overdue(action(status="not-planned", due="2026-11-20"), date(2026, 11, 21))


def test_a_done_action_or_one_without_a_due_date_is_never_overdue() -> None:
    done = action(status="done", due="2026-01-01", completed="2026-03-01")
    assert not action_overdue(done, date(2027, 1, 1))
    assert not action_overdue(action(status="planned"), date(2027, 1, 1))


def test_the_checker_warns_about_an_overdue_action(tmp_path: Path) -> None:
    kit = SiteKit(tmp_path / "site")
    text = replace(FEEDBACK, DONE, "      status: in-progress\n      due: 2026-09-30\n")
    kit.write(FP, text)
    result = kit.check()
    assert result.ok
    [problem] = result.problems
    assert (problem.path, problem.line, problem.column) == (FP, line_of(text, "due:"), 12)
    assert "this action was due on 30 September 2026 and is not done" in problem.message
    assert kit.problems(today="2026-09-30") == []


def test_the_checker_warns_when_a_year_has_no_feedback_round(tmp_path: Path) -> None:
    kit = SiteKit(tmp_path / "site")
    kit.write("responses/survey-2024.yml", FEEDBACK.replace("2026-05-31", "2024-05-31"))
    kit.write(FP, FEEDBACK)
    [problem] = kit.problems(today="2026-11-23")
    assert problem.path == "mkdocs.yml"  # the site as a whole, not one of its rounds
    assert "no feedback round was received in 2025" in problem.message
    assert "at least every year" in problem.message
    assert "add a round to responses/ for that year" in problem.message
    kit.write("responses/survey-2025.yml", FEEDBACK.replace("2026-05-31", "2025-11-30"))
    assert kit.problems(today="2026-11-23") == []


@pytest.mark.parametrize(
    ("said", "warning"),
    [
        ("Good.", "only a few words"),
        ("THE WEBSITE IS IMPOSSIBLE TO USE ON A PHONE.", "all in capitals"),
    ],
)
def test_comments_that_read_badly_are_warnings(tmp_path: Path, said: str, warning: str) -> None:
    kit = SiteKit(tmp_path / "site")
    text = replace(
        FEEDBACK,
        "said: It is hard to find out which short breaks need an assessment.",
        f"said: {said}",
    )
    kit.write(FP, text)
    result = kit.check()
    assert result.ok
    [problem] = result.problems
    assert (problem.line, problem.column) == (line_of(text, "said:"), 11)
    assert warning in problem.message


@pytest.mark.parametrize(
    "text",
    [
        "We waited from 2019 to 2023 for an assessment, four years in all.",
        "The meeting on 12 March 2026 was the best one yet.",
        "My son turned 16 on 5 June and lost his support.",
        "Year 10 and year 11 pupils need more help in 2024-2025.",
        "It cost £1,250.00 a term, which is far too much for us.",
        "The bus at 08:15 was 20 minutes late every day in March.",
        "Class sizes of 30 - 35 children are far too big.",
        "We called 111 and then 999 and nobody came to help.",
        "Rated 10/10 for the new website, really useful.",
        "Version 2.1.10 of the form kept crashing on my phone.",
        "Our KS2 3rd year class has no teaching assistant.",
        "The group in room B1 2pm slot was always full.",
        "Page A4 1st section was confusing to read.",
        "The school's email system never works for us.",
        "He was born in 2014 and has never had an assessment.",
        "She was born with a heart condition and needs more support.",
        "Tell us @ the next forum what you decided.",
    ],
)
def test_ordinary_text_is_not_taken_for_personal_details(text: str) -> None:
    assert identifying_details(text) == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("write to jo.bloggs@example.org", "an email address"),
        ("write to jo (at) example (dot) org", "an email address"),
        ("ring 07700 900123", "a phone number"),
        ("ring 07700900123", "a phone number"),
        ("ring 07700-900-123", "a phone number"),
        ("ring 01632 960123", "a phone number"),
        ("ring 01632 960 123", "a phone number"),
        ("ring (01632) 960123", "a phone number"),
        ("ring +44 7700 900123", "a phone number"),
        ("ring +447700900123", "a phone number"),
        ("ring +44 (0) 1632 960123", "a phone number"),
        ("ring 0044 7700 900123", "a phone number"),
        ("ring 0800 123 4567", "a phone number"),
        ("live at AY3 9ZZ", "a full postcode"),
        ("live at AY39ZZ", "a full postcode"),
        ("live at ay3 9zz", "a full postcode"),
        ("live at EC1A 1BB", "a full postcode"),
        ("NHS number 943 476 5919", "an NHS number"),
        ("NHS number 943-476-5919", "an NHS number"),
        ("NHS number 9434765919", "an NHS number"),
        ("born on 14/02/2012", "a date of birth"),
        ("born 14.02.12", "a date of birth"),
        ("DOB: 2012-02-14", "a date of birth"),
        ("D.O.B. 14 February 2012", "a date of birth"),
        ("date of birth is the 3rd of March 2015", "a date of birth"),
        ("her birthday is March 3rd", "a date of birth"),
        ("my son (14/02/2012) waits", "a date in figures that may be a date of birth"),
    ],
)
def test_personal_details_are_found(text: str, found: str) -> None:
    details = identifying_details(text)
    assert details, text
    assert details[0].startswith(found)


def test_years_without_a_round_are_one_warning(tmp_path: Path) -> None:
    kit = SiteKit(tmp_path / "site")
    kit.write("responses/survey-2019.yml", FEEDBACK.replace("2026-05-31", "2019-05-31"))
    kit.write("responses/survey-2022.yml", FEEDBACK.replace("2026-05-31", "2022-05-31"))
    kit.write(FP, FEEDBACK)
    [problem] = kit.problems(today="2026-11-23")
    assert "no feedback round was received in 2020, 2021, 2023, 2024 or 2025" in problem.message
    kit.write("responses/survey-1990.yml", FEEDBACK.replace("2026-05-31", "1990-05-31"))
    [problem] = kit.problems(today="2026-11-23")
    assert "in 33 of the years from 1991 to 2025" in problem.message


def test_the_missing_years_warning_is_on_the_plugins_entry_in_mkdocs_yml(tmp_path: Path) -> None:
    """No one round is at fault for a year without any: the warning is placed on the site's
    settings (``- localoffer:`` in mkdocs.yml), wherever that entry is, never on a round."""
    kit = SiteKit(tmp_path / "site")
    kit.write("responses/survey-2024.yml", FEEDBACK.replace("2026-05-31", "2024-05-31"))
    kit.write(FP, FEEDBACK)
    [problem] = kit.problems(today="2026-11-23")
    place = (problem.path, problem.line, problem.column)
    assert place == ("mkdocs.yml", line_of(MKDOCS_YML, "localoffer:"), 5)
    # Another plugin first, MkDocs' own tags, a comment: still the plugin's own line.
    config = replace(MKDOCS_YML, "plugins:\n", "plugins:\n  # Search first.\n  - search\n").replace(
        "site_url: https://localoffer.anyshire.example/",
        'site_url: !ENV [SITE_URL, "https://localoffer.anyshire.example/"]',
    )
    kit.write("mkdocs.yml", config)
    [problem] = kit.problems(today="2026-11-23")
    line = line_of(config, "- localoffer:")
    assert (problem.path, problem.line, problem.column) == (
        "mkdocs.yml",
        line,
        column_of(config, "localoffer:"),
    )
    assert problem.format().startswith(f"mkdocs.yml:{line}:5: warning: no feedback round was")
