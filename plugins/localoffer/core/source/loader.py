"""Loading every record of a site, validating each, and collecting every problem at once."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from pydantic import ValidationError

from localoffer.core.models.base import ID_PATTERN, RecordModel
from localoffer.core.models.consultation import Consultation
from localoffer.core.models.event import Event
from localoffer.core.models.feedback import FeedbackRound
from localoffer.core.models.service import Service
from localoffer.core.problems import Problem, error
from localoffer.core.site import Site
from localoffer.core.source.cache import RECORDS, CacheSession, Loaded, RecordCache
from localoffer.core.source.links import outside_links
from localoffer.core.source.messages import editor_message, field_names
from localoffer.core.source.reader import ReadError, read_bytes, read_record
from localoffer.core.source.yamlnodes import YamlDocument
from localoffer.core.suggest import nearest

M = TypeVar("M", bound=RecordModel)


@dataclass(frozen=True)
class RecordKind:
    folder: str
    model: type[RecordModel]
    suffixes: tuple[str, ...]
    noun: str


CONSULTATIONS = RecordKind("consultations", Consultation, (".md",), "consultation")
EVENTS = RecordKind("events", Event, (".md",), "event")
FEEDBACK = RecordKind("responses", FeedbackRound, (".yml", ".yaml"), "feedback round")
SERVICES = RecordKind("services", Service, (".md",), "service")
KINDS = (CONSULTATIONS, EVENTS, FEEDBACK, SERVICES)
IGNORED_NAMES = {"readme.md", ".gitkeep", ".ds_store", "thumbs.db"}


def record_files(root: Path, kind: RecordKind) -> Iterator[Path]:
    """Every file in a record folder and its sub-folders, in a stable order."""
    for _, path in _record_files(root, kind):
        yield path


def _record_files(root: Path, kind: RecordKind) -> list[tuple[str, Path]]:
    """Every file in a record folder and its sub-folders, with its path in the site.

    As ``sorted(folder.rglob("*"))`` would find them (links to folders are not followed,
    folders that cannot be read are left out), in the same order, with fewer system calls.
    """
    folder = root / kind.folder
    if not folder.is_dir():
        return []
    found: list[tuple[tuple[str, ...], str]] = []
    _collect(str(folder), (), found)
    # By the names of the folders, then the file's, as pathlib sorts paths.
    found.sort(key=lambda item: tuple(map(os.path.normcase, item[0])))
    return [(f"{kind.folder}/{'/'.join(parts)}", Path(path)) for parts, path in found]


def _collect(folder: str, parts: tuple[str, ...], found: list[tuple[tuple[str, ...], str]]) -> None:
    try:
        with os.scandir(folder) as listing:
            entries = list(listing)
    except PermissionError:
        return
    for entry in entries:
        name = entry.name
        if entry.is_dir(follow_symlinks=False):
            _collect(entry.path, (*parts, name), found)
        elif entry.is_file() and name.lower() not in IGNORED_NAMES and not name.startswith("."):
            found.append(((*parts, name), entry.path))


def load_into(
    site: Site, kind: RecordKind, target: dict[str, M], cache: CacheSession | None = None
) -> list[Problem]:
    """Load one folder's records into ``target`` (by id); return the problems found.

    With a cache session, a file whose bytes are unchanged since the last load gives the same
    record and problems as then, without being parsed or validated again.
    """
    problems: list[Problem] = []
    root = site.settings.root
    context = {"vocabularies": site.settings.vocabularies}
    first_seen: dict[str, str] = {}
    # Links leading out of the site folder are reported, and what they lead to is never read.
    outside = {link.path: link for link in outside_links(root, kind.folder)}
    problems += [error(link.path, 1, 1, link.message()) for link in outside.values()]
    if kind.folder in outside:
        return problems
    for rel, path in _record_files(root, kind):
        if rel in outside:
            continue
        if path.suffix.lower() not in kind.suffixes:
            wanted = " or ".join(kind.suffixes)
            elsewhere = [
                other for other in KINDS if other is not kind and path.suffix in other.suffixes
            ]
            hint = "".join(
                f" ({other.noun} files go in {other.folder}/)" for other in elsewhere
            ).replace(") (", "; ")
            problems.append(
                error(rel, 1, 1, f"this file is not read: {kind.noun} files end in {wanted}{hint}")
            )
            continue
        record_id = path.stem
        if not ID_PATTERN.match(record_id):
            problems.append(
                error(
                    rel,
                    1,
                    1,
                    f"the file name '{path.name}' cannot be an id: use lowercase letters, digits "
                    f"and hyphens, such as '{_suggest_id(record_id)}{path.suffix}'",
                )
            )
        try:
            raw = read_bytes(path)
        except ReadError as exc:
            problems.append(error(rel, exc.position.line, exc.position.column, str(exc)))
            continue
        digest = hashlib.sha256(raw).hexdigest()
        site.digests[rel] = digest
        key = (str(path), rel)
        loaded = cache.lookup(key, digest) if cache is not None else None
        if loaded is None:
            loaded, keep = _load_file(kind, path, rel, raw, digest, context)
            _bind_holidays(loaded.record, site)  # before the cache takes its snapshot
            if cache is not None and keep:
                loaded = cache.store(key, loaded)
        if loaded.source is not None:
            site.sources[rel] = loaded.source
        problems.extend(loaded.problems)
        model = loaded.record
        if model is None:
            continue
        _bind_holidays(model, site)  # (a kept record's, if the settings changed since)
        if record_id in first_seen:
            problems.append(
                error(
                    rel,
                    1,
                    1,
                    f"the id '{record_id}' is already used by {first_seen[record_id]}: each "
                    f"{kind.noun} needs its own file name, because the name fixes its web address",
                )
            )
            continue
        first_seen[record_id] = rel
        target[record_id] = model  # type: ignore[assignment]
    return problems


def _load_file(
    kind: RecordKind, path: Path, rel: str, raw: bytes, digest: str, context: dict[str, Any]
) -> tuple[Loaded, bool]:
    """Read, parse and validate one record file's bytes.

    Also says whether what it gave may be kept for the next load: not when localoffer itself
    failed on the file, so that the next load tries again.
    """
    try:
        source = read_record(path, raw)
    except ReadError as exc:
        problem = error(rel, exc.position.line, exc.position.column, str(exc))
        return Loaded(digest, None, (problem,), None), True
    except Exception as exc:  # a fault in localoffer, not the editor's: say so, go on
        return Loaded(digest, None, (_fault(rel, exc),), None), False
    document = source.document
    problems = [
        error(
            rel,
            duplicate.position.line,
            duplicate.position.column,
            f"'{duplicate.key}' is given twice (first on line {duplicate.first.line}): keep one",
        )
        for duplicate in document.duplicates
    ]
    try:
        model = kind.model.model_validate(document.data, context=context)
    except ValidationError as exc:
        other = _valid_as_other_kind(kind, document.data, context)
        if other is not None:
            problems.append(
                error(
                    rel,
                    1,
                    1,
                    f"this is {_a(other.noun)}, not {_a(kind.noun)}: move it to the "
                    f"{other.folder}/ folder",
                )
            )
        else:
            problems.extend(validation_problems(rel, document, kind.model, exc))
        return Loaded(digest, None, tuple(problems), document.source), True
    except Exception as exc:  # a fault in localoffer, not the editor's: say so, go on
        problems.append(_fault(rel, exc))
        return Loaded(digest, None, tuple(problems), document.source), False
    model.bind(path.stem, rel, source.body)
    return Loaded(digest, model, tuple(problems), document.source), True


def validation_problems(
    rel: str, document: YamlDocument, model: type[RecordModel], exc: ValidationError
) -> list[Problem]:
    """One problem for each of pydantic's errors, where the editor typed the value.

    A misspelt field ("closse") is reported once, with the name it should have, rather than as
    an unknown field and a missing one.
    """
    items = exc.errors(include_url=False)
    explained: set[tuple[int | str, ...]] = set()
    for item in items:
        loc = tuple(item["loc"])
        if item["type"] == "extra_forbidden" and loc and isinstance(loc[-1], str):
            match = nearest(loc[-1], field_names(model, loc[:-1]))
            if match is not None:
                explained.add((*loc[:-1], match))
    problems: list[Problem] = []
    for item in items:
        loc = tuple(item["loc"])
        if item["type"] == "missing" and loc in explained:
            continue
        message, at_key = editor_message(model, item)
        if item["type"] == "extra_forbidden" and len(loc) == 1:
            message = _belongs_elsewhere(model, str(loc[0])) or message
        if not at_key and item["type"] in ("value_error", "assertion_error"):
            at_key = document.is_group(loc)  # a rule about a whole block: point at its name
        position = document.locate(loc, key=at_key)
        problems.append(error(rel, position.line, position.column, message))
    return problems


def _bind_holidays(record: RecordModel | None, site: Site) -> None:
    """Give an event the site's school holidays (for a term-time series), when it has others."""
    holidays = site.settings.school_holidays
    if isinstance(record, Event) and record.school_holidays != holidays:
        record.bind_holidays(holidays)


