"""The events section of the site plan (pages, feeds and data files).

Pages (``src_uri`` → URL):

- ``events/index.md`` → ``/events/``: upcoming occurrences by month and day, with filters. To
  stay small whatever the corpus, it lists the next ``WINDOW_DAYS`` days, at most
  ``MAX_LISTED`` occurrences (cut at the end of a day), and links every month page.
- ``events/<id>/index.md`` → ``/events/<id>/``: one event (a series is one page).
- ``events/engagement/index.md`` → ``/events/engagement/``: upcoming engagement opportunities.
- ``events/month/YYYY-MM/index.md`` → ``/events/month/2027-03/``: a table of a month's events,
  for every month that has events, linked to the previous and next such month.
- ``events/past/index.md`` and ``events/past/YYYY/index.md``: past events by year
  (``event_past.py``).
- ``events/audience/<term>/``, ``events/area/<term>/``, ``events/kind/<term>/``: the upcoming
  events of one audience, area or type, which /events/ links for readers without JavaScript
  (``event_facets.py``).

Files: ``events/calendar.ics``, ``events/engagement.ics``, ``events/audience/<term>.ics``,
``events/<id>/event.ics``, ``data/events.json``, ``data/events.csv``,
``data/events.schema.json``, and ``events/upcoming.json``, the occurrences /events/ does not
list, which its filters fetch (``event_filter_index.py``).

These folders (``engagement``, ``past``, ``month``, ``audience``, ``area``, ``kind``) never
move: the checker
makes an event id (or old id) that would take one over an error (``core/rules/reserved.py``).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date
from typing import Any

from localoffer.core.models.feedback import FeedbackRound
from localoffer.core.site import Site
from localoffer.plan.event_embed import EMBEDS
from localoffer.plan.event_facets import facet_links, facet_pages
from localoffer.plan.event_files import data_files, feed_files, in_feeds
from localoffer.plan.event_filter_index import PATH as FILTER_INDEX_PATH
from localoffer.plan.event_filter_index import filter_index
from localoffer.plan.event_index import (
    CalendarLinks,
    EventEntry,
    EventIndex,
    Listing,
    add_days,
    forget,
    index_of,
    month_label,
)
from localoffer.plan.event_lists import SECTION, WINDOW_DAYS, grouped, html_title, window
from localoffer.plan.event_past import past_pages
from localoffer.plan.event_views import ItemMaker, event_page, lower_first, options
from localoffer.plan.feedback_view import newest_first
from localoffer.plan.keys import record_id, site_keys
from localoffer.plan.model import LazyContext, OutputFile, PagePlan, PlanItem, keyed
from localoffer.present.dates import govuk_date_with_weekday


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


def _register(
    index: EventIndex, make: ItemMaker, months: Mapping[str, list[Listing]]
) -> tuple[PagePlan, OutputFile]:
    """/events/, and the index of the upcoming occurrences it does not list, which its filters
    fetch (``event_filter_index.py``): so its filters offer every term an upcoming event has."""
    site = index.site
    vocab = site.settings.vocabularies
    upcoming = index.upcoming()
    listed, covered_to, capped = window(upcoming, add_days(index.today, WINDOW_DAYS))
    held = index.held()
    standing = index.standing()
    events = {item.entry.id: item.event for item in (*upcoming, *held)}
    events.update((entry.id, entry.event) for entry in standing)
    used = {
        "audiences": {t for e in events.values() for t in e.audiences},
        "areas": {t for e in events.values() for t in e.areas},
        "event_kinds": {e.kind for e in events.values()},
        "provisions": {t for e in events.values() for t in e.provisions},
    }
    if "everyone" in used["audiences"]:
        used["audiences"] |= set(vocab.allowed("audiences"))
    filters = {
        "audience": options(vocab, "audiences", used["audiences"]),
        "area": options(vocab, "areas", used["areas"]),
        "kind": options(vocab, "event_kinds", used["event_kinds"]),
        "access": options(vocab, "provisions", used["provisions"]),
    }
    context = {
        "lo_events": {
            "months": grouped(index, make, listed),
            "postponed": [make.undated(item) for item in held],
            "standing": [make.standing(entry) for entry in standing],
            "listed": len(listed),
            "upcoming": len(upcoming),
            "more": len(upcoming) - len(listed),
            "covered_to": govuk_date_with_weekday(covered_to),
            "capped": capped,
            "audiences": filters["audience"],
            "areas": filters["area"],
            "kinds": filters["kind"],
            "provisions": filters["access"],
            "facets": facet_links(filters),
            "filter_index": FILTER_INDEX_PATH if len(upcoming) > len(listed) else "",
            "month_links": _upcoming_months(index, months),
            "paths": index.paths,
            "feeds": _feeds(index),
            "base_url": site.settings.base_url,
        }
    }
    page = PagePlan(
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
    return page, filter_index(index, make, upcoming[len(listed) :], covered_to)


def _engagement(
    index: EventIndex, make: ItemMaker, months: Mapping[str, list[Listing]]
) -> PagePlan:
    site = index.site
    upcoming = [item for item in index.upcoming() if item.event.engagement]
    # No date window here: the cap alone keeps the page small.
    listed, covered_to, capped = window(upcoming, date.max)
    held = [make.undated(item) for item in index.held() if item.event.engagement]
    standing = [make.standing(entry) for entry in index.standing() if entry.event.engagement]
    engagement_months = sorted(
        key for key, items in months.items() if any(item.event.engagement for item in items)
    )
    this_month = f"{index.today.year:04d}-{index.today.month:02d}"
    context = {
        "lo_engagement": {
            "months": grouped(index, make, listed),
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
        html_title=html_title(site, title),
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
            memo_key: str = memo_key,
        ) -> PagePlan:
            # What the memo keys it on is all the page shows, so the build cache can keep it.
            return keyed(_month_page(index, make, key, previous, following, listed), memo_key)

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
        html_title=html_title(index.site, label),
        description=f"Every event in {label}, day by day.",
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
        keys.ref(site.services, event.service),
        tuple(sorted(f"{record_id(r)}:{keys.digest(r)}" for r in rounds)),
        keys.files(event.documents) if event.documents else "",
        keys.settings,
        keys.today,
    )

    def make() -> PagePlan:
        def context() -> dict[str, Any]:
            ordered = newest_first(rounds)
            view = event_page(index, entry, ordered, links, calendar_file=calendar_file)
            return {"lo_event": view}

        plan = PagePlan(
            src_uri=f"events/{entry.id}/index.md",
            title=event.title,
            template="localoffer/event.html",
            markdown=event.body,
            context=LazyContext(context),
            html_title=html_title(site, event.title),
            description=event.summary,
            search=False,  # found through a compact entry instead (plan/search.py)
        )
        return keyed(plan, key)

    return keys.memo.get("event-page", entry.id, key, make)


def plan(site: Site) -> Iterator[PlanItem]:
    index = index_of(site)
    make = ItemMaker(site.settings.vocabularies)
    months = index.months()
    yield from _register(index, make, months)
    gathered: dict[str, list[FeedbackRound]] = {}
    for feedback_round in site.feedback.values():
        if feedback_round.event:
            gathered.setdefault(feedback_round.event, []).append(feedback_round)
    links = index.links
    for entry in index.entries.values():
        yield _event_page(index, links, entry, gathered.get(entry.id, []))
    yield _engagement(index, make, months)
    yield from _month_pages(index, make, months)
    yield from facet_pages(index, make, months)
    yield from past_pages(index, months)
    yield from feed_files(index)
    yield from data_files(index)


__all__ = ["EMBEDS", "forget", "plan"]
