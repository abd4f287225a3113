"""Records kept across loads in one process (what ``mkdocs serve`` does after every edit).

A second load reads every file's bytes again and re-validates only the files whose bytes
changed; unchanged files give the very same record objects and problems. Deleted files are
forgotten, a record changed in place is read again, and ``site.digests`` gives each record
file's SHA-256 for anything else kept per record.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from localoffer.core.check import CheckResult, check_site
from localoffer.core.source import loader
from localoffer.core.source.cache import RecordCache

from core.sitekit import CLOSED_CONSULTATION, CONSULTATION, EVENT, FEEDBACK, SiteKit, now, replace

CP = "consultations/short-breaks-statement-2027.md"
CP2 = "consultations/home-to-school-transport-2026.md"
EP = "events/short-breaks-drop-in-anbury.md"
EP2 = "events/short-breaks-drop-in-westbury.md"
FP = "responses/local-offer-survey-spring-2026.yml"


@pytest.fixture
def kit(tmp_path: Path) -> SiteKit:
    kit = SiteKit(tmp_path / "site")
    kit.write(CP, CONSULTATION)
    kit.write(CP2, CLOSED_CONSULTATION)
    kit.write(EP, EVENT)
    kit.write(EP2, EVENT.replace("Anbury", "Westbury"))
    kit.write(FP, FEEDBACK)
    return kit


def load(kit: SiteKit, cache: RecordCache | None) -> CheckResult:
    return check_site(kit.root, now(), cache=cache)


def records(result: CheckResult) -> dict[str, object]:
    site = result.site
    return {
        r.path: r
        for r in [*site.consultations.values(), *site.events.values(), *site.feedback.values()]
    }


def test_unchanged_files_give_the_same_objects_and_a_changed_one_is_validated_again(
    kit: SiteKit,
) -> None:
    cache = RecordCache()
    first = load(kit, cache)
    kit.write(EP, replace(EVENT, "title: Short breaks drop-in, Anbury", "title: Drop-in, Anbury"))

    second = load(kit, cache)

    before, after = records(first), records(second)
    assert set(after) == {CP, CP2, EP, EP2, FP}
    for path in (CP, CP2, EP2, FP):
        assert after[path] is before[path], path
    assert after[EP] is not before[EP]
    assert second.site.events["short-breaks-drop-in-anbury"].title == "Drop-in, Anbury"
    assert second.problems == first.problems == []
    # The rules ran over the whole site again, with every record in it.
    assert second.site.events["short-breaks-drop-in-westbury"] is before[EP2]


def test_a_file_broken_since_the_last_load_gives_its_new_error_and_then_its_fix(
    kit: SiteKit,
) -> None:
    cache = RecordCache()
    load(kit, cache)
    kit.write(EP, replace(EVENT, "kind: drop-in", "kind: dropin"))

    broken = load(kit, cache)

    [problem] = broken.errors
    assert (problem.path, problem.line, problem.column) == (EP, 7, 7)
    assert "'dropin' is not a known" in problem.message
    assert "short-breaks-drop-in-anbury" not in broken.site.events
    # Unchanged, still broken: the same error (and its position) comes from the cache.
    assert load(kit, cache).errors == [problem]

    kit.write(EP, EVENT)
    fixed = load(kit, cache)
    assert fixed.problems == []
    assert fixed.site.events["short-breaks-drop-in-anbury"].kind == "drop-in"


def test_a_cached_record_s_problems_found_by_rules_are_still_placed(kit: SiteKit) -> None:
    """Rules run every time; a record from the cache still has its positions."""
    cache = RecordCache()
    kit.write(EP, replace(EVENT, "kind: drop-in", "kind: drop-in\nconsultation: nothing-here"))
    first = load(kit, cache)
    second = load(kit, cache)

    assert records(second)[EP] is records(first)[EP]
    assert [p.format() for p in second.problems] == [p.format() for p in first.problems]
    [problem] = second.errors
    assert (problem.path, problem.line, problem.column) == (EP, 8, 15)


def test_deleted_files_are_dropped_from_the_site_and_the_cache(kit: SiteKit) -> None:
    cache = RecordCache()
    load(kit, cache)
    assert len(cache) == 5
    (kit.root / EP2).unlink()
    (kit.root / FP).unlink()

    second = load(kit, cache)

    assert set(records(second)) == {CP, CP2, EP}
    assert set(second.site.digests) == {CP, CP2, EP}
    assert len(cache) == 3


def test_only_the_last_load_is_kept(kit: SiteKit, tmp_path: Path) -> None:
    cache = RecordCache()
    load(kit, cache)
    other = SiteKit(tmp_path / "other")
    other.write(EP, EVENT)

    load(other, cache)
    assert len(cache) == 1
    # The first site's records were forgotten: loading it again validates them afresh.
    again = load(kit, cache)
    assert again.problems == []
    assert len(cache) == 5


def test_digests_are_the_sha256_of_each_record_file(kit: SiteKit) -> None:
    kit.write("events/not-an-event.md", "no front matter here\n")
    kit.write("responses/unreadable.yml", b"title: \xff\n")
    result = load(kit, RecordCache())

    files = [CP, CP2, EP, EP2, FP, "events/not-an-event.md", "responses/unreadable.yml"]
    assert result.site.digests == {
        rel: hashlib.sha256((kit.root / rel).read_bytes()).hexdigest() for rel in files
    }
    assert len(result.errors) == 2  # the two broken files are read, and have digests too


def test_a_record_changed_in_place_is_not_served_again(kit: SiteKit) -> None:
    """Records are pydantic models, which can be changed; nothing in localoffer changes them,
    but if anything did, the next load must not get the changed record."""
    cache = RecordCache()
    first = load(kit, cache)
    event = first.site.events["short-breaks-drop-in-anbury"]
    event.title = "Changed by someone"
    round_ = first.site.feedback["local-offer-survey-spring-2026"]
    round_.comments[0].topics.append("transport")

    second = load(kit, cache)

    fresh_event = second.site.events["short-breaks-drop-in-anbury"]
    fresh_round = second.site.feedback["local-offer-survey-spring-2026"]
    assert fresh_event is not event and fresh_event.title == "Short breaks drop-in, Anbury"
    assert fresh_round is not round_ and fresh_round.comments[0].topics == ["short-breaks"]
    assert records(second)[CP] is records(first)[CP]


def test_records_are_validated_again_when_the_vocabularies_change(kit: SiteKit) -> None:
    cache = RecordCache()
    kit.write(EP, replace(EVENT, "kind: drop-in", "kind: coffee-morning"))
    assert [p.line for p in load(kit, cache).errors] == [7]
    mkdocs_yml = (kit.root / "mkdocs.yml").read_text(encoding="utf-8")
    (kit.root / "mkdocs.yml").write_text(
        mkdocs_yml + "      vocabularies:\n        event_kinds: [coffee-morning]\n",
        encoding="utf-8",
    )

    result = load(kit, cache)

    assert result.errors == []
    assert result.site.events["short-breaks-drop-in-anbury"].kind == "coffee-morning"


def test_a_fault_is_not_kept(kit: SiteKit, monkeypatch: pytest.MonkeyPatch) -> None:
    """A fault in localoffer on one file is reported, and the next load tries the file again."""
    cache = RecordCache()
    real = loader.read_record

    def faulty(path: Path, *args: bytes | None) -> object:
        if path.name == "short-breaks-drop-in-anbury.md":
            raise RuntimeError("simulated fault")
        return real(path, *args)

    monkeypatch.setattr(loader, "read_record", faulty)
    assert "simulated fault" in load(kit, cache).errors[0].message
    monkeypatch.setattr(loader, "read_record", real)

    assert load(kit, cache).problems == []


def test_without_a_cache_nothing_is_kept(kit: SiteKit) -> None:
    cache = RecordCache()
    first = load(kit, None)
    second = load(kit, None)
    assert records(first)[EP] is not records(second)[EP]
    assert len(cache) == 0


def test_the_check_command_keeps_nothing(kit: SiteKit, monkeypatch: pytest.MonkeyPatch) -> None:
    from localoffer.cli.main import main
    from localoffer.core.source.cache import RECORDS

    RECORDS.clear()
    assert main(["check", "--site", str(kit.root), "--today", "2026-11-23"]) == 0
    assert len(RECORDS) == 0
