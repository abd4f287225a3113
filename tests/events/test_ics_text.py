"""iCalendar text, byte for byte: TEXT escaping, folding at 75 octets, CRLF (export/ics_text)."""

from __future__ import annotations

from datetime import date, datetime

import icalendar
from hypothesis import given, settings
from hypothesis import strategies as st
from localoffer.core.timezone import LONDON
from localoffer.export.ics_text import (
    escape_text,
    fold,
    param_value,
    serialise,
    unfold,
    when_line,
)


def test_escapes_backslash_semicolon_comma_and_newlines() -> None:
    assert escape_text("a\\b;c,d\ne\r\nf\rg") == "a\\\\b\\;c\\,d\\ne\\nf\\ng"
    assert escape_text("colon: and \"quotes\" stay") == 'colon: and "quotes" stay'
    assert escape_text("bell\x07 and nul\x00 go, tab\tstays") == "bell and nul go\\, tab\tstays"


def test_short_lines_are_not_folded() -> None:
    assert fold("SUMMARY:Forum") == b"SUMMARY:Forum\r\n"
    line = "X" * 75
    assert fold(line) == line.encode() + b"\r\n"


def test_folds_at_75_octets_then_74_after_the_space() -> None:
    line = "DESCRIPTION:" + "a" * 200
    assert fold(line) == (
        b"DESCRIPTION:" + b"a" * 63 + b"\r\n " + b"a" * 74 + b"\r\n " + b"a" * 63 + b"\r\n"
    )


def test_never_splits_a_multibyte_character() -> None:
    # "é" is 2 octets: after "SUMMARY:" (8 octets) 33 fit in 74 octets, not 33.5.
    line = "SUMMARY:" + "é" * 40
    assert fold(line) == (
        b"SUMMARY:" + "é".encode() * 33 + b"\r\n " + "é".encode() * 7 + b"\r\n"
    )
    # A 4-octet character that would straddle octet 75 moves to the next line whole.
    clef = "𝄞"
    line = "SUMMARY:" + "x" * 65 + clef + "y"
    assert fold(line) == b"SUMMARY:" + b"x" * 65 + b"\r\n " + clef.encode() + b"y\r\n"


@settings(deadline=None)  # no timing assertions: the machine may be busy
@given(st.text(min_size=0, max_size=400))
def test_any_text_folds_into_valid_lines_and_unfolds_back(text: str) -> None:
    line = "DESCRIPTION:" + escape_text(text)
    data = fold(line)
    physical = data.split(b"\r\n")
    assert physical[-1] == b""
    for part in physical[:-1]:
        assert len(part) <= 75
        part.decode("utf-8")
    assert unfold(data) == [line]
    event = icalendar.Event.from_ical(
        serialise(["BEGIN:VEVENT", line, "END:VEVENT"])
    )
    expected = text.replace("\r\n", "\n").replace("\r", "\n")
    expected = "".join(ch for ch in expected if ch in "\t\n" or (ord(ch) >= 0x20 and ch != "\x7f"))
    assert str(event.get("DESCRIPTION", "")) == expected


def test_parameter_values_are_quoted_when_needed() -> None:
    assert param_value("Zoom") == "Zoom"
    assert param_value("Teams: link; sent, later") == '"Teams: link; sent, later"'
    assert param_value('say "hi"') == "say hi"


def test_times_carry_the_london_tzid_and_dates_value_date() -> None:
    summer = datetime(2026, 10, 20, 16, 0, tzinfo=LONDON)
    assert when_line("DTSTART", summer) == "DTSTART;TZID=Europe/London:20261020T160000"
    assert when_line("EXDATE", date(2026, 12, 25)) == "EXDATE;VALUE=DATE:20261225"
