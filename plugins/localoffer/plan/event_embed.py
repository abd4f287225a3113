"""The ``engagement-opportunities`` embed: the next few engagement opportunities, on any
content page."""

from __future__ import annotations

from collections.abc import Mapping

from localoffer.core.site import Site
from localoffer.plan.event_index import index_of
from localoffer.plan.event_views import ItemMaker, lower_first, when_words
from localoffer.plan.model import Embed, EmbedPlan


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
    items = []
    seen: set[str] = set()  # a series is listed once, at its next date
    for item in index.upcoming():
        event = item.event
        if item.entry.id in seen:
            continue
        if not event.engagement or event.status in ("cancelled", "postponed"):
            continue
        if audience and audience not in event.audiences and "everyone" not in event.audiences:
            continue
        seen.add(item.entry.id)
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
                        "when": when_words(item.event, item.occurrence),
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