def load_records(site: Site, cache: RecordCache | None = RECORDS) -> list[Problem]:
    """Load consultations, events, feedback rounds and services into ``site``.

    ``cache`` keeps what each file gave for the next load in this process (see
    ``core/source/cache.py``); None reads every file afresh and keeps nothing.
    """
    session = cache.start(site.settings.vocabularies) if cache is not None else None
    problems = load_into(site, CONSULTATIONS, site.consultations, session)
    problems += load_into(site, EVENTS, site.events, session)
    problems += load_into(site, FEEDBACK, site.feedback, session)
    problems += load_into(site, SERVICES, site.services, session)
    if session is not None:
        session.finish()
    return problems


def _belongs_elsewhere(model: type[RecordModel], name: str) -> str | None:
    """For a field of another kind of record: say so, rather than suggest a look-alike."""
    own = field_names(model, ())
    match = nearest(name, own)
    if match == name or (match is not None and match.rstrip("s") == name.rstrip("s")):
        return None  # its own field, or one with an "s" more or less (location, locations)
    for other in KINDS:
        if other.model is not model and name in field_names(other.model, ()):
            this = next(kind for kind in KINDS if kind.model is model)
            return (
                f"unknown field '{name}': it is a field of {other.noun}s, not of {this.noun}s. "
                f"The fields here are: {', '.join(own)}."
            )
    return None


def _valid_as_other_kind(
    kind: RecordKind, data: object, context: Mapping[str, object]
) -> RecordKind | None:
    """The kind of record ``data`` is, when it is a valid record of another kind."""
    for other in KINDS:
        if other is kind:
            continue
        try:
            other.model.model_validate(data, context=context)
        except ValidationError:
            continue
        return other
    return None


def _a(noun: str) -> str:
    return f"an {noun}" if noun[0] in "aeiou" else f"a {noun}"


def _fault(rel: str, exc: Exception) -> Problem:
    return error(
        rel,
        1,
        1,
        f"localoffer could not check this file because of a fault in localoffer itself "
        f"({type(exc).__name__}: {exc}): please report it, with the file",
    )


def _suggest_id(stem: str) -> str:
    import re

    slug = re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-")
    return slug or "my-record"
