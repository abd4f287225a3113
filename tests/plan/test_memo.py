"""The memo itself: an item is reused only for an equal key, and a plan keeps only what it used."""

from __future__ import annotations

from dataclasses import fields, replace

import pytest
from localoffer.plan.memo import Memo
from localoffer.plan.model import PagePlan, keyed


def test_an_item_is_made_once_and_reused_while_its_key_is_equal() -> None:
    memo = Memo()
    made: list[str] = []

    def make(text: str) -> str:
        made.append(text)
        return text.upper()

    assert memo.get("page", "a", ("digest-1", "today"), lambda: make("one")) == "ONE"
    assert memo.get("page", "a", ("digest-1", "today"), lambda: make("two")) == "ONE"
    assert memo.get("page", "a", ("digest-2", "today"), lambda: make("three")) == "THREE"
    assert memo.get("page", "b", ("digest-2", "today"), lambda: make("four")) == "FOUR"
    assert memo.get("data", "a", ("digest-2", "today"), lambda: make("five")) == "FIVE"
    assert made == ["one", "three", "four", "five"]
    assert (memo.hits, memo.misses) == (1, 4)
    assert memo.slots() == {("page", "a"), ("page", "b"), ("data", "a")}


def test_a_plan_keeps_only_the_slots_it_used() -> None:
    memo = Memo()
    for name in ("a", "b", "c"):
        memo.get("page", name, 1, str)
    memo.begin()
    assert memo.get("page", "a", 1, lambda: "new") == ""
    memo.get("page", "d", 1, lambda: "d")
    memo.end()
    assert memo.slots() == {("page", "a"), ("page", "d")}
    assert (memo.hits, memo.misses) == (1, 1)

    memo.begin()
    memo.end()  # a plan that used nothing leaves nothing
    assert len(memo) == 0


def test_outside_a_plan_nothing_is_dropped_and_clear_empties() -> None:
    memo = Memo()
    memo.get("page", "a", 1, lambda: "a")
    memo.end()  # no plan under way: nothing to drop
    assert len(memo) == 1
    memo.clear()
    assert len(memo) == 0
    assert (memo.hits, memo.misses) == (0, 0)


PAGE = PagePlan(
    src_uri="events/drop-in/index.md",
    title="Drop-in",
    template="localoffer/event.html",
    markdown="Come along.",
    context={"lo_event": "view"},
    html_title="Drop-in – Events – Local Offer",
    description="A drop-in.",
)


@pytest.mark.parametrize(
    "change",
    [
        {"src_uri": "events/drop-in-2/index.md"},
        {"title": "Drop-in session"},
        {"template": "localoffer/event-2.html"},
        {"markdown": "Come along!"},
        {"html_title": "Drop-in – Events"},
        {"description": "A drop-in session."},
        {"sanitise": False},
        {"search": False},
        {"search_text": "Drop-in for families."},
    ],
)
def test_a_page_key_changes_with_every_field_the_page_shows(change: dict[str, object]) -> None:
    base = keyed(PAGE, ("digest", "today"))
    assert len(base.key) == 64
    assert keyed(replace(PAGE, **change), ("digest", "today")).key != base.key  # type: ignore[arg-type]


def test_a_page_key_changes_with_what_its_context_is_made_from() -> None:
    assert keyed(PAGE, ("digest", "today")).key != keyed(PAGE, ("digest", "tomorrow")).key
    assert keyed(PAGE, ("digest", "today")).key == keyed(PAGE, ("digest", "today")).key
    assert keyed(PAGE, "text").key != keyed(PAGE, "text ").key
    # every field of a page other than its context and key is in the key
    shown = {f.name for f in fields(PagePlan)} - {"context", "key"}
    assert shown == {
        "src_uri", "title", "template", "markdown", "html_title", "description", "sanitise",
        "search", "search_text",
    }  # fmt: skip


def test_a_memo_that_keeps_nothing_makes_every_item() -> None:
    memo = Memo(keep=False)
    made: list[int] = []
    for _ in range(2):
        memo.get("page", "a", 1, lambda: made.append(1))
    assert len(made) == 2
    assert len(memo) == 0
