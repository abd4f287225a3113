"""The ``localoffer`` command: check, new, schema."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from localoffer import __version__
from localoffer.cli import check, new, schema

EXIT_USAGE = 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="localoffer",
        description="Tools for editors of a Local Offer site. Run them in the site folder.",
    )
    parser.add_argument("--version", action="version", version=f"localoffer {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    check.add_parser(commands)
    new.add_parser(commands)
    schema.add_parser(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 for --help
        return int(exc.code or 0)
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    result: int = args.run(args)
    return result


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
