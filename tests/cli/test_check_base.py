"""``localoffer check --base REF``: a change that removes comments from a record is an error.

The sample site is copied into a folder of a real git repository (a subfolder, as a site may
be), an event is given notes in comments on ``main``, and a branch changes the event the way
the web editor does: every comment dropped and the keys in its own order.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from cli.clitools import REPO, localoffer, sitekit

line_of = sitekit.line_of
SITE_PARTS = ("mkdocs.yml", "content", "consultations", "events", "responses", "services")
EVENT = "events/parent-carer-forum-coffee-morning.md"
FEEDBACK = "responses/parent-carer-forum-summer-2026.yml"
BRANCH = "cms/events/parent-carer-forum-coffee-morning"


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.invalid", *args],
        cwd=repo,
        check=True,
        capture_output=True,
        text=True,
        timeout=60,
    )
    return done.stdout


def changed(text: str, old: str, new: str) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


def with_notes(text: str) -> str:
    """The sample event, with the notes people wrote in it."""
    text = changed(
        text, "  until: 2027-07-30\n", "  until: 2027-07-30  # the end of the school year\n"
    )
    text = changed(
        text,
        "kind: drop-in\n",
        "# keep until the tribunal decides\nkind: drop-in  # was a forum until 2026\n",
    )
    return changed(
        text,
        "There is no coffee morning on Christmas Day.",
        "<!-- ask the forum before changing the dates -->\n"
        "There is no coffee morning on Christmas Day.",
    )


def as_the_web_editor_saves_it(text: str) -> str:
    """Every YAML comment dropped, and ``kind`` moved up to the editor's place for it."""
    text = changed(text, "  # the end of the school year", "")
    text = changed(text, "# keep until the tribunal decides\n", "")
    text = changed(text, "kind: drop-in  # was a forum until 2026\n", "")
    return changed(text, "summary: >-\n", "kind: drop-in\nsummary: >-\n")


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """The sample site in the folder ``site`` of a repository whose ``main`` has the notes,
    with the branch ``BRANCH`` checked out."""
    repo = tmp_path / "repo"
    site = repo / "site"
    site.mkdir(parents=True)
    for part in SITE_PARTS:
        source = REPO / part
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, site / part)
    event = site / EVENT
    event.write_text(with_notes(event.read_text(encoding="utf-8")), encoding="utf-8")
    feedback = site / FEEDBACK
    feedback.write_text(
        "# from the forum's summer meeting\n" + feedback.read_text("utf-8"), "utf-8"
    )
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "The sample site, with notes")
    git(repo, "checkout", "-q", "-b", BRANCH)
    return site


def commit(site: Path, path: str, text: str) -> None:
    (site / path).write_text(text, encoding="utf-8")
    git(site, "add", "-A")
    git(site, "commit", "-q", "-m", f"Update {path}")


def errors(done: subprocess.CompletedProcess[str]) -> list[str]:
    return [line for line in done.stdout.splitlines() if ": error: " in line]


def test_a_change_that_drops_the_notes_is_an_error_on_each_note(site: Path) -> None:
    old = (site / EVENT).read_text(encoding="utf-8")
    new = as_the_web_editor_saves_it(old)
    commit(site, EVENT, new)

    done = localoffer("check", "--base", "main", cwd=site)

    assert done.returncode == 1, done.stdout + done.stderr
    advice = (
        "The web editor does not keep notes written with #: put it back in GitHub, or ask the "
        "site's developers to move it into the page text"
    )
    kind, until = line_of(new, "kind: drop-in"), line_of(new, "until:")
    assert errors(done) == [
        f"{EVENT}:{kind}:1: error: this change removes the note '# keep until the tribunal "
        f"decides' (line {line_of(old, '# keep')} in main). {advice}",
        f"{EVENT}:{kind}:1: error: this change removes the note '# was a forum until 2026' "
        f"(line {line_of(old, 'kind:')} in main). {advice}",
        f"{EVENT}:{until}:1: error: this change removes the note '# the end of the school "
        f"year' (line {line_of(old, 'until:')} in main). {advice}",
    ]
    assert ": 3 errors, " in done.stderr
    # The page text was not changed, so its hidden note is still there.
    assert "ask the forum" not in done.stdout
    # Without --base, nothing changes: the file itself is valid.
    plain = localoffer("check", cwd=site)
    assert plain.returncode == 0, plain.stdout + plain.stderr
    assert errors(plain) == []


