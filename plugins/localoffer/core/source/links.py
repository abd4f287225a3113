"""Links (symbolic links) that lead out of the site folder: nothing outside it is read or published.

A record, a content page or a document may be a link to a file elsewhere on the machine (or a
folder of them may be a link to a folder elsewhere): a reviewer sees a one-line file in the
diff, and the build would publish whatever it leads to, such as the system's list of user
accounts or, in CI, the runner's files. So every link is followed to its end (through a chain
of links too) and, when that end is outside the site folder, the file is not read and the
checker reports it; a content error stops the build, so nothing is copied.

Links that stay inside the site folder are allowed.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class OutsideLink:
    """A file or folder of the site that is a link leading outside the site folder."""

    path: str  # where the link is, relative to the site folder ("/" separators)
    target: str  # where it leads in the end
    folder: bool  # a link to a folder, rather than to a file

    def message(self) -> str:
        what = "folder" if self.folder else "file"
        return (
            f"this {what} is a link to {self.target}, which is outside the site folder: "
            f"nothing from outside the site folder is read or published. Put a copy of the "
            f"{what} in the site folder instead of the link, or remove the link"
        )


def _real(path: str | Path) -> str:
    return os.path.realpath(path)


def is_inside(real: str, root_real: str) -> bool:
    """True when the resolved path ``real`` is the folder ``root_real`` or inside it."""
    return real == root_real or real.startswith(root_real.rstrip(os.sep) + os.sep)


def leads_outside(path: Path, root: Path) -> str | None:
    """Where ``path`` really is, when a link on the way leads it outside ``root``; else None.

    Any link counts: the file's own, a folder's on its path, each link of a chain.
    """
    real = _real(path)
    return None if is_inside(real, _real(root)) else real


def outside_links(root: Path, folder: str) -> Iterator[OutsideLink]:
    """Every link under ``root/folder`` (the folder itself included) leading outside ``root``.

    Folders are walked as MkDocs walks them, following the links to folders that stay inside
    the site (each real folder once, so a loop of links ends).
    """
    root_real = _real(root)
    start = root / folder
    if not os.path.lexists(start):
        return
    rel = Path(folder).as_posix().strip("/")
    real = _real(start)
    if not is_inside(real, root_real):
        yield OutsideLink(rel, real, os.path.isdir(real))
        return
    if os.path.isdir(real):
        yield from _walk(str(start), rel, root_real, {real})


def _walk(folder: str, rel: str, root_real: str, seen: set[str]) -> Iterator[OutsideLink]:
    try:
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda entry: entry.name)
    except OSError:
        return
    for entry in entries:
        inner = f"{rel}/{entry.name}"
        if entry.is_symlink():
            real = _real(entry.path)
            if not is_inside(real, root_real):
                yield OutsideLink(inner, real, os.path.isdir(real))
                continue
            if os.path.isdir(real) and real not in seen:
                seen.add(real)
                yield from _walk(entry.path, inner, root_real, seen)
        elif entry.is_dir(follow_symlinks=False):
            real = _real(entry.path)
            if real not in seen:
                seen.add(real)
                yield from _walk(entry.path, inner, root_real, seen)
