"""A build killed at any moment leaves the previous output whole; the next build tidies up.

Real ``mkdocs build -d OUT`` processes over a good earlier output of the sample site, killed
with SIGKILL at several moments: early (0.3 s in, before or as the folder being built is made),
midway (once that folder exists) and late (once MkDocs' search index is in it, while the record
pages are written). The later moments are found by watching the folder being built, not by the
clock: with the build cache the first build leaves, the later builds are several times faster. After
each kill the output must be exactly the earlier one, file for file and byte for byte; the
next build must remove what the killed ones left and put its own output in place.
"""

from __future__ import annotations

import fcntl
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from localoffer.mkdocs.atomic_output import clean_up, swap_in

from tests.build.conftest import TODAY, copy_sample, mkdocs

NEW_TITLE = "SEND Youth Forum, now in the new library"


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def leftovers(site: Path) -> list[str]:
    return sorted(path.name for path in site.iterdir() if path.name.startswith(".out."))


def start_build(site: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "LOCALOFFER_TODAY": TODAY, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build", "-d", str(site / "out")],
        cwd=site,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def kill(process: subprocess.Popen[bytes]) -> int:
    if process.poll() is None:
        process.send_signal(signal.SIGKILL)
    return process.wait(timeout=60)


def wait_for(site: Path, pattern: str, process: subprocess.Popen[bytes]) -> None:
    """Until the folder being built holds ``pattern`` (a glob below it), or the build ends."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        if any(site.glob(f".out.building-*/{pattern}")):
            return
        time.sleep(0.002)


@pytest.fixture
def built_site(tmp_path: Path) -> tuple[Path, dict[str, bytes]]:
    """The sample site built once into ``out``, then a record edited so a new build differs."""
    site = tmp_path / "site"
    site.mkdir()
    copy_sample(site)
    done = mkdocs(site, "build", "-d", str(site / "out"))
    assert done.returncode == 0, done.stdout + done.stderr
    record = site / "events" / "send-youth-forum.md"
    text = record.read_text(encoding="utf-8")
    title = next(line for line in text.splitlines() if line.startswith("title:"))
    record.write_text(text.replace(title, f"title: {NEW_TITLE}", 1), encoding="utf-8")
    return site, snapshot(site / "out")


def test_a_build_killed_at_any_moment_leaves_the_previous_output_whole(
    built_site: tuple[Path, dict[str, bytes]],
) -> None:
    """After each kill the output is exactly the earlier one, and the next build removes
    what the killed ones left and swaps its own output in."""
    site, before = built_site
    assert len(before) > 100
    seen: dict[str, dict[str, bytes]] = {}

    process = start_build(site)
    time.sleep(0.3)
    assert kill(process) == -signal.SIGKILL, "the build ended before 0.3 s"
    seen["killed early"] = snapshot(site / "out")

    process = start_build(site)
    wait_for(site, "", process)  # the folder being built exists
    assert kill(process) == -signal.SIGKILL, "the build ended before it could be killed midway"
    seen["killed midway"] = snapshot(site / "out")
    assert leftovers(site), "the killed build wrote beside the output, not into it"

    process = start_build(site)
    wait_for(site, "search/search_index.json", process)
    assert kill(process) == -signal.SIGKILL, "the build ended before it could be killed late"
    seen["killed late"] = snapshot(site / "out")

    done = mkdocs(site, "build", "-d", str(site / "out"))
    assert done.returncode == 0, done.stdout + done.stderr
    assert leftovers(site) == []
    after = snapshot(site / "out")
    assert after.keys() == before.keys()
    assert NEW_TITLE.encode() in after["events/send-youth-forum/index.html"]
    assert NEW_TITLE.encode() not in before["events/send-youth-forum/index.html"]
    for moment, output in seen.items():
        assert output == before, moment


def test_a_failed_build_leaves_the_output_and_nothing_beside_it(
    built_site: tuple[Path, dict[str, bytes]],
) -> None:
    """A strict-mode warning fails the build after every page is written: no swap."""
    site, before = built_site
    (site / "content" / "broken-link.md").write_text(
        "# Broken\n\n[Nowhere](no-such-page.md)\n", encoding="utf-8"
    )
    done = mkdocs(site, "build", "--strict", "-d", str(site / "out"))
    assert done.returncode == 1, done.stdout + done.stderr
    assert "strict mode" in done.stdout + done.stderr
    assert snapshot(site / "out") == before
    assert leftovers(site) == []


def test_an_output_moved_aside_by_a_killed_swap_is_put_back(tmp_path: Path) -> None:
    """Where folders cannot be swapped in one step: killed between the two moves."""
    out = tmp_path / "out"
    aside = tmp_path / ".out.building-0123456789ab.previous"
    unfinished = tmp_path / ".out.building-0123456789ab"
    (aside / "events").mkdir(parents=True)
    (aside / "events" / "index.html").write_text("old", encoding="utf-8")
    unfinished.mkdir()
    (unfinished / "index.html").write_text("half", encoding="utf-8")
    clean_up(out)
    assert (out / "events" / "index.html").read_text(encoding="utf-8") == "old"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["out"]


def test_the_folder_of_a_build_still_running_is_not_removed(tmp_path: Path) -> None:
    out = tmp_path / "out"
    running = tmp_path / ".out.building-00000000aaaa"
    running.mkdir()
    stale = tmp_path / ".out.building-00000000bbbb"
    stale.mkdir()
    (tmp_path / ".out.building-00000000bbbb.lock").write_bytes(b"")
    with (tmp_path / ".out.building-00000000aaaa.lock").open("wb") as lock:
        fcntl.flock(lock.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        clean_up(out)
        assert running.is_dir()
    assert not stale.exists()
    assert not (tmp_path / ".out.building-00000000bbbb.lock").exists()


def test_swapping_in_replaces_the_output_whole(tmp_path: Path) -> None:
    out, new = tmp_path / "out", tmp_path / ".out.building-00000000cccc"
    (out / "old-only").mkdir(parents=True)
    (out / "index.html").write_text("old", encoding="utf-8")
    new.mkdir()
    (new / "index.html").write_text("new", encoding="utf-8")
    swap_in(new, out)
    assert snapshot(out) == {"index.html": b"new"}
    assert sorted(path.name for path in tmp_path.iterdir()) == ["out"]
