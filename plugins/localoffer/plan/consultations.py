"""The consultations section of the site plan (pages, feeds and data files).

- ``/consultations/``: the register (``consultations/index.md``). If the site has its own
  ``content/consultations/index.md``, its Markdown body is shown as the register's introduction.
- ``/consultations/<id>/``: one page per consultation, its body sanitised.
- ``/consultations/feed.xml``: the Atom feed.
- ``/data/consultations.json``, ``.csv`` and ``.schema.json``: open data and its JSON Schema.
- the ``open-consultations`` embed (``<!-- localoffer:open-consultations limit=3 -->``).

Renamed consultations' old addresses are redirect pages made by ``plan/redirects.py``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from urllib.parse import urlsplit

import frontmatter

from localoffer.core.site import Site
from localoffer.export.atom import FEED_PATH, consultations_feed
from localoffer.export.consultations_data import (
    CSV_PATH,
    JSON_PATH,
    SCHEMA_PATH,
    consultations_csv,
    consultations_json,
    consultations_schema_json,
)
from localoffer.plan.consultation_register import build_register
from localoffer.plan.consultation_status import status_view
from localoffer.plan.consultation_view import consultation_page, events_by_consultation
from localoffer.plan.model import Embed, EmbedPlan, OutputFile, PagePlan, PlanItem

REGISTER_TITLE = "Consultations"
REGISTER_DESCRIPTION = (
    "Consultations about services for children and young people with special educational needs "
    "and disabilities, and their families: have your say, and see what was decided."
)
EMBED_DEFAULT_LIMIT = 5


def register_intro(site: Site) -> str:
    """The Markdown body of ``content/consultations/index.md``, if the site has one."""
    path = site.settings.content_dir / "consultations" / "index.md"
    if not path.is_file():
        return ""
    return str(frontmatter.loads(path.read_text(encoding="utf-8")).content)


def site_path(site: Site) -> str:
    """The path the site is published under: ``/`` or ``/localoffer/``."""
    path = urlsplit(site.settings.site_url).path or "/"
    return path if path.endswith("/") else path + "/"


def plan(site: Site) -> Iterator[PlanItem]:
    name = site.settings.site_name
    yield PagePlan(
        src_uri="consultations/index.md",
        title=REGISTER_TITLE,
        template="localoffer/consultations.html",
        markdown=register_intro(site),
        context={"lo_register": build_register(site)},
        html_title=f"{REGISTER_TITLE} – {name}",
        description=REGISTER_DESCRIPTION,
    )
    events_index = events_by_consultation(site)
    for consultation in site.consultations.values():
        yield PagePlan(
            src_uri=f"consultations/{consultation.id}.md",
            title=consultation.title,
            template="localoffer/consultation.html",
            markdown=consultation.body,
            context={"lo_consultation": consultation_page(site, consultation, events_index)},
            html_title=f"{consultation.title} – {REGISTER_TITLE} – {name}",
            description=consultation.summary,
            search=False,  # found through a compact entry instead (plan/search.py)
        )
    yield OutputFile(FEED_PATH, consultations_feed(site))
    yield OutputFile(JSON_PATH, consultations_json(site))
    yield OutputFile(CSV_PATH, consultations_csv(site))
    yield OutputFile(SCHEMA_PATH, consultations_schema_json(site))


def _limit(arguments: Mapping[str, str]) -> int:
    try:
        return max(1, int(arguments.get("limit", EMBED_DEFAULT_LIMIT)))
    except ValueError:
        return EMBED_DEFAULT_LIMIT


def open_consultations(site: Site, arguments: Mapping[str, str]) -> EmbedPlan:
    """Open consultations, closing soonest first, with a link to the register.

    An embed is rendered without the page it sits on, so its links start from the site's path
    (``/`` or ``/localoffer/``, from ``site_url``); the MkDocs layer makes them relative to the
    page. The page does not load our stylesheet and status script, so the embed links them.
    """
    root = site_path(site)
    found = []
    for consultation in site.consultations.values():
        status = status_view(consultation, site.now)
        if status.value == "open":
            found.append((consultation.closes_at, consultation.title, consultation, status))
    found.sort(key=lambda item: (item[0], item[1]))
    limit = _limit(arguments)
    items = [
        {"title": c.title, "href": f"{root}consultations/{c.id}/", "status": status}
        for _, _, c, status in found[:limit]
    ]
    return EmbedPlan(
        template="localoffer/embeds/open-consultations.html",
        context={
            "lo_items": items,
            "lo_total": len(found),
            "lo_register_href": f"{root}consultations/",
            "lo_stylesheet": f"{root}assets/localoffer/consultations.css",
            "lo_script": f"{root}assets/localoffer/status.js",
        },
    )


EMBEDS: dict[str, Embed] = {"open-consultations": open_consultations}
