"""The accessibility section of the site plan (pages, feeds and data files)."""

from __future__ import annotations

from collections.abc import Iterator

from localoffer.core.site import Site
from localoffer.plan.model import Embed, PlanItem

EMBEDS: dict[str, Embed] = {}


def plan(site: Site) -> Iterator[PlanItem]:
    return iter(())
