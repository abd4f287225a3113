"""What the calendar's templates show: list items with their filter terms, and event pages.

Templates are autoescaped; everything here is plain text or a URL, never HTML.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any
from urllib.parse import quote

from localoffer.core.derive.occurrences import Occurrence, session_place
from localoffer.core.models.event import WEEKDAYS, Event
from localoffer.core.vocabulary import Vocabularies
from localoffer.export.ics import TIME_TBC
from localoffer.export.ics_links import google_link, outlook_link
from localoffer.export.jsonld import event_jsonld, script_json
from localoffer.plan.event_documents import DocumentView, document_views
from localoffer.plan.event_index import (
    STATUS_LABELS,
    CalendarLinks,
    EventEntry,
    EventIndex,
    Listing,
    local_date,
)
from localoffer.plan.event_sessions import (
    SessionRow,
    session_rows,
    sessions_elsewhere,
    sessions_words,
)
from localoffer.present.access import WHO_CAN_COME_TAGS, WHO_CAN_COME_WORDS, who_for
from localoffer.present.dates import govuk_date
from localoffer.present.event_time import event_time
from localoffer.present.event_when import date_range, event_when

ORDINALS: dict[int | str, str] = {1: "first", 2: "second", 3: "third", 4: "fourth", "last": "last"}
MAX_DATES_SHOWN = 60
OSM_SEARCH = "https://www.openstreetmap.org/search?query="

POSTPONED = "Postponed, new date to follow"
BANNERS = {
    "cancelled": "This event has been cancelled.",
    "postponed": "This event has been postponed. We will publish the new date here once it is set.",
    "moved-online": "This event has moved online.",
    "rescheduled": "This event has a new date or time.",
}


def attendance(event: Event, occurrence: Occurrence | None = None) -> list[str]:
    """``online`` and/or ``in-person`` (a moved-online event is online only): of one session
    (``occurrence``), or of the event, any of whose sessions counts."""
    if occurrence is not None:
        places = [(occurrence.location, occurrence.online)]
    elif event.sessions:
        places = [session_place(event, session) for session in event.sessions]
    else:
        places = [(event.location, event.online)]
    terms = []
    if any(online is not None for _, online in places):
        terms.append("online")
    if any(place is not None for place, _ in places) and event.status != "moved-online":
        terms.append("in-person")
    return terms


def place_text(event: Event, occurrence: Occurrence | None = None) -> str:
    """Where it is (or one session is): "Anbury Library", "Online", "Anbury Library, and
    online"; for an event whose sessions are in several places, "Several places"."""
    modes = attendance(event, occurrence)
    if modes == ["online"]:
        return "Online"
    if occurrence is not None:
        names = [occurrence.location.name] if occurrence.location is not None else []
    elif event.sessions:
        places = (session_place(event, session)[0] for session in event.sessions)
        names = list(dict.fromkeys(where.name for where in places if where is not None))
    else:
        names = [event.location.name] if event.location is not None else []
    assert names
    name = names[0] if len(names) == 1 else "Several places"
    return f"{name}, and online" if "online" in modes else name


def audience_terms(event: Event, vocabularies: Vocabularies) -> list[str]:
    """The audience filter terms: an event for everyone is shown for every audience."""
    if "everyone" in event.audiences:
        return list(dict.fromkeys([*event.audiences, *vocabularies.allowed("audiences")]))
    return list(event.audiences)


def filter_attributes(event: Event, vocabularies: Vocabularies) -> dict[str, str]:
    """The ``data-*`` attributes of a list item, per the shared filter markup contract."""
    data = {
        "data-engagement": "true" if event.engagement else "false",
        "data-audience": " ".join(audience_terms(event, vocabularies)),
        "data-area": " ".join(event.areas),
        "data-kind": event.kind,
        "data-attendance": " ".join(attendance(event)),
        "data-free": "true" if event.is_free else "false",
        "data-status": event.status,
    }
    if event.provisions:
        data["data-access"] = " ".join(event.provisions)
    if event.ages is not None:
        data["data-age-from"] = str(event.ages.from_)
        data["data-age-to"] = str(event.ages.to)
    return data


def tags(event: Event) -> list[tuple[str, str]]:
    """Status tags as words: (modifier, text)."""
    found: list[tuple[str, str]] = []
    if event.status != "scheduled":
        found.append((event.status, STATUS_LABELS[event.status]))
    if event.engagement:
        found.append(("engagement", "Engagement opportunity"))
    if WHO_CAN_COME_TAGS[event.who_can_come]:
        found.append(("restricted", WHO_CAN_COME_TAGS[event.who_can_come]))
    return found


