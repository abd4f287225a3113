"""`localoffer check` on an event's ``sessions:`` (issue 18): each bad value is reported once,
as ``PATH:LINE:COLUMN: error: MESSAGE`` at the line it is on, with no traceback; good ones
pass. And the one model of occurrences gives each session its number, place and note."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
import yaml
from localoffer.cli.main import main
from localoffer.core.derive.occurrences import is_past, next_occurrence, occurrences
from localoffer.core.models.event import Event
from localoffer.core.timezone import LONDON

from . import checking
from .checking import TODAY, Case, assert_reported_once, replace
from .sitebuild import write_site

EP = "events/annual-reviews-drop-ins.md"
HEAD = """\
---
title: Annual reviews drop-ins
summary: Come and tell us what you think about annual reviews.
engagement: true
kind: drop-in
consultation: short-breaks-statement-2027
audiences: [parents-carers]
location:
  name: County Hall
  address: Market Street, Anbury
  postcode: AY1 1AA
organiser: SEND Service
"""
SESSIONS = """\
sessions:
  - starts: 2027-02-09 10:00
    ends: 2027-02-09 12:00
    note: With a crèche.
  - starts: 2027-02-09 16:00
    ends: 2027-02-09 18:00
    location:
      name: Kestleford Family Hub
      postcode: AY4 2KM
  - starts: 2027-02-17 18:30
    ends: 2027-02-17 20:00
    online:
      platform: Microsoft Teams
