"""How the calendar's lists are cut and grouped: /events/, engagement and the facet pages.

A list shows upcoming occurrences in order, cut at the end of a day once it reaches its cap (a
number of occurrences and about a number of bytes of list items), so that a page stays small
whatever the corpus; the month pages hold everything.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from localoffer.core.site import Site
from localoffer.plan.event_index import (
    EventIndex,
    Listing,
    add_days,
    group_by_day,
    group_by_month,
    month_label,
)
from localoffer.plan.event_views import ItemMaker
from localoffer.present.dates import govuk_date_with_weekday

WINDOW_DAYS = 92  # about three months, so the "next 3 months" filter has something to filter
MAX_LISTED = 400  # occurrences on /events/ (and on /events/engagement/) at most ...
ITEMS_BUDGET = 180_000  # ... and at most about this many bytes of list items: with the page
# around them (about 60 KB with the filter form, the links that stand in for it and many months
# to link), /events/ stays under 300 KB whatever the corpus, even with 120-character titles and
# 300-character summaries. Its filters fetch the rest (event_filter_index.py).
SECTION = "Events"


def html_title(site: Site, title: str) -> str:
    return f"{title} – {SECTION} – {site.settings.site_name}"


def item_cost(item: Listing) -> int:
    """About how many bytes a list item takes in the HTML (calibrated on real pages: the
    markup and attributes around the text are under 450 bytes, escaping adds a little)."""
    event = item.event
    place = event.location.name if event.location is not None else ""
    text = len(event.title.encode()) + len(event.summary.encode()) + len(place.encode())
    terms = sum(len(term) + 1 for term in (*event.audiences, *event.areas)) * 2
    return 450 + 2 * len(item.entry.id) + terms + (text * 11) // 10


def window(
    listings: list[Listing],
    last_day: date,
    *,
    most: int = MAX_LISTED,
    budget: int = ITEMS_BUDGET,
) -> tuple[list[Listing], date, bool]:
    """Listings up to ``last_day``, at most ``most`` and ``budget``, cut at the end of a day.

    Returns the listings, the last day they completely cover, and whether the cap cut them.
    """
    inside = [item for item in listings if item.day <= last_day]
    fits, spent = 0, 0
    for item in inside:
        spent += item_cost(item)
        if fits >= most or spent > budget:
            break
        fits += 1
    if fits == len(inside):
        return inside, last_day, False
    cut_day = inside[fits].day  # the first day that does not fit completely
    kept = [item for item in inside if item.day < cut_day]
    if not kept:  # the first day alone is over the cap: show what fits (the month page has all)
        kept = inside[: max(fits, 1)]
    return kept, add_days(cut_day, -1), True


def grouped(index: EventIndex, make: ItemMaker, listings: list[Listing]) -> list[Any]:
    """Months of days of list items, as ``event-macros.html``'s ``months`` shows them."""
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
