"""Garbage-collector settings for loading a whole archive at once.

A site's records, and everything derived from them, live for the whole check or build. With
CPython's default thresholds every full collection walks all of them again, so the collector's
cost grows faster than the archive: at ten years' scale it was half of `localoffer check`'s
time (see benchmarks/README.md). Collecting young objects far less often keeps it linear.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

THRESHOLDS = (100_000, 50, 1000)


def tune_for_bulk_loading() -> None:
    """Raise the collector's thresholds (never lower them); idempotent."""
    current = gc.get_threshold()
    gc.set_threshold(*(max(old, new) for old, new in zip(current, THRESHOLDS, strict=True)))


@contextmanager
def collector_paused() -> Iterator[None]:
    """The collector off, for a short process that loads and checks a site, then exits.

    Loading makes almost no cyclic garbage, so the collector would only walk the records again
    and again (15 to 35% of `localoffer check` at ten years' scale) for the same peak memory.
    Afterwards, what was made meanwhile counts as old, so that the next collection does not walk
    it all at once, and the collector is on again if it was (``localoffer check`` also runs
    inside other processes, such as the tests).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()  # into the permanent generation, then back into the oldest: both O(1)
        gc.unfreeze()
        if enabled:
            gc.enable()
