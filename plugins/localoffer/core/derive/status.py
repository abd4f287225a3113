"""A consultation's status at "now": derived from its dates, never typed by an editor.

The status is one of five (the contract's). Two facts sit beside it, also derived:

- *paused now*: a pause has begun (``paused: date``) and it has not resumed yet (no
  ``resumes``, or ``resumes`` is still to come), and it is neither withdrawn nor decided;
- *run by a partner*: ``organisation`` names someone other than the site's authority, so the
  council does not publish its outcome and it is never "overdue" here.

A withdrawal (``withdrawn: {date}``) takes effect from the start of its date, not before: until
then the consultation has the status its other dates give it.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from enum import StrEnum

from localoffer.core.dates import start_of
from localoffer.core.models.consultation import Consultation

OUTCOME_DUE_AFTER = timedelta(weeks=12)
CLOSING_SOON = timedelta(days=7)


class Status(StrEnum):
    UPCOMING = "upcoming"
    OPEN = "open"
    CLOSED = "closed"
    OUTCOME = "outcome"
    WITHDRAWN = "withdrawn"


STATUS_LABELS = {
    Status.UPCOMING: "Upcoming",
    Status.OPEN: "Open",
    Status.CLOSED: "Closed",
    Status.OUTCOME: "Outcome published",
    Status.WITHDRAWN: "Withdrawn",
}


def withdrawn_by(consultation: Consultation, now: datetime) -> bool:
    """Whether it has been withdrawn by ``now``: from the start of ``withdrawn: date``."""
    withdrawn = consultation.withdrawn
    return withdrawn is not None and now >= start_of(withdrawn.date)


def status_at(consultation: Consultation, now: datetime) -> Status:
    """An unknown opening date (``opens: unknown``) is never upcoming: open until it closes."""
    if withdrawn_by(consultation, now):
        return Status.WITHDRAWN
    if consultation.outcome is not None:
        return Status.OUTCOME
    opens = consultation.opens_at
    if opens is not None and now < opens:
        return Status.UPCOMING
    if now <= consultation.closes_at:
        return Status.OPEN
    return Status.CLOSED


def organisation_of(consultation: Consultation, authority: str) -> str:
    """Who runs it: ``organisation``, or the site's authority when not given."""
    return consultation.organisation or authority


def run_by_partner(consultation: Consultation, authority: str) -> bool:
    """Whether someone other than the site's authority runs it (and publishes its outcome)."""
    organisation = consultation.organisation
    return organisation is not None and organisation.casefold() != authority.strip().casefold()


def areas_of(consultation: Consultation, authority: str) -> list[str]:
    """Its areas: as written, or by default ``countywide`` for the council's own and none for a
    partner's (a national consultation is not "countywide")."""
    if not consultation.areas_given and run_by_partner(consultation, authority):
        return []
    return list(consultation.areas)


def paused_now(consultation: Consultation, now: datetime) -> bool:
    paused = consultation.paused
    if paused is None or withdrawn_by(consultation, now) or consultation.outcome is not None:
        return False
    if now < start_of(paused.date):
        return False
    return paused.resumes is None or now < start_of(paused.resumes)


def was_paused(consultation: Consultation, now: datetime) -> bool:
    """Paused once, and resumed by now."""
    paused = consultation.paused
    return (
        paused is not None
        and paused.resumes is not None
        and now >= start_of(paused.resumes)
        and now >= start_of(paused.date)
    )


def outcome_due(consultation: Consultation) -> date:
    """The outcome is due 12 weeks after closing."""
    return (consultation.closes_at + OUTCOME_DUE_AFTER).date()


def outcome_overdue(consultation: Consultation, now: datetime, authority: str) -> bool:
    """Closed, no outcome, more than 12 weeks since it closed, not paused, and the council's
    own (a partner publishes its own outcome: it is not the council's to be late with)."""
    return (
        status_at(consultation, now) is Status.CLOSED
        and now > consultation.closes_at + OUTCOME_DUE_AFTER
        and not paused_now(consultation, now)
        and not run_by_partner(consultation, authority)
    )


def closing_soon(consultation: Consultation, now: datetime) -> bool:
    """Open, and closing within the next 7 days."""
    return (
        status_at(consultation, now) is Status.OPEN and consultation.closes_at - now <= CLOSING_SOON
    )
