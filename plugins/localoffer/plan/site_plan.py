"""The whole site plan: every section's pages and files, and the embeds content pages can use."""

from __future__ import annotations

from dataclasses import dataclass, field

from localoffer.core.site import Site
from localoffer.plan import (
    accessibility,
    admin,
    consultations,
    events,
    feedback,
    follow,
    keys,
    redirects,
    services,
    services_data,
    updated,
)
from localoffer.plan.memo import MEMO, Memo
from localoffer.plan.model import Embed, LazyContext, OutputFile, PagePlan, Section, with_context
from localoffer.plan.stored_parts import StoredParts

SECTIONS: tuple[Section, ...] = (
    consultations.plan,
    events.plan,
    feedback.plan,
    services.plan,
    services_data.plan,
    accessibility.plan,
    admin.plan,
    redirects.plan,
)
EMBEDS: dict[str, Embed] = {
    **consultations.EMBEDS,
    **events.EMBEDS,
    **feedback.EMBEDS,
}


@dataclass
class SitePlan:
    pages: dict[str, PagePlan] = field(default_factory=dict)
    files: dict[str, OutputFile] = field(default_factory=dict)


def plan_site(site: Site, *, keep: bool = True, stored: StoredParts | None = None) -> SitePlan:
    """Every page and file of the site.

    Items made from one record (its page, its ``.ics`` file, its rows of open data) are kept
    in the process's memo between plans and reused while nothing they show has changed
    (``plan/memo.py``), which is what makes a rebuild in ``mkdocs serve`` quick. A one-off
    build can pass ``keep=False``: the same plan, nothing kept (and no memory held for it),
    and ``stored``: the parts of the open data the last build's plan kept on disk, taken where
    nothing they show has changed (``plan/stored_parts.py``; call its ``save`` afterwards).
    """
    result = SitePlan()
    memo = MEMO if keep else Memo(keep=False, stored=stored)
    keys.start(site, memo)  # files may have changed since the last plan, even with one Site
    events.forget()
    memo.begin()
    sources = updated.record_sources(site)
    for section in SECTIONS:
        for item in section(site):
            if isinstance(item, PagePlan):
                source = sources.get(item.src_uri)
                if source is not None:  # a record's page says when its file last changed
                    item = updated.with_updated(site, item, source)
                ways = follow.register_follow(site, item.src_uri)
                if ways is not None:  # a register says how to keep up with it
                    item = with_context(item, {follow.CONTEXT_KEY: ways})
                if keep and isinstance(item.context, LazyContext):
                    item.context.made()  # a kept plan holds its pages' views, not their makers
                result.pages[item.src_uri] = item
            else:
                result.files[item.path] = item
    memo.end()  # keep only what this plan used
    return result
