"""The words a calendar entry's description uses for joining online and for booking, the same
as the event page says them.

- Joining online without a link: when booking is required the link is sent when people book;
  otherwise it will be on the event page before the event (the editor adds ``online.url``).
- Booking: "Booking required" (by the deadline), with the ways to book; when booking is not
  required but there are ways to book, the page's "You do not need to book, but it helps us to
  know you are coming", with them; with neither, no line at all (never a bare "Booking").
"""

from __future__ import annotations

from localoffer.core.models.event import Event
from localoffer.present.dates import govuk_date

LINK_WHEN_BOOKED = "the link is sent when you book"
LINK_ON_THE_PAGE = "the link will be published on the event page before the event"


def joining_text(event: Event) -> str | None:
    """``Join online (Teams): LINK-OR-HOW``, or None for an event that is not online."""
    online = event.online
    if online is None:
        return None
    booking = event.booking
    how = online.url or (
        LINK_WHEN_BOOKED if booking is not None and booking.required else LINK_ON_THE_PAGE
    )
    return f"Join online ({online.platform}): {how}"


def booking_text(event: Event) -> str | None:
    """The booking line, or None when there is nothing to say about booking."""
    booking = event.booking
    if booking is None:
        return None
    ways = ", ".join(way for way in (booking.url, booking.email, booking.phone) if way)
    by = govuk_date(booking.deadline) if booking.deadline is not None else ""
    if booking.required:
        text = f"Booking required by {by}" if by else "Booking required"
        return f"{text}: {ways}" if ways else text
    if not ways:
        return None
    text = "You do not need to book, but it helps us to know you are coming"
    return f"{text} (by {by}): {ways}" if by else f"{text}: {ways}"
