"""Garbage-collector settings for loading a whole archive at once.

A site's records, and everything derived from them, live for the whole check or build. With
CPython's default thresholds every full collection walks all of them again, so the collector's
cost grows faster than the archive: at ten years' scale it was half of `localoffer check`'s
time (see benchmarks/README.md). Collecting young objects far less often keeps it linear.
"""

from __future__ import annotations

import gc

THRESHOLDS = (100_000, 50, 1000)


def tune_for_bulk_loading() -> None:
    """Raise the collector's thresholds (never lower them); idempotent."""
    current = gc.get_threshold()
    gc.set_threshold(*(max(old, new) for old, new in zip(current, THRESHOLDS, strict=True)))
