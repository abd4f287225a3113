"""Record ids that would take over an address of the site's own pages.

A record's id fixes its address (``/events/<id>/``), and the sections publish pages of their
own in the same places: the registers and their pages for one status, audience, topic, area or
kind, the calendar's engagement, past and month pages, its audience feeds, and the yearly "You
said, we did" pages. Those addresses are public and linked
to, so they never move: a record (or an old id in ``previous_ids``) that would take one over is
an error, and the editor renames the file. The site plan takes the folder names from here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

from localoffer.core.models.base import ID_PATTERN, RecordModel
from localoffer.core.problems import Problem, Severity, error
from localoffer.core.site import Site

#: Folders of the events calendar's own pages and files under ``/events/``.
EVENTS_ENGAGEMENT = "engagement"  # /events/engagement/: the engagement opportunities
EVENTS_PAST = "past"  # /events/past/ and /events/past/YYYY/: past events by year
EVENTS_MONTH = "month"  # /events/month/YYYY-MM/: a month's events
EVENTS_AUDIENCE = "audience"  # /events/audience/<term>.ics and /<term>/: by audience
EVENTS_AREA = "area"  # /events/area/<term>/: upcoming events in an area
EVENTS_KIND = "kind"  # /events/kind/<term>/: upcoming events of a kind
EVENTS_ACCESS = "access"  # /events/access/<term>/: upcoming events with a provision (BSL...)
#: Folders of the consultation register's pages for one status, audience or topic.
CONSULTATIONS_STATUS = "status"  # /consultations/status/open/
CONSULTATIONS_AUDIENCE = "audience"  # /consultations/audience/<term>/
CONSULTATIONS_TOPIC = "topic"  # /consultations/topic/<term>/

#: Reserved id -> what its address is, per record folder.
CONSULTATIONS: Mapping[str, str] = {
    "index": "/consultations/ is the consultation register (its page is consultations/index.html)",
    CONSULTATIONS_STATUS: "/consultations/status/ is where the register lists consultations by "
    "status",
    CONSULTATIONS_AUDIENCE: "/consultations/audience/ is where the register lists consultations "
    "by who they are for",
    CONSULTATIONS_TOPIC: "/consultations/topic/ is where the register lists consultations by topic",
}
EVENTS: Mapping[str, str] = {
    "index": "/events/ is the events calendar (its page is events/index.html)",
    EVENTS_ENGAGEMENT: "/events/engagement/ is the calendar's list of engagement opportunities",
    EVENTS_PAST: "/events/past/ is where the calendar lists past events",
    EVENTS_MONTH: "/events/month/ is where the calendar has a page for each month",
    EVENTS_AUDIENCE: "/events/audience/ is where the calendar feeds for each audience are",
    EVENTS_AREA: "/events/area/ is where the calendar lists the events in each area",
    EVENTS_KIND: "/events/kind/ is where the calendar lists the events of each kind",
    EVENTS_ACCESS: "/events/access/ is where the calendar lists the events with each kind of "
    "access and support (BSL, a crèche...)",
}
FEEDBACK: Mapping[str, str] = {
    "index": "/you-said-we-did/ is the register of comments and responses (its page is "
    "you-said-we-did/index.html)",
}
#: Folders of the services directory's pages for one category or need.
SERVICES_CATEGORY = "category"  # /services/category/short-breaks/
SERVICES_NEED = "need"  # /services/need/sensory-and-physical/
SERVICES: Mapping[str, str] = {
    "index": "/services/ is the services directory (its page is services/index.html)",
    SERVICES_CATEGORY: "/services/category/ is where the directory lists services by type",
    SERVICES_NEED: "/services/need/ is where the directory lists services by area of need",
}
#: A feedback round's id cannot be a year: /you-said-we-did/<year>/ is that year's page.
YEAR = re.compile(r"^[0-9]{4}$")


def reserved_reason(folder: str, record_id: str) -> str | None:
    """Why ``record_id`` cannot be used in ``folder`` (``consultations``, ``events``,
    ``responses`` or ``services``), or None if it can."""
    if folder == "responses" and YEAR.match(record_id):
        return f"/you-said-we-did/{record_id}/ is the page of every comment received in {record_id}"
    reserved = {
        "consultations": CONSULTATIONS,
        "events": EVENTS,
        "responses": FEEDBACK,
        "services": SERVICES,
    }[folder]
    return reserved.get(record_id)


def check_reserved_ids(site: Site) -> Iterator[Problem]:
    folders: tuple[tuple[str, str, Mapping[str, RecordModel]], ...] = (
        ("consultations", "a consultation", site.consultations),
        ("events", "an event", site.events),
        ("responses", "a feedback round", site.feedback),
        ("services", "a service", site.services),
    )
    for folder, noun, records in folders:
        for record in records.values():
            reason = reserved_reason(folder, record.id)
            if reason is not None:
                yield error(
                    record.path,
                    1,
                    1,
                    f"'{record.id}' cannot be the id of {noun}: {reason}. Rename the file to "
                    f"a descriptive name, {_example(folder, record, records)}",
                )
            for index, old in enumerate(getattr(record, "previous_ids", [])):
                reason = reserved_reason(folder, old)
                if reason is not None:
                    yield site.problem(
                        record,
                        ("previous_ids", index),
                        Severity.ERROR,
                        f"'{old}' cannot be an old id: {reason}, so it cannot redirect here. "
                        f"Remove it from previous_ids",
                    )


def _example(folder: str, record: RecordModel, records: Mapping[str, RecordModel]) -> str:
    """``such as 'parent-carer-forum-spring-2025.yml'``: the title as an id, if it is free."""
    title: str = getattr(record, "title", "")
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:60].rstrip("-")
    if not ID_PATTERN.match(slug) or slug in records or reserved_reason(folder, slug):
        return "such as the title in lowercase words joined by hyphens"
    suffix = record.path.rsplit("/", 1)[-1].rsplit(".", 1)
    return f"such as '{slug}.{suffix[1]}'" if len(suffix) == 2 else f"such as '{slug}'"
