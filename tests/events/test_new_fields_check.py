"""`localoffer check` on the fields issue 13 added to events: ``time_tbc`` (only with a
date-only ``starts``) and ``meets`` (instead of ``starts``, never with ``ends`` or ``repeat``).
Each bad file is reported once, as ``PATH:LINE:COLUMN: error: MESSAGE``, with no traceback; the
good ones pass."""

from __future__ import annotations

from pathlib import Path

import pytest

from . import checking
from .checking import Case, assert_reported_once, replace

EP = "events/short-breaks-drop-in-anbury.md"
EVENT = """\
---
title: Short breaks drop-in, Anbury
summary: Come and tell us what you think about short breaks.
starts: 2026-12-01 16:00
ends: 2026-12-01 18:00
engagement: true
kind: drop-in
audiences: [parents-carers]
location:
  name: Anbury Library
  address: 1 High Street, Anbury
  postcode: AY1 1AA
organiser: Short Breaks Team
---
Drop in at any time.
"""
TIMED = "starts: 2026-12-01 16:00\nends: 2026-12-01 18:00\n"
MEETS = "meets: In the school holidays, or on Saturday mornings in term time\n"


CASES = [
    Case(
        "time-tbc-with-a-time",
        replace(EVENT, "engagement: true", "time_tbc: true\nengagement: true"),
        "time_tbc:",
        11,
        ("'time_tbc: true' says the time is not known yet", "'starts' has a time"),
    ),
    Case(
        "meets-and-starts",
        replace(EVENT, "engagement: true", MEETS.rstrip() + "\nengagement: true"),
        "meets:",
        8,
        ("either 'starts:'", "or 'meets:'", "not both"),
    ),
    Case(
        "meets-with-ends",
        replace(EVENT, TIMED, MEETS + "ends: 2026-12-01\n"),
        "ends:",
        7,
        ("'ends:' needs a date", "remove 'ends'"),
    ),
    Case(
        "meets-with-repeat",
        replace(EVENT, TIMED, MEETS + "repeat:\n  frequency: weekly\n  count: 4\n"),
        "repeat:",
        1,
        ("'repeat:' needs dates", "'meets:' instead of 'starts:'"),
    ),
    Case(
        "time-tbc-with-meets",
        replace(EVENT, TIMED, MEETS + "time_tbc: true\n"),
        "time_tbc:",
        11,
        ("'time_tbc:' is for an event with a date",),
    ),
    Case(
        "neither-starts-nor-meets",
        replace(EVENT, TIMED, ""),
        "title:",  # a rule about the whole record: at its first line
        1,
        ("needs 'starts:'", "'meets:'"),
    ),
]


def check(root: Path, text: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    return checking.check(root, "short-breaks-drop-in-anbury", text, capsys)


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_bad_new_event_fields_are_reported_where_they_are(
    case: Case, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = check(tmp_path, case.text, capsys)
    assert_reported_once(case, EP, code, out)


@pytest.mark.parametrize(
    "text",
    [
        replace(EVENT, TIMED, "starts: 2026-12-01\ntime_tbc: true\n"),
        replace(EVENT, TIMED, "starts: 2026-12-01\nends: 2026-12-03\ntime_tbc: true\n"),
        replace(EVENT, TIMED, MEETS),
        replace(
            replace(EVENT, TIMED, MEETS),
            "  address: 1 High Street, Anbury\n  postcode: AY1 1AA\n",
            "",
        ),
    ],
    ids=["time-tbc", "time-tbc-several-days", "meets", "meets-venue-without-address"],
)
def test_good_new_event_fields_pass(
    text: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = check(tmp_path, text, capsys)
    assert code == 0, out
