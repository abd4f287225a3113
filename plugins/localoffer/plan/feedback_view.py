"""Feedback rounds ready for templates: labels, links, derived action state, yearly figures.

Everything a "You said, we did" template shows is worked out here, once, from the core models,
so the templates only lay it out (and autoescape it). Links are paths from the site root
without a leading slash (``you-said-we-did/x/``): page templates turn them into links relative
to the page with MkDocs' ``url`` filter, so the site works under any address.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING
from urllib.parse import quote

from localoffer.core.derive.actions import action_overdue
from localoffer.core.models.documents import DocumentRef
from localoffer.core.models.feedback import ACTION_STATUSES, Action, Comment, FeedbackRound
from localoffer.core.site import Site
from localoffer.plan.keys import site_keys
from localoffer.present.action_when import action_when
from localoffer.present.attachment import attachment_meta

if TYPE_CHECKING:
    from localoffer.plan.feedback_parts_view import RoundParts

SECTION = "you-said-we-did"
SECTION_TITLE = "You said, we did"

ACTION_LABELS: dict[str, str] = {
    "done": "Done",
    "in-progress": "In progress",
    "planned": "Planned",
    "not-planned": "Not planned",
}
#: Filter terms for comments without an action, or without ``regarding``.
NO_ACTION = "none"
NOT_STATED = "not-stated"
NO_ACTION_LABEL = "No action recorded"
REGARDING_LABELS: dict[str, str] = {
    "content": "Content: what the Local Offer contains",
    "accessibility": "Accessibility: how easy it is to find and use",
    "development": "Development: how the Local Offer is developed",
}
REGARDING_SHORT: dict[str, str] = {
    "content": "Content",
    "accessibility": "Accessibility",
    "development": "Development",
}


def round_path(round_id: str) -> str:
    """A round's page, from the site root: ``you-said-we-did/<id>/``."""
    return f"{SECTION}/{round_id}/"


def year_path(year: int) -> str:
    """A year's page, from the site root: ``you-said-we-did/<year>/``. A round's id is never a
    year: the checker says so (``core/rules/reserved.py``)."""
    return f"{SECTION}/{year}/"


@dataclass(frozen=True)
class Term:
    term: str
    label: str


@dataclass(frozen=True)
class RecordLink:
    id: str
    title: str
    path: str


@dataclass(frozen=True)
class DocumentView:
    title: str
    href: str
    external: bool
    meta: str | None
    easy_read: bool
    request_accessible: bool
    request_href: str | None


@dataclass(frozen=True)
class ActionView:
    status: str
    label: str
    owner: str | None
    due: date | None
    completed: date | None
    when: str
    overdue: bool


@dataclass(frozen=True)
class CommentView:
    number: int
    anchor: str
    said: str
    response: str
    group: Term
    regarding: Term | None
    topics: tuple[Term, ...]
    action: ActionView | None
    round_id: str
    round_title: str
    round_path: str
    source: Term
    year: int

    @property
    def action_term(self) -> str:
        return self.action.status if self.action else NO_ACTION

    @property
    def overdue(self) -> bool:
        return bool(self.action and self.action.overdue)

    @property
    def search_text(self) -> str:
        parts = [self.said, self.response, self.round_title, self.group.label]
        parts += [topic.label for topic in self.topics]
        if self.action and self.action.owner:
            parts.append(self.action.owner)
        return " ".join(" ".join(parts).lower().split())


@dataclass(frozen=True)
class RoundView:
    id: str
    title: str
    path: str
    source: Term
    received: date
    summary: str | None
    consultation: RecordLink | None
    event: RecordLink | None
    documents: tuple[DocumentView, ...]
    comments: tuple[CommentView, ...]
    #: Themes, figures, quotes and respondents (``feedback_parts_view``).
    parts: RoundParts | None = None

    @property
    def document_only(self) -> bool:
        """Published as a report only: no comments, themes or quotes on the page."""
        parts = self.parts
        return not self.comments and not (parts and (parts.themes or parts.quotes))

    @property
    def year(self) -> int:
        return self.received.year

    @property
    def comment_count(self) -> int:
        return len(self.comments)

    @property
    def overdue_count(self) -> int:
        return sum(1 for comment in self.comments if comment.overdue)


@dataclass
class YearFigures:
    """The figures the register shows for one year (by the year rounds were received)."""

    year: int
    path: str
    rounds: int = 0
    comments: int = 0
    by_group: dict[str, int] = field(default_factory=dict)
    by_action: dict[str, int] = field(default_factory=dict)
    no_action: int = 0
    overdue: int = 0
    #: People who took part, by respondent group, in the rounds that say (``respondents``).
    respondents: dict[str, int] = field(default_factory=dict)
    #: Rounds published as a report only, and themes.
    reports: int = 0
    themes: int = 0

    @property
    def actions(self) -> int:
        return sum(self.by_action.values())


