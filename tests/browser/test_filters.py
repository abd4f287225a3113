"""The registers' filters on a phone and without JavaScript (filters.js, issue 15 items 1 and 2).

- At 390 × 844 px the first result of /events/ and /consultations/ is within the first screen
  and a half, with or without JavaScript: the filter panel is folded behind one button that
  says how many filters are in use, and the engagement opportunity switch stays beside it.
- The filters are operable from the keyboard, and the result count is a polite live region,
  updated once a pause in typing.
- The events filters search every upcoming event: the index of the occurrences /events/ does
  not list is fetched when a filter is first used and drawn like the page's own items.
- Without JavaScript, links to static pages for one status, audience, topic, area or type stand
  in for the form; those pages are small, in the sitemap and list only their term's items.
- axe-core finds nothing on the folded and unfolded panels, nor on the static pages.
"""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from .conftest import Site, assert_no_axe_violations

pytestmark = pytest.mark.browser

WIDTH, HEIGHT = 390, 844
FIRST_SCREENS = 1.5

FIRST_RESULT = """(list) => {
  const item = [...document.querySelectorAll(`#${list} [data-lo-item]`)]
    .find((el) => el.offsetParent !== null);
  const title = item.querySelector('a').getBoundingClientRect();
  return {top: title.top + scrollY, bottom: title.bottom + scrollY,
          item: item.getBoundingClientRect().bottom + scrollY};
}"""

VISIBLE = """(list) => [...document.querySelectorAll(`#${list} [data-lo-item]`)]
  .filter((el) => el.offsetParent !== null)
  .map((el) => ({href: el.querySelector('a').href, start: el.dataset.start || '',
                 extra: el.hasAttribute('data-lo-extra'), audience: el.dataset.audience || '',
                 text: el.textContent.toLowerCase()}))"""

REGISTERS = {
    "events/": "lo-events-list",
    "consultations/": "consultation-list",
    "services/": "lo-services-list",
}


def upcoming_index(site: Site) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((site.root / "events" / "upcoming.json").read_text("utf-8"))
    return data


@pytest.mark.parametrize("javascript", [True, False], ids=["script", "no-script"])
@pytest.mark.parametrize("path", sorted(REGISTERS))
def test_the_first_result_is_within_a_screen_and_a_half_on_a_phone(
    site: Site, open_page: Any, path: str, javascript: bool
) -> None:
    page = open_page(site.url(path), width=WIDTH, height=HEIGHT, javascript=javascript)
    first = page.evaluate(FIRST_RESULT, REGISTERS[path])
    limit = FIRST_SCREENS * HEIGHT
    assert first["bottom"] <= limit, (
        f"/{path}: the first result's title ends {first['bottom']:.0f}px down, past {limit:.0f}px"
    )
    if javascript:
        toggle = page.locator("[data-lo-filters-toggle]")
        assert toggle.is_visible() and toggle.get_attribute("aria-expanded") == "false"
        toggle_box = toggle.bounding_box()
        assert toggle_box is not None and toggle_box["y"] + page.evaluate("scrollY") < first["top"]
        assert page.locator("[data-lo-filters-panel]").is_hidden()
        heading = page.locator("form.lo-filters h2")  # the button says it: screen readers only
        assert heading.evaluate("(h) => h.getBoundingClientRect().height") <= 1
        if path == "events/":
            switch = page.get_by_label("Only show engagement opportunities")
            assert switch.is_visible()
        # Wide screens show the whole form, and no button.
        page.set_viewport_size({"width": 1280, "height": 800})
        assert toggle.is_hidden() and page.locator("[data-lo-filters-panel]").is_visible()
    else:
        assert page.locator("form.lo-filters").is_hidden()
        assert page.locator("nav.lo-facets summary").is_visible()


