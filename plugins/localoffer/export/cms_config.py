"""The editors' CMS configuration (``/admin/config.yml``, Decap CMS), generated from the models.

Nothing in it is written by hand: each collection's fields come from the record model's JSON
Schema (the same one ``localoffer schema`` writes), each vocabulary from the site's settings, and
each label and hint from ``present/field_help.py``. So the forms cannot drift from
``localoffer check``: a field the models gain appears in the CMS, and one without words fails
the generator.

How each kind of field becomes a widget:

- a vocabulary term (``kind``) or a fixed choice (``status``): a ``select`` of the terms;
  a list of terms (``audiences``) a multiple ``select``;
- a date (``YYYY-MM-DD``): a ``datetime`` date picker that writes exactly that format;
- a date or date-time (``starts``, ``closes``): text with the contract's pattern, since one
  field holds either (a date alone is an all-day event); a date and a time (a session's
  ``starts`` and ``ends``): a ``datetime`` picker that writes ``YYYY-MM-DD HH:mm``;
- ``true``/``false``: a ``boolean``; whole numbers: a ``number``;
- a part (``location``, ``repeat``, ``booking``): an ``object``; a list of parts (``documents``,
  ``comments``): a ``list`` with fields;
- a consultation's or a service's id: a ``relation`` to the consultations or the services; a
  document's ``file``: an upload to ``content/documents/``;
- a service's ``cost``, text or an amount: the amount's part (amount, per, note), since a form
  field holds one kind of value: a cost in words goes in its note. A file whose cost is text
  (``cost: £3.50 a session``) is right for the checker but shows in that part as the text.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import yaml
from pydantic import BaseModel

from localoffer.core.models.base import ID_PATTERN
from localoffer.core.models.consultation import Consultation
from localoffer.core.models.event import Event
from localoffer.core.models.feedback import FeedbackRound
from localoffer.core.models.service import Service
from localoffer.core.vocabulary import Vocabularies, label_for
from localoffer.present.field_help import BODY, COLLECTIONS, field_help, item_name

JsonSchema = dict[str, Any]
Widget = dict[str, Any]

#: The record types, their folders and file formats.
RECORD_TYPES: dict[str, tuple[type[BaseModel], str, str]] = {
    "consultation": (Consultation, "consultations", "md"),
    "event": (Event, "events", "md"),
    "feedback": (FeedbackRound, "responses", "yml"),
    "service": (Service, "services", "md"),
}
#: Fields holding the id of a consultation: chosen from the existing ones.
CONSULTATION_LINKS = frozenset({"event.consultation", "feedback.consultation"})
MANY_CONSULTATION_LINKS = frozenset({"consultation.related"})
#: Fields holding the id of a service (or several), chosen from the existing ones.
SERVICE_LINKS = frozenset({"event.service", "Comment.service"})
MANY_SERVICE_LINKS = frozenset({"consultation.services"})
#: The field that holds text or a part (``cost: Free``, ``cost: {amount: 3.5}``): the part.
TEXT_OR_PART = {"service.cost": "Cost"}
#: Ways to respond that are a document (a school pack, a form): a file or a web address.
FILE_OR_URL = frozenset({"RespondOption.school_pack", "RespondOption.form"})
#: A number for each term of a vocabulary (``respondents: {children: 82}``): a number field each.
VOCABULARY_COUNTS = {"feedback.respondents": "respondent_groups"}
#: Uploaded documents go here; records refer to them from content/ (``documents/x.pdf``).
MEDIA_FOLDER = "content/documents"
PUBLIC_FOLDER = "documents"
DATE_FORMAT = "YYYY-MM-DD"
TIME_FORMAT = "HH:mm"
DATETIME_FORMAT = f"{DATE_FORMAT} {TIME_FORMAT}"
WHEN_PATTERN = r"^\d{4}-\d{2}-\d{2}( \d{2}:\d{2})?$"


@dataclass(frozen=True)
class CmsSettings:
    """What the site says about its CMS (``mkdocs.yml``)."""

    #: Decap's ``backend``: ``{name: github, repo: OWNER/NAME, branch: main, base_url: ...}``.
    backend: Mapping[str, Any] = field(default_factory=dict)
    #: decap-server's address for local editing (``True`` for its default, localhost:8081).
    local_backend: str | bool = True
    site_url: str = ""
    site_name: str = "Local Offer"


def cms_config(vocabularies: Vocabularies, settings: CmsSettings) -> dict[str, Any]:
    """The whole Decap CMS configuration, as data."""
    local: Any = settings.local_backend
    if isinstance(local, str):
        local = {"url": local, "allowed_hosts": ["127.0.0.1", "localhost"]}
    config: dict[str, Any] = {
        "backend": dict(settings.backend) or {"name": "github", "repo": "OWNER/NAME"},
        "local_backend": local,
        # One branch and one pull request per change, reviewed and checked before it is
        # published.
        "publish_mode": "editorial_workflow",
        "media_folder": MEDIA_FOLDER,
        "public_folder": PUBLIC_FOLDER,
        "locale": "en",
    }
    if settings.site_url:
        config["site_url"] = settings.site_url
        config["display_url"] = settings.site_url
    config["collections"] = [
        _collection(name, model, folder, extension, vocabularies)
        for name, (model, folder, extension) in RECORD_TYPES.items()
    ]
    return config


def cms_config_yaml(vocabularies: Vocabularies, settings: CmsSettings) -> str:
    """``config.yml``: the configuration as YAML, saying where it comes from."""
    text = yaml.safe_dump(
        cms_config(vocabularies, settings), sort_keys=False, allow_unicode=True, width=100
    )
    return (
        "# Generated by localoffer from the record models and mkdocs.yml on every build.\n"
        "# Do not edit it: change the models or the settings instead.\n" + text
    )


def _collection(
    name: str, model: type[BaseModel], folder: str, extension: str, vocabularies: Vocabularies
) -> Widget:
    schema = model.model_json_schema(by_alias=True, mode="validation")
    plural, singular = COLLECTIONS[name]
    fields = _fields(name, schema, schema, vocabularies)
    if extension == "md":
        body = BODY[name]
        fields.append(
            _words({"name": "body", "widget": "markdown", "required": False}, body.label, body.hint)
        )
    collection: Widget = {
        "name": folder,
        "label": plural,
        "label_singular": singular,
        "folder": folder,
        "create": True,
        "extension": extension,
        "format": "frontmatter" if extension == "md" else "yml",
        # The file name is the id, and fixes the page's address: lowercase words and hyphens.
        "slug": "{{slug}}",
        "identifier_field": "title",
        "summary": "{{title}}",
        "fields": fields,
    }
    if name == "event":
        # Events may sit in a folder per year (events/2027/...): list them, and file new ones so.
        collection["path"] = "{{year}}/{{slug}}"
        collection["summary"] = "{{title}} ({{starts}})"
    return collection


def _fields(
    owner: str,
    node: JsonSchema,
    root: JsonSchema,
    vocabularies: Vocabularies,
    optional_part: bool = False,
    defaults: bool = True,
) -> list[Widget]:
    # Decap checks a part's required fields even when the part is left empty, so inside an
    # optional part (ages, location, repeat...) nothing is required in the form; the checker
    # still says what a part that is filled in lacks.
    required = set() if optional_part else set(node.get("required", ()))
    return [
        _field(
            owner,
            key,
            prop,
            key in required,
            root,
            vocabularies,
            optional_part,
            defaults and not optional_part,
        )
        for key, prop in node.get("properties", {}).items()
    ]


def _field(
    owner: str,
    key: str,
    prop: JsonSchema,
    required: bool,
    root: JsonSchema,
    vocabularies: Vocabularies,
    in_optional_part: bool = False,
    defaults: bool = True,
) -> Widget:
    path = f"{owner}.{key}"
    words = field_help(path)
    widget: Widget = {"name": key}
    widget.update(_widget(path, prop, root, vocabularies, required, defaults))
    widget["required"] = required
    if widget["widget"] == "list":
        widget["label_singular"] = item_name(path)
    if in_optional_part or not defaults:
        # A default would fill in a part the editor left empty (repeat: {except: []}), and
        # one in a list's item would start the list with an item (outcome: documents: [{}]).
        widget.pop("default", None)
    elif not required and widget["widget"] == "list":
        widget["default"] = []  # Decap would otherwise start with one empty item
    return _words(widget, words.label, words.hint)


def _words(widget: Widget, label: str, hint: str) -> Widget:
    ordered: Widget = {"label": label, **widget}
    if hint:
        ordered["hint"] = hint
    return ordered


def _widget(
    path: str,
    prop: JsonSchema,
    root: JsonSchema,
    vocabularies: Vocabularies,
    required: bool,
    defaults: bool = True,
) -> Widget:
    if path in CONSULTATION_LINKS or path in MANY_CONSULTATION_LINKS:
        return _relation("consultations", path in MANY_CONSULTATION_LINKS)
    if path in SERVICE_LINKS or path in MANY_SERVICE_LINKS:
        return _relation("services", path in MANY_SERVICE_LINKS)
    if path in VOCABULARY_COUNTS:
        return _vocabulary_counts(VOCABULARY_COUNTS[path], vocabularies)
    if path in TEXT_OR_PART:
        name = TEXT_OR_PART[path]
        part = {**root["$defs"][name], "x-def": name}
        return {
            "widget": "object",
            "collapsed": False,
            "fields": _fields(name, part, root, vocabularies, optional_part=True, defaults=False),
        }
    if path == "DocumentRef.file":  # uploaded to content/documents/, written as documents/x.pdf
        return {"widget": "file", "choose_url": False}
    if path in FILE_OR_URL:  # a way to respond that is a document: uploaded, or a web address
        return {"widget": "file", "choose_url": True}
    prop = _resolved(prop, root)
    if "enum" in prop or "const" in prop:
        values = [str(v) for v in prop.get("enum", [prop.get("const")])]
        return {"widget": "select", "options": [_option(v, label_for(v)) for v in values]}
    vocabulary = prop.get("x-vocabulary")
    if isinstance(vocabulary, str):
        return {"widget": "select", "options": _terms(vocabulary, vocabularies)}
    if "anyOf" in prop:  # a date or "unknown" (opens)
        return {
            "widget": "string",
            "pattern": [
                r"^(\d{4}-\d{2}-\d{2}( \d{2}:\d{2})?|unknown)$",
                "YYYY-MM-DD, YYYY-MM-DD HH:MM or unknown",
            ],
        }
    kind = prop.get("type")
    if kind == "array":
        return _list(path, prop, root, vocabularies, defaults)
    if kind == "object" or "properties" in prop:
        name = _def_name(prop, root)
        return {
            "widget": "object",
            "collapsed": False,
            "fields": _fields(
                name, prop, root, vocabularies, optional_part=not required, defaults=defaults
            ),
        }
    if kind == "boolean":
        return {"widget": "boolean", "default": bool(prop.get("default", False))}
    if kind in ("integer", "number"):
        widget: Widget = {"widget": "number", "value_type": "int" if kind == "integer" else "float"}
        if "minimum" in prop:
            widget["min"] = prop["minimum"]
        if "maximum" in prop:
            widget["max"] = prop["maximum"]
        return widget
    if prop.get("format") == "date":
        return {
            "widget": "datetime",
            "format": DATE_FORMAT,
            "date_format": DATE_FORMAT,
            "time_format": False,
        }
    if "pattern" in prop and str(prop.get("description", "")).startswith("YYYY-MM-DD HH:MM"):
        return {  # a date and a time (a session's starts and ends): a picker for both
            "widget": "datetime",
            "format": DATETIME_FORMAT,
            "date_format": DATE_FORMAT,
            "time_format": TIME_FORMAT,
        }
    if "pattern" in prop and "YYYY-MM-DD" in str(prop.get("description", "")):
        return {"widget": "string", "pattern": [WHEN_PATTERN, "YYYY-MM-DD or YYYY-MM-DD HH:MM"]}
    if prop.get("pattern") == ID_PATTERN.pattern:
        return {"widget": "string", "pattern": [ID_PATTERN.pattern, "lowercase words and hyphens"]}
    widget = {"widget": "text" if path.endswith((".summary", ".said", ".response")) else "string"}
    if "maxLength" in prop:
        widget["pattern"] = [
            rf"^[\s\S]{{1,{prop['maxLength']}}}$",
            f"Up to {prop['maxLength']} characters",
        ]
    if "default" in prop and isinstance(prop["default"], str):
        widget["default"] = prop["default"]
    return widget


def _vocabulary_counts(vocabulary: str, vocabularies: Vocabularies) -> Widget:
    """An optional part with a whole number for each term, labelled with the term's label."""
    return {
        "widget": "object",
        "collapsed": False,
        "fields": [
            {
                "label": option["label"],
                "name": option["value"],
                "widget": "number",
                "value_type": "int",
                "min": 0,
                "required": False,
            }
            for option in _terms(vocabulary, vocabularies)
        ],
    }


