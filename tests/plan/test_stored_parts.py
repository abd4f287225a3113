"""The open data's parts kept on disk between one-off builds (``plan/stored_parts.py``).

Plans of the benchmark's small archive with a store are compared, file by file, with plans made
without one; the store's file is damaged in the ways a disk or a person can damage it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from localoffer.plan.memo import Memo
from localoffer.plan.site_plan import plan_site
from localoffer.plan.stored_parts import KINDS, MAGIC, StoredParts, key_digest

from tests.plan.conftest import load, record_file, set_field

STAMP = "code-1"


def _store(root: Path, stamp: str = STAMP) -> StoredParts:
    return StoredParts(root / ".cache" / "plan-parts.bin", stamp)


def _plan_with_store(root: Path, stamp: str = STAMP) -> tuple[dict[str, bytes], StoredParts]:
    stored = _store(root, stamp)
    plan = plan_site(load(root), keep=False, stored=stored)
    stored.save()
    return {path: item.content for path, item in plan.files.items()}, stored


def _cold(root: Path) -> dict[str, bytes]:
    plan = plan_site(load(root), keep=False)
    return {path: item.content for path, item in plan.files.items()}


def test_a_second_plan_takes_every_part_and_makes_the_same_files(root: Path) -> None:
    first, stored = _plan_with_store(root)
    assert stored.hits == 0 and stored.misses > 500
    made = len(stored)  # what the first plan kept

    written = stored.path.stat().st_ino  # a rewrite replaces the file: another inode
    again, stored = _plan_with_store(root)
    assert again == first
    assert stored.hits == made and stored.misses == 0
    assert stored.path.stat().st_ino == written  # nothing new: not written again
    assert len(_store(root)) == made


def test_an_edited_record_has_its_part_made_again(root: Path) -> None:
    _plan_with_store(root)
    event = next(p for p in (root / "events").rglob("*.md"))
    set_field(event, "title", "A new title for this event")
    consultation = next(p for p in (root / "consultations").rglob("*.md"))
    set_field(consultation, "title", "A new title for this consultation")

    planned, stored = _plan_with_store(root)

    assert planned == _cold(root)
    assert stored.misses == 2
    assert b"A new title for this event" in planned["data/events.json"]
    assert b"A new title for this consultation" in planned["data/consultations.csv"]


def test_a_deleted_record_leaves_the_store(root: Path) -> None:
    _plan_with_store(root)
    before = len(_store(root))
    record_file(root, "services", next(p.stem for p in (root / "services").rglob("*.md"))).unlink()

    planned, _stored = _plan_with_store(root)

    assert planned == _cold(root)
    assert len(_store(root)) == before - 1


@pytest.mark.parametrize(
    "damage",
    [
        "truncated",
        "byte changed",
        "other magic",
        "empty",
        "not marshal",
    ],
)
def test_a_damaged_file_is_ignored_whole(root: Path, damage: str) -> None:
    _plan_with_store(root)
    path = _store(root).path
    data = bytearray(path.read_bytes())
    if damage == "truncated":
        data = data[: len(data) // 2]
    elif damage == "byte changed":
        data[len(data) // 2] ^= 0x01
    elif damage == "other magic":
        data[:4] = b"XXXX"
    elif damage == "empty":
        data = bytearray()
    else:  # a file whose digest matches what follows, but that is no store
        import hashlib

        payload = b"\xff not marshal data"
        data = bytearray(MAGIC + hashlib.blake2b(payload, digest_size=32).digest() + payload)
    path.write_bytes(bytes(data))

    assert len(_store(root)) == 0
    planned, stored = _plan_with_store(root)
    assert stored.hits == 0
    assert planned == _cold(root)
    assert len(_store(root)) > 500  # and the next build has a sound store again


def test_parts_of_other_code_are_not_used(root: Path) -> None:
    _plan_with_store(root, stamp="code-1")
    assert len(_store(root, stamp="code-1")) > 500
    assert len(_store(root, stamp="code-2")) == 0


def test_a_store_that_cannot_be_written_does_not_stop_the_plan(root: Path) -> None:
    blocker = root / ".cache"
    blocker.write_text("a file where the cache folder would be", encoding="utf-8")
    planned, _stored = _plan_with_store(root)  # save logs and goes on
    assert planned == _cold(root)
    assert blocker.is_file()


def test_only_parts_of_plain_keys_and_of_its_kinds_are_kept(tmp_path: Path) -> None:
    stored = StoredParts(tmp_path / "parts.bin", STAMP)
    memo = Memo(keep=False, stored=stored)
    kind = sorted(KINDS)[0]
    made: list[str] = []

    def make(name: str) -> tuple[bytes, bytes]:
        made.append(name)
        return (name.encode(), b"row")

    memo.get(kind, "plain", ("a", 1, True, None), lambda: make("plain"))
    memo.get(kind, "object", ("a", object()), lambda: make("object"))  # no stable digest
    memo.get("event-page", "other kind", "a", lambda: make("other kind"))
    stored.save()

    again = StoredParts(tmp_path / "parts.bin", STAMP)
    memo = Memo(keep=False, stored=again)
    assert memo.get(kind, "plain", ("a", 1, True, None), lambda: make("x")) == (b"plain", b"row")
    assert memo.get(kind, "plain", ("a", 2, True, None), lambda: make("changed")) == (
        b"changed",
        b"row",
    )
    assert len(again) == 1
    assert made == ["plain", "object", "other kind", "changed"]


def test_key_digests_are_of_plain_values_only() -> None:
    assert key_digest(("a", 1, 2.5, False, None, ("b",))) == key_digest(
        ("a", 1, 2.5, False, None, ("b",))
    )
    assert key_digest("a") != key_digest(("a",))
    assert key_digest(("a", ["list"])) is None
    assert key_digest(object()) is None
