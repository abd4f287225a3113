"""Every bad value of a round's themes, figures, quotes and respondents, through the real
``localoffer check``: each at its PATH:LINE:COLUMN with a plain message."""

from __future__ import annotations

from pathlib import Path

import pytest

from .fixture_site import MKDOCS_YML, run
from .test_check import PROBLEM

# Values the model refuses: the whole record's problems are reported at once.
BAD_VALUES = """\
title: Bad values
source: survey
received: 2026-07-31
respondents:
  parents: 12
  children: -3
  young-people: lots
figures:
  - label: agreed
    percent: 120
  - label: responses
    count: 12.5
  - label: both
    count: 3
    percent: 40
  - label: neither
  - label: words
    percent: most
themes:
  - title: Waiting times
    count: 3
  - title: Letters
    summary: Letters come late.
    id: Letters Late
quotes:
  - said: Call me on 07700 900123 about it, any time after school.
  - from: parents
    said: The summer club is the best bit of the holidays.
comments:
  - from: parents-carers
    said: Nobody told us we could ask the school for support while we waited.
    response: Schools must support children with SEND whether or not they are assessed.
"""

# Values each fine alone, wrong together: the checker's rules.
BAD_TOGETHER = """\
title: Bad together
source: survey
received: 2026-07-31
figures:
  - label: agreed
    percent: 60
    set: The plan was clear
  - label: disagreed
    percent: 30
    set: The plan was clear
  - label: yes
    percent: 50
    set: Mixed
  - label: no
    count: 50
    set: Mixed
  - label: a third each
    percent: 33
    set: Rounded
  - label: another third
    percent: 33
    set: Rounded
  - label: the last third
    percent: 33
    set: Rounded
themes:
  - id: waiting-times
    title: Waiting times
    summary: Families said waiting takes too long.
    count: 1
    action:
      status: planned
      due: 2026-09-30
  - id: waiting-times
    title: Waiting again
    summary: The same id twice.
quotes:
  - said: Too slow.
    theme: letters
comments:
  - from: parents-carers
    theme: waiting-times
    said: Nobody told us we could ask the school for support while we waited.
    response: Schools must support children with SEND whether or not they are assessed.
  - from: parents-carers
    theme: waiting-times
    said: We waited a year for the assessment and heard nothing from anyone.
    response: Every family waiting now has a named contact.
  - from: young-people
    theme: wating-times
    said: The letters about the assessment were full of words I did not understand.
    response: We have rewritten the letters in plain English with the Youth Forum.
"""

NOTHING_TO_PUBLISH = """\
title: Only figures
source: survey
received: 2026-07-31
documents:
  - title: Report
    url: https://example.org/report
figures:
  - label: responses
    count: 1200
"""


def position(text: str, fragment: str, occurrence: int = 1) -> tuple[int, int]:
    """Line and column (1-based) where a problem about ``fragment`` is reported: its value
    (``percent: 120`` -> 120), or, for ``KEY`` fragments, its key (``KEY - label: both`` ->
    label), where a problem about a missing or unknown field or a whole item is reported."""
    key = fragment.startswith("KEY ")
    fragment = fragment.removeprefix("KEY ")
    lines = [(n, line) for n, line in enumerate(text.splitlines(), start=1) if fragment in line]
    number, line = lines[occurrence - 1]
    name, _, value = fragment.partition(":")
    if key:
        return number, line.index(name.lstrip("- ")) + 1
    return number, line.index(value.strip(), line.index(fragment) + len(name)) + 1


