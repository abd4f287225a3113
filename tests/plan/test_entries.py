"""What an event's plan items show of "now" is how many of its occurrences are over."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from localoffer.core.derive.occurrences import occurrences
from localoffer.core.models.event import Event
from localoffer.core.timezone import LONDON
from localoffer.plan.event_index import EventEntry
from localoffer.plan.keys import EventFacts


def event(**fields: object) -> Event:
    data: dict[str, object] = {
        "title": "Forum",
        "summary": "A forum.",
        "kind": "forum",
        "audiences": ["young-people"],
        "organiser": "Participation Team",
        "location": {"name": "Youth Hub"},
        **fields,
    }
    model = Event.model_validate(data)
    model.bind("forum", "events/forum.md")
    return model


EVENTS = {
    # weekly over both clock changes, with skipped dates
    "weekly": event(
        starts="2026-10-06 16:00",
        ends="2026-10-06 18:00",
        repeat={"frequency": "weekly", "until": "2027-04-27", "except": ["2026-11-03"]},
    ),
    # monthly on the last Sunday, an hour either side of the change at 1am
    "monthly-night": event(
        starts="2026-01-25 00:30",
        ends="2026-01-25 02:30",
        repeat={"frequency": "monthly", "week": "last", "count": 14},
    ),
    # over midnight, every other Friday
    "overnight": event(
        starts="2026-10-02 22:00",
        ends="2026-10-03 06:00",
        repeat={"frequency": "fortnightly", "count": 20},
    ),
    "all-day-days": event(starts="2026-11-20", ends="2026-11-24", repeat=None),
    "all-day-series": event(starts="2026-11-02", repeat={"frequency": "weekly", "count": 8}),
    "single": event(starts="2026-11-23 09:00", ends="2026-11-23 10:00"),
}


def moments(found: list[datetime]) -> list[datetime]:
    """Every occurrence's end, and a second either side, and some hours between."""
    times = [t + timedelta(seconds=s) for t in found for s in (-1, 0, 1)]
    start = min(found) - timedelta(days=3)
    times += [start + timedelta(hours=7 * n) for n in range(1, 1 + 24 * 60 // 7)]
    return sorted(times)


@pytest.mark.parametrize("name", EVENTS)
def test_the_count_of_occurrences_over_tells_which_are_over(name: str) -> None:
    item = EVENTS[name]
    facts = EventFacts.of(item)
    found = occurrences(item)
    assert facts.occurrences == found
    for now in moments([o.end_at for o in found]):
        over = [o for o in found if o.is_past(now)]
        count = facts.past_count(now)
        assert over == found[:count], now  # the ones over are the first ones
        entry = EventEntry(item, found, facts.skipped, count, id="forum")
        assert entry.past == (not found or found[-1].is_past(now))
        assert entry.upcoming == [o for o in found if not o.is_past(now)]
        assert entry.next == next((o for o in found if not o.is_past(now)), None)


def test_an_entry_keeps_no_now() -> None:
    item = EVENTS["weekly"]
    facts = EventFacts.of(item)
    monday = datetime(2026, 11, 23, 9, 0, tzinfo=LONDON)
    made_now = EventEntry(item, facts.occurrences, facts.skipped, facts.past_count(monday))
    made_later = EventEntry(
        item, facts.occurrences, facts.skipped, facts.past_count(monday + timedelta(hours=3))
    )
    assert made_now == made_later  # nothing ended between: the same entry
    tuesday_evening = monday + timedelta(days=1, hours=10)
    assert facts.past_count(tuesday_evening) == facts.past_count(monday) + 1