def test_github_format_annotates_the_lines(site: Path) -> None:
    new = as_the_web_editor_saves_it((site / EVENT).read_text(encoding="utf-8"))
    commit(site, EVENT, new)

    done = localoffer("check", "--base", "main", "--format", "github", cwd=site)

    assert done.returncode == 1
    annotations = [line for line in done.stdout.splitlines() if line.startswith("::error ")]
    assert len(annotations) == 3
    assert annotations[0].startswith(
        f"::error file={EVENT},line={line_of(new, 'kind: drop-in')},col=1::this change removes "
        "the note '# keep until the tribunal decides' (line "
    )


def test_a_lost_hidden_note_in_the_page_text_and_a_lost_note_in_a_yml_file(site: Path) -> None:
    event = (site / EVENT).read_text(encoding="utf-8")
    commit(site, EVENT, changed(event, "<!-- ask the forum before changing the dates -->\n", ""))
    feedback = (site / FEEDBACK).read_text(encoding="utf-8")
    commit(site, FEEDBACK, changed(feedback, "# from the forum's summer meeting\n", ""))

    done = localoffer("check", "--base", "main", cwd=site)

    assert done.returncode == 1
    new = (site / EVENT).read_text(encoding="utf-8")
    assert errors(done) == [
        f"{EVENT}:{line_of(new, 'There is no coffee morning')}:1: error: this change removes "
        "the hidden note '<!-- ask the forum before changing the dates -->' from the page text "
        f"(line {line_of(event, '<!--')} in main). The web editor can drop hidden notes when it "
        "saves the page text: put it back in GitHub",
        f"{FEEDBACK}:1:1: error: this change removes the note '# from the forum's summer "
        "meeting' (line 1 in main). The web editor does not keep notes written with #: put it "
        "back in GitHub, or ask the site's developers to move it into the page text",
    ]


def test_a_change_that_keeps_or_moves_the_notes_passes(site: Path) -> None:
    old = (site / EVENT).read_text(encoding="utf-8")
    new = changed(old, "# keep until the tribunal decides\n", "")
    new = changed(new, "title:", "#  keep until the tribunal   decides\ntitle:")
    new = changed(new, "kind: drop-in  # was a forum until 2026\n", "")
    new = changed(new, "summary: >-\n", "kind: drop-in  # was a forum until 2026\nsummary: >-\n")
    new = changed(new, "An informal monthly", "A friendly monthly")
    commit(site, EVENT, new)

    done = localoffer("check", "--base", "main", cwd=site)

    assert done.returncode == 0, done.stdout + done.stderr
    assert errors(done) == []


def test_added_files_are_not_compared_and_only_records_are(site: Path) -> None:
    old = (site / EVENT).read_text(encoding="utf-8")
    commit(site, "events/2027/coffee-morning-copy.md", as_the_web_editor_saves_it(old))
    page = site / "content/index.md"
    commit(site, "content/index.md", "# " + page.read_text(encoding="utf-8"))

    done = localoffer("check", "--base", "main", cwd=site)

    assert errors(done) == [], done.stdout
    assert done.returncode == 0, done.stderr


