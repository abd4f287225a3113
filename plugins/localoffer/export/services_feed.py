"""The Atom feed of the services directory: ``/services/feed.xml``, services added or updated.

One entry per service, dated the day its file last changed (from git, as each page's "Last
updated" line is: ``core/history.py``), so a service added or changed comes to the top. The
entry's id is the service's page address, which never changes, so a feed reader shows a
changed service as that entry updated rather than as a new one. The feed cannot tell an added
service from a changed one (git's first date of a file is not read), so entries have no
``published`` date. The feed's ``updated`` is the newest entry's, so rebuilding changes nothing.
"""

from __future__ import annotations

from localoffer.core.dates import start_of
from localoffer.core.models.service import Service
from localoffer.core.site import Site
from localoffer.export.atom import Entry, Feed, atom_bytes
from localoffer.present.dates import govuk_date

FEED_PATH = "services/feed.xml"
SECTION = "services"


def service_entry(site: Site, service: Service) -> Entry:
    page = f"{site.settings.base_url}/{SECTION}/{service.id}/"
    return Entry(
        id=page,
        title=service.title,
        link=page,
        updated=start_of(site.history.updated(service.path)),
        summary=(
            f"{service.summary} Provided by {service.organisation.name}. Details last checked "
            f"on {govuk_date(service.reviewed)}."
        ),
        category="service",
        published_known=False,
    )


def services_feed(site: Site) -> bytes:
    settings = site.settings
    base = settings.base_url
    publisher = settings.authority or settings.site_name
    feed = Feed(
        id=f"{base}/{FEED_PATH}",
        title=f"Services – {settings.site_name}",
        subtitle=(
            "Services and support for children and young people with SEND and their families, "
            "as each is added or its details change"
        ),
        self_link=f"{base}/{FEED_PATH}",
        alternate_link=f"{base}/{SECTION}/",
        author=publisher,
        entries=[service_entry(site, service) for service in site.services.values()],
        fallback_updated=start_of(site.today),
    )
    return atom_bytes(feed)
