"""A ``tel:`` link target for a UK phone number as an editor typed it ("01632 960 123")."""

from __future__ import annotations

import re

_EXTENSION = re.compile(r"\s*(?:ext\.?|extension)\s*\d+\s*$", re.IGNORECASE)


def tel_href(number: str) -> str:
    """``tel:01632960123``: digits only (a leading + kept), any extension left off."""
    main = _EXTENSION.sub("", number).strip()
    digits = re.sub(r"[^0-9]", "", main)
    return "tel:" + ("+" if main.startswith("+") else "") + digits


FILTERS = {"tel_href": tel_href}
