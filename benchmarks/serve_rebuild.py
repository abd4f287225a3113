#!/usr/bin/env python3
"""Time what ``mkdocs serve`` does when an editor saves one record: its builder, in one process.

``mkdocs serve`` (MkDocs 1.6, ``mkdocs/commands/serve.py``) loads the config, calls the plugins'
``on_startup`` once, builds, and then on every change calls its ``builder``: a fresh
``load_config`` (plugins that define ``on_startup`` are kept from the first load, so they can
cache between builds) and a full ``build`` into the same temporary folder. This script does
exactly that, without the HTTP server and the file watcher, so the rebuild can be timed:

    .venv/bin/python benchmarks/serve_rebuild.py SITE_FOLDER events/2020/some-event.md

It prints JSON: ``initial`` (the first build, in seconds) and ``rebuilds`` (one per edit; the
record's body gets a new sentence before each), and the same as CPU time (``*_cpu``).
Set ``LOCALOFFER_TODAY`` for reproducible runs.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import shutil
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit


def edit_record(path: Path, number: int) -> None:
    """Change one record the way an editor would: a new sentence at the end of its body."""
    with path.open("a", encoding="utf-8") as handle:
        handle.write(f"\nUpdate {number}: a British Sign Language interpreter will be there.\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="the site folder (holding mkdocs.yml)")
    parser.add_argument("record", help="the record file to edit, relative to the site folder")
    parser.add_argument("--edits", type=int, default=2, help="how many edit-and-rebuild rounds")
    args = parser.parse_args(argv)

    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import _serve_url

    logging.basicConfig(level=logging.ERROR)
    root = args.site.resolve()
    os.chdir(root)
    site_dir = tempfile.mkdtemp(prefix="mkdocs_bench_")

    def get_config() -> MkDocsConfig:  # as serve.get_config
        return load_config(config_file=str(root / "mkdocs.yml"), site_dir=site_dir)

    try:
        config = get_config()
        config.plugins.on_startup(command="serve", dirty=False)
        host, port = config.dev_addr
        mount_path = urlsplit(config.site_url or "/").path
        config.site_url = serve_url = _serve_url(host, port, mount_path)

        def builder(config: MkDocsConfig | None = None) -> None:  # as serve.builder
            if config is None:
                config = get_config()
                config.site_url = serve_url
            build(config, serve_url=serve_url, dirty=False)

        started, cpu = time.perf_counter(), time.process_time()
        builder(config)
        initial = time.perf_counter() - started
        initial_cpu = time.process_time() - cpu
        rebuilds, rebuilds_cpu = [], []
        for number in range(1, args.edits + 1):
            edit_record(root / args.record, number)
            started, cpu = time.perf_counter(), time.process_time()
            builder()
            rebuilds.append(time.perf_counter() - started)
            rebuilds_cpu.append(time.process_time() - cpu)
        config.plugins.on_shutdown()
    finally:
        shutil.rmtree(site_dir, ignore_errors=True)
    print(
        json.dumps(
            {
                "initial": initial,
                "initial_cpu": initial_cpu,
                "rebuilds": rebuilds,
                "rebuilds_cpu": rebuilds_cpu,
            }
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
