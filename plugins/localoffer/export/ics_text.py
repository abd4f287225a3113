"""The bytes of an iCalendar file (RFC 5545): content lines, TEXT escaping, folding, time zone.

Everything here is deliberately small and explicit, so the feeds read the same in every client:

- TEXT values escape backslash, semicolon, comma and newlines (RFC 5545 3.3.11), and drop the
  control characters TEXT may not contain;
- lines end with CRLF and are folded so that no line is longer than 75 octets, never inside a
  UTF-8 character (3.1);
- parameter values that contain ``:``, ``;`` or ``,`` are quoted (3.2);
- times are written in Europe/London with a ``TZID``, described by the VTIMEZONE below.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime

from localoffer.core.timezone import LONDON

CRLF = "\r\n"
MAX_OCTETS = 75
TZID = "Europe/London"

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_PARAM_CONTROL = re.compile(r"[\x00-\x1f\x7f\"]")

#: Europe/London as a VTIMEZONE: BST from 1am GMT on the last Sunday of March, GMT from 2am BST
#: on the last Sunday of October. Each DTSTART is the first date its RRULE produces (the last
#: Sundays of March and October 1970), which is what every client we tested expects; a
#: description with DTSTARTs off the rule is read differently by different parsers.
VTIMEZONE_LONDON: tuple[str, ...] = (
    "BEGIN:VTIMEZONE",
    f"TZID:{TZID}",
    f"X-LIC-LOCATION:{TZID}",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0000",
    "TZOFFSETTO:+0100",
    "TZNAME:BST",
    "DTSTART:19700329T010000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0000",
    "TZNAME:GMT",
    "DTSTART:19701025T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
)


def escape_text(value: str) -> str:
    """A TEXT value: ``\\``, ``;``, ``,`` and newlines escaped, other control characters gone."""
    text = value.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text)
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def param_value(value: str) -> str:
    """A parameter value, quoted when it holds ``:``, ``;`` or ``,`` (it may not hold ``"``)."""
    text = _PARAM_CONTROL.sub("", value)
    return f'"{text}"' if any(ch in text for ch in ":;,") else text


def fold(line: str) -> bytes:
    """One content line as bytes: folded at 75 octets (never inside a UTF-8 character), CRLF."""
    data = line.encode("utf-8")
    if len(data) <= MAX_OCTETS:  # most lines: nothing to fold
        return data + b"\r\n"
    pieces: list[bytes] = []
    start, limit = 0, MAX_OCTETS
    while len(data) - start > limit:
        end = start + limit
        while (data[end] & 0xC0) == 0x80:  # a continuation byte: back up to the character start
            end -= 1
        pieces.append(data[start:end])
        start, limit = end, MAX_OCTETS - 1  # a folded line starts with one space
    pieces.append(data[start:])
    return b"\r\n ".join(pieces) + b"\r\n"


def content_line(name: str, value: str, params: Sequence[tuple[str, str]] = ()) -> str:
    """``NAME;PARAM=VALUE:value`` (the value already in its iCalendar form)."""
    if not params:
        return f"{name}:{value}"
    head = name + "".join(f";{key}={param_value(val)}" for key, val in params)
    return f"{head}:{value}"


def text_line(name: str, value: str, params: Sequence[tuple[str, str]] = ()) -> str:
    return content_line(name, escape_text(value), params)


def utc_stamp(moment: datetime) -> str:
    """A UTC DATE-TIME: ``20261123T000000Z``."""
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def local_stamp(moment: datetime) -> str:
    """A local DATE-TIME in London, to be written with ``TZID=Europe/London``."""
    return moment.astimezone(LONDON).strftime("%Y%m%dT%H%M%S")


def date_stamp(day: date) -> str:
    return day.strftime("%Y%m%d")


def when_line(name: str, value: date | datetime) -> str:
    """DTSTART, DTEND or EXDATE: a DATE (``VALUE=DATE``) or a London time with its TZID."""
    if isinstance(value, datetime):
        return content_line(name, local_stamp(value), [("TZID", TZID)])
    return content_line(name, date_stamp(value), [("VALUE", "DATE")])


def serialise(lines: Iterable[str]) -> bytes:
    """Content lines to the bytes of a file."""
    return b"".join(map(fold, lines))


def unfold(data: bytes) -> list[str]:
    """The logical content lines of a file (the inverse of :func:`serialise`), for checks."""
    text = data.decode("utf-8")
    return text.replace("\r\n ", "").replace("\r\n\t", "").split("\r\n")[:-1]
