"""HTML_CodeSniffer and IBM Equal Access, beside axe-core, on one page of every page type.

HTML_CodeSniffer (WCAG2AA) must report no error at all. Equal Access must report no violation
either, except the few below that mkdocs-material's own page frame makes and the theme keeps on
purpose, each named by its rule and the element it is about, with why. Anything else it finds,
anywhere on the page, fails the test. Light scheme, 1280 px wide, with JavaScript (so the filter
forms are shown).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from .conftest import Site
from .engines import equal_access_results, htmlcs_errors

pytestmark = pytest.mark.browser

# (rule, CSS selector of the element, why it stays)
KNOWN_EQUAL_ACCESS: list[tuple[str, str, str]] = [
    *(
        (rule, selector, why)
        for rule in ("label_ref_valid", "label_content_exists", "form_label_unique")
        for selector, why in (
            (
                "label[for='__drawer'], label[for='__search']",
                "material opens and closes the drawer and the search with labels for hidden "
                "checkboxes (pointer only); keyboard and screen reader users have the header's "
                "Menu and Search buttons and Escape (partials/header.html, localoffer.js)",
            ),
            (
                "label.md-nav__link[for^='__nav_'], label[for='__toc']",
                "material's labels that fold a navigation section or the table of contents on "
                "narrow screens (a hidden checkbox); the section's links are all listed and "
                "reachable, and localoffer.js takes these labels out of the tab order there",
            ),
            (
                "label.md-header__button[for^='__palette_']",
                "the colour scheme switch shows the label of the other scheme's radio button, "
                "an icon with a title; the radio buttons themselves are named",
            ),
        )
    ),
    (
        "input_checkboxes_grouped",
        ".tabbed-set > input[type='radio']",
        "content tabs (pymdownx.tabbed, in the kitchen sink) are radio buttons, each named by "
        "its tab's label, in a set that has no name to give a group",
    ),
    (
        "aria_attribute_valid",
        "nav.md-nav[aria-expanded]",
        "material's script keeps aria-expanded on a navigation section's list in step with "
        "its label; ARIA does not define it on navigation, screen readers ignore it there",
    ),
    (
        "aria_content_in_landmark",
        "a.md-skip",
        "the skip link comes before every landmark, as it must to be the first thing focused "
        "(axe's region rule makes the same exception)",
    ),
    (
        "element_tabbable_role_valid",
        "div.lo-table-scroll[role='region'][tabindex='0'][aria-labelledby]",
        "a wide table's labelled scroll region takes focus so that keyboard users can scroll "
        "it (WCAG 2.1.1; axe: scrollable-region-focusable); Equal Access wants only widgets "
        "to take focus",
    ),
]


def _first(root: Path, folder: str, exclude: tuple[str, ...] = ()) -> str:
    """The first page under ``folder`` that is not a redirect page or in ``exclude``."""
    for path in sorted((root / folder).glob("*/index.html")):
        name = path.parent.name
        if name in exclude or re.fullmatch(r"\d{4}", name):
            continue
        if 'http-equiv="refresh"' not in path.read_text(encoding="utf-8"):
            return f"{folder}/{name}/"
    raise AssertionError(f"no page under /{folder}/")


def page_types(site: Site) -> dict[str, str]:
    """One URL path of each kind of page the site has."""
    root = site.root
    events_own = ("engagement", "past", "month", "audience", "area", "kind")
    years = sorted((root / "you-said-we-did").glob("[0-9][0-9][0-9][0-9]/index.html"))
    months = sorted((root / "events" / "month").glob("*/index.html"))
    past_years = sorted((root / "events" / "past").glob("*/index.html"))
    assert years and months and past_years
    return {
        "home": "",
        "content page": "participation/",
        "not found": "404.html",
        "accessibility statement": "accessibility/",
        "consultation register": "consultations/",
        "consultation": _first(root, "consultations", ("status", "audience", "topic")),
        "consultations by status": "consultations/status/open/",  # (and audience, topic)
        "events calendar": "events/",
        "event": _first(root, "events", events_own),
        "event with sessions": "events/annual-reviews-drop-ins-2027/",  # a table of sessions
        "term-time series": "events/stay-and-play-brackenfold-term-time/",
        "event with access and support": "events/send-information-fair-2027/",  # icons, words
        "consultation with other ways to respond": (
            "consultations/speech-language-therapy-schools-2027/"  # a school pack, a pinboard
        ),
        "events with a provision": "events/access/bsl/",
        "engagement opportunities": "events/engagement/",
        "events in a month": f"events/month/{months[0].parent.name}/",
        "past events": "events/past/",
        "past events in a year": f"events/past/{past_years[0].parent.name}/",
        "events by audience": "events/audience/parents-carers/",  # (one template for all)
        "you said, we did": "you-said-we-did/",
        "feedback round": _first(root, "you-said-we-did"),
        "feedback in a year": f"you-said-we-did/{years[0].parent.name}/",
        "services directory": "services/",
        "service": "services/sendiass-anyshire/",
        "service not checked for a year": "services/westerholm-wheelers/",
        "services by need": "services/need/sensory-and-physical/",  # (and by category)
    }


def test_every_page_type_is_a_page(site: Site) -> None:
    types = page_types(site)
    assert sorted(types) == sorted(TYPES)
    for name, path in types.items():
        file = site.root / path
        if not path or path.endswith("/"):
            file = file / "index.html"
        assert file.is_file(), (name, path)


TYPES = [
    "home",
    "content page",
    "not found",
    "accessibility statement",
    "consultation register",
    "consultation",
    "consultations by status",
    "events calendar",
    "event",
    "event with sessions",
    "term-time series",
    "event with access and support",
    "consultation with other ways to respond",
    "events with a provision",
    "engagement opportunities",
    "events in a month",
    "past events",
    "past events in a year",
    "events by audience",
    "you said, we did",
    "feedback round",
    "feedback in a year",
    "services directory",
    "service",
    "service not checked for a year",
    "services by need",
]


#: The reasons of KNOWN_EQUAL_ACCESS that some page of this run matched.
SEEN: set[str] = set()


def _check(page: Any, where: str) -> list[str]:
    problems = [
        f"HTML_CodeSniffer {error['code']}: {error['message']}\n      {error['element']}"
        for error in htmlcs_errors(page)
    ]
    for result in equal_access_results(page, KNOWN_EQUAL_ACCESS):
        if result["known"]:
            SEEN.add(result["known"])
        elif (result["level"], result["outcome"]) == ("VIOLATION", "FAIL"):
            problems.append(
                f"Equal Access {result['rule']}: {result['message']}\n"
                f"      {result['snippet']} at {result['path']}"
            )
    return [f"{where}: {problem}" for problem in problems]


@pytest.mark.parametrize("kind", TYPES)
def test_html_codesniffer_and_equal_access_find_nothing(
    site: Site, open_page: Any, kind: str
) -> None:
    path = page_types(site)[kind]
    page = open_page(site.url(path), scheme="light")
    problems = _check(page, f"/{path} ({kind})")
    assert problems == [], "\n".join(problems)


def test_the_kitchen_sink_passes_both_engines(theme_site: Site, open_page: Any) -> None:
    """Every typographic feature the theme styles (admonitions, code, tables, tabs...)."""
    page = open_page(theme_site.url("sink/"), scheme="light")
    problems = _check(page, "theme-site /sink/")
    assert problems == [], "\n".join(problems)


def test_the_open_filter_panel_passes_both_engines(site: Site, open_page: Any) -> None:
    """At 390 px, the panel unfolded and a word searched for: the index of later events
    fetched and drawn into the list."""
    page = open_page(site.url("events/"), width=390, height=844)
    page.click("[data-lo-filters-toggle]")
    page.locator("form.lo-filters input[type=search]").fill("a")
    page.wait_for_selector("#lo-events-list [data-lo-extra]", state="attached")
    problems = _check(page, "/events/ at 390 px, filters open")
    assert problems == [], "\n".join(problems)


def test_the_known_equal_access_findings_are_still_found(
    site: Site, theme_site: Site, open_page: Any
) -> None:
    """Each exception above still matches something (or it should go). The tests above note
    what they match; run alone, this looks at the pages that have them all."""
    if not {why for _, _, why in KNOWN_EQUAL_ACCESS} <= SEEN:
        for url in (site.url(page_types(site)["you said, we did"]), theme_site.url("sink/")):
            _check(open_page(url), url)
    unused = {why for _, _, why in KNOWN_EQUAL_ACCESS} - SEEN
    assert unused == set(), unused
