"""Figures on every page type: tables fit their column at 1280 px, and at 320 px a wide table
scrolls inside a labelled region a keyboard can reach; charts pass contrast in both schemes."""

from __future__ import annotations

from typing import Any

import pytest

from .conftest import Site
from .pagechecks import _COLOUR

pytestmark = pytest.mark.browser

#: A record page of each kind, and a yearly report, besides the registers and content pages
#: that Site.pages() gives.
RECORD_PAGES = [
    "consultations/short-breaks-statement-2027/",
    "events/send-youth-forum/",
    "you-said-we-did/youth-forum-autumn-2026/",
    "you-said-we-did/all-age-send-survey-2026/",  # themes, figures, quotes, respondents
    "you-said-we-did/2026/",
    "services/",
    "services/sendiass-anyshire/",
]

TABLES = r"""() => [...document.querySelectorAll('article table')].map((table) => {
  const article = table.closest('article');
  let box = table.parentElement;
  while (box !== article && !['auto', 'scroll'].includes(getComputedStyle(box).overflowX)) {
    box = box.parentElement;
  }
  const label = box.getAttribute('aria-labelledby');
  return {
    caption: (table.caption || {}).textContent || table.outerHTML.slice(0, 80),
    width: table.getBoundingClientRect().width,
    column: article.clientWidth,
    scrolls: box !== article && box.scrollWidth > box.clientWidth + 1,
    region: box !== article && box.getAttribute('role') === 'region',
    focusable: box !== article && box.tabIndex === 0,
    named: !!(label && document.getElementById(label) &&
              document.getElementById(label).textContent.trim()),
  };
})"""

CHART_CONTRAST = "() => {" + _COLOUR + r"""
  const result = [];
  for (const svg of document.querySelectorAll('svg.lo-chart__svg')) {
    const bg = background(svg);
    for (const el of svg.querySelectorAll('rect, text')) {
      const fill = parse(getComputedStyle(el).fill);
      result.push({
        what: el.tagName + ' ' + (el.textContent || '').trim(),
        kind: el.tagName,
        ratio: contrast(fill, bg),
      });
    }
  }
  return result;
}"""


def pages(site: Site) -> list[str]:
    return [*site.pages(), *RECORD_PAGES]


def test_every_table_fits_its_column_at_1280px(site: Site, open_page: Any) -> None:
    page = open_page(site.url(""), width=1280)
    problems = []
    checked = 0
    for path in pages(site):
        page.goto(site.url(path))
        for table in page.evaluate(TABLES):
            checked += 1
            if table["width"] > table["column"] + 1 or table["scrolls"]:
                problems.append(f"/{path}: {table['caption']!r} is {table['width']:.0f}px "
                                f"in a {table['column']}px column")
    # Two on the register, two on a yearly report and on a round's page, one on /consultations/.
    assert checked >= 7, "the figures' tables were not found"
    assert problems == []


def test_at_320px_a_wide_table_scrolls_in_a_named_focusable_region(
    site: Site, open_page: Any
) -> None:
    page = open_page(site.url(""), width=320)
    problems = []
    wide = 0
    for path in pages(site):
        page.goto(site.url(path))
        assert page.evaluate("document.documentElement.scrollWidth") <= 320, path
        for table in page.evaluate(TABLES):
            if table["width"] <= table["column"] + 1:
                continue
            wide += 1
            if not (table["region"] and table["focusable"] and table["named"]):
                problems.append(f"/{path}: {table['caption']!r}: {table}")
    assert wide > 0, "no table is wider than a 320px screen: this test checks nothing"
    assert problems == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", ["you-said-we-did/", "consultations/"])
def test_charts_pass_contrast(site: Site, open_page: Any, path: str, scheme: str) -> None:
    """Bars 3:1 against the page (WCAG 1.4.11), their labels and numbers 4.5:1 (1.4.3)."""
    page = open_page(site.url(path), scheme=scheme)
    marks = page.evaluate(CHART_CONTRAST)
    assert {mark["kind"] for mark in marks} == {"rect", "text"}
    low = [
        f"{mark['what']}: {mark['ratio']:.2f}"
        for mark in marks
        if mark["ratio"] < (3 if mark["kind"] == "rect" else 4.5)
    ]
    assert low == []


def test_charts_print_in_black_with_the_report(site: Site, open_page: Any) -> None:
    """The yearly report is made to be printed: its charts print too, in black on white."""
    page = open_page(site.url("you-said-we-did/2026/"))
    page.emulate_media(media="print")
    fills = page.evaluate(
        "() => [...document.querySelectorAll('svg.lo-chart__svg rect, svg.lo-chart__svg text')]"
        ".map(el => getComputedStyle(el).fill)"
    )
    assert fills and set(fills) == {"rgb(0, 0, 0)"}
    assert page.locator("svg.lo-chart__svg").first.is_visible()
