"""Keyboard, focus, reflow, text spacing, target size and print behaviour of the theme."""

from __future__ import annotations

from typing import Any

import pytest

from .conftest import Site, page_params
from .pagechecks import CLIPPED_TEXT, FOCUS_STATE, SMALL_TARGETS, TEXT_SPACING_CSS

pytestmark = pytest.mark.browser

PAGES = page_params()


def built(request: pytest.FixtureRequest, which: str) -> Site:
    site: Site = request.getfixturevalue(which)
    return site


def tab_through(page: Any, limit: int = 400) -> list[dict[str, Any]]:
    """Press Tab until focus comes back round to the first stop; the state at each stop.

    Focus is left on the first stop again.
    """
    stops: list[dict[str, Any]] = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        state = page.evaluate(FOCUS_STATE)
        if state is None:
            continue  # the browser's own UI between the end of the page and its start
        if stops and state["description"] == stops[0]["description"]:
            break
        stops.append(state)
    return stops


def focus_problems(stops: list[dict[str, Any]]) -> list[str]:
    problems = []
    for stop in stops:
        faults = [
            what
            for what, bad in (
                ("no visible focus indicator", not stop["indicator"]),
                ("off screen or zero size", not stop["visible"]),
                (f"covered by {stop['coveredBy']}", stop["covered"]),
            )
            if bad
        ]
        if faults:
            problems.append(f"{stop['region']}: {stop['description']}: {', '.join(faults)}")
    return problems


def assert_targets_big_enough(page: Any, scope: str, where: str) -> None:
    result = page.evaluate(SMALL_TARGETS, scope)
    assert result["count"] > 0, f"no targets found in {scope}"
    assert result["problems"] == [], f"targets under 24px and too close together {where}"


HEADER_NAV_FOOTER = ".md-header, .md-sidebar, .md-footer"


@pytest.mark.parametrize(("which", "path"), PAGES)
def test_keyboard_focus_skip_link_and_targets_on_wide_screens(
    request: pytest.FixtureRequest, open_page: Any, which: str, path: str
) -> None:
    page = open_page(built(request, which).url(path), width=1280)
    assert_targets_big_enough(page, HEADER_NAV_FOOTER, "at 1280px wide")

    # Every tab stop, from the first to the last, shows where focus is and is not hidden.
    stops = tab_through(page)
    regions = {stop["region"] for stop in stops}
    assert {"header", "navigation", "main", "footer"} <= regions, f"tab stops only in {regions}"
    problems = focus_problems(stops)
    assert problems == [], f"{len(problems)} of {len(stops)} tab stops:\n" + "\n".join(problems)

    # The first stop is the skip link, visible when focused...
    first = stops[0]
    assert (
        first["description"].startswith("a.md-skip") and "Skip to content" in first["description"]
    ), f"the first tab stop is {first['description']}"

    # ...and it moves focus to the main content, in view below the sticky header.
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main-content"
    header_bottom = page.evaluate(
        "document.querySelector('.md-header').getBoundingClientRect().bottom"
    )
    top = page.evaluate(
        "document.querySelector('.md-content__inner > *').getBoundingClientRect().top"
    )
    assert header_bottom <= top < page.viewport_size["height"]
    page.keyboard.press("Tab")
    after = page.evaluate(FOCUS_STATE)
    assert after is not None and after["region"] in ("main", "footer"), after


@pytest.mark.parametrize(("which", "path"), PAGES)
def test_narrow_screens_reflow_text_spacing_focus_and_targets(
    request: pytest.FixtureRequest, open_page: Any, which: str, path: str
) -> None:
    page = open_page(built(request, which).url(path), width=400)
    assert_targets_big_enough(page, HEADER_NAV_FOOTER, "at 400px wide")
    stops = tab_through(page)
    assert {"header", "footer"} <= {stop["region"] for stop in stops}
    problems = focus_problems(stops)
    assert problems == [], f"{len(problems)} of {len(stops)} tab stops:\n" + "\n".join(problems)

    page.focus("button.lo-toggle[data-lo-toggle='__drawer']")
    page.keyboard.press("Enter")
    assert_targets_big_enough(page, ".md-sidebar--primary", "in the open navigation drawer")
    page.keyboard.press("Escape")

    # Reflow (WCAG 1.4.10): nothing scrolls sideways at 320 CSS px.
    page.set_viewport_size({"width": 320, "height": 640})
    scroll_width = "document.documentElement.scrollWidth"
    assert page.evaluate(scroll_width) <= 320, "the page scrolls sideways at 320px wide"

    # Text spacing (WCAG 1.4.12): no text in the main content is cut off.
    page.add_style_tag(content=TEXT_SPACING_CSS)
    assert page.evaluate(scroll_width) <= 320, "with text spacing, the page scrolls sideways"
    assert page.evaluate(CLIPPED_TEXT) == [], "text is cut off with text spacing at 320px"
    page.set_viewport_size({"width": 1280, "height": 800})
    assert page.evaluate(CLIPPED_TEXT) == [], "text is cut off with text spacing at 1280px"


