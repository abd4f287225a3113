"""How a consultation's status is shown: a tag as words, a flag, a note, and what may change.

The status is derived from the dates at the build (``core.derive.status``). A page can be read
days after the build, so every status that can still change by itself (upcoming, open, closed
without an outcome) also carries its dates as ISO 8601 ``data-`` attributes and the words for
each later state; ``status.js`` works out the state in the reader's browser and, only if it has
moved on since the build, swaps the words.

States, in the order time moves them on: ``upcoming`` → ``open`` → ``closing-soon`` →
``closed`` → ``overdue``. ``outcome`` and ``withdrawn`` never change by themselves, nor does
``paused`` (a pause that resumes on a known day is moved on by the next daily build). A
consultation with an unknown opening date (``opens: unknown``) is never ``upcoming``, and has no
``data-lo-opens``. One run by a partner (``organisation``) is never ``overdue``: in the words for
that state it still reads "closed", with who will publish the outcome.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime

from localoffer.core.derive.status import (
    CLOSING_SOON,
    OUTCOME_DUE_AFTER,
    Status,
    organisation_of,
    outcome_due,
    paused_now,
    run_by_partner,
    status_at,
)
from localoffer.core.models.consultation import Consultation
from localoffer.present.dates import govuk_date
from localoffer.present.times import govuk_time

#: The states time moves a consultation through, in order.
TIMED_STATES = ("upcoming", "open", "closing-soon", "closed", "overdue")
#: Which of the five statuses each state belongs to.
STATE_STATUS = {
    "upcoming": Status.UPCOMING,
    "open": Status.OPEN,
    "closing-soon": Status.OPEN,
    "closed": Status.CLOSED,
    "overdue": Status.CLOSED,
    "outcome": Status.OUTCOME,
    "withdrawn": Status.WITHDRAWN,
}
#: The states in which people can respond (or will once it opens): the ways are on the page.
RESPOND_STATES = ("upcoming", "open", "closing-soon")


@dataclass(frozen=True)
class StatusText:
    """The words shown for a state: a tag, an optional second tag (a flag), and a note."""

    tag: str
    tag_class: str
    note: str
    flag: str = ""
    flag_class: str = ""

    def as_json(self) -> dict[str, str]:
        return {
            "tag": self.tag,
            "tagClass": self.tag_class,
            "flag": self.flag,
            "flagClass": self.flag_class,
            "note": self.note,
        }


@dataclass(frozen=True)
class StatusView:
    status: Status
    state: str
    text: StatusText
    #: ``data-`` attributes for status.js (empty when the status cannot change by itself).
    attributes: dict[str, str] = field(default_factory=dict)

    @property
    def value(self) -> str:
        """The status as the open data and the filters name it (one of the five)."""
        return self.status.value

    @property
    def closed(self) -> bool:
        return self.state in ("closed", "overdue")

    @property
    def paused(self) -> bool:
        return self.state == "paused"

    @property
    def respond(self) -> bool:
        """Whether the ways to respond are on the page (hidden while upcoming)."""
        return self.state in RESPOND_STATES


def state_at(consultation: Consultation, now: datetime, authority: str) -> str:
    status = status_at(consultation, now)
    if paused_now(consultation, now):
        return "paused"
    if status is Status.OPEN:
        return "closing-soon" if consultation.closes_at - now <= CLOSING_SOON else "open"
    if status is Status.CLOSED:
        overdue = now > consultation.closes_at + OUTCOME_DUE_AFTER
        return "overdue" if overdue and not run_by_partner(consultation, authority) else "closed"
    return status.value


def _when(value: date | datetime) -> str:
    """``15 January 2027``, or ``at 5pm on 15 January 2027`` when a time was given."""
    if isinstance(value, datetime):
        return f"at {govuk_time(value)} on {govuk_date(value)}"
    return govuk_date(value)


def extended_from(consultation: Consultation) -> str:
    """`` (extended from 1 March 2027)``, or "" when the closing date never moved."""
    if not consultation.extended:
        return ""
    return f" (extended from {_when(consultation.extended[-1].from_)})"


def resumes_text(consultation: Consultation) -> str:
    """``Resumes 3 May 2027``, or the promise to say so here."""
    paused = consultation.paused
    if paused is not None and paused.resumes is not None:
        return f"Resumes {govuk_date(paused.resumes)}"
    return "We will say here when it resumes"


def status_text(consultation: Consultation, state: str, authority: str) -> StatusText:
    closed_on = govuk_date(consultation.closes_at)
    closes = f"Closes {_when(consultation.closes)}{extended_from(consultation)}"
    if state == "upcoming":
        assert consultation.opens is not None
        return StatusText("Upcoming", "upcoming", f"Opens {_when(consultation.opens)}")
    if state == "paused":
        assert consultation.paused is not None
        return StatusText(
            "Paused",
            "paused",
            f"Paused {govuk_date(consultation.paused.date)}. Responses already sent still "
            f"count. {resumes_text(consultation)}.",
        )
    if state == "open":
        return StatusText("Open", "open", closes)
    if state == "closing-soon":
        return StatusText("Open", "open", closes, "Closing soon", "soon")
    if state == "closed":
        if run_by_partner(consultation, authority):
            organisation = organisation_of(consultation, authority)
            return StatusText(
                "Closed", "closed", f"Closed {closed_on}. {organisation} will publish the outcome."
            )
        return StatusText(
            "Closed", "closed", f"Closed {closed_on}. We are analysing your feedback."
        )
    if state == "overdue":
        return StatusText(
            "Closed",
            "closed",
            f"Closed {closed_on}. The outcome is overdue: it was due by "
            f"{govuk_date(outcome_due(consultation))}.",
            "Outcome overdue",
            "overdue",
        )
    if state == "outcome":
        assert consultation.outcome is not None
        return StatusText(
            "Outcome published",
            "outcome",
            f"Outcome published {govuk_date(consultation.outcome.published)}",
        )
    assert consultation.withdrawn is not None
    return StatusText(
        "Withdrawn", "withdrawn", f"Withdrawn {govuk_date(consultation.withdrawn.date)}"
    )


def status_view(consultation: Consultation, now: datetime, authority: str) -> StatusView:
    state = state_at(consultation, now, authority)
    text = status_text(consultation, state, authority)
    attributes: dict[str, str] = {}
    if state in TIMED_STATES:
        partner = run_by_partner(consultation, authority)
        later = [
            name
            for name in TIMED_STATES[TIMED_STATES.index(state) :]
            if not (partner and name == "overdue")
        ]
        closes = consultation.closes_at
        opens = consultation.opens_at
        attributes = {
            # No opening date: status.js never takes it for upcoming.
            **({"data-lo-opens": opens.isoformat()} if opens is not None else {}),
            "data-lo-closes": closes.isoformat(),
            "data-lo-soon": (closes - CLOSING_SOON).isoformat(),
            # A partner publishes the outcome: never overdue here, so no date for it.
            **({} if partner else {"data-lo-overdue": (closes + OUTCOME_DUE_AFTER).isoformat()}),
            "data-lo-states": json.dumps(
                {name: status_text(consultation, name, authority).as_json() for name in later},
                ensure_ascii=False,
                separators=(",", ":"),
            ),
        }
    # Paused keeps the status its dates give (the contract's five); the state says "paused".
    status = status_at(consultation, now) if state == "paused" else STATE_STATUS[state]
    return StatusView(status, state, text, attributes)
