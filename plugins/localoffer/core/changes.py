"""What a change since a git revision does to the records: the comments it removes.

``localoffer check --base REF`` compares each record file that the change modified (it exists
both at the base and now) with its version at the base. The base is the commit where the change
started from REF (``git merge-base REF HEAD``), so commits made on REF since then are not
mistaken for the change's own. "Now" is the file in the site folder, which is what the rest of
the check reads: the commit checked out, plus anything not yet committed. Added, deleted and
renamed files are not compared.

A comment the change removes is an error: the web editor drops every YAML comment of a file it
saves, and people keep notes in them (see ``core/source/comments.py``).

git runs with a timeout, as in ``core/history.py``. Anything that makes the comparison
impossible (not a git repository, a REF git does not know) is a ChangesError, which the command
reports as a usage error.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from localoffer.core.problems import Problem, error
from localoffer.core.source.comments import Comment, CommentsUnreadable, lost_comments
from localoffer.core.source.reader import ReadError, decode, read_bytes

#: The folders of records, relative to the site folder ("services" for the services to come).
RECORD_FOLDERS = ("consultations", "events", "responses", "services")
RECORD_SUFFIXES = (".md", ".yml", ".yaml")
_TIMEOUT = 60  # seconds, for each git command
_SHOWN = 100  # characters of a comment quoted in a message


class ChangesError(ValueError):
    """The change cannot be compared with the base; the message says why, for the editor."""


@dataclass(frozen=True)
class ChangedFile:
    #: Relative to the site folder, with "/": ``events/2027/coffee-morning.md``.
    path: str
    #: The file at the base.
    old: bytes


def changed_records(root: Path, base: str) -> list[ChangedFile]:
    """The record files under ``root`` changed since ``base``, with their text at the base."""
    if not base.strip() or base.startswith("-"):
        raise ChangesError(f"--base {base!r} is not a git branch, tag or commit")
    prefix = _git(root, "rev-parse", "--show-prefix")
    if prefix is None:
        raise ChangesError(
            f"--base compares with an earlier version in git, but {root} is not in a git repository"
        )
    if _git(root, "rev-parse", "--verify", "--quiet", f"{base}^{{commit}}") is None:
        raise ChangesError(
            f"--base {base}: git knows no branch, tag or commit called {base!r} here: give one "
            "it knows, such as main, or fetch the branch from GitHub first (git fetch origin)"
        )
    if _git(root, "rev-parse", "--verify", "--quiet", "HEAD^{commit}") is None:
        raise ChangesError("--base: the repository has no commit yet to compare")
    merge_base = _git(root, "merge-base", base, "HEAD")
    if merge_base is None:
        raise ChangesError(
            f"--base {base}: it has no commit in common with this branch (in a shallow clone, "
            "fetch the whole history)"
        )
    start = merge_base.strip()
    names = _git(
        root,
        "diff",
        "--name-only",
        "-z",
        "--no-renames",
        "--diff-filter=M",
        "--relative",
        start,
        "--",
        *RECORD_FOLDERS,
    )
    if names is None:
        raise ChangesError(f"--base {base}: git cannot list the files changed since then")
    changed = []
    for path in sorted(name for name in names.split("\0") if name):
        if not path.lower().endswith(RECORD_SUFFIXES):
            continue
        old = _git_bytes(root, "show", f"{start}:{prefix.strip()}{path}")
        if old is None:
            raise ChangesError(f"--base {base}: git cannot show {path} as it was then")
        changed.append(ChangedFile(path, old))
    return changed


def check_changes(
    root: Path, base: str, *, expected: Collection[str] = frozenset()
) -> list[Problem]:
    """An error for each comment that the change since ``base`` removes from a record.

    ``expected``: comments (as their ``key``) that may go without a word, such as the
    explanations a record's template starts with."""
    problems = []
    for changed in changed_records(root, base):
        markdown = changed.path.lower().endswith(".md")
        try:
            old = decode(changed.old)
            new = decode(read_bytes(root / changed.path))
            lost = lost_comments(old, new, markdown=markdown)
        except (ReadError, CommentsUnreadable):
            # A file that cannot be read now has its own error from the check; one that could
            # not be read at the base had no comments anyone could rely on.
            continue
        for each in lost:
            if each.comment.key in expected:
                continue
            problems.append(error(changed.path, each.line, 1, _message(each.comment, base)))
    return problems


def _message(comment: Comment, base: str) -> str:
    shown = comment.text if len(comment.text) <= _SHOWN else comment.text[: _SHOWN - 1] + "…"
    if comment.in_body:
        return (
            f"this change removes the hidden note '{shown}' from the page text (line "
            f"{comment.line} in {base}). The web editor can drop hidden notes when it saves the "
            "page text: put it back in GitHub"
        )
    return (
        f"this change removes the note '{shown}' (line {comment.line} in {base}). The web editor "
        "does not keep notes written with #: put it back in GitHub, or ask the site's developers "
        "to move it into the page text"
    )


def _git(root: Path, *args: str) -> str | None:
    out = _git_bytes(root, *args)
    return None if out is None else out.decode("utf-8", errors="surrogateescape")


def _git_bytes(root: Path, *args: str) -> bytes | None:
    """git's output, or None when it fails. Raises ChangesError when git cannot be run."""
    try:
        done = subprocess.run(
            ["git", "-C", str(root), *args],
            capture_output=True,
            timeout=_TIMEOUT,
            check=False,
            env={**os.environ, "GIT_OPTIONAL_LOCKS": "0", "LC_ALL": "C"},
        )
    except FileNotFoundError:
        raise ChangesError("--base needs git, which is not installed here") from None
    except subprocess.TimeoutExpired:
        raise ChangesError(f"--base: git took more than {_TIMEOUT} seconds to answer") from None
    except OSError as exc:
        raise ChangesError(f"--base: git cannot be run ({exc.strerror})") from None
    return done.stdout if done.returncode == 0 else None
