"""A real ``mkdocs build`` refuses links that lead out of the site folder, and copies nothing.

The sample site is copied to a temporary folder and built once, as CI would; then a link to a
file, a link to a folder and a chain of links are added, each leading outside the site. The
build must stop with the checker's messages, leave the earlier output as it was, and never
copy what the links lead to.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from tests.build.conftest import copy_sample, mkdocs

SECRET = "root:x:0:0:secret-account-list"


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_the_build_refuses_links_leading_outside_and_copies_nothing(tmp_path: Path) -> None:
    (tmp_path / "site").mkdir()
    site = copy_sample(tmp_path / "site")
    out = site / "out"
    first = mkdocs(site, "build", "-d", str(out))
    assert first.returncode == 0, first.stdout + first.stderr
    before = snapshot(out)

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "accounts.txt").write_text(SECRET, encoding="utf-8")
    (elsewhere / "page.md").write_text(f"# Elsewhere\n\n{SECRET}\n", encoding="utf-8")
    documents = site / "content" / "documents"
    os.symlink(elsewhere / "accounts.txt", documents / "notes.txt")  # a file
    os.symlink(elsewhere, site / "content" / "shared", target_is_directory=True)  # a folder
    os.symlink(elsewhere / "accounts.txt", site / "hop")  # a chain: inside, then outside
    os.symlink(Path("..") / ".." / "hop", documents / "chained.txt")
    record = site / "events" / "send-youth-forum.md"
    text = record.read_text(encoding="utf-8")
    text = text.replace(
        "documents:\n",
        "documents:\n  - title: Notes\n    file: documents/notes.txt\n",
        1,
    )
    record.write_text(text, encoding="utf-8")
    line = text.splitlines().index("    file: documents/notes.txt") + 1

    done = mkdocs(site, "build", "-d", str(out))
    log = done.stdout + done.stderr
    assert done.returncode == 1, log
    assert "the site was not built and the output folder was left as it was" in log
    for expected in (
        r"content/documents/notes\.txt:1:1: error: this file is a link to ",
        r"content/shared:1:1: error: this folder is a link to ",
        r"content/documents/chained\.txt:1:1: error: this file is a link to ",
        rf"events/send-youth-forum\.md:{line}:11: error: the file 'documents/notes\.txt' is a "
        r"link to ",
    ):
        assert re.search(expected, log), (expected, log)
    assert snapshot(out) == before
    assert not any(SECRET.encode() in content for content in snapshot(out).values())
    assert not any(path.name.startswith(".out.building") for path in site.iterdir())
