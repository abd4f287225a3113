"""The CMS configuration is generated from the models: it covers every field `localoffer schema`
writes, with the model's required fields, the site's vocabularies and the contract's formats."""

from __future__ import annotations

import re
from typing import Any

import pytest
import yaml
from localoffer.cli.schema import SCHEMAS, record_schema
from localoffer.core.vocabulary import Vocabularies
from localoffer.export.cms_config import RECORD_TYPES, CmsSettings, cms_config, cms_config_yaml
from localoffer.present import field_help

VOCABULARIES = Vocabularies.with_additions({"areas": {"dales": "The Dales"}, "topics": ["play"]})


def config() -> dict[str, Any]:
    return cms_config(VOCABULARIES, CmsSettings(backend={"name": "github", "repo": "a/b"}))


def collection(name: str) -> dict[str, Any]:
    folder = RECORD_TYPES[name][1]
    return next(c for c in config()["collections"] if c["name"] == folder)


def schema_paths(
    node: Any, root: dict[str, Any], prefix: str = "", optional_part: bool = False
) -> set[tuple[str, bool]]:
    """Every (dotted field path, required) in a JSON Schema, through refs, lists and anyOf.

    Inside an optional part (not a list item), nothing is required in the form: Decap would
    otherwise demand the fields of a part left empty (the checker still checks them)."""
    found: set[tuple[str, bool]] = set()
    if not isinstance(node, dict):
        return found
    if "$ref" in node:
        target = root["$defs"][node["$ref"].rsplit("/", 1)[-1]]
        return schema_paths(target, root, prefix, optional_part)
    options = node.get("anyOf", [])
    # A list also accepts a single item (anyOf: [item, array]): its items are list items.
    a_list = any(option.get("type") == "array" for option in options)
    for option in options:
        found |= schema_paths(option, root, prefix, optional_part and not a_list)
    if "items" in node:
        found |= schema_paths(node["items"], root, prefix, False)
    required = set() if optional_part else set(node.get("required", []))
    for key, prop in node.get("properties", {}).items():
        path = f"{prefix}{key}"
        found.add((path, key in required))
        found |= schema_paths(prop, root, path + ".", key not in required)
    return found


def config_paths(fields: list[dict[str, Any]], prefix: str = "") -> set[tuple[str, bool]]:
    found: set[tuple[str, bool]] = set()
    for item in fields:
        if item["name"] == "body":
            continue
        path = f"{prefix}{item['name']}"
        found.add((path, bool(item["required"])))
        found |= config_paths(item.get("fields", []), path + ".")
    return found


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_every_field_of_the_schema_is_in_the_cms_with_its_required_flag(name: str) -> None:
    schema = record_schema(name, VOCABULARIES)
    assert config_paths(collection(name)["fields"]) == schema_paths(schema, schema)


def fields_by_path(fields: list[dict[str, Any]], prefix: str = "") -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    for item in fields:
        found[prefix + item["name"]] = item
        found.update(fields_by_path(item.get("fields", []), prefix + item["name"] + "."))
    return found


def test_vocabularies_are_fixed_selects_with_the_sites_own_terms() -> None:
    events = fields_by_path(collection("event")["fields"])
    areas = events["areas"]
    assert areas["widget"] == "select" and areas["multiple"] is True
    assert {"label": "The Dales", "value": "dales"} in areas["options"]
    assert [o["value"] for o in events["kind"]["options"]] == list(
        VOCABULARIES.allowed("event_kinds")
    )
    assert events["audiences"]["min"] == 1 and events["audiences"]["required"] is True
    consultations = fields_by_path(collection("consultation")["fields"])
    assert {"label": "Play", "value": "play"} in consultations["topics"]["options"]
    assert [o["value"] for o in events["status"]["options"]] == [
        "scheduled", "cancelled", "postponed", "moved-online", "rescheduled"
    ]


def test_dates_are_pickers_in_the_contracts_format_and_date_times_are_patterned_text() -> None:
    events = fields_by_path(collection("event")["fields"])
    until = events["repeat.until"]
    assert until["widget"] == "datetime"
    assert until["format"] == until["date_format"] == "YYYY-MM-DD"
    assert until["time_format"] is False
    pattern = re.compile(events["starts"]["pattern"][0])
    assert pattern.match("2027-03-12") and pattern.match("2027-03-12 18:00")
    assert not pattern.match("12/03/2027")
    opens = re.compile(fields_by_path(collection("consultation")["fields"])["opens"]["pattern"][0])
    assert opens.match("unknown") and opens.match("2027-01-05") and not opens.match("soon")


