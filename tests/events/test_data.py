"""/data/events.json, /data/events.csv and /data/events.schema.json, against the contract."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema.validators import validator_for  # type: ignore[import-untyped]

from .conftest import EVENTS, HOSTILE_TITLE

CONTRACT_FIELDS = {
    "title", "summary", "starts", "ends", "repeat", "engagement", "kind", "audiences", "ages",
    "areas", "location", "online", "cost", "booking", "organiser", "contact", "consultation",
    "status", "status_note", "documents", "previous_ids",
}


@pytest.fixture(scope="module")
def data(events_site: Path) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(
        (events_site / "data" / "events.json").read_text(encoding="utf-8")
    )
    return loaded


@pytest.fixture(scope="module")
def by_id(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {item["id"]: item for item in data["items"]}


def keys_anywhere(value: Any) -> set[str]:
    if isinstance(value, dict):
        return set(value) | {k for v in value.values() for k in keys_anywhere(v)}
    if isinstance(value, list):
        return {k for v in value for k in keys_anywhere(v)}
    return set()


def test_every_event_with_id_url_and_the_contracts_field_names(
    data: dict[str, Any], by_id: dict[str, dict[str, Any]]
) -> None:
    assert list(data) == ["items"]
    assert set(by_id) == set(EVENTS)
    assert [item["id"] for item in data["items"]] == sorted(EVENTS)
    for event_id, item in by_id.items():
        assert item["url"] == f"/events/{event_id}/"
        assert set(item) >= CONTRACT_FIELDS | {"id", "url", "occurrences", "past"}
        assert isinstance(item["past"], bool)
    names = keys_anywhere(data)
    assert "except" in names and "from" in names
    assert not {"except_", "from_"} & names


def test_record_fields_keep_their_values(by_id: dict[str, dict[str, Any]]) -> None:
    forum = by_id["weekly-tuesday-forum"]
    assert forum["starts"] == "2026-10-06T16:00:00+01:00"
    assert forum["ends"] == "2026-10-06T18:00:00+01:00"
    assert forum["repeat"] == {
        "frequency": "weekly", "weekday": None, "week": None, "until": "2027-04-27",
        "count": None, "except": ["2026-11-03", "2027-03-30"],
        "term_time_only": False, "school_holidays_only": False,
    }
    assert forum["sessions"] == []
    assert forum["ages"] == {"from": 11, "to": 25}
    assert forum["engagement"] is True
    assert forum["location"]["postcode"] == "AY8 1JB"
    assert forum["cost"] == "Free"  # the default
    assert forum["status"] == "scheduled"
    coffee = by_id["last-friday-coffee-morning"]
    assert coffee["repeat"]["week"] == "last" and coffee["repeat"]["weekday"] == "friday"
    assert coffee["audiences"] == ["parents-carers"]  # a single value becomes a list
    recent = by_id["recent-meeting"]
    assert recent["documents"] == [
        {"title": "Notes of the meeting", "file": "documents/meeting-notes.txt",
         "easy_read": False, "accessible": False},
        {"title": "Slides", "url": "https://www.anyshire.example/slides",
         "easy_read": False, "accessible": False},
    ]
    assert recent["consultation"] == "short-breaks-statement-2027"
    assert by_id["hostile-event"]["title"] == HOSTILE_TITLE


def test_occurrences_past_and_upcoming_with_utc_offsets(by_id: dict[str, dict[str, Any]]) -> None:
    forum = by_id["weekly-tuesday-forum"]
    occurrences = forum["occurrences"]
    assert len(occurrences) == 28  # past ones included, skipped dates left out
    assert occurrences[0] == {
        "starts": "2026-10-06T16:00:00+01:00", "ends": "2026-10-06T18:00:00+01:00",
    }
    assert occurrences[3] == {
        "starts": "2026-10-27T16:00:00+00:00", "ends": "2026-10-27T18:00:00+00:00",
    }
    assert {"starts": "2026-11-03T16:00:00+00:00", "ends": "2026-11-03T18:00:00+00:00"} not in (
        occurrences
    )
    assert forum["next_occurrence"] == {
        "starts": "2026-11-24T16:00:00+00:00", "ends": "2026-11-24T18:00:00+00:00",
    }
    assert forum["past"] is False
    camp = by_id["summer-activity-camp"]
    assert camp["occurrences"] == [{"starts": "2027-08-02", "ends": "2027-08-06"}]  # inclusive
    assert camp["all_day"] is True
    fair = by_id["information-fair"]
    assert fair["occurrences"] == [{"starts": "2027-01-30", "ends": "2027-01-30"}]
    assert fair["ends"] is None
    assert by_id["old-meeting"]["past"] is True
    assert by_id["old-meeting"]["next_occurrence"] is None
    assert len(by_id["fortnightly-sensory-play"]["occurrences"]) == 12


def test_json_satisfies_its_published_schema(events_site: Path, data: dict[str, Any]) -> None:
    schema = json.loads((events_site / "data" / "events.schema.json").read_text(encoding="utf-8"))
    validator_class = validator_for(schema)
    validator_class.check_schema(schema)
    validator = validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors]
    broken = json.loads(json.dumps(data))
    broken["items"][0]["occurrences"][0]["starts"] = "27/10/2026"
    del broken["items"][1]["past"]
    assert len(list(validator.iter_errors(broken))) == 2


def test_csv_has_one_row_per_occurrence(events_site: Path, by_id: dict[str, Any]) -> None:
    raw = (events_site / "data" / "events.csv").read_bytes()
    assert raw.startswith("\ufeff".encode())
    assert b"\r\n" in raw
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    standing = [item for item in by_id.values() if item["meets"]]  # one row, with no dates
    assert standing
    assert len(rows) == sum(len(item["occurrences"]) for item in by_id.values()) + len(standing)
    forum = [row for row in rows if row["id"] == "weekly-tuesday-forum"]
    assert [(r["starts"], r["ends"]) for r in forum] == [
        (o["starts"], o["ends"]) for o in by_id["weekly-tuesday-forum"]["occurrences"]
    ]
    first = forum[0]
    assert first["url"] == "/events/weekly-tuesday-forum/"
    assert (first["engagement"], first["past"], first["occurrence_past"]) == (
        "true", "false", "true",
    )
    assert (first["ages_from"], first["ages_to"]) == ("11", "25")
    assert first["audiences"] == "young-people"
    hostile = next(row for row in rows if row["id"] == "hostile-event")
    assert hostile["title"] == HOSTILE_TITLE
    assert hostile["summary"] == "Line one; with, punctuation\nline two \\ and </script> again"
