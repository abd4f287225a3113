"""Caching the Markdown conversion of record pages across rebuilds, keyed on content.

``mkdocs serve`` rebuilds the whole site after every edit, with a new plugin instance each
time. Record bodies rarely change between two rebuilds, so their converted (and sanitised) HTML
and table of contents are kept for the life of the process, keyed on the page path, the
Markdown and the Markdown settings. A rebuild after a one-record edit then converts one page.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page


@dataclass(frozen=True)
class Rendered:
    html: str
    toc: Any
    anchors: frozenset[str]


_cache: dict[str, Rendered] = {}
_used: dict[str, Rendered] = {}


def settings_fingerprint(config: MkDocsConfig) -> str:
    settings = {
        "extensions": [str(ext) for ext in config.markdown_extensions],
        "mdx_configs": config.mdx_configs,
        "use_directory_urls": config.use_directory_urls,
    }
    return hashlib.sha256(json.dumps(settings, sort_keys=True, default=str).encode()).hexdigest()


def key_for(page: Page, markdown: str, fingerprint: str) -> str:
    text = f"{fingerprint}\0{page.file.src_uri}\0{markdown}"
    return hashlib.sha256(text.encode()).hexdigest()


def start_build() -> None:
    """Forget entries no page used in the last build, so the cache cannot grow without bound."""
    global _cache, _used
    if _used:
        _cache, _used = _used, {}


def lookup(key: str) -> Rendered | None:
    found = _cache.get(key)
    if found is not None:
        _used[key] = found
    return found


def store(key: str, page: Page, html: str) -> None:
    entry = Rendered(html, page.toc, frozenset(getattr(page, "present_anchor_ids", ()) or ()))
    _cache[key] = entry
    _used[key] = entry


def restore(page: Page, entry: Rendered) -> str:
    page.toc = entry.toc
    page.present_anchor_ids = set(entry.anchors)
    return entry.html
