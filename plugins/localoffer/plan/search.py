"""Compact search entries for records, instead of indexing every record page in full.

mkdocs-material's stock search index holds the text of every page, and a reader downloads all
of it before the first search: for a ten-year archive that was 15 MB. Consultation and event
pages are left out of it (``PagePlan.search=False``); each gets one entry here instead, with its
title and summary. Events that ended more than three months ago get none (as in the calendar
feeds): they stay reachable from the past events pages. A service's entry has its title,
organisation, summary and the words of its categories and needs, so that a search for "speech"
or "autism" finds it; its page is rendered with the record pages (``mkdocs/direct_pages``)
rather than through MkDocs' page loop, which indexing it in full would need. A feedback
round's entry has all its words (``PagePlan.search_text``: the summary, themes, comments,
responses and quotes), so that what children, young people and parents said can be found.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from localoffer.core.derive.occurrences import awaits_new_date
from localoffer.core.derive.status import STATUS_LABELS, paused_now, status_at
from localoffer.core.models.consultation import Consultation
from localoffer.core.models.service import Service
from localoffer.core.site import Site
from localoffer.plan.consultation_view import labels
from localoffer.plan.keys import site_keys
from localoffer.plan.model import PagePlan
from localoffer.plan.updated import page_url

KEEP_PAST_EVENTS = timedelta(days=92)


@dataclass(frozen=True)
class SearchEntry:
    location: str  # relative to the site root: "consultations/short-breaks/"
    title: str
    text: str


def consultation_state(consultation: Consultation, now: datetime) -> str:
    """Its status in words, as its page says it: "paused" while paused, not "open"."""
    if paused_now(consultation, now):
        return "paused"
    return STATUS_LABELS[status_at(consultation, now)].lower()


def search_entries(site: Site, pages: Mapping[str, PagePlan] | None = None) -> list[SearchEntry]:
    """The compact entries: of consultations, events and services, and of the planned ``pages``
    that carry their own text (``search_text``)."""
    entries = [
        SearchEntry(
            f"consultations/{c.id}/",
            c.title,
            f"Consultation ({consultation_state(c, site.now)}). {c.summary}",
        )
        for c in site.consultations.values()
    ]
    cutoff = site.now - KEEP_PAST_EVENTS
    keys = site_keys(site)
    for event in site.events.values():
        found = keys.event_facts(event).occurrences  # worked out once while the file is unchanged
        # (an event awaiting a new date stays findable, whenever it was planned for, and so
        # does a group that meets without fixed dates)
        if event.standing or (found and (found[-1].end_at >= cutoff or awaits_new_date(event))):
            kind = "Engagement opportunity" if event.engagement else "Event"
            entries.append(
                SearchEntry(f"events/{event.id}/", event.title, f"{kind}. {event.summary}")
            )
    entries.extend(service_entry(site, service) for service in site.services.values())
    entries.extend(
        SearchEntry(page_url(page.src_uri), page.title, page.search_text)
        for page in (pages or {}).values()
        if page.search_text
    )
    return sorted(entries, key=lambda entry: entry.location)


def service_entry(site: Site, service: Service) -> SearchEntry:
    """A service's entry: "Service from ORGANISATION. SUMMARY Categories; needs."."""
    words = labels(site, "service_categories", service.categories) + labels(
        site, "needs", service.needs
    )
    text = f"Service from {service.organisation.name}. {service.summary} {'; '.join(words)}."
    return SearchEntry(f"services/{service.id}/", service.title, text)
