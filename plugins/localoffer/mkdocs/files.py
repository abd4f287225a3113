"""Turning the site plan into MkDocs files (``File.generated``), kept out of the nav."""

from __future__ import annotations

import json
import re
from html import escape

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel

from localoffer.plan.model import PagePlan
from localoffer.plan.site_plan import SitePlan

# Characters YAML refuses, or reads as line breaks, that json.dumps(ensure_ascii=False) keeps.
_C1_CONTROLS = re.compile("[\x7f-\x9f\u2028\u2029]")


def page_source(page: PagePlan) -> str:
    """The Markdown MkDocs reads for a planned page: its meta as front matter, then the body.

    The title and description are HTML-escaped here, once for every section: mkdocs-material's
    own templates (the header, ``<meta name="description">``, the search index) print page meta
    as HTML, and only our ``localoffer/`` templates are autoescaped.
    """
    meta: dict[str, object] = {"title": escape(page.title), "template": page.template}
    if page.description:
        meta["description"] = escape(page.description)
    if not page.search:
        meta["search"] = {"exclude": True}
    # JSON is YAML, and json.dumps is much faster than PyYAML's pure-Python emitter.
    front = _C1_CONTROLS.sub(
        lambda m: f"\\u{ord(m.group()):04x}", json.dumps(meta, ensure_ascii=False, sort_keys=True)
    )
    return f"---\n{front}\n---\n\n{page.markdown}"


def add_planned_files(files: Files, config: MkDocsConfig, plan: SitePlan) -> Files:
    for page in plan.pages.values():
        existing = files.get_file_from_path(page.src_uri)
        if existing is not None:
            files.remove(existing)
        files.append(
            File.generated(
                config, page.src_uri, content=page_source(page), inclusion=InclusionLevel.NOT_IN_NAV
            )
        )
    for output in plan.files.values():
        existing = files.get_file_from_path(output.path)
        if existing is not None:
            files.remove(existing)
        files.append(File.generated(config, output.path, content=output.content))
    return files
