"""One-click "add to calendar" links for one occurrence: Google Calendar and Outlook.com.

Both take UTC times (Google ``20261027T160000Z/20261027T180000Z``, Outlook ISO 8601 with ``Z``);
all-day events are dates with an exclusive end, as in iCalendar. A whole series is added with the
event's ``.ics`` file instead, which carries the RRULE and the skipped dates.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from urllib.parse import quote, urlencode

from localoffer.core.derive.occurrences import Occurrence
from localoffer.core.models.event import Event
from localoffer.export.ics import TIME_TBC, ics_location
from localoffer.export.ics_sessions import session_location

GOOGLE = "https://calendar.google.com/calendar/render"
OUTLOOK = "https://outlook.live.com/calendar/0/deeplink/compose"


def _title(event: Event) -> str:
    """The title, saying when the time is still to be confirmed (the date is added all day)."""
    return f"{event.title} ({TIME_TBC})" if event.time_tbc else event.title


def _details(event: Event, page_url: str) -> str:
    lines = [event.summary]
    if event.time_tbc:
        lines.insert(
            0, "The time is to be confirmed: it is shown on the event page once it is set."
        )
    if event.online is not None and event.online.url:
        lines.append(f"Join online ({event.online.platform}): {event.online.url}")
    lines.append(f"Full details: {page_url}")
    return "\n\n".join(lines)


def _where(event: Event, occurrence: Occurrence) -> str:
    """The place, or for one of an event's sessions that session's place."""
    return session_location(event, occurrence) if occurrence.session else ics_location(event)


def _exclusive_end(occurrence: Occurrence) -> date:
    end = occurrence.end
    assert isinstance(end, date) and not isinstance(end, datetime)
    return end + timedelta(days=1)


def google_link(event: Event, occurrence: Occurrence, page_url: str) -> str:
    if occurrence.all_day:
        start = occurrence.start
        assert isinstance(start, date)
        dates = f"{start:%Y%m%d}/{_exclusive_end(occurrence):%Y%m%d}"
    else:
        start_utc = occurrence.start_at.astimezone(UTC)
        end_utc = occurrence.end_at.astimezone(UTC)
        dates = f"{start_utc:%Y%m%dT%H%M%SZ}/{end_utc:%Y%m%dT%H%M%SZ}"
    query = {
        "action": "TEMPLATE",
        "text": _title(event),
        "dates": dates,
        "details": _details(event, page_url),
        "location": _where(event, occurrence),
        "ctz": "Europe/London",
    }
    return f"{GOOGLE}?{urlencode(query, quote_via=quote)}"


def outlook_link(event: Event, occurrence: Occurrence, page_url: str) -> str:
    if occurrence.all_day:
        start = occurrence.start
        assert isinstance(start, date)
        times = {
            "startdt": start.isoformat(),
            "enddt": _exclusive_end(occurrence).isoformat(),
            "allday": "true",
        }
    else:
        times = {
            "startdt": occurrence.start_at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "enddt": occurrence.end_at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "allday": "false",
        }
    query = {
        "path": "/calendar/action/compose",
        "rru": "addevent",
        "subject": _title(event),
        **times,
        "body": _details(event, page_url),
        "location": _where(event, occurrence),
    }
    return f"{OUTLOOK}?{urlencode(query, quote_via=quote)}"
