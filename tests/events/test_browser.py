"""The calendar in a real browser: axe-core on every kind of events page (light and dark), and
the shared filter script driving the /events/ filters (engagement first, age, online, dates).

Uses the browser harness of tests/browser (Chromium, axe-core). The crafted site is built once
(tests/events/conftest.py) and served locally; "now" is the start of 23 November 2026, while the
browser's clock is the real one, so date-range assertions are made relative to each item.
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
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
    page.get_by_label("Only show engagement opportunities").check()
    shown = visible_items(page)
    assert shown and all(item["engagement"] == "true" for item in shown)
    assert len(shown) < total
    count = page.locator("#lo-events-list-count").inner_text()
    assert count == f"Showing {len(shown)} of {total} events"
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
