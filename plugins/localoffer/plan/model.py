"""What a site consists of, described without MkDocs: pages to render and files to publish."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
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


PlanItem = PagePlan | OutputFile
Section = Callable[[Site], Iterable[PlanItem]]
Embed = Callable[[Site, Mapping[str, str]], EmbedPlan]