@dataclass(frozen=True)
class ListItem:
    """One occurrence in a list or table."""

    listing: Listing
    shown_day: date
    attributes: dict[str, str]
    tags: list[tuple[str, str]]
    place: str
    when: str = ""  # instead of the time, for an item with no date to show (see undated)

    @property
    def event(self) -> Event:
        return self.listing.event

    @property
    def occurrence(self) -> Occurrence:
        return self.listing.occurrence

    @property
    def url(self) -> str:
        return f"events/{self.listing.entry.id}/"

    @property
    def time(self) -> str:
        return self.when or time_words(self.event, self.occurrence)

    @property
    def ends(self) -> str:
        """When it is over (ISO 8601, with London's offset), for lists.js to take it off an
        upcoming list read after that; "" for an item with no date to show (see undated)."""
        return "" if self.when else self.occurrence.end_at.isoformat()


@dataclass(frozen=True)
class StandingItem:
    """A group that meets without fixed dates, in a list: what the ``item`` macro shows."""

    entry: EventEntry
    attributes: dict[str, str]  # the filter terms, and no data-start: it has no date
    tags: list[tuple[str, str]]
    place: str

    @property
    def event(self) -> Event:
        return self.entry.event

    @property
    def url(self) -> str:
        return f"events/{self.entry.id}/"

    @property
    def time(self) -> str:
        return f"Meets: {self.event.meets}"

    @property
    def ends(self) -> str:
        """Never over: it has no dates."""
        return ""


def when_words(event: Event, occurrence: Occurrence) -> str:
    """ "Wednesday 17 February 2027" and, when its time is not published yet, ", time to be
    confirmed" (not "all day")."""
    words = event_when(occurrence)
    return f"{words}, {TIME_TBC}" if event.time_tbc else words


def time_words(event: Event, occurrence: Occurrence) -> str:
    """The time under a day's heading: "4pm to 6pm", "All day", or "Time to be confirmed"."""
    if not event.time_tbc:
        return event_time(occurrence)
    first, last = local_date(occurrence.start), local_date(occurrence.end)
    words = TIME_TBC.capitalize()
    return words if first == last else f"{words}, {date_range(first, last)}"


class ItemMaker:
    """List items, with each event's filter terms and tags worked out once."""

    def __init__(self, vocabularies: Vocabularies) -> None:
        self.vocabularies = vocabularies
        self._cache: dict[str, tuple[dict[str, str], list[tuple[str, str]], str]] = {}

    def __call__(self, listing: Listing, shown_day: date | None = None) -> ListItem:
        event = listing.event
        cached = self._cache.get(listing.entry.id)
        if cached is None:
            cached = (filter_attributes(event, self.vocabularies), tags(event), place_text(event))
            self._cache[listing.entry.id] = cached
        day = shown_day or listing.day
        attributes = {**cached[0], "data-start": day.isoformat()}
        place = cached[2]
        occurrence = listing.occurrence
        if occurrence.session:  # one of the event's sessions: its own place
            place = place_text(event, occurrence)
            attributes["data-attendance"] = " ".join(attendance(event, occurrence))
        return ListItem(listing, day, attributes, cached[1], place)

    def standing(self, entry: EventEntry) -> StandingItem:
        """A group that meets without fixed dates: "Meets: in the school holidays"."""
        event = entry.event
        attributes = filter_attributes(event, self.vocabularies)
        return StandingItem(entry, attributes, tags(event), place_text(event))

    def undated(self, listing: Listing) -> ListItem:
        """An event awaiting a new date: "Was planned for 16 January 2027", and no
        ``data-start``, so a date filter ("this week") leaves it out and the others apply."""
        item = self(listing)
        attributes = {k: v for k, v in item.attributes.items() if k != "data-start"}
        when = f"Was planned for {govuk_date(listing.day)}"
        return ListItem(listing, listing.day, attributes, item.tags, item.place, when)


