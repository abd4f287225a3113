#!/usr/bin/env python3
"""Profile one cold ``mkdocs build`` with cProfile and say where the time goes.

    .venv/bin/python benchmarks/corpus.py /tmp/archive --scale 0.1
    LOCALOFFER_TODAY=2026-11-23 .venv/bin/python benchmarks/profile_build.py /tmp/archive

It builds in this process (``load_config``, ``on_startup``, ``build``, as ``mkdocs build``
does) under cProfile, then prints:

- **self time by component**: every profiled function's own time (``tottime``), grouped by
  the package its code lives in (Python-Markdown, Jinja templates, our plan code, pydantic...);
  the groups add up to the whole build;
- **time inside key functions** (``cumtime``): page rendering, Markdown conversion, templates,
  the nav, each of our plugin's events, the search plugin.

cProfile adds overhead to every Python call, so code made of many small calls (Markdown, Jinja)
looks slower than it is; compare shares, not the absolute figures, with the benchmark's timings.
``--save FILE`` keeps the raw profile for ``python -m pstats`` or snakeviz.
"""

from __future__ import annotations

import argparse
import cProfile
import logging
import os
import pstats
import shutil
import tempfile
import time
from collections import defaultdict
from pathlib import Path

# (component, substring of the code's file name or of a built-in's name), first match wins.
COMPONENTS: list[tuple[str, tuple[str, ...]]] = [
    ("our plan (plugins/localoffer/plan)", ("/localoffer/plan/",)),
    ("our core: loading, validation, rules", ("/localoffer/core/",)),
    ("our filters (present)", ("/localoffer/present/",)),
    ("our export (feeds, data)", ("/localoffer/export/",)),
    ("our MkDocs layer", ("/localoffer/mkdocs/",)),
    ("nh3 sanitising", ("nh3",)),
    ("pydantic", ("/pydantic", "pydantic_core")),
    ("YAML / front matter", ("/yaml/", "_yaml", "/frontmatter/")),
    ("pypdf", ("/pypdf/",)),
    ("icalendar", ("/icalendar/",)),
    ("Python-Markdown and extensions", ("/markdown/", "/pymdownx/")),
    ("Jinja templates (compiled .html)", (".html",)),
    ("Jinja runtime and MarkupSafe", ("/jinja2/", "/markupsafe/")),
    ("search index (search plugins)", ("/mkdocs/contrib/search/", "/material/plugins/search/")),
    ("nav (mkdocs/structure/nav.py)", ("/mkdocs/structure/nav.py",)),
    ("MkDocs pages, files, other", ("/mkdocs/",)),
    ("mkdocs-material, other", ("/material/",)),
    ("regular expressions (re)", ("/re/", "re.Pattern", "re.Match", "_sre")),
    ("html.parser / xml (stdlib)", ("/html/", "/xml/", "xml.etree", "pyexpat")),
    ("json (stdlib)", ("/json/", "_json")),
    (
        "file system and I/O",
        (
            "/pathlib",
            "/shutil",
            "/os.py",
            "posixpath",
            "_io",
            "io.",
            "posix.",
            "built-in method io",
            "open>",
            "method 'write'",
            "method 'read'",
        ),
    ),
]
KEY_FUNCTIONS: list[tuple[str, str, str]] = [
    # (label, file name substring, function name)
    ("whole build (mkdocs.commands.build.build)", "mkdocs/commands/build.py", "build"),
    ("pages: _build_page (render templates, write)", "mkdocs/commands/build.py", "_build_page"),
    ("pages: _populate_page (read, Markdown)", "mkdocs/commands/build.py", "_populate_page"),
    ("Markdown conversion (Page.render)", "mkdocs/structure/pages.py", "render"),
    ("Jinja Template.render", "jinja2/environment.py", "render"),
    ("nav: get_navigation", "mkdocs/structure/nav.py", "get_navigation"),
    ("files: get_files", "mkdocs/structure/files.py", "get_files"),
    ("our on_config (validate, plan)", "localoffer/mkdocs/plugin.py", "on_config"),
    ("our on_files", "localoffer/mkdocs/plugin.py", "on_files"),
    ("our on_page_content (sanitise)", "localoffer/mkdocs/plugin.py", "on_page_content"),
    ("our on_page_context", "localoffer/mkdocs/plugin.py", "on_page_context"),
    ("our on_post_page (embeds)", "localoffer/mkdocs/plugin.py", "on_post_page"),
    ("our plan_site", "localoffer/plan/site_plan.py", "plan_site"),
    ("our check_loaded (load, validate, rules)", "localoffer/core/check.py", "check_loaded"),
    ("search: on_page_context (index a page)", "/search/plugin.py", "on_page_context"),
    ("search: on_post_build (write index)", "/search/plugin.py", "on_post_build"),
    ("sitemap and other static templates", "mkdocs/commands/build.py", "_build_theme_template"),
    ("copy static files", "mkdocs/structure/files.py", "copy_static_files"),
]


