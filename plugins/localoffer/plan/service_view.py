"""What a service's page shows (``/services/<id>/``): everything a family needs to act.

Who provides it, who it is for, what it costs (GOV.UK style: "£3.50 a session"), how to get it,
its hours, languages, places and contact; when its details were last checked (with a note when
that was 12 months ago or more); its upcoming events, the consultations about it and the
"You said, we did" comments that name it. The directory's items are ``service_directory.py``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from localoffer.core.derive.review import review_due, review_overdue
from localoffer.core.models.event import Event
from localoffer.core.models.service import Service
from localoffer.core.site import Site
from localoffer.export.jsonld import script_json
from localoffer.export.service_jsonld import service_jsonld
from localoffer.plan.consultation_status import StatusView, status_view
from localoffer.plan.consultation_view import (
    DocumentView,
    EventView,
    document_view,
    event_view,
    events_in_order,
    labels,
)
from localoffer.plan.feedback_view import round_path
from localoffer.present.cost import govuk_cost
from localoffer.present.dates import govuk_date
from localoffer.present.telephone import tel_href

REFERRAL_WORDS = {
    "self": "Contact the service yourself: you do not need anyone to refer you.",
    "professional": (
        "Through a professional: ask your child's school, doctor, health visitor or social "
        "worker to refer you."
    ),
    "both": (
        "Contact the service yourself, or ask a professional (such as your child's school or "
        "doctor) to refer you."
    ),
}
REFERRAL_SHORT = {
    "self": "Contact them yourself",
    "professional": "Referral by a professional",
    "both": "Yourself or through a professional",
}


@dataclass(frozen=True)
class PlaceView:
    name: str
    address: str
    postcode: str
    accessibility: str


@dataclass(frozen=True)
class ConsultationLink:
    title: str
    href: str
    status: StatusView


@dataclass(frozen=True)
class CommentView:
    said: str
    response: str
    group: str
    round_title: str
    round_href: str


@dataclass(frozen=True)
class ServicePage:
    id: str
    title: str
    summary: str
    organisation: str
    organisation_url: str
    categories: tuple[str, ...]
    needs: tuple[str, ...]  # empty: open to all needs
    ages: str
    audiences: tuple[str, ...]
    areas: tuple[str, ...]
    cost: str
    referral: str
    hours: str
    languages: tuple[str, ...]
    places: tuple[PlaceView, ...]
    email: str
    phone: str
    phone_href: str
    url: str
    reviewed: str
    review_due: str
    review_overdue: bool
    documents: tuple[DocumentView, ...]
    events: tuple[EventView, ...]
    consultations: tuple[ConsultationLink, ...]
    comments: tuple[CommentView, ...]
    jsonld: str
    directory_href: str = "services/"
    feed_href: str = "services/feed.xml"


def ages_words(service: Service) -> str:
    """ "0 to 5 years old", "16 to 25 years old", "5 years old"; "" for any age."""
    ages = service.ages
    if ages is None:
        return ""
    if ages.from_ == ages.to:
        return f"{ages.from_} years old"
    return f"{ages.from_} to {ages.to} years old"


@dataclass(frozen=True)
class ServiceLinks:
    """What names each service, found once for all the pages of a plan."""

    events: Mapping[str, list[Event]]
    consultations: Mapping[str, list[str]]
    comments: Mapping[str, list[tuple[str, int]]]  # (round id, comment's position)


def service_links(site: Site) -> ServiceLinks:
    events: dict[str, list[Event]] = {}
    for event in site.events.values():
        if event.service:
            events.setdefault(event.service, []).append(event)
    consultations: dict[str, list[str]] = {}
    for consultation_id, consultation in sorted(site.consultations.items()):
        for service_id in consultation.services:
            consultations.setdefault(service_id, []).append(consultation_id)
    comments: dict[str, list[tuple[str, int]]] = {}
    for round_id, feedback in sorted(site.feedback.items()):
        for position, comment in enumerate(feedback.comments):
            if comment.service:
                comments.setdefault(comment.service, []).append((round_id, position))
    return ServiceLinks(events, consultations, comments)


def _upcoming_events(events: Iterable[Event], site: Site) -> tuple[EventView, ...]:
    views = (event_view(event, site.now) for event in events_in_order(events, site.now))
    return tuple(view for view in views if not view.past)


def service_page(site: Site, service: Service, links: ServiceLinks) -> ServicePage:
    """Everything the page of ``service`` shows."""
    vocabularies = site.settings.vocabularies
    contact = service.contact
    comments = []
    for round_id, position in links.comments.get(service.id, []):
        feedback = site.feedback[round_id]
        comment = feedback.comments[position]
        comments.append(
            CommentView(
                said=comment.said,
                response=comment.response,
                group=vocabularies.label("respondent_groups", comment.from_),
                round_title=feedback.title,
                round_href=round_path(round_id),
            )
        )
    return ServicePage(
        id=service.id,
        title=service.title,
        summary=service.summary,
        organisation=service.organisation.name,
        organisation_url=str(service.organisation.url or ""),
        categories=labels(site, "service_categories", service.categories),
        needs=labels(site, "needs", service.needs),
        ages=ages_words(service),
        audiences=labels(site, "audiences", service.audiences),
        areas=labels(site, "areas", service.areas),
        cost=govuk_cost(service.cost),
        referral=REFERRAL_WORDS[service.referral],
        hours=service.hours or "",
        languages=tuple(service.languages),
        places=tuple(
            PlaceView(p.name, p.address or "", p.postcode or "", p.accessibility or "")
            for p in service.locations
        ),
        email=contact.email or "",
        phone=contact.phone or "",
        phone_href=tel_href(contact.phone) if contact.phone else "",
        url=str(contact.url or ""),
        reviewed=govuk_date(service.reviewed),
        review_due=govuk_date(review_due(service)),
        review_overdue=review_overdue(service, site.today),
        documents=tuple(
            document_view(site, d, contact.email or site.settings.contact_email, service.title)
            for d in service.documents
        ),
        events=_upcoming_events(links.events.get(service.id, []), site),
        consultations=tuple(
            ConsultationLink(
                site.consultations[cid].title,
                f"consultations/{cid}/",
                status_view(site.consultations[cid], site.now, site.settings.authority),
            )
            for cid in links.consultations.get(service.id, [])
        ),
        comments=tuple(comments),
        jsonld=script_json(service_jsonld(service, site.settings)),
    )
