"""Live lists in content pages: ``<!-- localoffer:NAME key=value -->`` becomes rendered HTML."""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from urllib.parse import urlsplit

from jinja2 import Environment
from mkdocs.utils import get_relative_url

from localoffer.core.site import Site
from localoffer.plan.model import Embed

log = logging.getLogger("mkdocs.plugins.localoffer")
PATTERN = re.compile(r"<!--\s*localoffer:([a-z-]+)((?:\s+[a-z_-]+=[^\s>]+)*)\s*-->")
_ROOTED = re.compile(r'(\s(?:href|src))="(/(?!/)[^"]*)"')


def parse_arguments(text: str) -> dict[str, str]:
    return dict(part.split("=", 1) for part in text.split())


def relative_links(html: str, site_root: str, page_url: str) -> str:
    """Make links from the site root (``/consultations/x/``) relative to the page, so the
    lists work wherever the site is served from, a preview folder included."""
    root = site_root if site_root.endswith("/") else site_root + "/"

    def replace(match: re.Match[str]) -> str:
        target = match.group(2)
        if not target.startswith(root):
            return match.group(0)
        inside = target[len(root) :]
        relative = get_relative_url(inside or ".", page_url)
        if target.endswith("/") and not relative.endswith("/"):
            relative += "/"  # keep directory links as directories
        return f'{match.group(1)}="{relative}"'

    return _ROOTED.sub(replace, html)


def render_embeds(
    html: str,
    site: Site,
    embeds: Mapping[str, Embed],
    env: Environment,
    page: str,
    page_url: str = "",
) -> str:
    site_root = urlsplit(site.settings.site_url).path or "/"

    def replace(match: re.Match[str]) -> str:
        name, arguments = match.group(1), parse_arguments(match.group(2))
        embed = embeds.get(name)
        if embed is None:
            log.warning(f"{page}: unknown embed 'localoffer:{name}' (known: {', '.join(embeds)})")
            return match.group(0)
        planned = embed(site, arguments)
        rendered = env.get_template(planned.template).render(**planned.context)
        return relative_links(rendered, site_root, page_url)

    return PATTERN.sub(replace, html)
