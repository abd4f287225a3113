"""Open data: /data/feedback.json (against its published schema) and /data/feedback.csv."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
from jsonschema.validators import validator_for  # type: ignore[import-untyped]

from .conftest import Built
from .fixture_site import NEWEST_FIRST, OVERDUE, ROUND_COMMENTS, TRICKY_SAID


def validate(schema: dict[str, Any], document: Any) -> list[str]:
    cls = validator_for(schema)
    cls.check_schema(schema)
    validator = cls(schema, format_checker=cls.FORMAT_CHECKER)
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(document)]


@pytest.fixture(scope="module")
def data(built: Built) -> dict[str, Any]:
    document: dict[str, Any] = built.json("/data/feedback.json")
    return document


@pytest.fixture(scope="module")
def schema(built: Built) -> dict[str, Any]:
    document: dict[str, Any] = built.json("/data/feedback.schema.json")
    return document


def test_json_is_valid_against_the_published_schema(
    data: dict[str, Any], schema: dict[str, Any]
) -> None:
    assert validate(schema, data) == []


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (lambda d: d["items"][0].pop("url"), "url"),
        (lambda d: d["items"][0]["comments"][0]["action"].pop("overdue"), "overdue"),
        (lambda d: d["items"][0]["comments"][0].update({"from_": "children"}), "from_"),
        (lambda d: d["items"][0].update({"received": "14/10/2026"}), "received"),
        (lambda d: d["items"][0]["comments"][0].update({"from": "parents"}), "from"),
        # A round with no comments needs themes, quotes, or a report (documents and a summary).
        (lambda d: d["items"][0].update({"comments": [], "documents": []}), "comments"),
        (lambda d: d["items"][0].update({"comments": [], "summary": None}), "comments"),
        (lambda d: d["items"][0].update({"figures": [{"label": "x", "percent": 101}]}), "figures"),
        (lambda d: d["items"][0].update({"respondents": {"parents": 3}}), "respondents"),
    ],
)
def test_schema_rejects_data_that_breaks_the_contract(
    data: dict[str, Any], schema: dict[str, Any], change: Any, where: str
) -> None:
    import copy

    broken = copy.deepcopy(data)
    change(broken)
    errors = validate(schema, broken)
    assert errors, f"the schema accepted a change to {where}"


def test_every_round_with_id_url_and_contract_names(data: dict[str, Any]) -> None:
    items = data["items"]
    assert [item["id"] for item in items] == NEWEST_FIRST
    for item in items:
        assert item["url"] == f"/you-said-we-did/{item['id']}/"
        assert len(item["comments"]) == ROUND_COMMENTS[item["id"]]
        for comment in item["comments"]:
            assert "from" in comment and "from_" not in comment
    first = items[0]
    assert first["title"] == "Young Inspectors: the Local Offer website, 2026"
    assert first["source"] == "young-inspectors"
    assert first["received"] == "2026-10-14"
    assert first["event"] == "young-inspectors-launch"
    assert first["consultation"] is None
    assert first["documents"][0] == {
        "title": "Young Inspectors report",
        "file": "documents/young-inspectors-report.pdf",
        "url": None,
        "easy_read": False,
        "accessible": False,
    }
    assert items[1]["consultation"] == "home-to-school-transport-2026"


def test_actions_carry_overdue_as_of_the_build(data: dict[str, Any]) -> None:
    overdue: dict[str, set[int]] = {}
    for item in data["items"]:
        for number, comment in enumerate(item["comments"], start=1):
            action = comment["action"]
            if action is None:
                continue
            assert isinstance(action["overdue"], bool)
            if action["overdue"]:
                overdue.setdefault(item["id"], set()).add(number)
    assert overdue == OVERDUE
    action = data["items"][0]["comments"][0]["action"]
    assert action == {
        "status": "done",
        "due": "2026-11-30",
        "completed": "2026-11-06",
        "owner": "Local Offer team",
        "overdue": False,
    }
    no_action = data["items"][1]["comments"][2]
    assert no_action["action"] is None


def test_comment_text_is_kept_exactly(data: dict[str, Any]) -> None:
    assert data["items"][0]["comments"][2]["said"] == TRICKY_SAID
    assert data["items"][0]["comments"][3]["said"] == (
        "Ask us again next year.\nWe want to check you did it."
    )


def test_csv_has_one_row_per_comment(built: Built, data: dict[str, Any]) -> None:
    raw = built.file("/data/feedback.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "a UTF-8 BOM, so spreadsheets read it as UTF-8"
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert len(rows) == sum(ROUND_COMMENTS.values())
    assert len(rows) == sum(len(item["comments"]) for item in data["items"])
    assert [row["id"] for row in rows] == [
        rid for rid in NEWEST_FIRST for _ in range(ROUND_COMMENTS[rid])
    ]
    first = rows[0]
    assert first["url"] == "/you-said-we-did/young-inspectors-website-2026/"
    assert first["comment"] == "1"
    assert first["from"] == "children"
    assert first["received"] == "2026-10-14"
    assert first["action_status"] == "done"
    assert first["action_completed"] == "2026-11-06"
    assert first["action_overdue"] == "false"
    assert rows[1]["action_overdue"] == "true"
    assert rows[2]["said"] == TRICKY_SAID
    assert rows[2]["topics"] == "ehc-plans; send-support"
    assert rows[6]["action_status"] == "" and rows[6]["action_overdue"] == ""
    overdue = {(row["id"], int(row["comment"])) for row in rows if row["action_overdue"] == "true"}
    assert overdue == {(rid, n) for rid, numbers in OVERDUE.items() for n in numbers}
