"""How a consultation's status is shown: a tag as words, a flag, a note, and what may change.

The status is derived from the dates at the build (``core.derive.status``). A page can be read
days after the build, so every status that can still change by itself (upcoming, open, closed
without an outcome) also carries its dates as ISO 8601 ``data-`` attributes and the words for
each later state; ``status.js`` works out the state in the reader's browser and, only if it has
moved on since the build, swaps the words.

States, in the order time moves them on: ``upcoming`` → ``open`` → ``closing-soon`` →
``closed`` → ``overdue``. ``outcome`` and ``withdrawn`` never change by themselves.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime

from localoffer.core.derive.status import (
    CLOSING_SOON,
    OUTCOME_DUE_AFTER,
    Status,
    outcome_due,
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


def state_at(consultation: Consultation, now: datetime) -> str:
    status = status_at(consultation, now)
    if status is Status.OPEN:
        return "closing-soon" if consultation.closes_at - now <= CLOSING_SOON else "open"
    if status is Status.CLOSED:
        return "overdue" if now > consultation.closes_at + OUTCOME_DUE_AFTER else "closed"
    return status.value


def _when(value: date | datetime) -> str:
    """``15 January 2027``, or ``at 5pm on 15 January 2027`` when a time was given."""
    if isinstance(value, datetime):
        return f"at {govuk_time(value)} on {govuk_date(value)}"
    return govuk_date(value)


def status_text(consultation: Consultation, state: str) -> StatusText:
    closed_on = govuk_date(consultation.closes_at)
    if state == "upcoming":
        return StatusText("Upcoming", "upcoming", f"Opens {_when(consultation.opens)}")
    if state == "open":
        return StatusText("Open", "open", f"Closes {_when(consultation.closes)}")
    if state == "closing-soon":
        return StatusText(
            "Open", "open", f"Closes {_when(consultation.closes)}", "Closing soon", "soon"
        )
    if state == "closed":
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


def status_view(consultation: Consultation, now: datetime) -> StatusView:
    state = state_at(consultation, now)
    text = status_text(consultation, state)
    attributes: dict[str, str] = {}
    if state in TIMED_STATES:
        later = TIMED_STATES[TIMED_STATES.index(state) :]
        closes = consultation.closes_at
        attributes = {
            "data-lo-opens": consultation.opens_at.isoformat(),
            "data-lo-closes": closes.isoformat(),
            "data-lo-soon": (closes - CLOSING_SOON).isoformat(),
            "data-lo-overdue": (closes + OUTCOME_DUE_AFTER).isoformat(),
            "data-lo-states": json.dumps(
                {name: status_text(consultation, name).as_json() for name in later},
                ensure_ascii=False,
                separators=(",", ":"),
            ),
        }
    return StatusView(STATE_STATUS[state], state, text, attributes)
