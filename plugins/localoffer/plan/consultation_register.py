"""The consultation register (``/consultations/``): sections by status, counts and filters.

Sections, in this order: open (closing soonest first), upcoming (opening soonest first), closed
(most recently closed first; an overdue outcome is flagged), outcome published (newest first)
and withdrawn (most recently withdrawn first). Each item carries the ``data-`` attributes of the
shared filter script (``filters.js``): ``data-status``, ``data-topic``, ``data-audience`` and
``data-area``. Free text is matched against the item's own text (title, summary, who it is for,
topics, who runs it and the status), so no ``data-text`` copy of it is needed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import partial

from localoffer.core.derive.status import Status, organisation_of, run_by_partner
from localoffer.core.models.consultation import Consultation
from localoffer.core.site import Site
from localoffer.plan.consultation_status import StatusView, status_view
from localoffer.plan.consultation_view import consultation_path, labels, shown_areas
from localoffer.plan.keys import site_keys

LIST_ID = "consultation-list"

SECTIONS: tuple[tuple[Status, str, str], ...] = (
    (Status.OPEN, "Open consultations", "open"),
    (Status.UPCOMING, "Upcoming consultations", "upcoming"),
    (Status.CLOSED, "Closed: we are analysing your feedback", "closed"),
    (Status.OUTCOME, "Outcomes published", "with an outcome published"),
    (Status.WITHDRAWN, "Withdrawn consultations", "withdrawn"),
)
STATUS_FILTER_LABELS = {
    Status.OPEN: "Open",
    Status.UPCOMING: "Upcoming",
    Status.CLOSED: "Closed, outcome not yet published",
    Status.OUTCOME: "Outcome published",
    Status.WITHDRAWN: "Withdrawn",
}


@dataclass(frozen=True)
class RegisterItem:
    id: str
    title: str
    href: str
    summary: str
    status: StatusView
    audiences: tuple[str, ...]
    topics: tuple[str, ...]
    lead: str
    #: Who runs it when that is not the site's authority ("" for the council's own).
    partner: str
    withdrawn_reason: str
    paused_reason: str
    data: dict[str, str]


@dataclass(frozen=True)
class RegisterSection:
    status: str
    heading: str
    items: tuple[RegisterItem, ...]

    @property
    def anchor(self) -> str:
        return f"{self.status}-consultations"


@dataclass(frozen=True)
class FilterOption:
    value: str
    label: str
    count: int


@dataclass(frozen=True)
class FilterField:
    name: str
    legend: str
    options: tuple[FilterOption, ...]


@dataclass(frozen=True)
class Count:
    status: str
    count: int
    text: str
    anchor: str


@dataclass(frozen=True)
class Register:
    total: int
    counts: tuple[Count, ...]
    sections: tuple[RegisterSection, ...]
    filters: tuple[FilterField, ...]
    list_id: str = LIST_ID
    feed_href: str = "consultations/feed.xml"
    json_href: str = "data/consultations.json"
    csv_href: str = "data/consultations.csv"
    schema_href: str = "data/consultations.schema.json"


def register_item(site: Site, consultation: Consultation) -> RegisterItem:
    status = status_view(consultation, site.now, site.settings.authority)
    data = {
        "data-status": status.value,
        "data-topic": " ".join(consultation.topics),
        "data-audience": " ".join(consultation.audiences),
        "data-area": " ".join(shown_areas(site, consultation)),
    }
    return RegisterItem(
        id=consultation.id,
        title=consultation.title,
        href=consultation_path(consultation.id),
        summary=consultation.summary,
        status=status,
        audiences=labels(site, "audiences", consultation.audiences),
        topics=labels(site, "topics", consultation.topics),
        lead=consultation.lead,
        partner=(
            organisation_of(consultation, site.settings.authority)
            if run_by_partner(consultation, site.settings.authority)
            else ""
        ),
        withdrawn_reason=(
            consultation.withdrawn.reason
            if consultation.withdrawn and status.status is Status.WITHDRAWN
            else ""
        ),
        paused_reason=consultation.paused.reason if consultation.paused and status.paused else "",
        data=data,
    )


def _order(status: Status, consultation: Consultation) -> tuple[float, str]:
    """Sort key within a section (the title breaks ties, so the order is stable)."""
    title = consultation.title.casefold()
    if status is Status.OPEN:
        return (consultation.closes_at.timestamp(), title)
    if status is Status.UPCOMING and consultation.opens_at is not None:
        return (consultation.opens_at.timestamp(), title)
    if status is Status.CLOSED:
        return (-consultation.closes_at.timestamp(), title)
    if status is Status.OUTCOME and consultation.outcome is not None:
        return (-_ordinal(consultation.outcome.published), title)
    if consultation.withdrawn is not None:
        return (-_ordinal(consultation.withdrawn.date), title)
    return (0.0, title)  # pragma: no cover


def _ordinal(day: date) -> float:
    return float(day.toordinal())


def _filter_field(
    site: Site, name: str, legend: str, vocabulary: str, used: Iterable[list[str]]
) -> FilterField:
    counts: dict[str, int] = {}
    for terms in used:
        for term in set(terms):
            counts[term] = counts.get(term, 0) + 1
    vocab = site.settings.vocabularies
    options = tuple(
        FilterOption(term, vocab.label(vocabulary, term), counts[term])
        for term in vocab.allowed(vocabulary)
        if term in counts
    )
    return FilterField(name, legend, options)


def build_register(site: Site) -> Register:
    keys = site_keys(site)
    items = {
        # An item shows its consultation, its state now, and labels from the settings.
        consultation_id: keys.memo.get(
            "register-item",
            consultation_id,
            (keys.digest(consultation), keys.state(consultation), keys.settings),
            partial(register_item, site, consultation),
        )
        for consultation_id, consultation in site.consultations.items()
    }
    by_status: dict[Status, list[Consultation]] = {status: [] for status, _, _ in SECTIONS}
    for consultation in site.consultations.values():
        by_status[items[consultation.id].status.status].append(consultation)
    sections = []
    counts = []
    for status, heading, words in SECTIONS:
        ordered = sorted(by_status[status], key=partial(_order, status))
        section = RegisterSection(status.value, heading, tuple(items[c.id] for c in ordered))
        sections.append(section)
        counts.append(Count(status.value, len(ordered), words, section.anchor))
    records = list(site.consultations.values())
    status_field = FilterField(
        "status",
        "Status",
        tuple(
            FilterOption(status.value, STATUS_FILTER_LABELS[status], len(by_status[status]))
            for status, _, _ in SECTIONS
            if by_status[status]
        ),
    )
    filters = (
        status_field,
        _filter_field(site, "topic", "Topic", "topics", (c.topics for c in records)),
        _filter_field(
            site, "audience", "Who it is for", "audiences", (c.audiences for c in records)
        ),
        _filter_field(site, "area", "Area", "areas", (shown_areas(site, c) for c in records)),
    )
    return Register(
        total=len(records),
        counts=tuple(counts),
        sections=tuple(sections),
        filters=tuple(field for field in filters if field.options),
    )
