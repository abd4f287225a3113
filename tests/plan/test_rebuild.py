"""Planning again after an edit, as ``mkdocs serve`` does, with the items the last plan made.

For each edit, the plan made with the memo must be the plan made without it, page for page
(Markdown, context, key) and file for file; a page whose content changed must have a new key
(the MkDocs layer keeps each page's HTML on it); and the edit must not make the whole site again.
"""

from __future__ import annotations

import gc
import re
import weakref
from datetime import datetime, timedelta
from pathlib import Path

from localoffer.core.derive.occurrences import occurrences
from localoffer.core.site import Site
from localoffer.plan.memo import MEMO
from localoffer.plan.site_plan import plan_site

from .conftest import (
    NOW,
    Rebuild,
    assert_as_cold,
    assert_keys_follow,
    load,
    rebuild,
    record_file,
    set_field,
)


def event_page(event_id: str) -> str:
    return f"events/{event_id}/index.md"


def consultation_page(consultation_id: str) -> str:
    return f"consultations/{consultation_id}.md"


def round_page(round_id: str) -> str:
    return f"you-said-we-did/{round_id}/index.md"


#: The list pages that have keys: a month's events, a past year's.
LIST_PAGE = re.compile(r"events/(month/\d{4}-\d{2}|past/\d{4})/index\.md")


def new_keys(result: Rebuild) -> set[str]:
    return {uri for uri, page in result.cold.pages.items() if page.key and result.new_key(uri)}


def showing_consultation(site: Site, consultation_id: str) -> set[str]:
    """The pages that show something of a consultation: its own, the events and rounds that
    name it, the consultations related to it."""
    events = site.events.items()
    rounds = site.feedback.items()
    return {
        consultation_page(consultation_id),
        *(event_page(e) for e, event in events if event.consultation == consultation_id),
        *(round_page(r) for r, item in rounds if item.consultation == consultation_id),
        *(
            consultation_page(c)
            for c, other in site.consultations.items()
            if consultation_id in other.related
        ),
    }


def shown_nowhere_else(site: Site) -> list[str]:
    """Events that no other record names (so an edit to one shows on its own page only)."""
    named = {way.value for c in site.consultations.values() for way in c.respond}
    named |= {r.event for r in site.feedback.values() if r.event}
    return [
        event_id
        for event_id, event in sorted(site.events.items())
        if event.consultation is None and event_id not in named
    ]


def upcoming_single_events(site: Site) -> list[str]:
    """Events on one date-time, still to come, without a booking deadline or a consultation."""
    return [
        event_id
        for event_id in shown_nowhere_else(site)
        if (event := site.events[event_id]).repeat is None
        and isinstance(event.starts, datetime)
        and event.starts > NOW + timedelta(days=2)
        and (event.booking is None or event.booking.deadline is None)
    ]


def test_an_unchanged_site_is_planned_from_the_memo_alone(root: Path) -> None:
    site = load(root)
    first = plan_site(site)
    assert MEMO.misses > 4 * len(site.events)  # the first plan makes everything

    again = plan_site(site)
    assert MEMO.misses == 0
    reloaded = plan_site(load(root))  # a fresh Site from the same files, as serve gives
    assert MEMO.misses == 0
    assert again.pages == first.pages == reloaded.pages
    assert again.files == first.files == reloaded.files
    # Record pages have keys, and so do the list pages whose memo key is all they show.
    keyed = [page for page in first.pages.values() if page.key]
    records = len(site.events) + len(site.consultations) + len(site.feedback) + len(site.services)
    lists = [uri for uri in first.pages if LIST_PAGE.fullmatch(uri)]
    assert site.services and len(lists) > 12 and len(keyed) == records + len(lists)


def test_editing_an_event_makes_its_own_items_again_and_nothing_else(root: Path) -> None:
    event_id = shown_nowhere_else(load(root))[7]
    path = record_file(root, "events", event_id)

    result = rebuild(root, lambda: path.write_text(path.read_text() + "\nOne more line.\n"))

    assert_as_cold(result)
    assert_keys_follow(result)
    # and the month and past year pages that list it, which are keyed on its file
    listing = {
        uri
        for uri, page in result.cold.pages.items()
        if LIST_PAGE.fullmatch(uri) and f"'{event_id}'" in repr(page.context)
    }
    assert listing
    assert new_keys(result) == {event_page(event_id)} | listing
    assert result.changed(event_page(event_id))
    # its page, calendar, data and dates, and the month pages it is on: not the whole site
    assert result.made_warm < result.made_cold / 100


