"""What a site consists of, described without MkDocs: pages to render and files to publish."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from localoffer.core.site import Site


@dataclass(frozen=True)
class PagePlan:
    """A page made from records.

    ``src_uri`` is the page's source path as if it were a Markdown file in the docs folder
    (``consultations/short-breaks.md`` is published at ``/consultations/short-breaks/``).
    ``markdown`` is converted like any page and, when ``sanitise`` is set, cleaned with an
    allowlist afterwards. ``context`` is added to the template's variables.
    """

    src_uri: str
    title: str
    template: str
    markdown: str = ""
    context: Mapping[str, Any] = field(default_factory=dict)
    html_title: str = ""
    description: str = ""
    sanitise: bool = True
    search: bool = True
    #: For a record's page: a digest of everything the page shows (its fields above, and the
    #: digests of the records, settings, files and time that its context is made from), which
    #: changes whenever any of it does. Empty for other pages. It does not cover what the
    #: templates and MkDocs add (template sources, nav, theme): a cache of rendered pages must
    #: add those to it.
    key: str = ""


@dataclass(frozen=True)
class OutputFile:
    """A file published as it is: a feed, a calendar, open data, a redirect page."""

    path: str
    content: bytes


@dataclass(frozen=True)
class EmbedPlan:
    """A live list a content page embeds with ``<!-- localoffer:NAME key=value -->``."""

    template: str
    context: Mapping[str, Any] = field(default_factory=dict)


def keyed(page: PagePlan, key: Hashable) -> PagePlan:
    """``page`` with its ``key``: a digest of ``key`` (what its context is made from: text, or
    a tuple of texts) and of the page's own fields."""
    parts = (
        key if isinstance(key, str) else repr(key),
        page.src_uri,
        page.title,
        page.template,
        page.markdown,
        page.html_title,
        page.description,
        repr((page.sanitise, page.search)),
    )
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8", "surrogatepass")).hexdigest()
    return replace(page, key=digest)


PlanItem = PagePlan | OutputFile
Section = Callable[[Site], Iterable[PlanItem]]
Embed = Callable[[Site, Mapping[str, str]], EmbedPlan]
