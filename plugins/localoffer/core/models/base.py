"""Building blocks shared by every record model: strict models and the field types editors use.

Validation messages are written for editors: they say what is wrong and how to put it right.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    PlainValidator,
    PrivateAttr,
    ValidationInfo,
    WithJsonSchema,
)

from localoffer.core.dates import parse_date, parse_when
from localoffer.core.suggest import did_you_mean
from localoffer.core.vocabulary import DEFAULT_VOCABULARIES, DESCRIPTIONS, Vocabularies

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_EMAIL = re.compile(
    r"^[^@\s<>\"(),;:]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9-]+)+$"
)
_URL = re.compile(r"^https?://[^\s/$.?#][^\s<>\"]*$", re.IGNORECASE)
_PHONE = re.compile(
    r"^(?:\+|\()?[0-9][0-9 ()-]{5,}[0-9](?:\s*(?:ext\.?|extension|x)\s*\d+)?$", re.IGNORECASE
)


class StrictModel(BaseModel):
    """Unknown fields are errors; text is trimmed."""

    model_config = ConfigDict(
        extra="forbid",
        str_strip_whitespace=True,
        populate_by_name=False,
        validate_default=False,
    )


class RecordModel(StrictModel):
    """A record an editor writes: its id and file come from the file name, not a field."""

    _id: str = PrivateAttr(default="")
    _path: str = PrivateAttr(default="")
    _body: str = PrivateAttr(default="")

    @property
    def id(self) -> str:
        return self._id

    @property
    def path(self) -> str:
        """The source file, relative to the site folder (``consultations/x.md``)."""
        return self._path

    @property
    def body(self) -> str:
        """The Markdown body (empty for YAML records)."""
        return self._body

    def bind(self, record_id: str, path: str, body: str = "") -> None:
        self._id = record_id
        self._path = path
        self._body = body


def _vocabularies(info: ValidationInfo) -> Vocabularies:
    context = info.context if isinstance(info.context, dict) else {}
    vocab = context.get("vocabularies")
    return vocab if isinstance(vocab, Vocabularies) else DEFAULT_VOCABULARIES


def _as_list(value: Any) -> Any:
    """A field that takes a list also accepts a single value."""
    if value is None or isinstance(value, list):
        return value
    return [value]


def _as_text(value: Any) -> Any:
    """Numbers typed where text is expected (``phone: 01632960000``) are kept as text."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


_YES, _NO = ("true", "yes", "on", "y"), ("false", "no", "off", "n")
_FLAGS = dict.fromkeys(_YES, True) | dict.fromkeys(_NO, False)


def _as_flag(value: Any) -> Any:
    """``yes``/``no`` and ``on``/``off`` (any case) where true/false is expected mean true/false.

    Unquoted, they are text (``source/yaml_schema.py``), as YAML 1.2 and the CMS have them;
    records that say ``engagement: yes`` were written when YAML 1.1 read them as true/false.
    """
    if isinstance(value, str):
        return _FLAGS.get(value.strip().lower(), value)
    return value


def _non_empty(value: str) -> str:
    if not value.strip():
        raise ValueError("is empty: write some text here")
    return value


def _check_id(value: str) -> str:
    if not ID_PATTERN.match(value):
        raise ValueError(
            f"'{value}' is not a valid id: use lowercase letters, digits and hyphens, "
            "starting with a letter or digit"
        )
    return value


def is_email(value: str) -> bool:
    """Whether ``value`` looks like one email address."""
    return bool(_EMAIL.match(value))


def _check_email(value: str) -> str:
    if not is_email(value):
        raise ValueError(f"'{value}' is not an email address (like send@anyshire.example)")
    return value


def _check_url(value: str) -> str:
    if not _URL.match(value):
        raise ValueError(
            f"'{value}' is not a web address: it must start with https:// (or http://)"
        )
    return value


def _check_phone(value: str) -> str:
    if not _PHONE.match(value):
        raise ValueError(f"'{value}' is not a phone number (like 01632 960000)")
    return value


def term_of(vocabulary: str) -> Any:
    """A validator that accepts one term of a site vocabulary, suggesting the nearest."""

    def check(value: str, info: ValidationInfo) -> str:
        allowed = _vocabularies(info).allowed(vocabulary)
        if value in allowed:
            return value
        hint = did_you_mean(value, allowed) or ""
        what = DESCRIPTIONS.get(vocabulary, vocabulary)
        choices = ", ".join(allowed)
        raise ValueError(
            f"'{value}' is not a known {what}.{hint} The {_plural(what)} are: {choices}"
        )

    return AfterValidator(check)


def _plural(noun: str) -> str:
    """``service category`` -> ``service categories``, ``area`` -> ``areas``."""
    return noun[:-1] + "ies" if noun.endswith("y") else noun + "s"


def _term_schema(vocabulary: str) -> WithJsonSchema:
    return WithJsonSchema({"type": "string", "x-vocabulary": vocabulary})


Text = Annotated[str, BeforeValidator(_as_text), AfterValidator(_non_empty)]
#: A true/false field: ``true`` or ``false``, or ``yes``/``no``/``on``/``off`` in any case.
Flag = Annotated[bool, BeforeValidator(_as_flag)]
RecordId = Annotated[
    str,
    BeforeValidator(_as_text),
    AfterValidator(_check_id),
    WithJsonSchema({"type": "string", "pattern": ID_PATTERN.pattern}),
]
Email = Annotated[
    str,
    AfterValidator(_check_email),
    WithJsonSchema({"type": "string", "format": "email"}),
]
Url = Annotated[
    str, AfterValidator(_check_url), WithJsonSchema({"type": "string", "format": "uri"})
]
Phone = Annotated[str, BeforeValidator(_as_text), AfterValidator(_check_phone)]
EditorDate = Annotated[
    date,
    PlainValidator(parse_date),
    WithJsonSchema({"type": "string", "format": "date", "description": "YYYY-MM-DD"}),
]
When = Annotated[
    date | datetime,
    PlainValidator(parse_when),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": r"^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2})?)?",
            "description": "YYYY-MM-DD, or YYYY-MM-DD HH:MM in UK time",
        }
    ),
]


def _term(vocabulary: str) -> tuple[Any, ...]:
    return (BeforeValidator(_as_text), term_of(vocabulary), _term_schema(vocabulary))


Audience = Annotated[str, *_term("audiences")]
Topic = Annotated[str, *_term("topics")]
Area = Annotated[str, *_term("areas")]
EventKind = Annotated[str, *_term("event_kinds")]
FeedbackSource = Annotated[str, *_term("feedback_sources")]
RespondentGroup = Annotated[str, *_term("respondent_groups")]
ServiceCategory = Annotated[str, *_term("service_categories")]
Need = Annotated[str, *_term("needs")]

Audiences = Annotated[list[Audience], BeforeValidator(_as_list)]
Topics = Annotated[list[Topic], BeforeValidator(_as_list)]
Areas = Annotated[list[Area], BeforeValidator(_as_list)]
IdList = Annotated[list[RecordId], BeforeValidator(_as_list)]
ServiceCategories = Annotated[list[ServiceCategory], BeforeValidator(_as_list)]
Needs = Annotated[list[Need], BeforeValidator(_as_list)]
