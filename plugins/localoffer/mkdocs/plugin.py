"""The MkDocs plugin: a thin adapter from the framework-free core to MkDocs events.

on_startup   keep whole record pages between serve's rebuilds (page_cache); a one-off build
             writes a fresh folder and swaps it in at on_shutdown (atomic_output)
on_pre_build, on_files (serving) keep the last build's files (kept_output)
on_config    validate every record (errors stop the build before the output folder is touched)
on_files     add the planned pages (out of the nav) and published files
on_page_*    give planned pages MkDocs renders their template context, sanitise their bodies,
             and reuse bodies converted in an earlier rebuild (render_cache)
on_nav, on_env  keep what rendering needs; add our filters and autoescaping
on_post_page render the live lists content pages embed
on_post_build render the pages the plugin renders itself (direct_pages), on every core
             (page_pool) and from the last build's pages where nothing they show changed
             (build_cache), the sitemap with them, and the compact record entries in the
             search index
on_serve     watch the record folders
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, cast

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from localoffer.core.site import Site
from localoffer.mkdocs import (
    atomic_output,
    build_cache,
    direct_pages,
    embeds,
    environment,
    kept_output,
    page_cache,
    page_pool,
    render_cache,
    search_index,
    sitemap,
    validation,
)
from localoffer.mkdocs.admin_bundle import add_bundle
from localoffer.mkdocs.config import LocalOfferConfig
from localoffer.mkdocs.files import add_planned_files, page_meta
from localoffer.mkdocs.template_cache import MemoryBytecodeCache
from localoffer.plan import follow, updated
from localoffer.plan.model import PagePlan
from localoffer.plan.search import search_entries
from localoffer.plan.site_plan import EMBEDS, SitePlan, plan_site
from localoffer.present.sanitise import sanitise_html

THEME_DIR = Path(__file__).resolve().parent.parent / "theme"
RECORD_FOLDERS = ("consultations", "events", "responses", "services")


class LocalOfferPlugin(BasePlugin[LocalOfferConfig]):  # type: ignore[no-untyped-call]
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.site: Site | None = None
        self.plan = SitePlan()
        self.env: Environment | None = None
        self.nav: Navigation | None = None
        self.files: Files | None = None
        self.direct: list[direct_pages.PlannedPageFile] = []
        self.fingerprint = ""
        self.cache_keys: dict[str, str] = {}
        # Only while serving: whole record pages kept between rebuilds (page_cache), and the
        # last build's files, rewritten only where they changed (kept_output).
        self.page_cache: page_cache.PageCache | None = None
        self.kept: kept_output.KeptOutput | None = None
        self.compiled: MemoryBytecodeCache | None = None
        self.follow: follow.Follow | None = None
        # Only for `mkdocs build` (not --dirty): the output swapped in whole, when finished.
        self.atomic: atomic_output.AtomicOutput | None = None
        # Only for `mkdocs build`: record pages rendered on every core (page_pool) and kept on
        # disk for the next build (build_cache).
        self.building = False
        self.rendered: list[str] = []  # the record pages the last build rendered (not cached)

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining on_startup also makes MkDocs keep this instance across serve's rebuilds.
        self.building = command == "build"
        if command == "build" and not dirty:
            self.atomic = atomic_output.AtomicOutput()
        if command == "serve":
            self.page_cache = page_cache.PageCache()
            self.kept = None if dirty else kept_output.KeptOutput()
            self.compiled = MemoryBytecodeCache()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        # Serve keeps this instance between rebuilds: let the last build's site go first.
        self.site, self.plan, self.direct = None, SitePlan(), []
        self.env, self.nav, self.files = None, None, None
        if not self.config.enabled:  # `enabled: false` builds the content pages only
            return config
        if self.atomic is not None:  # first tidy what killed builds left, even if this one fails
            atomic_output.clean_up(Path(config.site_dir))
        # Our overrides sit after the site's own custom_dir (so a council can still override
        # us) and before mkdocs-material's templates.
        dirs = config.theme.dirs
        if str(THEME_DIR) not in dirs:
            dirs.insert(1 if config.theme.custom_dir else 0, str(THEME_DIR))
        result = validation.validate(config, dict(self.config), serving=self.page_cache is not None)
        self.site = result.site
        # Plan items are kept between plans in memory while serving (plan/memo.py), and the
        # open data's parts on disk between builds with the build cache (plan/stored_parts.py).
        serving = self.page_cache is not None
        stored = None
        if self.building and self.config.build_cache:
            stored = build_cache.plan_parts(config, self.config.cache_dir)
        self.plan = plan_site(result.site, keep=serving, stored=stored)
        if stored is not None:
            stored.save()
            build_cache.report_parts(stored)
        self.follow = follow.site_follow(result.site)
        self.fingerprint = render_cache.settings_fingerprint(config)
        render_cache.start_build()
        if self.atomic is not None:  # the content is valid: write a fresh folder beside the output
            config["site_dir"] = self.atomic.start(config.site_dir)
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        if self.kept is not None:  # before MkDocs empties the output folder
            planned = [*self.plan.pages, *self.plan.files]
            self.kept.hold(config.site_dir, {p.split("/")[0] for p in planned if "/" in p})

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        if self.kept is not None:  # MkDocs has emptied the output folder; nothing written yet
            self.kept.restore(config.site_dir)
        in_nav = direct_pages.nav_paths(config.nav)

        def direct(page: PagePlan) -> bool:
            return self.config.record_pages == "direct" and direct_pages.renders_directly(
                page, in_nav
            )

        unchanged = self.kept.unchanged if self.kept is not None else None
        self.direct = add_planned_files(files, config, self.plan, direct, unchanged)
        add_bundle(files, config)
        return files

    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
        self.nav = nav
        return nav

    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        if page.file.src_uri not in self.plan.pages:
            return markdown
        key = render_cache.key_for(page, markdown, self.fingerprint)
        self.cache_keys[page.file.src_uri] = key
        # A body converted in an earlier build of this process is not converted again.
        return "" if render_cache.lookup(key) is not None else markdown

    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        planned = self.plan.pages.get(page.file.src_uri)
        if planned is None:
            return html
        key = self.cache_keys[page.file.src_uri]
        cached = render_cache.lookup(key)
        if cached is not None:
            return render_cache.restore(page, cached)
        clean = sanitise_html(html) if planned.sanitise else html
        render_cache.store(key, page, clean)
        return clean

    def on_env(self, env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment:
        self.env = environment.prepare(env)
        # MkDocs makes a new environment for each build, and the templates do not change
        # during one: without this Jinja looks at every template file again at each include.
        self.env.auto_reload = False
        if self.compiled is not None:
            self.env.bytecode_cache = self.compiled
        self.files = files
        return self.env

    def on_page_context(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        variables = cast(dict[str, Any], context)  # our templates' variables, beside MkDocs' own
        variables["localoffer"] = self.site
        planned = self.plan.pages.get(page.file.src_uri)
        if planned is not None:
            variables.update(planned.context)
            if planned.html_title:
                variables["lo_html_title"] = planned.html_title
        elif self.site is not None and page.file.abs_src_path:  # a content page's own file
            source = Path(page.file.abs_src_path).resolve()
            root = self.site.settings.root.resolve()
            variables[follow.CONTEXT_KEY] = self.follow
            if source.is_relative_to(root):
                variables[updated.CONTEXT_KEY] = updated.page_updated(
                    self.site, source.relative_to(root).as_posix(), "/" + page.url, page.title or ""
                )
        return context

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        return self._embed(output, page)

    @event_priority(-100)  # after the search plugin has written its index
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.site is None:
            return
        if self.direct and self.env is not None and self.nav is not None and self.files:
            cache: direct_pages.Cache | None = self.page_cache
            if self.page_cache is not None:
                self.page_cache.start_build(config, self.nav)
            elif self.building and self.config.build_cache:
                cache = build_cache.BuildCache(
                    build_cache.folder(config, self.config.cache_dir),
                    page_cache.fingerprint(config, self.nav),
                )
            self.rendered = direct_pages.render_pages(
                self.files,
                config,
                self.nav,
                self.env,
                self.site,
                self.fingerprint,
                self.direct,
                page_meta,
                self._embed,
                cache,
                self.kept.unchanged if self.kept is not None else None,
                processes=page_pool.workers() if self.building else 1,
            )
            if isinstance(cache, build_cache.BuildCache):
                cache.finish()
                build_cache.report(cache, len(self.direct), self.rendered)
            sitemap.write_sitemap(self.env, config, self.nav, direct_pages.all_pages(self.files))
        search_index.add_entries(config.site_dir, search_entries(self.site, self.plan.pages))
        if self.kept is not None and self.files is not None:
            self.kept.remove_stale(config.site_dir, (file.dest_uri for file in self.files))
        if self.atomic is not None:
            self.atomic.finished()

    def on_build_error(self, *, error: Exception) -> None:
        if self.kept is not None:
            self.kept.forget()
        if self.atomic is not None:
            self.atomic.failed()

    def on_shutdown(self) -> None:
        if self.atomic is not None:  # after every plugin and strict mode's count of warnings
            self.atomic.end()

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Any
    ) -> LiveReloadServer:
        root = Path(config.config_file_path).resolve().parent
        for folder in RECORD_FOLDERS:
            if (root / folder).is_dir():
                server.watch(str(root / folder))
        return server

    def _embed(self, output: str, page: Page) -> str:
        if self.site is None or self.env is None or "localoffer:" not in output:
            return output
        return embeds.render_embeds(
            output, self.site, EMBEDS, self.env, page.file.src_uri, page.url
        )
