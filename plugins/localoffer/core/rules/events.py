"""Event rules beyond the shape of one record."""

from __future__ import annotations

from collections.abc import Iterator

from localoffer.core.derive.occurrences import occurrences, stray_exceptions
from localoffer.core.problems import Problem, Severity
from localoffer.core.rules.sessions import check_sessions
from localoffer.core.rules.term_time import check_term_time
from localoffer.core.site import Site
from localoffer.core.wording import govuk_date


def check_events(site: Site) -> Iterator[Problem]:
    for event in site.events.values():
        if event.sessions:
            yield from check_sessions(site, event)
        yield from check_term_time(site, event)
        until = event.repeat.until if event.repeat is not None else None
        if until is not None and until < event.first_day:
            yield site.problem(
                event,
                ("repeat", "until"),
                Severity.ERROR,
                f"the series ends ('until: {until.isoformat()}') before the event starts "
                f"({govuk_date(event.first_day)}): check the dates",
            )
            continue
        if event.repeat is not None:
            for day in stray_exceptions(event):
                index = event.repeat.except_.index(day)
                yield site.problem(
                    event,
                    ("repeat", "except", index),
                    Severity.WARNING,
                    f"{govuk_date(day)} is not one of this series' dates, so 'except' has no "
                    "effect there: check the date",
                )
            if not occurrences(event):
                yield site.problem(
                    event,
                    ("repeat",),
                    Severity.ERROR,
                    "this series has no dates left once 'except' is applied",
                    key=True,
                )
        if event.status != "scheduled" and event.status_note is None:
            yield site.problem(
                event,
                ("status",),
                Severity.WARNING,
                f"the event is {event.status}: add 'status_note:' to tell people what to do",
            )
        if event.booking is not None and event.booking.deadline is not None:
            first = occurrences(event)[0].start_at.date() if occurrences(event) else None
            if first is not None and event.booking.deadline > first and event.repeat is None:
                yield site.problem(
                    event,
                    ("booking", "deadline"),
                    Severity.WARNING,
                    "the booking deadline is after the event starts",
                )
        booking = event.booking
        if (
            booking is not None
            and booking.required
            and not (booking.url or booking.email or booking.phone)
        ):
            yield site.problem(
                event,
                ("booking",),
                Severity.ERROR,
                "booking is required ('required: true') but there is no way to book: add "
                "'url:' (the booking page), 'email:' or 'phone:' under 'booking:', or remove "
                "'required: true' if people can just come",
                key=True,
            )
