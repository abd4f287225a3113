"""Every event of a site, worked out once: occurrences, past or not, and where pages live.

The calendar's pages all draw on this: an ``EventEntry`` per event (its occurrences computed
once, as series can have hundreds) and a ``Listing`` per occurrence, sorted by start.
"""

from __future__ import annotations

import calendar
from bisect import insort
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import partial
from operator import itemgetter
from urllib.parse import urlsplit

from localoffer.core.derive.occurrences import Occurrence, awaits_new_date
from localoffer.core.models.event import Event
from localoffer.core.rules.reserved import (
    EVENTS_AUDIENCE,
    EVENTS_ENGAGEMENT,
    EVENTS_MONTH,
    EVENTS_PAST,
)
from localoffer.core.site import Site
from localoffer.core.timezone import LONDON
from localoffer.plan.keys import EventFacts, site_keys

STATUS_LABELS = {
    "scheduled": "",
    "cancelled": "Cancelled",
    "postponed": "Postponed",
    "moved-online": "Moved online",
    "rescheduled": "Rescheduled",
}


def local_date(value: date | datetime) -> date:
    return value.astimezone(LONDON).date() if isinstance(value, datetime) else value


def month_key(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def month_label(key: str) -> str:
    year, month = (int(part) for part in key.split("-"))
    return f"{calendar.month_name[month]} {year}"


@dataclass(frozen=True)
class Listing:
    """One occurrence of one event, as the lists and tables show it."""

    entry: EventEntry
    occurrence: Occurrence
    number: int  # the occurrence's position in its series, from 1
    day: date  # the day it starts, in London

    @property
    def event(self) -> Event:
        return self.entry.event

    @property
    def last_day(self) -> date:
        return local_date(self.occurrence.end)

    @property
    def sort_key(self) -> tuple[datetime, str, str]:
        return (self.occurrence.start_at, self.entry.title_key, self.entry.id)


@dataclass
class EventEntry:
    """An event and its occurrences as of a build: ``over`` is how many of them are over.

    Those are the first ones: an event's occurrences are on ascending dates and all last as
    long, so they end in order. An entry keeps no "now" of its own, so one made at another
    moment with as many occurrences over is the same entry (and can be kept between builds).
    """

    event: Event
    occurrences: list[Occurrence]
    skipped: list[date]
    over: int
    id: str = ""  # the event's id, kept here: pydantic's private attributes are slow to read
    #: The day each occurrence starts, in London, when already known.
    days: list[date] = field(default_factory=list, repr=False)

    @property
    def title_key(self) -> str:
        return self.event.title.lower()

    @property
    def held(self) -> bool:
        """Postponed with no new date yet: listed apart, never under its old date, never past."""
        return awaits_new_date(self.event)

    @property
    def standing(self) -> bool:
        """A group that meets without fixed dates (``meets:``): no occurrences, never past."""
        return self.event.standing

    @property
    def past(self) -> bool:
        """Its last occurrence is over (never while held, nor for a standing entry)."""
        if self.held or self.standing:
            return False
        return self.over == len(self.occurrences)

    @property
    def upcoming(self) -> list[Occurrence]:
        return [] if self.held else self.occurrences[self.over :]

    @property
    def next(self) -> Occurrence | None:
        if self.held or self.over >= len(self.occurrences):
            return None
        return self.occurrences[self.over]

    @property
    def planned(self) -> Occurrence:
        """For an event that awaits a new date, the (next) date it was planned for."""
        return self.occurrences[min(self.over, len(self.occurrences) - 1)]

    @property
    def is_series(self) -> bool:
        return self.event.repeat is not None

    def listings(self) -> Iterator[Listing]:
        days = self.days or [local_date(item.start) for item in self.occurrences]
        pairs = zip(self.occurrences, days, strict=True)
        for number, (occurrence, day) in enumerate(pairs, start=1):
            yield Listing(self, occurrence, number, day)


@dataclass(frozen=True)
class EventPaths:
    """Where the calendar's own pages and feeds live: fixed folders under ``events/``, which
    the checker keeps free of event ids (``core/rules/reserved.py``)."""

    def month_url(self, key: str) -> str:
        return f"events/{EVENTS_MONTH}/{key}/"

    def past_url(self, year: int | None = None) -> str:
        return f"events/{EVENTS_PAST}/" + (f"{year}/" if year is not None else "")

    @property
    def engagement_url(self) -> str:
        return f"events/{EVENTS_ENGAGEMENT}/"

    def audience_feed(self, term: str) -> str:
        return f"events/{EVENTS_AUDIENCE}/{term}.ics"


@dataclass
class EventIndex:
    site: Site
    entries: dict[str, EventEntry] = field(default_factory=dict)
    listings: list[Listing] = field(default_factory=list)
    paths: EventPaths = field(default_factory=EventPaths)
    _upcoming: list[Listing] | None = field(default=None, init=False, repr=False, compare=False)

    @classmethod
    def build(cls, site: Site) -> EventIndex:
        index = cls(site)
        keys = site_keys(site)
        made: dict[str, _Made] = {}
        for event_id in sorted(site.events):
            event = site.events[event_id]
            # Kept while the event's file is unchanged and as many of its occurrences are over.
            made[event_id] = keys.memo.get(
                "event-entry",
                event_id,
                keys.event_time(event),
                partial(_entry, event, event_id, keys.event_facts(event), site.now),
            )
            index.entries[event_id] = made[event_id].entry
        index.listings = [listing for _, listing in _in_order(made)]
        return index

    @property
    def links(self) -> CalendarLinks:
        settings = self.site.settings
        return CalendarLinks(self.paths, self.today, settings.base_url, self.site_path)

    @property
    def now(self) -> datetime:
        return self.site.now

    @property
    def today(self) -> date:
        return self.site.today

    @property
    def site_path(self) -> str:
        """The path the site is published under: ``/`` or ``/localoffer/``."""
        path = urlsplit(self.site.settings.site_url).path or "/"
        return path if path.endswith("/") else path + "/"

    def url_path(self, event_id: str) -> str:
        """``/events/<id>/``: the event page's path, as the open data gives it."""
        return f"{self.site_path}events/{event_id}/"

    def absolute_url(self, path: str) -> str:
        return f"{self.site.settings.base_url}/{path.lstrip('/')}"

    def upcoming(self) -> list[Listing]:
        if self._upcoming is None:
            self._upcoming = [item for item in self.listings if item.number > item.entry.over]
        return list(self._upcoming)

    def months(self) -> dict[str, list[Listing]]:
        """Every month with events, past and future, in order, with its occurrences."""
        found: dict[str, list[Listing]] = {}
        day: date | None = None
        items: list[Listing] = []
        for item in self.listings:
            if item.day != day:  # (listings come day by day: a month's name once a day)
                day = item.day
                items = found.setdefault(month_key(day), [])
            items.append(item)
        return dict(sorted(found.items()))

    def past_entries(self) -> list[EventEntry]:
        return [entry for entry in self.entries.values() if entry.past]

    def standing(self) -> list[EventEntry]:
        """Groups that meet without fixed dates, by title: a section of their own."""
        found = [entry for entry in self.entries.values() if entry.standing]
        return sorted(found, key=lambda entry: (entry.title_key, entry.id))

    def held(self) -> list[Listing]:
        """Postponed events awaiting a new date, by the date they were planned for: not on
        the calendar's dates (their ``listings`` are left out), listed apart."""
        found = []
        for entry in self.entries.values():
            if entry.held and entry.occurrences:
                number = min(entry.over, len(entry.occurrences) - 1) + 1
                occurrence = entry.planned
                found.append(Listing(entry, occurrence, number, local_date(occurrence.start)))
        return sorted(found, key=lambda item: item.sort_key)


@dataclass(frozen=True)
class CalendarLinks:
    """What an event page needs of the calendar around it: its folders, today, and the site's
    address (and no more, so that a page kept between builds keeps no site alive)."""

    paths: EventPaths
    today: date
    base_url: str
    site_path: str  # "/" or "/localoffer/"

    def url_path(self, event_id: str) -> str:
        return f"{self.site_path}events/{event_id}/"

    def absolute_url(self, path: str) -> str:
        return f"{self.base_url}/{path.lstrip('/')}"


@dataclass(frozen=True)
class _Made:
    entry: EventEntry
    #: The entry's listings, each with its ``sort_key``.
    listings: list[tuple[tuple[datetime, str, str], Listing]]


def _entry(event: Event, event_id: str, facts: EventFacts, now: datetime) -> _Made:
    entry = EventEntry(
        event, facts.occurrences, facts.skipped, facts.past_count(now), id=event_id, days=facts.days
    )
    title_key = entry.title_key
    # Listing.sort_key, from the start times worked out once with the occurrences
    listings = [
        ((start, title_key, event_id), listing)
        for start, listing in zip(facts.starts, entry.listings(), strict=True)
        if not entry.held  # not under the date it was planned for (EventIndex.held)
    ]
    return _Made(entry, listings)


Ordered = list[tuple[tuple[datetime, str, str], Listing]]
#: The last index's entries and listings in order, to update rather than sort again.
_LAST: list[tuple[dict[str, _Made], Ordered]] = []
UPDATE_AT_MOST = 200  # events changed since the last index: more, and all are sorted again


def _in_order(made: dict[str, _Made]) -> Ordered:
    """Every entry's listings by ``Listing.sort_key`` (unique: an event's occurrences have
    different starts), updated from the last index when few events changed since."""
    if _LAST:
        last, ordered = _LAST[0]
        changed = {key for key, item in made.items() if last.get(key) is not item}
        changed |= last.keys() - made.keys()
        if len(changed) <= UPDATE_AT_MOST:
            ordered = [pair for pair in ordered if pair[0][2] not in changed]
            for event_id in sorted(changed & made.keys()):
                for pair in made[event_id].listings:
                    insort(ordered, pair, key=itemgetter(0))
            _LAST[:] = [(made, ordered)]
            return ordered
    ordered = sorted((pair for item in made.values() for pair in item.listings), key=itemgetter(0))
    _LAST[:] = [(made, ordered)]
    return ordered


def group_by_day(listings: list[Listing], today: date) -> list[tuple[date, list[Listing]]]:
    """Occurrences under the day they are shown on: their start, or today if already going."""
    days: dict[date, list[Listing]] = {}
    for item in listings:
        days.setdefault(max(item.day, today), []).append(item)
    return sorted(days.items())


def group_by_month(
    days: list[tuple[date, list[Listing]]],
) -> list[tuple[str, list[tuple[date, list[Listing]]]]]:
    months: dict[str, list[tuple[date, list[Listing]]]] = {}
    for day, items in days:
        months.setdefault(month_key(day), []).append((day, items))
    return list(months.items())


def add_days(day: date, count: int) -> date:
    return day + timedelta(days=count)


_CACHE: dict[int, EventIndex] = {}


def forget() -> None:
    """A new plan begins: build the index again (from the memo), so that the memo sees its
    entries used."""
    _CACHE.clear()


def index_of(site: Site) -> EventIndex:
    """One index per loaded site (the embed asks for it once per content page)."""
    cached = _CACHE.get(id(site))
    if cached is None or cached.site is not site:
        _CACHE.clear()
        cached = _CACHE[id(site)] = EventIndex.build(site)
    return cached
