"""GOV.UK wording of when an event happens (present/event_when.py and present/event_time.py)."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from localoffer.core.derive.occurrences import Occurrence
from localoffer.core.timezone import LONDON
from localoffer.present.event_time import event_time
from localoffer.present.event_when import event_when
from localoffer.present.filters import FILTERS


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=LONDON)


def timed(start: str, end: str) -> Occurrence:
    return Occurrence(at(start), at(end), all_day=False)


def days(first: str, last: str) -> Occurrence:
    return Occurrence(date.fromisoformat(first), date.fromisoformat(last), all_day=True)


@pytest.mark.parametrize(
    ("occurrence", "when", "time"),
    [
        (timed("2026-10-27 16:00", "2026-10-27 18:00"), "Tuesday 27 October 2026, 4pm to 6pm",
         "4pm to 6pm"),
        (timed("2027-03-04 09:30", "2027-03-04 12:30"), "Thursday 4 March 2027, 9:30am to 12:30pm",
         "9:30am to 12:30pm"),
        (timed("2026-12-01 10:00", "2026-12-01 12:00"), "Tuesday 1 December 2026, 10am to midday",
         "10am to midday"),
        (timed("2026-12-01 17:00", "2026-12-01 17:00"), "Tuesday 1 December 2026, 5pm", "5pm"),
        (timed("2027-07-23 18:00", "2027-07-25 14:00"),
         "Friday 23 July 2027, 6pm to Sunday 25 July 2027, 2pm",
         "6pm to Sunday 25 July 2027, 2pm"),
        (days("2027-02-17", "2027-02-17"), "Wednesday 17 February 2027", "All day"),
        (days("2026-08-10", "2026-08-12"), "10 to 12 August 2026", "All day, 10 to 12 August 2026"),
        (days("2026-08-10", "2026-09-02"), "10 August to 2 September 2026",
         "All day, 10 August to 2 September 2026"),
        (days("2026-12-28", "2027-01-03"), "28 December 2026 to 3 January 2027",
         "All day, 28 December 2026 to 3 January 2027"),
    ],
)
def test_wording(occurrence: Occurrence, when: str, time: str) -> None:
    assert event_when(occurrence) == when
    assert event_time(occurrence) == time


def test_times_are_read_in_london_whatever_their_zone() -> None:
    # 15:00 UTC on 27 October 2026 is 3pm GMT; 15:00 UTC on 20 October is 4pm BST.
    utc = datetime.fromisoformat
    assert event_when(Occurrence(utc("2026-10-20T15:00+00:00"), utc("2026-10-20T17:00+00:00"),
                                 all_day=False)) == "Tuesday 20 October 2026, 4pm to 6pm"
    assert event_when(Occurrence(utc("2026-10-27T15:00+00:00"), utc("2026-10-27T17:00+00:00"),
                                 all_day=False)) == "Tuesday 27 October 2026, 3pm to 5pm"


def test_filters_are_registered_for_templates() -> None:
    assert FILTERS["event_when"] is event_when
    assert FILTERS["event_time"] is event_time
