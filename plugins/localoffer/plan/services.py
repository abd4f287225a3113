"""The services directory's pages, for a site with ``services/``.

Pages (``src_uri`` → URL):

- ``services/index.md`` → ``/services/``: the directory, filterable by category, need, age, area,
  cost and words (``service_directory.py``). If the site has its own
  ``content/services/index.md``, its Markdown body is the directory's introduction.
- ``services/<id>.md`` → ``/services/<id>/``: one page per service, its body sanitised
  (``service_view.py``).
- ``services/category/<term>/`` and ``services/need/<term>/``: the directory for one category
  or need, which it links for readers without JavaScript.

The open data and the feed are ``services_data.py``. Renamed services' old addresses are
redirect pages made by ``plan/redirects.py``.
"""

from __future__ import annotations

from collections.abc import Iterator

from localoffer.core.derive.review import review_overdue
from localoffer.core.models.service import Service
from localoffer.core.site import Site
from localoffer.export.services_data import CSV_PATH, JSON_PATH, SCHEMA_PATH
from localoffer.export.services_feed import FEED_PATH
from localoffer.plan.consultations import register_intro
from localoffer.plan.keys import SiteKeys, site_keys
from localoffer.plan.model import LazyContext, PagePlan, PlanItem, keyed
from localoffer.plan.service_directory import (
    LIST_ID,
    SECTION,
    directory_item,
    facet_links,
    facet_pages,
    filter_fields,
)
from localoffer.plan.service_view import ServiceLinks, service_links, service_page

DESCRIPTION = (
    "The Local Offer directory: education, health and social care services, short breaks, "
    "advice, transport and leisure for children and young people with SEND and their families."
)


def plan(site: Site) -> Iterator[PlanItem]:
    if not site.services:
        return
    keys = site_keys(site)
    services = sorted(site.services.values(), key=lambda s: (s.title.lower(), s.id))
    items = [directory_item(site, s, review_overdue(s, site.today)) for s in services]
    fields = filter_fields(site, items)
    yield PagePlan(
        src_uri="services/index.md",
        title=SECTION,
        template="localoffer/services.html",
        markdown=register_intro(site, "services"),
        context={
            "lo_directory": {
                "services": items,
                "total": len(items),
                "list_id": LIST_ID,
                "filters": fields,
                "facets": facet_links(fields),
                "feed_href": FEED_PATH,
                "json_href": JSON_PATH,
                "csv_href": CSV_PATH,
                "schema_href": SCHEMA_PATH,
            }
        },
        html_title=f"{SECTION} – {site.settings.site_name}",
        description=DESCRIPTION,
    )
    links = service_links(site)
    for service in services:
        yield _page(site, keys, links, service)
    yield from facet_pages(site, items)


def _page(site: Site, keys: SiteKeys, links: ServiceLinks, service: Service) -> PagePlan:
    """A service's page, kept between builds while nothing it shows changes: the service and
    whether its review is overdue, the events that name it and which of their dates are over,
    the consultations about it and their states, the rounds whose comments name it, its
    documents' files, the settings and today."""
    groups = (
        [f"{service.id}:{keys.digest(service)}@{review_overdue(service, site.today)}"],
        sorted(keys.event_time(event) for event in links.events.get(service.id, [])),
        [
            f"{keys.consultation_ref(cid)}@{keys.state(site.consultations[cid])}"
            for cid in links.consultations.get(service.id, [])
        ],
        sorted({keys.ref(site.feedback, rid) for rid, _ in links.comments.get(service.id, [])}),
        [keys.files(service.documents)],
        [keys.settings, keys.today],
    )
    key = "|".join(",".join(group) for group in groups)

    def make() -> PagePlan:
        page = PagePlan(
            src_uri=f"services/{service.id}.md",
            title=service.title,
            template="localoffer/service.html",
            markdown=service.body,
            context=LazyContext(lambda: {"lo_service": service_page(site, service, links)}),
            html_title=f"{service.title} – {SECTION} – {site.settings.site_name}",
            description=service.summary,
            search=False,  # found through a compact entry instead (plan/search.py)
        )
        return keyed(page, key)

    return keys.memo.get("service-page", service.id, key, make)
