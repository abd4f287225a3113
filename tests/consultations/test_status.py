"""How a consultation's status is shown, and the data status.js uses to keep it right."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from typing import Any

import pytest
from localoffer.core.models.consultation import Consultation
from localoffer.core.timezone import LONDON
from localoffer.plan.consultation_status import TIMED_STATES, state_at, status_text, status_view

SECOND = timedelta(seconds=1)
AUTHORITY = "Anyshire County Council"


def consultation(**fields: Any) -> Consultation:
    data = {
        "title": "Short breaks",
        "summary": "Our plans.",
        "opens": "2026-03-01",
        "closes": "2026-04-12",
        "audiences": ["parents-carers"],
        "lead": "Short Breaks Team",
        **fields,
    }
    return Consultation.model_validate(data)


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=LONDON)


def test_upcoming_until_the_start_of_the_opening_day() -> None:
    c = consultation()
    assert state_at(c, at("2026-02-28 23:59:59"), AUTHORITY) == "upcoming"
    assert state_at(c, at("2026-03-01 00:00:00"), AUTHORITY) == "open"


def test_a_closing_date_alone_means_until_the_end_of_that_day() -> None:
    c = consultation()
    assert state_at(c, at("2026-04-12 23:59:59"), AUTHORITY) == "closing-soon"
    assert state_at(c, at("2026-04-13 00:00:00"), AUTHORITY) == "closed"


def test_a_closing_date_time_closes_at_that_time() -> None:
    c = consultation(closes="2026-04-12 17:00")
    assert state_at(c, at("2026-04-12 17:00:00"), AUTHORITY) == "closing-soon"
    assert state_at(c, at("2026-04-12 17:00:01"), AUTHORITY) == "closed"


def test_closing_soon_in_the_last_seven_days() -> None:
    c = consultation(closes="2026-04-12 17:00")
    assert state_at(c, at("2026-04-05 16:59:59"), AUTHORITY) == "open"
    assert state_at(c, at("2026-04-05 17:00:00"), AUTHORITY) == "closing-soon"


def test_the_outcome_is_overdue_twelve_weeks_after_closing() -> None:
    c = consultation(closes="2026-04-12 17:00")
    due = at("2026-04-12 17:00") + timedelta(weeks=12)
    assert state_at(c, due, AUTHORITY) == "closed"
    assert state_at(c, due + SECOND, AUTHORITY) == "overdue"


def test_outcome_and_withdrawn_win_over_the_dates() -> None:
    outcome = consultation(outcome={"published": "2026-06-01", "summary": "We decided."})
    withdrawn = consultation(withdrawn={"date": "2026-03-10", "reason": "We got it wrong."})
    assert state_at(outcome, at("2026-03-05 12:00"), AUTHORITY) == "outcome"
    assert state_at(withdrawn, at("2026-03-10 00:00"), AUTHORITY) == "withdrawn"


def test_a_withdrawal_dated_later_leaves_it_open_until_that_day() -> None:
    c = consultation(withdrawn={"date": "2026-03-10", "reason": "We got it wrong."})
    assert state_at(c, at("2026-03-09 23:59:59"), AUTHORITY) == "open"
    assert status_view(c, at("2026-03-09 23:59:59"), AUTHORITY).respond
    assert state_at(c, at("2026-03-10 00:00"), AUTHORITY) == "withdrawn"
    assert not status_view(c, at("2026-03-10 00:00"), AUTHORITY).respond


@pytest.mark.parametrize(
    ("fields", "state", "tag", "flag", "note"),
    [
        ({}, "upcoming", "Upcoming", "", "Opens 1 March 2026"),
        (
            {"opens": "2026-03-01 09:30"},
            "upcoming",
            "Upcoming",
            "",
            "Opens at 9:30am on 1 March 2026",
        ),
        ({}, "open", "Open", "", "Closes 12 April 2026"),
        ({"closes": "2026-04-12 17:00"}, "open", "Open", "", "Closes at 5pm on 12 April 2026"),
        ({}, "closing-soon", "Open", "Closing soon", "Closes 12 April 2026"),
        ({}, "closed", "Closed", "", "Closed 12 April 2026. We are analysing your feedback."),
        (
            {},
            "overdue",
            "Closed",
            "Outcome overdue",
            "Closed 12 April 2026. The outcome is overdue: it was due by 5 July 2026.",
        ),
        (
            {"outcome": {"published": "2026-06-01", "summary": "We decided."}},
            "outcome",
            "Outcome published",
            "",
            "Outcome published 1 June 2026",
        ),
        (
            {"withdrawn": {"date": "2026-03-10", "reason": "Wrong."}},
            "withdrawn",
            "Withdrawn",
            "",
            "Withdrawn 10 March 2026",
        ),
    ],
)
def test_status_words(fields: dict[str, Any], state: str, tag: str, flag: str, note: str) -> None:
    text = status_text(consultation(**fields), state, AUTHORITY)
    assert (text.tag, text.flag, text.note) == (tag, flag, note)


def test_a_status_that_can_change_carries_its_dates_and_the_words_for_later_states() -> None:
    c = consultation(closes="2026-04-12 17:00")
    view = status_view(c, at("2026-03-20 12:00"), AUTHORITY)
    assert view.state == "open"
    assert view.value == "open"
    attributes = view.attributes
    # The ISO dates are the same instants as the ones the build used.
    assert datetime.fromisoformat(attributes["data-lo-opens"]) == c.opens_at
    assert datetime.fromisoformat(attributes["data-lo-closes"]) == c.closes_at
    assert datetime.fromisoformat(attributes["data-lo-soon"]) == c.closes_at - timedelta(days=7)
    assert datetime.fromisoformat(attributes["data-lo-overdue"]) == c.closes_at + timedelta(
        weeks=12
    )
    # 12 weeks after 5pm BST on 12 April is 5pm BST on 5 July: the offset is in the text.
    assert attributes["data-lo-overdue"] == "2026-07-05T17:00:00+01:00"
    states = json.loads(attributes["data-lo-states"])
    assert list(states) == ["open", "closing-soon", "closed", "overdue"]
    assert states["closed"]["note"] == "Closed 12 April 2026. We are analysing your feedback."
    assert states["closing-soon"]["flag"] == "Closing soon"


def test_a_status_that_cannot_change_by_itself_carries_no_dates() -> None:
    outcome = consultation(outcome={"published": "2026-06-01", "summary": "We decided."})
    assert status_view(outcome, at("2026-07-01 12:00"), AUTHORITY).attributes == {}


def test_every_timed_state_maps_to_one_of_the_five_statuses() -> None:
    c = consultation()
    moments = {
        "upcoming": "2026-02-01 12:00",
        "open": "2026-03-20 12:00",
        "closing-soon": "2026-04-10 12:00",
        "closed": "2026-05-01 12:00",
        "overdue": "2026-08-01 12:00",
    }
    values = {
        state: status_view(c, at(moment), AUTHORITY).value for state, moment in moments.items()
    }
    assert values == {
        "upcoming": "upcoming",
        "open": "open",
        "closing-soon": "open",
        "closed": "closed",
        "overdue": "closed",
    }
    assert tuple(moments) == TIMED_STATES


def test_paused_words_with_and_without_a_resumption_date() -> None:
    paused = {"date": "2026-03-10", "reason": "A mistake in a document."}
    text = status_text(consultation(paused=paused), "paused", AUTHORITY)
    assert (text.tag, text.tag_class) == ("Paused", "paused")
    assert text.note == (
        "Paused 10 March 2026. Responses already sent still count. "
        "We will say here when it resumes."
    )
    later = status_text(
        consultation(paused={**paused, "resumes": "2026-04-01"}), "paused", AUTHORITY
    )
    assert later.note.endswith("Resumes 1 April 2026.")
    view = status_view(consultation(paused=paused), at("2026-03-20 12:00"), AUTHORITY)
    assert (view.state, view.value, view.attributes) == ("paused", "open", {})


def test_an_extended_closing_date_is_in_the_words() -> None:
    c = consultation(closes="2026-04-30", extended=[{"from": "2026-04-12", "on": "2026-04-01"}])
    assert status_text(c, "open", AUTHORITY).note == (
        "Closes 30 April 2026 (extended from 12 April 2026)"
    )


def test_a_partner_consultation_is_closed_not_overdue() -> None:
    c = consultation(organisation="Department for Education")
    assert state_at(c, at("2027-01-01 12:00"), AUTHORITY) == "closed"
    assert status_text(c, "closed", AUTHORITY).note == (
        "Closed 12 April 2026. Department for Education will publish the outcome."
    )