def _relation(collection: str, multiple: bool) -> Widget:
    return {
        "widget": "relation",
        "collection": collection,
        "value_field": "{{slug}}",
        "search_fields": ["title"],
        "display_fields": ["title"],
        "multiple": multiple,
    }


def _list(
    path: str,
    prop: JsonSchema,
    root: JsonSchema,
    vocabularies: Vocabularies,
    defaults: bool = True,
) -> Widget:
    items = _resolved(prop.get("items", {}), root)
    vocabulary = items.get("x-vocabulary")
    if isinstance(vocabulary, str):
        widget: Widget = {
            "widget": "select",
            "multiple": True,
            "options": _terms(vocabulary, vocabularies),
        }
        if prop.get("minItems"):
            widget["min"] = prop["minItems"]
        return widget
    if "properties" in items:
        name = _def_name(items, root)
        widget = {
            "widget": "list",
            "fields": _fields(name, items, root, vocabularies, defaults=defaults),
        }
        if prop.get("minItems"):
            widget["min"] = prop["minItems"]
        return widget
    if items.get("format") == "date":
        # A list of dates (repeat: except): one date per item, picked or typed.
        return {
            "widget": "list",
            "field": {
                "label": "Date",
                "name": "date",
                "widget": "datetime",
                "format": DATE_FORMAT,
                "date_format": DATE_FORMAT,
                "time_format": False,
            },
        }
    if items.get("pattern") != ID_PATTERN.pattern:  # a list of texts (languages)
        label = item_name(path)
        return {
            "widget": "list",
            "field": {"label": label[:1].upper() + label[1:], "name": "text", "widget": "string"},
        }
    return {"widget": "list", "field": {"label": "Id", "name": "id", "widget": "string"}}


