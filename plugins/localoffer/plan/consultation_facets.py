"""The register's pages for one status, audience or topic, and the links to them.

Pages (``src_uri`` → URL), one for each of the five statuses and for every term of the
audiences and topics vocabularies, so that an address holds while no consultation has its term
(the page then says there are none):

- ``consultations/status/<status>/index.md`` → ``/consultations/status/open/``
- ``consultations/audience/<term>/index.md`` → ``/consultations/audience/parents-carers/``
- ``consultations/topic/<term>/index.md`` → ``/consultations/topic/short-breaks/``

Each shows the register's own sections and items (``consultation_register.py``) narrowed to its
term. They are how the register is filtered without JavaScript: /consultations/ links them
(``facet_links``). The folders are reserved (``core/rules/reserved.py``). The items are sorted
into their pages in one pass, so the cost grows with the consultations and their terms.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

from localoffer.core.rules.reserved import (
    CONSULTATIONS_AUDIENCE,
    CONSULTATIONS_STATUS,
    CONSULTATIONS_TOPIC,
)
from localoffer.core.site import Site
from localoffer.plan.consultation_register import SECTIONS, Register, RegisterItem
from localoffer.plan.event_views import lower_first
from localoffer.plan.model import PagePlan

REGISTER_TITLE = "Consultations"


@dataclass(frozen=True)
class ConsultationFacet:
    field: str  # the filter form's field, and the items' data-* attribute
    folder: str

    def url(self, term: str) -> str:
        return f"consultations/{self.folder}/{term}/"

    def title(self, label: str) -> str:
        if self.field == "audience":
            return f"Consultations for {lower_first(label)}"
        return f"Consultations by topic: {label}"


STATUS = ConsultationFacet("status", CONSULTATIONS_STATUS)
FACETS = (
    STATUS,
    ConsultationFacet("audience", CONSULTATIONS_AUDIENCE),
    ConsultationFacet("topic", CONSULTATIONS_TOPIC),
)
VOCABULARIES = {"audience": "audiences", "topic": "topics"}
LEGENDS = {"status": "Status", "audience": "Who it is for", "topic": "Topic"}


def facet_links(register: Register) -> list[dict[str, Any]]:
    """The links /consultations/ offers without JavaScript: the pages of the terms its filter
    form offers, with how many consultations each has."""
    offered = {field.name: field.options for field in register.filters}
    groups = []
    for facet in FACETS:
        links = [
            {"label": option.label, "url": facet.url(option.value), "count": option.count}
            for option in offered.get(facet.field, ())
        ]
        if links:
            groups.append({"field": facet.field, "legend": LEGENDS[facet.field], "links": links})
    return groups


def facet_pages(site: Site, register: Register) -> Iterator[PagePlan]:
    vocabularies = site.settings.vocabularies
    found: dict[tuple[str, str], set[str]] = {}  # (field, term) -> ids of its items
    for section in register.sections:
        for item in section.items:
            found.setdefault(("status", section.status), set()).add(item.id)
            for field in VOCABULARIES:
                for term in item.data.get(f"data-{field}", "").split():
                    found.setdefault((field, term), set()).add(item.id)
    headings = {status.value: heading for status, heading, _ in SECTIONS}
    for facet in FACETS:
        if facet is STATUS:
            terms = [(status.value, headings[status.value]) for status, _, _ in SECTIONS]
        else:
            vocabulary = VOCABULARIES[facet.field]
            terms = [
                (term, facet.title(vocabularies.label(vocabulary, term)))
                for term in vocabularies.allowed(vocabulary)
            ]
        for term, title in terms:
            yield _page(site, register, facet, term, title, found.get((facet.field, term), set()))


def _page(
    site: Site,
    register: Register,
    facet: ConsultationFacet,
    term: str,
    title: str,
    ids: set[str],
) -> PagePlan:
    sections = []
    for section in register.sections:
        items: tuple[RegisterItem, ...] = tuple(item for item in section.items if item.id in ids)
        if items:
            sections.append(replace(section, items=items))
    context = {
        "lo_consultation_facet": {
            "field": facet.field,
            "title": title,
            "total": len(ids),
            "sections": sections,
            "show_headings": facet is not STATUS,
            "filter_url": f"consultations/?{facet.field}={term}",
        },
        "lo_register": register,
    }
    return PagePlan(
        src_uri=f"{facet.url(term)}index.md",
        title=title,
        template="localoffer/consultations-facet.html",
        context=context,
        html_title=f"{title} – {REGISTER_TITLE} – {site.settings.site_name}",
        description=f"{title}: consultations on services for children and young people with "
        "SEND and their families.",
        search=False,
    )
