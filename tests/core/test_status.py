"""A consultation's status at "now", derived from its dates, and "now" itself."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest
from localoffer.core.clock import ENV_VAR, ClockError, build_now, parse_today
from localoffer.core.derive.status import (
    Status,
    closing_soon,
    outcome_due,
    outcome_overdue,
    status_at,
)
from localoffer.core.models.consultation import Consultation
from localoffer.core.timezone import LONDON

AUTHORITY = "Anyshire County Council"


def consultation(**fields: Any) -> Consultation:
    data: dict[str, Any] = {
        "title": "Short breaks statement 2027",
        "summary": "Our plans for short breaks.",
        "opens": "2026-11-02",
        "closes": "2027-01-15",
        "audiences": ["parents-carers"],
        "lead": "Short Breaks Team",
        "respond": [{"email": "shortbreaks@anyshire.example"}],
    }
    data.update(fields)
    return Consultation.model_validate(data)


def at(text: str) -> datetime:
    return parse_today(text)


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        ("2026-11-01 23:59", Status.UPCOMING),
        ("2026-11-02", Status.OPEN),  # a date alone opens at the start of the day
        ("2026-12-25 12:00", Status.OPEN),
        ("2027-01-15 23:59", Status.OPEN),  # ... and closes at the end of the day
        ("2027-01-16", Status.CLOSED),
        ("2028-01-01", Status.CLOSED),
    ],
)
def test_status_from_dates(now: str, expected: Status) -> None:
    assert status_at(consultation(), at(now)) is expected


def test_a_date_alone_closes_at_the_last_second_of_the_day() -> None:
    item = consultation()
    last_second = datetime(2027, 1, 15, 23, 59, 59, tzinfo=LONDON)
    assert item.closes_at == last_second
    assert status_at(item, last_second) is Status.OPEN
    assert status_at(item, last_second + timedelta(seconds=1)) is Status.CLOSED
    assert item.opens_at == datetime(2026, 11, 2, 0, 0, tzinfo=LONDON)
    assert status_at(item, item.opens_at - timedelta(seconds=1)) is Status.UPCOMING


def test_date_times_open_and_close_at_that_minute() -> None:
    item = consultation(opens="2026-11-02 09:00", closes="2027-01-15 17:00")
    assert status_at(item, at("2026-11-02 08:59")) is Status.UPCOMING
    assert status_at(item, at("2026-11-02 09:00")) is Status.OPEN
    assert status_at(item, at("2027-01-15 17:00")) is Status.OPEN
    assert status_at(item, at("2027-01-15 17:01")) is Status.CLOSED


def test_a_closing_time_in_summer_is_british_summer_time() -> None:
    item = consultation(opens="2026-05-01", closes="2026-07-10 17:00")
    assert item.closes_at.utcoffset() == timedelta(hours=1)
    assert status_at(item, at("2026-07-10 16:59")) is Status.OPEN
    assert status_at(item, at("2026-07-10 17:01")) is Status.CLOSED


def test_outcome_and_withdrawn_win_over_the_dates() -> None:
    outcome = {"published": "2027-03-01", "summary": "We will open two more groups."}
    withdrawn = {"date": "2026-11-20", "reason": "The plans are being rewritten."}
    assert status_at(consultation(outcome=outcome), at("2026-12-01")) is Status.OUTCOME
    assert status_at(consultation(outcome=outcome), at("2027-03-02")) is Status.OUTCOME
    assert status_at(consultation(withdrawn=withdrawn), at("2026-11-20")) is Status.WITHDRAWN
    both = consultation(withdrawn=withdrawn, outcome=outcome)
    assert status_at(both, at("2027-03-02")) is Status.WITHDRAWN


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        ("2026-11-01 23:59", Status.UPCOMING),
        ("2026-12-09 23:59", Status.OPEN),  # the day before: still open to responses
        ("2026-12-10", Status.WITHDRAWN),  # from the start of its date
        ("2027-06-01", Status.WITHDRAWN),
    ],
)
def test_a_withdrawal_takes_effect_from_its_date_not_before(now: str, expected: Status) -> None:
    item = consultation(withdrawn={"date": "2026-12-10", "reason": "Replaced by a review."})
    assert status_at(item, at(now)) is expected
    assert closing_soon(item, at("2027-01-10")) is False  # withdrawn by then


def test_a_pause_holds_until_a_withdrawal_dated_later_takes_effect() -> None:
    from localoffer.core.derive.status import paused_now

    item = consultation(
        paused={"date": "2026-11-16", "reason": "A mistake."},
        withdrawn={"date": "2026-12-10", "reason": "Replaced by a review."},
    )
    assert paused_now(item, at("2026-12-09 23:59"))
    assert status_at(item, at("2026-12-09 23:59")) is Status.OPEN
    assert not paused_now(item, at("2026-12-10"))
    assert status_at(item, at("2026-12-10")) is Status.WITHDRAWN


def test_every_status_has_its_contract_name() -> None:
    assert [status.value for status in Status] == [
        "upcoming",
        "open",
        "closed",
        "outcome",
        "withdrawn",
    ]


def test_closing_soon_is_the_last_seven_days() -> None:
    item = consultation()  # closes at the end of 15 January 2027
    assert not closing_soon(item, at("2027-01-08 23:59"))
    assert closing_soon(item, at("2027-01-09 00:00"))
    assert closing_soon(item, at("2027-01-15 23:59"))
    assert not closing_soon(item, at("2027-01-16"))  # closed, not closing
    assert not closing_soon(item, at("2026-10-30"))  # upcoming


def test_a_one_day_consultation_is_closing_soon_while_open() -> None:
    item = consultation(opens="2027-01-15", closes="2027-01-15")
    assert status_at(item, at("2027-01-15 10:00")) is Status.OPEN
    assert closing_soon(item, at("2027-01-15 10:00"))


def test_the_outcome_is_overdue_twelve_weeks_after_closing() -> None:
    item = consultation(opens="2026-03-02", closes="2026-04-30")
    assert outcome_due(item).isoformat() == "2026-07-23"  # exactly 12 weeks after 30 April
    twelve_weeks = item.closes_at + timedelta(weeks=12)
    assert twelve_weeks == datetime(2026, 7, 23, 23, 59, 59, tzinfo=LONDON)
    assert not outcome_overdue(item, twelve_weeks, AUTHORITY)
    assert outcome_overdue(item, twelve_weeks + timedelta(seconds=1), AUTHORITY)
    assert outcome_overdue(item, at("2026-07-24"), AUTHORITY)
    assert not outcome_overdue(item, at("2026-07-23 23:59"), AUTHORITY)


def test_an_outcome_or_a_withdrawal_is_never_overdue() -> None:
    outcome = {"published": "2026-09-01", "summary": "We kept the current policy."}
    withdrawn = {"date": "2026-04-01", "reason": "Replaced by a wider review."}
    late = at("2027-01-01")
    assert not outcome_overdue(
        consultation(opens="2026-03-02", closes="2026-04-30", outcome=outcome), late, AUTHORITY
    )
    assert not outcome_overdue(
        consultation(opens="2026-03-02", closes="2026-04-30", withdrawn=withdrawn),
        late,
        AUTHORITY,
    )


# "Now": LOCALOFFER_TODAY and --today.


def test_today_as_a_date_is_the_start_of_that_day_in_london() -> None:
    now = build_now(environ={ENV_VAR: "2026-07-01"})
    assert now == datetime(2026, 7, 1, 0, 0, tzinfo=LONDON)
    assert now.utcoffset() == timedelta(hours=1)


def test_today_with_a_time() -> None:
    assert build_now(environ={ENV_VAR: "2026-11-23 17:30"}) == datetime(
        2026, 11, 23, 17, 30, tzinfo=LONDON
    )
    assert build_now(environ={ENV_VAR: "2026-11-23T09:05"}) == datetime(
        2026, 11, 23, 9, 5, tzinfo=LONDON
    )


def test_the_option_wins_over_the_environment() -> None:
    assert build_now("2027-01-01", environ={ENV_VAR: "2026-11-23"}).year == 2027


def test_without_either_now_is_the_clock_in_london() -> None:
    before = datetime.now(tz=LONDON).replace(microsecond=0)
    now = build_now(environ={})
    after = datetime.now(tz=LONDON)
    assert before <= now <= after
    assert now.tzinfo == LONDON


@pytest.mark.parametrize("value", ["23/11/2026", "2026-11-31", "2026-11-23 25:00", "today"])
def test_a_bad_today_is_refused(value: str) -> None:
    with pytest.raises(ClockError, match=f"LOCALOFFER_TODAY='{value}' is not a"):
        build_now(environ={ENV_VAR: value})
    with pytest.raises(ClockError, match=f"--today '{value}' is not a"):
        build_now(value, environ={})


def test_an_empty_today_means_the_clock() -> None:
    assert build_now(environ={ENV_VAR: " "}).tzinfo == LONDON


# Paused, run by a partner, and an unknown opening date.


def test_paused_from_its_date_until_the_start_of_the_day_it_resumes() -> None:
    from localoffer.core.derive.status import paused_now

    item = consultation(
        paused={"date": "2026-11-16", "reason": "A mistake.", "resumes": "2026-12-07"}
    )
    assert not paused_now(item, at("2026-11-15 23:59"))
    assert paused_now(item, at("2026-11-16"))
    assert paused_now(item, at("2026-12-06 23:59"))
    assert not paused_now(item, at("2026-12-07"))
    # The status stays the one the dates give.
    assert status_at(item, at("2026-11-20")) is Status.OPEN
    without_a_date = consultation(paused={"date": "2026-11-16", "reason": "A mistake."})
    assert paused_now(without_a_date, at("2027-01-15 12:00"))
    # A paused consultation that closes meanwhile is not overdue while it is paused.
    assert not outcome_overdue(without_a_date, at("2027-06-01"), AUTHORITY)


def test_a_partner_outcome_is_never_overdue_but_the_councils_own_is() -> None:
    closed = {"opens": "2026-03-02", "closes": "2026-04-30"}
    late = at("2027-01-01")
    assert not outcome_overdue(
        consultation(**closed, organisation="Department for Education"), late, AUTHORITY
    )
    # Naming the council itself (in any case) is the council's own.
    assert outcome_overdue(
        consultation(**closed, organisation="anyshire county council"), late, AUTHORITY
    )
    assert outcome_overdue(consultation(**closed), late, AUTHORITY)


def test_an_unknown_opening_date_is_never_upcoming() -> None:
    item = consultation(opens="unknown", closes="2027-01-15")
    assert item.opens is None and item.opens_at is None
    assert status_at(item, at("2020-01-01")) is Status.OPEN
    assert status_at(item, at("2027-01-16")) is Status.CLOSED
    assert consultation(opens="Unknown").opens is None
