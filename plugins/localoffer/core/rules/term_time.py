"""Series whose dates depend on the school holidays (``term_time_only``,
``school_holidays_only``): the holidays in ``mkdocs.yml`` must cover every date of the series,
or the site cannot tell term time from the holidays there (it then counts them as term time)."""

from __future__ import annotations

from collections.abc import Iterator

from localoffer.core.derive.occurrences import series_dates
from localoffer.core.holidays import SETTING
from localoffer.core.models.event import Event
from localoffer.core.problems import Problem, Severity
from localoffer.core.site import Site
from localoffer.core.wording import govuk_date


def check_term_time(site: Site, event: Event) -> Iterator[Problem]:
    repeat = event.repeat
    if repeat is None or not repeat.by_school_holidays:
        return
    field = "term_time_only" if repeat.term_time_only else "school_holidays_only"
    holidays = site.settings.school_holidays
    if not holidays:
        yield site.problem(
            event,
            ("repeat", field),
            Severity.WARNING,
            f"'{field}: true' needs the school holidays, and there are none in mkdocs.yml: add "
            f"them under the localoffer plugin as '{SETTING}:' (each with name, from and to)",
        )
        return
    unknown = [day for day in series_dates(event.first_day, repeat) if not holidays.knows(day)]
    if unknown:
        first, last = holidays.known_from, holidays.known_until
        assert first is not None and last is not None
        dates = "a date" if len(unknown) == 1 else f"{len(unknown)} dates"
        yield site.problem(
            event,
            ("repeat", field),
            Severity.WARNING,
            f"the school holidays in mkdocs.yml ('{SETTING}:') cover {govuk_date(first)} to "
            f"{govuk_date(last)}, but this series has {dates} outside them (the first is "
            f"{govuk_date(unknown[0])}), which it treats as term time: add the holidays of "
            "that school year",
        )
