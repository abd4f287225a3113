"""iCalendar (RFC 5545) for events: the feeds and each event's own ``.ics`` file.

A series is one VEVENT with an RRULE (weekly, fortnightly as ``INTERVAL=2``, monthly as the
nth or last weekday: export/ics_rrule.py) and an EXDATE for each date skipped with ``except``
or, in a term-time series, for the school holidays; its DTSTART is the series' first date, so
the rule and DTSTART agree. An event with sessions is a VEVENT per session, each with its own
UID (export/ics_sessions.py). Times carry ``TZID=Europe/London`` and keep
their local time across the clock changes, as the pages do. All-day events are DATE values with
an exclusive DTEND. UIDs are ``<id>@<site host>``, so subscribers' calendars update events
rather than duplicate them; DTSTAMP is the build's "now", so a build is reproducible.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import cached_property, lru_cache
from urllib.parse import urlsplit

from localoffer.core.derive.occurrences import (
    Occurrence,
    occurrences,
    skipped_dates,
)
from localoffer.core.models.event import Event, Online
from localoffer.core.timezone import LONDON
from localoffer.core.vocabulary import DEFAULT_VOCABULARIES, Vocabularies
from localoffer.export.ics_rrule import exdate, first_times, rrule
from localoffer.export.ics_sessions import (
    session_joining,
    session_location,
    session_uids,
    session_words,
)
from localoffer.export.ics_text import (
    VTIMEZONE_LONDON,
    content_line,
    escape_text,
    fold,
    serialise,
    text_line,
    utc_stamp,
    when_line,
)
from localoffer.export.ics_words import booking_text, joining_text

PRODID = "-//localoffer//Local Offer events//EN"

#: iCalendar STATUS for each event status. A postponed event has no date yet: TENTATIVE keeps
#: it visible in calendars, with "Postponed" in its title.
ICS_STATUS = {
    "scheduled": "CONFIRMED",
    "cancelled": "CANCELLED",
    "postponed": "TENTATIVE",
    "moved-online": "CONFIRMED",
    "rescheduled": "CONFIRMED",
}
#: SEQUENCE grows as an event moves away from its first announcement, so that clients which
#: compare sequence numbers take the change (RFC 5546): every change of status is news.
SEQUENCE = {"scheduled": 0, "moved-online": 1, "rescheduled": 1, "postponed": 1, "cancelled": 2}
STATUS_WORDS = {
    "cancelled": "Cancelled",
    "postponed": "Postponed",
    "moved-online": "Moved online",
    "rescheduled": "Rescheduled",
}


@dataclass(frozen=True)
class CalendarContext:
    """What every VEVENT of a site needs besides the event."""

    base_url: str  # the site's address, without the final slash
    now: datetime
    vocabularies: Vocabularies = DEFAULT_VOCABULARIES

    @cached_property
    def host(self) -> str:
        return urlsplit(self.base_url).hostname or "localoffer.invalid"

    @cached_property
    def stamp(self) -> str:
        """DTSTAMP: the build's "now", in UTC."""
        return utc_stamp(self.now)

    def page_url(self, event: Event) -> str:
        return f"{self.base_url}/events/{event.id}/"

    def uid(self, event: Event) -> str:
        return f"{event.id}@{self.host}"


def is_online_only(event: Event) -> bool:
    """Online only: no place, or a place no longer used because the event moved online."""
    return event.online is not None and (event.location is None or event.status == "moved-online")


TIME_TBC = "time to be confirmed"


def ics_summary(event: Event) -> str:
    word = STATUS_WORDS.get(event.status)
    title = f"{event.title} ({TIME_TBC})" if event.time_tbc else event.title
    return f"{word}: {title}" if word and event.status != "rescheduled" else title


def ics_location(event: Event) -> str:
    """The place, or for an online-only event the joining link (which clients make clickable)."""
    if is_online_only(event) or event.location is None:
        assert event.online is not None
        return event.online.url or f"Online: {event.online.platform}"
    place = event.location
    parts = [place.name, place.address or "", place.postcode or ""]
    text = ", ".join(part for part in parts if part)
    return f"{text} (or join online)" if event.online is not None else text


