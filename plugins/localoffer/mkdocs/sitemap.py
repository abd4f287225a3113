"""The sitemap, with the pages the plugin renders itself added to MkDocs' own.

MkDocs writes ``sitemap.xml`` (and a gzipped copy) from its own pages only. This renders the
theme's sitemap template again with every page, in MkDocs' order, and gzips it as MkDocs does.
"""

from __future__ import annotations

import gzip
from collections.abc import Sequence
from pathlib import Path
from typing import Any, cast

from jinja2 import Environment, TemplateNotFound
from mkdocs.commands.build import get_context
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation
from mkdocs.utils import get_build_timestamp

TEMPLATE = "sitemap.xml"


class _Entry:
    """What the sitemap template iterates: something with a ``page``."""

    def __init__(self, page: Any) -> None:
        self.page = page


def write_sitemap(
    env: Environment, config: MkDocsConfig, nav: Navigation, pages: Sequence[Any]
) -> bool:
    """Rewrite the sitemap with ``pages`` (MkDocs pages, or anything with a page's
    ``canonical_url``, ``abs_url``, ``update_date`` and ``is_link``); False when the theme has
    none."""
    if TEMPLATE not in config.theme.static_templates:
        return False
    try:
        template = env.get_template(TEMPLATE)
    except TemplateNotFound:
        return False
    context = cast(dict[str, Any], get_context(nav, [], config, base_url="."))
    context["pages"] = [_Entry(page) for page in pages]
    output = template.render(context)
    if not output.strip():
        return False
    path = Path(config.site_dir) / TEMPLATE
    data = output.encode("utf-8")
    path.write_bytes(data)
    with (
        open(f"{path}.gz", "wb") as raw,
        gzip.GzipFile(
            fileobj=raw,
            filename=f"{path}.gz",
            mode="wb",
            mtime=get_build_timestamp(pages=pages),
        ) as compressed,
    ):
        compressed.write(data)
    return True
