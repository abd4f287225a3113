"""``localoffer check``: every problem in every record, at once."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from localoffer.cli.new import explanations
from localoffer.cli.options import ClockError, add_site_options, resolve_now
from localoffer.core.changes import ChangesError, check_changes
from localoffer.core.check import check_site
from localoffer.core.memory import collector_paused
from localoffer.core.problems import Problem, sort_problems

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
    parser.add_argument(
        "--base",
        metavar="REF",
        help="also compare each record changed since the git branch, tag or commit REF (such "
        "as origin/main) with its version there: each comment (# ...) the change removes is an "
        "error",
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
    changes: list[Problem] = []
    if args.base is not None:
        try:
            changes = check_changes(root.resolve(), args.base, expected=explanations(root))
        except ChangesError as exc:
            print(f"localoffer check: {exc}", file=sys.stderr)
            return EXIT_USAGE
    # Nothing is kept for a later load: there is none.
    with collector_paused():
        result = check_site(root.resolve(), now, cache=None)
        problems = sort_problems([*result.problems, *changes])
        for problem in problems:
            print(problem.format_github() if args.format == "github" else problem.format())
    errors = sum(1 for problem in problems if problem.is_error)
    warnings = len(problems) - errors
    site = result.site
    records = len(site.consultations) + len(site.events) + len(site.feedback)
    counts = [
        _count(len(site.consultations), "consultation"),
        _count(len(site.events), "event"),
        _count(len(site.feedback), "feedback round"),
    ]
    if site.services:  # the directory is optional: a site without one is not told of it
        records += len(site.services)
        counts.append(_count(len(site.services), "service"))
    summary = (
        f"Checked {_count(records, 'record')} ({', '.join(counts)}): "
        f"{_count(errors, 'error')}, {_count(warnings, 'warning')}."
    )
    print(summary, file=sys.stderr)
    return EXIT_ERRORS if errors else EXIT_OK


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")
