"""Record ids that would take over an address of the site's own pages.

A record's id fixes its address (``/events/<id>/``), and the sections publish pages of their
own in the same places: the registers, the calendar's engagement, past and month pages, its
audience feeds, and the yearly "You said, we did" pages. Those addresses are public and linked
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
EVENTS_AUDIENCE = "audience"  # /events/audience/<term>.ics: a feed per audience

#: Reserved id -> what its address is, per record folder.
CONSULTATIONS: Mapping[str, str] = {
    "index": "/consultations/ is the consultation register (its page is consultations/index.html)",
}
EVENTS: Mapping[str, str] = {
    "index": "/events/ is the events calendar (its page is events/index.html)",
    EVENTS_ENGAGEMENT: "/events/engagement/ is the calendar's list of engagement opportunities",
    EVENTS_PAST: "/events/past/ is where the calendar lists past events",
    EVENTS_MONTH: "/events/month/ is where the calendar has a page for each month",
    EVENTS_AUDIENCE: "/events/audience/ is where the calendar feeds for each audience are",
}
FEEDBACK: Mapping[str, str] = {
    "index": "/you-said-we-did/ is the register of comments and responses (its page is "
    "you-said-we-did/index.html)",
}
#: A feedback round's id cannot be a year: /you-said-we-did/<year>/ is that year's page.
YEAR = re.compile(r"^[0-9]{4}$")


def reserved_reason(folder: str, record_id: str) -> str | None:
    """Why ``record_id`` cannot be used in ``folder`` (``consultations``, ``events`` or
    ``responses``), or None if it can."""
    if folder == "responses" and YEAR.match(record_id):
        return f"/you-said-we-did/{record_id}/ is the page of every comment received in {record_id}"
    reserved = {"consultations": CONSULTATIONS, "events": EVENTS, "responses": FEEDBACK}[folder]
    return reserved.get(record_id)


def check_reserved_ids(site: Site) -> Iterator[Problem]:
    folders: tuple[tuple[str, str, Mapping[str, RecordModel]], ...] = (
        ("consultations", "a consultation", site.consultations),
        ("events", "an event", site.events),
        ("responses", "a feedback round", site.feedback),
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
