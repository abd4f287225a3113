"""Event ids that are also the calendar's own folders (engagement, past, month) never clash."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from localoffer.core.check import check_site
from localoffer.core.clock import parse_today
from localoffer.plan.event_index import event_paths, reserved_id_problems

from .sitebuild import build_site, page, write_site

EVENT = """\
---
title: {title}
summary: An event whose id is one of the calendar's folders.
starts: 2026-12-0{day} 10:00
engagement: true
kind: forum
audiences: [everyone]
location:
  name: County Hall
organiser: Participation Team
{extra}---
"""


def event(title: str, day: int, extra: str = "") -> str:
    return EVENT.format(title=title, day=day, extra=extra)


EVENTS = {
    "engagement": event("Engagement event", 1),
    "past": event("An event called past", 2),
    "forum-december": event("December forum", 3, "previous_ids: [month]\n"),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(tmp_path_factory.mktemp("clash"), EVENTS, "2026-11-23")


def h1(soup: BeautifulSoup) -> str:
    return soup.find("article").h1.get_text()


def test_event_pages_keep_their_addresses(site: Path) -> None:
    assert h1(page(site, "events/engagement")) == "Engagement event"
    assert h1(page(site, "events/past")) == "An event called past"
    # The old id 'month' redirects to the renamed event.
    redirect = (site / "events" / "month" / "index.html").read_text(encoding="utf-8")
    assert 'url=../forum-december/' in redirect


def test_calendar_pages_move_aside(site: Path) -> None:
    assert h1(page(site, "events/engagement-opportunities")) == "Engagement opportunities"
    assert h1(page(site, "events/past-events")) == "Past events"
    assert h1(page(site, "events/by-month/2026-12")) == "Events in December 2026"
    register = page(site, "events").find("article")
    hrefs = {a["href"] for a in register.find_all("a", href=True)}
    assert {"engagement-opportunities/", "past-events/", "by-month/2026-12/"} <= hrefs


def test_reserved_ids_are_reported_for_the_checker(tmp_path: Path) -> None:
    root = write_site(tmp_path, EVENTS)
    result = check_site(root, parse_today("2026-11-23"))
    assert result.ok, result.problems
    problems = sorted(reserved_id_problems(result.site), key=lambda p: p.path)
    assert [(p.path, p.is_error) for p in problems] == [
        ("events/engagement.md", True),
        ("events/forum-december.md", True),
        ("events/past.md", True),
    ]
    assert "/events/engagement/ is the address of the calendar's own page" in problems[0].message
    assert problems[1].line == 11  # the previous_ids line
    paths = event_paths(result.site)
    assert (paths.engagement, paths.past, paths.month) == (
        "engagement-opportunities", "past-events", "by-month",
    )
