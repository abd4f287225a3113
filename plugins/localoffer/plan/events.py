"""The events section of the site plan (pages, feeds and data files).

Pages (``src_uri`` → URL):

- ``events/index.md`` → ``/events/``: upcoming occurrences by month and day, with filters. To
  stay small whatever the corpus, it lists the next ``WINDOW_DAYS`` days, at most
  ``MAX_LISTED`` occurrences (cut at the end of a day), and links every month page.
- ``events/<id>/index.md`` → ``/events/<id>/``: one event (a series is one page).
- ``events/engagement/index.md`` → ``/events/engagement/``: upcoming engagement opportunities.
- ``events/month/YYYY-MM/index.md`` → ``/events/month/2027-03/``: a table of a month's events,
  for every month that has events, linked to the previous and next such month.
- ``events/past/index.md`` and ``events/past/YYYY/index.md``: past events by year.

Files: ``events/calendar.ics``, ``events/engagement.ics``, ``events/audience/<term>.ics``,
``events/<id>/event.ics``, ``data/events.json``, ``data/events.csv`` and
``data/events.schema.json``.

These folders (``engagement``, ``past``, ``month``, ``audience``) never move: the checker
makes an event id (or old id) that would take one over an error (``core/rules/reserved.py``).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from localoffer.core.models.feedback import FeedbackRound
from localoffer.core.site import Site
from localoffer.export.data import csv_document
from localoffer.export.events_data import (
    CSV_HEADER,
    CSV_PATH,
    JSON_PATH,
    SCHEMA_PATH,
    EventRecord,
    event_parts,
    events_json_from_lines,
    events_schema_json,
)
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
from localoffer.plan.event_index import (
    CalendarLinks,
    EventEntry,
    EventIndex,
    Listing,
    add_days,
    group_by_day,
    group_by_month,
    local_date,
    month_label,
)
from localoffer.plan.event_views import ItemMaker, event_page, lower_first, options
from localoffer.plan.feedback_view import newest_first
from localoffer.plan.keys import SiteKeys, record_id, site_keys
from localoffer.plan.model import Embed, EmbedPlan, OutputFile, PagePlan, PlanItem, keyed
from localoffer.present.dates import govuk_date, govuk_date_with_weekday

WINDOW_DAYS = 92  # about three months, so the "next 3 months" filter has something to filter
MAX_LISTED = 400  # occurrences on /events/ (and on /events/engagement/) at most ...
ITEMS_BUDGET = 220_000  # ... and at most about this many bytes of list items: with the page
# around them (about 35 KB, more with many months to link), /events/ stays under 300 KB
# whatever the corpus, even with 120-character titles and 300-character summaries.
SECTION = "Events"


def _html_title(site: Site, title: str) -> str:
    return f"{title} – {SECTION} – {site.settings.site_name}"


def item_cost(item: Listing) -> int:
    """About how many bytes a list item takes in the HTML (calibrated on real pages: the
    markup and attributes around the text are under 450 bytes, escaping adds a little)."""
    event = item.event
    place = event.location.name if event.location is not None else ""
    text = len(event.title.encode()) + len(event.summary.encode()) + len(place.encode())
    terms = sum(len(term) + 1 for term in (*event.audiences, *event.areas)) * 2
    return 450 + 2 * len(item.entry.id) + terms + (text * 11) // 10


def _window(listings: list[Listing], last_day: date) -> tuple[list[Listing], date, bool]:
    """Listings up to ``last_day``, at most MAX_LISTED and ITEMS_BUDGET, cut at the end of a day.

    Returns the listings, the last day they completely cover, and whether the cap cut them.
    """
    inside = [item for item in listings if item.day <= last_day]
    fits, spent = 0, 0
    for item in inside:
        spent += item_cost(item)
        if fits >= MAX_LISTED or spent > ITEMS_BUDGET:
            break
        fits += 1
    if fits == len(inside):
        return inside, last_day, False
    cut_day = inside[fits].day  # the first day that does not fit completely
    kept = [item for item in inside if item.day < cut_day]
    if not kept:  # the first day alone is over the cap: show what fits (the month page has all)
        kept = inside[: max(fits, 1)]
    return kept, add_days(cut_day, -1), True


def _grouped(index: EventIndex, make: ItemMaker, listings: list[Listing]) -> list[Any]:
    today = index.today
    days = group_by_day(listings, today)
    result = []
    for key, month_days in group_by_month(days):
        result.append(
            {
                "key": key,
                "label": month_label(key),
                "days": [
                    {
                        "date": day,
                        "label": govuk_date_with_weekday(day),
                        "entries": [make(item, max(item.day, today)) for item in items],
                    }
                    for day, items in month_days
                ],
            }
        )
    return result


def _feeds(index: EventIndex) -> list[dict[str, str]]:
    site = index.site
    vocab = site.settings.vocabularies
    feeds = [
        {"url": "events/calendar.ics", "label": "all events"},
        {"url": "events/engagement.ics", "label": "engagement opportunities"},
    ]
    for term in vocab.allowed("audiences"):
        label = lower_first(vocab.label("audiences", term))
        feeds.append({"url": index.paths.audience_feed(term), "label": f"events for {label}"})
    return feeds


def _upcoming_months(index: EventIndex, months: Mapping[str, list[Listing]]) -> list[Any]:
    this_month = f"{index.today.year:04d}-{index.today.month:02d}"
    return [
        {"key": key, "label": month_label(key), "url": index.paths.month_url(key),
         "count": len(items)}
        for key, items in months.items()
        if key >= this_month
    ]


def _register(index: EventIndex, make: ItemMaker, months: Mapping[str, list[Listing]]) -> PagePlan:
    site = index.site
    vocab = site.settings.vocabularies
    upcoming = index.upcoming()
    listed, covered_to, capped = _window(upcoming, add_days(index.today, WINDOW_DAYS))
    events = {item.event.id: item.event for item in listed}
    used = {
        "audiences": {t for e in events.values() for t in e.audiences},
        "areas": {t for e in events.values() for t in e.areas},
        "event_kinds": {e.kind for e in events.values()},
    }
    if "everyone" in used["audiences"]:
        used["audiences"] |= set(vocab.allowed("audiences"))
    context = {
        "lo_events": {
            "months": _grouped(index, make, listed),
            "listed": len(listed),
            "upcoming": len(upcoming),
            "more": len(upcoming) - len(listed),
            "covered_to": govuk_date_with_weekday(covered_to),
            "capped": capped,
            "audiences": options(vocab, "audiences", used["audiences"]),
            "areas": options(vocab, "areas", used["areas"]),
            "kinds": options(vocab, "event_kinds", used["event_kinds"]),
            "month_links": _upcoming_months(index, months),
            "paths": index.paths,
            "feeds": _feeds(index),
            "base_url": site.settings.base_url,
        }
    }
    return PagePlan(
        src_uri="events/index.md",
        title=SECTION,
        template="localoffer/events.html",
        context=context,
        html_title=f"{SECTION} – {site.settings.site_name}",
        description=(
            "Events for children and young people with SEND and their families, with "
            "engagement opportunities: chances to give your views and help shape services."
        ),
    )


def _engagement(
    index: EventIndex, make: ItemMaker, months: Mapping[str, list[Listing]]
) -> PagePlan:
    site = index.site
    upcoming = [item for item in index.upcoming() if item.event.engagement]
    # No date window here: the cap alone keeps the page small.
    listed, covered_to, capped = _window(upcoming, date.max)
    engagement_months = sorted(
        key for key, items in months.items() if any(item.event.engagement for item in items)
    )
    this_month = f"{index.today.year:04d}-{index.today.month:02d}"
    context = {
        "lo_engagement": {
            "months": _grouped(index, make, listed),
            "listed": len(listed),
            "more": len(upcoming) - len(listed),
            "capped": capped,
            "covered_to": govuk_date_with_weekday(covered_to) if capped else "",
            "month_links": [
                {"label": month_label(key), "url": index.paths.month_url(key)}
                for key in engagement_months
                if key >= this_month
            ],
            "paths": index.paths,
            "base_url": site.settings.base_url,
        }
    }
    title = "Engagement opportunities"
    return PagePlan(
        src_uri=f"{index.paths.engagement_url}index.md",
        title=title,
        template="localoffer/events-engagement.html",
        context=context,
        html_title=_html_title(site, title),
        description=(
            "Chances for children, young people and families to give their views and help "
            "shape SEND services: forums, drop-ins, workshops and Young Inspectors."
        ),
    )


def _month_pages(
    index: EventIndex, make: ItemMaker, months: Mapping[str, list[Listing]]
) -> Iterator[PagePlan]:
    site = index.site
    keys = site_keys(site)
    month_keys = list(months)
    this_month = f"{index.today.year:04d}-{index.today.month:02d}"
    for position, key in enumerate(month_keys):
        previous = month_keys[position - 1] if position > 0 else None
        following = month_keys[position + 1] if position + 1 < len(month_keys) else None
        listed = months[key]
        # A month's table shows its events (their occurrences that month, titles, places...),
        # the months either side, whether it is over, and the settings; its rows hold the
        # events' entries, so the key has which of their occurrences are over too.
        shown = {item.entry.id: item.entry.event for item in listed}
        memo_key = "|".join(
            (
                f"{previous}<{key}>{following}",
                str(key < this_month),
                ",".join(keys.event_time(event) for event in shown.values()),
                keys.settings,
            )
        )

        def page(
            key: str = key,
            previous: str | None = previous,
            following: str | None = following,
            listed: list[Listing] = listed,
        ) -> PagePlan:
            return _month_page(index, make, key, previous, following, listed)

        yield keys.memo.get("month-page", key, memo_key, page)


def _month_page(
    index: EventIndex,
    make: ItemMaker,
    key: str,
    previous: str | None,
    following: str | None,
    listed: list[Listing],
) -> PagePlan:
    label = month_label(key)
    rows = [make(item) for item in listed]
    context = {
        "lo_month": {
            "key": key,
            "label": label,
            "rows": rows,
            "engagement_count": sum(1 for row in rows if row.event.engagement),
            "previous": (
                {"label": month_label(previous), "url": index.paths.month_url(previous)}
                if previous
                else None
            ),
            "next": (
                {"label": month_label(following), "url": index.paths.month_url(following)}
                if following
                else None
            ),
            "past_url": index.paths.past_url(int(key[:4])),
            "is_past": key < f"{index.today.year:04d}-{index.today.month:02d}",
            "paths": index.paths,
        }
    }
    return PagePlan(
        src_uri=f"{index.paths.month_url(key)}index.md",
        title=f"Events in {label}",
        template="localoffer/events-month.html",
        context=context,
        html_title=_html_title(index.site, label),
        description=f"Every event in {label}, day by day.",
        search=False,
    )


def _past_pages(index: EventIndex, months: Mapping[str, list[Listing]]) -> Iterator[PagePlan]:
    site = index.site
    by_year: dict[int, list[Any]] = {}
    for entry in index.past_entries():
        last = entry.occurrences[-1] if entry.occurrences else None
        if last is None:
            continue
        by_year.setdefault(local_date(last.end).year, []).append(entry)
    years = sorted(by_year, reverse=True)
    month_years: dict[int, list[dict[str, str]]] = {}
    for key in months:
        month_years.setdefault(int(key[:4]), []).append(
            {"label": month_label(key), "url": index.paths.month_url(key)}
        )
    yield PagePlan(
        src_uri=f"{index.paths.past_url()}index.md",
        title="Past events",
        template="localoffer/events-past.html",
        context={
            "lo_past": {
                "years": [
                    {"year": year, "count": len(by_year[year]), "url": index.paths.past_url(year)}
                    for year in years
                ],
                "paths": index.paths,
            }
        },
        html_title=_html_title(site, "Past events"),
        description="Events that have happened, by year, with notes and documents.",
        search=False,
    )
    keys = site_keys(site)
    for position, year in enumerate(years):
        newer = years[position - 1] if position > 0 else None
        older = years[position + 1] if position + 1 < len(years) else None
        # A year's page shows the events that ended that year (which, depends on "now"), the
        # year's months, the years either side, and the settings (and holds their entries).
        memo_key = "|".join(
            (
                f"{newer}<{year}>{older}",
                ",".join(month["url"] for month in month_years.get(year, [])),
                ",".join(keys.event_time(entry.event) for entry in by_year[year]),
                keys.settings,
            )
        )

        def page(
            year: int = year, newer: int | None = newer, older: int | None = older
        ) -> PagePlan:
            return _past_year(index, year, by_year[year], month_years.get(year, []), newer, older)

        yield keys.memo.get("past-year-page", str(year), memo_key, page)


def _past_year(
    index: EventIndex,
    year: int,
    past: list[EventEntry],
    months: list[dict[str, str]],
    newer: int | None,
    older: int | None,
) -> PagePlan:
    entries = sorted(past, key=lambda e: (e.occurrences[-1].start_at, e.event.title), reverse=True)
    groups: dict[str, list[dict[str, Any]]] = {}
    for entry in entries:
        first, last = entry.occurrences[0], entry.occurrences[-1]
        key = f"{local_date(last.start):%Y-%m}"
        groups.setdefault(key, []).append(
            {
                "entry": entry,
                "url": f"events/{entry.id}/",
                "when": (
                    govuk_date(local_date(last.start))
                    if len(entry.occurrences) == 1
                    else f"{len(entry.occurrences)} dates, "
                    f"{govuk_date(local_date(first.start))} to "
                    f"{govuk_date(local_date(last.start))}"
                ),
                "documents": len(entry.event.documents),
            }
        )
    return PagePlan(
        src_uri=f"{index.paths.past_url(year)}index.md",
        title=f"Past events in {year}",
        template="localoffer/events-past-year.html",
        context={
            "lo_past_year": {
                "year": year,
                "groups": [
                    {"label": month_label(key), "entries": items} for key, items in groups.items()
                ],
                "months": months,
                "newer": newer,
                "older": older,
                "paths": index.paths,
            }
        },
        html_title=_html_title(index.site, f"Past events in {year}"),
        description=f"Events that happened in {year}, with notes and documents.",
        search=False,
    )


@dataclass(frozen=True)
class EventCalendar:
    """An event's VEVENT, and its own ``.ics`` file around the DTSTAMP line."""

    vevent: VEventBytes
    file_head: bytes
    file_tail: bytes


def _event_calendar(keys: SiteKeys, context: CalendarContext, entry: EventEntry) -> EventCalendar:
    """Kept between builds: it shows the record, the site's address and vocabularies, and of
    "now" only the DTSTAMP, which is left out (``VEventBytes``)."""

    def make() -> EventCalendar:
        vevent = vevent_bytes(entry.event, context, entry.occurrences, entry.skipped)
        head = calendar_head(entry.event.title) + vevent.head
        return EventCalendar(vevent, head, vevent.tail + CALENDAR_END)

    key = (keys.digest(entry.event), keys.settings)
    return keys.memo.get("event-ics", entry.id, key, make)


def in_feeds(entry: EventEntry, now: datetime) -> bool:
    """Events stay in the calendar feeds, and keep their own calendar file, until three months
    after they end."""
    cutoff = months_before(now, 3)
    return bool(entry.occurrences) and entry.occurrences[-1].end_at >= cutoff


def _feed_files(index: EventIndex) -> Iterator[OutputFile]:
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
        yield OutputFile(
            f"events/{entry.id}/event.ics", calendar.file_head + stamp + calendar.file_tail
        )


def _data_files(index: EventIndex) -> Iterator[OutputFile]:
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


def _event_page(
    index: EventIndex, links: CalendarLinks, entry: EventEntry, rounds: list[FeedbackRound]
) -> PagePlan:
    """An event's page, kept between builds while nothing it shows changes: the event, the
    consultation it names, the rounds gathered at it, its documents' files, which of its
    occurrences are over, whether it has its own calendar file, today (its skipped dates) and
    the settings."""
    site = index.site
    keys = site_keys(site)
    event = entry.event
    calendar_file = in_feeds(entry, site.now)
    key = (
        calendar_file,
        keys.event_time(event),
        keys.ref(site.consultations, event.consultation),
        tuple(sorted(f"{record_id(r)}:{keys.digest(r)}" for r in rounds)),
        keys.files(event.documents) if event.documents else "",
        keys.settings,
        keys.today,
    )

    def make() -> PagePlan:
        page = event_page(
            index, entry, newest_first(rounds), links, calendar_file=calendar_file
        )
        plan = PagePlan(
            src_uri=f"events/{entry.id}/index.md",
            title=event.title,
            template="localoffer/event.html",
            markdown=event.body,
            context={"lo_event": page},
            html_title=_html_title(site, event.title),
            description=event.summary,
            search=False,  # found through a compact entry instead (plan/search.py)
        )
        return keyed(plan, key)

    return keys.memo.get("event-page", entry.id, key, make)


