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
snapshot of its record: every object in it, in order, and the length of every group of fields
and list. A record with any object replaced, added or removed anywhere in it does not match
its snapshot, and its file is read again.
"""

from __future__ import annotations

import operator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
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
    snapshot: Snapshot | None = field(default=None, compare=False)

    def intact(self) -> bool:
        """Whether the record is still as it was validated."""
        return self.record is None or self.snapshot == Snapshot.of(self.record)


# Immutable values, the leaves of a record (other objects are looked into, if containers).
_VALUES = frozenset({str, int, float, bool, type(None), date, datetime, time, timedelta})


@dataclass(frozen=True, eq=False)
class Snapshot:
    """Every object in a record, in order (kept alive, so compared by identity), and the length
    of every container in it (a group of fields, a list).

    Left out: which fields were given (pydantic's ``model_fields_set``, which localoffer does not
    use), changed only when a field is set to the very object it holds.
    """

    objects: list[Any]
    lengths: list[int]

    @classmethod
    def of(cls, record: RecordModel) -> Snapshot:
        objects: list[Any] = [record]
        lengths: list[int] = []
        containers: list[Any] = [record]
        while containers:
            value = containers.pop()
            items: Any
            if isinstance(value, BaseModel):
                items = list(value.__dict__.values())
                private = value.__pydantic_private__
                if private:
                    items += private.values()
            elif isinstance(value, list | tuple | set | frozenset):
                items = value
            elif isinstance(value, dict):
                items = [*value.keys(), *value.values()]
            else:
                continue  # a value of another type (an enum member, a URL, a time zone)
            lengths.append(len(items))
            objects += items
            for item in items:
                if type(item) not in _VALUES:
                    containers.append(item)
        return cls(objects, lengths)

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, Snapshot)
            and self.lengths == other.lengths
            and len(self.objects) == len(other.objects)
            and all(map(operator.is_, self.objects, other.objects))
        )

    __hash__ = None  # type: ignore[assignment]


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
        snapshot = None if entry.record is None else Snapshot.of(entry.record)
        stored = Loaded(entry.digest, entry.record, entry.problems, entry.source, snapshot)
        self._used[key] = stored
        return stored

    def finish(self) -> None:
        """The load is complete: keep only what it used."""
        self._cache._finish(self._used)


#: The cache of this process.
RECORDS = RecordCache()
