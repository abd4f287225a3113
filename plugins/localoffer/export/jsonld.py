"""schema.org Event as JSON-LD, for search engines and other readers of the event pages.

A single event is one ``Event``; a series is an ``@graph`` of one ``Event`` per upcoming
occurrence (capped), or its last occurrence once it is over. ``script_json`` makes the JSON
safe inside ``<script type="application/ld+json">``: ``<``, ``>`` and ``&`` are written as
``\\u003c`` and so on, so no field can close the script element.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from localoffer.core.derive.occurrences import Occurrence
from localoffer.core.models.event import Event
from localoffer.core.vocabulary import DEFAULT_VOCABULARIES, Vocabularies

SCHEMA = "https://schema.org"
MAX_SERIES_EVENTS = 10
EVENT_STATUS = {
    "scheduled": "EventScheduled",
    "cancelled": "EventCancelled",
    "postponed": "EventPostponed",
    "moved-online": "EventMovedOnline",
    "rescheduled": "EventRescheduled",
}


def attendance_mode(event: Event) -> str:
    online = event.online is not None
    in_person = event.location is not None and event.status != "moved-online"
    if online and in_person:
        return "MixedEventAttendanceMode"
    return "OnlineEventAttendanceMode" if online else "OfflineEventAttendanceMode"


def _iso(value: Any) -> str:
    return str(value.isoformat())


def _location(
    event: Event, page_url: str, provision_labels: Sequence[str] = ()
) -> list[dict[str, Any]]:
    places: list[dict[str, Any]] = []
    if event.location is not None and event.status != "moved-online":
        place: dict[str, Any] = {"@type": "Place", "name": event.location.name}
        address: dict[str, Any] = {"@type": "PostalAddress", "addressCountry": "GB"}
        if event.location.address:
            address["streetAddress"] = event.location.address
        if event.location.postcode:
            address["postalCode"] = event.location.postcode
        place["address"] = address
        if event.provisions:
            # What helps people take part (a crèche, a hearing loop...), as the place's features.
            place["amenityFeature"] = [
                {"@type": "LocationFeatureSpecification", "name": label, "value": True}
                for label in provision_labels
            ]
        places.append(place)
    if event.online is not None:
        # VirtualLocation needs a url: the joining link, or the event page that says how to get it.
        places.append(
            {
                "@type": "VirtualLocation",
                "name": event.online.platform,
                "url": event.online.url or page_url,
            }
        )
    return places


#: Audiences whose ages are not the event's ``ages:`` (the children's or young people's).
ADULTS = ("parents-carers", "professionals")


def _audience(event: Event, vocabularies: Vocabularies) -> list[dict[str, Any]]:
    """Each audience; with ``ages:``, the ages of the children or young people, which for
    parents and carers are their children's (a ParentAudience's childMinAge, never theirs)."""
    found: list[dict[str, Any]] = []
    for term in event.audiences:
        kind = "Audience"
        if event.ages is not None and term not in ADULTS:
            kind = "PeopleAudience"
        elif event.ages is not None and term == "parents-carers":
            kind = "ParentAudience"
        audience: dict[str, Any] = {
            "@type": kind,
            "audienceType": vocabularies.label("audiences", term),
        }
        if event.ages is not None and kind == "PeopleAudience":
            audience["suggestedMinAge"] = event.ages.from_
            audience["suggestedMaxAge"] = event.ages.to
        elif event.ages is not None and kind == "ParentAudience":
            audience["childMinAge"] = event.ages.from_
            audience["childMaxAge"] = event.ages.to
        found.append(audience)
    return found


def event_object(
    event: Event,
    occurrence: Occurrence,
    *,
    page_url: str,
    vocabularies: Vocabularies = DEFAULT_VOCABULARIES,
) -> dict[str, Any]:
    """One schema.org Event for one occurrence (of a session: at that session's place)."""
    if occurrence.session:
        update = {"location": occurrence.location, "online": occurrence.online}
        event = event.model_copy(update=update)
    data: dict[str, Any] = {
        "@type": "Event",
        "name": event.title,
        "description": event.summary,
        "url": page_url,
        "startDate": _iso(occurrence.start),
        "endDate": _iso(occurrence.end),
        "eventStatus": f"{SCHEMA}/{EVENT_STATUS[event.status]}",
        "eventAttendanceMode": f"{SCHEMA}/{attendance_mode(event)}",
        "location": _location(
            event, page_url, [vocabularies.label("provisions", t) for t in event.provisions]
        ),
        "organizer": {"@type": "Organization", "name": event.organiser},
        "audience": _audience(event, vocabularies),
        "inLanguage": "en-GB",
        "isAccessibleForFree": event.is_free,
    }
    if event.contact:
        data["organizer"]["email"] = event.contact
    if len(data["location"]) == 1:
        data["location"] = data["location"][0]
    if not event.is_free:
        booking_url = event.booking.url if event.booking and event.booking.url else None
        data["offers"] = {
            "@type": "Offer",
            "description": event.cost,
            "priceCurrency": "GBP",
            "url": booking_url or page_url,
        }
    if event.ages is not None and any(term not in ADULTS for term in event.audiences):
        # The ages of those who come: not for an event for parents or professionals only.
        data["typicalAgeRange"] = f"{event.ages.from_}-{event.ages.to}"
    return data


def event_jsonld(
    event: Event,
    shown: Sequence[Occurrence],
    *,
    page_url: str,
    vocabularies: Vocabularies = DEFAULT_VOCABULARIES,
) -> dict[str, Any]:
    """The JSON-LD document for an event page: one Event, or a graph for a series."""
    objects = [
        event_object(event, item, page_url=page_url, vocabularies=vocabularies)
        for item in shown[:MAX_SERIES_EVENTS]
    ]
    if len(objects) == 1:
        return {"@context": SCHEMA, **objects[0]}
    return {"@context": SCHEMA, "@graph": objects}


def script_json(data: Any) -> str:
    """JSON for a ``<script>`` element: nothing in it can end the element or open a comment."""
    text = json.dumps(data, ensure_ascii=False)
    return (
        text.replace("&", "\\u0026")
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )
