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
from datetime import date
from typing import Any

from localoffer.core.models.feedback import FeedbackRound
from localoffer.core.site import Site
from localoffer.plan.event_embed import EMBEDS
from localoffer.plan.event_files import data_files, feed_files, in_feeds
from localoffer.plan.event_index import (
    CalendarLinks,
    EventEntry,
    EventIndex,
    Listing,
    add_days,
    forget,
    group_by_day,
    group_by_month,
    index_of,
    local_date,
    month_label,
)
from localoffer.plan.event_views import ItemMaker, event_page, lower_first, options
from localoffer.plan.feedback_view import newest_first
from localoffer.plan.keys import record_id, site_keys
from localoffer.plan.model import PagePlan, PlanItem, keyed
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
        {
            "key": key,
            "label": month_label(key),
            "url": index.paths.month_url(key),
            "count": len(items),
        }
        for key, items in months.items()
        if key >= this_month
    ]


def _register(index: EventIndex, make: ItemMaker, months: Mapping[str, list[Listing]]) -> PagePlan:
    site = index.site
    vocab = site.settings.vocabularies
    upcoming = index.upcoming()
    listed, covered_to, capped = _window(upcoming, add_days(index.today, WINDOW_DAYS))
    held = index.held()
    standing = index.standing()
    events = {item.event.id: item.event for item in (*listed, *held)}
    events.update((entry.id, entry.event) for entry in standing)
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
            "postponed": [make.undated(item) for item in held],
            "standing": [make.standing(entry) for entry in standing],
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
    held = [make.undated(item) for item in index.held() if item.event.engagement]
    standing = [make.standing(entry) for entry in index.standing() if entry.event.engagement]
    engagement_months = sorted(
        key for key, items in months.items() if any(item.event.engagement for item in items)
    )
    this_month = f"{index.today.year:04d}-{index.today.month:02d}"
    context = {
        "lo_engagement": {
            "months": _grouped(index, make, listed),
            "postponed": held,
            "standing": standing,
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
        page = event_page(index, entry, newest_first(rounds), links, calendar_file=calendar_file)
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
    index = index_of(site)
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
    yield from feed_files(index)
    yield from data_files(index)


__all__ = ["EMBEDS", "forget", "plan"]
