"""What a consultation page shows, worked out without templates or MkDocs.

Links inside the site are site-relative paths without a leading slash (``documents/x.pdf``,
``events/drop-in/``); templates turn them into links relative to the page with MkDocs' ``url``
filter, so the site works from any folder and in previews. Links to other sites, ``mailto:``
and ``tel:`` links are left as they are (``internal`` is false).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime

from localoffer.core.derive.occurrences import (
    Occurrence,
    awaits_new_date,
    next_occurrence,
    occurrences,
)
from localoffer.core.derive.status import areas_of, organisation_of, outcome_due, run_by_partner
from localoffer.core.models.consultation import Consultation, RespondOption
from localoffer.core.models.documents import DocumentRef
from localoffer.core.models.event import Event
from localoffer.core.site import Site
from localoffer.plan.consultation_status import StatusView, status_view
from localoffer.plan.consultation_ways import OTHER_WAYS, other_href, send_back
from localoffer.plan.keys import site_keys
from localoffer.present.attachment import attachment_meta
from localoffer.present.date_or_time import govuk_date_or_time
from localoffer.present.dates import govuk_date, govuk_date_with_weekday
from localoffer.present.mailto import mailto_href
from localoffer.present.postal_address import address_lines
from localoffer.present.telephone import tel_href
from localoffer.present.times import govuk_time

ACCESSIBLE_FORMAT_BODY = (
    "Please tell us which format you need (for example large print, Easy Read, audio or "
    "Braille), and your postal address if you would like a paper copy."
)


def consultation_path(consultation_id: str) -> str:
    return f"consultations/{consultation_id}/"


def reminder_path(consultation_id: str) -> str:
    """The calendar file with the opening date of an upcoming consultation."""
    return f"consultations/{consultation_id}/opens.ics"


def shown_areas(site: Site, consultation: Consultation) -> list[str]:
    """The areas a page shows: a partner's consultation (a national one, say) is not
    "Countywide" unless the editor said so."""
    return areas_of(consultation, site.settings.authority)


def pause_parts(consultation: Consultation, status: StatusView) -> tuple[str, str]:
    """(the reason while paused, the note once it has resumed) for the page."""
    paused = consultation.paused
    if paused is None:
        return ("", "")
    if status.paused:
        return (paused.reason, "")
    if paused.resumes is not None and status.state != "upcoming":
        span = f"Paused from {govuk_date(paused.date)} to {govuk_date(paused.resumes)}"
        return ("", f"{span}: {paused.reason}")
    return ("", "")


@dataclass(frozen=True)
class Link:
    text: str
    href: str
    internal: bool = True


@dataclass(frozen=True)
class DocumentView:
    title: str
    href: str
    internal: bool
    meta: str = ""
    easy_read: bool = False
    #: A ``mailto:`` link to ask for an accessible format ("" when none is needed).
    request_href: str = ""


@dataclass(frozen=True)
class RespondView:
    kind: str
    value: str
    href: str = ""
    internal: bool = False
    lines: tuple[str, ...] = ()
    detail: str = ""
    #: A school pack's or a form's document: its link, format and size, and the request for
    #: an accessible format when it needs one.
    document: DocumentView | None = None


@dataclass(frozen=True)
class CommentView:
    source: str
    said: str
    response: str


@dataclass(frozen=True)
class FeedbackView:
    title: str
    href: str
    comments: tuple[CommentView, ...]


@dataclass(frozen=True)
class OutcomeView:
    published: str
    paragraphs: tuple[str, ...]
    documents: tuple[DocumentView, ...]
    feedback: tuple[FeedbackView, ...]


@dataclass(frozen=True)
class RelatedView:
    title: str
    href: str
    summary: str
    status: StatusView


@dataclass(frozen=True)
class EventView:
    title: str
    href: str
    when: str
    past: bool


@dataclass(frozen=True)
class ConsultationPage:
    id: str
    title: str
    summary: str
    status: StatusView
    #: "" when the opening date was never published (``opens: unknown``).
    opens: str
    closes: str
    #: ``1 March 2027`` when the closing date was extended, "" when it never moved.
    extended_from: str
    audiences: tuple[str, ...]
    topics: tuple[str, ...]
    areas: tuple[str, ...]
    lead: str
    #: Who runs it when that is not the site's authority ("" for the council's own).
    partner: str
    contact: str
    contact_href: str
    withdrawn_reason: str
    withdrawn_date: str
    outcome_due: str
    #: While paused: the reason (the status says since when, and when it resumes).
    paused_reason: str
    #: After a pause: ``Paused from 2 February 2027 to 3 May 2027: reason``.
    paused_note: str
    #: The calendar reminder of the opening (``consultations/<id>/opens.ics``), while upcoming.
    reminder_href: str
    easy_read: DocumentView | None
    respond: tuple[RespondView, ...]
    documents: tuple[DocumentView, ...]
    outcome: OutcomeView | None
    related: tuple[RelatedView, ...]
    events: tuple[EventView, ...]
    #: The services it is about, in the Local Offer directory: (their page, their title).
    services: tuple[tuple[str, str], ...] = ()
    feed_href: str = "consultations/feed.xml"
    register_href: str = "consultations/"

    @property
    def show_respond(self) -> bool:
        """Whether the ways to respond are in the page: while open, and hidden while upcoming
        (status.js shows them if the page is read after it has opened)."""
        return self.status.respond and bool(self.respond)


def paragraphs(text: str) -> tuple[str, ...]:
    """Plain text split into paragraphs at blank lines (single line breaks join up)."""
    blocks = [" ".join(block.split()) for block in text.replace("\r\n", "\n").split("\n\n")]
    return tuple(block for block in blocks if block)


def contact_address(site: Site, consultation: Consultation) -> str:
    return consultation.contact or site.settings.contact_email


def document_view(
    site: Site, document: DocumentRef, contact: str, record_title: str = ""
) -> DocumentView:
    """A document of a consultation; a request for an accessible format names the document
    and the consultation (``record_title``)."""
    if document.file is None:
        return DocumentView(
            document.title, str(document.url), internal=False, easy_read=document.easy_read
        )
    info = site_keys(site).file_info(document)  # once per file in a plan
    meta = attachment_meta(info) if info is not None else ""
    request = ""
    needs_format = (
        info is not None and info.format == "PDF" and not info.tagged and not document.accessible
    )
    if needs_format and contact:
        request = mailto_href(
            contact,
            subject=f"Request for an accessible format: {_named(document.title, record_title)}",
            body=ACCESSIBLE_FORMAT_BODY,
        )
    return DocumentView(
        document.title,
        document.file,
        internal=True,
        meta=meta,
        easy_read=document.easy_read,
        request_href=request,
    )


def _named(document_title: str, record_title: str) -> str:
    """ "Consultation document, Short breaks statement 2027": which document of which record."""
    return f"{document_title}, {record_title}" if record_title else document_title


def _occurrence_text(occurrence: Occurrence) -> str:
    day = govuk_date_with_weekday(occurrence.start)
    if occurrence.all_day:
        if occurrence.end != occurrence.start:
            return f"{day} to {govuk_date_with_weekday(occurrence.end)}"
        return day
    start, end = occurrence.start_at, occurrence.end_at
    if start.date() == end.date():
        return f"{day}, {govuk_time(start)} to {govuk_time(end)}"
    return f"{day}, {govuk_time(start)}"


def event_view(event: Event, now: datetime) -> EventView:
    href = f"events/{event.id}/"
    if awaits_new_date(event):
        return EventView(event.title, href, "Postponed, new date to follow", past=False)
    if event.standing:
        return EventView(event.title, href, f"Meets: {event.meets}", past=False)
    upcoming = next_occurrence(event, now)
    dates = occurrences(event)
    if upcoming is not None:
        when = _occurrence_text(upcoming)
        later = sum(1 for item in dates if item.start_at > upcoming.start_at)
        if later:
            noun = "session" if event.sessions else "date"
            when += f" (and {later} more {noun}{'s' if later != 1 else ''})"
        return EventView(event.title, href, when, past=False)
    last = dates[-1] if dates else None
    when = f"Took place {_occurrence_text(last)}" if last is not None else ""
    return EventView(event.title, href, when, past=True)


def _event_sort_key(event: Event, now: datetime) -> tuple[int, float, str]:
    if awaits_new_date(event) or event.standing:  # after the dated ones, before the past ones
        return (0, float("inf"), event.title)
    upcoming = next_occurrence(event, now)
    if upcoming is not None:
        return (0, upcoming.start_at.timestamp(), event.title)
    dates = occurrences(event)
    last = dates[-1].start_at.timestamp() if dates else 0.0
    return (1, -last, event.title)


def respond_view(
    site: Site, way: RespondOption, consultation: Consultation | None = None
) -> RespondView:
    kind, value = way.kind, way.value
    if kind in OTHER_WAYS:
        return _other_way(site, way, consultation)
    if kind == "online":
        return RespondView(kind, value, href=value)
    if kind == "email":
        return RespondView(kind, value, href=mailto_href(value))
    if kind == "phone":
        return RespondView(kind, value, href=tel_href(value))
    if kind == "post":
        return RespondView(kind, value, lines=tuple(address_lines(value)))
    event = site.events.get(value)
    if event is None:  # the checker reports it; the page still reads well
        return RespondView(kind, value)
    shown = event_view(event, site.now)
    detail = "" if shown.past else shown.when
    return RespondView(kind, event.title, href=shown.href, internal=True, detail=detail)


def _other_way(site: Site, way: RespondOption, consultation: Consultation | None) -> RespondView:
    """A competition, a school pack, a pinboard, a recording or a form (``consultation_ways``)."""
    if way.document is None:
        return RespondView(way.kind, way.value, href=other_href(way.kind, way.value))
    contact = contact_address(site, consultation) if consultation else ""
    document = document_view(
        site, way.document, contact, consultation.title if consultation else ""
    )
    back = send_back(other.kind for other in consultation.respond) if consultation else ""
    return RespondView(
        way.kind, way.value, document.href, document.internal, detail=back, document=document
    )


def events_by_consultation(site: Site) -> dict[str, list[Event]]:
    """The events that name each consultation (``consultation:``), next first, then past.

    Worked out once for the whole site, so the pages cost time in proportion to the records.
    """
    found: dict[str, list[Event]] = {}
    for event in site.events.values():
        if event.consultation is not None:
            found.setdefault(event.consultation, []).append(event)
    return {key: events_in_order(events, site.now) for key, events in found.items()}


def events_in_order(events: Iterable[Event], now: datetime) -> list[Event]:
    """Events as a consultation page lists them: the next first, then the past, latest first."""
    return sorted(events, key=lambda event: _event_sort_key(event, now))


def feedback_view(site: Site, round_id: str) -> FeedbackView | None:
    feedback = site.feedback.get(round_id)
    if feedback is None:
        return None
    vocab = site.settings.vocabularies
    comments = tuple(
        CommentView(vocab.label("respondent_groups", c.from_), c.said, c.response)
        for c in feedback.comments
    )
    return FeedbackView(feedback.title, f"you-said-we-did/{feedback.id}/", comments)


def outcome_view(site: Site, consultation: Consultation, contact: str) -> OutcomeView | None:
    outcome = consultation.outcome
    if outcome is None:
        return None
    rounds = (feedback_view(site, round_id) for round_id in outcome.feedback)
    return OutcomeView(
        govuk_date(outcome.published),
        paragraphs(outcome.summary),
        tuple(document_view(site, d, contact, consultation.title) for d in outcome.documents),
        tuple(item for item in rounds if item is not None),
    )


def related_views(site: Site, ids: Iterable[str]) -> tuple[RelatedView, ...]:
    found = []
    for other_id in ids:
        other = site.consultations.get(other_id)
        if other is not None:
            found.append(
                RelatedView(
                    other.title,
                    consultation_path(other.id),
                    other.summary,
                    status_view(other, site.now, site.settings.authority),
                )
            )
    return tuple(found)


def labels(site: Site, vocabulary: str, terms: Iterable[str]) -> tuple[str, ...]:
    return tuple(site.settings.vocabularies.label(vocabulary, term) for term in terms)


def consultation_page(
    site: Site,
    consultation: Consultation,
    events_index: Mapping[str, list[Event]] | None = None,
) -> ConsultationPage:
    """Everything a consultation page shows. Pass ``events_by_consultation(site)`` when making
    many pages."""
    if events_index is None:
        events_index = events_by_consultation(site)
    contact = contact_address(site, consultation)
    authority = site.settings.authority
    status = status_view(consultation, site.now, authority)
    paused_reason, paused_note = pause_parts(consultation, status)
    extended = consultation.extended
    return ConsultationPage(
        id=consultation.id,
        title=consultation.title,
        summary=consultation.summary,
        status=status,
        opens=govuk_date_or_time(consultation.opens) if consultation.opens is not None else "",
        closes=govuk_date_or_time(consultation.closes),
        extended_from=govuk_date_or_time(extended[-1].from_) if extended else "",
        audiences=labels(site, "audiences", consultation.audiences),
        topics=labels(site, "topics", consultation.topics),
        areas=labels(site, "areas", shown_areas(site, consultation)),
        lead=consultation.lead,
        partner=(
            organisation_of(consultation, authority)
            if run_by_partner(consultation, authority)
            else ""
        ),
        contact=consultation.contact or "",
        contact_href=mailto_href(consultation.contact) if consultation.contact else "",
        withdrawn_reason=consultation.withdrawn.reason if consultation.withdrawn else "",
        withdrawn_date=govuk_date(consultation.withdrawn.date) if consultation.withdrawn else "",
        outcome_due=govuk_date(outcome_due(consultation)),
        paused_reason=paused_reason,
        paused_note=paused_note,
        reminder_href=reminder_path(consultation.id) if status.state == "upcoming" else "",
        easy_read=(
            document_view(site, consultation.easy_read, contact, consultation.title)
            if consultation.easy_read is not None
            else None
        ),
        respond=tuple(respond_view(site, way, consultation) for way in consultation.respond),
        documents=tuple(
            document_view(site, d, contact, consultation.title) for d in consultation.documents
        ),
        outcome=outcome_view(site, consultation, contact),
        related=related_views(site, consultation.related),
        events=tuple(event_view(e, site.now) for e in events_index.get(consultation.id, [])),
        services=tuple(
            (f"services/{service_id}/", site.services[service_id].title)
            for service_id in consultation.services
            if service_id in site.services
        ),
    )
