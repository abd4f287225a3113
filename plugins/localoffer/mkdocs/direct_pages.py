"""Record pages rendered by the plugin itself, beside MkDocs' page loop rather than in it.

A ten-year archive has 14,000 record pages. MkDocs would read each one's front matter, build a
new Markdown converter for it, run every plugin's page events and render the whole page frame.
Pages out of the nav and out of the full-text search need none of that, so they are rendered
here, at the end of the build, with one Markdown converter (``markdown_pages``) and the page
frame shared per template and folder (``page_frame``), through the same templates and context
MkDocs would give them. A test builds the sample site both ways and compares every byte.

MkDocs still knows each page as a file (``PlannedPageFile``), so links to it from content pages
resolve and are checked; it neither renders nor copies it.
"""

from __future__ import annotations

import hashlib
import posixpath
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, Protocol, cast
from urllib.parse import urljoin, urlsplit

from jinja2 import Environment
from mkdocs.commands.build import get_context
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_build_date, write_file

from localoffer.core.site import Site
from localoffer.mkdocs import page_pool, render_cache
from localoffer.mkdocs.markdown_pages import MarkdownConverter
from localoffer.mkdocs.page_cache import links_to_files
from localoffer.mkdocs.page_frame import FrameRenderer
from localoffer.plan.model import PagePlan
from localoffer.present.sanitise import sanitise_html

WRITER_THREADS = 4  # for the pages from the cache


class PlannedPageFile(File):
    """A page the plugin renders: MkDocs resolves links to it, but neither renders nor copies it."""

    plan: PagePlan
    sitemap_facts: SitemapPage | None = None

    @classmethod
    def planned(cls, config: MkDocsConfig, plan: PagePlan) -> PlannedPageFile:
        file = cls(
            plan.src_uri,
            None,
            config.site_dir,
            config.use_directory_urls,
            dest_uri=_page_dest(plan.src_uri, config.use_directory_urls),
            inclusion=InclusionLevel.NOT_IN_NAV,
        )
        file.generated_by = "localoffer"
        file.plan = plan
        return file

    def sitemap_page(self) -> Page | SitemapPage:
        """What the sitemap needs of the page: the page, or the same facts without it."""
        if self.page is not None:
            return self.page
        assert self.sitemap_facts is not None, "render_pages gives every page one or the other"
        return self.sitemap_facts

    def is_documentation_page(self) -> bool:
        return False

    def is_static_page(self) -> bool:
        return False

    def is_media_file(self) -> bool:
        return False

    def is_javascript(self) -> bool:
        return False

    def is_css(self) -> bool:
        return False

    def copy_file(self, dirty: bool = False) -> None:
        """Nothing to copy: ``render_pages`` writes the page."""


@dataclass(frozen=True)
class SitemapPage:
    """What MkDocs' sitemap template reads of a page, for one written from the cache."""

    canonical_url: str | None
    abs_url: str | None
    update_date: str
    is_link: bool = False

    @classmethod
    def of(cls, url: str, site_url: str | None) -> SitemapPage:
        # As MkDocs' Page._set_canonical_url and Page.update_date (MkDocs 1.6).
        if site_url:
            canonical = urljoin(site_url if site_url.endswith("/") else site_url + "/", url)
            return cls(canonical, urlsplit(canonical).path, get_build_date())
        return cls(None, None, get_build_date())


def _page_dest(src_uri: str, use_directory_urls: bool) -> str:
    """Where MkDocs writes the page for ``src_uri`` (File._get_dest_path for a page)."""
    parent, filename = posixpath.split(src_uri)
    stem = posixpath.splitext(filename)[0]
    stem = "index" if stem == "README" else stem
    if not use_directory_urls or stem == "index":
        return posixpath.join(parent, stem + ".html")
    return posixpath.join(parent, stem, "index.html")


def renders_directly(page: PagePlan, nav_paths: set[str]) -> bool:
    """Pages in the nav (their nav item is active) and pages searched in full go through MkDocs."""
    return not page.search and page.src_uri not in nav_paths


def nav_paths(nav: Any) -> set[str]:
    """Every Markdown path the configured ``nav`` names."""
    found: set[str] = set()
    stack = [nav]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            found.add(item)
        elif isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return found


class Cache(Protocol):
    """Rendered pages kept by key: in memory while serving (``PageCache``), or on disk between
    builds (``BuildCache``)."""

    def key(self, page_key: str) -> str: ...

    def lookup(self, key: str) -> bytes | None: ...

    def store(self, key: str, html: bytes) -> object: ...


