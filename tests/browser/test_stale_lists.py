"""No stale lists between builds (issue 15 item 5): status.js and lists.js in a real browser.

The site is built for TODAY (conftest.py); the browser's clock is then set, before the page
loads, to moments after that. The sample has open consultations that close within two months
of the build (Holiday activities 2027 survey, 29 November 2026; Short breaks services statement
2027, 15 January 2027), one that opens in February (EHC plan annual reviews, 1 February 2027)
and engagement opportunities that are over by then (the first four on the home page, from 27
November 2026 to 6 January 2027), so that every check here can fail.

- At the build's own moment, with script, every list shows exactly what the build wrote.
- Two months on, the home page lists no closed consultation as open and no event that is over
  as coming up; the next dates the build wrote hidden move up, each event once, the link's
  words and the empty states match what is left, and what has left is hidden for assistive
  technology too. A consultation that has opened since joins the open ones in closing order.
- The register moves closed consultations to its closed section and counts again; its page for
  open ones drops them. /events/ and /events/engagement/ drop the dates that are over, with
  their month and day headings, and the filters neither show nor count them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime
from typing import Any

import pytest
from bs4 import BeautifulSoup, Tag

from .conftest import TODAY, Site

pytestmark = pytest.mark.browser

LONDON_WINTER = "+00:00"  # every moment used here is in winter: London is on GMT
BUILD = datetime.fromisoformat(f"{TODAY}T00:00:01{LONDON_WINTER}")
LATER = datetime.fromisoformat(f"2027-01-25T10:00:00{LONDON_WINTER}")  # two months on
OPENED = datetime.fromisoformat(f"2027-02-05T10:00:00{LONDON_WINTER}")  # EHC reviews open
YEAR_ON = datetime.fromisoformat(f"2027-12-15T10:00:00{LONDON_WINTER}")  # everything is over

CLOSED_BY_LATER = ["Holiday activities 2027 survey", "Short breaks services statement 2027"]
OPEN_AT_LATER = ["Speech and language therapy in schools", "Preparing for adulthood pathway"]
FEW = "See all consultations, including closed ones and their outcomes"

# Every [data-lo-item] on the page: whether it is shown (neither it nor a parent hidden) and
# what it says; and the same for the other parts the scripts show or hide.
ITEMS = """(root) => [...document.querySelectorAll(`${root} [data-lo-item]`)].map((el) => ({
  shown: el.closest('[hidden]') === null,
  over: el.hasAttribute('data-lo-over'),
  title: el.querySelector('a').textContent.trim(),
  text: el.textContent.replace(/\\s+/g, ' ').trim(),
  ends: el.dataset.loEnds || '',
  event: el.dataset.loEvent || '',
  closes: (el.querySelector('[data-lo-closes]') || {dataset: {}}).dataset.loCloses || '',
  tag: (el.querySelector('[data-lo-tag]') || {textContent: ''}).textContent.trim(),
  status: el.dataset.status || '',
  section: (el.closest('[data-lo-section]') || {dataset: {}}).dataset.loSection || '',
}))"""

SHOWN_PARTS = """(selector) => [...document.querySelectorAll(selector)]
  .filter((el) => el.closest('[hidden]') === null)
  .map((el) => el.textContent.replace(/\\s+/g, ' ').trim())"""

OPEN_EMBED = ".lo-open-consultations"
ENGAGEMENT_EMBED = ".lo-embed--engagement"


@pytest.fixture
def open_at(browser: Any) -> Iterator[Callable[..., Any]]:
    """Open a URL with the browser's clock set to ``when`` before the page loads."""
    contexts: list[Any] = []

    def _open(url: str, when: datetime, *, route: Callable[[Any], None] | None = None) -> Any:
        context = browser.new_context(
            viewport={"width": 1280, "height": 800},
            locale="en-GB",
            timezone_id="Europe/London",
            reduced_motion="reduce",
        )
        context.set_default_timeout(10_000)
        contexts.append(context)
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.clock.install(time=when)
        if route is not None:
            page.route(url, route)
        page.goto(url, wait_until="load")
        assert not errors, f"{url}: JavaScript errors: {errors}"
        return page

    yield _open
    for context in contexts:
        context.close()


def items(page: Any, root: str) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = page.evaluate(ITEMS, root)
    assert found, f"no list items under {root}"
    return found


