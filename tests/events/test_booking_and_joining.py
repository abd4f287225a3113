"""Booking and joining online, as the event page and the calendar feed say them (issue 18,
item 7): a feed never prints a bare "Booking" line for an event that needs no booking, and an
online event without a link says how the link comes, following its booking, in the same way on
the page and in the feed. A small site of such events is built for real at TODAY.
"""

from __future__ import annotations

from pathlib import Path

import icalendar
import pytest

from .conftest import TODAY
from .sitebuild import build_site, page
from .test_pages import summary_row, text

#: Booking and joining online, each way an editor can write them (issue 18, item 7).
BOOKING_EVENTS: dict[str, str] = {
    # Booking given but not required, with no way to book: nothing to say about booking.
    "no-booking-drop-in": """\
        ---
        title: Short breaks drop-in
        summary: Drop in to talk about short breaks.
        starts: 2026-12-02 10:00
        kind: drop-in
        audiences: [parents-carers]
        location:
          name: Anbury Library
        booking:
          required: false
          deadline: 2026-12-01
        organiser: Short Breaks Team
        ---
        """,
    # Not required, but people may say they are coming.
    "book-if-you-like-coffee-morning": """\
        ---
        title: Coffee morning
        summary: Meet other parents and carers.
        starts: 2026-12-03 10:00
        kind: drop-in
        audiences: [parents-carers]
        location:
          name: The Kestleford Centre
        booking:
          required: false
          email: coffee@anyshire.example
        organiser: Kestleford Family Hub
        ---
        """,
    # Online without a link, booking required: the link comes with the booking.
    "booked-online-session": """\
        ---
        title: Online session on transport
        summary: Questions and answers on school transport.
        starts: 2026-12-04 18:00
        kind: information-session
        audiences: [parents-carers]
        online:
          platform: Microsoft Teams
        booking:
          required: true
          url: https://haveyoursay.anyshire.example/transport-session
        organiser: SEND Transport Team
        ---
        """,
    # Online without a link and no booking: the link will be on the page.
    "open-online-session": """\
        ---
        title: Online session on short breaks
        summary: Questions and answers on short breaks.
        starts: 2026-12-05 18:00
        kind: information-session
        audiences: [parents-carers]
        online:
          platform: Microsoft Teams
        organiser: Short Breaks Team
        ---
        """,
}


@pytest.fixture(scope="module")
def booking_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small site of BOOKING_EVENTS, built at TODAY."""
    return build_site(tmp_path_factory.mktemp("booking-site"), BOOKING_EVENTS, TODAY)


def descriptions(site: Path) -> dict[str, list[str]]:
    """Each event's DESCRIPTION in the site's calendar feed, as its lines."""
    calendar = icalendar.Calendar.from_ical((site / "events" / "calendar.ics").read_bytes())
    events = calendar.walk("VEVENT")
    return {str(e["UID"]).split("@")[0]: str(e["DESCRIPTION"]).splitlines() for e in events}


def test_booking_is_only_mentioned_when_there_is_something_to_say(booking_site: Path) -> None:
    found = descriptions(booking_site)
    # Not required and no way to book: no bare "Booking" (or "Booking by ...") line at all.
    drop_in = found["no-booking-drop-in"]
    assert not [line for line in drop_in if line.startswith("Booking") or " book" in line]
    coffee = found["book-if-you-like-coffee-morning"]
    assert not [line for line in coffee if line.startswith("Booking")]
    assert (
        "You do not need to book, but it helps us to know you are coming: coffee@anyshire.example"
        in coffee
    )
    assert (
        "Booking required: https://haveyoursay.anyshire.example/transport-session"
        in found["booked-online-session"]
    )


def test_how_the_link_to_join_comes_follows_the_booking(booking_site: Path) -> None:
    found = descriptions(booking_site)
    assert (
        "Join online (Microsoft Teams): the link is sent when you book"
        in found["booked-online-session"]
    )
    open_session = found["open-online-session"]
    assert (
        "Join online (Microsoft Teams): the link will be published on the event page before the "
        "event" in open_session
    )
    assert not [line for line in open_session if "when you book" in line]


def test_an_online_event_without_a_link_says_how_it_comes_as_booking_does(
    booking_site: Path, events_site: Path
) -> None:
    booked = page(booking_site, "events/booked-online-session")
    assert "The link to join is sent to you when you book." in text(summary_row(booked, "Where"))
    assert "You need to book." in text(summary_row(booked, "Booking"))
    for site, url in (
        (booking_site, "events/open-online-session"),
        (events_site, "events/rescheduled-afternoon"),  # hybrid, without booking
    ):
        soup = page(site, url)
        where = text(summary_row(soup, "Where"))
        assert "The link to join will be published on this page before the event." in where
        assert "sent to you" not in where and "when you book" not in where
        assert text(summary_row(soup, "Booking")) == "You do not need to book."
