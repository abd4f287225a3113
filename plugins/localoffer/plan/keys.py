"""What memoised plan items are keyed on, worked out once per plan (see ``plan/memo.py``).

A key is made of everything an item shows. The parts, each a short string:

- a record's **digest**: the SHA-256 of its file's bytes (``site.digests``, filled by the
  loader); a record's file fixes everything about it, its id and body included;
- a **reference** to another record by id: ``id:digest``, or ``id:-`` when there is no such
  record (so a page changes when the record it names appears, changes or goes);
- the **settings**: everything read from ``mkdocs.yml`` (site name and address, vocabularies,
  contact, accessibility options), as one digest, and the site's folder;
- **files**: the facts shown about a document's file (format, size, pages, tagging);
- **time**: not "now" itself, which moves on every build, but what an item shows of it: how many
  of an event's occurrences are over, a consultation's state (open, closing soon...), today's
  date. An item made at another moment with the same time key is the same item.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_left
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from functools import partial
from itertools import pairwise

from localoffer.core.derive.occurrences import Occurrence, occurrences, skipped_dates
from localoffer.core.documents import FileInfo
from localoffer.core.holidays import holidays_key
from localoffer.core.models.base import RecordModel
from localoffer.core.models.consultation import Consultation
from localoffer.core.models.documents import DocumentRef
from localoffer.core.models.event import Event
from localoffer.core.site import Site
from localoffer.core.timezone import LONDON
from localoffer.plan.consultation_status import state_at
from localoffer.plan.memo import MEMO, Memo

MISSING = "-"


@dataclass(frozen=True)
class EventFacts:
    """What an event's record alone decides about its dates (kept while its file is unchanged:
    a series can have a thousand occurrences)."""

    occurrences: list[Occurrence]
    skipped: list[date]
    #: ``start_at`` and ``end_at`` of each occurrence, and the day it starts in London. The
    #: ends never go back: one event's occurrences are on ascending dates and all last as
    #: long, so those over at any moment are the first ones.
    starts: list[datetime]
    ends: list[datetime]
    days: list[date]

    @classmethod
    def of(cls, event: Event) -> EventFacts:
        found = occurrences(event)
        ends = [item.end_at for item in found]
        assert all(earlier <= later for earlier, later in pairwise(ends)), event.id
        return cls(
            occurrences=found,
            # (with no ``except`` nor school holidays, nothing is skipped: no need to work the
            # dates out again)
            skipped=(
                skipped_dates(event)
                if event.repeat and (event.repeat.except_ or event.repeat.by_school_holidays)
                else []
            ),
            starts=[item.start_at for item in found],
            ends=ends,
            days=[_local_date(item.start) for item in found],
        )

    def past_count(self, now: datetime) -> int:
        """How many occurrences are over at ``now`` (``Occurrence.is_past``): the first ones.

        All that an event's pages and data show of "now" follows from it.
        """
        return bisect_left(self.ends, now)


def _local_date(value: date | datetime) -> date:
    return value.astimezone(LONDON).date() if isinstance(value, datetime) else value


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


class SiteKeys:
    """The parts of keys for one plan of one site (see the module's docstring)."""

    def __init__(self, site: Site, memo: Memo = MEMO) -> None:
        self.site = site
        self.memo = memo
        self.settings = sha256(repr(site.settings))
        self.today = site.today.isoformat()
        digests = getattr(site, "digests", None)
        self._digests: Mapping[str, str] = digests if isinstance(digests, Mapping) else {}
        # By the record object (alive for the whole plan, so its id() is its own): quicker
        # than its id or path, which pydantic keeps as private attributes.
        self._by_record: dict[int, str] = {}
        self._facts: dict[int, EventFacts] = {}
        self._files: dict[str, FileInfo | None] = {}
        self._times: dict[int, str] = {}
        self._states: dict[int, str] = {}
        self._every: tuple[tuple[str, str], ...] | None = None

    def digest(self, record: RecordModel) -> str:
        """The SHA-256 of the record's file, as the loader read it."""
        found = self._by_record.get(id(record))
        if found is None:
            found = self._digests.get(record_path(record)) or _digest_of(record)
            if isinstance(record, Event) and record.repeat and record.repeat.by_school_holidays:
                # Its dates depend on the school holidays in the settings too.
                found += "+" + sha256(holidays_key(record.school_holidays.holidays))[:16]
            self._by_record[id(record)] = found
        return found

    def every_record(self) -> tuple[tuple[str, str], ...]:
        """Every record file and its digest: for what shows something of every record."""
        if self._every is None:
            if self._digests:
                self._every = tuple(self._digests.items())
            else:
                records: list[RecordModel] = [
                    *self.site.consultations.values(),
                    *self.site.events.values(),
                    *self.site.feedback.values(),
                    *self.site.services.values(),
                ]
                self._every = tuple((record_path(r), self.digest(r)) for r in records)
        return self._every

    def ref(self, records: Mapping[str, RecordModel], record_id: str | None) -> str:
        """``id:digest`` of the record a field names, ``id:-`` if it does not exist."""
        if not record_id:
            return ""
        record = records.get(record_id)
        return f"{record_id}:{self.digest(record) if record is not None else MISSING}"

    def file_info(self, document: DocumentRef) -> FileInfo | None:
        """``site.file_info(document)``, looked up once per file in a plan."""
        if document.file is None:
            return None
        if document.file not in self._files:
            self._files[document.file] = self.site.file_info(document)
        return self._files[document.file]

    def files(self, documents: Iterable[DocumentRef]) -> str:
        """The facts shown about documents' files (a link shows none)."""
        return ";".join(
            f"{document.file}={self.file_info(document)!r}"
            for document in documents
            if document.file is not None
        )

    def event_facts(self, event: Event) -> EventFacts:
        """The event's occurrences (kept while its file is unchanged)."""
        found = self._facts.get(id(event))
        if found is None:
            make = partial(EventFacts.of, event)
            found = self.memo.get("event-facts", record_id(event), self.digest(event), make)
            self._facts[id(event)] = found
        return found

    def event_time(self, event: Event) -> str:
        """``id:digest@time``: the event, and which of its occurrences are over."""
        found = self._times.get(id(event))
        if found is None:
            time = self.event_facts(event).past_count(self.site.now)
            found = f"{record_id(event)}:{self.digest(event)}@{time}"
            self._times[id(event)] = found
        return found

    def event_ref(self, record_id: str | None) -> str:
        """:meth:`event_time` of the event a field names, ``id:-`` if it does not exist."""
        if not record_id:
            return ""
        event = self.site.events.get(record_id)
        return self.event_time(event) if event is not None else f"{record_id}:{MISSING}"

    def state(self, consultation: Consultation) -> str:
        """A consultation's state now (``open``, ``closing-soon``, ``overdue``...)."""
        found = self._states.get(id(consultation))
        if found is None:
            found = self._states[id(consultation)] = state_at(
                consultation, self.site.now, self.site.settings.authority
            )
        return found

    def consultation_ref(self, record_id: str | None) -> str:
        """``id:digest@state`` of the consultation a field names, ``id:-`` if none."""
        if not record_id:
            return ""
        consultation = self.site.consultations.get(record_id)
        if consultation is None:
            return f"{record_id}:{MISSING}"
        return f"{record_id}:{self.digest(consultation)}@{self.state(consultation)}"


def record_id(record: RecordModel) -> str:
    """``record.id``, read quickly: keys are made for every record on every plan, and pydantic's
    private attributes are slow to read through their properties."""
    private = record.__pydantic_private__
    found = private.get("_id") if private else None
    return found if isinstance(found, str) else record.id


def record_path(record: RecordModel) -> str:
    """``record.path``, read quickly (see :func:`record_id`)."""
    private = record.__pydantic_private__
    found = private.get("_path") if private else None
    return found if isinstance(found, str) else record.path


def _digest_of(record: RecordModel) -> str:
    """A record's digest when the loader gave none (a site made in memory): its content, as
    loaded (its file may have changed since, so it is not read again)."""
    content = repr((type(record).__name__, record.id, record.path, record.body, record))
    return "content-" + sha256(content)


_CURRENT: list[SiteKeys] = []


def site_keys(site: Site) -> SiteKeys:
    """The keys of the plan of ``site`` under way (one at a time, as MkDocs builds)."""
    if _CURRENT and _CURRENT[0].site is site:
        return _CURRENT[0]
    keys = SiteKeys(site)
    _CURRENT[:] = [keys]
    return keys


def start(site: Site, memo: Memo = MEMO) -> SiteKeys:
    """A new plan of ``site`` begins, with ``memo``: work everything out again (files and
    records may have changed even if ``site`` is the same object)."""
    keys = SiteKeys(site, memo)
    _CURRENT[:] = [keys]
    return keys


def forget() -> None:
    """Forget the plan under way (its site, its file facts)."""
    _CURRENT.clear()
