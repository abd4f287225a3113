"""Links that lead out of the site folder: ``localoffer check`` rejects them, file and line.

Real symbolic links in a real site folder, checked by the real ``localoffer check`` command:
a link to a file, a link to a folder and a chain of links, for records, content pages and the
documents records list. Links that stay inside the site are allowed.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from cli.clitools import localoffer, sitekit

SiteKit, line_of, column_of, replace = (
    sitekit.SiteKit,
    sitekit.line_of,
    sitekit.column_of,
    sitekit.replace,
)
EVENT, FEEDBACK = sitekit.EVENT, sitekit.FEEDBACK
EP = "events/short-breaks-drop-in-anbury.md"
SECRET = "root:x:0:0:secret-account-list"


@pytest.fixture
def kit(tmp_path: Path) -> SiteKit:
    return SiteKit(tmp_path / "site")


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A folder beside the site, with a file that must never be read or published."""
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    (folder / "accounts.txt").write_text(SECRET, encoding="utf-8")
    (folder / "page.md").write_text("# A page from elsewhere\n", encoding="utf-8")
    return folder


def event_listing(*files: str) -> str:
    documents = "".join(f"  - title: Notes {n}\n    file: {file}\n" for n, file in enumerate(files))
    return replace(
        EVENT,
        "organiser: Short Breaks Team\n",
        f"organiser: Short Breaks Team\ndocuments:\n{documents}",
    )


def errors(output: str) -> list[str]:
    return [line for line in output.splitlines() if ": error: " in line]


def test_a_document_linking_to_a_file_outside_is_an_error_at_its_file_line(
    kit: SiteKit, outside: Path
) -> None:
    """The failure found: notes.txt -> the system's list of accounts, listed as a document."""
    text = event_listing("documents/notes.txt")
    kit.write(EP, text)
    (kit.root / "content" / "documents").mkdir()
    os.symlink(outside / "accounts.txt", kit.root / "content" / "documents" / "notes.txt")
    done = localoffer("check", cwd=kit.root)
    assert done.returncode == 1, done.stdout
    line = line_of(text, "file: documents/notes.txt")
    column = column_of(text, "documents/notes.txt")
    found = errors(done.stdout)
    assert (
        f"{EP}:{line}:{column}: error: the file 'documents/notes.txt' is a link to "
        in "\n".join(found)
    )
    assert any(
        item.startswith("content/documents/notes.txt:1:1: error: this file is a link to ")
        and "outside the site folder" in item
        for item in found
    ), found
    assert len(found) == 2, found
    assert SECRET not in done.stdout + done.stderr


def test_a_content_folder_linking_outside_is_an_error(kit: SiteKit, outside: Path) -> None:
    text = event_listing("shared/accounts.txt")
    kit.write(EP, text)
    os.symlink(outside, kit.root / "content" / "shared", target_is_directory=True)
    done = localoffer("check", cwd=kit.root)
    assert done.returncode == 1
    found = errors(done.stdout)
    assert any(
        item.startswith("content/shared:1:1: error: this folder is a link to ") for item in found
    ), found
    line = line_of(text, "file: shared/accounts.txt")
    assert any(
        item.startswith(f"{EP}:{line}:") and "outside the site folder" in item for item in found
    )
    assert len(found) == 2, found


def test_a_chain_of_links_ending_outside_is_an_error(kit: SiteKit, outside: Path) -> None:
    """content/documents/notes.txt -> ../../hop (inside the site) -> a file outside."""
    text = event_listing("documents/notes.txt")
    kit.write(EP, text)
    (kit.root / "content" / "documents").mkdir()
    os.symlink(outside / "accounts.txt", kit.root / "hop")
    os.symlink(Path("..") / ".." / "hop", kit.root / "content" / "documents" / "notes.txt")
    done = localoffer("check", cwd=kit.root)
    assert done.returncode == 1
    found = errors(done.stdout)
    target = str(Path(os.path.realpath(outside / "accounts.txt")))
    assert f"content/documents/notes.txt:1:1: error: this file is a link to {target}," in "\n".join(
        found
    )
    line = line_of(text, "file: documents/notes.txt")
    assert any(item.startswith(f"{EP}:{line}:") for item in found), found


def test_a_record_linking_outside_is_an_error_and_is_not_read(kit: SiteKit, outside: Path) -> None:
    (outside / "event.md").write_text(EVENT, encoding="utf-8")
    os.symlink(outside / "event.md", kit.root / "events" / "linked-event.md")
    done = localoffer("check", cwd=kit.root)
    assert done.returncode == 1
    found = errors(done.stdout)
    assert len(found) == 1, found
    assert found[0].startswith("events/linked-event.md:1:1: error: this file is a link to ")
    assert "Checked 0 records" in done.stderr + done.stdout


def test_a_record_folder_linking_outside_is_an_error(kit: SiteKit, outside: Path) -> None:
    (outside / "survey.yml").write_text(FEEDBACK, encoding="utf-8")
    (kit.root / "responses").rmdir()
    os.symlink(outside, kit.root / "responses", target_is_directory=True)
    done = localoffer("check", cwd=kit.root)
    assert done.returncode == 1
    found = errors(done.stdout)
    assert len(found) == 1, found
    assert found[0].startswith("responses:1:1: error: this folder is a link to ")


def test_a_record_subfolder_linking_outside_through_a_chain_is_an_error(
    kit: SiteKit, outside: Path
) -> None:
    (outside / "event.md").write_text(EVENT, encoding="utf-8")
    os.symlink(outside, kit.root / "hop", target_is_directory=True)
    os.symlink(Path("..") / "hop", kit.root / "events" / "2026", target_is_directory=True)
    done = localoffer("check", cwd=kit.root)
    assert done.returncode == 1
    assert [line.split(": error:")[0] for line in errors(done.stdout)] == ["events/2026:1:1"]


def test_links_that_stay_inside_the_site_are_allowed(kit: SiteKit) -> None:
    text = event_listing("documents/notes.txt", "shared/notes.txt")
    kit.write(EP, text)
    kit.write("content/real/notes.txt", "Notes of the meeting.")
    (kit.root / "content" / "documents").mkdir()
    os.symlink(Path("..") / "real" / "notes.txt", kit.root / "content" / "documents" / "notes.txt")
    os.symlink("real", kit.root / "content" / "shared", target_is_directory=True)
    done = localoffer("check", cwd=kit.root)
    assert done.returncode == 0, done.stdout + done.stderr
    assert errors(done.stdout) == []


def test_a_loop_of_links_does_not_stop_the_check(kit: SiteKit) -> None:
    os.symlink("b", kit.root / "content" / "a")
    os.symlink("a", kit.root / "content" / "b")
    os.symlink(".", kit.root / "content" / "again", target_is_directory=True)
    done = localoffer("check", cwd=kit.root)
    assert "Traceback" not in done.stderr
    assert done.returncode == 0, done.stdout + done.stderr
