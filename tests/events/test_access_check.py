"""`localoffer check` on the access and eligibility fields issue 18 added to events:
``provisions`` (terms of the provisions vocabulary) and ``who_can_come`` (open, members,
invitation, referral). Each bad value is reported once, as ``PATH:LINE:COLUMN: error: MESSAGE``,
with the nearest term suggested; good ones pass."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from localoffer.cli.main import main

from .sitebuild import write_site

TODAY = "2026-11-23"
EP = "events/family-fair.md"
EVENT = """\
---
title: Family fair
summary: Stalls, activities and advice for families.
starts: 2026-12-05 10:00
kind: information-session
audiences: [parents-carers]
ages: {from: 3, to: 4}
location:
  name: County Hall
organiser: Local Offer team
---
Come along.
"""


def replace(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


def with_lines(lines: str) -> str:
    return replace(EVENT, "location:\n", lines + "location:\n")


def line_of(text: str, fragment: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if fragment in line)


@dataclass(frozen=True)
class Case:
    name: str
    text: str
    at: str  # the fragment on the expected line
    column: int
    words: tuple[str, ...]


CASES = [
    Case(
        "misspelt-provision-in-a-list",
        with_lines("provisions: [creche, bls]\n"),
        "provisions:",
        22,
        ("'bls' is not a known access provision", "Did you mean 'bsl'?", "step-free"),
    ),
    Case(
        "provision-as-people-say-it",
        with_lines("provisions:\n  - step-free\n  - wheelchair access\n"),
        "- wheelchair access",
        5,
        ("'wheelchair access' is not a known access provision", "Did you mean 'step-free'?"),
    ),
    Case(
        "provision-spelt-with-an-accent",
        with_lines("provisions: crèche\n"),
        "provisions:",
        13,
        ("'crèche' is not a known access provision", "Did you mean 'creche'?"),
    ),
    Case(
        "who-can-come-misspelt",
        with_lines("who_can_come: invitaton\n"),
        "who_can_come:",
        15,
        ("must be one of 'open', 'members', 'invitation' or 'referral'", "'invitation'?"),
    ),
    Case(
        "who-can-come-not-text",
        with_lines("who_can_come: [members]\n"),
        "who_can_come:",
        15,
        ("must be one of",),
    ),
    Case(
        "who-can-come-field-misspelt",
        with_lines("who_can_attend: members\n"),
        "who_can_attend:",
        1,
        ("unknown field 'who_can_attend'", "Did you mean 'who_can_come'?"),
    ),
    Case(
        "ages-of-parents",
        replace(EVENT, "ages: {from: 3, to: 4}", "ages: {from: 3, to: 45}"),
        "ages:",
        21,
        ("ages → to must be 25 or less (it is 45)",),
    ),
]


def check(root: Path, text: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    write_site(root, {"family-fair": text})
    code = main(["check", "--site", str(root), "--today", TODAY])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_bad_access_fields_are_reported_where_they_are(
    case: Case, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = check(tmp_path, case.text, capsys)
    assert code == 1, out
    errors = [line for line in out.splitlines() if ": error: " in line]
    assert len(errors) == 1, out
    location, message = errors[0].split(": error: ")
    assert location == f"{EP}:{line_of(case.text, case.at)}:{case.column}", errors[0]
    for words in case.words:
        assert words in message, errors[0]


@pytest.mark.parametrize(
    "lines",
    [
        "provisions: [bsl, creche, large-print, paper-copies, easy-read, quiet-room, step-free]\n",
        "provisions: [hearing-loop, changing-places, captions, bsl]\nwho_can_come: referral\n",
        "provisions: bsl\nwho_can_come: Invitation only\n",
        "who_can_come: members\n",
    ],
    ids=["every-provision", "more-provisions-and-referral", "single-and-as-said", "members"],
)
def test_good_access_fields_pass(
    lines: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = check(tmp_path, with_lines(lines), capsys)
    assert code == 0, out
