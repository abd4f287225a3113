"""The events section's files: the calendar feeds (``events/calendar.ics``,
``events/engagement.ics``, ``events/audience/<term>.ics``), each event's own ``event.ics``,
and the open data (``data/events.json``, ``data/events.csv``, ``data/events.schema.json``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

from localoffer.export.data import csv_document
from localoffer.export.events_data import (
    CSV_HEADER,
    CSV_PATH,
    JSON_PATH,
    EventRecord,
    event_parts,
    events_json_from_lines,
)
from localoffer.export.events_schema import SCHEMA_PATH, events_schema_json
from localoffer.export.ics import (
    CALENDAR_END,
    CalendarContext,
    VEventBytes,
    assemble_calendar,
    calendar_head,
    months_before,
    stamp_line,
    vevent_bytes,
)
from localoffer.plan.event_index import EventEntry, EventIndex
from localoffer.plan.event_views import lower_first
from localoffer.plan.keys import SiteKeys, site_keys
from localoffer.plan.model import OutputFile


@dataclass(frozen=True)
class EventCalendar:
    """An event's VEVENT, and its own ``.ics`` file around the DTSTAMP line."""

    vevent: VEventBytes
    file_head: bytes
    file_tail: bytes
    #: An event with sessions has a VEVENT each: the parts after their DTSTAMP lines.
    file_more: tuple[bytes, ...] = ()

    def file(self, stamp: bytes) -> bytes:
        """The event's own ``.ics`` file, with the build's DTSTAMP line."""
        return stamp.join((self.file_head, self.file_tail, *self.file_more))


def _event_calendar(keys: SiteKeys, context: CalendarContext, entry: EventEntry) -> EventCalendar:
    """Kept between builds: it shows the record, the site's address and vocabularies, and of
    "now" only the DTSTAMP, which is left out (``VEventBytes``)."""

    def make() -> EventCalendar:
        vevent = vevent_bytes(entry.event, context, entry.occurrences, entry.skipped)
        head = calendar_head(entry.event.title) + vevent.head
        parts = [vevent.tail, *vevent.more]
        parts[-1] += CALENDAR_END
        return EventCalendar(vevent, head, parts[0], tuple(parts[1:]))

    key = (keys.digest(entry.event), keys.settings)
    return keys.memo.get("event-ics", entry.id, key, make)


def in_feeds(entry: EventEntry, now: datetime) -> bool:
    """Events stay in the calendar feeds, and keep their own calendar file, until three months
    after they end. A postponed event awaiting a new date is left out: subscribers' calendars
    drop it, rather than keep it at a date when nothing happens (it comes back, with the same
    UID, once it is ``rescheduled``)."""
    if entry.held:
        return False
    cutoff = months_before(now, 3)
    return bool(entry.occurrences) and entry.occurrences[-1].end_at >= cutoff


def feed_files(index: EventIndex) -> Iterator[OutputFile]:
    site = index.site
    keys = site_keys(site)
    vocab = site.settings.vocabularies
    context = CalendarContext(site.settings.base_url, site.now, vocab)
    name = site.settings.site_name
    entries = list(index.entries.values())  # in id order
    current = [entry for entry in entries if in_feeds(entry, site.now)]
    calendars = {entry.id: _event_calendar(keys, context, entry) for entry in current}
    authority = site.settings.authority

    def feed(chosen: list[EventEntry], head: bytes) -> bytes:
        return assemble_calendar(head, (calendars[entry.id].vevent for entry in chosen), site.now)

    yield OutputFile(
        "events/calendar.ics",
        feed(
            current,
            calendar_head(f"{name}: events", f"Every event on the {name} ({authority})."),
        ),
    )
    yield OutputFile(
        "events/engagement.ics",
        feed(
            [entry for entry in current if entry.event.engagement],
            calendar_head(
                f"{name}: engagement opportunities",
                "Chances for children, young people and families to give their views "
                "and help shape services.",
            ),
        ),
    )
    for term in vocab.allowed("audiences"):
        label = vocab.label("audiences", term)
        chosen = [
            entry
            for entry in current
            if term in entry.event.audiences or "everyone" in entry.event.audiences
        ]
        yield OutputFile(
            index.paths.audience_feed(term),
            feed(
                chosen,
                calendar_head(
                    f"{name}: events for {lower_first(label)}",
                    f"Events for {lower_first(label)}"
                    + ("" if term == "everyone" else ", including events for everyone")
                    + ".",
                ),
            ),
        )
    stamp = stamp_line(site.now)
    for entry in current:
        # An event's own file, for its page's link, lasts as long as it is in the feeds: adding
        # an event that ended months ago to a calendar has no use, and a ten-year archive would
        # otherwise publish (and write at every build) some 10,000 files nobody downloads.
        calendar = calendars[entry.id]
        yield OutputFile(f"events/{entry.id}/event.ics", calendar.file(stamp))


def data_files(index: EventIndex) -> Iterator[OutputFile]:
    keys = site_keys(index.site)
    links = index.links
    texts = []
    for entry in index.entries.values():  # in id order

        def make(entry: EventEntry = entry) -> tuple[bytes, bytes]:
            url = links.url_path(entry.id)
            record = EventRecord(entry.event, url, entry.occurrences, index.now)
            return event_parts(record)

        # An item shows the record, the site's path, and which occurrences are over.
        key = (keys.event_time(entry.event), keys.settings)
        texts.append(keys.memo.get("event-data", entry.id, key, make))
    settings = index.site.settings
    yield OutputFile(JSON_PATH, events_json_from_lines([line for line, _ in texts]))
    yield OutputFile(CSV_PATH, csv_document(CSV_HEADER, [rows for _, rows in texts]))
    yield OutputFile(
        SCHEMA_PATH,
        events_schema_json(settings.vocabularies, settings.base_url, settings.site_name),
    )
