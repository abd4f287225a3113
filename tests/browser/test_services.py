"""The services directory in a real browser, on the sample site (issue 16).

axe-core in both colour schemes at 1280 and 390 px on the directory, its filter panel open, a
service's page (and one whose details are overdue for checking) and a page for one need; the
filters from the URL (need, age, free) and from the keyboard, with the count announced.
HTML_CodeSniffer, Equal Access, the Nu Html Checker, tables and results-first at 390 px are in
test_engines.py, test_accessibility.py, test_figures.py and test_filters.py.
"""

from __future__ import annotations

from typing import Any

import pytest

from .conftest import Site, assert_no_axe_violations

pytestmark = pytest.mark.browser

PAGES = [
    "services/",
    "services/sendiass-anyshire/",
    "services/westerholm-wheelers/",
    "services/need/sensory-and-physical/",
    "services/category/short-breaks/",
]

SHOWN = """() => [...document.querySelectorAll('#lo-services-list > li[data-lo-item]')]
  .filter((li) => li.offsetParent !== null)
  .map((li) => ({id: li.querySelector('a').getAttribute('href').split('/')[0],
                 need: li.dataset.need, free: li.dataset.free,
                 from: li.dataset.ageFrom, to: li.dataset.ageTo}))"""


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", PAGES)
def test_services_pages_have_no_axe_violations(
    site: Site, open_page: Any, path: str, scheme: str, width: int
) -> None:
    page = open_page(site.url(path), scheme=scheme, width=width)
    assert_no_axe_violations(page, f"/{path} ({scheme}, {width} px)")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_open_filter_panel_has_no_axe_violations(
    site: Site, open_page: Any, scheme: str
) -> None:
    page = open_page(site.url("services/"), scheme=scheme, width=390, height=844)
    page.click("[data-lo-filters-toggle]")
    assert page.locator("[data-lo-filters-panel]").is_visible()
    assert_no_axe_violations(page, f"/services/ filters open ({scheme})")


def test_filters_from_the_url_find_services_by_need_age_and_cost(
    site: Site, open_page: Any
) -> None:
    page = open_page(site.url("services/"))
    every = page.evaluate(SHOWN)
    assert len(every) == 12
    page = open_page(site.url("services/?need=sensory-and-physical&age=4&free=true"))
    shown = page.evaluate(SHOWN)
    assert shown and len(shown) < len(every)
    for item in shown:
        assert "sensory-and-physical" in item["need"].split()
        assert item["free"] == "true"
        if item["from"] is not None:
            assert int(item["from"]) <= 4 <= int(item["to"])
    assert page.get_by_label("Your child's age in years").input_value() == "4"
    count = page.inner_text("#lo-services-list-count")
    assert count == f"Showing {len(shown)} of {len(every)} services"


def test_the_filters_work_from_the_keyboard(site: Site, open_page: Any) -> None:
    page = open_page(site.url("services/"), width=390, height=844)
    toggle = page.locator("[data-lo-filters-toggle]")
    toggle.focus()
    page.keyboard.press("Enter")
    assert toggle.get_attribute("aria-expanded") == "true"
    box = page.get_by_label("Search services")
    box.focus()
    page.keyboard.type("short breaks")
    page.wait_for_function("() => location.search.includes('q=short')")
    shown = page.evaluate(SHOWN)
    assert shown and all(item["id"] for item in shown)
    assert len(shown) < 12
    page.get_by_role("button", name="Show services").focus()
    page.keyboard.press("Enter")
    assert toggle.get_attribute("aria-expanded") == "false"  # folded, the results in view
    focused = page.evaluate("document.activeElement.id")
    assert focused == "lo-services-list-count"
    assert page.inner_text("#lo-services-list-count") == f"Showing {len(shown)} of 12 services"


def test_the_home_page_links_the_directory(site: Site, open_page: Any) -> None:
    page = open_page(site.url(""))
    link = page.get_by_role("link", name="services directory")
    link.click()
    page.wait_for_url("**/services/")
    assert page.locator("h1").inner_text() == "Services"