def test_the_events_filters_work_from_the_keyboard_and_search_every_upcoming_event(
    site: Site, open_page: Any
) -> None:
    index = upcoming_index(site)
    assert index["count"] > 0, "the sample lists every upcoming event: nothing to fetch"
    # An event that only the index has (after the last day /events/ lists), and a word of it.
    later = index["events"][index["months"][-1]["days"][-1][2][0][0]]
    word = max(re.findall(r"[A-Za-z-]{5,}", later["t"]), key=len).lower()

    page = open_page(site.url("events/"), width=WIDTH, height=HEIGHT)
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(urlsplit(request.url).path))
    page.evaluate(
        """() => { window.__loAnnounced = 0;
          new MutationObserver(() => window.__loAnnounced++).observe(
            document.getElementById('lo-events-list-count'),
            {childList: true, characterData: true, subtree: true}); }"""
    )
    count = page.locator("#lo-events-list-count")
    assert count.get_attribute("role") == "status"
    assert count.get_attribute("aria-live") == "polite"
    total = int(re.search(r" of (\d+) events", count.inner_text()).group(1))  # type: ignore[union-attr]

    # From the top of the page, Tab to the button that unfolds the filters.
    toggle = page.locator("[data-lo-filters-toggle]")
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.hasAttribute('data-lo-filters-toggle')"):
            break
    else:
        pytest.fail("Tab never reached the Filter events button")
    assert toggle.inner_text().strip() == "Filter events"
    page.keyboard.press("Enter")
    assert toggle.get_attribute("aria-expanded") == "true"
    assert page.locator("[data-lo-filters-panel]").is_visible()
    assert not any(p.endswith("upcoming.json") for p in fetched), "fetched before any filter"

    # The switch, then the search box (the next fields), by the keyboard.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.name") == "engagement"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.name") == "q"
    page.keyboard.type(word, delay=30)
    page.wait_for_selector("#lo-events-list [data-lo-extra]", state="attached")
    page.wait_for_timeout(900)  # past the typing pause
    assert [p for p in fetched if p.endswith("events/upcoming.json")] == ["/events/upcoming.json"]
    # Announced once the typing paused, not at every key.
    assert page.evaluate("window.__loAnnounced") <= 2
    shown = page.evaluate(VISIBLE, "lo-events-list")
    hrefs = [item["href"] for item in shown]
    assert site.url(f"events/{later['u']}") in hrefs, (word, hrefs)
    assert all(word in item["text"] for item in shown)
    assert count.inner_text() == f"Showing {len(shown)} of {total} events"
    assert toggle.inner_text().strip() == "Filter events (1 active)"
    assert f"q={word}" in page.url
    assert page.locator("#lo-events-list-past").is_visible()  # past events: the archive
    past = page.locator("#lo-events-list-past a").get_attribute("href")
    assert past is not None and urljoin(page.url, past) == site.url("events/past/")

    # Enter shows the results: the panel folds and focus goes to the count, above them.
    page.keyboard.press("Enter")
    assert toggle.get_attribute("aria-expanded") == "false"
    assert page.evaluate("document.activeElement.id") == "lo-events-list-count"
    top = page.evaluate("document.activeElement.getBoundingClientRect().top")
    assert 0 <= top < HEIGHT / 2

    # Escape folds the panel again and puts focus back on its button.
    toggle.focus()
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Escape")
    assert toggle.get_attribute("aria-expanded") == "false"
    assert page.evaluate("document.activeElement.hasAttribute('data-lo-filters-toggle')")

    # Cleared, the list is as built again: the fetched items are hidden, the count as it was.
    page.evaluate("document.querySelector('form.lo-filters').reset()")
    page.wait_for_function(
        "() => !document.querySelector('#lo-events-list [data-lo-extra]:not([hidden])')"
    )
    assert "?" not in page.url


def test_fetched_items_are_drawn_as_the_page_draws_its_own(site: Site, open_page: Any) -> None:
    page = open_page(site.url("events/?attendance=in-person&attendance=online"))
    page.wait_for_selector("#lo-events-list [data-lo-extra]", state="attached")
    index = upcoming_index(site)
    shape = """(extra) => [...document.querySelectorAll('#lo-events-list [data-lo-item]')]
      .filter((li) => li.hasAttribute('data-lo-extra') === extra).map((li) => ({
        href: li.querySelector('a').href,
        attributes: li.getAttributeNames().filter((n) => n !== 'data-lo-extra').sort(),
        structure: [...li.children].map((c) => c.tagName + '.' + c.className),
        title: li.querySelector('a').textContent,
        summary: li.querySelector('.lo-event-item__summary').textContent,
        shown: li.offsetParent !== null,
      }))"""
    listed = page.evaluate(shape, False)
    built = {item["href"]: item for item in listed}
    fetched = page.evaluate(shape, True)
    assert len(fetched) == index["count"]
    # With every attendance ticked, everything upcoming is shown: the built and fetched items.
    total = len(listed) + len(fetched)
    assert page.inner_text("#lo-events-list-count") == f"Showing {total} of {total} events"
    assert all(item["shown"] for item in fetched)
    both = [item for item in fetched if item["href"] in built]
    assert both, "no series both listed and in the index: nothing to compare"
    for item in both:
        own = built[item["href"]]
        for key in ("attributes", "structure", "title", "summary"):
            assert item[key] == own[key], (item["href"], key)
    # Every fetched item links to its event's page, and lands in its month and day.
    for item in fetched:
        path = urlsplit(item["href"]).path.lstrip("/")
        assert (site.root / path / "index.html").is_file(), path
    months = page.evaluate(
        "[...document.querySelectorAll('#lo-events-list > section.lo-event-month > h2')]"
        ".map((h) => h.id)"
    )
    assert months == sorted(set(months), key=months.index)  # one section a month
    assert [m for m in months if m.startswith("lo-events-list-2")] == sorted(
        m for m in months if m.startswith("lo-events-list-2")
    )