def ics_description(
    event: Event,
    context: CalendarContext,
    page_url: str = "",
    session: tuple[Occurrence, int] | None = None,
) -> str:
    """Plain text: status, summary, how to join and book, cost, organiser, and the page's URL
    (``page_url``, when already known). For one of an event's sessions (``session``: it and
    how many there are), which session it is, and how to join that one."""
    paragraphs: list[str] = []
    if event.status != "scheduled":
        note = f" {event.status_note}" if event.status_note else ""
        paragraphs.append(f"{STATUS_WORDS[event.status]}.{note}")
    if event.time_tbc:
        paragraphs.append(
            "The time is to be confirmed: it is shown on the event page once it is set."
        )
    if session is not None:
        paragraphs.append(session_words(*session))
    paragraphs.append(event.summary)
    joining = joining_text(event) if session is None else session_joining(event, session[0])
    details = [line for line in (joining, booking_text(event)) if line]
    details.append(f"Cost: {event.cost}")
    organiser = event.organiser + (f" ({event.contact})" if event.contact else "")
    details.append(f"Organiser: {organiser}")
    paragraphs.append("\n".join(details))
    paragraphs.append(f"Full details: {page_url or context.page_url(event)}")
    return "\n\n".join(paragraphs)


def vevent(
    event: Event,
    context: CalendarContext,
    found: Sequence[Occurrence] | None = None,
    skipped: Sequence[date] | None = None,
) -> list[str]:
    """The content lines of one event (a series is one VEVENT with an RRULE).

    ``found`` and ``skipped`` are the event's occurrences and skipped dates, when already known.
    """
    found = occurrences(event) if found is None else found
    if event.sessions:
        return _session_vevents(event, context, found)
    skipped = skipped_dates(event) if skipped is None else skipped
    start, end = first_times(event, found)
    page_url = context.page_url(event)
    lines = [
        "BEGIN:VEVENT",
        content_line("UID", context.uid(event)),
        content_line("DTSTAMP", context.stamp),
        when_line("DTSTART", start),
        when_line("DTEND", end),
    ]
    rule = rrule(event)
    if rule is not None:
        lines.append(content_line("RRULE", rule))
        lines.extend(when_line("EXDATE", exdate(event, day)) for day in skipped)
    description = ics_description(event, context, page_url)
    return lines + _vevent_rest(event, context, description, ics_location(event), event.online)


def _session_vevents(
    event: Event, context: CalendarContext, found: Sequence[Occurrence]
) -> list[str]:
    """One VEVENT per session, each with its own UID, times and place."""
    lines: list[str] = []
    page_url = context.page_url(event)
    for item, uid in zip(found, session_uids(event, found, context.host), strict=True):
        lines += [
            "BEGIN:VEVENT",
            content_line("UID", uid),
            content_line("DTSTAMP", context.stamp),
            when_line("DTSTART", item.start),
            when_line("DTEND", item.end),
        ]
        description = ics_description(event, context, page_url, (item, len(found)))
        location = session_location(event, item)
        lines += _vevent_rest(event, context, description, location, item.online)
    return lines


def _vevent_rest(
    event: Event, context: CalendarContext, description: str, location: str, online: Online | None
) -> list[str]:
    """A VEVENT's lines after its times (and RRULE), to END:VEVENT."""
    page_url = context.page_url(event)
    lines = [
        text_line("SUMMARY", ics_summary(event)),
        text_line("DESCRIPTION", description),
        text_line("LOCATION", location),
        content_line("URL", page_url),
        content_line("STATUS", ICS_STATUS[event.status]),
        content_line("SEQUENCE", str(SEQUENCE[event.status])),
        content_line("TRANSP", "OPAQUE"),
        content_line("CLASS", "PUBLIC"),
        _categories(event, context),
    ]
    if online is not None and online.url:
        lines.append(
            content_line(
                "CONFERENCE",
                online.url,
                [("VALUE", "URI"), ("FEATURE", "VIDEO"), ("LABEL", online.platform)],
            )
        )
    lines.append("END:VEVENT")
    return lines


def _categories(event: Event, context: CalendarContext) -> str:
    names = [context.vocabularies.label("event_kinds", event.kind)]
    if event.engagement:
        names.insert(0, "Engagement opportunity")
    return content_line("CATEGORIES", ",".join(escape_text(name) for name in names))


@dataclass(frozen=True)
class Known:
    """An event with its occurrences and skipped dates already worked out."""

    event: Event
    occurrences: Sequence[Occurrence]
    skipped: Sequence[date]


