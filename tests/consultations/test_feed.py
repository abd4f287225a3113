"""The Atom feed /consultations/feed.xml, read with feedparser and checked against RFC 4287."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import datetime
from typing import Any

import feedparser
import pytest

from .fixture_site import HOSTILE_TITLE, SITE_URL, TODAY, Built, build

ATOM = "{http://www.w3.org/2005/Atom}"
PAGE = SITE_URL + "consultations/"


@pytest.fixture(scope="module")
def feed(built: Built) -> Any:
    parsed = feedparser.parse((built.out / "consultations/feed.xml").read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    return parsed


def entry_dates(feed: Any) -> dict[str, datetime]:
    return {e.id: datetime.fromisoformat(e.updated) for e in feed.entries}


def test_the_feed_is_atom_with_absolute_links(feed: Any) -> None:
    assert feed.version == "atom10"
    assert feed.feed.title == "Consultations – Anyshire Local Offer"
    assert feed.feed.id == SITE_URL + "consultations/feed.xml"
    links = {link.rel: link.href for link in feed.feed.links}
    assert links == {"self": SITE_URL + "consultations/feed.xml", "alternate": PAGE}
    assert feed.feed.author == "Anyshire County Council"


def test_an_entry_when_a_consultation_opened_dated_when_it_opened(feed: Any) -> None:
    entries = {e.id: e for e in feed.entries}
    opened = entries[PAGE + "short-breaks-2027/#opened"]
    assert opened.title == "Consultation opened: Short breaks services statement 2027"
    assert opened.link == PAGE + "short-breaks-2027/"
    assert opened.updated == "2026-11-02T00:00:00+00:00"
    assert opened.summary == (
        "Our plans for short breaks from April 2027. Closes at 5pm on 15 January 2027."
    )


def test_an_entry_when_an_outcome_was_published_dated_when_it_was_published(feed: Any) -> None:
    entries = {e.id: e for e in feed.entries}
    outcome = entries[PAGE + "transport-2026/#outcome"]
    assert outcome.title == "Outcome published: Home to school transport policy"
    assert outcome.updated == "2026-06-30T00:00:00+01:00"
    assert outcome.link == PAGE + "transport-2026/"
    assert outcome.summary.startswith("We kept personal travel budgets.")
    # It opened too.
    assert PAGE + "transport-2026/#opened" in entries


def test_only_entries_whose_date_has_come(feed: Any) -> None:
    ids = {e.id for e in feed.entries}
    assert PAGE + "annual-reviews-2027/#opened" not in ids
    assert PAGE + "inclusion-strategy-2028/#opened" not in ids
    today = datetime.fromisoformat(TODAY + "T00:00:00+00:00")
    assert all(moment <= today for moment in entry_dates(feed).values())


def test_expected_entries_and_newest_first(feed: Any) -> None:
    ids = [e.id for e in feed.entries]
    assert sorted(ids) == sorted(
        [
            PAGE + "short-breaks-2027/#opened",
            PAGE + "holiday-survey/#opened",
            PAGE + "hostile/#opened",
            PAGE + "website-review/#opened",
            PAGE + "school-places/#opened",
            PAGE + "transport-2026/#opened",
            PAGE + "transport-2026/#outcome",
            PAGE + "sen-support-guidance/#opened",
            PAGE + "sen-support-guidance/#outcome",
            PAGE + "respite-centre/#opened",
            PAGE + "respite-centre/#withdrawn",
            PAGE + "travel-training-paused/#opened",
            PAGE + "travel-training-paused/#paused",
            PAGE + "play-schemes-resumed/#opened",
            PAGE + "play-schemes-resumed/#paused",
            PAGE + "play-schemes-resumed/#resumed",
            PAGE + "national-send-review/#opened",
            PAGE + "respite-review-extended/#opened",
            PAGE + "respite-review-extended/#extended-2026-12-18",
            PAGE + "respite-review-extended/#extended-2027-02-26",
            PAGE + "therapies-unknown-opening/#opened",
        ]
    )
    dates = [datetime.fromisoformat(e.updated) for e in feed.entries]
    assert dates == sorted(dates, reverse=True)


def test_updated_is_the_newest_entry_date_not_the_build_time(feed: Any) -> None:
    newest = max(entry_dates(feed).values())
    assert datetime.fromisoformat(feed.feed.updated) == newest
    assert feed.feed.updated == "2026-11-20T00:00:00+00:00"  # the second extension


def test_editor_text_is_escaped_in_the_feed(built: Built, feed: Any) -> None:
    entries = {e.id: e for e in feed.entries}
    hostile = entries[PAGE + "hostile/#opened"]
    assert hostile.title == f"Consultation opened: {HOSTILE_TITLE}"
    assert hostile.title_detail.type == "text/plain"
    raw = (built.out / "consultations/feed.xml").read_text(encoding="utf-8")
    assert "<script>" not in raw
    # It is well-formed XML with the Atom namespace and every required element.
    root = ET.fromstring(raw.encode("utf-8"))
    assert root.tag == f"{ATOM}feed"
    for entry in root.iter(f"{ATOM}entry"):
        for required in ("id", "title", "updated", "link"):
            assert entry.find(f"{ATOM}{required}") is not None


def test_the_feed_is_the_same_when_built_again_later_on_the_same_day(
    built: Built, tmp_path_factory: pytest.TempPathFactory
) -> None:
    again = build(built.root, tmp_path_factory.mktemp("feed-again") / "out", today=TODAY + " 18:30")
    assert (again.out / "consultations/feed.xml").read_bytes() == (
        built.out / "consultations/feed.xml"
    ).read_bytes()
