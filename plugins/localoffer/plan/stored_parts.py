"""Parts of the open data kept on disk between one-off builds, keyed as the memo keys them.

``mkdocs serve`` keeps each record's item and row of the open data in the process's memo
(``plan/memo.py``) and joins the files from them; a one-off ``mkdocs build`` used to make all of
them again, although a nightly build or a one-line pull request changes one record or none.
This store keeps, in one file beside the build cache, the parts of the memo's kinds whose items
are only bytes (``KINDS``: a record's line of ``events.json`` and rows of ``events.csv``, and the
same for consultations and services), each under its slot and a digest of the key it was made
with. A plan takes a part from it only when the key it would make the part with now has the
same digest; otherwise it makes the part and keeps that instead.

Nothing in the file is trusted:

- it starts with a magic line and the BLAKE2b digest of the rest; a file that is short, of
  another format or whose digest does not match is ignored whole;
- it is stamped with the code that made it (the caller's ``stamp``: our package's source and
  the Python that wrote it): a file of other code is ignored whole;
- every part must be a tuple of bytes, and every key a digest.

Only keys made of text, numbers, booleans, None and tuples of those are kept (their ``repr`` is
the same in every process); a part whose key holds anything else is made afresh every time.
``save`` keeps only the parts this plan used and replaces the file atomically, so a killed
build leaves the last good file.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import marshal
import os
import sys
from collections.abc import Hashable
from pathlib import Path
from typing import cast

log = logging.getLogger("mkdocs.plugins.localoffer")

MAGIC = b"LOPARTS1\n"
DIGEST_SIZE = 32
FILE_NAME = "plan-parts.bin"
#: The memo's kinds whose items are tuples of bytes, the same in every process for one key.
KINDS = frozenset({"event-data", "consultation-data", "service-data"})

Part = tuple[bytes, ...]
_Slot = tuple[str, str]
_PLAIN = (str, int, float, bool, type(None))


def key_digest(key: Hashable) -> str | None:
    """A digest of ``key`` that is the same in every process, or None when it cannot be."""
    if not _is_plain(key):
        return None
    return hashlib.blake2b(repr(key).encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def _is_plain(value: object, depth: int = 0) -> bool:
    if isinstance(value, _PLAIN):
        return True
    if isinstance(value, tuple) and depth < 8:
        return all(_is_plain(item, depth + 1) for item in value)
    return False


def _is_part(value: object) -> bool:
    return isinstance(value, tuple) and all(isinstance(item, bytes) for item in value)


class StoredParts:
    """The parts of the last build's plan, read from ``path`` (if it can be trusted)."""

    def __init__(self, path: Path, stamp: str) -> None:
        self.path = path
        self.stamp = f"{stamp}|{sys.version}|{marshal.version}"
        self._parts: dict[_Slot, tuple[str, Part]] = _read(path, self.stamp)
        self._used: dict[_Slot, tuple[str, Part]] = {}
        self.hits = 0
        self.misses = 0

    def __len__(self) -> int:
        return len(self._parts)

    def lookup(self, kind: str, name: str, digest: str) -> Part | None:
        """The part in slot ``(kind, name)`` if it was made with a key of this ``digest``."""
        slot = (kind, name)
        found = self._parts.get(slot)
        if found is None or found[0] != digest:
            self.misses += 1
            return None
        self.hits += 1
        self._used[slot] = found
        return found[1]

    def keep(self, kind: str, name: str, digest: str, part: object) -> None:
        """Keep ``part``, made with a key of ``digest``, for the next build."""
        if kind in KINDS and _is_part(part):
            self._used[(kind, name)] = (digest, cast(Part, part))

    def save(self) -> None:
        """Write the parts this plan used (only those) for the next build, atomically; not at
        all when they are the ones the file holds (a build where no record changed)."""
        if self._used.keys() == self._parts.keys() and self.misses == 0 and self._parts:
            self._used = {}
            return
        items = [
            [kind, name, digest, list(part)] for (kind, name), (digest, part) in self._used.items()
        ]
        payload = marshal.dumps([self.stamp, items])
        body = hashlib.blake2b(payload, digest_size=DIGEST_SIZE).digest() + payload
        temporary = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            temporary.write_bytes(MAGIC + body)
            os.replace(temporary, self.path)
        except OSError as error:  # the cache is a help, never a reason to fail a build
            with contextlib.suppress(OSError):
                temporary.unlink(missing_ok=True)
            log.info("localoffer: the plan's parts could not be kept in %s (%s)", self.path, error)
        self._parts, self._used = self._used, {}


def _read(path: Path, stamp: str) -> dict[_Slot, tuple[str, Part]]:
    """The file's parts, or none when it is missing, damaged, or of other code."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return {}
    except OSError as error:
        log.info("localoffer: the plan's parts in %s could not be read (%s): ignored", path, error)
        return {}
    head = len(MAGIC) + DIGEST_SIZE
    payload = data[head:]
    digest = hashlib.blake2b(payload, digest_size=DIGEST_SIZE).digest()
    if not data.startswith(MAGIC) or len(data) < head or data[len(MAGIC) : head] != digest:
        log.info("localoffer: the plan's parts in %s are damaged: ignored", path)
        return {}
    try:
        found_stamp, items = marshal.loads(payload)
    except (EOFError, ValueError, TypeError):
        log.info("localoffer: the plan's parts in %s are damaged: ignored", path)
        return {}
    if found_stamp != stamp or not isinstance(items, list):
        return {}  # made by other code (or another Python): nothing in it is used
    parts: dict[_Slot, tuple[str, Part]] = {}
    for item in items:
        if not (isinstance(item, list) and len(item) == 4):
            return {}
        kind, name, digest_text, part = item
        if not (
            isinstance(kind, str)
            and kind in KINDS
            and isinstance(name, str)
            and isinstance(digest_text, str)
            and isinstance(part, list)
            and all(isinstance(piece, bytes) for piece in part)
        ):
            return {}
        parts[(kind, name)] = (digest_text, tuple(part))
    return parts
