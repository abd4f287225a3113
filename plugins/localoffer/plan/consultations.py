"""The consultations section of the site plan (pages, feeds and data files).

- ``/consultations/``: the register (``consultations/index.md``). If the site has its own
  ``content/consultations/index.md``, its Markdown body is shown as the register's introduction.
- ``/consultations/<id>/``: one page per consultation, its body sanitised.
- ``/consultations/status/<status>/``, ``/consultations/audience/<term>/`` and
  ``/consultations/topic/<term>/``: the register for one status, audience or topic, which it
  links for readers without JavaScript (``plan/consultation_facets.py``).
- ``/consultations/feed.xml``: the Atom feed.
- ``/consultations/<id>/opens.ics``: while a consultation is upcoming, a calendar reminder of
  its opening.
- ``/data/consultations.json``, ``.csv`` and ``.schema.json``: open data and its JSON Schema.
- the ``open-consultations`` embed (``<!-- localoffer:open-consultations limit=3 -->``).

Renamed consultations' old addresses are redirect pages made by ``plan/redirects.py``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from functools import partial
from typing import Any
from urllib.parse import urlsplit

import frontmatter

from localoffer.core.models.consultation import Consultation
from localoffer.core.models.event import Event
from localoffer.core.site import Site
from localoffer.export.atom import FEED_PATH, consultations_feed, entry_moments
from localoffer.export.consultation_reminder import reminder_ics
from localoffer.export.consultations_data import (
    CSV_PATH,
    JSON_PATH,
    SCHEMA_PATH,
    consultation_parts,
    consultations_files,
)
from localoffer.export.consultations_schema import consultations_schema_json
from localoffer.plan.consultation_facets import facet_links, facet_pages
from localoffer.plan.consultation_figures import status_figures
from localoffer.plan.consultation_register import build_register
from localoffer.plan.consultation_status import StatusView, status_view
from localoffer.plan.consultation_view import consultation_page, events_in_order, reminder_path
from localoffer.plan.keys import SiteKeys, site_keys
from localoffer.plan.model import (
    Embed,
    EmbedPlan,
    LazyContext,
    OutputFile,
    PagePlan,
    PlanItem,
    keyed,
)

REGISTER_TITLE = "Consultations"
REGISTER_DESCRIPTION = (
    "Consultations about services for children and young people with special educational needs "
    "and disabilities, and their families: have your say, and see what was decided."
)
EMBED_DEFAULT_LIMIT = 5


def register_intro(site: Site, folder: str = "consultations") -> str:
    """The Markdown body of ``content/<folder>/index.md``, if the site has one: a register's
    introduction."""
    path = site.settings.content_dir / folder / "index.md"
    if not path.is_file():
        return ""
    return str(frontmatter.loads(path.read_text(encoding="utf-8")).content)


def site_path(site: Site) -> str:
    """The path the site is published under: ``/`` or ``/localoffer/``."""
    path = urlsplit(site.settings.site_url).path or "/"
    return path if path.endswith("/") else path + "/"


def plan(site: Site) -> Iterator[PlanItem]:
    keys = site_keys(site)
    name = site.settings.site_name
    register = build_register(site)
    yield PagePlan(
        src_uri="consultations/index.md",
        title=REGISTER_TITLE,
        template="localoffer/consultations.html",
        markdown=register_intro(site),
        context={
            "lo_register": register,
            "lo_status_figures": status_figures(site, register),
            "lo_facets": facet_links(register),
        },
        html_title=f"{REGISTER_TITLE} – {name}",
        description=REGISTER_DESCRIPTION,
    )
    naming: dict[str, list[Event]] = {}
    for event in site.events.values():
        if event.consultation is not None:
            naming.setdefault(event.consultation, []).append(event)
    for consultation_id, consultation in site.consultations.items():
        yield _page(site, keys, consultation_id, consultation, naming.get(consultation_id, []))
    yield from facet_pages(site, register)  # for one status, audience or topic
    for consultation in site.consultations.values():
        if keys.state(consultation) == "upcoming":
            yield OutputFile(reminder_path(consultation.id), reminder_ics(site, consultation))
    yield OutputFile(FEED_PATH, _feed(site, keys))
    texts = [
        keys.memo.get(
            "consultation-data",
            consultation_id,
            # An item shows the record and its status now (and whether its outcome is overdue).
            (keys.digest(consultation), keys.state(consultation)),
            partial(consultation_parts, consultation, site),
        )
        for consultation_id, consultation in sorted(site.consultations.items())
    ]
    json_file, csv_file = consultations_files(texts)
    yield OutputFile(JSON_PATH, json_file)
    yield OutputFile(CSV_PATH, csv_file)
    yield OutputFile(SCHEMA_PATH, consultations_schema_json(site))


def _page(
    site: Site,
    keys: SiteKeys,
    consultation_id: str,
    consultation: Consultation,
    naming: list[Event],
) -> PagePlan:
    """A consultation's page, kept between builds while nothing it shows changes: the record
    and its state, the events to respond at, the rounds its outcome cites, the related
    consultations and their states, the events that name it and which of their dates are
    over, its documents' files, the settings (the contact address) and today."""
    outcome = consultation.outcome
    documents = [
        *([consultation.easy_read] if consultation.easy_read is not None else []),
        *consultation.documents,
        *(outcome.documents if outcome is not None else []),
    ]
    groups = (
        [f"{consultation_id}:{keys.digest(consultation)}@{keys.state(consultation)}"],
        [keys.event_ref(way.value) for way in consultation.respond if way.kind == "event"],
        [keys.ref(site.feedback, round_id) for round_id in outcome.feedback] if outcome else [],
        [keys.consultation_ref(other) for other in consultation.related],
        [keys.ref(site.services, service_id) for service_id in consultation.services],
        sorted(keys.event_time(event) for event in naming),
        [keys.files(documents)],
        [keys.settings, keys.today],
    )
    key = "|".join(",".join(group) for group in groups)

    def make() -> PagePlan:
        def context() -> dict[str, Any]:
            events = {consultation_id: events_in_order(naming, site.now)}
            return {"lo_consultation": consultation_page(site, consultation, events)}

        page = PagePlan(
            src_uri=f"consultations/{consultation_id}.md",
            title=consultation.title,
            template="localoffer/consultation.html",
            markdown=consultation.body,
            context=LazyContext(context),
            html_title=f"{consultation.title} – {REGISTER_TITLE} – {site.settings.site_name}",
            description=consultation.summary,
            search=False,  # found through a compact entry instead (plan/search.py)
        )
        return keyed(page, key)

    return keys.memo.get("consultation-page", consultation_id, key, make)