def shown(found: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [item for item in found if item["shown"]]


def shown_parts(page: Any, selector: str) -> list[str]:
    parts: list[str] = page.evaluate(SHOWN_PARTS, selector)
    return parts


def instant(value: str) -> datetime:
    return datetime.fromisoformat(value)


def built_items(site: Site, path: str, root: str) -> list[tuple[bool, str]]:
    """What the build wrote: each item under ``root`` and whether it is shown without script."""
    soup = BeautifulSoup((site.root / path / "index.html").read_text("utf-8"), "html.parser")
    found = []
    for item in soup.select(f"{root} [data-lo-item]"):
        hidden = any(isinstance(el, Tag) and el.has_attr("hidden") for el in [item, *item.parents])
        link = item.find("a")
        assert isinstance(link, Tag)
        found.append((not hidden, link.get_text(strip=True)))
    return found


# --- At the build's own moment ---------------------------------------------------------------

LISTS = {
    "": [OPEN_EMBED, ENGAGEMENT_EMBED],
    "consultations/": ["#consultation-list"],
    "consultations/status/open/": ["#consultation-list"],
    "events/": ["#lo-events-list"],
    "events/engagement/": ["#lo-engagement-list"],
}


@pytest.mark.parametrize("path", sorted(LISTS), ids=[f"/{path}" for path in sorted(LISTS)])
def test_at_the_build_moment_the_lists_are_as_built(site: Site, open_at: Any, path: str) -> None:
    page = open_at(site.url(path), BUILD)
    for root in LISTS[path]:
        found = items(page, root)
        assert [(item["shown"], item["title"]) for item in found] == built_items(site, path, root)
        assert not [item for item in found if item["over"]]


def test_the_sample_has_what_these_tests_need(site: Site) -> None:
    """Open consultations that close within two months, shown at the build."""
    built = built_items(site, "", OPEN_EMBED)
    assert [title for is_shown, title in built if is_shown] == CLOSED_BY_LATER + OPEN_AT_LATER
    # The upcoming one is written, hidden, to join the list when it opens.
    assert (False, "A new way to do EHC plan annual reviews") in built
    engagement = built_items(site, "", ENGAGEMENT_EMBED)
    assert sum(is_shown for is_shown, _ in engagement) == 4
    assert len(engagement) > 4  # the next dates, hidden


# --- Two months on: the home page -------------------------------------------------------------


def test_two_months_on_the_home_page_lists_no_closed_consultation_as_open(
    site: Site, open_at: Any
) -> None:
    page = open_at(site.url(""), LATER)
    found = items(page, OPEN_EMBED)
    listed = shown(found)
    assert [item["title"] for item in listed] == OPEN_AT_LATER
    for item in listed:
        assert instant(item["closes"]) > LATER, item
        assert item["tag"] == "Open"
    for item in found:
        if item["title"] in CLOSED_BY_LATER:
            assert item["over"] and not item["shown"], item
            assert item["tag"] == "Closed"  # status.js corrected its words too
    # Hidden for assistive technology too: the accessibility tree has only what is shown.
    tree = page.locator(OPEN_EMBED).aria_snapshot()
    for title in CLOSED_BY_LATER:
        assert title not in tree
    for title in OPEN_AT_LATER:
        assert title in tree
    # Two open, under the limit of five: the link offers the whole register; no empty state.
    assert shown_parts(page, f"{OPEN_EMBED} .lo-embed__more a") == [FEW]
    assert shown_parts(page, f"{OPEN_EMBED} [data-lo-empty]") == []


def test_two_months_on_the_home_page_lists_no_event_that_is_over(site: Site, open_at: Any) -> None:
    page = open_at(site.url(""), LATER)
    found = items(page, ENGAGEMENT_EMBED)
    listed = shown(found)
    # What the build wrote that is still to come, each event once at its next date, up to 4.
    expected: list[str] = []
    for item in found:
        if instant(item["ends"]) > LATER and item["event"] not in expected:
            expected.append(item["event"])
    assert [item["event"] for item in listed] == expected[:4]
    assert len(listed) == 4
    for item in listed:
        assert instant(item["ends"]) > LATER, item
    assert listed[0]["title"] == "Parent Carer Forum coffee morning"
    assert "Friday 29 January 2027, 10am to midday" in listed[0]["text"]
    # The four shown at the build are all over, and gone from the accessibility tree.
    tree = page.locator(ENGAGEMENT_EMBED).aria_snapshot()
    for title in (
        "Short breaks consultation: drop-in, Anbury",
        "Short breaks consultation: family afternoon, Kestleford",
    ):
        assert title not in tree
    assert shown_parts(page, f"{ENGAGEMENT_EMBED} [data-lo-empty]") == []


def test_a_consultation_that_has_opened_since_joins_the_open_ones(site: Site, open_at: Any) -> None:
    page = open_at(site.url(""), OPENED)
    listed = shown(items(page, OPEN_EMBED))
    # Speech and language therapy closed on 31 January; EHC plan reviews opened on 1 February
    # and closes after the pathway: closing soonest first.
    assert [item["title"] for item in listed] == [
        "Preparing for adulthood pathway",
        "A new way to do EHC plan annual reviews",
    ]
    assert [item["tag"] for item in listed] == ["Open", "Open"]
    assert [item["section"] for item in listed] == ["open", "open"]


def test_a_year_on_the_home_page_lists_say_what_is_left(site: Site, open_at: Any) -> None:
    page = open_at(site.url(""), YEAR_ON)
    assert shown(items(page, OPEN_EMBED)) == []
    assert shown_parts(page, f"{OPEN_EMBED} [data-lo-empty]") == [
        "There are no open consultations at the moment."
    ]
    assert shown_parts(page, f"{OPEN_EMBED} .lo-embed__more a") == [FEW]
    # Every engagement date the build wrote is over, but it did not write every one to come
    # (data-lo-cut): the list goes without claiming there is nothing; the link stays.
    assert shown(items(page, ENGAGEMENT_EMBED)) == []
    assert page.locator(ENGAGEMENT_EMBED).get_attribute("data-lo-cut") == ""
    assert shown_parts(page, f"{ENGAGEMENT_EMBED} [data-lo-empty]") == []
    assert shown_parts(page, f"{ENGAGEMENT_EMBED} a") == ["See all engagement opportunities"]


def test_the_count_of_open_consultations_follows_what_is_left(site: Site, open_at: Any) -> None:
    """The home page's embed with a limit of 2 instead of 5 (the build's own markup)."""

    def limit_two(route: Any) -> None:
        response = route.fetch()
        body = response.text().replace(
            'lo-open-consultations" data-lo-live data-lo-limit="5"',
            'lo-open-consultations" data-lo-live data-lo-limit="2"',
        )
        assert 'data-lo-limit="2"' in body
        route.fulfill(response=response, body=body)

    at = datetime.fromisoformat(f"2027-01-10T10:00:00{LONDON_WINTER}")  # the survey has closed
    page = open_at(site.url(""), at, route=limit_two)
    listed = shown(items(page, OPEN_EMBED))
    assert [item["title"] for item in listed] == [
        "Short breaks services statement 2027",
        "Speech and language therapy in schools",
    ]
    assert shown_parts(page, f"{OPEN_EMBED} .lo-embed__more a") == ["See all 3 open consultations"]


# --- Two months on: the registers and the calendar ---------------------------------------------


def test_two_months_on_the_register_shows_the_closed_ones_as_closed(
    site: Site, open_at: Any
) -> None:
    page = open_at(site.url("consultations/"), LATER)
    found = items(page, "#consultation-list")
    in_open = [item for item in found if item["section"] == "open"]
    # (the register's open section also lists a paused one, whose status does not carry dates)
    assert [item["title"] for item in in_open if item["closes"]] == OPEN_AT_LATER
    for item in in_open:
        assert item["shown"] and (item["tag"] == "Paused" or instant(item["closes"]) > LATER)
    closed = [item["title"] for item in found if item["section"] == "closed"]
    for title in CLOSED_BY_LATER:
        assert title in closed
    counts = dict(
        page.evaluate(
            """() => [...document.querySelectorAll('[data-lo-count]')].map((el) =>
            [el.dataset.loCount, el.hidden ? 0 : +el.querySelector('[data-lo-count-number]')
              .textContent])"""
        )
    )
    for status in ("open", "closed", "upcoming"):
        assert counts[status] == len([item for item in found if item["section"] == status])
    # The register's page for open consultations has no closed section: they leave it.
    page = open_at(site.url("consultations/status/open/"), LATER)
    found = items(page, "#consultation-list")
    for item in shown(found):
        assert item["tag"] == "Paused" or instant(item["closes"]) > LATER, item
    assert {item["title"] for item in found if item["over"]} == set(CLOSED_BY_LATER)
    assert shown_parts(page, "#consultation-list h2") == ["Open consultations"]


@pytest.mark.parametrize("path", ["events/", "events/engagement/"])
def test_two_months_on_the_calendar_lists_no_date_that_is_over(
    site: Site, open_at: Any, path: str
) -> None:
    root = "#lo-events-list" if path == "events/" else "#lo-engagement-list"
    page = open_at(site.url(path), LATER)
    found = items(page, root)
    over = [item for item in found if item["ends"] and instant(item["ends"]) <= LATER]
    assert over, "the sample should have dates over by then"
    assert all(item["over"] and not item["shown"] for item in over)
    assert shown(found)
    # No heading is left with nothing under it: November and December 2026 go.
    empty = page.evaluate(
        """(root) => [...document.querySelectorAll(`${root} [data-lo-group]`)]
        .filter((g) => g.closest('[hidden]') === null)
        .filter((g) => !g.querySelector('[data-lo-item]:not([hidden])'))
        .map((g) => g.textContent.trim().slice(0, 40))""",
        root,
    )
    assert empty == []
    headings = shown_parts(page, f"{root} h2")
    assert "November 2026" not in headings and "December 2026" not in headings
    if path != "events/":
        return
    # The filters neither show nor count the dates that are over.
    count = page.locator("#lo-events-list-count")
    more = int(page.locator("#lo-events-filters").get_attribute("data-lo-more") or "0")
    listed = len(shown(found))
    assert count.text_content() == f"Showing {listed} of {listed + more} events"
    page.get_by_label("Only show engagement opportunities").check()
    # (the index of the later dates is fetched and drawn: they are all still to come)
    page.wait_for_function("() => document.querySelector('#lo-events-list [data-lo-extra]')")
    again = items(page, root)
    for item in shown(again):
        assert not item["ends"] or instant(item["ends"]) > LATER, item