def series_words(event: Event) -> str:
    """The series in words: "Every Tuesday", "The second Tuesday of each month"."""
    repeat = event.repeat
    assert repeat is not None
    starts = event.first_day
    weekday = (repeat.weekday or WEEKDAYS[starts.weekday()]).capitalize()
    when = TERM_WORDS.get((repeat.term_time_only, repeat.school_holidays_only), "")
    if repeat.frequency == "weekly":
        return f"Every {weekday}{when}"
    if repeat.frequency == "fortnightly":
        return f"Every other {weekday}{when}"
    week: int | str = repeat.week if repeat.week is not None else (starts.day - 1) // 7 + 1
    week = "last" if week == 5 else week
    return f"The {ORDINALS[week]} {weekday} of each month{when}"


#: What ``term_time_only`` and ``school_holidays_only`` add to a series' words.
TERM_WORDS = {(True, False): " in term time", (False, True): " in the school holidays"}


@dataclass(frozen=True)
class EventPage:
    event: Event
    entry: EventEntry
    index: CalendarLinks  # the calendar's folders, today and the site's address
    documents: list[DocumentView]
    consultation: tuple[str, str] | None
    jsonld: str
    vocabularies: Vocabularies
    service: tuple[str, str] | None = None  # (its page, its title): the service that runs it
    feedback: list[Any] = field(default_factory=list)  # rounds gathered at this event
    # Whether the event has its own .ics file: while it is in the feeds (see events.in_feeds).
    calendar_file: bool = True

    @property
    def id(self) -> str:
        return self.event.id

    @property
    def url(self) -> str:
        return f"events/{self.event.id}/"

    @property
    def absolute_url(self) -> str:
        return self.index.absolute_url(self.index.url_path(self.event.id))

    @property
    def past(self) -> bool:
        return self.entry.past

    @property
    def status_label(self) -> str:
        return POSTPONED if self.entry.held else STATUS_LABELS[self.event.status]

    @property
    def planned_for(self) -> str:
        """ "Was planned for 16 January 2027", for an event awaiting a new date."""
        if not self.entry.held:
            return ""
        return f"Was planned for {govuk_date(local_date(self.entry.planned.start))}"

    @property
    def banner(self) -> str:
        return BANNERS.get(self.event.status, "")

    @property
    def tags(self) -> list[tuple[str, str]]:
        return tags(self.event)

    @property
    def next(self) -> Occurrence | None:
        return self.entry.next

    @property
    def first(self) -> Occurrence:
        return self.entry.occurrences[0]

    @property
    def last(self) -> Occurrence:
        return self.entry.occurrences[-1]

    @property
    def sessions(self) -> list[SessionRow]:
        """The rows of the table of sessions (none without ``sessions:``)."""
        return session_rows(self.event, self.entry)

    @property
    def sessions_words(self) -> str:
        return sessions_words(self.entry) if self.event.sessions else ""

    @property
    def sessions_elsewhere(self) -> bool:
        return sessions_elsewhere(self.event)

    @property
    def session_notes(self) -> bool:
        return any(session.note for session in self.event.sessions)

    @property
    def many(self) -> bool:
        """A series or sessions: several dates, in one calendar file."""
        return self.entry.is_series or bool(self.event.sessions)

    @property
    def series_words(self) -> str:
        return series_words(self.event) if self.event.repeat is not None else ""

    @property
    def series_time(self) -> str:
        """The series' time: "4pm to 6pm", "all day", or "time to be confirmed"."""
        words = time_words(self.event, self.first)
        return lower_first(words) if self.first.all_day else words

    def when(self, occurrence: Occurrence) -> str:
        """An occurrence in words (``when_words``)."""
        return when_words(self.event, occurrence)

    @property
    def join_anchor(self) -> str:
        """For a standing entry: where the page says how to join."""
        booking = self.event.booking
        return "booking" if booking and (booking.url or booking.email or booking.phone) else ""

    @property
    def series_range(self) -> str:
        return date_range(local_date(self.first.start), local_date(self.last.start))

    @property
    def upcoming(self) -> list[Occurrence]:
        return self.entry.upcoming[:MAX_DATES_SHOWN]

    @property
    def more_upcoming(self) -> int:
        return max(0, len(self.entry.upcoming) - MAX_DATES_SHOWN)

    @property
    def past_dates(self) -> int:
        return (
            self.entry.over
            if self.entry.held
            else len(self.entry.occurrences) - len(self.entry.upcoming)
        )

    @property
    def skipped_upcoming(self) -> list[date]:
        """The ``except`` dates still to come (not the school holidays a term-time series
        skips: "in term time" says so)."""
        return [day for day in self._excepted if day >= self.index.today]

    @property
    def skipped_past(self) -> list[date]:
        return [day for day in self._excepted if day < self.index.today]

    @property
    def _excepted(self) -> list[date]:
        repeat = self.event.repeat
        if repeat is None or not repeat.by_school_holidays:
            return self.entry.skipped
        listed = set(repeat.except_)
        return [day for day in self.entry.skipped if day in listed]

    def label(self, vocabulary: str, term: str) -> str:
        return self.vocabularies.label(vocabulary, term)

    @property
    def audiences(self) -> list[str]:
        return [self.label("audiences", term) for term in self.event.audiences]

    @property
    def areas(self) -> list[str]:
        return [self.label("areas", term) for term in self.event.areas]

    @property
    def kind(self) -> str:
        return self.label("event_kinds", self.event.kind)

    @property
    def who_for(self) -> str:
        """ "Parents and carers of children aged 3 to 4": the ages are the children's."""
        ages = self.event.ages
        return who_for(
            self.event.audiences,
            lambda term: self.label("audiences", term),
            ages.from_ if ages else None,
            ages.to if ages else None,
        )

    @property
    def who_can_come(self) -> str:
        return WHO_CAN_COME_WORDS[self.event.who_can_come]

    @property
    def provisions(self) -> list[tuple[str, str]]:
        """(term, label) of each access provision, for its icon and its words."""
        return [(term, self.label("provisions", term)) for term in self.event.provisions]

    @property
    def attendance(self) -> list[str]:
        return attendance(self.event)

    @property
    def in_person(self) -> bool:
        """At the event's own place (an event with sessions may have none: each has its own)."""
        return "in-person" in self.attendance and self.event.location is not None

    @property
    def map_url(self) -> str:
        place = self.event.location
        if place is None or (not place.address and not place.postcode):
            return ""  # a venue "confirmed when you join" has nothing to find on a map
        query = place.postcode or ", ".join(p for p in (place.name, place.address) if p)
        return OSM_SEARCH + quote(query)

    @property
    def booking_deadline(self) -> str:
        booking = self.event.booking
        return govuk_date(booking.deadline) if booking and booking.deadline else ""

    @property
    def ics_url(self) -> str:
        return f"events/{self.event.id}/event.ics"

    @property
    def can_add(self) -> bool:
        """Offer "add to calendar" links only for something that will happen."""
        return self.next is not None and self.event.status not in ("cancelled", "postponed")

    @property
    def google_url(self) -> str:
        assert self.next is not None
        return google_link(self.event, self.next, self.absolute_url)

    @property
    def outlook_url(self) -> str:
        assert self.next is not None
        return outlook_link(self.event, self.next, self.absolute_url)


