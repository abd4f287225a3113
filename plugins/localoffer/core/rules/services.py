"""Service rules that depend on today: ``reviewed`` not in the future, and not too long ago."""

from __future__ import annotations

from collections.abc import Iterator

from localoffer.core.derive.review import REVIEW_MONTHS, review_due, review_overdue
from localoffer.core.problems import Problem, Severity
from localoffer.core.site import Site
from localoffer.core.wording import govuk_date


def check_services(site: Site) -> Iterator[Problem]:
    today = site.today
    for service in site.services.values():
        if service.reviewed > today:
            yield site.problem(
                service,
                ("reviewed",),
                Severity.ERROR,
                f"'reviewed' is {govuk_date(service.reviewed)}, after today "
                f"({govuk_date(today)}): give the day the details were last checked",
            )
        elif review_overdue(service, today):
            yield site.problem(
                service,
                ("reviewed",),
                Severity.WARNING,
                f"not reviewed for {REVIEW_MONTHS} months: the details were last checked on "
                f"{govuk_date(service.reviewed)} and were due to be checked again by "
                f"{govuk_date(review_due(service))}. Check them with the service, then change "
                "'reviewed:' to the day you did",
            )
