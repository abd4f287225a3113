"""Consultations in a real browser: status.js, the shared filters, axe-core and the Nu checker.

Pages are opened with the browser's clock fixed (Playwright), so the status script sees the
moment a reader would: the day of the build, or weeks later.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime
from typing import Any

import pytest

from .fixture_site import Built

try:
    from browser.conftest import CHROMIUM, format_violations, run_vnu, serve, unavailable
    from browser.conftest import axe_violations as _axe
except ImportError:  # pragma: no cover - if tests/ becomes a package
    from tests.browser.conftest import (  # type: ignore[no-redef]
        CHROMIUM,
        format_violations,
        run_vnu,
        serve,
        unavailable,
    )
    from tests.browser.conftest import (
        axe_violations as _axe,
    )

pytestmark = pytest.mark.browser

BUILD_DAY = "2026-11-23T12:00:00+00:00"  # later on the day of the build: nothing has changed
AFTER_CLOSING = "2027-01-16T09:00:00+00:00"  # short breaks closed at 5pm on 15 January
MUCH_LATER = "2027-03-01T09:00:00+00:00"  # holiday survey (closed 27 November) is overdue

# Records every change status.js could make. Observing starts when the document has been
# parsed ("interactive"), which is before deferred scripts such as status.js run.
WATCH = """
window.__loChanges = [];
const observer = new MutationObserver((records) => {
  for (const r of records) {
    const el = r.target.nodeType === 1 ? r.target : r.target.parentElement;
    if (!el || !el.closest) continue;
    if (el.closest('[data-lo-status], [data-lo-count]') ||
        (r.type === 'attributes' && ['data-status', 'data-lo-state'].includes(r.attributeName)) ||
        (r.type === 'attributes' &&
         el.matches('[data-lo-while-open], [data-lo-while-upcoming], [data-lo-once-open]')) ||
        (r.type === 'childList' && el.matches('[data-lo-list]'))) {
      window.__loChanges.push(`${r.type} ${r.attributeName || ''} ${el.outerHTML.slice(0, 80)}`);
    }
  }
});
document.addEventListener('readystatechange', () => {
  if (document.readyState !== 'interactive') return;
  observer.observe(document, {subtree: true, childList: true, attributes: true,
                              characterData: true});
});
"""


@pytest.fixture(scope="module")
def base(built: Built) -> Iterator[str]:
    yield from serve(built.out)


@pytest.fixture
def open_at(browser: Any) -> Iterator[Callable[..., Any]]:
    """Open a page with the browser's clock fixed at ``moment`` (an ISO date-time)."""
    contexts: list[Any] = []

    def _open(url: str, moment: str, *, scheme: str = "light", block_filters: bool = False) -> Any:
        context = browser.new_context(
            locale="en-GB", timezone_id="Europe/London", color_scheme=scheme
        )
        contexts.append(context)
        context.clock.set_fixed_time(datetime.fromisoformat(moment))
        context.add_init_script(WATCH)
        if block_filters:
            context.route("**/filters.js", lambda route: route.abort())
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(url, wait_until="load")
        page.wait_for_function("window.localofferStatus !== undefined")
        assert not errors, errors
        return page

    if not CHROMIUM.exists():
        unavailable(f"Chromium ({CHROMIUM})")
    yield _open
    for context in contexts:
        context.close()


def status(page: Any, selector: str = '[data-lo-status="page"]') -> dict[str, Any]:
    return dict(
        page.evaluate(
            """(selector) => {
              const el = document.querySelector(selector);
              const flag = el.querySelector('[data-lo-flag]');
              return {
                state: el.dataset.loState,
                tag: el.querySelector('[data-lo-tag]').textContent,
                tagClass: el.querySelector('[data-lo-tag]').className,
                flag: flag ? flag.textContent : '',
                note: el.querySelector('[data-lo-note]').textContent,
              };
            }""",
            selector,
        )
    )


def respond_visible(page: Any) -> bool:
    return bool(
        page.evaluate(
            "() => { const el = document.querySelector('[data-lo-while-open]');"
            " return !!el && !el.hidden && el.offsetParent !== null; }"
        )
    )


