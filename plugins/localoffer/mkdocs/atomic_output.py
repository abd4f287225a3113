"""A one-off build writes a fresh folder beside the output and swaps it in only when finished.

MkDocs empties the output folder and writes into it, so a build that is killed (a cancelled CI
job, an out-of-memory kill, a full disk) used to leave the output half old and half new. Here
``mkdocs build`` writes into ``.<name>.building-<random>`` in the output's parent folder instead,
and only when every plugin has finished is that folder put in the output's place:

* on Linux with one system call that swaps the two folders (``renameat2`` with
  ``RENAME_EXCHANGE``), so that there is no moment without a whole output folder;
* elsewhere by moving the old output aside, moving the new one in and deleting the old one; a
  build killed between those two moves leaves the old output aside, and the next build puts it
  back before anything else.

Whatever a killed build leaves (its unfinished folder, or the old output moved aside to be
deleted) is removed by the next build. Each build holds a lock on a small ``.lock`` file beside
its folder while it runs (the system releases it when the process ends, even on ``kill -9``), so
a build never removes the folder of another build that is still running.

A failed build (content errors, a strict-mode warning, a fault) removes its folder and leaves
the output as it was. ``mkdocs serve`` builds into its own temporary folder, and ``--dirty``
builds add to the output in place, as MkDocs does: neither uses this.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import secrets
import shutil
from pathlib import Path
from typing import IO

try:
    import fcntl
except ImportError:  # pragma: no cover - not on Windows
    fcntl = None  # type: ignore[assignment]

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def building_prefix(final: Path) -> str:
    return f".{final.name}.building-"


class AtomicOutput:
    def __init__(self) -> None:
        self.final: Path | None = None
        self.building: Path | None = None
        self._lock: IO[bytes] | None = None
        self._finished = False

    def start(self, site_dir: str) -> str:
        """Make this build's folder beside ``site_dir`` and return its path.

        ``clean_up`` has run already, before the content was checked.
        """
        final = Path(site_dir)
        final.parent.mkdir(parents=True, exist_ok=True)
        token = secrets.token_hex(6)
        name = f"{building_prefix(final)}{token}"
        lock_path = final.parent / f"{name}.lock"
        self._lock = lock_path.open("wb")  # the lock first: a folder without one is stale
        if fcntl is not None:
            fcntl.flock(self._lock.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        building = final.parent / name
        building.mkdir()
        self.final, self.building, self._finished = final, building, False
        return str(building)

    def finished(self) -> None:
        """Every page is written: the folder may replace the output when MkDocs is done."""
        self._finished = True

    def failed(self) -> None:
        self._finished = False
        if self.building is not None:
            shutil.rmtree(self.building, ignore_errors=True)

    def end(self) -> None:
        """When MkDocs shuts down: swap the finished folder in, or remove an unfinished one."""
        final, building = self.final, self.building
        try:
            if final is not None and building is not None:
                if self._finished and building.is_dir():
                    swap_in(building, final)
                else:
                    shutil.rmtree(building, ignore_errors=True)
        finally:
            self._release()
            self.final = self.building = None
            self._finished = False

    def _release(self) -> None:
        lock, self._lock = self._lock, None
        if lock is None:
            return
        path = Path(lock.name)
        lock.close()
        with contextlib.suppress(OSError):
            path.unlink()


def swap_in(building: Path, final: Path) -> None:
    """Put ``building`` in the place of ``final`` (a folder, or nothing yet) and delete the old."""
    if not os.path.lexists(final):
        os.rename(building, final)
        return
    if final.is_dir() and not final.is_symlink() and _exchange(building, final):
        shutil.rmtree(building)  # it holds the old output now
        return
    aside = building.with_name(f"{building.name}.previous")
    os.rename(final, aside)
    os.rename(building, final)
    if aside.is_dir() and not aside.is_symlink():
        shutil.rmtree(aside)
    else:
        aside.unlink()


def _exchange(first: Path, second: Path) -> bool:
    """Swap two folders in one step (Linux's ``renameat2``); False where that cannot be done."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p]
    renameat2.argtypes += [ctypes.c_uint]
    renameat2.restype = ctypes.c_int
    done = renameat2(
        _AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE
    )
    return bool(done == 0)


def clean_up(final: Path) -> None:
    """Remove what killed builds of ``final`` left beside it; first put back a lost output."""
    prefix = building_prefix(final)
    try:
        names = sorted(os.listdir(final.parent))
    except OSError:
        return
    tokens = {name[len(prefix) :].split(".")[0] for name in names if name.startswith(prefix)}
    for token in sorted(tokens):
        base = final.parent / f"{prefix}{token}"
        if not _abandoned(base.with_name(f"{base.name}.lock")):
            continue  # another build is writing it now
        previous = base.with_name(f"{base.name}.previous")
        if previous.is_dir() and not os.path.lexists(final):
            os.rename(previous, final)  # killed between moving the old output aside and the new in
        for leftover in (base, previous):
            if leftover.is_dir() and not leftover.is_symlink():
                shutil.rmtree(leftover, ignore_errors=True)
        with contextlib.suppress(OSError):
            base.with_name(f"{base.name}.lock").unlink()


def _abandoned(lock_path: Path) -> bool:
    """True unless a running build holds the lock at ``lock_path``."""
    if fcntl is None or not lock_path.exists():
        return True
    try:
        with lock_path.open("rb") as lock:
            fcntl.flock(lock.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    except OSError:
        return True
    return True