def test_a_consultation_renamed_changes_every_page_that_shows_its_title(root: Path) -> None:
    site = load(root)
    target = sorted(site.consultations)[3]
    event_id = shown_nowhere_else(site)[0]
    round_id = next(r for r in sorted(site.feedback) if not site.feedback[r].consultation)
    other = next(
        c for c in sorted(site.consultations) if c != target and not site.consultations[c].related
    )
    # Other records show it: an event and a round name it, another consultation relates to it.
    set_field(record_file(root, "events", event_id), "consultation", target)
    set_field(record_file(root, "responses", round_id), "consultation", target)
    set_field(record_file(root, "consultations", other), "related", f"[{target}]")

    result = rebuild(
        root,
        lambda: set_field(
            record_file(root, "consultations", target), "title", "A consultation renamed"
        ),
    )

    assert_as_cold(result)
    assert_keys_follow(result)
    showing = showing_consultation(load(root), target)
    assert {event_page(event_id), round_page(round_id), consultation_page(other)} < showing
    for uri in showing:
        assert result.changed(uri), uri
    assert new_keys(result) == showing
    assert result.changed("consultations/index.md")  # the register: planned again every time


def test_an_event_moved_into_the_past_changes_the_consultation_that_lists_it(
    root: Path,
) -> None:
    site = load(root)
    event_id = upcoming_single_events(site)[0]
    target = sorted(site.consultations)[5]
    path = record_file(root, "events", event_id)
    set_field(path, "consultation", target)  # the consultation's page lists the event

    def move() -> None:
        set_field(path, "starts", "2021-03-03 10:00")
        set_field(path, "ends", "2021-03-03 11:30")

    result = rebuild(root, move)

    assert_as_cold(result)
    assert_keys_follow(result)
    for uri in (event_page(event_id), consultation_page(target)):
        assert result.changed(uri) and result.new_key(uri), uri
    listed = result.cold.pages[consultation_page(target)].context["lo_consultation"].events
    assert [(view.title, view.past) for view in listed if view.href == f"events/{event_id}/"] == [
        (site.events[event_id].title, True)
    ]
    assert "events/past/2021/index.md" in result.cold.pages
    assert result.changed("events/past/2021/index.md")


def test_a_round_an_outcome_cites_changes_the_consultation_page(root: Path) -> None:
    site = load(root)
    target = next(
        c
        for c in sorted(site.consultations)
        if (outcome := site.consultations[c].outcome) is not None and not outcome.feedback
    )
    round_id, other_round = sorted(site.feedback)[:2]
    path = record_file(root, "consultations", target)
    text = path.read_text(encoding="utf-8")
    cited = text.replace("\noutcome:\n", f"\noutcome:\n  feedback: [{round_id}]\n")
    path.write_text(cited, "utf-8")

    result = rebuild(
        root,
        lambda: set_field(record_file(root, "responses", round_id), "title", "What you told us"),
    )

    assert_as_cold(result)
    assert_keys_follow(result)
    assert new_keys(result) == {consultation_page(target), round_page(round_id)}
    outcome = result.cold.pages[consultation_page(target)].context["lo_consultation"].outcome
    assert [view.title for view in outcome.feedback] == ["What you told us"]

    # The outcome cites another round instead: its own record changed.
    result = rebuild(
        root,
        lambda: path.write_text(
            path.read_text(encoding="utf-8").replace(f"[{round_id}]", f"[{other_round}]"),
            "utf-8",
        ),
    )
    assert_as_cold(result)
    assert_keys_follow(result)
    # its page, and (their keys hold its digest) the pages that show something of it
    assert new_keys(result) == showing_consultation(load(root), target)
    assert result.changed(consultation_page(target))


def test_a_round_that_names_an_event_shows_on_the_event_page(root: Path) -> None:
    site = load(root)
    event_id = shown_nowhere_else(site)[11]
    round_id = next(r for r in sorted(site.feedback) if not site.feedback[r].event)

    result = rebuild(
        root, lambda: set_field(record_file(root, "responses", round_id), "event", event_id)
    )

    assert_as_cold(result)
    assert_keys_follow(result)
    assert new_keys(result) == {event_page(event_id), round_page(round_id)}
    page = result.cold.pages[event_page(event_id)].context["lo_event"]
    assert [item.id for item in page.feedback] == [round_id]


