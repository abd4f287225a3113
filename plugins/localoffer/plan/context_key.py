"""A key for a page made from many records: a digest of everything in its template context.

A record's page is keyed where it is planned, on the parts its views are made from
(``plan/keys.py``). Pages that list many records (a month of events, a facet such as
``/events/audience/parents-carers/``, a year of feedback rounds) are made of views of dozens or
thousands of them, so their key is taken from what they hand the template instead: every value
in the context, walked in order. A record found in it counts as its file's digest (which fixes
its id, its fields and its body); the settings and today's date are added, since the templates
can read the site's vocabularies. A value of a kind this does not know (an object with no
fields to walk, a function, the whole site) leaves the page without a key, so it is rendered
every time rather than ever served stale.

Only ``mkdocs serve`` keys pages this way (``plan_site(keep=True)``). Walking every list's
context costs about 2 s at scale 1, more than half of rendering the lists, but while serving
the views are the memo's (``plan/memo.py``): the same objects from one plan to the next, so
the digest of each is kept by object, and a rebuild walks only the views that changed.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Mapping
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from enum import Enum
from pathlib import PurePath
from typing import Any

from pydantic import BaseModel

from localoffer.core.models.base import RecordModel
from localoffer.core.site import Site
from localoffer.plan.keys import SiteKeys, record_path
from localoffer.plan.model import PagePlan, keyed

_PLAIN = (str, int, float, bool, date, datetime, time, timedelta, Decimal, Enum, PurePath)
MAX_DEPTH = 40  # deeper than any view nests; a cycle stops here


class _Unknown(Exception):
    """A value that cannot be keyed."""


def with_context_key(page: PagePlan, keys: SiteKeys) -> PagePlan:
    """``page`` keyed on its whole context, or as it is when some value cannot be keyed."""
    digest = context_digest(page.context, keys)
    if digest is None:
        return page
    return keyed(page, ("context", digest, keys.settings, keys.today))


def context_digest(context: Mapping[str, Any], keys: SiteKeys) -> str | None:
    """A digest of every value in ``context`` (None: something in it cannot be keyed)."""
    try:
        return _digest(context, keys, _seen(keys), 0)
    except _Unknown:
        return None


def _seen(keys: SiteKeys) -> dict[int, tuple[object, str]]:
    """The digests of views walked in this plan, by object (each kept with its digest, so that
    its id is not reused while it is there). A new plan starts a new generation and takes from
    the last one the digests of the objects it meets again; the rest are let go."""
    if _GENERATIONS and _GENERATIONS[-1][0] is keys:
        return _GENERATIONS[-1][1]
    previous = _GENERATIONS[-1][1] if _GENERATIONS else {}
    current: dict[int, tuple[object, str]] = _Generation(previous)
    _GENERATIONS[:] = [(keys, current)]
    return current


class _Generation(dict[int, tuple[object, str]]):
    """This plan's digests, falling back on (and taking over) the last plan's."""

    def __init__(self, previous: dict[int, tuple[object, str]]) -> None:
        super().__init__()
        self._previous = previous

    def __missing__(self, key: int) -> tuple[object, str]:
        found = self._previous.pop(key, None)
        if found is None:
            raise KeyError(key)
        self[key] = found
        return found

    def get(self, key: int, default: Any = None) -> Any:
        try:
            return self[key]
        except KeyError:
            return default


_GENERATIONS: list[tuple[SiteKeys, dict[int, tuple[object, str]]]] = []


def _digest(value: Any, keys: SiteKeys, seen: dict[int, tuple[object, str]], depth: int) -> str:
    if value is None or isinstance(value, _PLAIN):
        return f"{type(value).__name__}:{value!r}"
    if depth > MAX_DEPTH:
        raise _Unknown
    found = seen.get(id(value))
    if found is not None and found[0] is value:
        return found[1]
    parts: list[str] = []
    depth += 1
    if isinstance(value, Site):  # the whole site: a page that reads it cannot be keyed
        raise _Unknown
    if isinstance(value, RecordModel):
        return f"record:{type(value).__name__}:{record_path(value)}:{keys.digest(value)}"
    if isinstance(value, BaseModel):
        parts.append(f"model:{type(value).__name__}")
        for name, item in value.__dict__.items():
            parts += (name, _digest(item, keys, seen, depth))
        for name, item in sorted((value.__pydantic_private__ or {}).items()):
            parts += (name, _digest(item, keys, seen, depth))
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        parts.append(f"view:{type(value).__name__}")
        for field in dataclasses.fields(value):
            parts += (field.name, _digest(getattr(value, field.name), keys, seen, depth))
    elif isinstance(value, Mapping):
        parts.append(f"map:{len(value)}")
        for name, item in value.items():
            parts += (_digest(name, keys, seen, depth), _digest(item, keys, seen, depth))
    elif isinstance(value, list | tuple):
        parts.append(f"{type(value).__name__}:{len(value)}")
        parts += (_digest(item, keys, seen, depth) for item in value)
    elif isinstance(value, set | frozenset) and all(isinstance(i, _PLAIN) for i in value):
        parts.append(f"set:{sorted(repr(item) for item in value)}")
    else:
        raise _Unknown
    text = "\x1f".join(parts)
    digest = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()
    seen[id(value)] = (value, digest)
    return digest