def plan(site: Site) -> Iterator[PlanItem]:
    index = _index(site)
    make = ItemMaker(site.settings.vocabularies)
    months = index.months()
    yield _register(index, make, months)
    gathered: dict[str, list[FeedbackRound]] = {}
    for feedback_round in site.feedback.values():
        if feedback_round.event:
            gathered.setdefault(feedback_round.event, []).append(feedback_round)
    links = index.links
    for entry in index.entries.values():
        yield _event_page(index, links, entry, gathered.get(entry.id, []))
    yield _engagement(index, make, months)
    yield from _month_pages(index, make, months)
    yield from _past_pages(index, months)
    yield from _feed_files(index)
    yield from _data_files(index)


_CACHE: dict[int, EventIndex] = {}


def forget() -> None:
    """A new plan begins: build the index again (from the memo), so that the memo sees its
    entries used."""
    _CACHE.clear()


def _index(site: Site) -> EventIndex:
    """One index per loaded site (the embed asks for it once per content page)."""
    cached = _CACHE.get(id(site))
    if cached is None or cached.site is not site:
        _CACHE.clear()
        cached = _CACHE[id(site)] = EventIndex.build(site)
    return cached


def engagement_embed(site: Site, arguments: Mapping[str, str]) -> EmbedPlan:
    """``<!-- localoffer:engagement-opportunities limit=3 audience=young-people -->``."""
    index = _index(site)
    try:
        limit = max(1, min(50, int(arguments.get("limit", "5"))))
    except ValueError:
        limit = 5
    audience = arguments.get("audience", "")
    vocab = site.settings.vocabularies
    if audience and audience not in vocab.allowed("audiences"):
        audience = ""
    items = []
    for item in index.upcoming():
        event = item.event
        if not event.engagement or event.status in ("cancelled", "postponed"):
            continue
        if audience and audience not in event.audiences and "everyone" not in event.audiences:
            continue
        items.append(item)
        if len(items) >= limit:
            break
    site_path = index.site_path
    return EmbedPlan(
        template="localoffer/embeds/engagement-opportunities.html",
        context={
            "lo_embed": {
                "entries": [
                    {
                        "title": item.event.title,
                        "url": f"{site_path}events/{item.event.id}/",
                        "when": item.occurrence,
                        "place": ItemMaker(vocab)(item).place,
                        "status": item.event.status,
                    }
                    for item in items
                ],
                "audience": lower_first(vocab.label("audiences", audience)) if audience else "",
                "all_url": f"{site_path}{index.paths.engagement_url}",
                "calendar_url": f"{site_path}events/engagement.ics",
            }
        },
    )


EMBEDS: dict[str, Embed] = {"engagement-opportunities": engagement_embed}
