"""The ways to keep up to date that a page offers ("Get updates"): the feeds and calendars the
site publishes, and the council's email updates when it has a service that sends an email for
each new feed entry (the ``email_updates`` setting; see docs/hosting.md). A static site cannot
keep a mailing list itself, so it never promises one it does not have."""

from __future__ import annotations

from dataclasses import dataclass

from localoffer.core.site import Site
from localoffer.export.atom import FEED_PATH as CONSULTATIONS_FEED
from localoffer.export.feedback_feed import FEED_PATH as FEEDBACK_FEED
from localoffer.export.services_feed import FEED_PATH as SERVICES_FEED

CONTEXT_KEY = "lo_follow"
EVENTS_CALENDAR = "events/calendar.ics"
ENGAGEMENT_CALENDAR = "events/engagement.ics"


@dataclass(frozen=True)
class Way:
    """One way to follow: a feed for a feed reader, a calendar to subscribe to, or email."""

    kind: str  # "feed", "calendar" or "email"
    label: str  # the link's words, which say what it is on their own
    path: str  # a path in the site, or "" for the email sign-up
    url: str = ""  # for a calendar: its webcal:// address; for email: the sign-up page


@dataclass(frozen=True)
class Follow:
    heading: str
    ways: tuple[Way, ...]


def _feed(label: str, path: str) -> Way:
    return Way("feed", label, path)


def _calendar(site: Site, label: str, path: str) -> Way:
    host = site.settings.base_url.split("://", 1)[-1]
    return Way("calendar", label, path, f"webcal://{host}/{path}")


def _email(site: Site) -> tuple[Way, ...]:
    url = site.settings.email_updates
    return (Way("email", "Sign up for email updates", "", url),) if url else ()


def register_follow(site: Site, src_uri: str) -> Follow | None:
    """The ways to follow a register, by its page's ``src_uri``; None for other pages. (The
    events calendar offers its own calendar subscriptions, by audience, on the page.)"""
    if src_uri == "consultations/index.md":
        ways = (_feed("Consultations feed (Atom)", CONSULTATIONS_FEED), *_email(site))
    elif src_uri == "you-said-we-did/index.md":
        ways = (_feed("You said, we did feed (Atom)", FEEDBACK_FEED), *_email(site))
    elif src_uri == "services/index.md":  # the directory (its page is the services section's)
        ways = (_feed("Services feed (Atom)", SERVICES_FEED), *_email(site))
    elif src_uri == "events/index.md":
        ways = _email(site)
    else:
        return None
    return Follow("Get updates", ways) if ways else None


def site_follow(site: Site) -> Follow:
    """The ways to follow the whole site, for content pages."""
    return Follow(
        "Get updates",
        (
            _feed("New consultations and outcomes (Atom feed)", CONSULTATIONS_FEED),
            _calendar(site, "Engagement opportunities (calendar)", ENGAGEMENT_CALENDAR),
            _calendar(site, "All events (calendar)", EVENTS_CALENDAR),
            _feed("You said, we did (Atom feed)", FEEDBACK_FEED),
            *_email(site),
        ),
    )
