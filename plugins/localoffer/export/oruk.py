"""A service as an Open Referral UK ``service`` (HSDS 3.0, the UK profile), for
``/data/services.json``.

ORUK's schema (``tests/services/oruk-schema/``) needs a UUID for the service and for each object
in it. They are made with UUID 5 from the site's address and the record's id (and the place of
each part in it), so they are the same on every build and differ between sites. What ORUK has a
field for goes there:

- ``name``, ``description`` (the summary and the page text, in Markdown), ``url`` (the service's
  page on the Local Offer), ``email`` and ``status`` (always ``active``: a service that stops is
  removed);
- ``organization`` (``website`` its url), ``minimum_age`` and ``maximum_age`` (the eligibility
  by age), ``assured_date`` (``reviewed``) and ``last_modified`` (when the file last changed);
- ``cost_options`` (the amount in pounds, what it is per, and the cost in words), ``contacts``
  (the service itself, never a person), ``service_at_locations`` (each place, with its address
  and accessibility), ``languages``, ``schedules`` (``hours``, in words), ``service_areas``;
- ``attributes``: one taxonomy term for each category, need and audience, with the taxonomy it
  comes from (``localoffer:service-categories``...). ORUK leaves ``link_type`` an open list:
  ``category``, ``need`` and ``audience``.

HSDS 3.0 fields the UK profile leaves out (``eligibility_description``, ``application_process``,
``fees_description``, a contact's ``email`` and ``phones``, a language's ``name``, a cost's
``currency``) are added where they say something: the profile allows them.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date
from typing import Any

from localoffer.core.dates import start_of
from localoffer.core.models.event import Location
from localoffer.core.models.service import Cost, Service
from localoffer.core.settings import SiteSettings
from localoffer.core.vocabulary import Vocabularies
from localoffer.present.cost import govuk_cost

#: Where each vocabulary of a service goes in ``attributes``: (link type, taxonomy name).
TAXONOMIES = {
    "service_categories": ("category", "localoffer:service-categories"),
    "needs": ("need", "localoffer:needs"),
    "audiences": ("audience", "localoffer:audiences"),
}
#: What each kind of term is, for its description.
TERM_KINDS = {
    "service_categories": "a category of service in the Local Offer",
    "needs": "a broad area of need in the SEND Code of Practice",
    "audiences": "who the service is for",
}
Part = Callable[[str], str]  # the UUID of a part of a service, by its name
REFERRAL_PROCESS = {
    "self": "Families can ask the service for it directly (self-referral).",
    "professional": "A professional, such as a GP, health visitor, school or social worker, "
    "makes the referral.",
    "both": "Families can ask the service for it directly, or a professional can refer them.",
}


def site_namespace(settings: SiteSettings) -> uuid.UUID:
    """The namespace of every UUID a site's data has: its address."""
    return uuid.uuid5(uuid.NAMESPACE_URL, settings.base_url + "/")


def service_uuid(settings: SiteSettings, service_id: str) -> str:
    return str(uuid.uuid5(site_namespace(settings), f"service/{service_id}"))


def page_url(settings: SiteSettings, service_id: str) -> str:
    return f"{settings.base_url}/services/{service_id}/"


def oruk_service(service: Service, settings: SiteSettings, last_changed: date) -> dict[str, Any]:
    """``service`` as an ORUK service object (plain JSON values)."""
    namespace = site_namespace(settings)
    sid = service_uuid(settings, service.id)

    def part(name: str) -> str:
        return str(uuid.uuid5(namespace, f"service/{service.id}/{name}"))

    organisation = service.organisation
    organisation_id = str(uuid.uuid5(namespace, f"organisation/{organisation.name.casefold()}"))
    item: dict[str, Any] = {
        "id": sid,
        "name": service.title,
        "description": f"{service.summary}\n\n{service.body.strip()}".strip(),
        "url": page_url(settings, service.id),
        "status": "active",
        "organization_id": organisation_id,
        "organization": {
            "id": organisation_id,
            "name": organisation.name,
            "description": f"{organisation.name} provides services listed in the "
            f"{settings.site_name}.",
            **({"website": organisation.url} if organisation.url else {}),
        },
    }
    if service.contact.email:
        item["email"] = service.contact.email
    if service.ages is not None:
        item["minimum_age"] = service.ages.from_
        item["maximum_age"] = service.ages.to
    item["eligibility_description"] = _eligibility(service, settings.vocabularies)
    item["application_process"] = REFERRAL_PROCESS[service.referral]
    item["fees_description"] = govuk_cost(service.cost)
    item["assured_date"] = service.reviewed.isoformat()
    item["last_modified"] = start_of(last_changed).isoformat()
    item["cost_options"] = [_cost_option(service.cost, part("cost"), sid)]
    item["contacts"] = _contacts(service, part, sid)
    item["service_at_locations"] = [
        _at_location(location, part(f"location/{index}"), part(f"at-location/{index}"), sid)
        for index, location in enumerate(service.locations)
    ]
    item["languages"] = [
        {"id": part(f"language/{index}"), "service_id": sid, "name": language}
        for index, language in enumerate(service.languages)
    ]
    item["schedules"] = (
        [{"id": part("schedule"), "service_id": sid, "description": service.hours}]
        if service.hours
        else []
    )
    item["service_areas"] = [
        {
            "id": part(f"area/{area}"),
            "service_id": sid,
            "name": settings.vocabularies.label("areas", area),
            "service_area": area,
        }
        for area in service.areas
    ]
    item["attributes"] = _attributes(service, settings.vocabularies, namespace, part, sid)
    return item