@pytest.mark.parametrize(
    "path",
    [
        "consultations/short-breaks-2027/",
        "consultations/holiday-survey/",
        "consultations/annual-reviews-2027/",
        "consultations/website-review/",
        "consultations/travel-training-paused/",
        "consultations/national-send-review/",
        "consultations/therapies-unknown-opening/",
        "consultations/",
        "",
    ],
)
def test_nothing_changes_when_nothing_has_changed(open_at: Any, base: str, path: str) -> None:
    page = open_at(base + path, BUILD_DAY, block_filters=True)
    assert page.evaluate("() => window.__loChanges") == []
    assert (
        page.evaluate(f"() => window.localofferStatus.update(Date.parse('{BUILD_DAY}'))") is False
    )


def test_a_reader_clock_behind_the_build_never_moves_a_status_back(open_at: Any, base: str) -> None:
    page = open_at(base + "consultations/short-breaks-2027/", "2026-10-01T09:00:00+00:00")
    assert page.evaluate("() => window.__loChanges") == []
    assert status(page)["tag"] == "Open"


def test_after_closing_the_page_says_closed_and_hides_the_ways_to_respond(
    open_at: Any, base: str
) -> None:
    page = open_at(base + "consultations/short-breaks-2027/", AFTER_CLOSING)
    assert status(page) == {
        "state": "closed",
        "tag": "Closed",
        "tagClass": "lo-tag lo-tag--closed",
        "flag": "",
        "note": "Closed 15 January 2027. We are analysing your feedback.",
    }
    assert not respond_visible(page)
    # The related consultation's status is corrected too (it has an outcome: unchanged).
    assert "Outcome published" in page.inner_text(".lo-related")


def test_an_open_page_stays_open_with_its_ways_to_respond(open_at: Any, base: str) -> None:
    page = open_at(base + "consultations/short-breaks-2027/", BUILD_DAY)
    assert status(page)["tag"] == "Open"
    assert respond_visible(page)


def test_closing_soon_is_flagged_in_the_last_seven_days(open_at: Any, base: str) -> None:
    page = open_at(base + "consultations/short-breaks-2027/", "2027-01-10T09:00:00+00:00")
    shown = status(page)
    assert (shown["state"], shown["tag"], shown["flag"]) == ("closing-soon", "Open", "Closing soon")
    assert respond_visible(page)


def test_an_upcoming_consultation_opens(open_at: Any, base: str) -> None:
    page = open_at(base + "consultations/annual-reviews-2027/", AFTER_CLOSING)
    shown = status(page)
    assert (shown["tag"], shown["note"]) == ("Open", "Closes 28 February 2027")
    assert respond_visible(page)
    words = page.inner_text(".lo-respond")
    assert "Respond by 28 February 2027" in words
    assert "This consultation opens" not in words


def test_an_upcoming_consultation_read_before_it_opens_says_when_it_opens(
    open_at: Any, base: str
) -> None:
    page = open_at(base + "consultations/annual-reviews-2027/", BUILD_DAY)
    assert not respond_visible(page)
    assert not page.is_visible("text=Respond by")
    words = page.inner_text(".lo-opens")
    assert "This consultation opens 9:30am on 11 January 2027" in words
    assert page.is_visible("text=Add the opening date to your calendar")


def test_once_it_has_opened_the_reminder_gives_way_to_the_ways_to_respond(
    open_at: Any, base: str
) -> None:
    page = open_at(base + "consultations/annual-reviews-2027/", "2027-01-11T10:00:00+00:00")
    assert respond_visible(page)
    assert not page.is_visible(".lo-opens")


def test_a_paused_page_never_moves_on_by_itself(open_at: Any, base: str) -> None:
    page = open_at(base + "consultations/travel-training-paused/", MUCH_LATER)
    assert page.evaluate("() => window.__loChanges") == []
    assert status(page)["tag"] == "Paused"
    assert not respond_visible(page)


def test_a_partner_consultation_never_becomes_overdue(open_at: Any, base: str) -> None:
    page = open_at(base + "consultations/national-send-review/", MUCH_LATER)
    assert page.evaluate("() => window.__loChanges") == []
    assert status(page)["note"] == (
        "Closed 1 July 2026. Department for Education will publish the outcome."
    )


def test_an_unknown_opening_date_still_moves_on_to_overdue(open_at: Any, base: str) -> None:
    page = open_at(base + "consultations/therapies-unknown-opening/", MUCH_LATER)
    shown = status(page)
    assert (shown["tag"], shown["flag"]) == ("Closed", "Outcome overdue")