def component(key: tuple[str, int, str]) -> str:
    filename, _, name = key
    text = filename if filename != "~" else name
    for label, needles in COMPONENTS:
        if any(needle in text for needle in needles):
            return label
    if filename == "~":
        return "other built-ins"
    return "other Python"


def build_under_profile(site: Path) -> tuple[cProfile.Profile, float]:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    logging.basicConfig(level=logging.ERROR)
    os.chdir(site)
    out = tempfile.mkdtemp(prefix="localoffer-profile-")
    profile = cProfile.Profile()
    started = time.perf_counter()
    try:
        profile.enable()
        config = load_config(config_file=str(site / "mkdocs.yml"), site_dir=out)
        config.plugins.on_startup(command="build", dirty=False)
        build(config)
        config.plugins.on_shutdown()
        profile.disable()
    finally:
        shutil.rmtree(out, ignore_errors=True)
    return profile, time.perf_counter() - started


def summarise(stats: pstats.Stats, top: int) -> str:
    raw = stats.stats  # type: ignore[attr-defined]
    total = sum(value[2] for value in raw.values())
    groups: dict[str, float] = defaultdict(float)
    for key, value in raw.items():
        groups[component(key)] += value[2]
    lines = [f"self time by component (total {total:.1f} s under cProfile)", ""]
    for label, seconds in sorted(groups.items(), key=lambda item: -item[1]):
        lines.append(f"  {label:<42} {seconds:8.2f} s  {100 * seconds / total:5.1f}%")
    lines += ["", "time inside key functions (cumulative, overlapping)", ""]
    for label, file_part, name in KEY_FUNCTIONS:
        found = [value for key, value in raw.items() if key[2] == name and file_part in key[0]]
        if not found:
            continue
        cumulative = max(value[3] for value in found)
        calls = sum(value[1] for value in found)
        lines.append(
            f"  {label:<48} {cumulative:8.2f} s  {100 * cumulative / total:5.1f}%  ({calls} calls)"
        )
    lines += ["", f"top {top} functions by self time", ""]
    ranked = sorted(raw.items(), key=lambda item: -item[1][2])[:top]
    for (filename, line, name), value in ranked:
        where = filename if filename == "~" else f"{_short(filename)}:{line}"
        lines.append(f"  {value[2]:7.2f} s  {value[1]:>9} calls  {name}  {where}")
    return "\n".join(lines)


def _short(filename: str) -> str:
    for marker in ("site-packages/", "plugins/"):
        if marker in filename:
            return filename.split(marker, 1)[1]
    return filename


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="the site folder (holding mkdocs.yml)")
    parser.add_argument("--save", type=Path, help="write the raw profile here")
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args(argv)
    profile, seconds = build_under_profile(args.site.resolve())
    if args.save:
        profile.dump_stats(str(args.save))
    print(f"build under cProfile: {seconds:.1f} s wall\n")
    print(summarise(pstats.Stats(profile), args.top))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
