"""Record pages kept on disk between builds (``.cache/localoffer/``), keyed on content.

A nightly build where one record changed, or none, used to render every page again. Each record
page's HTML is fixed by ``PagePlan.key`` (its records, settings, files and what it shows of
"today") and by what every page shares (``page_cache.fingerprint``: the templates' bytes, the
configuration, the nav, the code and versions that render it), so a page whose key is in the
cache is written from it instead of being rendered.

The cache is a folder of pack files, each a run of entries (a header, then the page's bytes),
and ``index.json``, which says where each live entry is and its BLAKE2 digest (of its key and
bytes). Nothing in it is
trusted: an index that cannot be read, or of another format, is ignored whole; an entry whose
bytes do not match its length and digest is ignored and its page rendered again. At the end of
a build the index keeps only the entries that build used (so the cache holds one site) and
packs nothing uses are deleted; when most of the packs' bytes are dead, the live entries are
copied into one new pack. The index is replaced atomically once the record pages are written
(a build that fails before then never writes it; one that strict mode stops afterwards has
only pages that were rendered correctly), so a killed build leaves the last good index and some
unused bytes.

Workers of the process pool (``page_pool``) write their own packs and hand the entries back
(``store`` returns them, ``adopt`` records them in the parent).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import uuid
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

from mkdocs.config.defaults import MkDocsConfig

from localoffer.mkdocs import page_cache
from localoffer.plan.stored_parts import FILE_NAME as PARTS_FILE
from localoffer.plan.stored_parts import StoredParts

log = logging.getLogger("mkdocs.plugins.localoffer")

FORMAT = 1
INDEX = "index.json"
PACK_SUFFIX = ".pack"
MAGIC = b"LOPAGE1\n"

_KEY = re.compile(r"[0-9a-f]{64}")

#: An entry: (pack file name, offset of its bytes, length, BLAKE2b-128 digest in hex).
Entry = tuple[str, int, int, str]


def _digest(key: str, data: bytes) -> str:
    """The entry's digest: of its key and its bytes, so an entry moved to another key fails."""
    return hashlib.blake2b(data, digest_size=16, key=bytes.fromhex(key)[:64]).hexdigest()


class BuildCache:
    """The pages of the last build, for ``direct_pages.render_pages`` (as ``PageCache``)."""

    def __init__(self, folder: Path, fingerprint: str) -> None:
        self.folder = folder
        self._fingerprint = fingerprint
        self._entries = _read_index(folder)
        self._used: dict[str, Entry] = {}
        self._readers: dict[str, BinaryIO] = {}
        self._writer: BinaryIO | None = None
        self._writer_pid = 0
        self._writer_name = ""
        self._offset = 0
        self.hits = 0
        self.ignored = 0  # damaged entries found (and not used)

    def key(self, page_key: str) -> str:
        return hashlib.sha256(f"{self._fingerprint}\0{page_key}".encode()).hexdigest()

    def lookup(self, key: str) -> bytes | None:
        entry = self._entries.get(key)
        if entry is None:
            return None
        data = self._read(key, entry)
        if data is None:
            self.ignored += 1
            return None
        self._used[key] = entry
        self.hits += 1
        return data

    def store(self, key: str, html: bytes) -> Entry | None:
        """Append a page to this process's pack; the entry, for ``adopt`` in the parent."""
        try:
            writer = self._pack_writer()
            header = MAGIC + f"{key} {len(html)}\n".encode()
            writer.write(header + html)
        except OSError as error:
            log.debug("localoffer: could not write to the build cache: %s", error)
            return None
        entry = (self._writer_name, self._offset + len(header), len(html), _digest(key, html))
        self._offset += len(header) + len(html)
        self._used[key] = entry
        return entry

    def adopt(self, key: str, entry: Entry | None) -> None:
        """Record an entry a worker process wrote."""
        if entry is not None:
            self._used[key] = entry

    def finish(self) -> None:
        """Keep what this build used; drop the rest; compact when most bytes are dead."""
        self._close()
        try:
            live = dict(self._used)
            sizes = _pack_sizes(self.folder)
            by_pack: dict[str, int] = {}
            for pack, _offset, length, _digest_hex in live.values():
                by_pack[pack] = by_pack.get(pack, 0) + length
            if sum(sizes.get(p, 0) for p in by_pack) > 2 * sum(by_pack.values()) + (1 << 20):
                live = self._compact(live)
                by_pack = {pack: 1 for pack, *_ in live.values()}
            _write_index(self.folder, live)
            for pack in sizes:
                if pack not in by_pack:
                    (self.folder / pack).unlink(missing_ok=True)
        except OSError as error:
            log.warning("localoffer: the build cache in %s was not saved: %s", self.folder, error)
        finally:
            self._close()

    def _compact(self, live: dict[str, Entry]) -> dict[str, Entry]:
        self._writer, self._writer_pid = None, 0  # a new pack for the live entries
        compacted: dict[str, Entry] = {}
        for key, entry in sorted(live.items(), key=lambda item: (item[1][0], item[1][1])):
            data = self._read(key, entry)
            if data is not None:
                new = self.store(key, data)
                if new is not None:
                    compacted[key] = new
        self._close()
        return compacted

    def _read(self, key: str, entry: Entry) -> bytes | None:
        pack, offset, length, digest = entry
        try:
            reader = self._readers.get(pack)
            if reader is None:
                reader = self._readers[pack] = open(self.folder / pack, "rb")  # noqa: SIM115
            reader.seek(offset)
            data = reader.read(length)
        except (OSError, ValueError):
            return None
        if len(data) != length or _digest(key, data) != digest:
            log.info("localoffer: a damaged entry in the build cache (%s) was ignored", pack)
            return None
        return data

    def _pack_writer(self) -> BinaryIO:
        if self._writer is None or self._writer_pid != os.getpid():
            self.folder.mkdir(parents=True, exist_ok=True)
            self._writer_name = f"{uuid.uuid4().hex}{PACK_SUFFIX}"
            # Unbuffered: a worker may be stopped without closing its files.
            self._writer = open(self.folder / self._writer_name, "ab", buffering=0)  # noqa: SIM115
            self._writer_pid = os.getpid()
            self._offset = 0
        return self._writer

    def _close(self) -> None:
        if self._writer is not None and self._writer_pid == os.getpid():
            self._writer.close()
        self._writer = None
        for reader in self._readers.values():
            reader.close()
        self._readers = {}