def _eligibility(service: Service, vocabularies: Vocabularies) -> str:
    parts = []
    if service.ages is not None:
        parts.append(f"Ages {service.ages.from_} to {service.ages.to}.")
    if service.needs:
        labels = [vocabularies.label("needs", need).lower() for need in service.needs]
        parts.append(f"For {_and(labels)} needs.")
    else:
        parts.append("Open to all needs.")
    return " ".join(parts)


def _and(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _cost_option(cost: str | Cost, option_id: str, sid: str) -> dict[str, Any]:
    option: dict[str, Any] = {"id": option_id, "service_id": sid}
    if isinstance(cost, Cost):
        if cost.amount is not None:
            option["amount"] = cost.amount
            option["currency"] = "GBP"
        if cost.per:
            option["option"] = cost.per
    elif cost.strip().lower() == "free":
        option["amount"] = 0
        option["currency"] = "GBP"
    option["amount_description"] = govuk_cost(cost)
    return option


def _contacts(service: Service, part: Part, sid: str) -> list[dict[str, Any]]:
    contact = service.contact
    if contact.email is None and contact.phone is None:
        return []  # a web page only: it is the service's url in the data (and on its page)
    found: dict[str, Any] = {"id": part("contact"), "service_id": sid, "name": service.title}
    if contact.email:
        found["email"] = contact.email
    if contact.phone:
        found["phones"] = [{"id": part("contact/phone"), "number": contact.phone}]
    return [found]


def _at_location(location: Location, location_id: str, link_id: str, sid: str) -> dict[str, Any]:
    place: dict[str, Any] = {"id": location_id, "location_type": "physical", "name": location.name}
    if location.address or location.postcode:
        street, _, town = (location.address or "").rpartition(",")
        if not street:  # one part only: the street (or the town), as written
            street, town = town, ""
        place["addresses"] = [
            {
                "id": str(uuid.uuid5(uuid.UUID(location_id), "address")),
                "location_id": location_id,
                "address_1": street.strip() or location.name,
                "city": town.strip(),
                "state_province": "",
                "postal_code": location.postcode or "",
                "country": "GB",
                "address_type": "physical",
            }
        ]
    if location.accessibility:
        place["accessibility"] = [
            {
                "id": str(uuid.uuid5(uuid.UUID(location_id), "accessibility")),
                "location_id": location_id,
                "description": location.accessibility,
            }
        ]
    return {"id": link_id, "service_id": sid, "location_id": location_id, "location": place}


def _attributes(
    service: Service, vocabularies: Vocabularies, namespace: uuid.UUID, part: Part, sid: str
) -> list[dict[str, Any]]:
    found = []
    terms = {
        "service_categories": service.categories,
        "needs": service.needs,
        "audiences": service.audiences,
    }
    for vocabulary, chosen in terms.items():
        link_type, taxonomy = TAXONOMIES[vocabulary]
        for term in chosen:
            term_id = str(uuid.uuid5(namespace, f"term/{vocabulary}/{term}"))
            label = vocabularies.label(vocabulary, term)
            found.append(
                {
                    "id": part(f"{link_type}/{term}"),
                    "link_id": sid,
                    "link_type": link_type,
                    "taxonomy_term_id": term_id,
                    "taxonomy_term": {
                        "id": term_id,
                        "name": label,
                        "description": f"{label}: {TERM_KINDS[vocabulary]}",
                        "taxonomy": taxonomy,
                        "term": term,
                    },
                }
            )
    return found