def test_a_renamed_consultation_keeps_its_old_address(root: Path) -> None:
    site = load(root)
    old = sorted(site.consultations)[8]
    event_id = shown_nowhere_else(site)[2]
    event_path = record_file(root, "events", event_id)
    set_field(event_path, "consultation", old)

    def rename() -> None:
        path = record_file(root, "consultations", old)
        set_field(path, "previous_ids", f"[{old}]")
        path.rename(path.with_name("a-new-name.md"))
        set_field(event_path, "consultation", "a-new-name")

    result = rebuild(root, rename)

    assert_as_cold(result)
    assert_keys_follow(result)
    assert consultation_page(old) not in result.warm.pages
    assert consultation_page("a-new-name") in result.warm.pages
    assert f"consultations/{old}/index.html" in result.warm.files  # the redirect
    assert result.changed(event_page(event_id))
    assert not [slot for slot in MEMO.slots() if slot[1] == old]  # nothing kept for the old id


def test_time_moving_on_changes_the_pages_of_events_that_ended(root: Path) -> None:
    later = NOW + timedelta(days=45)
    site = load(root)
    ended = [
        event_id
        for event_id, event in sorted(site.events.items())
        if NOW < occurrences(event)[-1].end_at < later
    ]
    assert ended

    result = rebuild(root, lambda: None, now=NOW, now_after=later)

    assert_as_cold(result)
    assert_keys_follow(result)
    for event_id in ended:
        uri = event_page(event_id)
        assert result.changed(uri) and result.new_key(uri), event_id
        assert result.cold.pages[uri].context["lo_event"].past
    # Record pages are keyed on the day, so all are made again; calendars and dates are not.
    assert result.made_warm < result.made_cold * 2 / 3


def test_a_document_file_replaced_changes_the_pages_that_describe_it(root: Path) -> None:
    site = load(root)
    file = "documents/archive-meeting-notes.pdf"
    showing = {
        event_page(event_id)
        for event_id, event in site.events.items()
        if any(document.file == file for document in event.documents)
    }
    assert showing
    path = root / "content" / file

    result = rebuild(root, lambda: path.write_bytes(path.read_bytes() + b"\n% a longer file\n"))

    assert_as_cold(result)
    assert_keys_follow(result)
    assert showing <= new_keys(result)
    for uri in showing:
        assert result.changed(uri), uri


def test_a_settings_change_changes_every_record_page(root: Path) -> None:
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "site_url: https://localoffer.anyshire.example/" in text

    result = rebuild(
        root,
        lambda: config.write_text(
            text.replace("localoffer.anyshire.example", "send.anyshire.example"), "utf-8"
        ),
    )

    assert_as_cold(result)
    assert_keys_follow(result)
    assert new_keys(result) == {uri for uri, page in result.cold.pages.items() if page.key}


def test_the_memo_drops_what_the_last_plan_did_not_use(root: Path) -> None:
    site = load(root)
    plan_site(site)
    size = len(MEMO)
    event_id = shown_nowhere_else(site)[4]
    record_file(root, "events", event_id).unlink()

    plan = plan_site(load(root))

    assert event_page(event_id) not in plan.pages
    assert not [slot for slot in MEMO.slots() if slot[1] == event_id]
    assert len(MEMO) < size


def test_the_memo_keeps_no_site_alive(root: Path) -> None:
    site = load(root)
    plan_site(site)
    gone = weakref.ref(site)
    del site
    plan_site(load(root))  # another site: the module caches now hold that one

    gc.collect()
    assert gone() is None


def test_a_plan_that_keeps_nothing_is_the_same_plan(root: Path) -> None:
    kept = plan_site(load(root))
    slots = MEMO.slots()

    once = plan_site(load(root), keep=False)  # as a one-off build may plan

    assert once.pages == kept.pages
    assert once.files == kept.files
    assert MEMO.slots() == slots  # the process's memo neither used nor changed
    plan_site(load(root))
    assert MEMO.misses == 0