def test_notes_added_on_the_base_since_the_branch_started_are_not_the_branchs(
    site: Path,
) -> None:
    """The comparison is with where the branch started (git merge-base), not with the base's
    latest commit, which has a note that the branch never had."""
    feedback = (site / FEEDBACK).read_text(encoding="utf-8")
    git(site, "checkout", "-q", "main")
    commit(site, FEEDBACK, feedback + "# added on main after the branch started\n")
    git(site, "checkout", "-q", BRANCH)
    commit(site, FEEDBACK, changed(feedback, "source:", "# the branch's own note\nsource:"))

    done = localoffer("check", "--base", "main", cwd=site)

    assert errors(done) == [], done.stdout
    assert done.returncode == 0


def test_a_change_not_yet_committed_is_compared_too(site: Path) -> None:
    old = (site / EVENT).read_text(encoding="utf-8")
    (site / EVENT).write_text(as_the_web_editor_saves_it(old), encoding="utf-8")

    done = localoffer("check", "--base", "main", cwd=site)

    assert done.returncode == 1
    assert len(errors(done)) == 3


@pytest.mark.parametrize(
    ("base", "message"),
    [
        (
            "origin/main",
            "localoffer check: --base origin/main: git knows no branch, tag or commit called "
            "'origin/main' here: give one it knows, such as main, or fetch the branch from "
            "GitHub first (git fetch origin)",
        ),
        ("--all", "localoffer check: --base '--all' is not a git branch, tag or commit"),
    ],
)
def test_a_base_git_does_not_know_is_a_usage_error(site: Path, base: str, message: str) -> None:
    done = localoffer("check", f"--base={base}", cwd=site)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.strip() == message


def test_a_base_with_no_commit_in_common_is_a_usage_error(site: Path) -> None:
    git(site, "checkout", "-q", "--orphan", "elsewhere")
    git(site, "commit", "-q", "-m", "Unrelated")
    done = localoffer("check", "--base", "main", cwd=site)
    assert done.returncode == 2
    assert "it has no commit in common with this branch" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_site_outside_git_is_a_usage_error(tmp_path: Path) -> None:
    kit = sitekit.SiteKit(tmp_path / "site")
    kit.write("events/drop-in.md", sitekit.EVENT)
    done = localoffer("check", "--base", "main", cwd=kit.root)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.strip() == (
        f"localoffer check: --base compares with an earlier version in git, but "
        f"{kit.root.resolve()} is not in a git repository"
    )
    # Without --base, the site is checked as ever.
    assert localoffer("check", cwd=kit.root).returncode == 0


def test_the_explanations_localoffer_new_writes_may_go_but_a_persons_note_may_not(
    site: Path,
) -> None:
    """A record started with ``localoffer new`` explains every field in comments; the web
    editor drops them, which loses nothing. A note a person adds to it is still kept."""
    git(site, "checkout", "-q", "main")
    made = localoffer("new", "event", "Holiday club taster day", cwd=site)
    assert made.returncode == 0, made.stderr
    path = made.stdout.strip()
    text = (site / path).read_text(encoding="utf-8")
    explained = sum(1 for line in text.splitlines() if line.lstrip().startswith("#"))
    assert explained > 20
    text = changed(text, "\nkind:", "\n# the leisure centre asked for this one\nkind:")
    commit(site, path, text)
    git(site, "checkout", "-q", "-b", "cms/events/holiday-club-taster-day")
    saved = "\n".join(
        line.split("  #")[0] for line in text.splitlines() if not line.lstrip().startswith("#")
    )
    commit(site, path, saved + "\n")

    done = localoffer("check", "--base", "main", cwd=site)

    # (It also has the template's placeholders, which the check reports as ever.)
    assert [line for line in errors(done) if "this change removes" in line] == [
        f"{path}:{line_of(saved, 'kind:')}:1: error: this change removes the note '# the "
        f"leisure centre asked for this one' (line {line_of(text, '# the leisure')} in main). "
        "The web editor does not keep notes written with #: put it back in GitHub, or ask the "
        "site's developers to move it into the page text"
    ]
