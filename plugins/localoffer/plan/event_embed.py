"""The ``engagement-opportunities`` embed: the next few engagement opportunities, on any
content page.

A page can be read days after the build that wrote it (nightly rebuilds put it right), so after
the ``limit`` it shows the embed also writes, hidden, the dates that come next (up to about three
months ahead, at most ``RESERVE_MOST``): lists.js takes the dates that are over off the list and
moves the next ones up, each event once. When the build had to leave some out (``cut``), an
emptied list does not claim that nothing is coming up.
"""

from __future__ import annotations

from collections.abc import Mapping

from localoffer.core.site import Site
from localoffer.plan.event_index import Listing, add_days, index_of
from localoffer.plan.event_views import ItemMaker, lower_first, when_words
from localoffer.plan.model import Embed, EmbedPlan

RESERVE_DAYS = 92  # dates written, hidden, for a page read after the build: about 3 months ...
RESERVE_MOST = 40  # ... and at most this many


def engagement_embed(site: Site, arguments: Mapping[str, str]) -> EmbedPlan:
    """``<!-- localoffer:engagement-opportunities limit=3 audience=young-people -->``."""
    index = index_of(site)
    try:
        limit = max(1, min(50, int(arguments.get("limit", "5"))))
    except ValueError:
        limit = 5
    audience = arguments.get("audience", "")
    vocab = site.settings.vocabularies
    if audience and audience not in vocab.allowed("audiences"):
        audience = ""
    items: list[tuple[Listing, bool]] = []  # each date written, and whether it is shown
    seen: set[str] = set()  # a series is shown once, at its next date
    reserve_to, reserved, cut = add_days(index.today, RESERVE_DAYS), 0, False
    for item in index.upcoming():
        event = item.event
        if not event.engagement or event.status in ("cancelled", "postponed"):
            continue
        if audience and audience not in event.audiences and "everyone" not in event.audiences:
            continue
        if len(seen) < limit and item.entry.id not in seen:
            seen.add(item.entry.id)
            items.append((item, True))
        elif item.day <= reserve_to and reserved < RESERVE_MOST:
            reserved += 1
            items.append((item, False))
        else:
            cut = True
            if len(seen) >= limit:
                break
    site_path = index.site_path
    make = ItemMaker(vocab)
    return EmbedPlan(
        template="localoffer/embeds/engagement-opportunities.html",
        context={
            "lo_embed": {
                "entries": [
                    {
                        "id": item.entry.id,
                        "title": item.event.title,
                        "url": f"{site_path}events/{item.event.id}/",
                        "when": when_words(item.event, item.occurrence),
                        "place": make(item).place,
                        "status": item.event.status,
                        "ends": item.occurrence.end_at.isoformat(),
                        "shown": shown,
                    }
                    for item, shown in items
                ],
                "shown": len(seen),
                "limit": limit,
                "cut": cut,
                "script": f"{site_path}assets/localoffer/lists.js",
                "audience": lower_first(vocab.label("audiences", audience)) if audience else "",
                "all_url": f"{site_path}{index.paths.engagement_url}",
                "calendar_url": f"{site_path}events/engagement.ics",
            }
        },
    )


EMBEDS: dict[str, Embed] = {"engagement-opportunities": engagement_embed}