"""
EVENT = HEAD + SESSIONS + "---\nCome to any session.\n"
#: A rule about the list as a whole is reported at its first item.
FIRST = "  - starts: 2027-02-09 10:00"


CASES = [
    Case(
        "session-without-a-time",
        replace(EVENT, "  - starts: 2027-02-09 16:00", "  - starts: 2027-02-09"),
        "  - starts: 2027-02-09",
        13,
        ("a session needs its start time as well as its date", "YYYY-MM-DD HH:MM"),
        nth=2,
    ),
    Case(
        "session-end-without-a-time",
        replace(EVENT, "    ends: 2027-02-17 20:00", "    ends: 2027-02-17"),
        "    ends: 2027-02-17",
        11,
        ("a session needs its end time",),
    ),
    Case(
        "session-ends-before-it-starts",
        replace(EVENT, "    ends: 2027-02-09 12:00", "    ends: 2027-02-09 09:30"),
        "ends: 2027-02-09 09:30",
        11,
        ("the session ends (2027-02-09 09:30) before it starts (2027-02-09 10:00)",),
    ),
    Case(
        "not-a-date",
        replace(EVENT, "  - starts: 2027-02-17 18:30", "  - starts: next Tuesday"),
        "starts: next Tuesday",
        13,
        ("'next Tuesday' is not a date or date-time",),
    ),
    Case(
        "sessions-with-starts",
        replace(EVENT, "sessions:\n", "starts: 2027-02-09 10:00\nsessions:\n"),
        FIRST,
        3,
        ("an event with 'sessions:' has no 'starts:'", "remove 'starts:'"),
    ),
    Case(
        "sessions-with-repeat",
        replace(EVENT, "sessions:\n", "repeat:\n  frequency: weekly\n  count: 3\nsessions:\n"),
        FIRST,
        3,
        ("an event with 'sessions:' has no 'repeat:'", "list each date as a session"),
    ),
    Case(
        "sessions-with-meets",
        replace(EVENT, "sessions:\n", "meets: On Tuesdays\nsessions:\n"),
        FIRST,
        3,
        ("an event with 'sessions:' has no 'meets:'",),
    ),
    Case(
        "a-session-without-a-place",
        replace(
            EVENT,
            "location:\n  name: County Hall\n  address: Market Street, Anbury\n"
            "  postcode: AY1 1AA\n",
            "",
        ),
        FIRST,
        3,
        ("session 1 has no place", "give it 'location:' or 'online:'"),
    ),
    Case(
        "out-of-order",
        replace(
            EVENT,
            "2027-02-17 18:30\n    ends: 2027-02-17 20:00",
            "2027-02-08 18:30\n    ends: 2027-02-08 20:00",
        ),
        "starts: 2027-02-08 18:30",
        13,
        (
            "session 3 starts (2027-02-08 18:30) before session 2 (2027-02-09 16:00)",
            "list the sessions in the order they happen",
        ),
    ),
    Case(
        "ends-before-the-one-before",
        replace(
            EVENT,
            "2027-02-09 16:00\n    ends: 2027-02-09 18:00",
            "2027-02-09 10:00\n    ends: 2027-02-09 11:00",
        ),
        "ends: 2027-02-09 11:00",
        11,
        ("session 2 ends (2027-02-09 11:00) before session 1 does (2027-02-09 12:00)",),
    ),
    Case(
        "same-time-and-place-as-the-event-place",
        replace(
            EVENT,
            "2027-02-09 16:00\n    ends: 2027-02-09 18:00\n    location:\n"
            "      name: Kestleford Family Hub",
            "2027-02-09 10:00\n    ends: 2027-02-09 12:00\n    location:\n      name: County Hall",
        ),
        "  - starts: 2027-02-09 10:00",
        5,
        ("session 2 is at the same time and place as session 1 (2027-02-09 10:00)",),
        nth=2,
    ),
    Case(
        "unknown-field-in-a-session",
        replace(EVENT, "    note: With a crèche.", "    room: Committee Room 2"),
        "room: Committee Room 2",
        5,
        ("room",),
    ),
    Case(
        "note-too-long",
        replace(EVENT, "    note: With a crèche.", "    note: " + "x" * 201),
        "note: xxx",
        11,
        ("200",),
    ),
]


def check(root: Path, text: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    return checking.check(root, "annual-reviews-drop-ins", text, capsys)


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_bad_sessions_are_reported_where_they_are(
    case: Case, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = check(tmp_path, case.text, capsys)
    assert_reported_once(case, EP, code, out)


def test_good_sessions_pass(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = check(tmp_path, EVENT, capsys)
    assert code == 0, out
    assert not [line for line in out.splitlines() if line.startswith(EP)], out


def test_two_rooms_at_the_same_time_pass(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = replace(
        EVENT,
        "2027-02-09 16:00\n    ends: 2027-02-09 18:00",
        "2027-02-09 10:00\n    ends: 2027-02-09 12:00",
    )
    code, out = check(tmp_path, text, capsys)
    assert code == 0, out


def test_every_session_with_its_own_place_needs_none_for_the_event(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = replace(
        replace(
            EVENT,
            "location:\n  name: County Hall\n  address: Market Street, Anbury\n"
            "  postcode: AY1 1AA\n",
            "",
        ),
        "    note: With a crèche.\n",
        "    location:\n      name: Marrowby Library\n",
    )
    code, out = check(tmp_path, text, capsys)
    assert code == 0, out


def event_of(text: str) -> Event:
    front = yaml.safe_load(text.split("---\n")[1])
    return Event.model_validate(front)


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=LONDON)


def test_sessions_are_the_events_occurrences_with_their_place_and_note() -> None:
    event = event_of(EVENT)
    found = occurrences(event)
    assert [item.session for item in found] == [1, 2, 3]
    assert [item.start for item in found] == [
        at("2027-02-09 10:00"),
        at("2027-02-09 16:00"),
        at("2027-02-17 18:30"),
    ]
    assert found[0].end == at("2027-02-09 12:00")
    assert not any(item.all_day for item in found)
    # The first falls back to the event's place; the others have their own.
    assert [item.location.name if item.location else None for item in found] == [
        "County Hall",
        "Kestleford Family Hub",
        None,
    ]
    assert [item.online.platform if item.online else None for item in found] == [
        None,
        None,
        "Microsoft Teams",
    ]
    assert [item.note for item in found] == ["With a crèche.", None, None]
    # starts is the first session's, so everything that asks "when does it start" agrees.
    assert event.starts == at("2027-02-09 10:00")
    assert not event.standing and not event.all_day


def test_an_event_with_sessions_is_over_when_its_last_session_is() -> None:
    event = event_of(EVENT)
    between = at("2027-02-10 09:00")
    upcoming = next_occurrence(event, between)
    assert upcoming is not None and upcoming.session == 3
    assert not is_past(event, between)
    assert is_past(event, at("2027-02-17 20:01"))


def test_the_sessions_of_a_new_event_file_pass_once_uncommented(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`localoffer new event` shows sessions: uncommented as it says (starts and ends deleted,
    the dates filled in), the file passes the check with the sessions as its dates."""
    from localoffer.cli.new import TEMPLATES
    from localoffer.core.placeholders import PLACEHOLDERS

    text = TEMPLATES["event"](
        title="Drop-ins", today=datetime(2026, 11, 23).date(), email="a@b.example"
    )
    lines = text.splitlines()
    start = lines.index("# sessions:")
    end = next(n for n in range(start, len(lines)) if not lines[n].startswith("#   ") and n > start)
    block = [line[2:].replace("YYYY-MM-DD", "2027-01-12") for line in lines[start:end]]
    kept = [line for line in lines[:start] if not line.startswith(("starts:", "ends:"))]
    edited = "\n".join([*kept, *block, *lines[end:]]) + "\n"
    write_site(tmp_path, {})
    path = tmp_path / "events" / "drop-ins.md"
    real = {"Venue name": "Anbury Library", "Street, Town": "1 High Street, Anbury"}
    real["Postcode"] = "AY1 1AA"
    for placeholders in PLACEHOLDERS.values():  # filled in, as an editor would
        for placeholder in placeholders:
            edited = edited.replace(placeholder.text, real.get(placeholder.text, "Come along."))
    path.write_text(edited, encoding="utf-8")
    code = main(["check", "--site", str(tmp_path), "--today", TODAY])
    out = capsys.readouterr().out
    assert code == 0, out
    event = event_of(path.read_text(encoding="utf-8"))
    assert [item.location.name if item.location else None for item in occurrences(event)][1] == (
        "Another place"
    )
