"""Records kept across loads in one process, keyed on each file's path and bytes.

``mkdocs serve`` rebuilds the whole site after every edit, in the same process, and each build
loads every record again. A record file whose bytes have not changed gives the same record and
the same problems as last time, so the loader keeps what each file gave and reads, parses and
validates only the files whose bytes changed. The bytes are read every time and compared by
their SHA-256 digest, so a changed file is never served from the cache; the rules across records
run over the whole site every time.

Only the entries the last load used are kept, so the cache holds one site at most. Records are
pydantic models, which can be changed in place; nothing in localoffer changes them, but if
anything did, the cache must not hand the changed record to the next build. Each entry keeps a
pristine copy of its record's lists and groups of fields (the values themselves are immutable and
shared), and a record that no longer equals it is read again.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from localoffer.core.models.base import RecordModel
from localoffer.core.problems import Problem
from localoffer.core.source.yamlnodes import YamlSource
from localoffer.core.vocabulary import Vocabularies

Key = tuple[str, str]  # the file's absolute path, and its path in the site


@dataclass(frozen=True)
class Loaded:
    """What one record file gave: its record (None when it has errors), its problems, and
    where its values were typed (None when it could not be read as YAML)."""

    digest: str
    record: RecordModel | None
    problems: tuple[Problem, ...]
    source: YamlSource | None
    pristine: RecordModel | None = None

    def intact(self) -> bool:
        """Whether the record is still as it was validated."""
        return self.record is None or self.record == self.pristine


class RecordCache:
    """What each record file gave at the last load, for a load in the same process."""

    def __init__(self) -> None:
        self._entries: dict[Key, Loaded] = {}
        self._vocabularies: Vocabularies | None = None

    def __len__(self) -> int:
        return len(self._entries)

    def clear(self) -> None:
        self._entries = {}
        self._vocabularies = None

    def start(self, vocabularies: Vocabularies) -> CacheSession:
        """A load begins. Validation depends on the site's vocabularies: if they changed,
        nothing from the last load is used."""
        if vocabularies != self._vocabularies:
            self.clear()
            self._vocabularies = vocabularies
        return CacheSession(self, self._entries)

    def _finish(self, used: dict[Key, Loaded]) -> None:
        self._entries = used


class CacheSession:
    """One load's use of the cache: entries it looks up or stores are the ones kept."""

    def __init__(self, cache: RecordCache, previous: dict[Key, Loaded]) -> None:
        self._cache = cache
        self._previous = previous
        self._used: dict[Key, Loaded] = {}

    def lookup(self, key: Key, digest: str) -> Loaded | None:
        """What the file gave last time, if its bytes (and its record) are unchanged."""
        entry = self._previous.get(key)
        if entry is None or entry.digest != digest or not entry.intact():
            return None
        self._used[key] = entry
        return entry

    def store(self, key: Key, entry: Loaded) -> Loaded:
        stored = Loaded(
            entry.digest, entry.record, entry.problems, entry.source, _pristine(entry.record)
        )
        self._used[key] = stored
        return stored

    def finish(self) -> None:
        """The load is complete: keep only what it used."""
        self._cache._finish(self._used)


def _pristine(value: Any) -> Any:
    """A copy of a record's containers (groups of fields, lists), sharing its values."""
    if isinstance(value, BaseModel):
        copy = value.__copy__()
        fields = copy.__dict__
        for name, item in fields.items():
            if isinstance(item, BaseModel | list):
                fields[name] = _pristine(item)
        return copy
    if isinstance(value, list):
        return [_pristine(item) if isinstance(item, BaseModel | list) else item for item in value]
    return value


#: The cache of this process.
RECORDS = RecordCache()
