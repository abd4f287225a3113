"""The calendar's pages for one audience, area or type of event, and the links to them.

Pages (``src_uri`` → URL), one for every term of the vocabulary, so that an address holds while
no event uses its term (the page then says there are none):

- ``events/audience/<term>/index.md`` → ``/events/audience/parents-carers/`` (an event for
  everyone is listed for every audience, as the filter does)
- ``events/area/<term>/index.md`` → ``/events/area/north/``
- ``events/kind/<term>/index.md`` → ``/events/kind/workshop/``
- ``events/access/<term>/index.md`` → ``/events/access/bsl/`` (events with that provision)

Each lists its upcoming occurrences with the list items of /events/, at most ``FACET_LISTED``
and about ``FACET_BUDGET`` bytes of them, cut at the end of a day, then its postponed events and
groups that meet without fixed dates, and links the months with more. They are how the calendar
is filtered without JavaScript: /events/ links them (``facet_links``). The folders are reserved
(``core/rules/reserved.py``). Finding the terms is one pass over the upcoming occurrences; each
page holds at most its cap, so the cost grows with the records, not with records times terms.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from localoffer.core.models.event import Event
from localoffer.core.rules.reserved import (
    EVENTS_ACCESS,
    EVENTS_AREA,
    EVENTS_AUDIENCE,
    EVENTS_KIND,
)
from localoffer.core.vocabulary import Vocabularies
from localoffer.plan.event_index import EventEntry, EventIndex, Listing, month_key, month_label
from localoffer.plan.event_lists import grouped, html_title, window
from localoffer.plan.event_views import ItemMaker, audience_terms, lower_first
from localoffer.plan.model import PagePlan
from localoffer.present.dates import govuk_date_with_weekday

FACET_LISTED = 50  # occurrences on a facet page at most, and about this many bytes of items:
FACET_BUDGET = 30_000  # a facet page stays under about 70 KB whatever the corpus


@dataclass(frozen=True)
class Facet:
    """A way to narrow the calendar: the filter field's name, its vocabulary and its folder."""

    field: str  # the filter form's field (``audience``) and the list items' data-* attribute
    vocabulary: str
    folder: str
    legend: str  # as the filter form's fieldset says it

    def url(self, term: str) -> str:
        return f"events/{self.folder}/{term}/"

    def terms_of(self, event: Event, vocabularies: Vocabularies) -> list[str]:
        if self.field == "audience":
            return audience_terms(event, vocabularies)
        if self.field == "area":
            return list(event.areas)
        if self.field == "access":
            return list(event.provisions)
        return [event.kind]

    def title(self, label: str) -> str:
        if self.field == "audience":
            return f"Events for {lower_first(label)}"
        if self.field == "area":
            return f"Events by area: {label}"
        if self.field == "access":
            return f"Events with access and support: {label}"
        return f"Events by type: {label}"


FACETS: tuple[Facet, ...] = (
    Facet("audience", "audiences", EVENTS_AUDIENCE, "Who it is for"),
    Facet("area", "areas", EVENTS_AREA, "Area"),
    Facet("kind", "event_kinds", EVENTS_KIND, "Type of event"),
    Facet("access", "provisions", EVENTS_ACCESS, "Access and support"),
)


def facet_links(used: Mapping[str, list[tuple[str, str]]]) -> list[dict[str, Any]]:
    """The links /events/ offers without JavaScript: for each facet, its pages for the terms
    the filter form offers (``used``: the form's options by field name)."""
    groups = []
    for facet in FACETS:
        links = [{"label": label, "url": facet.url(term)} for term, label in used[facet.field]]
        if links:
            groups.append({"field": facet.field, "legend": facet.legend, "links": links})
    return groups


def _buckets(index: EventIndex, vocabularies: Vocabularies) -> dict[tuple[str, str], list[Listing]]:
    """Every upcoming occurrence under each (field, term) its event has: one pass."""
    terms: dict[str, list[tuple[str, str]]] = {}
    found: dict[tuple[str, str], list[Listing]] = {}
    for item in index.upcoming():
        keys = terms.get(item.entry.id)
        if keys is None:
            keys = terms[item.entry.id] = [
                (facet.field, term)
                for facet in FACETS
                for term in facet.terms_of(item.event, vocabularies)
            ]
        for key in keys:
            found.setdefault(key, []).append(item)
    return found


def _has(facet: Facet, term: str, entry: EventEntry, vocabularies: Vocabularies) -> bool:
    return term in facet.terms_of(entry.event, vocabularies)


def facet_pages(
    index: EventIndex, make: ItemMaker, months: Mapping[str, list[Listing]]
) -> Iterator[PagePlan]:
    site = index.site
    vocabularies = site.settings.vocabularies
    buckets = _buckets(index, vocabularies)
    held = index.held()
    standing = index.standing()
    this_month = month_key(index.today)
    for facet in FACETS:
        for term in vocabularies.allowed(facet.vocabulary):
            upcoming = buckets.get((facet.field, term), [])
            listed, covered_to, capped = window(
                upcoming, date.max, most=FACET_LISTED, budget=FACET_BUDGET
            )
            label = vocabularies.label(facet.vocabulary, term)
            title = facet.title(label)
            later = sorted({month_key(item.day) for item in upcoming[len(listed) :]})
            context = {
                "lo_facet": {
                    "field": facet.field,
                    "term": term,
                    "title": title,
                    "label": label,
                    "months": grouped(index, make, listed),
                    "postponed": [
                        make.undated(item)
                        for item in held
                        if _has(facet, term, item.entry, vocabularies)
                    ],
                    "standing": [
                        make.standing(entry)
                        for entry in standing
                        if _has(facet, term, entry, vocabularies)
                    ],
                    "listed": len(listed),
                    "more": len(upcoming) - len(listed),
                    "capped": capped,
                    "covered_to": govuk_date_with_weekday(covered_to) if capped else "",
                    "month_links": [
                        {"label": month_label(key), "url": index.paths.month_url(key)}
                        for key in later
                        if key >= this_month and key in months
                    ],
                    "feed": index.paths.audience_feed(term) if facet.field == "audience" else "",
                    "filter_url": f"events/?{facet.field}={term}",
                    "paths": index.paths,
                    "base_url": site.settings.base_url,
                }
            }
            yield PagePlan(
                src_uri=f"{facet.url(term)}index.md",
                title=title,
                template="localoffer/events-facet.html",
                context=context,
                html_title=html_title(site, title),
                description=f"{title}: upcoming events, day by day.",
                search=False,
            )
