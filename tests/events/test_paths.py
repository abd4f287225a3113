"""The calendar's own pages live at one address each, whatever the events are called.

Families and other sites link to ``/events/engagement/``, so it never moves: an event whose id
(or old id) is one of the calendar's folders (engagement, past, month, audience) or ``index``
is an error that stops the build, with the checker's message. Ids that only start with those
words are ordinary events.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from .sitebuild import BIN, build_site, page, write_site

TODAY = "2026-11-23"
AUDIENCES = ("children", "young-people", "parents-carers", "professionals", "everyone")

EVENT = """\
---
title: {title}
summary: An event whose id starts like one of the calendar's folders.
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


NEAR_MISSES = {
    "engagement-forum": event("Engagement forum", 1, "previous_ids: [engagement-2025]\n"),
    "past-papers-workshop": event("Past papers workshop", 2),
    "monthly-coffee-morning": event("Monthly coffee morning", 3, "previous_ids: [month-1]\n"),
    "audience-with-the-director": event("An audience with the director", 4),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(tmp_path_factory.mktemp("paths"), NEAR_MISSES, TODAY)


def h1(soup: BeautifulSoup) -> str:
    return soup.find("article").h1.get_text()


def test_calendar_pages_are_at_their_fixed_addresses(site: Path) -> None:
    assert h1(page(site, "events/engagement")) == "Engagement opportunities"
    assert h1(page(site, "events/past")) == "Past events"
    assert h1(page(site, "events/month/2026-12")) == "Events in December 2026"
    register = page(site, "events").find("article")
    hrefs = {a["href"] for a in register.find_all("a", href=True)}
    assert {"engagement/", "past/", "month/2026-12/"} <= hrefs
    for term in AUDIENCES:
        feed = site / "events" / "audience" / f"{term}.ics"
        assert feed.read_bytes().startswith(b"BEGIN:VCALENDAR"), term
        assert any(href.endswith(f"events/audience/{term}.ics") for href in hrefs), term


def test_events_named_like_the_folders_keep_their_own_pages(site: Path) -> None:
    assert h1(page(site, "events/engagement-forum")) == "Engagement forum"
    assert h1(page(site, "events/past-papers-workshop")) == "Past papers workshop"
    assert h1(page(site, "events/monthly-coffee-morning")) == "Monthly coffee morning"
    assert h1(page(site, "events/audience-with-the-director")) == "An audience with the director"
    renamed = {"engagement-2025": "engagement-forum", "month-1": "monthly-coffee-morning"}
    for old, new in renamed.items():
        redirect = (site / "events" / old / "index.html").read_text(encoding="utf-8")
        assert f"url=../{new}/" in redirect


CLASHES = [
    pytest.param(
        {"engagement": event("Engagement event", 1)},
        "events/engagement.md:1:1: error: 'engagement' cannot be the id of an event: "
        "/events/engagement/ is the calendar's list of engagement opportunities. Rename the "
        "file to a descriptive name, such as 'engagement-event.md'",
        id="id-engagement",
    ),
    pytest.param(
        {"2026/audience": event("Audience feedback forum", 2)},
        "events/2026/audience.md:1:1: error: 'audience' cannot be the id of an event: "
        "/events/audience/ is where the calendar feeds for each audience are. Rename the file "
        "to a descriptive name, such as 'audience-feedback-forum.md'",
        id="id-audience-in-a-sub-folder",
    ),
    pytest.param(
        {"forum-december": event("December forum", 3, "previous_ids: [forum-dec, past]\n")},
        "events/forum-december.md:11:27: error: 'past' cannot be an old id: /events/past/ is "
        "where the calendar lists past events, so it cannot redirect here. Remove it from "
        "previous_ids",
        id="old-id-past",
    ),
]


@pytest.mark.parametrize(("events", "message"), CLASHES)
def test_an_event_that_would_take_a_calendar_address_stops_the_build(
    tmp_path: Path, events: dict[str, str], message: str
) -> None:
    root = write_site(tmp_path / "site", events)
    env = {**os.environ, "LOCALOFFER_TODAY": TODAY, "NO_MKDOCS_2_WARNING": "1"}
    built = subprocess.run(
        [str(BIN / "mkdocs"), "build", "-q", "-d", str(tmp_path / "out")],
        cwd=root, env=env, capture_output=True, text=True, check=False,
    )
    assert built.returncode != 0
    assert message in built.stdout + built.stderr
    assert "Traceback" not in built.stdout + built.stderr
    assert not (tmp_path / "out" / "events").exists()

    checked = subprocess.run(
        [str(BIN / "localoffer"), "check", "--today", TODAY],
        cwd=root, env=env, capture_output=True, text=True, check=False,
    )
    assert checked.returncode == 1
    errors = [line for line in checked.stdout.splitlines() if ": error: " in line]
    assert errors == [message], checked.stdout
