"""Whole record pages kept across ``mkdocs serve`` rebuilds, keyed on what they show.

``mkdocs serve`` rebuilds the whole site after every edit. A record page's HTML depends on what
the plan says it shows (``PagePlan.key``: its records, "today", the settings, its Markdown) and
on what every page shares: the templates, the site's configuration and the nav
(``fingerprint``). A page whose Markdown has a relative link also depends on which files exist
(MkDocs resolves and checks the link), so such pages are always rendered (``links_to_files``).
When nothing a page depends on changed, the page from the last build is written again instead
of being rendered. Only pages used by the last build are kept, so the cache holds one site at
most; it is used only while serving, where it saves most of a rebuild.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import zlib
from collections.abc import Iterable, Iterator
from importlib import metadata
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation

# What of MkDocs' configuration the templates and the Markdown converter can show.
CONFIG_KEYS = (
    "site_name",
    "site_url",
    "site_description",
    "site_author",
    "copyright",
    "repo_url",
    "repo_name",
    "edit_uri",
    "edit_uri_template",
    "use_directory_urls",
    "nav",
    "extra",
    "extra_css",
    "extra_javascript",
    "markdown_extensions",
    "mdx_configs",
    "validation",
)


PACKAGE_DIR = Path(__file__).resolve().parent.parent  # plugins/localoffer
RENDERING_PACKAGES = (
    "localoffer",
    "mkdocs",
    "mkdocs-material",
    "markdown",
    "pymdown-extensions",
    "jinja2",
    "markupsafe",
    "pygments",
    "nh3",
)


class PageCache:
    """The pages, compressed (zlib's fastest level): a ten-year archive's 16,000 pages are
    about 300 MB of HTML, and an event or service page compresses to about 15% of its size.
    A page is decompressed only when it is written, and serve writes only the pages the output
    folder does not already hold (``holds``, then ``kept_output``)."""

    def __init__(self) -> None:
        self._pages: dict[str, bytes] = {}
        self._used: dict[str, bytes] = {}
        self._fingerprint = ""
        self.hits = 0  # pages taken from the cache in this build

    def start_build(self, config: MkDocsConfig, nav: Navigation) -> None:
        """Begin a build: forget pages the last build did not use; note what all pages share."""
        if self._used:
            self._pages, self._used = self._used, {}
        self.hits = 0
        self._fingerprint = fingerprint(config, nav)

    def key(self, page_key: str) -> str:
        return hashlib.sha256(f"{self._fingerprint}\0{page_key}".encode()).hexdigest()

    def holds(self, key: str) -> bool:
        """Whether the page is kept (and it is kept for the next build), without reading it."""
        found = self._pages.get(key)
        if found is None:
            return False
        self._used[key] = found
        self.hits += 1
        return True

    def lookup(self, key: str) -> bytes | None:
        found = self._pages.get(key)
        if found is None:
            return None
        if key not in self._used:
            self._used[key] = found
            self.hits += 1
        return zlib.decompress(found)

    def store(self, key: str, html: bytes) -> None:
        packed = zlib.compress(html, 1)
        self._pages[key] = packed
        self._used[key] = packed

    def __len__(self) -> int:
        return len(self._pages)


# Link and image targets in Markdown ([text](target), ![alt](target), [ref]: target) and HTML.
_TARGETS = re.compile(
    r"""\]\(\s*<?([^)\s>]*)|^\s{0,3}\[[^\]]+\]:\s*<?(\S*?)>?(?:\s|$)|(?:href|src)\s*=\s*["']?([^"'\s>]*)""",
    re.MULTILINE | re.IGNORECASE,
)
_ABSOLUTE = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|/|#|$)", re.IGNORECASE)


def links_to_files(markdown: str) -> bool:
    """Whether ``markdown`` may link to another file of the site by a relative path."""
    for match in _TARGETS.finditer(markdown):
        target = next((group for group in match.groups() if group is not None), "")
        if not _ABSOLUTE.match(target):
            return True
    return False


def fingerprint(config: MkDocsConfig, nav: Navigation) -> str:
    digest = hashlib.sha256()
    settings = {name: config.get(name) for name in CONFIG_KEYS}
    settings["theme"] = dict(config.theme)
    settings["theme_dirs"] = list(config.theme.dirs)
    plugin = config.plugins.get("localoffer")
    settings["localoffer"] = dict(plugin.config) if plugin is not None else None
    digest.update(json.dumps(settings, sort_keys=True, default=repr).encode())
    # What renders: the templates' bytes (not their times, which a fresh clone changes), our
    # code, and the versions of the packages that turn Markdown and templates into HTML.
    for root, path in _files(config.theme.dirs, (".html",), skip=".icons"):
        digest.update(f"{os.path.relpath(path, root)}\0".encode())
        digest.update(hashlib.sha256(Path(path).read_bytes()).digest())
    digest.update(code_digest().encode())
    for title, url in _nav_outline(nav.items):
        digest.update(f"{title}\0{url}\n".encode())
    return digest.hexdigest()


_CODE: list[str] = []


def code_digest() -> str:
    """Our package's source and the versions of what renders pages (the same in one process)."""
    if not _CODE:
        digest = hashlib.sha256()
        for package in RENDERING_PACKAGES:
            try:
                digest.update(f"{package}={metadata.version(package)}\n".encode())
            except metadata.PackageNotFoundError:
                digest.update(f"{package}=-\n".encode())
        for root, path in _files([str(PACKAGE_DIR)], (".py", ".js", ".css", ".html")):
            digest.update(f"{os.path.relpath(path, root)}\0".encode())
            digest.update(hashlib.sha256(Path(path).read_bytes()).digest())
        _CODE.append(digest.hexdigest())
    return _CODE[0]


def _files(
    dirs: Iterable[str], suffixes: tuple[str, ...], skip: str = ""
) -> Iterator[tuple[str, str]]:
    for root in dirs:
        for folder, subfolders, names in os.walk(root):
            subfolders[:] = sorted(d for d in subfolders if d not in (skip, "__pycache__"))
            for name in sorted(names):
                if name.endswith(suffixes):
                    yield root, os.path.join(folder, name)


def _nav_outline(items: Iterable[Any]) -> Iterator[tuple[str, str]]:
    for item in items:
        yield str(getattr(item, "title", "")), str(getattr(item, "url", ""))
        yield from _nav_outline(getattr(item, "children", None) or ())
