"""When each file of a site last changed, for the "Last updated" line of its page.

The date is the committer date (in London) of the last commit that changed the file, read from
git in one ``git log`` over the site folder, so it is the same for every build of a commit. A
shallow clone knows only its last commit, so the publishing workflows fetch the full history.
A file git does not know (a site outside a repository, a file not yet committed) is dated by
``SOURCE_DATE_EPOCH`` when that is set (reproducible builds), otherwise by the build's today.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from localoffer.core.timezone import LONDON

_MARK = "\x01"  # starts each commit's timestamp in the log, which paths never start with
_TIMEOUT = 60  # seconds: a very long history still reads in well under this


@dataclass(frozen=True)
class FileHistory:
    """The last-change date of the files of one site."""

    #: By path relative to the site folder (``events/2026/forum.md``, ``content/index.md``).
    changed: Mapping[str, date] = field(default_factory=dict)
    #: The date of any file git does not know.
    fallback: date = date(1970, 1, 1)
    #: The site folder's path inside its git repository ("" at the top; None outside git).
    prefix: str | None = None

    def updated(self, path: str) -> date:
        """When the file at ``path`` (relative to the site folder) last changed."""
        return self.changed.get(path, self.fallback)

    def repository_path(self, path: str) -> str | None:
        """``path`` as the repository knows it (for a link to its history), or None when git
        does not know the file."""
        if self.prefix is None or path not in self.changed:
            return None
        return f"{self.prefix}/{path}" if self.prefix else path


def fallback_date(today: date, environ: Mapping[str, str] | None = None) -> date:
    """``SOURCE_DATE_EPOCH`` as a London date when it is set and valid, else ``today``."""
    env = os.environ if environ is None else environ
    value = env.get("SOURCE_DATE_EPOCH", "").strip()
    if value.isdigit():
        try:
            return datetime.fromtimestamp(int(value), tz=LONDON).date()
        except (OverflowError, OSError, ValueError):
            pass
    return today


def read_history(root: Path, fallback: date) -> FileHistory:
    """The history of every file under ``root`` that git knows; empty outside git."""
    prefix = _git(root, "rev-parse", "--show-prefix")
    if prefix is None:
        return FileHistory(fallback=fallback)
    log = _git(
        root,
        "-c",
        "log.showSignature=false",
        "log",
        f"--format={_MARK}%ct",
        "--name-only",
        "-z",
        "--relative",
        "--",
        ".",
    )
    return FileHistory(
        changed=parse_log(log or ""), fallback=fallback, prefix=prefix.strip().rstrip("/")
    )


def parse_log(log: str) -> dict[str, date]:
    """Each path's newest commit date from ``git log --format=<MARK>%ct --name-only -z``
    (newest commit first)."""
    changed: dict[str, date] = {}
    when: date | None = None
    for token in log.split("\0"):
        token = token.lstrip("\n")
        if token.startswith(_MARK):
            stamp = token[len(_MARK) :]
            when = datetime.fromtimestamp(int(stamp), tz=LONDON).date() if stamp else None
        elif token and when is not None and token not in changed:
            changed[token] = when
    return changed


def _git(root: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(
            ["git", "-C", str(root), *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="surrogateescape",
            timeout=_TIMEOUT,
            check=False,
            env={**os.environ, "GIT_OPTIONAL_LOCKS": "0", "LC_ALL": "C"},
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None
