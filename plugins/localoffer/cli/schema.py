"""``localoffer schema``: JSON Schema files for the record types, for editors' autocompletion."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from localoffer.core.models.consultation import Consultation
from localoffer.core.models.event import Event
from localoffer.core.models.feedback import FeedbackRound
from localoffer.core.models.service import Service
from localoffer.core.settings import CONFIG_FILE, read_settings
from localoffer.core.vocabulary import Vocabularies

EXIT_OK, EXIT_USAGE = 0, 2
SCHEMAS: dict[str, type[BaseModel]] = {
    "consultation": Consultation,
    "event": Event,
    "feedback": FeedbackRound,
    "service": Service,
}


def add_parser(commands: Any) -> None:
    parser: argparse.ArgumentParser = commands.add_parser(
        "schema",
        help="write JSON Schema files for the record types",
        description="Write JSON Schema files for consultations, events, feedback rounds and "
        "services, with this site's vocabularies, for YAML autocompletion in editors.",
    )
    parser.add_argument("--site", type=Path, default=Path("."), metavar="FOLDER")
    parser.add_argument(
        "--out",
        type=Path,
        default=None,
        metavar="FOLDER",
        help="where to write them (default: schemas/ in the site folder)",
    )
    parser.set_defaults(run=run)


def record_schema(name: str, vocabularies: Vocabularies) -> dict[str, Any]:
    """The JSON Schema of one record type, with the site's vocabularies as enums."""
    schema = SCHEMAS[name].model_json_schema(by_alias=True, mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"localoffer {name}"
    result: dict[str, Any] = _single_or_list(_with_vocabularies(schema, vocabularies))
    return result


_KEPT_OUTSIDE = ("title", "description", "default")


def _single_or_list(node: Any) -> Any:
    """Every list also accepts a single value (``audiences: parents-carers``), as checks do."""
    if isinstance(node, list):
        return [_single_or_list(item) for item in node]
    if not isinstance(node, dict):
        return node
    result = {key: _single_or_list(value) for key, value in node.items()}
    if result.get("type") == "array" and isinstance(result.get("items"), dict):
        outside = {key: result.pop(key) for key in _KEPT_OUTSIDE if key in result}
        return {**outside, "anyOf": [result["items"], result]}
    return result


def _with_vocabularies(node: Any, vocabularies: Vocabularies) -> Any:
    if isinstance(node, dict):
        vocabulary = node.pop("x-vocabulary", None)
        keys = node.pop("x-vocabulary-keys", None)
        result = {key: _with_vocabularies(value, vocabularies) for key, value in node.items()}
        if isinstance(vocabulary, str) and vocabulary in vocabularies:
            result["enum"] = list(vocabularies.allowed(vocabulary))
        if isinstance(keys, str) and keys in vocabularies:  # {term: value} (respondents)
            value = result.pop("additionalProperties", {})
            result["properties"] = {term: value for term in vocabularies.allowed(keys)}
            result["additionalProperties"] = False
        return result
    if isinstance(node, list):
        return [_with_vocabularies(item, vocabularies) for item in node]
    return node


def run(args: argparse.Namespace) -> int:
    root: Path = args.site
    if not (root / CONFIG_FILE).is_file():
        print(
            f"localoffer schema: there is no {CONFIG_FILE} in {root.resolve()}: run it in the "
            "site folder, or give --site FOLDER",
            file=sys.stderr,
        )
        return EXIT_USAGE
    settings, _ = read_settings(root)
    out: Path = args.out or root / "schemas"
    out.mkdir(parents=True, exist_ok=True)
    for name in SCHEMAS:
        path = out / f"{name}.schema.json"
        text = json.dumps(record_schema(name, settings.vocabularies), indent=2, sort_keys=True)
        path.write_text(text + "\n", encoding="utf-8")
        print(path.as_posix())
    return EXIT_OK
