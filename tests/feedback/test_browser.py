"""You said, we did in a real browser: accessibility, the filters, printing the yearly report."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from typing import Any

import pytest
from pypdf import PdfReader

from .conftest import Built
from .fixture_site import TRICKY_SAID

try:
    from browser.conftest import assert_no_axe_violations, run_vnu, serve
except ImportError:  # pragma: no cover - if tests/ becomes a package
    from tests.browser.conftest import (  # type: ignore[no-redef]
        assert_no_axe_violations,
        run_vnu,
        serve,
    )

pytestmark = pytest.mark.browser

PAGES = [
    "you-said-we-did/",
    "you-said-we-did/young-inspectors-website-2026/",
    "you-said-we-did/parent-carer-forum-spring-2025/",
    "you-said-we-did/2025/",
    "you-said-we-did/2026/",
    "",
]
TOTAL = 13
COUNT = "#lo-feedback-list-count"


@pytest.fixture(scope="module")
def base(built: Built) -> Iterator[str]:
    yield from serve(built.out)


def visible_items(page: Any) -> list[str]:
    return list(
        page.evaluate(
            """() => [...document.querySelectorAll('#lo-feedback-list [data-lo-item]')]
              .filter((el) => el.offsetParent !== null).map((el) => el.id)"""
        )
    )


def visible_rounds(page: Any) -> list[str]:
    return list(
        page.evaluate(
            """() => [...document.querySelectorAll('#lo-feedback-list [data-lo-group]')]
              .filter((el) => el.offsetParent !== null)
              .map((el) => el.querySelector('h3').id.replace(/^round-/, ''))"""
        )
    )


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", PAGES)
def test_axe_finds_no_violations(base: str, open_page: Any, path: str, scheme: str) -> None:
    page = open_page(base + path, scheme=scheme)
    assert_no_axe_violations(page, f"/{path} ({scheme})")


@pytest.mark.parametrize("path", ["you-said-we-did/", "you-said-we-did/2026/", PAGES[1]])
def test_axe_finds_no_violations_at_320_pixels(base: str, open_page: Any, path: str) -> None:
    page = open_page(base + path, width=320)
    assert_no_axe_violations(page, f"/{path} at 320 pixels")
    overflow = page.evaluate(
        "document.documentElement.scrollWidth > document.documentElement.clientWidth"
    )
    assert not overflow, "the page scrolls sideways"


def test_axe_finds_no_violations_with_filters_applied(base: str, open_page: Any) -> None:
    page = open_page(base + "you-said-we-did/?from=children&action=planned")
    assert_no_axe_violations(page, "the filtered register")


def test_pages_are_valid_html(built: Built) -> None:
    files = [built.file("/" + path) for path in PAGES]
    assert run_vnu(files) == {}


def test_without_javascript_every_comment_is_shown(base: str, open_page: Any) -> None:
    page = open_page(base + "you-said-we-did/?from=children", javascript=False)
    assert len(visible_items(page)) == TOTAL
    assert page.is_hidden("form.lo-filters")


def test_filters_apply_at_once_and_live_in_the_url(base: str, open_page: Any) -> None:
    page = open_page(base + "you-said-we-did/")
    assert page.is_visible("form.lo-filters")
    assert page.text_content(COUNT) == f"Showing {TOTAL} of {TOTAL} comments"

    page.check("#lo-feedback-from-children")
    assert page.text_content(COUNT) == f"Showing 3 of {TOTAL} comments"
    assert visible_items(page) == [
        "young-inspectors-website-2026-comment-1",
        "young-inspectors-website-2026-comment-4",
        "youth-forum-2024-comment-2",
    ]
    assert visible_rounds(page) == ["young-inspectors-website-2026", "youth-forum-2024"]
    assert "from=children" in page.url

    page.check("#lo-feedback-from-parents-carers")  # OR within a field
    assert page.text_content(COUNT) == f"Showing 7 of {TOTAL} comments"
    page.select_option("#lo-feedback-year", "2026")  # AND across fields
    assert page.text_content(COUNT) == f"Showing 4 of {TOTAL} comments"
    assert re.search(r"year=2026", page.url)

    page.click("form.lo-filters button[type=reset]")
    page.wait_for_function(
        f"document.querySelector('{COUNT}').textContent === 'Showing {TOTAL} of {TOTAL} comments'"
    )
    assert "?" not in page.url


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (
            "overdue=true",
            [
                "parent-carer-forum-spring-2025-comment-1",
                "transport-responses-2026-comment-2",
                "young-inspectors-website-2026-comment-2",
            ],
        ),
        ("action=none", ["transport-responses-2026-comment-3"]),
        ("regarding=development&source=consultation", ["transport-responses-2026-comment-2"]),
        ("topic=ehc-plans", ["young-inspectors-website-2026-comment-3"]),
        ("q=swimming", ["young-inspectors-website-2026-comment-1"]),
        (
            "action=not-planned&year=2025",
            ["parent-carer-forum-spring-2025-comment-1", "survey-2025-comment-3"],
        ),
    ],
)
def test_a_shared_filtered_address_shows_the_same_comments(
    base: str, open_page: Any, query: str, expected: list[str]
) -> None:
    page = open_page(base + f"you-said-we-did/?{query}")
    assert sorted(visible_items(page)) == sorted(expected)
    assert page.text_content(COUNT) == f"Showing {len(expected)} of {TOTAL} comments"


def test_yearly_report_prints_every_comment_without_chrome(base: str, open_page: Any) -> None:
    page = open_page(base + "you-said-we-did/2026/", scheme="dark")
    page.emulate_media(media="print")
    state = page.evaluate(
        """() => ({
          chrome: ['.md-header', '.md-sidebar--primary', '.md-footer', '.lo-caption',
                   '.lo-no-print'].filter((s) => [...document.querySelectorAll(s)]
                   .some((el) => getComputedStyle(el).display !== 'none')),
          breaks: [...document.querySelectorAll('.lo-comment')]
            .map((el) => getComputedStyle(el).breakInside),
          after: getComputedStyle(document.querySelector('.lo-round__links a'), '::after').content,
          tag: getComputedStyle(document.querySelector('.lo-tag--overdue')).backgroundColor,
        })"""
    )
    assert state["chrome"] == []
    assert state["breaks"] == ["avoid"] * 7
    assert state["after"] == (
        '" (https://localoffer.anyshire.example/you-said-we-did/transport-responses-2026/)"'
    )
    assert state["tag"] == "rgb(255, 255, 255)", "tags print as words in a box, not colour"

    pdf = PdfReader(io.BytesIO(page.pdf(format="A4")))
    pages = [" ".join((p.extract_text() or "").split()) for p in pdf.pages]
    assert len(pages) > 1, "the report is long enough to need page breaks"
    everything = " ".join(pages)
    assert "Material for MkDocs" not in everything
    assert "Skip to content" not in everything
    assert "Filter comments" not in everything
    assert "You said, we did: 2026" in everything
    assert "OVERDUE" in everything
    assert TRICKY_SAID.replace(" ", "") in everything.replace(" ", "")
    assert "(localoffer@anyshire.example)" in everything, "the address to ask, not the mailto"
    assert "https://localoffer.anyshire.example/you-said-we-did/young-inspectors-website-2026/" in (
        everything.replace(" ", "")
    )
    # Each comment is on one sheet: from what was said to its last line, in the page's order.
    comments = [
        ("Personal travel budgets must", "SEND Transport Team"),
        ("tell families how the policy", "SEND Transport Team"),
        ("need to know about transport", "No action recorded"),
        ("wanted to find swimming", "Local Offer team"),
        ("pink writing on the grey", "Digital Services Team"),
        ("graduated approach", "Local Offer team"),
        ("Ask us again next year", "Anyshire Participation Team"),
    ]
    starts = [start for start, _ in comments]
    for start, end in comments:
        on = [n for n, text in enumerate(pages) if start in text]
        assert len(on) == 1, (start, on)
        text = pages[on[0]]
        segment = text[text.index(start) :]
        following = [segment.index(s) for s in starts if s != start and s in segment]
        segment = segment[: min(following)] if following else segment
        assert end in segment, f"the comment starting {start!r} is split across pages"
