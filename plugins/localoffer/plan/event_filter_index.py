"""``events/upcoming.json``: the upcoming occurrences that /events/ does not list, for its filters.

/events/ lists about three months (``event_lists.WINDOW_DAYS``, capped); its filters must see
every upcoming event. When a reader first uses a filter, ``filters.js`` fetches this file and
adds its occurrences to the list, drawn as the page draws its own, so that a search finds an
event in a year's time as it finds one this week. The page and this file together hold every
upcoming occurrence as of the build.

It is compact: each event once (its title, summary, place, tags and filter terms: the
``data-*`` attributes of ``event_views.filter_attributes`` without their prefix; once per place
for an event whose sessions are in several), each distinct time once, and the occurrences by
month and day as ``[event, time, ends]``: positions in those lists and the moment the
occurrence is over (``data-lo-ends``, for lists.js)::

    {"after": "2027-02-22", "count": 2,
     "events": [{"u": "co-production-training/", "t": "…", "s": "…", "p": "…",
                 "g": [["engagement", "Engagement opportunity"]], "d": {"kind": "training"}}],
     "times": ["10am to 3pm"],
     "months": [{"k": "2027-03", "l": "March 2027",
                 "days": [["2027-03-04", "Thursday 4 March 2027",
                           [[0, 0, "2027-03-04T15:00:00+00:00"]]]]}]}

``u`` is the event page's address relative to this file. Text is text: the script puts it in
the page as text, never as HTML.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from localoffer.plan.event_index import (
    EventIndex,
    Listing,
    group_by_day,
    group_by_month,
    month_label,
)
from localoffer.plan.event_views import ItemMaker
from localoffer.plan.model import OutputFile
from localoffer.present.dates import govuk_date_with_weekday

PATH = "events/upcoming.json"


def filter_index(
    index: EventIndex, make: ItemMaker, later: list[Listing], after: date
) -> OutputFile:
    """The occurrences in ``later`` (those after ``after``, the last day /events/ lists)."""
    events: list[dict[str, Any]] = []
    positions: dict[tuple[str, str, str], int] = {}
    times: list[str] = []
    time_positions: dict[str, int] = {}
    months = []
    for key, days in group_by_month(group_by_day(later, index.today)):
        shown_days = []
        for day, items in days:
            pairs = []
            for listing in items:
                item = make(listing, day)
                event_id = listing.entry.id
                # An event once, or once per place for one whose sessions are in several.
                which = (event_id, item.place, item.attributes.get("data-attendance", ""))
                if which not in positions:
                    positions[which] = len(events)
                    data = {
                        name.removeprefix("data-"): value
                        for name, value in item.attributes.items()
                        if name != "data-start"
                    }
                    events.append(
                        {
                            "u": f"{event_id}/",
                            "t": item.event.title,
                            "s": item.event.summary,
                            "p": item.place,
                            "g": [list(tag) for tag in item.tags],
                            "d": data,
                        }
                    )
                time = item.time
                if time not in time_positions:
                    time_positions[time] = len(times)
                    times.append(time)
                pairs.append([positions[which], time_positions[time], item.ends])
            shown_days.append([day.isoformat(), govuk_date_with_weekday(day), pairs])
        months.append({"k": key, "l": month_label(key), "days": shown_days})
    document = {
        "after": after.isoformat(),
        "count": len(later),
        "events": events,
        "times": times,
        "months": months,
    }
    text = json.dumps(document, ensure_ascii=False, separators=(",", ":"))
    return OutputFile(PATH, (text + "\n").encode("utf-8"))