@dataclass(frozen=True)
class VEventBytes:
    """One VEVENT as the bytes of a file, less its DTSTAMP line.

    DTSTAMP is the build's "now": the one part of an event's entry that changes between builds
    when the event does not. Keeping it out lets a build reuse an unchanged event's bytes in
    every calendar that carries it (``with_stamp`` puts it back).
    """

    head: bytes  # BEGIN:VEVENT and UID
    tail: bytes  # DTSTART to END:VEVENT
    #: An event with sessions has a VEVENT each: the parts between their DTSTAMP lines.
    more: tuple[bytes, ...] = ()

    def with_stamp(self, stamp: bytes) -> bytes:
        return stamp.join((self.head, self.tail, *self.more))


def vevent_bytes(
    event: Event,
    context: CalendarContext,
    found: Sequence[Occurrence] | None = None,
    skipped: Sequence[date] | None = None,
) -> VEventBytes:
    """:func:`vevent`, serialised, with the DTSTAMP line left out (see :class:`VEventBytes`)."""
    lines = vevent(event, context, found, skipped)
    stamps = [number for number, line in enumerate(lines) if line.startswith("DTSTAMP:")]
    assert stamps and stamps[0] == 2
    ends = [*stamps[1:], len(lines)]
    parts = [serialise(lines[start + 1 : end]) for start, end in zip(stamps, ends, strict=True)]
    return VEventBytes(serialise(lines[:2]), parts[0], tuple(parts[1:]))


def stamp_line(now: datetime) -> bytes:
    """The DTSTAMP line of every VEVENT of a build."""
    return fold(content_line("DTSTAMP", utc_stamp(now)))


_CALENDAR_START = serialise(
    [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        content_line("PRODID", PRODID),
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ]
)
_CALENDAR_TIMEZONE = serialise(
    [
        "X-WR-TIMEZONE:Europe/London",
        "REFRESH-INTERVAL;VALUE=DURATION:PT6H",
        "X-PUBLISHED-TTL:PT6H",
        *VTIMEZONE_LONDON,
    ]
)
CALENDAR_END = fold("END:VCALENDAR")


def calendar_head(name: str, description: str = "") -> bytes:
    """A VCALENDAR's header and the London VTIMEZONE, up to its first VEVENT."""
    lines = [text_line("X-WR-CALNAME", name)]
    if description:
        lines.append(text_line("X-WR-CALDESC", description))
    return _CALENDAR_START + serialise(lines) + _CALENDAR_TIMEZONE


def assemble_calendar(head: bytes, vevents: Iterable[VEventBytes], now: datetime) -> bytes:
    """A whole VCALENDAR from its :func:`calendar_head` and its events' bytes (in given order)."""
    stamp = stamp_line(now)
    parts = [head]
    for item in vevents:
        parts.append(item.with_stamp(stamp))
    parts.append(CALENDAR_END)
    return b"".join(parts)


def calendar_bytes(
    events: Iterable[Event | Known],
    context: CalendarContext,
    *,
    name: str,
    description: str = "",
) -> bytes:
    """A whole VCALENDAR: header, the London VTIMEZONE, one VEVENT per event (in given order)."""
    vevents = (
        vevent_bytes(item.event, context, item.occurrences, item.skipped)
        if isinstance(item, Known)
        else vevent_bytes(item, context)
        for item in events
    )
    return assemble_calendar(calendar_head(name, description), vevents, context.now)


def in_feed(
    event: Event, now: datetime, months: int = 3, found: Sequence[Occurrence] | None = None
) -> bool:
    """Events that ended more than ``months`` months before ``now`` drop out of the feeds."""
    found = occurrences(event) if found is None else found
    return bool(found) and found[-1].end_at >= months_before(now, months)


@lru_cache(maxsize=16)  # asked for every event of a plan, with the same "now"
def months_before(moment: datetime, months: int) -> datetime:
    """The same local time ``months`` calendar months earlier (the day capped to the month)."""
    local = moment.astimezone(LONDON)
    index = local.year * 12 + (local.month - 1) - months
    year, month = divmod(index, 12)
    day = min(local.day, calendar.monthrange(year, month + 1)[1])
    return datetime.combine(date(year, month + 1, day), local.time(), tzinfo=LONDON)


def select(events: Sequence[Event], now: datetime) -> list[Event]:
    """The events a feed carries, in id order."""
    return sorted((event for event in events if in_feed(event, now)), key=lambda e: e.id)
