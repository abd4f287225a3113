"""The services directory's list (``/services/``): its items, filters and facet pages.

Each item carries the ``data-`` attributes of the shared filter script (``filters.js``):
``data-category``, ``data-need``, ``data-area``, ``data-age-from``/``data-age-to`` and
``data-free``. A service that names no need is open to every need, and a countywide one serves
every local area, so their attributes list all of those terms: the filter then finds them under
each. Free text is matched against the item's own text.

Without JavaScript, the directory links a page for each category and each need
(``/services/category/<term>/``, ``/services/need/<term>/``), listing its services: those
folders are reserved (``core/rules/reserved.py``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from localoffer.core.models.service import Service
from localoffer.core.rules.reserved import SERVICES_CATEGORY, SERVICES_NEED
from localoffer.core.site import Site
from localoffer.core.vocabulary import Vocabularies
from localoffer.plan.consultation_register import FilterField, FilterOption
from localoffer.plan.consultation_view import labels
from localoffer.plan.event_views import lower_first
from localoffer.plan.model import PagePlan
from localoffer.plan.service_view import REFERRAL_SHORT, ages_words
from localoffer.present.cost import govuk_cost

LIST_ID = "lo-services-list"
SECTION = "Services"
#: Areas that are not places in the county: a countywide service does not cover them.
NOT_LOCAL = frozenset({"countywide", "online", "national"})


@dataclass(frozen=True)
class DirectoryItem:
    id: str
    title: str
    href: str
    summary: str
    organisation: str
    categories: tuple[str, ...]
    ages: str
    cost: str
    referral: str
    review_overdue: bool
    data: dict[str, str]


@dataclass(frozen=True)
class Facet:
    field: str
    vocabulary: str
    folder: str
    legend: str

    def url(self, term: str) -> str:
        return f"services/{self.folder}/{term}/"

    def title(self, label: str) -> str:
        if self.field == "need":
            return f"Services for {lower_first(label)} needs"
        return f"{label} services"


FACETS = (
    Facet("category", "service_categories", SERVICES_CATEGORY, "Type of service"),
    Facet("need", "needs", SERVICES_NEED, "Area of need"),
)


def filter_terms(service: Service, vocabularies: Vocabularies) -> dict[str, list[str]]:
    """The terms each filter finds ``service`` under."""
    needs = list(service.needs) or list(vocabularies.allowed("needs"))
    areas = list(service.areas)
    if "countywide" in areas:
        areas += [a for a in vocabularies.allowed("areas") if a not in NOT_LOCAL and a not in areas]
    return {"category": list(service.categories), "need": needs, "area": areas}


def directory_item(site: Site, service: Service, overdue: bool) -> DirectoryItem:
    vocabularies = site.settings.vocabularies
    terms = filter_terms(service, vocabularies)
    data = {f"data-{name}": " ".join(found) for name, found in terms.items()}
    if service.ages is not None:
        data["data-age-from"] = str(service.ages.from_)
        data["data-age-to"] = str(service.ages.to)
    data["data-free"] = "true" if service.is_free else "false"
    return DirectoryItem(
        id=service.id,
        title=service.title,
        href=f"services/{service.id}/",
        summary=service.summary,
        organisation=service.organisation.name,
        categories=labels(site, "service_categories", service.categories),
        ages=ages_words(service),
        cost=govuk_cost(service.cost),
        referral=REFERRAL_SHORT[service.referral],
        review_overdue=overdue,
        data=data,
    )


def filter_fields(site: Site, items: Iterable[DirectoryItem]) -> tuple[FilterField, ...]:
    """The checkbox groups: the terms the services have, each with how many have it."""
    vocabularies = site.settings.vocabularies
    listed = list(items)
    fields = []
    for name, vocabulary, legend in (
        ("category", "service_categories", "Type of service"),
        ("need", "needs", "Area of need"),
        ("area", "areas", "Area"),
    ):
        counts = {term: 0 for term in vocabularies.allowed(vocabulary)}
        for item in listed:
            for term in item.data[f"data-{name}"].split():
                if term in counts:
                    counts[term] += 1
        options = tuple(
            FilterOption(term, vocabularies.label(vocabulary, term), count)
            for term, count in counts.items()
            if count
        )
        if options:
            fields.append(FilterField(name, legend, options))
    return tuple(fields)


def facet_links(fields: Iterable[FilterField]) -> list[dict[str, Any]]:
    """The links /services/ offers without JavaScript: a page for each category and need."""
    offered = {field.name: field.options for field in fields}
    groups = []
    for facet in FACETS:
        links = [
            {"label": option.label, "url": facet.url(option.value), "count": option.count}
            for option in offered.get(facet.field, ())
        ]
        if links:
            groups.append({"field": facet.field, "legend": facet.legend, "links": links})
    return groups


def facet_pages(site: Site, items: list[DirectoryItem]) -> Iterator[PagePlan]:
    """A page for every term of the categories and needs, so that an address holds while no
    service has its term (the page then says so). One pass sorts the items into them."""
    vocabularies = site.settings.vocabularies
    found: dict[tuple[str, str], list[DirectoryItem]] = {}
    for item in items:
        for facet in FACETS:
            for term in item.data[f"data-{facet.field}"].split():
                found.setdefault((facet.field, term), []).append(item)
    for facet in FACETS:
        for term in vocabularies.allowed(facet.vocabulary):
            title = facet.title(vocabularies.label(facet.vocabulary, term))
            listed = found.get((facet.field, term), [])
            yield PagePlan(
                src_uri=f"{facet.url(term)}index.md",
                title=title,
                template="localoffer/services-facet.html",
                context={
                    "lo_services_facet": {
                        "title": title,
                        "services": listed,
                        "filter_url": f"services/?{facet.field}={term}",
                    }
                },
                html_title=f"{title} – {SECTION} – {site.settings.site_name}",
                description=f"{title} in the Local Offer: support for children and young people "
                "with SEND and their families.",
                search=False,
            )
