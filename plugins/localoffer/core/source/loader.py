"""Loading every record of a site, validating each, and collecting every problem at once."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from pydantic import ValidationError

from localoffer.core.models.base import ID_PATTERN, RecordModel
from localoffer.core.models.consultation import Consultation
from localoffer.core.models.event import Event
from localoffer.core.models.feedback import FeedbackRound
from localoffer.core.problems import Problem, error
from localoffer.core.site import Site
from localoffer.core.source.messages import editor_message, field_names
from localoffer.core.source.reader import ReadError, read_record
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
KINDS = (CONSULTATIONS, EVENTS, FEEDBACK)
IGNORED_NAMES = {"readme.md", ".gitkeep", ".ds_store", "thumbs.db"}


def record_files(root: Path, kind: RecordKind) -> Iterator[Path]:
    """Every file in a record folder and its sub-folders, in a stable order."""
    folder = root / kind.folder
    if not folder.is_dir():
        return
    for path in sorted(folder.rglob("*")):
        if (
            path.is_file()
            and path.name.lower() not in IGNORED_NAMES
            and not path.name.startswith(".")
        ):
            yield path


def load_into(site: Site, kind: RecordKind, target: dict[str, M]) -> list[Problem]:
    """Load one folder's records into ``target`` (by id); return the problems found."""
    problems: list[Problem] = []
    root = site.settings.root
    context = {"vocabularies": site.settings.vocabularies}
    first_seen: dict[str, str] = {}
    for path in record_files(root, kind):
        rel = path.relative_to(root).as_posix()
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
            source = read_record(path)
        except ReadError as exc:
            problems.append(error(rel, exc.position.line, exc.position.column, str(exc)))
            continue
        except Exception as exc:  # a fault in localoffer, not the editor's: say so, go on
            problems.append(_fault(rel, exc))
            continue
        document = source.document
        site.sources[rel] = document
        for duplicate in document.duplicates:
            problems.append(
                error(
                    rel,
                    duplicate.position.line,
                    duplicate.position.column,
                    f"'{duplicate.key}' is given twice (first on line {duplicate.first.line}): "
                    "keep one",
                )
            )
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
            continue
        except Exception as exc:  # a fault in localoffer, not the editor's: say so, go on
            problems.append(_fault(rel, exc))
            continue
        model.bind(record_id, rel, source.body)
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


def load_records(site: Site) -> list[Problem]:
    """Load consultations, events and feedback rounds into ``site``."""
    problems = load_into(site, CONSULTATIONS, site.consultations)
    problems += load_into(site, EVENTS, site.events)
    problems += load_into(site, FEEDBACK, site.feedback)
    return problems


def _belongs_elsewhere(model: type[RecordModel], name: str) -> str | None:
    """For a field of another kind of record: say so, rather than suggest a look-alike."""
    own = field_names(model, ())
    if nearest(name, own) == name:
        return None
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
