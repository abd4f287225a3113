"""Browser test harness: one real build, one local web server, one headless Chromium per session.

Fixtures and helpers:

- ``site``: the repository's own site, built once with ``mkdocs build`` (``LOCALOFFER_TODAY``
  fixed) into a temporary folder and served on 127.0.0.1 at a random free port.
- ``theme_site``: a small fixture site (``tests/browser/theme-site``) that inherits the
  repository's ``mkdocs.yml`` but has pages using every typographic feature the theme styles
  (admonitions, code, tables, lists, quotes), so the theme is tested even where the real
  content does not use them yet.
- ``open_page(url, scheme=..., width=..., javascript=...)``: a page in a fresh browser context;
  for ``scheme="dark"``/``"light"`` it emulates ``prefers-color-scheme`` and checks that
  mkdocs-material really switched its palette (``body[data-md-color-scheme]``). The browser's
  clock starts at the build's "now", the start of its day (``BUILD_DAY``), and runs from there,
  so the scripts that correct a page read after its build (status.js, lists.js, next-date.js)
  leave it as built whatever the real date; tests of those scripts set their own clock.
- ``axe_violations(page)`` / ``assert_no_axe_violations(page)``: axe-core with the WCAG 2.2 A/AA
  and best-practice rules.
- ``run_vnu(files)``: the Nu Html Checker over many files in one JVM; errors per file.

Browser tests are marked ``browser``. Outside CI (``CI`` unset) they skip, saying how to install
what is missing; in CI a missing browser, Java or Node package is a failure.
"""

from __future__ import annotations

import functools
import json
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, NoReturn

import pytest

from tests.tools import missing_tool

REPO = Path(__file__).resolve().parents[2]
THEME_SITE = Path(__file__).resolve().parent / "theme-site"
CHROMIUM = Path("/usr/bin/chromium")
NODE_MODULES = REPO / "tests" / "js" / "node_modules"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
TODAY = "2026-11-23"
# The browser's clock in open_page: the build's "now", the start of its day in London (on GMT
# then), so that nothing the build listed has passed when a page opens.
BUILD_DAY = datetime.fromisoformat(f"{TODAY}T00:00:00+00:00")

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-quic",
    "--no-first-run",
    "--disable-sync",
    # Tests must not reach the network: every host name except the local server fails to resolve
    # (mkdocs-material links Google Fonts, for example; the fallback fonts are used instead).
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]

INSTALL_HINT = (
    "run `scripts/setup --test` (it installs Chromium, Java and the Node test packages), "
    "or `sudo apt-get install chromium default-jre-headless` and `cd tests/js && npm ci`"
)

# Pages that the section engineers' own browser tests cover: individual records (and the
# redirect pages of renamed records) under these URL prefixes.
RECORD_PREFIXES = ("consultations/", "events/", "you-said-we-did/", "services/")


def unavailable(what: str) -> NoReturn:
    """Fail: the tool the test needs is not installed (tests/tools.py)."""
    missing_tool(what, INSTALL_HINT)


# ---------------------------------------------------------------------------------------------
# Building and serving


@dataclass(frozen=True)
class Site:
    """A built site and the address it is served at."""

    root: Path
    base_url: str

    def url(self, path: str = "") -> str:
        return self.base_url + path.lstrip("/")

    def html_files(self) -> list[Path]:
        return sorted(self.root.rglob("*.html"))

    def pages(self) -> list[str]:
        """URL paths of every ``index.html`` page, record pages excluded, plus ``404.html``.

        The editors' CMS (``admin/``) is an application, not a page of the site's theme: it is
        tested on its own in ``test_admin.py``."""
        paths = []
        for file in self.html_files():
            rel = file.relative_to(self.root).as_posix()
            if rel.startswith("admin/"):
                continue
            if file.name == "index.html":
                path = rel.removesuffix("index.html")
                if is_record_page(path):
                    continue
                paths.append(path)
            elif rel == "404.html":
                paths.append(rel)
        return paths


