"""Open data about services, from a real build: ``/data/services.json`` against Open Referral
UK's published schema and its own, ``/data/services.csv``, and the links from events and
consultations in their data."""

from __future__ import annotations

import copy
import csv
import io
import uuid
from datetime import datetime
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from localoffer.core.check import check_site
from localoffer.core.clock import parse_today
from localoffer.export.services_data import service_item

from .fixture_site import SERVICE_IDS, SITE_URL, Built
from .oruk import oruk_errors

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def data(built: Built) -> dict[str, Any]:
    found: dict[str, Any] = built.json("data/services.json")
    return found


def by_id(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {item["localoffer"]["id"]: item for item in data["items"]}


def test_every_item_is_a_valid_open_referral_uk_service(data: dict[str, Any]) -> None:
    assert list(data) == ["items"]  # the contract's shape: an object whose items are the list
    assert len(data["items"]) == len(SERVICE_IDS)
    for item in data["items"]:
        assert oruk_errors(item) == [], item["localoffer"]["id"]


@pytest.mark.parametrize(
    ("change", "why"),
    [
        (lambda item: item.update(id="sendiass-anyshire"), "an id that is not a UUID"),
        (lambda item: item.update(url="/services/sendiass-anyshire/"), "a url that is not a URI"),
        (lambda item: item.update(status="open"), "a status ORUK does not have"),
        (lambda item: item.pop("name"), "no name"),
        (lambda item: item["organization"].pop("description"), "an organisation undescribed"),
        (lambda item: item.update(minimum_age="five"), "an age that is not a number"),
        (lambda item: item["contacts"][0].update(id=None), "a contact without its id"),
        (lambda item: item.update(last_modified="2026-11-23"), "a date where a date-time goes"),
        (lambda item: item.update(email="sendiass"), "an email address that is not one"),
    ],
)
def test_the_oruk_schema_and_its_formats_are_really_checked(
    data: dict[str, Any], change: Any, why: str
) -> None:
    item = copy.deepcopy(by_id(data)["sendiass-anyshire"])
    change(item)
    assert oruk_errors(item), why


def test_the_oruk_fields_say_what_the_record_says(data: dict[str, Any]) -> None:
    item = by_id(data)["sendiass-anyshire"]
    assert item["name"] == "SENDIASS Anyshire"
    assert item["description"] == (
        "Free, impartial advice about SEND for families and young people.\n\n"
        "Advisers help with SEN support, EHC plans and annual reviews."
    )
    assert item["url"] == SITE_URL + "services/sendiass-anyshire/"
    assert item["status"] == "active"
    assert item["email"] == "sendiass@anyshire.example"
    assert item["organization"]["name"] == "Anyshire County Council"
    assert item["organization"]["website"] == "https://www.anyshire.example/"
    assert item["organization_id"] == item["organization"]["id"]
    assert (item["minimum_age"], item["maximum_age"]) == (0, 25)
    assert item["assured_date"] == "2026-10-12"
    assert item["application_process"].startswith("Families can ask the service")
    assert item["eligibility_description"] == (
        "Ages 0 to 25. For communication and interaction needs."
    )
    [cost] = item["cost_options"]
    assert cost["amount"] == 3.5 and cost["currency"] == "GBP" and cost["option"] == "session"
    assert cost["amount_description"] == "£3.50 a session. Carers go free."
    [contact] = item["contacts"]
    assert contact["name"] == "SENDIASS Anyshire"  # the service, never a person
    assert contact["email"] == "sendiass@anyshire.example"
    assert contact["phones"][0]["number"] == "01632 960 400"
    [place] = item["service_at_locations"]
    location = place["location"]
    assert place["location_id"] == location["id"]
    assert location["name"] == "County Hall"
    [address] = location["addresses"]
    assert (address["address_1"], address["city"], address["postal_code"]) == (
        "Market Street",
        "Anbury",
        "AY1 1AA",
    )
    assert location["accessibility"][0]["description"] == "Step-free access and a hearing loop."
    assert [language["name"] for language in item["languages"]] == [
        "English",
        "British Sign Language",
    ]
    assert item["schedules"][0]["description"] == "Monday to Friday, 9am to 5pm"
    assert [area["service_area"] for area in item["service_areas"]] == ["countywide"]
    terms = [
        (a["link_type"], a["taxonomy_term"]["term"], a["taxonomy_term"]["name"])
        for a in item["attributes"]
    ]
    assert terms == [
        ("category", "advice-and-support", "Advice and support"),
        ("need", "communication-and-interaction", "Communication and interaction"),
        ("audience", "parents-carers", "Parents and carers"),
        ("audience", "young-people", "Young people"),
    ]
    assert {a["link_id"] for a in item["attributes"]} == {item["id"]}


def test_ids_are_uuids_made_from_the_site_and_the_record(data: dict[str, Any]) -> None:
    namespace = uuid.uuid5(uuid.NAMESPACE_URL, SITE_URL.rstrip("/") + "/")
    for record_id, item in by_id(data).items():
        assert item["id"] == str(uuid.uuid5(namespace, f"service/{record_id}"))
    # Every part of every service has an id of its own; an organisation or a term has the same
    # id wherever it is named.
    own = [found for item in data["items"] for found in _ids(item)]
    assert own and len(own) == len(set(own))
    organisations: dict[str, set[str]] = {
        item["organization"]["name"]: set() for item in data["items"]
    }
    for item in data["items"]:
        organisations[item["organization"]["name"]].add(item["organization"]["id"])
    assert all(len(ids) == 1 for ids in organisations.values())
    terms: dict[str, set[str]] = {}
    for item in data["items"]:
        for attribute in item["attributes"]:
            term = attribute["taxonomy_term"]
            terms.setdefault(term["term"], set()).add(term["id"])
    assert all(len(ids) == 1 for ids in terms.values())


def _ids(node: Any) -> list[str]:
    """The ids of a service's own parts (not its organisation's or its terms')."""
    found: list[str] = []
    if isinstance(node, dict):
        if isinstance(node.get("id"), str):
            found.append(node["id"])
        for key, value in node.items():
            if key not in ("localoffer", "organization", "taxonomy_term"):
                found += _ids(value)
    elif isinstance(node, list):
        for value in node:
            found += _ids(value)
    return found


def test_a_service_with_the_least_is_valid_and_free(data: dict[str, Any]) -> None:
    item = by_id(data)["portage"]
    assert "email" not in item and "minimum_age" not in item
    assert item["contacts"] == []  # a web page only: no one to write to or ring
    assert item["service_at_locations"] == [] and item["languages"] == []
    assert item["cost_options"][0]["amount"] == 0
    assert item["cost_options"][0]["amount_description"] == "Free"
    assert item["eligibility_description"] == "Open to all needs."
    local = item["localoffer"]
    assert local["cost"] == "Free" and local["free"] is True and local["referral"] == "self"
    assert local["contact"] == {
        "email": None,
        "phone": None,
        "url": "https://www.anyshire.example/portage",
    }


def test_a_cost_in_words_has_no_amount(data: dict[str, Any]) -> None:
    item = by_id(data)["saturday-club"]
    [cost] = item["cost_options"]
    assert "amount" not in cost
    assert cost["amount_description"] == "£2 a morning, siblings free"
    [address] = item["service_at_locations"][0]["location"]["addresses"]
    assert (address["address_1"], address["city"], address["postal_code"]) == (
        "3 Mill Street",
        "",
        "",
    )
    assert item["localoffer"]["free"] is False


def test_the_records_own_fields_are_under_localoffer(data: dict[str, Any]) -> None:
    local = by_id(data)["sendiass-anyshire"]["localoffer"]
    assert local["id"] == "sendiass-anyshire"
    assert local["url"] == "/services/sendiass-anyshire/"
    assert local["cost"] == {"amount": 3.5, "per": "session", "note": "Carers go free."}
    assert local["cost_text"] == "£3.50 a session. Carers go free."
    assert local["ages"] == {"from": 0, "to": 25}
    assert local["categories"] == ["advice-and-support"]
    assert local["needs"] == ["communication-and-interaction"]
    assert local["reviewed"] == "2026-10-12"
    assert local["review_due"] == "2027-10-12"
    assert local["review_overdue"] is False
    overdue = by_id(data)["saturday-club"]["localoffer"]
    assert overdue["review_due"] == "2026-05-01" and overdue["review_overdue"] is True
    assert by_id(data)["travel-training"]["localoffer"]["previous_ids"] == ["independent-travel"]


def test_items_are_in_id_order(data: dict[str, Any]) -> None:
    assert [item["localoffer"]["id"] for item in data["items"]] == SERVICE_IDS


def test_last_modified_is_the_day_the_file_last_changed(data: dict[str, Any]) -> None:
    changed = {key: item["last_modified"] for key, item in by_id(data).items()}
    assert changed == {
        "portage": "2026-01-05T00:00:00+00:00",
        "saturday-club": "2025-05-01T00:00:00+01:00",
        "sendiass-anyshire": "2026-10-12T00:00:00+01:00",
        "travel-training": "2026-03-02T00:00:00+00:00",
    }


def test_the_json_is_valid_against_its_own_published_schema(
    built: Built, data: dict[str, Any]
) -> None:
    schema = built.json("data/services.schema.json")
    assert schema["$id"] == SITE_URL + "data/services.schema.json"
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    validator = cls(schema, format_checker=cls.FORMAT_CHECKER)
    assert [error.message for error in validator.iter_errors(data)] == []
    broken = copy.deepcopy(data)
    broken["items"][0]["localoffer"]["needs"] = ["autism"]
    assert list(validator.iter_errors(broken))
    broken = copy.deepcopy(data)
    broken["items"][0]["localoffer"]["colour"] = "red"
    assert list(validator.iter_errors(broken))


def test_the_csv_has_one_row_per_service(built: Built) -> None:
    raw = (built.out / "data" / "services.csv").read_bytes()
    assert raw.startswith("\ufeff".encode())
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert [row["id"] for row in rows] == SERVICE_IDS
    row = {r["id"]: r for r in rows}["sendiass-anyshire"]
    assert row["url"] == "/services/sendiass-anyshire/"
    assert row["organisation"] == "Anyshire County Council"
    assert row["categories"] == "advice-and-support"
    assert row["audiences"] == "parents-carers; young-people"
    assert (row["ages_from"], row["ages_to"]) == ("0", "25")
    assert row["cost"] == "£3.50 a session. Carers go free."
    assert (row["cost_amount"], row["cost_per"], row["free"]) == ("3.5", "session", "false")
    assert row["locations"] == "County Hall (Market Street, Anbury, AY1 1AA)"
    assert row["contact_email"] == "sendiass@anyshire.example"
    assert row["languages"] == "English; British Sign Language"
    assert (row["reviewed"], row["review_due"], row["review_overdue"]) == (
        "2026-10-12",
        "2027-10-12",
        "false",
    )
    assert uuid.UUID(row["uuid"])
    club = {r["id"]: r for r in rows}["saturday-club"]
    assert club["title"] == 'Saturday club & "fun" <b>days</b>'  # as written: CSV is not HTML
    assert club["review_overdue"] == "true"


def test_events_and_consultations_name_their_services_in_their_data(built: Built) -> None:
    events = {item["id"]: item for item in built.json("data/events.json")["items"]}
    assert events["short-breaks-drop-in-anbury"]["service"] == "portage"
    consultations = {i["id"]: i for i in built.json("data/consultations.json")["items"]}
    assert consultations["short-breaks-statement-2027"]["services"] == [
        "sendiass-anyshire",
        "saturday-club",
    ]
    rows = list(csv.DictReader(io.StringIO(built.text("data/events.csv").lstrip("\ufeff"))))
    assert {row["service"] for row in rows} == {"portage"}
    rows = list(csv.DictReader(io.StringIO(built.text("data/consultations.csv").lstrip("\ufeff"))))
    assert rows[0]["services"] == "sendiass-anyshire; saturday-club"
    for name in ("events", "consultations"):
        schema = built.json(f"data/{name}.schema.json")
        validator = jsonschema.validators.validator_for(schema)(schema)
        assert list(validator.iter_errors(built.json(f"data/{name}.json"))) == []


def test_the_sample_sites_services_are_valid_oruk_services() -> None:
    """The repository's own dozen services, made into open data as the build makes them."""
    result = check_site(REPO, parse_today("2026-11-23"), cache=None)
    assert result.ok, [p.format() for p in result.errors]
    services = result.site.services
    assert len(services) >= 12
    categories = {term for service in services.values() for term in service.categories}
    needs = {term for service in services.values() for term in service.needs}
    vocabularies = result.site.settings.vocabularies
    assert categories == set(vocabularies.allowed("service_categories"))
    assert needs == set(vocabularies.allowed("needs"))
    for service in services.values():
        item = service_item(service, result.site)
        assert oruk_errors(item) == [], service.id
    overdue = sorted(
        service.id
        for service in services.values()
        if service_item(service, result.site)["localoffer"]["review_overdue"]
    )
    assert overdue == ["little-oaks-inclusive-nursery", "westerholm-wheelers"]
    linked = {event.service for event in result.site.events.values()} - {None}
    assert linked and linked <= set(services)
    about = {s for c in result.site.consultations.values() for s in c.services}
    assert about and about <= set(services)


def test_the_build_is_the_same_twice(built: Built, tmp_path: Path) -> None:
    from .fixture_site import build

    again = build(built.root, tmp_path / "out")
    for rel in ("data/services.json", "data/services.csv", "services/feed.xml"):
        assert again.text(rel) == built.text(rel), rel
    assert datetime.fromisoformat(built.json("data/services.json")["items"][0]["last_modified"])