def test_parts_lists_relations_and_uploads() -> None:
    events = fields_by_path(collection("event")["fields"])
    assert events["repeat"]["widget"] == "object" and events["repeat"]["required"] is False
    assert events["documents"]["widget"] == "list"
    assert events["documents.file"]["widget"] == "file"
    assert events["consultation"]["widget"] == "relation"
    assert events["consultation"]["collection"] == "consultations"
    assert events["repeat.except"]["field"]["widget"] == "datetime"
    rounds = fields_by_path(collection("feedback")["fields"])
    # A round may have themes or quotes instead, or be a report: the checker says when it
    # needs comments, so the form does not ask for one.
    assert rounds["comments"]["widget"] == "list" and "min" not in rounds["comments"]
    assert rounds["themes"]["widget"] == "list" and rounds["themes"]["label_singular"] == "theme"
    assert rounds["themes.action.status"]["widget"] == "select"
    assert rounds["comments.theme"]["pattern"][0] == rounds["themes.id"]["pattern"][0]
    assert rounds["figures.percent"]["widget"] == "number"
    assert (rounds["figures.percent"]["min"], rounds["figures.percent"]["max"]) == (0, 100)
    assert rounds["figures.count"]["value_type"] == "int"
    assert rounds["quotes.said"]["required"] is True
    assert rounds["quotes.from"]["widget"] == "select"
    respondents = rounds["respondents"]
    assert respondents["widget"] == "object" and respondents["required"] is False
    assert [f["name"] for f in respondents["fields"]] == [
        "children",
        "young-people",
        "parents-carers",
        "professionals",
    ]
    assert all(f["widget"] == "number" and f["min"] == 0 for f in respondents["fields"])
    assert rounds["comments.said"]["required"] is True
    assert rounds["comments.action.status"]["widget"] == "select"
    full = config()
    assert full["publish_mode"] == "editorial_workflow"
    assert full["media_folder"] == "content/documents"
    assert full["public_folder"] == "documents"


def test_every_field_has_a_label_and_a_field_without_words_is_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    labels = fields_by_path(collection("event")["fields"])
    assert all(item.get("label") for item in labels.values())
    monkeypatch.delitem(field_help.FIELDS, "Location.postcode")
    with pytest.raises(KeyError, match=r"Location\.postcode"):
        config()


def test_markdown_records_have_a_body_and_feedback_rounds_are_yaml() -> None:
    assert collection("event")["format"] == "frontmatter"
    assert collection("event")["fields"][-1]["name"] == "body"
    assert collection("feedback")["format"] == "yml"
    assert collection("feedback")["extension"] == "yml"
    assert all(f["name"] != "body" for f in collection("feedback")["fields"])


def test_the_yaml_reads_back_as_the_same_config() -> None:
    settings = CmsSettings(backend={"name": "github", "repo": "a/b"})
    text = cms_config_yaml(VOCABULARIES, settings)
    assert text.startswith("# Generated by localoffer")
    assert yaml.safe_load(text) == cms_config(VOCABULARIES, settings)


def empty_draft(fields: list[dict[str, Any]]) -> dict[str, Any]:
    """What Decap fills in for a new entry: its createEmptyDraftData (decap-cms-core 3.x,
    src/actions/entries.ts), ported line for line. A list of parts without a list default starts
    with one item made of its fields' defaults, unless that item would be empty."""
    draft: dict[str, Any] = {}
    for item in fields:
        sub = item.get("fields") or ([item["field"]] if "field" in item else None)
        is_list = item.get("widget") == "list"
        if sub is not None:
            if is_list and isinstance(item.get("default"), list):
                draft[item["name"]] = item["default"]
                continue
            value: Any = [empty_draft(sub)] if is_list else empty_draft(sub)
            if value not in ([{}], {}):
                draft[item["name"]] = value
            continue
        if "default" in item:
            draft[item["name"]] = item["default"]
    return draft


@pytest.mark.parametrize("name", list(RECORD_TYPES))
def test_a_new_entry_starts_with_no_optional_part_and_no_list_item(name: str) -> None:
    """An optional part left alone is not written, and no optional list starts with an empty
    item: either would fail the checker (outcome: {documents: [{}]})."""
    draft = empty_draft(collection(name)["fields"])
    fields = {item["name"]: item for item in collection(name)["fields"]}
    for key, value in draft.items():
        widget = fields[key]
        if widget["widget"] == "object":
            pytest.fail(f"{name}: a new entry starts with the part {key}: {value}")
        if widget["widget"] == "list" and value and not widget.get("required"):
            pytest.fail(f"{name}: the optional list {key} starts with {value}")
    if name == "feedback":  # no comment item to start with: a round may have themes instead
        assert not draft.get("comments")


def test_every_list_names_its_items_for_its_add_button() -> None:
    """"Add document", "1 comment": not "Add documents" or "1 dates it does not happen"."""
    lists = {
        f"{name}.{path}": widget
        for name in RECORD_TYPES
        for path, widget in fields_by_path(collection(name)["fields"]).items()
        if widget["widget"] == "list"
    }
    assert len(lists) >= 10
    unnamed = [path for path, widget in lists.items() if not widget.get("label_singular")]
    assert unnamed == []
    assert lists["event.repeat.except"]["label_singular"] == "date it does not happen"
    assert field_help.item_name("feedback.comments") == "comment"
    with pytest.raises(KeyError, match=r"Outcome\.nothing"):
        field_help.item_name("Outcome.nothing")
