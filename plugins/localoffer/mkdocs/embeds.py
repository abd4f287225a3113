"""Live lists in content pages: ``<!-- localoffer:NAME key=value -->`` becomes rendered HTML."""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping

from jinja2 import Environment

from localoffer.core.site import Site
from localoffer.plan.model import Embed

log = logging.getLogger("mkdocs.plugins.localoffer")
PATTERN = re.compile(r"<!--\s*localoffer:([a-z-]+)((?:\s+[a-z_-]+=[^\s>]+)*)\s*-->")


def parse_arguments(text: str) -> dict[str, str]:
    return dict(part.split("=", 1) for part in text.split())


def render_embeds(
    html: str, site: Site, embeds: Mapping[str, Embed], env: Environment, page: str
) -> str:
    def replace(match: re.Match[str]) -> str:
        name, arguments = match.group(1), parse_arguments(match.group(2))
        embed = embeds.get(name)
        if embed is None:
            log.warning(f"{page}: unknown embed 'localoffer:{name}' (known: {', '.join(embeds)})")
            return match.group(0)
        planned = embed(site, arguments)
        return env.get_template(planned.template).render(**planned.context)

    return PATTERN.sub(replace, html)