def _feed(site: Site, keys: SiteKeys) -> bytes:
    """The Atom feed, made again only when a consultation or what has happened by now
    (opened, extended, paused, resumed, outcome published, withdrawn) changes, or the
    settings, or the day."""
    now = site.now
    parts = [keys.settings, keys.today]
    for consultation_id, consultation in site.consultations.items():
        happened = tuple(moment <= now for moment in entry_moments(consultation))
        parts.append(f"{consultation_id}:{keys.digest(consultation)}:{happened}")
    return keys.memo.get("feed", FEED_PATH, "|".join(parts), partial(consultations_feed, site))


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

    For a page read days after the build (nightly rebuilds put it right), the embed also writes,
    hidden, the open consultations after the limit and the upcoming ones: status.js takes those
    that have closed off the list and moves those that have opened onto it, and lists.js shows
    the first ``limit`` and corrects the count.
    """
    root = site_path(site)
    found = []
    waiting = []
    for consultation in site.consultations.values():
        status = status_view(consultation, site.now, site.settings.authority)
        # Open to responses now: a paused one is not (its status stays "open" in the data).
        key = (consultation.closes_at, consultation.title)
        if status.value == "open" and not status.paused:
            found.append((key, consultation, status))
        elif status.state == "upcoming":
            waiting.append((key, consultation, status))
    found.sort(key=lambda item: item[0])
    waiting.sort(key=lambda item: item[0])
    limit = _limit(arguments)

    def items(listed: Sequence[tuple[object, Consultation, StatusView]]) -> list[dict[str, object]]:
        return [
            {"title": c.title, "href": f"{root}consultations/{c.id}/", "status": status}
            for _, c, status in listed
        ]

    return EmbedPlan(
        template="localoffer/embeds/open-consultations.html",
        context={
            "lo_items": items(found[:limit]),
            "lo_more_items": items(found[limit:]),  # open too, but after the limit: hidden
            "lo_waiting": items(waiting),  # upcoming: hidden until they open
            "lo_total": len(found),
            "lo_limit": limit,
            "lo_register_href": f"{root}consultations/",
            "lo_stylesheet": f"{root}assets/localoffer/consultations.css",
            "lo_script": f"{root}assets/localoffer/status.js",
            "lo_lists_script": f"{root}assets/localoffer/lists.js",
        },
    )


EMBEDS: dict[str, Embed] = {"open-consultations": open_consultations}
