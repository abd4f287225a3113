"""Turning the site plan into MkDocs files, kept out of the nav.

Pages MkDocs renders (``File.generated``, with their meta as front matter) are those in the nav
or searched in full; every other planned page is a ``PlannedPageFile`` the plugin renders
itself (``direct_pages``). Published files (feeds, calendars, open data) are generated files.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from html import escape
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel

from localoffer.mkdocs.direct_pages import PlannedPageFile
from localoffer.plan.model import PagePlan
from localoffer.plan.site_plan import SitePlan

# Characters YAML refuses, or reads as line breaks, that json.dumps(ensure_ascii=False) keeps.
_C1_CONTROLS = re.compile("[\x7f-\x9f\u2028\u2029]")


def page_meta(page: PagePlan) -> dict[str, Any]:
    """A planned page's meta, as MkDocs reads it from front matter.

    The title and description are HTML-escaped here, once for every section: mkdocs-material's
    own templates (the header, ``<meta name="description">``, the search index) print page meta
    as HTML, and only our ``localoffer/`` templates are autoescaped.
    """
    meta: dict[str, Any] = {"title": escape(page.title), "template": page.template}
    if page.description:
        meta["description"] = escape(page.description)
    if not page.search:
        meta["search"] = {"exclude": True}
    return meta


def page_source(page: PagePlan) -> str:
    """The Markdown MkDocs reads for a planned page: its meta as front matter, then the body."""
    # JSON is YAML, and json.dumps is much faster than PyYAML's pure-Python emitter.
    front = _C1_CONTROLS.sub(
        lambda m: f"\\u{ord(m.group()):04x}",
        json.dumps(page_meta(page), ensure_ascii=False, sort_keys=True),
    )
    return f"---\n{front}\n---\n\n{page.markdown}"


class PlannedOutputFile(File):
    """A published file (feed, calendar, open data), not written when it already holds the same.

    ``unchanged(path, digest)`` says whether the output folder already holds it (while
    serving, see ``kept_output``).
    """

    unchanged: Callable[[str, str], bool]

    def copy_file(self, dirty: bool = False) -> None:
        content = self.content_bytes
        if not self.unchanged(self.dest_uri, hashlib.blake2b(content, digest_size=20).hexdigest()):
            super().copy_file(dirty)


def add_planned_files(
    files: Files,
    config: MkDocsConfig,
    plan: SitePlan,
    direct: Callable[[PagePlan], bool],
    unchanged: Callable[[str, str], bool] | None = None,
) -> list[PlannedPageFile]:
    """Add the plan's pages and files to ``files``; return the pages the plugin renders.

    With ``unchanged`` (while serving), published files already in the output are not written.
    """
    planned: list[PlannedPageFile] = []
    for page in plan.pages.values():
        _remove(files, page.src_uri)
        if direct(page):
            file = PlannedPageFile.planned(config, page)
            planned.append(file)
            files.append(file)
        else:
            files.append(
                File.generated(
                    config,
                    page.src_uri,
                    content=page_source(page),
                    inclusion=InclusionLevel.NOT_IN_NAV,
                )
            )
    for output in plan.files.values():
        _remove(files, output.path)
        if unchanged is None:
            files.append(File.generated(config, output.path, content=output.content))
        else:
            published = PlannedOutputFile.generated(config, output.path, content=output.content)
            assert isinstance(published, PlannedOutputFile)
            published.unchanged = unchanged
            files.append(published)
    return planned


def _remove(files: Files, path: str) -> None:
    existing = files.get_file_from_path(path)
    if existing is not None:
        files.remove(existing)
