"""Turning pydantic's validation errors into messages an editor understands."""

from __future__ import annotations

import types
import typing
from datetime import date, datetime
from typing import Any

from pydantic import BaseModel

from localoffer.core.suggest import did_you_mean

Loc = tuple[int | str, ...]


def field_names(model: type[BaseModel], loc: Loc) -> list[str]:
    """The field names (as editors write them) allowed in the mapping at ``loc``."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return []
        field = _field_by_alias(current, part)
        if field is None:
            return []
        current = _inner_model(field.annotation)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return [info.alias or name for name, info in current.model_fields.items()]
    return []


def is_required(model: type[BaseModel], loc: Loc) -> bool:
    """Whether the field at ``loc`` must be given (True when unsure)."""
    current: Any = model
    info: Any = None
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return True
        info = _field_by_alias(current, part)
        if info is None:
            return True
        current = _inner_model(info.annotation)
    return info is None or bool(info.is_required())


def _field_by_alias(model: type[BaseModel], name: str) -> Any:
    for field_name, info in model.model_fields.items():
        if (info.alias or field_name) == name:
            return info
    return None


def _inner_model(annotation: Any) -> Any:
    """Unwrap Optional, list and Annotated to the model inside, if any."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _inner_model(typing.get_args(annotation)[0])
    if origin in (list, typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            inner = _inner_model(arg)
            if isinstance(inner, type) and issubclass(inner, BaseModel):
                return inner
        return None
    return annotation


def describe(loc: Loc) -> str:
    """``('documents', 1, 'file')`` → ``documents (item 2) → file``."""
    parts: list[str] = []
    for part in loc:
        if part == "[key]":  # a mapping's key (respondents: {parents: 3}): the key is named
            continue
        if isinstance(part, int):
            if parts:
                parts[-1] += f" (item {part + 1})"
        else:
            parts.append(str(part))
    return " → ".join(parts) if parts else "this record"


def editor_message(model: type[BaseModel], error: Any) -> tuple[str, bool]:
    """A message for one pydantic error, and whether it should point at the key."""
    loc: Loc = tuple(error.get("loc", ()))
    kind: str = error.get("type", "")
    ctx: dict[str, Any] = error.get("ctx") or {}
    value = error.get("input")
    where = describe(loc)
    name = str(loc[-1]) if loc and isinstance(loc[-1], str) else where

    if kind == "extra_forbidden":
        allowed = field_names(model, loc[:-1])
        hint = did_you_mean(name, allowed)
        if hint:
            return f"unknown field '{name}'.{hint}".replace(".?", "?"), True
        listing = f" The fields here are: {', '.join(allowed)}." if allowed else ""
        return f"unknown field '{name}'.{listing}", True
    if kind == "missing":
        parent = describe(loc[:-1])
        inside = "" if len(loc) <= 1 else f" in {parent}"
        return f"the field '{name}' is required{inside} but missing", True
    if value is None and kind not in ("value_error", "assertion_error"):
        if is_required(model, loc):
            return f"{where} is empty: it needs a value", False
        return f"{where} is empty: give it a value, or remove the line", False
    if kind in ("value_error", "assertion_error"):
        message = str(error.get("msg", ""))
        for prefix in ("Value error, ", "Assertion failed, "):
            if message.startswith(prefix):
                message = message[len(prefix) :]
        if not loc:
            return message, False
        if message.startswith("is "):
            return f"{where} {message}", False
        return f"{where}: {message}", False
    if kind in ("string_too_long", "too_long") and isinstance(value, str):
        limit = ctx.get("max_length")
        return (
            f"{where} is {len(value)} characters long: keep it to {limit} characters or fewer",
            False,
        )
    if kind == "too_short":
        return f"{where} needs at least {ctx.get('min_length', 1)} entry", False
    if kind == "too_long":
        return f"{where} has too many entries (at most {ctx.get('max_length')})", False
    if kind in ("string_type",):
        return f"{where} should be text, not {_kind_of(value)}", False
    if kind in ("bool_type", "bool_parsing"):
        return f"{where} must be true or false, not {_kind_of(value)}", False
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"{where} must be a whole number, not {_kind_of(value)}", False
    if kind == "greater_than_equal":
        return f"{where} must be {_number(ctx.get('ge'))} or more (it is {value})", False
    if kind == "less_than_equal":
        return f"{where} must be {_number(ctx.get('le'))} or less (it is {value})", False
    if kind == "literal_error":
        expected = str(ctx.get("expected", ""))
        options = [part.strip(" '") for part in expected.replace(" or ", ", ").split(",")]
        hint = did_you_mean(str(value), options) if isinstance(value, str) else ""
        return (
            f"{where} must be one of {expected}, not {_kind_of(value)}.{hint}".replace(".?", "?"),
            False,
        )
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return (
            f"{where} must be a group of fields (indented 'name: value' lines below it), "
            f"not {_kind_of(value)}",
            False,
        )
    if kind == "list_type":
        return f"{where} must be a list (lines starting with '- '), not {_kind_of(value)}", False
    return f"{where}: {error.get('msg', 'is not valid')}", False


def _number(limit: Any) -> Any:
    """A limit as an editor writes it: 0, not 0.0 (the limit of a field of amounts)."""
    return int(limit) if isinstance(limit, float) and limit.is_integer() else limit


def _kind_of(value: Any) -> str:
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return f"true/false ({value})"
    if isinstance(value, (int, float)):
        return f"a number ({value})"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a group of fields"
    if isinstance(value, datetime | date):
        return f"a date ({value.isoformat()})"
    return f"'{value}'"
