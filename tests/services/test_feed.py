"""The Atom feed /services/feed.xml (services added or updated), read with feedparser."""

from __future__ import annotations

import os
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import feedparser
import pytest

from .fixture_site import SERVICE_IDS, SITE_URL, Built, build

PAGE = SITE_URL + "services/"
ATOM = "{http://www.w3.org/2005/Atom}"


def parse(built: Built) -> Any:
    parsed = feedparser.parse((built.out / "services" / "feed.xml").read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    return parsed


@pytest.fixture(scope="module")
def feed(built: Built) -> Any:
    return parse(built)


def test_the_feed_is_atom_with_absolute_links(feed: Any) -> None:
    assert feed.version == "atom10"
    assert feed.feed.title == "Services – Anyshire Local Offer"
    assert feed.feed.id == PAGE + "feed.xml"
    links = {link.rel: link.href for link in feed.feed.links}
    assert links == {"self": PAGE + "feed.xml", "alternate": PAGE}
    assert feed.feed.author == "Anyshire County Council"


def test_one_entry_per_service_newest_change_first(feed: Any) -> None:
    assert [entry.id for entry in feed.entries] == [
        PAGE + "sendiass-anyshire/",  # committed 12 October 2026
        PAGE + "travel-training/",  # 2 March 2026
        PAGE + "portage/",  # 5 January 2026
        PAGE + "saturday-club/",  # 1 May 2025
    ]
    assert sorted(entry.link.removeprefix(PAGE).strip("/") for entry in feed.entries) == (
        SERVICE_IDS
    )
    assert feed.feed.updated == "2026-10-12T00:00:00+01:00"  # the newest entry: no build time


def test_an_entry_says_what_the_service_is_who_provides_it_and_when_it_was_checked(
    feed: Any,
) -> None:
    entry = {e.id: e for e in feed.entries}[PAGE + "sendiass-anyshire/"]
    assert entry.title == "SENDIASS Anyshire"
    assert entry.link == PAGE + "sendiass-anyshire/"
    assert entry.updated == "2026-10-12T00:00:00+01:00"
    assert "published" not in entry  # git's first date of the file is not read: not invented
    assert entry.summary == (
        "Free, impartial advice about SEND for families and young people. Provided by Anyshire "
        "County Council. Details last checked on 12 October 2026."
    )
    assert [tag.term for tag in entry.tags] == ["service"]


def test_text_is_escaped(built: Built) -> None:
    root = ET.fromstring((built.out / "services" / "feed.xml").read_bytes())
    titles = [element.text for element in root.iter(f"{ATOM}title")]
    assert 'Saturday club & "fun" <b>days</b>' in titles  # text, not markup


def test_a_service_changed_later_comes_to_the_top(built: Built, tmp_path: Path) -> None:
    """An update is a new commit of the file: its entry (the same id) is dated that day."""
    site = tmp_path / "site"
    subprocess.run(["git", "clone", "-q", str(built.root), str(site)], check=True)
    path = site / "services" / "2025" / "saturday-club.md"
    path.write_text(path.read_text(encoding="utf-8").replace("2025-05-01", "2026-11-20"))
    env = {
        "GIT_AUTHOR_NAME": "Editor",
        "GIT_AUTHOR_EMAIL": "localoffer@anyshire.example",
        "GIT_COMMITTER_NAME": "Editor",
        "GIT_COMMITTER_EMAIL": "localoffer@anyshire.example",
        "GIT_AUTHOR_DATE": "2026-11-20T09:00:00+00:00",
        "GIT_COMMITTER_DATE": "2026-11-20T09:00:00+00:00",
    }
    subprocess.run(
        ["git", "-C", str(site), "commit", "-q", "-am", "Checked the Saturday club"],
        check=True,
        env={**os.environ, **env},
    )
    parsed = parse(build(site, tmp_path / "out"))
    first = parsed.entries[0]
    assert first.id == PAGE + "saturday-club/"
    assert first.updated == "2026-11-20T00:00:00+00:00"
    assert first.summary.endswith("Details last checked on 20 November 2026.")
    assert len(parsed.entries) == len(SERVICE_IDS)
