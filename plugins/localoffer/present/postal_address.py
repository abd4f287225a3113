"""A postal address as lines: editors type it on one line with commas, or over several lines."""

from __future__ import annotations


def address_lines(text: str) -> list[str]:
    """``"Team, County Hall, Anbury AY1 1AA"`` → ``["Team", "County Hall", "Anbury AY1 1AA"]``.

    Line breaks win when the editor used them; otherwise the address is split at commas.
    """
    lines = [line.strip().rstrip(",").strip() for line in text.splitlines()]
    lines = [line for line in lines if line]
    if len(lines) > 1:
        return lines
    return [part.strip() for part in text.split(",") if part.strip()]


FILTERS = {"address_lines": address_lines}
