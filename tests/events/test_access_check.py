"""`localoffer check` on the access and eligibility fields issue 18 added to events:
``provisions`` (terms of the provisions vocabulary) and ``who_can_come`` (open, members,
invitation, referral). Each bad value is reported once, as ``PATH:LINE:COLUMN: error: MESSAGE``,
with the nearest term suggested; good ones pass."""

from __future__ import annotations

from pathlib import Path

import pytest

from . import checking
from .checking import Case, assert_reported_once, replace

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


def with_lines(lines: str) -> str:
    return replace(EVENT, "location:\n", lines + "location:\n")


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
    return checking.check(root, "family-fair", text, capsys)


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_bad_access_fields_are_reported_where_they_are(
    case: Case, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = check(tmp_path, case.text, capsys)
    assert_reported_once(case, EP, code, out)


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