def test_menu_button_opens_and_closes_the_drawer_with_the_keyboard(
    theme_site: Site, open_page: Any
) -> None:
    page = open_page(theme_site.url("sink/"), width=400)
    button = "button.lo-toggle[data-lo-toggle='__drawer']"
    assert page.get_attribute(button, "aria-expanded") == "false"
    assert page.is_hidden("label.md-header__button[for='__drawer']")
    page.focus(button)
    page.keyboard.press("Enter")
    assert page.get_attribute(button, "aria-expanded") == "true"
    assert page.evaluate("!!document.activeElement.closest('.md-sidebar--primary')")
    stops = tab_through(page, limit=4)
    assert all(stop["region"] == "navigation" and not stop["covered"] for stop in stops), stops

    page.keyboard.press("Escape")
    assert page.get_attribute(button, "aria-expanded") == "false"
    assert page.evaluate("document.activeElement.dataset.loToggle") == "__drawer"
    # Closed, the drawer's links are out of the tab order.
    assert (
        page.evaluate("getComputedStyle(document.querySelector('.md-sidebar--primary')).visibility")
        == "hidden"
    )


def test_search_button_opens_the_search_with_focus_in_the_box(
    theme_site: Site, open_page: Any
) -> None:
    page = open_page(theme_site.url("sink/"), width=400)
    button = "button.lo-toggle[data-lo-toggle='__search']"
    page.focus(button)
    page.keyboard.press("Enter")
    assert page.get_attribute(button, "aria-expanded") == "true"
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
    page.keyboard.type("kitchen")
    page.wait_for_selector(".md-search-result__item")
    page.keyboard.press("Escape")
    assert page.get_attribute(button, "aria-expanded") == "false"


def test_print_shows_only_the_content_in_black_on_white_with_link_addresses(
    theme_site: Site, open_page: Any
) -> None:
    page = open_page(theme_site.url("sink/"), scheme="dark")
    page.evaluate(
        """() => document.querySelector('.md-content__inner').insertAdjacentHTML('beforeend',
          '<div class="lo-comment">Comment</div><dl class="lo-summary-list">' +
          '<div class="lo-summary-list__row"><dt>Key</dt><dd>Value</dd></div></dl>')"""
    )
    page.emulate_media(media="print")
    hidden = page.evaluate(
        """() => ['.md-header', '.md-sidebar--primary', '.md-sidebar--secondary', '.md-search',
                 '.md-footer', '.md-skip'].filter(
          (s) => document.querySelector(s) &&
            getComputedStyle(document.querySelector(s)).display !== 'none')"""
    )
    assert hidden == [], "shown when printed"
    colours = page.evaluate(
        """() => { const p = document.querySelector('.md-content__inner p');
          return [getComputedStyle(p).color, getComputedStyle(document.body).backgroundColor,
                  getComputedStyle(p.querySelector('a')).color]; }"""
    )
    assert colours == ["rgb(0, 0, 0)", "rgb(255, 255, 255)", "rgb(0, 0, 0)"]
    after = page.evaluate(
        "getComputedStyle(document.querySelector('.md-content__inner p a'), '::after').content"
    )
    # The first link in the kitchen sink goes to the home page, "../".
    assert after == f'" ({theme_site.url("")})"'
    breaks = page.evaluate(
        """() => ['.lo-comment', '.lo-summary-list__row'].map(
          (s) => getComputedStyle(document.querySelector(s)).breakInside)"""
    )
    assert breaks == ["avoid", "avoid"]


def test_code_blocks_keep_their_own_copy_targets(theme_site: Site, open_page: Any) -> None:
    """Material names each code block after its closest ancestor with an id; the skip link's
    target must not be one, or every copy button copies the first block."""
    page = open_page(theme_site.url("sink/"))
    page.wait_for_selector(".md-code__button")
    targets = page.evaluate(
        "[...document.querySelectorAll('.md-code__button[data-clipboard-target]')]"
        ".map((b) => b.dataset.clipboardTarget)"
    )
    assert len(targets) >= 2
    assert len(set(targets)) == len(targets), targets
