"""Record pages' template variables are made only when read (``plan/model.py``'s LazyContext).

A one-off build renders only the pages the build cache does not hold, in the worker processes,
so its plan leaves the views unmade; a kept plan (``mkdocs serve``'s) makes them all, so the
memo holds no maker (and no old site) between rebuilds.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from localoffer.plan.memo import MEMO
from localoffer.plan.model import LazyContext, PagePlan, with_context
from localoffer.plan.site_plan import plan_site

from tests.plan.conftest import load

RECORD_PAGES = ("events/", "consultations/", "services/")


def _counting() -> tuple[LazyContext, list[int]]:
    calls: list[int] = []

    def make() -> dict[str, Any]:
        calls.append(1)
        return {"view": "made", "shared": "from make"}

    return LazyContext(make), calls


def test_variables_are_made_once_when_first_read() -> None:
    context, calls = _counting()
    assert calls == []
    assert context["view"] == "made"
    assert dict(context) == {"view": "made", "shared": "from make"}
    assert len(context) == 2 and calls == [1]


def test_adding_variables_makes_nothing_and_reading_makes_both() -> None:
    context, calls = _counting()
    page = PagePlan("events/a/index.md", "A", "t.html", context=context)

    more = with_context(with_context(page, {"updated": 1}), {"shared": "added"})

    assert calls == []
    assert isinstance(more.context, LazyContext)
    assert dict(more.context) == {"view": "made", "shared": "added", "updated": 1}
    assert calls == [1]
    assert dict(context) == {"view": "made", "shared": "from make"}  # made, not changed
    assert calls == [1]
    # Once made, what is added is added to the variables themselves.
    assert with_context(page, {"x": 2}).context == {"view": "made", "shared": "from make", "x": 2}


def test_plain_contexts_are_merged_as_before() -> None:
    page = PagePlan("a.md", "A", "t.html", context={"a": 1})
    assert with_context(page, {"b": 2}).context == {"a": 1, "b": 2}
    assert page.context == {"a": 1}


def _record_contexts(pages: dict[str, PagePlan]) -> list[LazyContext]:
    found = [
        page.context
        for uri, page in pages.items()
        if uri.startswith(RECORD_PAGES) and isinstance(page.context, LazyContext)
    ]
    assert len(found) > 400
    return found


def test_a_one_off_plan_leaves_record_views_unmade_and_they_are_those_of_a_kept_plan(
    root: Path,
) -> None:
    once = plan_site(load(root), keep=False)
    lazy = _record_contexts(once.pages)
    assert not any(context.is_made for context in lazy)

    MEMO.clear()
    kept = plan_site(load(root))
    assert all(context.is_made for context in _record_contexts(kept.pages))
    assert once.pages == kept.pages  # reading the one-off plan's variables gives the same
