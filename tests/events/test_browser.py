"""The calendar in a real browser: axe-core on every kind of events page (light and dark), and
the shared filter script driving the /events/ filters (engagement first, age, online, dates),
the Nu Html Checker on every kind of event page, and next-date.js moving a series' "Next:" on
with the browser's clock set after the build.

Uses the browser harness of tests/browser (Chromium, axe-core). The crafted site is built once
(tests/events/conftest.py) and served locally; "now" is the start of 23 November 2026, while the
browser's clock is the real one, so date-range assertions are made relative to each item.
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest


def _harness() -> Any:
    """tests/browser/conftest.py, the shared browser harness, loaded by path (the tests run
    with --import-mode=importlib, so another folder's conftest cannot be imported by name)."""
    path = Path(__file__).resolve().parents[1] / "browser" / "conftest.py"
    spec = importlib.util.spec_from_file_location("localoffer_tests_browser_harness", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


harness = _harness()
Site = harness.Site
serve = harness.serve
assert_no_axe_violations = harness.assert_no_axe_violations
run_vnu = harness.run_vnu
open_page = harness.open_page  # a fixture, used by name (the browser is tests/conftest.py)

pytestmark = pytest.mark.browser

PAGES = [
    "events/",
    "events/engagement/",
    "events/month/2026-12/",
    "events/past/",
    "events/past/2026/",
    "events/weekly-tuesday-forum/",  # a series, with skipped dates
    "events/summer-activity-camp/",  # all day, several days, booking, cost
    "events/cancelled-evening/",  # a status banner
    "events/rescheduled-afternoon/",  # hybrid
    "events/recent-meeting/",  # past, with documents and a consultation
    "events/postponed-forum/",  # postponed, new date to follow (its old date has passed)
    "events/postponed-launch/",  # postponed, new date to follow (its old date is to come)
    "events/time-tbc-workshop/",  # a date, the time to be confirmed
    "events/saturday-sports-club/",  # meets without fixed dates; a venue without an address
]  # (not the hostile event: its body has an <img> without alt, as an editor could write)


@pytest.fixture(scope="module")
def served(events_site: Path) -> Iterator[Any]:
    for base_url in serve(events_site):
        yield Site(events_site, base_url)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", PAGES)
def test_events_pages_have_no_axe_violations(
    served: Any, open_page: Any, path: str, scheme: str
) -> None:
    page = open_page(served.url(path), scheme=scheme)
    assert_no_axe_violations(page, f"/{path} ({scheme})")


def test_events_page_is_usable_at_320px(served: Any, open_page: Any) -> None:
    page = open_page(served.url("events/"), width=320)
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
    assert_no_axe_violations(page, "/events/ at 320px")


def test_events_pages_are_valid_html(served: Any) -> None:
    errors = run_vnu([served.root / path / "index.html" for path in PAGES])
    assert not errors, "\n".join(
        f"{path}: {message}" for path, items in errors.items() for message in items
    )


@pytest.mark.parametrize("path", PAGES)
def test_events_pages_fit_a_390px_phone_in_both_schemes(
    served: Any, open_page: Any, path: str
) -> None:
    for scheme in ("light", "dark"):
        page = open_page(served.url(path), width=390, height=844, scheme=scheme)
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"/{path} ({scheme}) scrolls sideways by {overflow}px"
        assert_no_axe_violations(page, f"/{path} at 390px ({scheme})")


def visible_items(page: Any) -> list[dict[str, str]]:
    result: list[dict[str, str]] = page.evaluate(
        """() => Array.from(document.querySelectorAll('#lo-events-list [data-lo-item]'))
            .filter((el) => !el.hidden && el.offsetParent !== null)
            .map((el) => Object.assign({}, el.dataset, {href: el.querySelector('a').href}))"""
    )
    return result


def test_without_javascript_the_form_is_hidden_and_everything_listed(
    served: Any, open_page: Any
) -> None:
    page = open_page(served.url("events/"), javascript=False)
    assert not page.locator("form.lo-filters").is_visible()
    total = page.locator("#lo-events-list [data-lo-item]").count()
    assert total > 20
    assert len(visible_items(page)) == total


def test_engagement_filter_comes_first_and_filters_at_once(served: Any, open_page: Any) -> None:
    page = open_page(served.url("events/"))
    form = page.locator("form.lo-filters")
    assert form.is_visible()
    total = page.locator("#lo-events-list [data-lo-item]").count()
    first = form.locator("input, select").first
    assert first.get_attribute("name") == "engagement"
    # The filters cover every upcoming event: those /events/ does not list are fetched (an
    # index, drawn into the list) when a filter is first used, and counted from the start.
    more = int(form.get_attribute("data-lo-more") or 0)
    page.get_by_label("Only show engagement opportunities").check()
    if more:
        page.wait_for_selector("#lo-events-list [data-lo-extra]", state="attached")
    shown = visible_items(page)
    assert shown and all(item["engagement"] == "true" for item in shown)
    assert len(shown) < total + more
    count = page.locator("#lo-events-list-count").inner_text()
    assert count == f"Showing {len(shown)} of {total + more} events"
    assert "engagement=true" in page.url
    # Day and month headings with nothing left under them are hidden too.
    hidden_days = page.evaluate(
        "Array.from(document.querySelectorAll('#lo-events-list [data-lo-group]'))"
        ".filter((g) => g.hidden).length"
    )
    assert hidden_days > 0


def test_filters_from_the_url_age_attendance_and_free(served: Any, open_page: Any) -> None:
    page = open_page(served.url("events/?age=4&free=true"))
    assert page.get_by_label("Suitable for age").input_value() == "4"
    shown = visible_items(page)
    assert shown
    for item in shown:
        assert item["free"] == "true"
        if "ageFrom" in item:
            assert int(item["ageFrom"]) <= 4 <= int(item["ageTo"])
    assert not any("weekly-tuesday-forum" in item["href"] for item in shown)  # ages 11 to 25

    page = open_page(served.url("events/?attendance=online"))
    shown = visible_items(page)
    assert shown and all("online" in item["attendance"].split() for item in shown)
    assert any("moved-online-session" in item["href"] for item in shown)


def test_audience_filter_includes_events_for_everyone(served: Any, open_page: Any) -> None:
    page = open_page(served.url("events/?audience=professionals"))
    hrefs = {item["href"] for item in visible_items(page)}
    assert any("information-fair" in href for href in hrefs)
    assert any("second-tuesday-online-group" in href for href in hrefs)
    assert not any("weekly-tuesday-forum" in href for href in hrefs)


# --- next-date.js: "Next:" moves on when its date has passed since the build ------------------

SERIES = "events/weekly-tuesday-forum/"  # Tuesdays 4pm to 6pm until 27 April 2027; built 23 Nov


@pytest.fixture
def open_at(browser: Any) -> Iterator[Callable[[str, str], Any]]:
    """Open a page with the browser's clock fixed at ``moment`` (an ISO date-time)."""
    contexts: list[Any] = []

    def _open(url: str, moment: str) -> Any:
        context = browser.new_context(locale="en-GB", timezone_id="Europe/London")
        contexts.append(context)
        context.clock.set_fixed_time(datetime.fromisoformat(moment))
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(url, wait_until="load")
        page.wait_for_function("window.localofferNextDate !== undefined")
        assert not errors, errors
        return page

    yield _open
    for context in contexts:
        context.close()


def dates_shown(page: Any) -> dict[str, Any]:
    return dict(
        page.evaluate(
            """() => {
      const visible = (el) => el !== null && !el.hidden && el.closest('[hidden]') === null;
      const next = document.querySelector('[data-lo-next]');
      const none = document.querySelector('[data-lo-no-more]');
      const past = document.querySelector('[data-lo-past-dates]');
      return {
        next: visible(next) ? next.textContent.trim() : null,
        dates: Array.from(document.querySelectorAll('[data-lo-dates] li'))
          .filter(visible).map((li) => li.textContent.trim()),
        noMore: visible(none),
        past: visible(past) ? past.textContent.trim() : null,
      };
    }"""
        )
    )


def test_next_date_is_left_as_built_on_the_day_of_the_build(open_at: Any, served: Any) -> None:
    for moment in ("2026-11-24T15:00:00+00:00", "2026-11-20T09:00:00+00:00"):  # a clock behind
        shown = dates_shown(open_at(served.url(SERIES), moment))
        assert shown["next"] == "Next: Tuesday 24 November 2026, 4pm to 6pm", moment
        assert shown["dates"][0] == "Tuesday 24 November 2026, 4pm to 6pm"
        assert shown["past"] == "6 dates have already happened."
        assert not shown["noMore"]


def test_next_date_moves_on_once_the_first_date_is_over(open_at: Any, served: Any) -> None:
    built = dates_shown(open_at(served.url(SERIES), "2026-11-24T15:00:00+00:00"))
    # 6pm on 24 November is over; 1 December is next.
    shown = dates_shown(open_at(served.url(SERIES), "2026-11-24T18:30:00+00:00"))
    assert shown["next"] == "Next: Tuesday 1 December 2026, 4pm to 6pm"
    assert shown["dates"] == built["dates"][1:]
    assert shown["past"] == "7 dates have already happened."
    # Weeks later, after the clocks went forward: still the first date to come.
    shown = dates_shown(open_at(served.url(SERIES), "2027-04-13T17:30:00+00:00"))
    assert shown["next"] == "Next: Tuesday 20 April 2027, 4pm to 6pm"
    assert shown["dates"] == [
        "Tuesday 20 April 2027, 4pm to 6pm",
        "Tuesday 27 April 2027, 4pm to 6pm",
    ]


def test_after_the_last_date_the_series_says_it_has_finished(open_at: Any, served: Any) -> None:
    page = open_at(served.url(SERIES), "2027-04-28T09:00:00+00:00")
    shown = dates_shown(page)
    assert shown["next"] == (
        "This series has finished. The last date was Tuesday 27 April 2027, 4pm to 6pm."
    )
    assert shown["dates"] == [] and shown["noMore"]
    total = len(built_dates := page.locator("[data-lo-dates] li").all())
    assert built_dates and shown["past"] == f"{6 + total} dates have already happened."
    assert_no_axe_violations(page, f"/{SERIES} after the last date")


def test_a_cut_short_list_drops_next_rather_than_guess(open_at: Any, served: Any) -> None:
    """Past the last date listed, when the list did not hold every date to come (a long
    series lists the first 60), the script cannot know the next date, so says none."""
    page = open_at(served.url(SERIES), "2026-11-24T15:00:00+00:00")
    page.evaluate("document.querySelector('[data-lo-dates]').removeAttribute('data-lo-complete')")
    assert page.evaluate("window.localofferNextDate.update(Date.parse('2027-05-01T00:00:00Z'))")
    shown = dates_shown(page)
    assert shown["next"] is None and shown["dates"] == []
