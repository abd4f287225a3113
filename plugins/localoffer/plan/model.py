"""What a site consists of, described without MkDocs: pages to render and files to publish."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping
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
    #: For a page left out of full-text search (``search=False``): the text of the one compact
    #: entry the search index gives it (``plan/search.py``), when it has one.
    search_text: str = ""
    #: For a record's page: a digest of everything the page shows (its fields above, and the
    #: digests of the records, settings, files and time that its context is made from), which
    #: changes whenever any of it does. Empty for other pages. It does not cover what the
    #: templates and MkDocs add (template sources, nav, theme): a cache of rendered pages must
    #: add those to it.
    key: str = ""


class LazyContext(Mapping[str, Any]):
    """A page's template variables, made when they are first read.

    A record page written from the build cache is never rendered, so the views in its context
    need not be made at all; the pages that are rendered make theirs in the worker process that
    renders them. ``extra`` variables are added to what ``make`` gives. A plan that is kept
    (``mkdocs serve``'s) calls ``made`` on each, so no page holds on to what made it.
    """

    __slots__ = ("_context", "_extra", "_make")

    def __init__(
        self, make: Callable[[], Mapping[str, Any]], extra: Mapping[str, Any] | None = None
    ) -> None:
        self._make: Callable[[], Mapping[str, Any]] | None = make
        self._extra: Mapping[str, Any] = extra or {}
        self._context: dict[str, Any] | None = None

    @property
    def is_made(self) -> bool:
        return self._context is not None

    def made(self) -> dict[str, Any]:
        """The variables (made now if they were not yet)."""
        if self._context is None:
            assert self._make is not None
            context = dict(self._make())
            context.update(self._extra)
            self._context, self._make = context, None
        return self._context

    def adding(self, extra: Mapping[str, Any]) -> Mapping[str, Any]:
        """These variables and ``extra``, still made only when read if they are not yet."""
        if self._context is not None:
            return {**self._context, **extra}
        # Made from this one, so making it makes this one too (and lets go of its maker).
        return LazyContext(self.made, extra)

    def __getitem__(self, name: str) -> Any:
        return self.made()[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self.made())

    def __len__(self) -> int:
        return len(self.made())

    def __repr__(self) -> str:
        return f"LazyContext({self._context!r})" if self._context is not None else "LazyContext(…)"


def with_context(page: PagePlan, extra: Mapping[str, Any]) -> PagePlan:
    """``page`` with more template variables, without making a lazy context's."""
    context = page.context
    if isinstance(context, LazyContext):
        return replace(page, context=context.adding(extra))
    return replace(page, context={**context, **extra})


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
        page.search_text,
    )
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8", "surrogatepass")).hexdigest()
    return replace(page, key=digest)


PlanItem = PagePlan | OutputFile
Section = Callable[[Site], Iterable[PlanItem]]
Embed = Callable[[Site, Mapping[str, str]], EmbedPlan]