def _terms(vocabulary: str, vocabularies: Vocabularies) -> list[dict[str, str]]:
    """A vocabulary's terms as choices: the label shown, the term written."""
    return [
        _option(term, vocabularies.label(vocabulary, term))
        for term in vocabularies.allowed(vocabulary)
    ]


def _option(value: str, label: str) -> dict[str, str]:
    return {"label": label, "value": value}


def _resolved(prop: JsonSchema, root: JsonSchema) -> JsonSchema:
    """Follow ``$ref`` and drop the ``null`` of an optional field."""
    if "$ref" in prop:
        name = prop["$ref"].rsplit("/", 1)[-1]
        target = dict(root["$defs"][name])
        target["x-def"] = name
        return _resolved({**target, **{k: v for k, v in prop.items() if k != "$ref"}}, root)
    options = prop.get("anyOf")
    if isinstance(options, list):
        real = [option for option in options if option.get("type") != "null"]
        if len(real) == 1:
            rest = {k: v for k, v in prop.items() if k != "anyOf"}
            return _resolved({**rest, **real[0]}, root)
    return prop


def _def_name(prop: JsonSchema, root: JsonSchema) -> str:
    name = prop.get("x-def")
    if not isinstance(name, str):
        raise ValueError(f"a part without a name in the schema: {sorted(prop)}")
    return name
