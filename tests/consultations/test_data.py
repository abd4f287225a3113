"""Open data: /data/consultations.json against its published JSON Schema, and the CSV."""

from __future__ import annotations

import copy
import csv
import io
import json
from typing import Any

import jsonschema
import pytest

from .fixture_site import HOSTILE_TITLE, SITE_URL, STATUSES, Built


@pytest.fixture(scope="module")
def data(built: Built) -> dict[str, Any]:
    return json.loads(built.text("data/consultations.json"))


@pytest.fixture(scope="module")
def schema(built: Built) -> dict[str, Any]:
    return json.loads(built.text("data/consultations.schema.json"))


def validator(schema: dict[str, Any]) -> jsonschema.protocols.Validator:
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def by_id(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {item["id"]: item for item in data["items"]}


def test_the_json_is_valid_against_its_published_schema(
    data: dict[str, Any], schema: dict[str, Any]
) -> None:
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == SITE_URL + "data/consultations.schema.json"
    errors = [error.message for error in validator(schema).iter_errors(data)]
    assert errors == []


@pytest.mark.parametrize(
    ("change", "why"),
    [
        (lambda item: item.update(status="closing"), "status outside the five"),
        (lambda item: item.update(opens="12/04/2026"), "a date not in ISO 8601"),
        (lambda item: item.update(audiences=["grandparents"]), "a term outside the vocabulary"),
        (lambda item: item.pop("url"), "a missing field"),
        (lambda item: item.update(colour="red"), "an unknown field"),
        (lambda item: item.update(respond=[{"fax": "01632 960 000"}]), "an unknown way to respond"),
    ],
)
def test_the_schema_rejects_wrong_data(
    data: dict[str, Any], schema: dict[str, Any], change: Any, why: str
) -> None:
    broken = copy.deepcopy(data)
    change(broken["items"][0])
    assert list(validator(schema).iter_errors(broken)), why


def test_every_consultation_with_id_url_and_status(data: dict[str, Any]) -> None:
    items = by_id(data)
    assert sorted(items) == sorted(STATUSES)
    assert [item["id"] for item in data["items"]] == sorted(items)  # stable order
    for record_id, item in items.items():
        assert item["url"] == f"/consultations/{record_id}/"
        assert item["status"] == STATUSES[record_id]


def test_fields_under_the_contract_names_with_iso_dates(data: dict[str, Any]) -> None:
    item = by_id(data)["short-breaks-2027"]
    assert item["title"] == "Short breaks services statement 2027"
    assert item["opens"] == "2026-11-02"
    assert item["closes"] == "2027-01-15T17:00:00+00:00"
    assert item["audiences"] == ["parents-carers", "young-people"]
    assert item["areas"] == ["north", "south"]
    assert item["respond"][0] == {
        "online": "https://haveyoursay.anyshire.example/short-breaks-2027"
    }
    assert item["respond"][2] == {"post": "Short Breaks Team\nCounty Hall\nAnbury AY1 1AA"}
    assert item["respond"][4] == {"event": "short-breaks-drop-in"}
    assert item["easy_read"] == {
        "title": "Short breaks (Easy Read)",
        "file": "documents/easy-read.pdf",
        "easy_read": True,
        "accessible": False,
    }
    assert item["documents"][3] == {
        "title": "Current statement",
        "url": "https://www.anyshire.example/short-breaks-2023",
        "easy_read": False,
        "accessible": False,
    }
    assert item["previous_ids"] == ["short-breaks-draft"]
    assert item["withdrawn"] is None and item["outcome"] is None
    annual = by_id(data)["annual-reviews-2027"]
    assert annual["opens"] == "2027-01-11T09:30:00+00:00"
    assert annual["areas"] == ["online"]
    assert by_id(data)["holiday-survey"]["areas"] == ["countywide"]


def test_outcome_withdrawn_and_overdue(data: dict[str, Any]) -> None:
    items = by_id(data)
    assert items["transport-2026"]["outcome"]["published"] == "2026-06-30"
    assert items["transport-2026"]["outcome"]["feedback"] == ["transport-feedback"]
    assert items["respite-centre"]["withdrawn"] == {
        "date": "2026-06-19",
        "reason": "Families told us the document did not explain what would happen.",
    }
    assert items["school-places"]["outcome_overdue"] is True
    assert items["school-places"]["outcome_due"] == "2026-10-23"
    assert items["website-review"]["outcome_overdue"] is False
    assert items["short-breaks-2027"]["outcome_due"] is None


def test_editor_text_is_kept_as_typed(data: dict[str, Any]) -> None:
    assert by_id(data)["hostile"]["title"] == HOSTILE_TITLE


def read_csv(built: Built) -> list[dict[str, str]]:
    raw = (built.out / "data/consultations.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # a BOM, so spreadsheets read UTF-8
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def test_the_csv_has_one_row_per_consultation(built: Built, data: dict[str, Any]) -> None:
    rows = read_csv(built)
    assert [row["id"] for row in rows] == [item["id"] for item in data["items"]]
    row = {r["id"]: r for r in rows}["short-breaks-2027"]
    assert row["url"] == "/consultations/short-breaks-2027/"
    assert row["status"] == "open"
    assert row["closes"] == "2027-01-15T17:00:00+00:00"
    assert row["audiences"] == "parents-carers; young-people"
    assert row["respond"].startswith(
        "online: https://haveyoursay.anyshire.example/short-breaks-2027; "
    )
    assert "Short Breaks Team\nCounty Hall" in row["respond"]  # a quoted multi-line cell
    assert row["easy_read"] == "Short breaks (Easy Read) (documents/easy-read.pdf)"
    assert row["outcome_overdue"] == "false"
    assert {r["id"]: r for r in rows}["hostile"]["title"] == HOSTILE_TITLE
    places = {r["id"]: r for r in rows}["school-places"]
    assert (places["outcome_due"], places["outcome_overdue"]) == ("2026-10-23", "true")
    withdrawn = {r["id"]: r for r in rows}["respite-centre"]
    assert withdrawn["withdrawn_date"] == "2026-06-19"