def is_record_page(path: str) -> bool:
    """True for ``consultations/<id>/`` and the like (but not for the registers themselves)."""
    return any(path.startswith(prefix) and path != prefix for prefix in RECORD_PREFIXES)


def content_page_paths(content: Path) -> list[str]:
    """The URL paths MkDocs gives the Markdown files in ``content`` (directory URLs)."""
    paths = set()
    for md in content.rglob("*.md"):
        rel = md.relative_to(content).with_suffix("")
        parts = list(rel.parts)
        if parts[-1].lower() in ("index", "readme"):
            parts.pop()
        paths.add("".join(part + "/" for part in parts))
    return sorted(paths)


def page_params() -> list[Any]:
    """``(fixture name, URL path)`` for every content page of both sites, for parametrize.

    Worked out from the Markdown sources, so it is known when tests are collected; pages that
    only the build knows about (generated ones) are covered by ``Site.pages()``.
    """
    site_pages = [*content_page_paths(REPO / "content"), "404.html"]
    theme_pages = content_page_paths(THEME_SITE / "content")
    return [pytest.param("site", path, id=f"/{path}") for path in site_pages] + [
        pytest.param("theme_site", path, id=f"theme-site/{path}") for path in theme_pages
    ]


def build(config: Path, out: Path) -> Path:
    env = dict(os.environ, LOCALOFFER_TODAY=TODAY, NO_MKDOCS_2_WARNING="1")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--config-file",
            str(config),
            "--site-dir",
            str(out),
        ],
        cwd=config.parent,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        pytest.fail(
            f"mkdocs build of {config} failed (exit {result.returncode}):\n"
            f"{result.stdout}\n{result.stderr}",
            pytrace=False,
        )
    return out


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


def serve(root: Path) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name=f"serve {root}", daemon=True)
    thread.start()
    port = server.server_address[1]
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    root = build(REPO / "mkdocs.yml", tmp_path_factory.mktemp("site") / "site")
    for base_url in serve(root):
        yield Site(root, base_url)


@pytest.fixture(scope="session")
def theme_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    root = build(THEME_SITE / "mkdocs.yml", tmp_path_factory.mktemp("theme-site") / "site")
    for base_url in serve(root):
        yield Site(root, base_url)


# ---------------------------------------------------------------------------------------------
# The browser


# The one Chromium of a test run is the session fixture ``browser`` in tests/conftest.py: every
# folder's browser tests share it (Playwright's sync API allows one instance per process).


def launch_browser() -> Iterator[Any]:
    """Start Playwright and Chromium for the session (used by tests/conftest.py)."""
    if not CHROMIUM.exists():
        unavailable(f"Chromium ({CHROMIUM})")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("The Python package playwright")
    manager = sync_playwright().start()
    try:
        instance = manager.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield instance
        finally:
            instance.close()
    finally:
        manager.stop()


SCHEMES = {"light": "default", "dark": "slate"}


SHIFTED_DATE = """(() => {
  const RealDate = Date;
  const offset = %d - RealDate.now();
  class ShiftedDate extends RealDate {
    constructor(...args) {
      if (args.length === 0) super(RealDate.now() + offset); else super(...args);
    }
    static now() { return RealDate.now() + offset; }
  }
  globalThis.Date = ShiftedDate;
})();"""


def shifted_date_script(moment: datetime) -> str:
    """A script that makes the page's Date start at ``moment`` and run on from there, while
    timers and animation frames keep the real clock."""
    return SHIFTED_DATE % int(moment.timestamp() * 1000)


