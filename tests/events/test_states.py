"""Issue 13's event states, read from the real build of tests/events/conftest ("now" is the
start of 23 November 2026): venues without an address, series listed once in the embeds, and
requests for an accessible format that say which event they are about."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from .sitebuild import page
from .test_pages import main, text


def test_a_venue_without_address_or_postcode_has_no_map_link(events_site: Path) -> None:
    # "Marrowby Family Hub" alone: the venue is named, there is nothing to find on a map.
    postponed = main(page(events_site, "events/postponed-launch"))
    assert "Marrowby Family Hub" in text(postponed)
    assert not [a for a in postponed.find_all("a", href=True) if "openstreetmap" in a["href"]]
    # A postcode is enough to find the place.
    sensory = main(page(events_site, "events/fortnightly-sensory-play"))
    (link,) = [a for a in sensory.find_all("a", href=True) if "openstreetmap" in a["href"]]
    assert parse_qs(urlsplit(link["href"]).query)["query"] == ["AY4 2QT"]


def test_an_engagement_embed_lists_each_series_once(events_site: Path) -> None:
    for embed in main(page(events_site, "")).find_all(class_="lo-embed"):
        hrefs = [li.a["href"] for li in embed.find_all("li")]
        assert hrefs and len(hrefs) == len(set(hrefs)), hrefs


def test_an_accessible_format_request_names_the_document_and_the_event(
    events_site: Path,
) -> None:
    article = main(page(events_site, "events/weekly-tuesday-forum"))
    (link,) = [
        a
        for a in article.find_all("a", href=True)
        if a["href"].startswith("mailto:") and "subject=" in a["href"]
    ]
    parts = urlsplit(link["href"])
    assert parts.path == "localoffer@anyshire.example"
    assert parse_qs(parts.query)["subject"] == [
        "Accessible format request: Forum agenda, Weekly Tuesday youth forum"
    ]
