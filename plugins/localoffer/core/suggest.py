"""Nearest-name suggestions for typos ("closse" → "closes")."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def nearest(word: str, choices: Iterable[str]) -> str | None:
    """The closest choice to ``word``, or None when nothing is close."""
    options = list(choices)
    lowered = word.lower().replace("_", "-").replace(" ", "-")
    for option in options:
        if option.lower() == lowered:
            return option
    matches = difflib.get_close_matches(lowered, options, n=1, cutoff=0.6)
    return matches[0] if matches else None


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A sentence to append to a message: " Did you mean 'closes'?" or ""."""
    match = nearest(word, choices)
    return f" Did you mean '{match}'?" if match else ""