@pytest.fixture
def open_page(browser: Any) -> Iterator[Callable[..., Any]]:
    """Open a URL in a fresh context: ``open_page(url, scheme="dark", width=320)``."""
    contexts: list[Any] = []

    def _open(
        url: str,
        *,
        scheme: str = "light",
        width: int = 1280,
        height: int = 800,
        javascript: bool = True,
    ) -> Any:
        context = browser.new_context(
            viewport={"width": width, "height": height},
            color_scheme=scheme,
            java_script_enabled=javascript,
            locale="en-GB",
            timezone_id="Europe/London",
            reduced_motion="reduce",
        )
        context.set_default_timeout(10_000)
        # The build's day, and time flows from there. Only Date moves: Playwright's
        # clock.install also fakes timers and animation frames, and mkdocs-material then
        # lays out its sticky sidebars late, over the footer.
        context.add_init_script(script=shifted_date_script(BUILD_DAY))
        contexts.append(context)
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(url, wait_until="load")
        page.emulate_media(color_scheme=scheme)
        if javascript:
            actual = page.evaluate("document.body.dataset.mdColorScheme")
            assert actual == SCHEMES[scheme], (
                f"{url}: asked for the {scheme} colour scheme but the page shows {actual!r}"
            )
        assert not errors, f"{url}: JavaScript errors: {errors}"
        return page

    yield _open
    for context in contexts:
        context.close()


# ---------------------------------------------------------------------------------------------
# axe-core


def axe_violations(page: Any, context: str | dict[str, Any] | None = None) -> list[dict[str, Any]]:
    if not AXE_JS.exists():
        unavailable(f"axe-core ({AXE_JS.relative_to(REPO)})")
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_JS))
    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    result = page.evaluate(
        "async ([context, options]) => await axe.run(context || document, options)",
        [context, options],
    )
    violations: list[dict[str, Any]] = result["violations"]
    return violations


def format_violations(violations: list[dict[str, Any]]) -> str:
    lines = []
    for violation in violations:
        lines.append(
            f"- {violation['id']} ({violation['impact']}): {violation['help']} "
            f"[{len(violation['nodes'])} element(s)]"
        )
        for node in violation["nodes"][:8]:
            target = " ".join(str(part) for part in node["target"])
            summary = " ".join(node.get("failureSummary", "").split())
            lines.append(f"    {target}\n      {summary}")
        if len(violation["nodes"]) > 8:
            lines.append(f"    … and {len(violation['nodes']) - 8} more")
    return "\n".join(lines)


def assert_no_axe_violations(page: Any, label: str) -> None:
    violations = axe_violations(page)
    if violations:
        pytest.fail(
            f"axe-core found violations on {label}:\n{format_violations(violations)}", pytrace=False
        )


# ---------------------------------------------------------------------------------------------
# The Nu Html Checker


def run_vnu(files: list[Path]) -> dict[Path, list[str]]:
    """Check every file in one JVM; return the error messages for each file that has any."""
    java = shutil.which("java")
    if java is None:
        unavailable("Java (the `java` command, for the Nu Html Checker)")
    if not VNU_JAR.exists():
        unavailable(f"The Nu Html Checker ({VNU_JAR.relative_to(REPO)})")
    if not files:
        return {}
    result = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--format", "json", "--errors-only", *map(str, files)],
        capture_output=True,
        text=True,
        check=False,
    )
    try:
        report = json.loads(result.stderr or result.stdout)
    except json.JSONDecodeError:
        pytest.fail(
            f"The Nu Html Checker did not produce JSON (exit {result.returncode}):\n"
            f"{result.stdout}\n{result.stderr}",
            pytrace=False,
        )
    by_name = {file.resolve().as_uri(): file for file in files}
    errors: dict[Path, list[str]] = {}
    for message in report.get("messages", []):
        url = message.get("url", "")
        file = by_name.get(url) or by_name.get(url.replace("file:/", "file:///", 1)) or Path(url)
        where = f"line {message['lastLine']}: " if "lastLine" in message else ""
        extract = " ".join(message.get("extract", "").split())
        text = f"{where}{message.get('type')}: {message.get('message')}"
        if extract:
            text += f"\n      {extract}"
        errors.setdefault(file, []).append(text)
    return errors