def test_the_index_is_small_and_events_stays_under_300_kb(site: Site) -> None:
    index = (site.root / "events" / "upcoming.json").read_bytes()
    assert len(index) < 100_000
    assert (site.root / "events" / "index.html").stat().st_size < 300 * 1024


FACET_FOLDERS = {
    "events/": ("lo-events-facets", ("audience", "area", "kind", "access")),
    "consultations/": ("lo-consultation-facets", ("status", "audience", "topic")),
}


@pytest.mark.parametrize("register", sorted(FACET_FOLDERS))
def test_without_javascript_static_pages_stand_in_for_the_filters(
    site: Site, open_page: Any, register: str
) -> None:
    nav_id, fields = FACET_FOLDERS[register]
    page = open_page(site.url(register), width=WIDTH, height=HEIGHT, javascript=False)
    nav = page.locator(f"#{nav_id}")
    assert nav.is_visible() and page.locator("form.lo-filters").is_hidden()
    nav.locator("summary").click()
    links = nav.locator("a").evaluate_all("(as) => as.map((a) => a.href)")
    assert links and nav.locator("a").first.is_visible()

    sitemap = (site.root / "sitemap.xml").read_text("utf-8")
    listed = {urlsplit(loc).path for loc in re.findall(r"<loc>\s*([^<\s]+)\s*</loc>", sitemap)}
    for field in fields:
        assert any(f"/{register}{field}/" in link for link in links), field
    for link in links:
        path = urlsplit(link).path
        assert re.fullmatch(rf"/{register}({'|'.join(fields)})/[a-z0-9-]+/", path), path
        assert path in listed, f"{path} is not in the sitemap"
        file = site.root / path.lstrip("/") / "index.html"
        assert file.stat().st_size < 100_000, f"{path} is {file.stat().st_size} bytes"
        field, term = path.strip("/").split("/")[1:]
        soup = BeautifulSoup(file.read_text("utf-8"), "html5lib")
        items = soup.select("article [data-lo-item]")
        assert items, f"{path} lists nothing"
        for item in items:
            assert term in str(item.get(f"data-{field}", "")).split(), (path, item.get("class"))


def test_the_links_that_stand_in_for_the_filters_have_no_axe_violations(
    site: Site, browser: Any
) -> None:
    """axe needs script in the page: the page's own filters.js is blocked instead, which
    leaves what a reader without JavaScript has (the form hidden, the links shown)."""
    context = browser.new_context(viewport={"width": WIDTH, "height": HEIGHT}, locale="en-GB")
    try:
        context.route("**/filters.js", lambda route: route.abort())
        for register, (nav_id, _) in sorted(FACET_FOLDERS.items()):
            page = context.new_page()
            page.goto(site.url(register), wait_until="load")
            assert page.locator("form.lo-filters").is_hidden()
            page.locator(f"#{nav_id} summary").click()
            assert_no_axe_violations(page, f"/{register} without its filters, links open")
    finally:
        context.close()


def test_the_static_pages_have_no_axe_violations(site: Site, open_page: Any) -> None:
    for path in ("events/audience/parents-carers/", "consultations/topic/short-breaks/"):
        for scheme in ("light", "dark"):
            page = open_page(site.url(path), scheme=scheme, width=WIDTH, height=HEIGHT)
            overflow = page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            assert overflow <= 0, f"/{path} scrolls sideways"
            assert_no_axe_violations(page, f"/{path} ({scheme})")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_folded_and_open_panels_have_no_axe_violations(
    site: Site, open_page: Any, scheme: str
) -> None:
    for path in sorted(REGISTERS):
        page = open_page(site.url(path), width=WIDTH, height=HEIGHT, scheme=scheme)
        assert_no_axe_violations(page, f"/{path} at 390px, folded ({scheme})")
        page.click("[data-lo-filters-toggle]")
        page.locator("form.lo-filters input[type=checkbox]").last.check()
        page.evaluate("window.scrollTo(0, 0)")  # (nothing under the sticky header)
        assert_no_axe_violations(page, f"/{path} at 390px, open, a filter on ({scheme})")


