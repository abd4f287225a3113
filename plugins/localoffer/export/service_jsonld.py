"""schema.org ``Service`` (or ``GovernmentService``) as JSON-LD, for a service's page.

A service the site's own authority provides is a ``GovernmentService`` with the authority as
``provider`` and ``serviceOperator``; any other is a ``Service`` provided by its organisation.
``areaServed`` names the areas (as text: they are the council's own areas), ``audience`` the
people it is for (with ``suggestedMinAge`` and ``suggestedMaxAge`` from its ages), and
``availableChannel`` how to reach it. Written with ``jsonld.script_json`` into the page.
"""

from __future__ import annotations

from typing import Any

from localoffer.core.models.service import Service
from localoffer.core.settings import SiteSettings
from localoffer.export.jsonld import SCHEMA
from localoffer.export.oruk import page_url


def _organisation(service: Service) -> dict[str, Any]:
    organisation: dict[str, Any] = {"@type": "Organization", "name": service.organisation.name}
    if service.organisation.url:
        organisation["url"] = str(service.organisation.url)
    return organisation


def _audience(service: Service, settings: SiteSettings) -> dict[str, Any]:
    vocabularies = settings.vocabularies
    audience: dict[str, Any] = {"@type": "PeopleAudience"}
    names = [vocabularies.label("audiences", term) for term in service.audiences]
    needs = [vocabularies.label("needs", term) for term in service.needs]
    audience["audienceType"] = ", ".join(names) if names else "Children and young people with SEND"
    if needs:  # the Code of Practice's areas of need: not medical conditions, so in words
        audience["description"] = "Areas of need: " + ", ".join(needs)
    if service.ages is not None:
        audience["suggestedMinAge"] = service.ages.from_
        audience["suggestedMaxAge"] = service.ages.to
    return audience


def _channel(service: Service, url: str) -> dict[str, Any]:
    """How to reach it: its web page (or this page), its phone and its languages."""
    contact = service.contact
    channel: dict[str, Any] = {"@type": "ServiceChannel", "serviceUrl": str(contact.url or url)}
    if contact.phone:
        channel["servicePhone"] = {"@type": "ContactPoint", "telephone": contact.phone}
    if service.languages:
        channel["availableLanguage"] = list(service.languages)
    return channel


def service_jsonld(service: Service, settings: SiteSettings) -> dict[str, Any]:
    url = page_url(settings, service.id)
    provider = _organisation(service)
    government = bool(settings.authority) and service.organisation.name == settings.authority
    data: dict[str, Any] = {
        "@context": SCHEMA,
        "@type": "GovernmentService" if government else "Service",
        "@id": f"{url}#service",
        "name": service.title,
        "description": service.summary,
        "url": url,
        "provider": provider,
        "audience": _audience(service, settings),
        "availableChannel": _channel(service, url),
        "serviceType": ", ".join(
            settings.vocabularies.label("service_categories", term) for term in service.categories
        ),
    }
    if government:
        data["serviceOperator"] = provider
    areas = [settings.vocabularies.label("areas", term) for term in service.areas]
    if areas:
        data["areaServed"] = [{"@type": "AdministrativeArea", "name": area} for area in areas]
    if service.is_free:
        data["offers"] = {"@type": "Offer", "price": 0, "priceCurrency": "GBP"}
    return data
