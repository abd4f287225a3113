"""``localoffer check``: every problem in every record, at once."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from localoffer.cli.options import ClockError, add_site_options, resolve_now
from localoffer.core.check import check_site
from localoffer.core.memory import collector_paused

EXIT_OK, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2


def add_parser(commands: Any) -> None:
    parser: argparse.ArgumentParser = commands.add_parser(
        "check",
        help="check every record and cross-reference",
        description="Check every record and cross-reference. Prints PATH:LINE:COLUMN: error: "
        "MESSAGE for each problem. Exit 0 when there are no errors, 1 when there are.",
    )
    add_site_options(parser)
    parser.add_argument(
        "--format",
        choices=("text", "github"),
        default="text",
        help="'github' prints GitHub Actions annotations",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    try:
        now = resolve_now(args.today)
    except ClockError as exc:
        print(f"localoffer check: {exc}", file=sys.stderr)
        return EXIT_USAGE
    root = args.site
    if not (root / "mkdocs.yml").is_file():
        print(
            f"localoffer check: there is no mkdocs.yml in {root.resolve()}: run it in the site "
            "folder, or give --site FOLDER",
            file=sys.stderr,
        )
        return EXIT_USAGE
    # Nothing is kept for a later load: there is none.
    with collector_paused():
        result = check_site(root.resolve(), now, cache=None)
        for problem in result.problems:
            print(problem.format_github() if args.format == "github" else problem.format())
    errors, warnings = len(result.errors), len(result.warnings)
    site = result.site
    records = len(site.consultations) + len(site.events) + len(site.feedback)
    summary = (
        f"Checked {_count(records, 'record')} ({_count(len(site.consultations), 'consultation')}, "
        f"{_count(len(site.events), 'event')}, {_count(len(site.feedback), 'feedback round')}): "
        f"{_count(errors, 'error')}, {_count(warnings, 'warning')}."
    )
    print(summary, file=sys.stderr)
    return EXIT_ERRORS if errors else EXIT_OK


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")