NO_4XX_PAGES = [
    "consultations/",
    "consultations/short-breaks-2027/",
    "consultations/annual-reviews-2027/",
    "consultations/travel-training-paused/",
    "events/short-breaks-drop-in/",
    "you-said-we-did/transport-feedback/",
    "",
]


@pytest.mark.parametrize("path", NO_4XX_PAGES)
def test_a_page_asks_for_nothing_that_is_not_there(browser: Any, base: str, path: str) -> None:
    """mkdocs-material fetches sitemap.xml beside every <link rel=alternate>: a feed link that
    was a bare "alternate" made each consultation page ask for /consultations/sitemap.xml."""
    if not CHROMIUM.exists():
        unavailable(f"Chromium ({CHROMIUM})")
    context = browser.new_context(locale="en-GB", timezone_id="Europe/London")
    try:
        context.clock.set_fixed_time(datetime.fromisoformat(BUILD_DAY))
        page = context.new_page()
        requested: list[str] = []
        failed: list[str] = []
        page.on("request", lambda request: requested.append(request.url))
        page.on(
            "response",
            lambda response: (
                failed.append(f"{response.status} {response.url}")
                if response.status >= 400
                else None
            ),
        )
        page.on("requestfailed", lambda request: failed.append(f"failed {request.url}"))
        page.goto(base + path, wait_until="networkidle")
        page.wait_for_timeout(300)  # material's own requests start after its scripts run
        assert failed == []
        assert all(url.startswith(base) for url in requested), requested
        assert not [url for url in requested if url.endswith("sitemap.xml")], requested
    finally:
        context.close()


def test_an_outcome_becomes_overdue(open_at: Any, base: str) -> None:
    page = open_at(base + "consultations/holiday-survey/", MUCH_LATER)
    shown = status(page)
    assert (shown["tag"], shown["flag"]) == ("Closed", "Outcome overdue")
    assert shown["note"] == (
        "Closed 27 November 2026. The outcome is overdue: it was due by 19 February 2027."
    )
    assert not respond_visible(page)


def section_ids(page: Any) -> dict[str, list[str]]:
    return dict(
        page.evaluate(
            """() => Object.fromEntries([...document.querySelectorAll('[data-lo-section]')].map(
                 (s) => [s.dataset.loSection, [...s.querySelectorAll('[data-lo-item] h3 a')]
                   .map((a) => a.getAttribute('href').replace(/\\/$/, ''))]))"""
        )
    )


def counts(page: Any) -> dict[str, str]:
    return dict(
        page.evaluate(
            """() => Object.fromEntries([...document.querySelectorAll('[data-lo-count]')]
                 .map((li) => [li.dataset.loCount, li.hidden ? '' : li.textContent.trim()]))"""
        )
    )


def test_the_register_moves_consultations_whose_status_changed(open_at: Any, base: str) -> None:
    page = open_at(base + "consultations/", AFTER_CLOSING)
    found = section_ids(page)
    # Closing soonest first: the upcoming one that opened closes on 28 February.
    # (The paused one stays where it was built: it has no dates to move by.)
    assert found["open"] == [
        "travel-training-paused",
        "respite-review-extended",
        "annual-reviews-2027",
        "hostile",
        "play-schemes-resumed",
    ]
    assert found["upcoming"] == ["inclusion-strategy-2028"]
    # Most recently closed first.
    assert found["closed"] == [
        "short-breaks-2027",
        "holiday-survey",
        "therapies-unknown-opening",
        "website-review",
        "school-places",
        "national-send-review",
    ]
    assert counts(page) == {
        "open": "5 open",
        "upcoming": "1 upcoming",
        "closed": "6 closed",
        "outcome": "2 with an outcome published",
        "withdrawn": "1 withdrawn",
    }
    statuses = page.evaluate(
        """() => [...document.querySelectorAll('[data-lo-section="closed"] [data-lo-item]')]
             .map((el) => el.dataset.status)"""
    )
    assert statuses == ["closed"] * 6