def newest_first(rounds: Iterable[FeedbackRound]) -> list[FeedbackRound]:
    """Rounds by date received, newest first (then by title and id, so the order is stable)."""
    ordered = sorted(rounds, key=lambda r: (r.title.casefold(), r.id))
    return sorted(ordered, key=lambda r: r.received, reverse=True)


def action_view(action: Action, today: date) -> ActionView:
    return ActionView(
        status=action.status,
        label=ACTION_LABELS.get(action.status, action.status),
        owner=action.owner,
        due=action.due,
        completed=action.completed,
        when=action_when(action),
        overdue=action_overdue(action, today),
    )


def _term(site: Site, vocabulary: str, term: str) -> Term:
    return Term(term, site.settings.vocabularies.label(vocabulary, term))


def accessible_format_href(site: Site, title: str) -> str | None:
    email = site.settings.contact_email
    if not email:
        return None
    subject = quote(f"Request for an accessible format: {title}")
    return f"mailto:{email}?subject={subject}"


def document_view(site: Site, document: DocumentRef, record_title: str = "") -> DocumentView:
    if document.file is None:
        return DocumentView(
            title=document.title,
            href=document.url or "",
            external=True,
            meta=None,
            easy_read=document.easy_read,
            request_accessible=False,
            request_href=None,
        )
    info = site_keys(site).file_info(document)  # once per file in a plan
    untagged_pdf = bool(info and info.format == "PDF" and not info.tagged)
    request = untagged_pdf and not document.accessible
    return DocumentView(
        title=document.title,
        href=document.file,
        external=False,
        meta=attachment_meta(info) if info else None,
        easy_read=document.easy_read,
        request_accessible=request,
        request_href=(
            accessible_format_href(
                site, f"{document.title}, {record_title}" if record_title else document.title
            )
            if request
            else None
        ),
    )


def comment_view(site: Site, feedback: FeedbackRound, index: int, comment: Comment) -> CommentView:
    return CommentView(
        number=index + 1,
        anchor=f"comment-{index + 1}",
        said=comment.said,
        response=comment.response,
        group=_term(site, "respondent_groups", comment.from_),
        regarding=(
            Term(comment.regarding, REGARDING_SHORT.get(comment.regarding, comment.regarding))
            if comment.regarding
            else None
        ),
        topics=tuple(_term(site, "topics", topic) for topic in comment.topics),
        action=action_view(comment.action, site.today) if comment.action else None,
        round_id=feedback.id,
        round_title=feedback.title,
        round_path=round_path(feedback.id),
        source=_term(site, "feedback_sources", feedback.source),
        year=feedback.received.year,
    )


def round_view(site: Site, feedback: FeedbackRound) -> RoundView:
    from localoffer.plan.feedback_parts_view import round_parts  # it builds on this module

    comments = tuple(
        comment_view(site, feedback, index, comment)
        for index, comment in enumerate(feedback.comments)
    )
    consultation = site.consultations.get(feedback.consultation or "")
    event = site.events.get(feedback.event or "")
    return RoundView(
        id=feedback.id,
        title=feedback.title,
        path=round_path(feedback.id),
        source=_term(site, "feedback_sources", feedback.source),
        received=feedback.received,
        summary=feedback.summary,
        consultation=(
            RecordLink(consultation.id, consultation.title, f"consultations/{consultation.id}/")
            if consultation
            else None
        ),
        event=RecordLink(event.id, event.title, f"events/{event.id}/") if event else None,
        documents=tuple(
            document_view(site, document, feedback.title) for document in feedback.documents
        ),
        comments=comments,
        parts=round_parts(site, feedback, comments),
    )


def round_views(site: Site) -> list[RoundView]:
    """Every round, newest first."""
    return [round_view(site, feedback) for feedback in newest_first(site.feedback.values())]


def year_figures(site: Site, rounds: Iterable[RoundView]) -> list[YearFigures]:
    """Figures for each year that has rounds, newest year first."""
    groups = site.settings.vocabularies.allowed("respondent_groups")
    years: dict[int, YearFigures] = {}
    for item in rounds:
        figures = years.get(item.year)
        if figures is None:
            figures = years[item.year] = YearFigures(
                item.year,
                year_path(item.year),
                by_group=dict.fromkeys(groups, 0),
                by_action=dict.fromkeys(ACTION_STATUSES, 0),
            )
        figures.rounds += 1
        figures.reports += item.document_only
        if item.parts is not None:
            figures.themes += len(item.parts.themes)
            for term, number in item.parts.respondents.rows if item.parts.respondents else ():
                figures.respondents[term.term] = figures.respondents.get(term.term, 0) + number
        for comment in item.comments:
            figures.comments += 1
            figures.by_group[comment.group.term] = figures.by_group.get(comment.group.term, 0) + 1
            if comment.action is None:
                figures.no_action += 1
            else:
                status = comment.action.status
                figures.by_action[status] = figures.by_action.get(status, 0) + 1
                figures.overdue += comment.action.overdue
    return [years[year] for year in sorted(years, reverse=True)]
