"""The whole site plan: every section's pages and files, and the embeds content pages can use."""

from __future__ import annotations

from dataclasses import dataclass, field

from localoffer.core.site import Site
from localoffer.plan import accessibility, consultations, events, feedback, redirects
from localoffer.plan.model import Embed, OutputFile, PagePlan, Section

SECTIONS: tuple[Section, ...] = (
    consultations.plan,
    events.plan,
    feedback.plan,
    accessibility.plan,
    redirects.plan,
)
EMBEDS: dict[str, Embed] = {
    **consultations.EMBEDS,
    **events.EMBEDS,
    **feedback.EMBEDS,
}


@dataclass
class SitePlan:
    pages: dict[str, PagePlan] = field(default_factory=dict)
    files: dict[str, OutputFile] = field(default_factory=dict)


def plan_site(site: Site) -> SitePlan:
    result = SitePlan()
    for section in SECTIONS:
        for item in section(site):
            if isinstance(item, PagePlan):
                result.pages[item.src_uri] = item
            else:
                result.files[item.path] = item
    return result
