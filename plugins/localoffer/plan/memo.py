"""Plan items kept between plans of a site in one process, keyed on everything they show.

``mkdocs serve`` plans the whole site again after every edit, in the same process, from a
freshly loaded ``Site``. Most records have not changed, and neither has most of what is
planned from them: their pages (with the views in their context), their ``.ics`` files, their
rows and items in the open data. Each of those is kept here under a *slot* (what it is and
whose: ``("event-page", "drop-in")``) with a *key*: a value made of everything the item shows
(the digests of its record's file and of every record it shows anything of, the settings, what
it shows of "now"). A plan takes an item from the memo only when its key is equal to the key
it would be made with now; otherwise it makes the item again and keeps that instead.

So a key that leaves out something the item shows would serve a stale item: the keys are made
in one place per kind (``plan/keys.py`` and the sections), next to the code that makes the item.

:func:`localoffer.plan.site_plan.plan_site` marks where a plan begins and ends; at the end, the
slots that plan did not use (records deleted or renamed) are dropped, so the memo holds no more
than one plan's items. ``MEMO.clear()`` empties it (tests use it for a cold plan).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TypeVar, cast

from localoffer.plan.stored_parts import KINDS as STORED_KINDS
from localoffer.plan.stored_parts import StoredParts
from localoffer.plan.stored_parts import key_digest as stored_digest

T = TypeVar("T")
Slot = tuple[str, str]  # (kind, name)


class Memo:
    """Items by slot, each with the key it was made with. Not thread-safe (nor is MkDocs).

    A memo made with ``keep=False`` keeps nothing: every item is made (a one-off build, which
    plans once, need not hold the parts of its files twice). With ``stored``, items of the
    kinds it keeps on disk come from the last build's plan when their keys are unchanged
    (``plan/stored_parts.py``).
    """

    def __init__(self, *, keep: bool = True, stored: StoredParts | None = None) -> None:
        self.keep = keep
        self.stored = stored
        self._items: dict[Slot, tuple[Hashable, object]] = {}
        self._used: set[Slot] | None = None
        self.hits = 0
        self.misses = 0

    def __len__(self) -> int:
        return len(self._items)

    def slots(self) -> set[Slot]:
        """The slots that hold an item."""
        return set(self._items)

    def get(self, kind: str, name: str, key: Hashable, make: Callable[[], T]) -> T:
        """The item in slot ``(kind, name)`` if it was made with an equal ``key``, else
        ``make()`` (kept for next time). Every item of one ``kind`` must have one type."""
        slot = (kind, name)
        if self._used is not None:
            self._used.add(slot)
        found = self._items.get(slot)
        if found is not None and found[0] == key:
            self.hits += 1
            return cast(T, found[1])
        stored = self.stored
        digest = stored_digest(key) if stored is not None and kind in STORED_KINDS else None
        if stored is not None and digest is not None:
            part = stored.lookup(kind, name, digest)
            if part is not None:
                self.hits += 1
                return cast(T, part)
        self.misses += 1
        value = make()
        if self.keep:
            self._items[slot] = (key, value)
        if stored is not None and digest is not None:
            stored.keep(kind, name, digest, value)
        return value

    def begin(self) -> None:
        """A plan begins: from now on, remember which slots it uses."""
        self._used = set()
        self.hits = self.misses = 0

    def end(self) -> None:
        """The plan is complete: keep only the slots it used."""
        used = self._used
        if used is not None and len(used) < len(self._items):  # (every used slot is there)
            self._items = {slot: item for slot, item in self._items.items() if slot in used}
        self._used = None

    def clear(self) -> None:
        self._items = {}
        self._used = None
        self.hits = self.misses = 0


#: The memo of this process (``mkdocs serve`` keeps the process between builds).
MEMO = Memo()