def folder(config: MkDocsConfig, cache_dir: str) -> Path:
    """The cache folder: ``cache_dir`` relative to the folder of ``mkdocs.yml``."""
    return Path(config.config_file_path).resolve().parent / cache_dir


def plan_parts(config: MkDocsConfig, cache_dir: str) -> StoredParts:
    """The open data's parts the last build's plan kept in the cache folder, for this plan."""
    return StoredParts(folder(config, cache_dir) / PARTS_FILE, page_cache.code_digest())


def report_parts(stored: StoredParts) -> None:
    """Say how many parts of the open data came from the cache."""
    log.info(
        "localoffer: %d parts of the open data, %d from the build cache",
        stored.hits + stored.misses,
        stored.hits,
    )


def report(cache: BuildCache, pages: int, rendered: Iterable[str]) -> None:
    """Say how many pages came from the cache; with ``mkdocs build -v``, which were rendered."""
    for src_uri in rendered:
        log.debug("localoffer: rendered %s", src_uri)
    log.info(
        "localoffer: %d record pages, %d from the build cache (%s)%s",
        pages,
        cache.hits,
        cache.folder,
        f"; {cache.ignored} damaged entries ignored" if cache.ignored else "",
    )


def _read_index(folder: Path) -> dict[str, Entry]:
    """The index's entries, or none when it is missing, unreadable or of another format."""
    path = folder / INDEX
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as error:
        log.info("localoffer: the build cache's index could not be read (%s): ignored", error)
        return {}
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        log.info("localoffer: the build cache in %s is of another format: ignored", folder)
        return {}
    entries = data.get("entries")
    found: dict[str, Entry] = {}
    if not isinstance(entries, dict):
        return found
    for key, value in entries.items():
        if (
            _KEY.fullmatch(key)
            and isinstance(value, list)
            and len(value) == 4
            and isinstance(value[0], str)
            and value[0].endswith(PACK_SUFFIX)
            and "/" not in value[0]
            and all(isinstance(part, int) and part >= 0 for part in value[1:3])
            and isinstance(value[3], str)
        ):
            found[key] = (value[0], value[1], value[2], value[3])
    return found


def _write_index(folder: Path, entries: dict[str, Entry]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    temporary = folder / f"{INDEX}.{os.getpid()}.tmp"
    body = {"format": FORMAT, "entries": {key: list(entry) for key, entry in entries.items()}}
    temporary.write_text(json.dumps(body, separators=(",", ":")), encoding="utf-8")
    os.replace(temporary, folder / INDEX)


def _pack_sizes(folder: Path) -> dict[str, int]:
    try:
        names: Iterable[os.DirEntry[str]] = os.scandir(folder)
    except FileNotFoundError:
        return {}
    return {item.name: item.stat().st_size for item in names if item.name.endswith(PACK_SUFFIX)}