def render_pages(
    files: Files,
    config: MkDocsConfig,
    nav: Navigation,
    env: Environment,
    site: Site | None,
    fingerprint: str,
    planned: Iterable[PlannedPageFile],
    meta: Callable[[PagePlan], dict[str, Any]],
    post_page: Callable[[str, Page], str],
    cache: Cache | None = None,
    unchanged: Callable[[str, str], bool] | None = None,
    processes: int = 1,
) -> list[str]:
    """Render and write every planned page, with ``meta(plan)`` as the page's meta.

    ``post_page`` does what the plugin's ``on_post_page`` does for MkDocs' pages. With a
    ``cache``, a page whose plan has a key is written from it when nothing it shows has changed;
    with ``unchanged`` too (while serving), it is not even written when the output folder
    already holds it (``kept_output``). The pages to render are shared between ``processes``
    forked workers (``page_pool``); the files written are the same for any number. Returns
    the source paths of the pages rendered (not taken from the cache).
    """
    converter = MarkdownConverter(config, files)
    frames = FrameRenderer(env)
    doc_pages = files.documentation_pages()  # what MkDocs gives templates as ``pages``
    todo: list[tuple[PlannedPageFile, str]] = []
    holds = getattr(cache, "holds", None) if unchanged is not None else None
    # Pages from the cache are written by threads (the time is in the file system, which lets
    # go of the GIL), all done before the worker processes are forked.
    with ThreadPoolExecutor(WRITER_THREADS) as writers:
        pending: list[Future[None]] = []

        def write(html: bytes, path: str) -> None:
            pending.append(writers.submit(write_file, html, path))

        for file in planned:
            plan = file.plan
            cacheable = cache is not None and plan.key and not links_to_files(plan.markdown)
            cache_key = cache.key(plan.key) if cache is not None and cacheable else ""
            if (
                cache is not None
                and cache_key
                and _from_cache(cache, cache_key, file, unchanged, holds, write)
            ):
                file.page = None
                file.sitemap_facts = SitemapPage.of(file.url, config.site_url)
                continue
            todo.append((file, cache_key))
        for done in pending:
            done.result()  # (an error writing a page stops the build)

    def render(index: int) -> tuple[str, object]:
        """Render and write page ``index`` of ``todo``: its digest, and what the cache kept."""
        file, cache_key = todo[index]
        plan = file.plan
        page = Page(None, file, config)
        page.meta = meta(plan)
        page.markdown = plan.markdown
        _convert(page, plan, converter, fingerprint)
        variables = cast(dict[str, Any], get_context(nav, doc_pages, config, page))
        variables["localoffer"] = site
        variables.update(plan.context)
        if plan.html_title:
            variables["lo_html_title"] = plan.html_title
        output = post_page(frames.render(plan.template, variables, _folder(page.url)), page)
        html = output.encode("utf-8", errors="xmlcharrefreplace")
        digest = cache_key or hashlib.blake2b(html, digest_size=20).hexdigest()
        kept = cache.store(cache_key, html) if cache is not None and cache_key else None
        page.content = None
        page.markdown = None
        if unchanged is None or not unchanged(file.dest_uri, digest):
            write_file(html, file.abs_dest_path)
        return digest, kept

    pooled = processes > 1 and unchanged is None
    results = page_pool.run(render, len(todo), processes if pooled else 1)
    adopt = getattr(cache, "adopt", None)
    for (file, cache_key), (_digest, kept) in zip(todo, results, strict=True):
        if file.page is None:  # rendered in a worker process
            file.sitemap_facts = SitemapPage.of(file.url, config.site_url)
        if adopt is not None and cache_key:
            adopt(cache_key, kept)
    return [file.src_uri for file, _cache_key in todo]


def _from_cache(
    cache: Cache,
    key: str,
    file: PlannedPageFile,
    unchanged: Callable[[str, str], bool] | None,
    holds: Callable[[str], bool] | None,
    write: Callable[[bytes, str], None],
) -> bool:
    """Write the page from ``cache`` if it is there (not even that when the output folder
    already holds it, while serving); whether it was there."""
    path = file.abs_dest_path
    if holds is not None and unchanged is not None:  # serving: read the page only to write it
        if not holds(key):
            return False
        if not unchanged(file.dest_uri, key):
            held = cache.lookup(key)
            assert held is not None, "a page the cache holds can be read"
            write(held, path)
        return True
    cached = cache.lookup(key)
    if cached is None:
        return False
    if unchanged is None or not unchanged(file.dest_uri, key):
        write(cached, path)
    return True


def all_pages(files: Files) -> list[Page | SitemapPage]:
    """Every page of the site, MkDocs' and ours, in the order MkDocs would list them."""
    pages: list[Page | SitemapPage] = []
    for file in files:
        if not file.inclusion.is_included():  # type: ignore[no-untyped-call]
            continue
        if isinstance(file, PlannedPageFile):
            pages.append(file.sitemap_page())
        elif file.page is not None and file.is_documentation_page():
            pages.append(file.page)
    return pages


def _convert(page: Page, plan: PagePlan, converter: MarkdownConverter, fingerprint: str) -> None:
    key = render_cache.key_for(page, plan.markdown, fingerprint)
    cached = render_cache.lookup(key)
    if cached is not None:
        page.content = render_cache.restore(page, cached)
        return
    converter.render(page)
    html = page.content or ""
    if plan.sanitise:
        html = sanitise_html(html)
    page.content = html
    render_cache.store(key, page, html)


def _folder(url: str) -> str:
    """The folder a page's relative links start from, less the page's own: events/x/ -> events."""
    return url.rsplit("/", 2)[0] if url.endswith("/") else url.rsplit("/", 1)[0]
