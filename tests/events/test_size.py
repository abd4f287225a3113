"""/events/ stays small whatever the corpus, and every upcoming event stays reachable.

A crowded site: 320 events in the four weeks after "now", each with the longest title and
summary the contract allows, for every audience and area, plus weekly series running for ten
years. /events/ must stay under 300 KB, cut at the end of a day, and link a month page for every
month that has events, from which every event is reachable without JavaScript.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from .sitebuild import build_site, page

pytestmark = pytest.mark.slow

TODAY = "2026-11-23"
LIMIT = 300 * 1024
DENSE = 320
SERIES = 6

SINGLE = """\
---
title: {title}
summary: {summary}
starts: {day} {hour:02d}:00
engagement: {engagement}
kind: workshop
audiences: [children, young-people, parents-carers, professionals]
areas: [countywide, north, south, east, west]
location:
  name: {place}
  address: 1 Long Street Name, Anbury
  postcode: AY1 1AA
organiser: Participation Team
---
"""

WEEKLY = """\
---
title: Weekly club {number}
summary: A weekly club that runs for ten years.
starts: 2026-11-{day:02d} 16:00
repeat:
  frequency: weekly
  until: 2036-11-20
kind: activity
audiences: [children]
location:
  name: Leisure Centre {number}
organiser: Clubs Team
---
"""


def crowded_events() -> dict[str, str]:
    events: dict[str, str] = {}
    start = date(2026, 11, 23)
    for number in range(DENSE):
        day = start + timedelta(days=number % 28)
        title = f"Workshop number {number:03d} about short breaks " + "x" * 120
        events[f"workshop-{number:03d}"] = SINGLE.format(
            title=title[:120],
            summary=("A long summary that says what happens, who it is for and why. " * 6)[:300],
            day=day.isoformat(),
            hour=9 + number % 10,
            engagement="true" if number % 3 == 0 else "false",
            place=f"The Anbury Library and Community Hub, meeting room {number}",
        )
    for number in range(SERIES):
        events[f"weekly-club-{number}"] = WEEKLY.format(number=number, day=23 + number)
    return events


@pytest.fixture(scope="module")
def crowded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(tmp_path_factory.mktemp("crowded"), crowded_events(), TODAY)


def test_events_page_stays_under_300_kb(crowded: Path) -> None:
    size = (crowded / "events" / "index.html").stat().st_size
    assert size <= LIMIT, f"/events/ is {size} bytes"
    engagement = (crowded / "events" / "engagement" / "index.html").stat().st_size
    assert engagement <= LIMIT, f"/events/engagement/ is {engagement} bytes"


def test_the_list_is_cut_at_the_end_of_a_day_and_says_so(crowded: Path) -> None:
    soup = page(crowded, "events")
    article = soup.find("article")
    coverage = article.find(class_="lo-event-coverage").get_text(" ", strip=True)
    match = re.search(r"every event up to (\w+ \d+ \w+ \d{4})\. There are (\d+) more", coverage)
    assert match, coverage
    items = article.select("#lo-events-list [data-lo-item]")
    assert 100 < len(items) < DENSE
    last_day = max(item["data-start"] for item in items)
    listed_on_last_day = sum(1 for item in items if item["data-start"] == last_day)
    expected_on_last_day = sum(
        1 for number in range(DENSE)
        if (date(2026, 11, 23) + timedelta(days=number % 28)).isoformat() == last_day
    ) + sum(1 for number in range(SERIES) if _weekly_on(number, date.fromisoformat(last_day)))
    assert listed_on_last_day == expected_on_last_day
    more = int(match.group(2))
    # Every event of the next four weeks, and every coming date of the clubs, is counted.
    assert more > DENSE - len(items)


def _weekly_on(number: int, day: date) -> bool:
    first = date(2026, 11, 23 + number)
    return day >= first and (day - first).days % 7 == 0


def test_every_upcoming_event_is_reachable_through_the_month_pages(crowded: Path) -> None:
    soup = page(crowded, "events")
    months = soup.find(id="events-by-month").find_next("ul").find_all("a")
    assert len(months) == 121  # November 2026 to November 2036
    reachable: set[str] = set()
    for link in months:
        path = urlsplit(urljoin("https://x.example/events/", link["href"])).path.strip("/")
        table = page(crowded, path).find("table")
        for anchor in table.find_all("a", href=True):
            target = urlsplit(urljoin(f"https://x.example/{path}/", anchor["href"])).path
            reachable.add(target.strip("/").split("/")[-1])
    expected = {f"workshop-{n:03d}" for n in range(DENSE)} | {
        f"weekly-club-{n}" for n in range(SERIES)
    }
    assert expected <= reachable