@pytest.fixture(scope="module")
def problems(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, int, int], str]:
    root: Path = tmp_path_factory.mktemp("parts-check")
    (root / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    for folder in ("content", "consultations", "events", "responses"):
        (root / folder).mkdir()
    (root / "content" / "index.md").write_text("# Home\n", encoding="utf-8")
    for name, text in (
        ("bad-values", BAD_VALUES),
        ("bad-together", BAD_TOGETHER),
        ("nothing", NOTHING_TO_PUBLISH),
    ):
        (root / "responses" / f"{name}.yml").write_text(text, encoding="utf-8")
    result = run("localoffer", "check", cwd=root)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    found: dict[tuple[str, int, int], str] = {}
    for line in result.stdout.splitlines():
        match = PROBLEM.match(line)
        if match:
            key = (match["path"], int(match["line"]), int(match["col"]))
            found[key] = f"{match['kind']}: {match['msg']}"
    return found


def at(problems: dict[tuple[str, int, int], str], name: str, line_col: tuple[int, int]) -> str:
    key = (f"responses/{name}.yml", *line_col)
    assert key in problems, (key, sorted(problems))
    return problems[key]


@pytest.mark.parametrize(
    ("fragment", "occurrence", "expected"),
    [
        (
            "KEY parents: 12",
            1,
            ("error: respondents → parents: 'parents' is not a known respondent group",),
        ),
        ("children: -3", 1, ("error", "must be 0 or more (it is -3)")),
        ("young-people: lots", 1, ("error", "must be a whole number, not 'lots'")),
        ("percent: 120", 1, ("error", "must be 100 or less (it is 120)")),
        ("count: 12.5", 1, ("error", "must be a whole number")),
        ("KEY - label: both", 1, ("error", "give exactly one of count", "and percent")),
        ("KEY - label: neither", 1, ("error", "give exactly one of count")),
        ("percent: most", 1, ("error", "is 'most', but must be a percentage from 0 to 100")),
        ("KEY - title: Waiting times", 1, ("error", "the field 'summary' is required")),
        ("id: Letters Late", 1, ("error", "'Letters Late' is not a valid id")),
        ("said: Call me", 1, ("error", "contains a phone number", "remove it before publishing")),
        ("from: parents", 1, ("error", "'parents' is not a known respondent group")),
    ],
)
def test_bad_values_are_errors_where_they_were_typed(
    problems: dict[tuple[str, int, int], str],
    fragment: str,
    occurrence: int,
    expected: tuple[str, ...],
) -> None:
    message = at(problems, "bad-values", position(BAD_VALUES, fragment, occurrence))
    for part in expected:
        assert part in message, (part, message)


@pytest.mark.parametrize(
    ("fragment", "occurrence", "expected"),
    [
        (
            "percent: 30",
            1,
            ("error", "the percentages of the set 'The plan was clear' add up to 90%, not 100%"),
        ),
        ("set: Mixed", 2, ("error", "the figures of the set 'Mixed' mix counts and percentages")),
        ("id: waiting-times", 2, ("error", "two themes in this round have the id 'waiting-times'")),
        (
            "count: 1",
            1,
            ("error", "this theme's count is 1, but 2 of this round's comments are shown under it"),
        ),
        ("due: 2026-09-30", 1, ("warning", "this action was due on 30 September 2026")),
        (
            "theme: letters",
            1,
            ("error", "there is no theme with the id 'letters'", "one of them (waiting-times)"),
        ),
        ("theme: wating-times", 1, ("error", "there is no theme with the id 'wating-times'")),
        ("said: Too slow.", 1, ("warning", "this quote is only a few words")),
    ],
)
def test_values_wrong_together_are_problems_where_they_were_typed(
    problems: dict[tuple[str, int, int], str],
    fragment: str,
    occurrence: int,
    expected: tuple[str, ...],
) -> None:
    message = at(problems, "bad-together", position(BAD_TOGETHER, fragment, occurrence))
    for part in expected:
        assert part in message, (part, message)


def test_rounded_percentages_of_a_set_are_not_a_problem(
    problems: dict[tuple[str, int, int], str],
) -> None:
    rounded = [m for (path, *_), m in problems.items() if "'Rounded'" in m]
    assert rounded == []


def test_a_round_with_nothing_to_publish_says_what_it_needs(
    problems: dict[tuple[str, int, int], str],
) -> None:
    found = [(key, m) for key, m in problems.items() if key[0] == "responses/nothing.yml"]
    assert found == [
        (
            ("responses/nothing.yml", 1, 1),
            "error: this round has no comments, so it is published as a report: give it a "
            "summary of what the report found (summary:), or add comments",
        )
    ]
