"""Serve's in-memory page cache keeps pages compressed and reads one only to write it."""

from __future__ import annotations

from typing import Any

import pytest
from localoffer.mkdocs import page_cache
from localoffer.mkdocs.page_cache import PageCache

# What fingerprint() would read, replaced by the fixture.
NO_CONFIG: Any = None
NO_NAV: Any = None


def _page(n: int) -> bytes:
    frame = "<nav>" + "".join(f'<a href="../s{i}/">Section {i}</a>' for i in range(200)) + "</nav>"
    return f"<html><head><title>Event {n}</title></head>{frame}<p>Body {n}</p></html>".encode()


@pytest.fixture
def cache(monkeypatch: pytest.MonkeyPatch) -> PageCache:
    monkeypatch.setattr(page_cache, "fingerprint", lambda config, nav: "templates-and-nav")
    kept = PageCache()
    kept.start_build(NO_CONFIG, NO_NAV)
    return kept


def test_pages_come_back_whole_and_are_held_compressed(cache: PageCache) -> None:
    pages = {cache.key(f"event-{n}"): _page(n) for n in range(50)}
    for key, html in pages.items():
        cache.store(key, html)
    for key, html in pages.items():
        assert cache.lookup(key) == html
    held = sum(len(packed) for packed in cache._pages.values())
    assert held * 4 < sum(len(html) for html in pages.values())
    assert cache.lookup(cache.key("no-such-page")) is None
    assert cache.holds(cache.key("no-such-page")) is False


def test_a_page_only_held_is_kept_for_the_next_build_and_counted_once(cache: PageCache) -> None:
    used, unused = cache.key("used"), cache.key("unused")
    cache.store(used, _page(1))
    cache.store(unused, _page(2))
    cache.start_build(NO_CONFIG, NO_NAV)  # a rebuild: both pages are there, from the last build
    assert cache.holds(used) is True
    assert cache.lookup(used) == _page(1)  # (then written: one hit, not two)
    assert cache.hits == 1
    cache.start_build(NO_CONFIG, NO_NAV)  # the next rebuild keeps only what the last one used
    assert cache.holds(used) is True
    assert cache.holds(unused) is False
