"""The build cache (``.cache/localoffer/``) and the process pool change nothing in the output.

Each test builds the sample site with the ``mkdocs`` command in a temporary folder and compares
every output file, byte for byte, with a cold build: one with no cache, in one process.
"""

from __future__ import annotations

import re
import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.build.conftest import TODAY, mkdocs
from tests.build.conftest import copy_sample as _copy_sample

CACHE = Path(".cache/localoffer")
REPORT = re.compile(r"localoffer: (\d+) record pages, (\d+) from the build cache")
RENDERED = re.compile(r"localoffer: rendered (\S+)")
PARTS = re.compile(r"localoffer: (\d+) parts of the open data, (\d+) from the build cache")


def copy_sample(target: Path) -> Path:
    target.mkdir(parents=True)
    return _copy_sample(target)


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}


# The pages' "Last updated" date, for files outside git (as in these temporary folders, where it
# would otherwise be the build's today).
EPOCH = {"SOURCE_DATE_EPOCH": "1780000000"}


def _build(site: Path, out: str, *, today: str = TODAY, workers: str = "") -> tuple[str, Path]:
    """``mkdocs build --strict -v``; ``workers``: the processes to render with (default: all)."""
    env = {**EPOCH, "LOCALOFFER_WORKERS": workers} if workers else EPOCH
    result = mkdocs(site, "build", "--strict", "-v", "-d", str(site / out), today=today, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout + result.stderr, site / out


def _cold(tmp: Path, edited: Path, *, today: str = TODAY) -> dict[str, bytes]:
    """A cold single-process build of ``edited``'s records, with no cache."""
    reference = copy_sample(tmp)
    for folder in ("consultations", "events", "responses", "services"):
        shutil.rmtree(reference / folder)
        shutil.copytree(edited / folder, reference / folder)
    log, out = _build(reference, "out", today=today, workers="1")
    assert _counts(log)[1] == 0  # nothing came from a cache
    return _files(out)


def _counts(log: str) -> tuple[int, int]:
    match = REPORT.search(log)
    assert match, log
    return int(match.group(1)), int(match.group(2))


def _parts(log: str) -> tuple[int, int]:
    match = PARTS.search(log)
    assert match, log
    return int(match.group(1)), int(match.group(2))


def _same(built: dict[str, bytes], cold: dict[str, bytes]) -> None:
    assert sorted(built) == sorted(cold)
    assert [name for name in cold if built[name] != cold[name]] == []


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _event(site: Path) -> Path:
    path = site / "events" / "sensory-swim-marrowby.md"
    assert path.is_file()
    return path


def test_a_rebuild_after_one_event_is_edited_renders_only_what_shows_it(tmp_path: Path) -> None:
    site = copy_sample(tmp_path / "site")
    first_log, first_out = _build(site, "out1")
    pages, hits = _counts(first_log)
    assert hits == 0 and pages > 100
    first = _files(first_out)
    assert (site / CACHE / "index.json").is_file()

    _edit(_event(site), "title: ", "title: Relaxed ")
    log, out = _build(site, "out2")
    rebuilt = _files(out)
    _same(rebuilt, _cold(tmp_path / "cold", site))

    pages_again, hits = _counts(log)
    assert pages_again == pages
    rendered = set(RENDERED.findall(log))
    assert "events/sensory-swim-marrowby/index.md" in rendered
    # A record's page, a month's page or a past year's is rendered again only when it shows the
    # edited event (and so changed); the other lists have no key and are always rendered.
    records = {
        f"{folder}/{path.stem}/index.md"
        for folder in ("events", "consultations")
        for path in (site / folder).rglob("*.md")
    }
    lists = {
        name.replace(".html", ".md")
        for name in first
        if re.fullmatch(r"events/(month/\d{4}-\d{2}|past/\d{4})/index\.html", name)
    }
    assert len(lists) > 5
    keyed = records | lists
    changed = {name for name in first if first[name] != rebuilt.get(name)}
    assert "events/sensory-swim-marrowby/index.html" in changed
    assert rendered & keyed == {
        name for name in rendered & keyed if name.replace(".md", ".html") in changed
    }
    assert lists - rendered and lists & rendered  # some from the cache, the edited one's not
    assert hits >= 40 and pages - hits == len(rendered)
    # The open data's parts come from the cache too, but for the edited event's.
    parts, kept = _parts(log)
    assert _parts(first_log) == (parts, 0)
    assert kept == parts - 1


@pytest.mark.parametrize("days", [1, 120])
def test_a_cache_made_on_another_day_gives_that_days_site(tmp_path: Path, days: int) -> None:
    site = copy_sample(tmp_path / "site")
    _build(site, "out1")
    later = (date.fromisoformat(TODAY) + timedelta(days=days)).isoformat()
    log, out = _build(site, "out2", today=later)
    _same(_files(out), _cold(tmp_path / "cold", site, today=later))
    # (Record pages are keyed on the day for now, so few or none come from the cache.)
    assert _counts(log)[0] > 100


def test_a_damaged_cache_is_ignored_and_mended(tmp_path: Path) -> None:
    """One kind of damage in a real build (tests/mkdocs_layer/test_build_cache_store.py has
    every kind): a byte changed in every page kept."""
    site = copy_sample(tmp_path / "site")
    _build(site, "out1")
    packs = sorted((site / CACHE).glob("*.pack"))
    assert packs
    for pack in packs:
        data = bytearray(pack.read_bytes())
        for offset in range(200, len(data), 5000):
            data[offset] ^= 0x55
        pack.write_bytes(bytes(data))
    parts = site / CACHE / "plan-parts.bin"
    data = bytearray(parts.read_bytes())
    data[len(data) // 2] ^= 0x55
    parts.write_bytes(bytes(data))
    log, out = _build(site, "out2")
    _same(_files(out), _cold(tmp_path / "cold", site))
    assert "damaged entries ignored" in log
    assert "the plan's parts in" in log and "are damaged: ignored" in log
    assert _parts(log)[1] == 0
    # The next build has a sound cache again.
    log, out = _build(site, "out3")
    _same(_files(out), _files(site / "out2"))
    assert _counts(log)[1] >= 40 and "damaged entr" not in log
    assert _parts(log)[1] == _parts(log)[0] > 0


def test_pages_rendered_by_several_processes_are_those_of_one(tmp_path: Path) -> None:
    one = copy_sample(tmp_path / "one")
    three = copy_sample(tmp_path / "three")
    for site in (one, three):
        _edit(
            site / "mkdocs.yml", "  - localoffer:\n", "  - localoffer:\n      build_cache: false\n"
        )
    _log, single = _build(one, "out", workers="1")
    _log, pooled = _build(three, "out", workers="3")
    _same(_files(pooled), _files(single))
    assert not (three / CACHE).exists()


def test_a_warning_in_a_worker_fails_a_strict_build(tmp_path: Path) -> None:
    site = copy_sample(tmp_path / "site")
    event = _event(site)
    event.write_text(
        event.read_text(encoding="utf-8") + "\nSee [the missing page](../no-such-page.md).\n",
        encoding="utf-8",
    )
    result = mkdocs(
        site, "build", "--strict", "-d", str(site / "out"), env={"LOCALOFFER_WORKERS": "2"}
    )
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "no-such-page.md" in output
    assert output.count("contains a link '../no-such-page.md'") == 1  # once, by the parent
