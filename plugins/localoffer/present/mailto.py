"""``mailto:`` links with a subject (and optionally a body), percent-encoded as RFC 6068 asks."""

from __future__ import annotations

from urllib.parse import quote


def mailto_href(address: str, subject: str = "", body: str = "") -> str:
    """``mailto:a@b.example?subject=Request%20for%20...``; spaces as %20, never as +."""
    query = []
    if subject:
        query.append("subject=" + quote(subject, safe=""))
    if body:
        query.append("body=" + quote(body, safe=""))
    return "mailto:" + quote(address, safe="@.+-_") + ("?" + "&".join(query) if query else "")


FILTERS = {"mailto_href": mailto_href}
