"""The calendar reminder of an upcoming consultation's opening: ``/consultations/<id>/opens.ics``.

One VEVENT at the opening: all day on the opening date (``opens: 2027-03-01``), or at the
opening time (``opens: 2027-03-01 09:30``, a moment, with the London time zone). Its UID is made
from the consultation's id and the site's host, so importing the file again updates the same
entry; DTSTAMP is the build's "now". There is no reminder when the opening date is unknown.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from urllib.parse import urlsplit

from localoffer.core.models.consultation import Consultation
from localoffer.core.site import Site
from localoffer.export.ics_text import (
    VTIMEZONE_LONDON,
    content_line,
    serialise,
    text_line,
    utc_stamp,
    when_line,
)
from localoffer.present.date_or_time import govuk_date_or_time

PRODID = "-//localoffer//Local Offer consultations//EN"


def reminder_uid(site: Site, consultation: Consultation) -> str:
    host = urlsplit(site.settings.base_url).hostname or "localoffer"
    return f"consultation-{consultation.id}-opens@{host}"


def reminder_ics(site: Site, consultation: Consultation) -> bytes:
    opens = consultation.opens
    if opens is None:
        raise ValueError(f"{consultation.id}: the opening date is unknown, so there is no reminder")
    page = f"{site.settings.base_url}/consultations/{consultation.id}/"
    closes = govuk_date_or_time(consultation.closes)
    if isinstance(opens, datetime):
        # A moment: the start, and a quarter of an hour for the calendar to show.
        when = [when_line("DTSTART", opens), when_line("DTEND", opens + timedelta(minutes=15))]
        zone = list(VTIMEZONE_LONDON)
    else:
        when = [when_line("DTSTART", opens), when_line("DTEND", opens + timedelta(days=1))]
        zone = []
    description = (
        f"{consultation.summary}\n\nThe consultation opens {govuk_date_or_time(opens)} and "
        f"closes {closes}. Find out how to respond: {page}"
    )
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        content_line("PRODID", PRODID),
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        *zone,
        "BEGIN:VEVENT",
        text_line("UID", reminder_uid(site, consultation)),
        content_line("DTSTAMP", utc_stamp(site.now)),
        *when,
        text_line("SUMMARY", f"Consultation opens: {consultation.title}"),
        text_line("DESCRIPTION", description),
        content_line("URL", page),
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return serialise(lines)
