"""The "Last updated" line of each record and content page: when its file last changed (from
git, see ``core/history.py``), a link to the file's history on GitHub, and the same date as
schema.org ``dateModified``."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from datetime import date
from urllib.parse import quote

from localoffer.core.site import Site
from localoffer.export.jsonld import SCHEMA, script_json
from localoffer.plan.model import PagePlan, with_context
from localoffer.present.dates import govuk_date

CONTEXT_KEY = "lo_updated"


@dataclass(frozen=True)
class PageUpdated:
    """What a page's template needs to say when it last changed."""

    day: date
    shown: str  # "3 November 2026"
    history_url: str  # the file's history on GitHub, or ""
    jsonld: str  # a schema.org WebPage with its dateModified, ready for a <script> element

    @property
    def iso(self) -> str:
        return self.day.isoformat()


def page_updated(site: Site, path: str, page_url: str, title: str) -> PageUpdated:
    """The line for the page made from the file at ``path`` (relative to the site folder),
    published at ``page_url`` (a path such as ``/events/forum/``)."""
    history = site.history
    day = history.updated(path)
    in_repository = history.repository_path(path)
    settings = site.settings
    history_url = ""
    if settings.repository and in_repository is not None:
        history_url = (
            f"{settings.repository}/commits/{quote(settings.branch)}/{quote(in_repository)}"
        )
    data = {
        "@context": SCHEMA,
        "@type": "WebPage",
        "name": title,
        "url": settings.base_url + page_url,
        "dateModified": day.isoformat(),
    }
    return PageUpdated(day, govuk_date(day), history_url, script_json(data))


def record_sources(site: Site) -> dict[str, str]:
    """The source file of each record page, by the page's ``src_uri``."""
    sources = {f"consultations/{c.id}.md": c.path for c in site.consultations.values()}
    sources.update({f"events/{e.id}/index.md": e.path for e in site.events.values()})
    sources.update({f"you-said-we-did/{r.id}/index.md": r.path for r in site.feedback.values()})
    return sources


def with_updated(site: Site, page: PagePlan, path: str) -> PagePlan:
    """``page`` with its "Last updated" line, and a key that changes when the date does."""
    updated = page_updated(site, path, "/" + page_url(page.src_uri), page.title)
    key = page.key
    if key:
        key = hashlib.sha256(
            f"{key}\x1f{updated.iso}\x1f{updated.history_url}".encode()
        ).hexdigest()
    return replace(with_context(page, {CONTEXT_KEY: updated}), key=key)


def page_url(src_uri: str) -> str:
    """The directory URL MkDocs gives a page (``events/forum/index.md`` -> ``events/forum/``)."""
    stem = src_uri.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"
