"""While serving: the last build's record output kept, and only what changed written again.

``mkdocs serve`` empties the output folder before every rebuild, and a ten-year archive has
26,000 files of record pages and calendars. Creating a file is the slowest thing a build does
on many machines (about a millisecond here, as much as rendering a page), so after a one-record
edit most of a rebuild was spent writing files identical to the ones just deleted.

So, while serving, the folders holding the plan's output (``events/``, ``consultations/``...)
are moved aside before MkDocs empties the output folder (``hold``, from ``on_pre_build``) and
moved back straight after (``restore``, from ``on_files``, before anything is written). Each
planned file whose content is the same as what this process wrote there last time is then not
written again (``unchanged``); everything else is written as usual; and files left from the
last build that this one did not make are removed at the end (``remove_stale``). The result is
exactly the folder a clean build writes (a test compares them byte for byte after edits). Any
failure, or a build that fails, makes the next build start from an empty folder as usual.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterable
from pathlib import Path


class KeptOutput:
    def __init__(self) -> None:
        self._written: dict[str, str] = {}  # output path -> digest of what was written there
        self._pending: dict[str, str] = {}  # the same, for this build
        self._folders: tuple[str, ...] = ()
        self._holding: Path | None = None
        self.active = False  # this build started from the last one's files
        self.skipped = 0

    def hold(self, site_dir: str, folders: Iterable[str]) -> None:
        """Move the last build's planned folders out of the way of MkDocs' cleaning."""
        self.active, self.skipped, self._pending = False, 0, {}
        self._folders = tuple(sorted({f for f in folders if f and f not in (".", "..")}))
        holding = Path(f"{site_dir.rstrip(os.sep)}.localoffer-kept")
        shutil.rmtree(holding, ignore_errors=True)
        if not self._written or not Path(site_dir).is_dir():
            self._written = {}
            return
        try:
            holding.mkdir()
            for folder in self._folders:
                if (Path(site_dir) / folder).is_dir():
                    os.rename(Path(site_dir) / folder, holding / folder)
        except OSError:
            shutil.rmtree(holding, ignore_errors=True)
            self._written = {}
            return
        self._holding = holding

    def restore(self, site_dir: str) -> None:
        """Put the held folders back into the emptied output folder."""
        holding, self._holding = self._holding, None
        if holding is None:
            return
        try:
            for folder in self._folders:
                if (holding / folder).is_dir():
                    os.rename(holding / folder, Path(site_dir) / folder)
            self.active = True
        except OSError:
            self.active = False
            for folder in self._folders:
                shutil.rmtree(Path(site_dir) / folder, ignore_errors=True)
        finally:
            shutil.rmtree(holding, ignore_errors=True)
        if not self.active:
            self._written = {}

    def unchanged(self, path: str, digest: str) -> bool:
        """True when ``path`` (relative to the output folder) already holds ``digest``.

        Either way, ``digest`` is what the path holds after this build.
        """
        self._pending[path] = digest
        if self.active and self._written.get(path) == digest:
            self.skipped += 1
            return True
        return False

    def remove_stale(self, site_dir: str, produced: Iterable[str]) -> None:
        """End a build: remove files of the last build in our folders that this one did not make."""
        if self.active:
            keep = {os.path.normpath(path) for path in produced}
            for folder in self._folders:
                _remove_unlisted(site_dir, folder, keep)
        self._written, self._pending = self._pending, {}
        self.active = False

    def forget(self) -> None:
        """After a failed build: start the next one from an empty folder."""
        self._written, self._pending, self.active = {}, {}, False


def _remove_unlisted(root: str, folder: str, keep: set[str]) -> bool:
    """Remove files under ``root/folder`` not in ``keep`` (paths relative to ``root``), and
    folders left empty below ``folder``; True when ``folder`` itself is left empty."""
    empty = True
    with os.scandir(os.path.join(root, folder)) as entries:
        for entry in entries:
            relative = f"{folder}{os.sep}{entry.name}"
            if entry.is_dir(follow_symlinks=False):
                if _remove_unlisted(root, relative, keep):
                    os.rmdir(entry.path)
                else:
                    empty = False
            elif relative in keep:
                empty = False
            else:
                os.unlink(entry.path)
    return empty
