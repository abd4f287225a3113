"""Comment text is shown exactly as typed: escaped, and never read as markup."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup, Tag

from .conftest import Built
from .fixture_site import TRICKY_RESPONSE, TRICKY_SAID

PAGES = {
    "round": ("/you-said-we-did/young-inspectors-website-2026/", "comment-3"),
    "register": ("/you-said-we-did/", "young-inspectors-website-2026-comment-3"),
    "year": ("/you-said-we-did/2026/", "young-inspectors-website-2026-comment-3"),
}


def comment(built: Built, page: str) -> tuple[str, Tag]:
    url, anchor = PAGES[page]
    raw = built.file(url).read_text(encoding="utf-8")
    found = BeautifulSoup(raw, "html5lib").find(id=anchor)
    assert isinstance(found, Tag)
    return raw, found


@pytest.mark.parametrize("page", sorted(PAGES))
def test_said_and_response_read_exactly_as_typed(built: Built, page: str) -> None:
    _, found = comment(built, page)
    quote = found.find("blockquote")
    assert quote is not None
    assert " ".join(quote.get_text().split()) == TRICKY_SAID
    did = found.select_one(".lo-comment__did dd")
    assert did is not None
    assert " ".join(did.get_text().split()) == TRICKY_RESPONSE


@pytest.mark.parametrize("page", sorted(PAGES))
def test_nothing_in_a_comment_becomes_markup(built: Built, page: str) -> None:
    _, found = comment(built, page)
    assert found.find(["b", "i", "script"]) is None
    assert found.find_all("p")  # the text sits in paragraphs of its own


@pytest.mark.parametrize("page", sorted(PAGES))
def test_quotes_apostrophes_and_ampersands_are_escaped(built: Built, page: str) -> None:
    raw, _ = comment(built, page)
    assert "&lt;b&gt;what&lt;/b&gt;" in raw
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in raw
    assert "&#34;graduated approach&#34; &amp; nobody" in raw
    assert "It&#39;s" in raw
    assert "<script>alert(1)" not in raw


def test_filter_text_attribute_is_escaped_too(built: Built) -> None:
    _, found = comment(built, "register")
    assert '"graduated approach" & nobody knew <b>what</b>' in found["data-text"]


def test_search_index_keeps_the_text_escaped(built: Built) -> None:
    index = built.json("/search/search_index.json")
    texts = " ".join(doc["text"] for doc in index["docs"])
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in texts
    assert "<script>" not in texts