def event_page(
    index: EventIndex,
    entry: EventEntry,
    feedback: list[Any] | None = None,
    links: CalendarLinks | None = None,
    *,
    calendar_file: bool = True,
) -> EventPage:
    """Everything an event page shows. Pass ``index.links`` when making many pages."""
    site = index.site
    links = links or index.links
    event = entry.event
    consultation = None
    if event.consultation and event.consultation in site.consultations:
        consultation = (
            f"consultations/{event.consultation}/",
            site.consultations[event.consultation].title,
        )
    service = None
    if event.service and event.service in site.services:
        service = (f"services/{event.service}/", site.services[event.service].title)
    shown = entry.upcoming or entry.occurrences[-1:]
    page_url = links.absolute_url(f"events/{event.id}/")
    # A standing entry has no date, so it is no schema.org Event: no JSON-LD.
    jsonld = (
        event_jsonld(event, shown, page_url=page_url, vocabularies=site.settings.vocabularies)
        if shown
        else None
    )
    return EventPage(
        event=event,
        entry=entry,
        index=links,
        documents=document_views(site, event.documents, event.title),
        consultation=consultation,
        service=service,
        jsonld=script_json(jsonld) if jsonld is not None else "",
        vocabularies=site.settings.vocabularies,
        feedback=feedback or [],
        calendar_file=calendar_file,
    )


def options(vocabularies: Vocabularies, name: str, used: set[str]) -> list[tuple[str, str]]:
    """(term, label) for the filter, in vocabulary order, for terms some listed event uses."""
    return [
        (term, vocabularies.label(name, term))
        for term in vocabularies.allowed(name)
        if term in used
    ]


def lower_first(label: str) -> str:
    """ "Young people" → "young people", but "SEND staff" stays."""
    if len(label) > 1 and label[1].isupper():
        return label
    return label[:1].lower() + label[1:]
