"""The checker's warnings for feedback rounds, through the real `localoffer check` command."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from .conftest import Built
from .fixture_site import MKDOCS_YML, RECORDS, run

PROBLEM = re.compile(
    r"^(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<kind>error|warning): (?P<msg>.+)$"
)


def problems(output: str) -> list[tuple[str, int, str, str]]:
    found = []
    for line in output.splitlines():
        match = PROBLEM.match(line)
        if match:
            found.append((match["path"], int(match["line"]), match["kind"], match["msg"]))
    return found


def missing_years(found: list[tuple[str, int, str, str]]) -> list[str]:
    """The years the warning about years without a round names (it may be one warning)."""
    messages = [m.split(":")[0] for *_, m in found if "no feedback round was received" in m]
    return sorted(year for m in messages for year in re.findall(r"\b(\d{4})\b", m))


def line_of(text: str, fragment: str) -> int:
    lines = [n for n, line in enumerate(text.splitlines(), start=1) if fragment in line]
    assert len(lines) == 1, (fragment, lines)
    return lines[0]


def test_fixture_site_warns_about_each_overdue_action_and_nothing_else(built: Built) -> None:
    result = run("localoffer", "check", cwd=built.site)
    assert result.returncode == 0, result.stdout + result.stderr
    found = [p for p in problems(result.stdout) if p[0].startswith("responses/")]
    overdue = sorted((path, line) for path, line, kind, msg in found if "is not done" in msg)
    expected = sorted(
        [
            (
                "responses/parent-carer-forum-spring-2025.yml",
                line_of(RECORDS["responses/parent-carer-forum-spring-2025.yml"], "due: 2025-12-31"),
            ),
            (
                "responses/2026/young-inspectors-website-2026.yml",
                line_of(
                    RECORDS["responses/2026/young-inspectors-website-2026.yml"], "due: 2026-11-13"
                ),
            ),
            (
                "responses/transport-responses-2026.yml",
                line_of(RECORDS["responses/transport-responses-2026.yml"], "due: 2026-09-30"),
            ),
        ]
    )
    assert overdue == expected
    assert all(kind == "warning" for _, _, kind, _ in found)
    messages = " ".join(msg for *_, msg in found)
    assert "was due on 31 December 2025" in messages
    assert "only a few words" not in messages
    assert "capitals" not in messages
    assert "no feedback round was received" not in messages


GAP_2023 = """\
title: Parent carer forum 2023
source: parent-carer-forum
received: 2023-06-01
comments:
  - from: parents-carers
    said: Too many forms.
    response: We have cut the number of forms from five to two.
"""

GAP_2025 = """\
title: Youth forum 2025
source: youth-forum
received: 2025-02-01
comments:
  - from: young-people
    said: THE WEBSITE IS RUBBISH AND NOBODY EVER ANSWERS THE PHONE
    response: We have rebuilt the website and answer calls within three rings.
  - from: young-people
    said: The bus to college is always late and nobody tells us why.
    response: We now text every young person when their bus is running late.
"""


@pytest.fixture(scope="module")
def gap_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("gap")
    (root / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    for folder in ("content", "consultations", "events", "responses"):
        (root / folder).mkdir()
    (root / "content" / "index.md").write_text("# Home\n", encoding="utf-8")
    (root / "responses" / "forum-2023.yml").write_text(GAP_2023, encoding="utf-8")
    (root / "responses" / "youth-2025.yml").write_text(GAP_2025, encoding="utf-8")
    return root


def test_short_and_capitals_comments_and_a_missing_year_are_warnings(gap_site: Path) -> None:
    result = run("localoffer", "check", cwd=gap_site)
    assert result.returncode == 0, result.stdout + result.stderr
    found = problems(result.stdout)
    assert all(kind == "warning" for _, _, kind, _ in found), found
    short = [(p, n) for p, n, _, m in found if "only a few words" in m]
    assert short == [("responses/forum-2023.yml", line_of(GAP_2023, "Too many forms."))]
    capitals = [(p, n) for p, n, _, m in found if "all in capitals" in m]
    assert capitals == [("responses/youth-2025.yml", line_of(GAP_2025, "RUBBISH"))]
    assert missing_years(found) == ["2024"]


def test_a_year_after_the_last_round_is_a_missing_year_too(gap_site: Path) -> None:
    result = run("localoffer", "check", cwd=gap_site, today="2027-03-01")
    assert missing_years(problems(result.stdout)) == ["2024", "2026"]


def test_build_stops_on_a_comment_that_identifies_someone(tmp_path: Path, gap_site: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(gap_site, site)
    record = GAP_2025.replace(
        "The bus to college is always late",
        "Email me at sam.jones@example.org, the bus to college is always late",
    )
    (site / "responses" / "youth-2025.yml").write_text(record, encoding="utf-8")
    result = run("localoffer", "check", cwd=site)
    assert result.returncode == 1
    errors = [p for p in problems(result.stdout) if p[2] == "error"]
    assert [(p, n) for p, n, _, _ in errors] == [
        ("responses/youth-2025.yml", line_of(record, "sam.jones@example.org"))
    ]
    assert "email address" in errors[0][3]
    build = run("mkdocs", "build", "-q", "-d", tmp_path / "out", cwd=site)
    assert build.returncode != 0
    assert not (tmp_path / "out" / "you-said-we-did").exists()
