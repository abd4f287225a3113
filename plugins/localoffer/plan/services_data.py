"""The services directory's files in the site plan: its open data and its feed.

- ``/data/services.json`` (Open Referral UK services), ``.csv`` and ``.schema.json``;
- ``/services/feed.xml``: the Atom feed of services added or updated.

Each service's item and row are kept between plans (``plan/memo.py``) while its file, its
review state (due or overdue: the only thing of "now" they show), the day its file last changed
and the settings stay the same. The directory's pages come from their own section.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from localoffer.core.derive.review import review_overdue
from localoffer.core.models.service import Service
from localoffer.core.site import Site
from localoffer.export.services_data import (
    CSV_PATH,
    JSON_PATH,
    SCHEMA_PATH,
    service_parts,
    services_files,
)
from localoffer.export.services_feed import FEED_PATH, services_feed
from localoffer.export.services_schema import services_schema_json
from localoffer.plan.keys import SiteKeys, site_keys
from localoffer.plan.model import OutputFile, PlanItem


def plan(site: Site) -> Iterator[PlanItem]:
    keys = site_keys(site)
    parts = [
        keys.memo.get(
            "service-data",
            service_id,
            _key(site, keys, service),
            partial(service_parts, service, site),
        )
        for service_id, service in sorted(site.services.items())
    ]
    json_file, csv_file = services_files(parts)
    yield OutputFile(JSON_PATH, json_file)
    yield OutputFile(CSV_PATH, csv_file)
    yield OutputFile(SCHEMA_PATH, services_schema_json(site))
    yield OutputFile(FEED_PATH, _feed(site, keys))


def _key(site: Site, keys: SiteKeys, service: Service) -> str:
    """What a service's item and row show: its file, whether its review is overdue today, the
    day its file last changed, and the settings (the site's address, its vocabularies)."""
    overdue = review_overdue(service, site.today)
    changed = site.history.updated(service.path).isoformat()
    return f"{keys.digest(service)}|{overdue}|{changed}|{keys.settings}"


def _feed(site: Site, keys: SiteKeys) -> bytes:
    """The feed, made again only when a service, the day a file last changed or the settings
    change (or, with no service, the day: an empty feed is dated today)."""
    parts = [keys.settings, keys.today if not site.services else ""]
    for service_id, service in sorted(site.services.items()):
        changed = site.history.updated(service.path).isoformat()
        parts.append(f"{service_id}:{keys.digest(service)}:{changed}")
    return keys.memo.get("services-feed", FEED_PATH, "|".join(parts), partial(services_feed, site))
