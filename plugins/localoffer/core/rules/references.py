"""Every cross-reference between records must resolve, and ids must stay unique."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from localoffer.core.models.base import RecordModel
from localoffer.core.problems import Problem, Severity
from localoffer.core.site import Site
from localoffer.core.suggest import did_you_mean

Loc = tuple[int | str, ...]


def check_references(site: Site) -> Iterator[Problem]:
    for consultation in site.consultations.values():
        for index, other in enumerate(consultation.related):
            if other == consultation.id:
                yield site.problem(
                    consultation,
                    ("related", index),
                    Severity.ERROR,
                    "a consultation cannot be related to itself",
                )
            else:
                yield from _resolve(
                    site,
                    consultation,
                    ("related", index),
                    other,
                    site.consultations,
                    "consultation",
                )
        if consultation.outcome is not None:
            for index, round_id in enumerate(consultation.outcome.feedback):
                yield from _resolve(
                    site,
                    consultation,
                    ("outcome", "feedback", index),
                    round_id,
                    site.feedback,
                    "feedback round",
                )
        for index, way in enumerate(consultation.respond):
            if way.event is not None:
                yield from _resolve(
                    site, consultation, ("respond", index, "event"), way.event, site.events, "event"
                )
        for index, service_id in enumerate(consultation.services):
            yield from _resolve(
                site, consultation, ("services", index), service_id, site.services, "service"
            )
    for event in site.events.values():
        if event.consultation is not None:
            yield from _resolve(
                site,
                event,
                ("consultation",),
                event.consultation,
                site.consultations,
                "consultation",
            )
        if event.service is not None:
            yield from _resolve(site, event, ("service",), event.service, site.services, "service")
    for feedback in site.feedback.values():
        if feedback.consultation is not None:
            yield from _resolve(
                site,
                feedback,
                ("consultation",),
                feedback.consultation,
                site.consultations,
                "consultation",
            )
        if feedback.event is not None:
            yield from _resolve(site, feedback, ("event",), feedback.event, site.events, "event")
        for index, comment in enumerate(feedback.comments):
            if comment.service is not None:
                yield from _resolve(
                    site,
                    feedback,
                    ("comments", index, "service"),
                    comment.service,
                    site.services,
                    "service",
                )


def check_previous_ids(site: Site) -> Iterator[Problem]:
    """Old ids redirect to the record: they must not clash with a live id or each other."""
    kinds: tuple[tuple[Mapping[str, RecordModel], str], ...] = (
        (site.consultations, "consultation"),
        (site.events, "event"),
        (site.services, "service"),
    )
    for records, noun in kinds:
        claimed: dict[str, str] = {}
        for record in records.values():
            previous = getattr(record, "previous_ids", [])
            for index, old in enumerate(previous):
                if old == record.id:
                    yield site.problem(
                        record,
                        ("previous_ids", index),
                        Severity.ERROR,
                        f"'{old}' is this {noun}'s own id: previous_ids lists only old ids",
                    )
                elif old in records:
                    yield site.problem(
                        record,
                        ("previous_ids", index),
                        Severity.ERROR,
                        f"'{old}' is the id of another {noun} ({records[old].path}), so its "
                        "address cannot redirect here",
                    )
                elif old in claimed and claimed[old] != record.id:
                    yield site.problem(
                        record,
                        ("previous_ids", index),
                        Severity.ERROR,
                        f"'{old}' is already listed in previous_ids of '{claimed[old]}'",
                    )
                else:
                    claimed[old] = record.id


def _resolve(
    site: Site,
    record: RecordModel,
    loc: Loc,
    target: str,
    records: Mapping[str, RecordModel],
    noun: str,
) -> Iterator[Problem]:
    if target in records:
        return
    hint = did_you_mean(target, records)
    yield site.problem(
        record,
        loc,
        Severity.ERROR,
        f"there is no {noun} with the id '{target}'.{hint}".replace(".?", "?")
        + ("" if hint else " The id is the file name without .md or .yml."),
    )
