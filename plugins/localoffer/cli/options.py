"""Options shared by the commands."""

from __future__ import annotations

import argparse
from datetime import datetime
from pathlib import Path

from localoffer.core.clock import ClockError, build_now


def add_site_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--site",
        type=Path,
        default=Path("."),
        metavar="FOLDER",
        help="the site folder, holding mkdocs.yml (default: this folder)",
    )
    parser.add_argument(
        "--today",
        metavar="DATE",
        help="check as if it were this date (YYYY-MM-DD or 'YYYY-MM-DD HH:MM'); "
        "default: LOCALOFFER_TODAY, or now",
    )


def resolve_now(value: str | None) -> datetime:
    """Now, or a usage error the caller reports with exit 2."""
    return build_now(value)


__all__ = ["ClockError", "add_site_options", "resolve_now"]
