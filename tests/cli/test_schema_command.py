"""``localoffer schema``: JSON Schemas that accept the sample records and reject mistakes."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema.exceptions import best_match  # type: ignore[import-untyped]
from jsonschema.validators import validator_for  # type: ignore[import-untyped]
from localoffer.cli.main import main

from cli.clitools import REPO, localoffer, sitekit


class EditorLoader(yaml.SafeLoader):
    """YAML as an editor's schema-aware editor reads it (YAML 1.2): dates stay text, and only
    ``true`` and ``false`` are booleans (``on``, as in ``extended: - on: 2026-11-16``, is text)."""


EditorLoader.yaml_implicit_resolvers = {
    first: [
        (tag, regexp)
        for tag, regexp in resolvers
        if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool")
    ]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
EditorLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def front_matter(path: Path) -> Any:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".md":
        text = text.split("\n---", 1)[0].removeprefix("---\n")
    return yaml.load(text, Loader=EditorLoader)


@pytest.fixture(scope="module")
def schemas(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    out = tmp_path_factory.mktemp("schemas")
    done = localoffer("schema", "--site", REPO, "--out", out, cwd=out)
    assert done.returncode == 0, done.stderr
    assert sorted(Path(line).name for line in done.stdout.split()) == [
        "consultation.schema.json",
        "event.schema.json",
        "feedback.schema.json",
        "service.schema.json",
    ]
    found = {}
    for name in ("consultation", "event", "feedback", "service"):
        schema = json.loads((out / f"{name}.schema.json").read_text(encoding="utf-8"))
        validator_for(schema).check_schema(schema)
        found[name] = schema
    return found


def errors(schema: dict[str, Any], data: Any) -> list[str]:
    """Each error's most specific message (inside anyOf, the alternative that nearly fitted)."""
    validator = validator_for(schema)(schema)
    return [best_match([error]).message for error in validator.iter_errors(data)]


@pytest.mark.parametrize(
    ("name", "folder", "pattern"),
    [
        ("consultation", "consultations", "**/*.md"),
        ("event", "events", "**/*.md"),
        ("feedback", "responses", "**/*.yml"),
        ("service", "services", "**/*.md"),
    ],
)
def test_the_sample_records_are_valid(
    schemas: dict[str, Any], name: str, folder: str, pattern: str
) -> None:
    paths = sorted((REPO / folder).glob(pattern))
    assert paths, f"no sample records in {folder}/"
    for path in paths:
        assert errors(schemas[name], front_matter(path)) == [], path


def data_of(text: str, markdown: bool = True) -> Any:
    if markdown:
        text = text.split("\n---", 1)[0].removeprefix("---\n")
    return yaml.load(text, Loader=EditorLoader)


def test_the_test_records_are_valid_with_single_values(schemas: dict[str, Any]) -> None:
    consultation = data_of(sitekit.CONSULTATION)
    consultation["audiences"] = "parents-carers"
    assert errors(schemas["consultation"], consultation) == []
    assert errors(schemas["event"], data_of(sitekit.EVENT)) == []
    feedback = data_of(sitekit.FEEDBACK, markdown=False)
    feedback["comments"] = feedback["comments"][0]  # one comment, not a list
    assert errors(schemas["feedback"], feedback) == []


def test_an_unknown_field_is_rejected(schemas: dict[str, Any]) -> None:
    consultation = data_of(sitekit.CONSULTATION)
    consultation["closse"] = "2027-01-15"
    assert any(
        "'closse' was unexpected" in message
        for message in errors(schemas["consultation"], consultation)
    )
    event = data_of(sitekit.EVENT)
    event["location"]["parking"] = "yes"
    assert any("'parking' was unexpected" in message for message in errors(schemas["event"], event))


def test_a_term_outside_the_vocabulary_is_rejected(schemas: dict[str, Any]) -> None:
    event = data_of(sitekit.EVENT)
    event["kind"] = "dropin"
    assert errors(schemas["event"], event)
    feedback = data_of(sitekit.FEEDBACK, markdown=False)
    feedback["comments"][0]["from"] = "parents"
    assert errors(schemas["feedback"], feedback)


def test_a_missing_required_field_is_rejected(schemas: dict[str, Any]) -> None:
    feedback = data_of(sitekit.FEEDBACK, markdown=False)
    del feedback["source"]
    assert "'source' is a required property" in errors(schemas["feedback"], feedback)


def test_the_schemas_carry_the_site_s_own_terms(tmp_path: Path) -> None:
    kit = sitekit.SiteKit(tmp_path / "site")
    config = kit.root / "mkdocs.yml"
    config.write_text(
        config.read_text() + "      vocabularies:\n        areas: [dales]\n", encoding="utf-8"
    )
    assert main(["schema", "--site", str(kit.root)]) == 0
    schema = json.loads((kit.root / "schemas" / "event.schema.json").read_text())
    assert "dales" in json.dumps(schema["properties"]["areas"])


def test_schema_needs_a_site_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "--site", str(tmp_path)]) == 2
    assert "there is no mkdocs.yml" in capsys.readouterr().err