ACCESS = """(list) => [...document.querySelectorAll(`#${list} [data-lo-item]`)]
  .filter((el) => el.offsetParent !== null)
  .map((el) => ({href: el.querySelector('a').href, access: el.dataset.access || ''}))"""


def with_access(site: Site, wanted: set[str]) -> set[str]:
    """The addresses of the upcoming events that have every provision in ``wanted``: on
    /events/ as built, and in the index its filters fetch."""
    soup = BeautifulSoup((site.root / "events" / "index.html").read_text("utf-8"), "html5lib")
    found = {
        urljoin(site.url("events/"), item.a["href"])
        for item in soup.select("#lo-events-list [data-lo-item]")
        if wanted <= set(str(item.get("data-access", "")).split())
    }
    for event in upcoming_index(site)["events"]:
        if wanted <= set(event["d"].get("access", "").split()):
            found.add(site.url(f"events/{event['u']}"))
    return found


def test_the_access_filter_shows_events_with_every_provision_ticked(
    site: Site, open_page: Any
) -> None:
    page = open_page(site.url("events/"), width=WIDTH, height=HEIGHT)
    page.click("[data-lo-filters-toggle]")
    legend = page.locator("fieldset[data-lo-all=access] legend")
    assert legend.inner_text() == "Access and support"
    page.get_by_label("British Sign Language (BSL) interpreter").check()
    page.wait_for_selector("#lo-events-list [data-lo-extra]", state="attached")
    assert "access=bsl" in page.url
    bsl = page.evaluate(ACCESS, "lo-events-list")
    expected = with_access(site, {"bsl"})
    assert expected, "the sample has an event with BSL"
    assert {item["href"] for item in bsl} == expected
    # Both ticked: only events with both (a family may need BSL and a crèche).
    page.get_by_label("Crèche").check()
    both = page.evaluate(ACCESS, "lo-events-list")
    assert {item["href"] for item in both} == with_access(site, {"bsl", "creche"})
    assert all({"bsl", "creche"} <= set(item["access"].split()) for item in both)
    # One no event has with BSL: nothing, and the count says so.
    page.get_by_label("Paper copies").check()
    page.wait_for_timeout(700)
    assert page.evaluate(ACCESS, "lo-events-list") == []
    assert page.locator("#lo-events-list-count").inner_text().startswith("Showing 0 of ")
    # From a shared address, as the form left it.
    again = open_page(site.url("events/?access=paper-copies"), width=WIDTH)
    again.wait_for_selector("#lo-events-list [data-lo-extra]", state="attached")
    shown = {item["href"] for item in again.evaluate(ACCESS, "lo-events-list")}
    assert shown == with_access(site, {"paper-copies"}) and shown


def test_consultation_filters_fold_and_count_active_filters(site: Site, open_page: Any) -> None:
    page = open_page(site.url("consultations/?status=open&status=closed"), width=WIDTH)
    toggle = page.locator("[data-lo-filters-toggle]")
    assert toggle.inner_text().strip() == "Filter consultations (2 active)"
    shown = page.evaluate(VISIBLE, "consultation-list")
    assert shown
    toggle.click()
    page.get_by_role("button", name="Show consultations").click()
    assert toggle.get_attribute("aria-expanded") == "false"
    assert page.evaluate("document.activeElement.id") == "consultation-list-count"


def test_the_search_form_submits_to_the_first_result(theme_site: Site, open_page: Any) -> None:
    """Material's search form has a submit button (HTML_CodeSniffer H32.2), which goes to the
    first result as Enter does, and never sends the form."""
    page = open_page(theme_site.url("sink/"))
    page.click(".md-search__input")
    page.keyboard.type("kitchen")
    page.wait_for_selector(".md-search-result__item")
    first = page.locator(".md-search-result__list a[href]").first.get_attribute("href")
    submit = page.locator("form.md-search__form button[type=submit]")
    assert submit.get_attribute("aria-label") == "Go to the first result"
    with page.expect_navigation():
        submit.click()
    assert "query=" not in page.url
    assert urlsplit(page.url).path == urlsplit(urljoin(theme_site.url("sink/"), first)).path
