"""The JSON Schemas committed for editors' autocompletion match the models and the vocabularies."""

from __future__ import annotations

import json
from pathlib import Path

from localoffer.cli.schema import SCHEMAS, record_schema
from localoffer.core.settings import read_settings

REPO = Path(__file__).resolve().parents[2]


def test_committed_schemas_are_current() -> None:
    settings, _ = read_settings(REPO)
    for name in SCHEMAS:
        committed = json.loads((REPO / "schemas" / f"{name}.schema.json").read_text())
        assert committed == record_schema(name, settings.vocabularies), (
            f"schemas/{name}.schema.json is out of date: run `localoffer schema` and commit it"
        )


def test_schemas_carry_the_vocabularies() -> None:
    event = json.loads((REPO / "schemas" / "event.schema.json").read_text())
    text = json.dumps(event)
    assert '"consultation-event"' in text and '"young-people"' in text
    assert event["additionalProperties"] is False
