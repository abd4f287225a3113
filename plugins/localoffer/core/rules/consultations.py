"""Rules that depend on a consultation's status at "now"."""

from __future__ import annotations

from collections.abc import Iterator

from localoffer.core.derive.status import Status, outcome_due, outcome_overdue, status_at
from localoffer.core.problems import Problem, Severity
from localoffer.core.site import Site
from localoffer.core.wording import govuk_date


def check_consultations(site: Site) -> Iterator[Problem]:
    for consultation in site.consultations.values():
        status = status_at(consultation, site.now)
        if status in (Status.OPEN, Status.UPCOMING):
            if not consultation.respond:
                yield site.problem(
                    consultation,
                    ("respond",),
                    Severity.ERROR,
                    f"this consultation is {status.value}, so it needs 'respond:': how people "
                    "can take part (online, email, post, phone or event)",
                    key=True,
                )
            if consultation.easy_read is None:
                yield site.problem(
                    consultation,
                    ("title",),
                    Severity.WARNING,
                    "there is no Easy Read version ('easy_read:'): children, young people and "
                    "many parents need one to take part",
                    key=True,
                )
        kinds = {way.kind for way in consultation.respond}
        for index, way in enumerate(consultation.respond):
            if way.kind == "form" and not kinds & {"post", "email"}:
                yield site.problem(
                    consultation,
                    ("respond", index, "form"),
                    Severity.ERROR,
                    "a form is filled in and sent back, but this consultation gives no address "
                    "to send it to: add a way 'post: ADDRESS' (or 'email: ADDRESS') under "
                    "'respond:'",
                )
        if outcome_overdue(consultation, site.now, site.settings.authority):
            yield site.problem(
                consultation,
                ("closes",),
                Severity.WARNING,
                f"the outcome is overdue: it closed on {govuk_date(consultation.closes_at.date())} "
                f"and the outcome was due by {govuk_date(outcome_due(consultation))}. Add "
                "'outcome:' with what was decided",
                key=True,
            )
        for index, extension in enumerate(consultation.extended):
            if extension.on > site.today:
                yield site.problem(
                    consultation,
                    ("extended", index, "on"),
                    Severity.ERROR,
                    f"the extension is dated {govuk_date(extension.on)}, after today "
                    f"({govuk_date(site.today)}): write 'on:' once it has been announced",
                )
        if (
            consultation.outcome is not None
            and consultation.outcome.published < consultation.closes_at.date()
        ):
            yield site.problem(
                consultation,
                ("outcome", "published"),
                Severity.WARNING,
                "the outcome is published before the consultation closed: check the dates",
            )
