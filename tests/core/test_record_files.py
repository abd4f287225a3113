"""Which files of a record folder are read, and in which order.

The loader lists folders with ``os.scandir`` rather than ``Path.rglob``; it must find the same
files in the same order (the order decides which of two files with one id is reported).
"""

from __future__ import annotations

from pathlib import Path

from localoffer.core.source.loader import EVENTS, IGNORED_NAMES, record_files


def test_record_files_are_those_rglob_finds_in_the_same_order(tmp_path: Path) -> None:
    root = tmp_path / "site"
    events = root / "events"
    other = tmp_path / "elsewhere"
    for rel in (
        "b.md",
        "A.md",
        "sub-a.md",
        "sub/a.md",
        "sub/.hidden/x.md",
        "Z/y.md",
        "2026/03/c.md",
        ".dot.md",
        "README.md",
        "Thumbs.db",
        "notes.txt",
    ):
        path = events / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("---\ntitle: x\n---\n", encoding="utf-8")
    other.mkdir()
    (other / "o.md").write_text("x", encoding="utf-8")
    (events / "linked-folder").symlink_to(other)  # not followed
    (events / "linked-file.md").symlink_to(other / "o.md")  # read
    (events / "broken-link.md").symlink_to(tmp_path / "nothing")  # not a file
    (events / "empty-folder").mkdir()

    found = list(record_files(root, EVENTS))

    expected = [
        path
        for path in sorted(events.rglob("*"))
        if path.is_file()
        and path.name.lower() not in IGNORED_NAMES
        and not path.name.startswith(".")
    ]
    assert found == expected
    assert [path.relative_to(events).as_posix() for path in found] == [
        "2026/03/c.md",
        "A.md",
        "Z/y.md",
        "b.md",
        "linked-file.md",
        "notes.txt",
        "sub/.hidden/x.md",
        "sub/a.md",
        "sub-a.md",
    ]


def test_a_site_without_the_folder_has_no_record_files(tmp_path: Path) -> None:
    assert list(record_files(tmp_path, EVENTS)) == []
