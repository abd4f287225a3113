"""Lists are keyed (while serving) on a digest of their whole template context."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from localoffer.core.site import Site
from localoffer.plan import keys
from localoffer.plan.context_key import context_digest, with_context_key
from localoffer.plan.model import PagePlan

from .conftest import load


@dataclass(frozen=True)
class Item:
    title: str
    when: date
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class Listing:
    items: tuple[Item, ...]


def _keys(root: Path) -> tuple[Site, keys.SiteKeys]:
    site = load(root)
    return site, keys.start(site)


def test_equal_contexts_have_equal_digests_and_any_change_changes_it(root: Path) -> None:
    _site, site_keys = _keys(root)
    items = (Item("Drop-in", date(2026, 12, 1), ("parents",)), Item("Forum", date(2026, 12, 2)))
    first = context_digest({"lo_list": Listing(items)}, site_keys)
    assert first is not None
    assert context_digest({"lo_list": Listing(tuple(items))}, site_keys) == first
    changed = (items[0], Item("Forum", date(2026, 12, 3)))
    assert context_digest({"lo_list": Listing(changed)}, site_keys) != first
    assert context_digest({"lo_list": Listing(items[::-1])}, site_keys) != first  # order shows
    assert context_digest({"other": Listing(items)}, site_keys) != first


def test_a_record_counts_as_its_file_and_the_site_cannot_be_keyed(root: Path) -> None:
    site, site_keys = _keys(root)
    event = next(iter(site.events.values()))
    digest = context_digest({"events": [event]}, site_keys)
    assert digest is not None
    other = list(site.events.values())[1]
    assert context_digest({"events": [other]}, site_keys) != digest
    page = PagePlan("events/month/x.md", "A month", "t.html", context={"site": site})
    assert with_context_key(page, site_keys).key == ""  # rendered every time instead
    unknown = PagePlan("x.md", "X", "t.html", context={"make": lambda: "a"})
    assert with_context_key(unknown, site_keys).key == ""


def test_a_later_plan_reuses_the_digests_of_the_same_views(root: Path) -> None:
    _site, first_keys = _keys(root)
    listing = Listing((Item("Drop-in", date(2026, 12, 1)),))
    digest = context_digest({"lo_list": listing}, first_keys)
    _site, later_keys = _keys(root)  # a new plan: the same view object, the same digest
    assert context_digest({"lo_list": listing}, later_keys) == digest
    page = PagePlan("events/month/x.md", "A month", "t.html", context={"lo_list": listing})
    assert with_context_key(page, later_keys).key != ""
