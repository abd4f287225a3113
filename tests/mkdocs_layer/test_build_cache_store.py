"""The build cache's store (mkdocs/build_cache.py): what it keeps, and what it refuses to trust."""

from __future__ import annotations

import json
import multiprocessing
import os
from pathlib import Path

import pytest
from localoffer.mkdocs.build_cache import INDEX, BuildCache


def _pages(count: int, size: int = 3000) -> dict[str, bytes]:
    return {
        f"events/e{n}/index.md": (f"<p>page {n}</p>" * size).encode()[:size] for n in range(count)
    }


def _fill(folder: Path, pages: dict[str, bytes], fingerprint: str = "f") -> dict[str, str]:
    cache = BuildCache(folder, fingerprint)
    keys = {src: cache.key(src) for src in pages}
    for src, html in pages.items():
        assert cache.lookup(keys[src]) is None
        cache.store(keys[src], html)
    cache.finish()
    return keys


def _read_all(
    folder: Path, keys: dict[str, str], fingerprint: str = "f"
) -> tuple[BuildCache, dict[str, bytes | None]]:
    cache = BuildCache(folder, fingerprint)
    return cache, {src: cache.lookup(key) for src, key in keys.items()}


def test_pages_come_back_byte_for_byte(tmp_path: Path) -> None:
    pages = _pages(20)
    keys = _fill(tmp_path, pages)
    cache, found = _read_all(tmp_path, keys)
    assert found == pages
    assert cache.hits == 20 and cache.ignored == 0


def test_another_fingerprint_finds_nothing(tmp_path: Path) -> None:
    pages = _pages(5)
    _fill(tmp_path, pages, "templates-1")
    cache = BuildCache(tmp_path, "templates-2")
    assert all(cache.lookup(cache.key(src)) is None for src in pages)


def test_only_what_the_last_build_used_is_kept(tmp_path: Path) -> None:
    pages = _pages(30, size=100_000)
    keys = _fill(tmp_path, pages)
    first_packs = set(tmp_path.glob("*.pack"))
    # A build that uses 3 pages of the old ones and renders one new page.
    cache = BuildCache(tmp_path, "f")
    for src in list(pages)[:3]:
        assert cache.lookup(keys[src]) == pages[src]
    new_key = cache.key("events/new/index.md")
    cache.store(new_key, b"<p>new</p>")
    cache.finish()
    index = json.loads((tmp_path / INDEX).read_text())
    assert sorted(index["entries"]) == sorted([keys[src] for src in list(pages)[:3]] + [new_key])
    # Most of the old pack was dead, so the live pages were copied into a new one.
    assert not first_packs & set(tmp_path.glob("*.pack"))
    total = sum(p.stat().st_size for p in tmp_path.glob("*.pack"))
    assert total < 4 * 100_000 + 2_000
    cache, found = _read_all(tmp_path, {**{s: keys[s] for s in list(pages)[:3]}, "new": new_key})
    assert found["new"] == b"<p>new</p>"
    assert all(found[src] == pages[src] for src in list(pages)[:3])


def _flip_bytes(folder: Path) -> None:
    for pack in folder.glob("*.pack"):
        data = bytearray(pack.read_bytes())
        for offset in range(100, len(data), 2000):
            data[offset] ^= 0x55
        pack.write_bytes(bytes(data))


def _truncate(folder: Path) -> None:
    for pack in folder.glob("*.pack"):
        pack.write_bytes(pack.read_bytes()[: pack.stat().st_size // 2])


def _garbage_index(folder: Path) -> None:
    (folder / INDEX).write_text('{"format": 1, "entries": {"x": [', encoding="utf-8")


def _other_format(folder: Path) -> None:
    index = json.loads((folder / INDEX).read_text(encoding="utf-8"))
    index["format"] = 999
    (folder / INDEX).write_text(json.dumps(index), encoding="utf-8")


def _swapped_entries(folder: Path) -> None:
    """Every key now points at another page's bytes (with that page's own digest)."""
    index = json.loads((folder / INDEX).read_text(encoding="utf-8"))
    keys = list(index["entries"])
    values = [index["entries"][key] for key in keys]
    index["entries"] = dict(zip(keys, values[1:] + values[:1], strict=True))
    (folder / INDEX).write_text(json.dumps(index), encoding="utf-8")


def _outside_paths(folder: Path) -> None:
    index = json.loads((folder / INDEX).read_text(encoding="utf-8"))
    for value in index["entries"].values():
        value[0] = "../" + value[0]
    (folder / INDEX).write_text(json.dumps(index), encoding="utf-8")


def _packs_deleted(folder: Path) -> None:
    for pack in folder.glob("*.pack"):
        pack.unlink()


@pytest.mark.parametrize(
    "damage",
    [
        _flip_bytes,
        _truncate,
        _garbage_index,
        _other_format,
        _swapped_entries,
        _outside_paths,
        _packs_deleted,
    ],
)
def test_damage_is_detected_and_never_trusted(tmp_path: Path, damage: object) -> None:
    pages = _pages(12)
    keys = _fill(tmp_path, pages)
    assert callable(damage)
    damage(tmp_path)
    cache, found = _read_all(tmp_path, keys)
    # Whatever is found is exactly the page stored under that key; the rest is missing.
    assert all(value is None or value == pages[src] for src, value in found.items())
    assert any(value is None for value in found.values())
    if damage is _truncate:  # the first half of the pack is still sound
        assert 0 < cache.hits < 12
    # The cache mends itself: the pages are rendered again and stored, and the next build finds
    # them all.
    for src, value in found.items():
        if value is None:
            cache.store(keys[src], pages[src])
    cache.finish()
    cache, found = _read_all(tmp_path, keys)
    assert found == pages and cache.ignored == 0


def _store_in_child(
    folder: str, key: str, html: bytes, queue: multiprocessing.Queue[object]
) -> None:
    cache = BuildCache(Path(folder), "f")
    queue.put(cache.store(key, html))


def test_entries_written_by_a_worker_process_are_kept_by_the_parent(tmp_path: Path) -> None:
    cache = BuildCache(tmp_path, "f")
    key = cache.key("events/a/index.md")
    context = multiprocessing.get_context("fork")
    queue: multiprocessing.Queue[object] = context.Queue()
    child = context.Process(target=_store_in_child, args=(str(tmp_path), key, b"<p>a</p>", queue))
    child.start()
    entry = queue.get(timeout=30)
    child.join(30)
    assert child.exitcode == 0
    own = cache.key("events/b/index.md")
    cache.store(own, b"<p>b</p>")
    assert entry is not None
    cache.adopt(key, entry)  # type: ignore[arg-type]
    cache.finish()
    assert len(list(tmp_path.glob("*.pack"))) == 2  # the child's and the parent's
    again = BuildCache(tmp_path, "f")
    assert again.lookup(key) == b"<p>a</p>" and again.lookup(own) == b"<p>b</p>"
    assert os.path.isfile(tmp_path / INDEX)
