"""Paused and resumed, run by a partner, extended, an unknown opening, and upcoming reminders:
the pages, the register, the open data, the feed and the calendar reminder of the fixture site
(built for real at TODAY, 23 November 2026)."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import feedparser
import icalendar
import pytest
from bs4 import Tag

from .fixture_site import SITE_URL, Built, build, mkdocs_config, record
from .test_pages import article, facts, section, status_block, text

PAGE = SITE_URL + "consultations/"


@pytest.fixture(scope="module")
def data(built: Built) -> dict[str, dict[str, Any]]:
    items = json.loads(built.text("data/consultations.json"))["items"]
    return {item["id"]: item for item in items}


@pytest.fixture(scope="module")
def rows(built: Built) -> dict[str, dict[str, str]]:
    raw = (built.out / "data/consultations.csv").read_bytes().decode("utf-8-sig")
    return {row["id"]: row for row in csv.DictReader(io.StringIO(raw, newline=""))}


@pytest.fixture(scope="module")
def entries(built: Built) -> dict[str, Any]:
    parsed = feedparser.parse((built.out / "consultations/feed.xml").read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    return {entry.id: entry for entry in parsed.entries}


def register_item(built: Built, record_id: str) -> Tag:
    for item in built.soup("consultations/").find_all(attrs={"data-lo-item": True}):
        link = item.find("h3").find("a")
        if link["href"].rstrip("/").endswith(record_id):
            assert isinstance(item, Tag)
            return item
    raise AssertionError(f"{record_id} is not in the register")


# Upcoming: no ways to respond shown, the opening date, and a calendar reminder.


def test_an_upcoming_page_offers_the_opening_date_as_a_calendar_reminder(built: Built) -> None:
    page = article(built, "annual-reviews-2027")
    link = page.find("a", string="Add the opening date to your calendar")
    assert isinstance(link, Tag)
    assert link["href"] == "opens.ics"
    assert link.find_parent(attrs={"hidden": True}) is None
    calendar = icalendar.Calendar.from_ical(
        built.text("consultations/annual-reviews-2027/opens.ics")
    )
    events = [c for c in calendar.walk("VEVENT")]
    assert len(events) == 1
    event = events[0]
    assert event["SUMMARY"] == "Consultation opens: EHC plan annual reviews"
    start = event.decoded("DTSTART")
    assert start.isoformat() == "2027-01-11T09:30:00+00:00"
    assert str(start.tzinfo) == "Europe/London"
    assert event["URL"] == PAGE + "annual-reviews-2027/"
    assert event["UID"] == "consultation-annual-reviews-2027-opens@localoffer.anyshire.example"
    assert "28 February 2027" in event["DESCRIPTION"]


def test_an_all_day_opening_is_an_all_day_reminder(built: Built) -> None:
    calendar = icalendar.Calendar.from_ical(
        built.text("consultations/inclusion-strategy-2028/opens.ics")
    )
    (event,) = calendar.walk("VEVENT")
    assert event.decoded("DTSTART").isoformat() == "2027-09-13"
    assert event.decoded("DTEND").isoformat() == "2027-09-14"


def test_only_upcoming_consultations_have_a_reminder(built: Built) -> None:
    found = sorted(p.parent.name for p in (built.out / "consultations").rglob("opens.ics"))
    assert found == ["annual-reviews-2027", "inclusion-strategy-2028"]
    page = article(built, "short-breaks-2027")
    assert page.find("a", string="Add the opening date to your calendar") is None


def test_no_register_or_embed_item_offers_a_way_to_respond(built: Built) -> None:
    for path in ("consultations/", "", "all-open/"):
        soup = built.soup(path)
        assert soup.find(string=lambda s: "Respond online" in s) is None, path
        assert not soup.select(".lo-respond__way"), path


# Paused now, and paused then resumed.


def test_a_paused_page_says_so_and_hides_the_ways_to_respond(built: Built) -> None:
    page = article(built, "travel-training-paused")
    block = status_block(page)
    assert text(block.find(attrs={"data-lo-tag": True})) == "Paused"
    assert "Responses already sent still count. Resumes 7 December 2026." in text(block)
    # It cannot move on by itself in the browser: the next daily build does that.
    assert not block.has_attr("data-lo-closes")
    inset = page.find(class_="lo-inset--paused")
    assert isinstance(inset, Tag)
    assert text(inset) == (
        "Why we paused it: We found a mistake in the figures in the consultation document."
    )
    assert text(block).endswith(
        "Paused 16 November 2026. Responses already sent still count. Resumes 7 December 2026."
    )
    assert section(page, "How to respond") is None
    assert 'haveyoursay.anyshire.example/travel-training"' not in str(page)


def test_a_paused_consultation_in_the_register_has_its_tag_and_reason(built: Built) -> None:
    item = register_item(built, "travel-training-paused")
    assert item["data-status"] == "open"  # the contract's five: its dates say open
    assert text(item.find(attrs={"data-lo-tag": True})) == "Paused"
    assert "Why it is paused: We found a mistake in the figures" in text(item)
    assert "Resumes 7 December 2026" in text(item)


def test_a_paused_consultation_is_not_in_the_open_consultations_embed(built: Built) -> None:
    assert "travel-training-paused" not in built.page("all-open/")


def test_search_calls_a_paused_consultation_paused_not_open(built: Built) -> None:
    docs = json.loads(built.text("search/search_index.json"))["docs"]
    text = {doc["location"]: doc["text"] for doc in docs}
    assert text["consultations/travel-training-paused/"].startswith("Consultation (paused). ")
    assert text["consultations/play-schemes-resumed/"].startswith("Consultation (open). ")


def test_after_it_resumes_the_page_says_when_it_was_paused(built: Built) -> None:
    page = article(built, "play-schemes-resumed")
    assert text(status_block(page).find(attrs={"data-lo-tag": True})) == "Open"
    note = page.find(class_="lo-status-history")
    assert isinstance(note, Tag)
    assert (
        text(note)
        == "Paused from 1 October 2026 to 15 October 2026: The online form was not working."
    )
    assert section(page, "How to respond") is not None


def test_the_pause_in_the_data(
    data: dict[str, dict[str, Any]], rows: dict[str, dict[str, str]]
) -> None:
    paused = data["travel-training-paused"]
    assert paused["status"] == "open"
    assert paused["paused_now"] is True
    assert paused["paused"] == {
        "date": "2026-11-16",
        "reason": "We found a mistake in the figures in the consultation document.",
        "resumes": "2026-12-07",
    }
    assert data["play-schemes-resumed"]["paused_now"] is False
    assert data["short-breaks-2027"]["paused"] is None
    assert rows["travel-training-paused"]["paused_now"] == "true"
    assert rows["travel-training-paused"]["paused_resumes"] == "2026-12-07"
    assert rows["play-schemes-resumed"]["paused_date"] == "2026-10-01"


def test_the_feed_says_when_it_was_paused_and_resumed(entries: dict[str, Any]) -> None:
    paused = entries[PAGE + "travel-training-paused/#paused"]
    assert paused.title == "Consultation paused: Travel training for young people"
    assert paused.updated == "2026-11-16T00:00:00+00:00"
    assert "Responses already sent still count. It resumes on 7 December 2026." in paused.summary
    assert PAGE + "travel-training-paused/#resumed" not in entries  # not yet
    resumed = entries[PAGE + "play-schemes-resumed/#resumed"]
    assert resumed.title == "Consultation resumed: Inclusive play schemes"
    assert resumed.updated == "2026-10-15T00:00:00+01:00"


# Run by a partner.


def test_a_partner_consultation_says_who_runs_it_and_is_never_overdue(built: Built) -> None:
    page = article(built, "national-send-review")
    shown = facts(page)
    assert shown["Run by"] == "Department for Education"
    assert shown["Team"] == "SEND Review Team"
    assert shown["Outcome"] == "Department for Education will publish the outcome"
    assert "Area" not in shown  # not "Countywide" by default
    block = status_block(page)
    assert text(block.find(attrs={"data-lo-tag": True})) == "Closed"
    assert block.find(attrs={"data-lo-flag": True}) is None
    assert "Department for Education will publish the outcome." in text(block)
    assert not block.has_attr("data-lo-overdue")
    assert "overdue" not in block["data-lo-states"]
    assert page.find(class_="lo-inset--overdue") is None
    assert "overdue" not in text(page).lower()


def test_a_partner_consultation_in_the_register_and_the_data(
    built: Built, data: dict[str, dict[str, Any]], rows: dict[str, dict[str, str]]
) -> None:
    item = register_item(built, "national-send-review")
    assert "Run by Department for Education" in text(item)
    assert item["data-area"] == ""
    national = data["national-send-review"]
    assert national["organisation"] == "Department for Education"
    assert national["outcome_overdue"] is False
    assert national["areas"] == []  # not "countywide" by default: it is not the council's
    assert data["holiday-survey"]["areas"] == ["countywide"]
    assert data["school-places"]["organisation"] == "Anyshire County Council"
    assert data["school-places"]["outcome_overdue"] is True
    assert rows["national-send-review"]["organisation"] == "Department for Education"
    assert rows["national-send-review"]["outcome_overdue"] == "false"


# Extended closing dates.


def test_an_extended_closing_date_says_from_when(built: Built) -> None:
    page = article(built, "respite-review-extended")
    assert facts(page)["Closes"] == "26 February 2027 (extended from 18 December 2026)"
    assert "Closes 26 February 2027 (extended from 18 December 2026)" in text(status_block(page))
    item = register_item(built, "respite-review-extended")
    assert "Closes 26 February 2027 (extended from 18 December 2026)" in text(item)


def test_each_extension_is_a_feed_entry_dated_when_it_was_announced(
    entries: dict[str, Any],
) -> None:
    first = entries[PAGE + "respite-review-extended/#extended-2026-12-18"]
    assert first.title == "Closing date extended to 18 December 2026: Overnight short breaks review"
    assert first.updated == "2026-11-02T00:00:00+00:00"
    second = entries[PAGE + "respite-review-extended/#extended-2027-02-26"]
    assert (
        second.title == "Closing date extended to 26 February 2027: Overnight short breaks review"
    )
    assert second.updated == "2026-11-20T00:00:00+00:00"
    assert second.summary == "You can now respond until 26 February 2027."


def test_extensions_in_the_data(
    data: dict[str, dict[str, Any]], rows: dict[str, dict[str, str]]
) -> None:
    assert data["respite-review-extended"]["extended"] == [
        {"from": "2026-11-30", "on": "2026-11-02"},
        {"from": "2026-12-18", "on": "2026-11-20"},
    ]
    assert data["short-breaks-2027"]["extended"] == []
    assert rows["respite-review-extended"]["extended"] == (
        "from 2026-11-30 (on 2026-11-02); from 2026-12-18 (on 2026-11-20)"
    )


# An unknown opening date.


def test_an_unknown_opening_date_is_never_shown_or_invented(
    built: Built, data: dict[str, dict[str, Any]], entries: dict[str, Any]
) -> None:
    page = article(built, "therapies-unknown-opening")
    assert "Opens" not in facts(page)
    assert "unknown" not in text(page).lower()
    assert not status_block(page).has_attr("data-lo-opens")
    assert data["therapies-unknown-opening"]["opens"] is None
    assert data["therapies-unknown-opening"]["status"] == "closed"
    assert not (built.out / "consultations/therapies-unknown-opening/opens.ics").exists()
    opened = entries[PAGE + "therapies-unknown-opening/#opened"]
    # No "published" (we do not know it); "updated" is the moment it closed.
    assert "published" not in opened
    assert opened.updated == "2026-11-13T23:59:59+00:00"


def test_the_new_fields_are_valid_against_the_published_schema(built: Built) -> None:
    import jsonschema

    schema = json.loads(built.text("data/consultations.schema.json"))
    cls = jsonschema.validators.validator_for(schema)
    document = json.loads(built.text("data/consultations.json"))
    cls(schema, format_checker=cls.FORMAT_CHECKER).validate(document)


# A withdrawal dated later: it takes effect on its date, not before.

WITHDRAWN_ON = "2026-12-10"
WITHDRAWING = record(
    f"""
    title: Future of the short breaks centre
    summary: A proposal to move overnight short breaks.
    opens: 2026-11-02
    closes: 2027-01-15
    audiences: parents-carers
    lead: Short Breaks Team
    respond:
      - email: shortbreaks@anyshire.example
    withdrawn:
      date: {WITHDRAWN_ON}
      reason: A wider review of short breaks replaces it.
    """
)


@pytest.fixture(scope="module")
def withdrawing(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Built]:
    """A site of one consultation, withdrawn from WITHDRAWN_ON, built the day before and on it."""
    root = tmp_path_factory.mktemp("withdrawing") / "site"
    for folder in ("consultations", "events", "responses", "content"):
        (root / folder).mkdir(parents=True)
    (root / "mkdocs.yml").write_text(mkdocs_config(), encoding="utf-8")
    (root / "content" / "index.md").write_text("# Home\n", encoding="utf-8")
    (root / "content" / "all-open.md").write_text(
        "# Open consultations\n\n<!-- localoffer:open-consultations -->\n", encoding="utf-8"
    )
    (root / "consultations" / "centre.md").write_text(WITHDRAWING, encoding="utf-8")
    out = tmp_path_factory.mktemp("withdrawing-out")
    return {day: build(root, out / day, today=day) for day in ("2026-12-09 23:59", WITHDRAWN_ON)}


def test_a_withdrawal_dated_later_leaves_it_open_until_that_day(
    withdrawing: dict[str, Built],
) -> None:
    before = withdrawing["2026-12-09 23:59"]
    page = article(before, "centre")
    assert text(status_block(page).find(attrs={"data-lo-tag": True})) == "Open"
    assert page.find(class_="lo-inset--withdrawn") is None
    assert "withdrew" not in text(page).lower()
    assert section(page, "How to respond") is not None
    item = register_item(before, "centre")
    assert item["data-status"] == "open"
    assert "withdrawn" not in text(item).lower()
    assert "consultations/centre/" in before.page("all-open/")
    [data] = json.loads(before.text("data/consultations.json"))["items"]
    assert data["status"] == "open"
    feed = feedparser.parse((before.out / "consultations/feed.xml").read_bytes())
    assert [entry.id for entry in feed.entries] == [PAGE + "centre/#opened"]


def test_a_withdrawal_takes_effect_on_its_date(withdrawing: dict[str, Built]) -> None:
    on = withdrawing[WITHDRAWN_ON]
    page = article(on, "centre")
    assert "Withdrawn 10 December 2026" in text(status_block(page))
    assert "We withdrew this consultation on 10 December 2026" in text(
        page.find(class_="lo-inset--withdrawn")
    )
    assert section(page, "How to respond") is None
    item = register_item(on, "centre")
    assert item["data-status"] == "withdrawn"
    assert "A wider review of short breaks replaces it." in text(item)
    assert "consultations/centre/" not in on.page("all-open/")
    [data] = json.loads(on.text("data/consultations.json"))["items"]
    assert data["status"] == "withdrawn"
    feed = feedparser.parse((on.out / "consultations/feed.xml").read_bytes())
    assert PAGE + "centre/#withdrawn" in {entry.id for entry in feed.entries}


# The sample site: its texts stay true as statuses move on, and it shows each new state.

#: Words that stop being true when a derived status moves on.
TIME_BOUND = ("has closed", "is now closed", "is open now", "is now open", "opens on", "closes on")


def test_no_sample_body_says_what_time_will_make_false() -> None:
    from .fixture_site import REPO

    for path in sorted((REPO / "consultations").rglob("*.md")):
        body = path.read_text(encoding="utf-8").split("\n---\n", 1)[1].lower()
        body = " ".join(body.split())
        for words in TIME_BOUND:
            assert words not in body, f"{path.relative_to(REPO)} says '{words}'"
        assert "everyone who asked to be kept up to date" not in body, path


def test_the_sample_shows_each_new_state(sample_built: Built) -> None:
    national = article(sample_built, "send-ap-improvement-plan-national-2026")
    assert facts(national)["Run by"] == "Department for Education"
    assert facts(national)["Area"] == "National"
    assert "overdue" not in text(national).lower()
    paused = article(sample_built, "portage-home-visiting-2027")
    assert text(status_block(paused).find(attrs={"data-lo-tag": True})) == "Paused"
    assert "Resumes 11 January 2027" in text(paused)
    extended = article(sample_built, "preparing-for-adulthood-pathway-2027")
    assert facts(extended)["Closes"] == "28 February 2027 (extended from 31 January 2027)"
    unknown = article(sample_built, "speech-language-therapy-schools-2027")
    assert "Opens" not in facts(unknown)
