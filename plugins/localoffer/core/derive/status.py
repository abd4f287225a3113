"""A consultation's status at "now": derived from its dates, never typed by an editor."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from enum import StrEnum

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


def status_at(consultation: Consultation, now: datetime) -> Status:
    if consultation.withdrawn is not None:
        return Status.WITHDRAWN
    if consultation.outcome is not None:
        return Status.OUTCOME
    if now < consultation.opens_at:
        return Status.UPCOMING
    if now <= consultation.closes_at:
        return Status.OPEN
    return Status.CLOSED


def outcome_due(consultation: Consultation) -> date:
    """The outcome is due 12 weeks after closing."""
    return (consultation.closes_at + OUTCOME_DUE_AFTER).date()


def outcome_overdue(consultation: Consultation, now: datetime) -> bool:
    """Closed, no outcome, and more than 12 weeks since it closed."""
    return (
        status_at(consultation, now) is Status.CLOSED
        and now > consultation.closes_at + OUTCOME_DUE_AFTER
    )


def closing_soon(consultation: Consultation, now: datetime) -> bool:
    """Open, and closing within the next 7 days."""
    return (
        status_at(consultation, now) is Status.OPEN and consultation.closes_at - now <= CLOSING_SOON
    )