def test_the_shared_filters_see_the_corrected_status(open_at: Any, base: str) -> None:
    page = open_at(base + "consultations/?status=closed", AFTER_CLOSING)
    visible = page.evaluate(
        """() => [...document.querySelectorAll('[data-lo-item]')]
             .filter((el) => el.offsetParent !== null)
             .map((el) => el.querySelector('h3 a').getAttribute('href').replace(/\\/$/, ''))"""
    )
    assert visible == [
        "short-breaks-2027",
        "holiday-survey",
        "therapies-unknown-opening",
        "website-review",
        "school-places",
        "national-send-review",
    ]
    assert page.inner_text("#consultation-list-count") == "Showing 6 of 15 consultations"


def visible_items(page: Any) -> list[str]:
    return list(
        page.evaluate(
            """() => [...document.querySelectorAll('#consultation-list [data-lo-item]')]
                 .filter((el) => el.offsetParent !== null)
                 .map((el) => el.querySelector('h3 a').getAttribute('href').replace(/\\/$/, ''))"""
        )
    )


def test_filters_by_status_topic_audience_area_and_text(open_at: Any, base: str) -> None:
    page = open_at(base + "consultations/", BUILD_DAY)
    assert page.is_visible("form.lo-filters")
    assert len(visible_items(page)) == 15
    page.check("#lo-filter-status-open")
    page.check("#lo-filter-topic-short-breaks")
    assert visible_items(page) == [
        "holiday-survey",
        "short-breaks-2027",
        "respite-review-extended",
        "play-schemes-resumed",
    ]
    assert page.inner_text("#consultation-list-count") == "Showing 4 of 15 consultations"
    assert "status=open" in page.url and "topic=short-breaks" in page.url
    # Sections with nothing left in them are hidden.
    assert not page.is_visible('[data-lo-section="closed"]')
    page.click("form.lo-filters button[type=reset]")
    page.check("#lo-filter-area-north")
    assert visible_items(page) == ["short-breaks-2027", "respite-centre"]
    page.click("form.lo-filters button[type=reset]")
    page.check("#lo-filter-audience-professionals")
    assert visible_items(page) == [
        "annual-reviews-2027",
        "therapies-unknown-opening",
        "school-places",
        "sen-support-guidance",
    ]
    page.click("form.lo-filters button[type=reset]")
    page.fill("#lo-filter-q", "transport team")
    assert visible_items(page) == ["travel-training-paused", "transport-2026"]


def test_a_shared_filtered_address_opens_filtered(open_at: Any, base: str) -> None:
    page = open_at(base + "consultations/?status=outcome&q=guidance", BUILD_DAY)
    assert visible_items(page) == ["sen-support-guidance"]
    assert page.is_checked("#lo-filter-status-outcome")


# Every template in both colour schemes, without checking every page twice.
AXE_PAGES = [
    ("consultations/", "light"),
    ("consultations/", "dark"),
    ("consultations/short-breaks-2027/", "light"),
    ("consultations/short-breaks-2027/", "dark"),
    ("consultations/transport-2026/", "light"),
    ("consultations/school-places/", "dark"),
    ("consultations/hostile/", "light"),
    ("consultations/annual-reviews-2027/", "dark"),
    ("consultations/travel-training-paused/", "light"),
    ("consultations/travel-training-paused/", "dark"),
    ("consultations/play-schemes-resumed/", "dark"),
    ("consultations/national-send-review/", "light"),
    ("consultations/national-send-review/", "dark"),
    ("consultations/respite-review-extended/", "light"),
    ("consultations/respite-review-extended/", "dark"),
    ("consultations/therapies-unknown-opening/", "light"),
    ("consultations/annual-reviews-2027/", "light"),
    ("", "dark"),
]


@pytest.mark.parametrize(("path", "scheme"), AXE_PAGES)
def test_axe_finds_no_violations(open_at: Any, base: str, path: str, scheme: str) -> None:
    page = open_at(base + path, BUILD_DAY, scheme=scheme)
    expected = "slate" if scheme == "dark" else "default"
    assert page.evaluate("document.body.dataset.mdColorScheme") == expected
    violations = _axe(page)
    assert not violations, format_violations(violations)


def test_the_pages_are_valid_html(built: Built) -> None:
    files = sorted((built.out / "consultations").rglob("index.html"))
    files += [built.out / "index.html", built.out / "all-open/index.html"]
    errors = {file: messages for file, messages in run_vnu(files).items() if messages}
    report = "\n".join(
        f"{file}:\n" + "\n".join(f"  - {error}" for error in messages)
        for file, messages in errors.items()
    )
    assert not errors, report
