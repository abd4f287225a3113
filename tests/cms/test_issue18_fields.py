"""The CMS forms pick up what issue 18 added: the new vocabulary terms as choices, an event's
access provisions and who can come, and the new ways to respond (a school pack or a form
uploaded, or given as a web address)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from localoffer.core.vocabulary import DEFAULT_VOCABULARIES
from localoffer.export.cms_config import CmsSettings, cms_config

from .test_config import fields_by_path


def forms() -> dict[str, dict[str, dict[str, Any]]]:
    config = cms_config(DEFAULT_VOCABULARIES, CmsSettings(backend={"name": "test-repo"}))
    return {c["name"]: fields_by_path(c["fields"]) for c in config["collections"]}


def values(field: dict[str, Any]) -> list[str]:
    return [option["value"] for option in field["options"]]


def test_the_new_terms_are_choices_wherever_their_vocabulary_is() -> None:
    found = forms()
    for collection in ("consultations", "events", "services"):
        assert "children-in-care" in values(found[collection]["audiences"])
    assert {"bullying", "safeguarding", "housing"} <= set(values(found["consultations"]["topics"]))
    assert "national" in values(found["events"]["areas"])
    labels = {o["value"]: o["label"] for o in found["consultations"]["audiences"]["options"]}
    assert labels["children-in-care"] == "Children in care"


def test_an_event_has_provisions_and_who_can_come() -> None:
    event = forms()["events"]
    provisions = event["provisions"]
    assert provisions["widget"] == "select" and provisions["multiple"] is True
    assert provisions["required"] is False
    assert values(provisions)[:7] == [
        "bsl",
        "creche",
        "large-print",
        "paper-copies",
        "easy-read",
        "quiet-room",
        "step-free",
    ]
    assert {"label": "Crèche", "value": "creche"} in provisions["options"]
    who = event["who_can_come"]
    assert who["widget"] == "select" and who["required"] is False
    assert values(who) == ["open", "members", "invitation", "referral"]
    assert who["label"] == "Who can come" and who["hint"]


def test_the_new_ways_to_respond_are_in_the_form() -> None:
    consultation = forms()["consultations"]
    for kind in ("school_pack", "form"):
        widget = consultation[f"respond.{kind}"]
        assert widget["widget"] == "file" and widget["choose_url"] is True
    assert consultation["respond.pinboard"]["widget"] == "string"
    assert consultation["respond.competition"]["label"] == "Competition"
    assert consultation["respond.recording"]["label"] == "Voice or video recording"


def test_the_committed_schemas_know_the_new_terms_and_fields() -> None:
    """``localoffer schema`` (schemas/, for editors' autocompletion) lists the new terms."""
    schemas = Path(__file__).resolve().parents[2] / "schemas"
    event = json.loads((schemas / "event.schema.json").read_text(encoding="utf-8"))
    consultation = json.loads((schemas / "consultation.schema.json").read_text(encoding="utf-8"))
    event_text, consultation_text = json.dumps(event), json.dumps(consultation)
    for term in ("children-in-care", "bsl", "creche", "hearing-loop", "invitation", "national"):
        assert f'"{term}"' in event_text, term
    assert {"who_can_come", "provisions"} <= set(event["properties"])
    for term in ("bullying", "safeguarding", "housing", "children-in-care"):
        assert f'"{term}"' in consultation_text, term
    ways = consultation["$defs"]["RespondOption"]["properties"]
    assert {"competition", "school_pack", "pinboard", "recording", "form"} <= set(ways)
