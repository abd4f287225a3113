"""Redirect pages: a renamed record's old address (``previous_ids``) keeps working."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from html import escape

from localoffer.core.models.consultation import Consultation
from localoffer.core.models.event import Event
from localoffer.core.models.service import Service
from localoffer.core.site import Site
from localoffer.plan.model import OutputFile, PlanItem


def redirect_page(target: str, title: str, canonical: str) -> bytes:
    """A tiny page that sends browsers to ``target`` (relative, so previews and any host work),
    and tells search engines the page's real, absolute address ``canonical``: a relative
    canonical link is resolved against the old address by some crawlers, or ignored."""
    url = escape(target, quote=True)
    text = escape(title)
    absolute = escape(canonical, quote=True)
    html = (
        "<!doctype html>\n"
        '<html lang="en-GB">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{text} has moved</title>\n"
        f'<link rel="canonical" href="{absolute}">\n'
        '<meta name="robots" content="noindex">\n'
        f'<meta http-equiv="refresh" content="0; url={url}">\n'
        "</head>\n<body>\n"
        f'<p>This page has moved to <a href="{url}">{text}</a>.</p>\n'
        "</body>\n</html>\n"
    )
    return html.encode("utf-8")


def plan(site: Site) -> Iterator[PlanItem]:
    folders: tuple[tuple[str, Mapping[str, Consultation | Event | Service]], ...] = (
        ("consultations", site.consultations),
        ("events", site.events),
        ("services", site.services),
    )
    for folder, records in folders:
        for record in records.values():
            for old in getattr(record, "previous_ids", []):
                target = f"../{record.id}/"  # relative, so previews and any host work
                canonical = f"{site.settings.base_url}/{folder}/{record.id}/"
                page = redirect_page(target, record.title, canonical)
                yield OutputFile(f"{folder}/{old}/index.html", page)
