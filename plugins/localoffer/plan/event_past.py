"""The calendar's archive: ``/events/past/`` (the years) and ``/events/past/YYYY/`` (the events
that ended that year, by month, with how many documents each has)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from localoffer.plan.event_index import EventEntry, EventIndex, Listing, local_date, month_label
from localoffer.plan.event_lists import html_title
from localoffer.plan.keys import site_keys
from localoffer.plan.model import PagePlan, keyed
from localoffer.present.dates import govuk_date


def past_pages(index: EventIndex, months: Mapping[str, list[Listing]]) -> Iterator[PagePlan]:
    site = index.site
    by_year: dict[int, list[Any]] = {}
    for entry in index.past_entries():
        last = entry.occurrences[-1] if entry.occurrences else None
        if last is None:
            continue
        by_year.setdefault(local_date(last.end).year, []).append(entry)
    years = sorted(by_year, reverse=True)
    month_years: dict[int, list[dict[str, str]]] = {}
    for key in months:
        month_years.setdefault(int(key[:4]), []).append(
            {"label": month_label(key), "url": index.paths.month_url(key)}
        )
    yield PagePlan(
        src_uri=f"{index.paths.past_url()}index.md",
        title="Past events",
        template="localoffer/events-past.html",
        context={
            "lo_past": {
                "years": [
                    {"year": year, "count": len(by_year[year]), "url": index.paths.past_url(year)}
                    for year in years
                ],
                "paths": index.paths,
            }
        },
        html_title=html_title(site, "Past events"),
        description="Events that have happened, by year, with notes and documents.",
        search=False,
    )
    keys = site_keys(site)
    for position, year in enumerate(years):
        newer = years[position - 1] if position > 0 else None
        older = years[position + 1] if position + 1 < len(years) else None
        # A year's page shows the events that ended that year (which, depends on "now"), the
        # year's months, the years either side, and the settings (and holds their entries).
        memo_key = "|".join(
            (
                f"{newer}<{year}>{older}",
                ",".join(month["url"] for month in month_years.get(year, [])),
                ",".join(keys.event_time(entry.event) for entry in by_year[year]),
                keys.settings,
            )
        )

        def page(
            year: int = year,
            newer: int | None = newer,
            older: int | None = older,
            memo_key: str = memo_key,
        ) -> PagePlan:
            made = _past_year(index, year, by_year[year], month_years.get(year, []), newer, older)
            return keyed(made, memo_key)  # (its memo key is all it shows: the cache keeps it)

        yield keys.memo.get("past-year-page", str(year), memo_key, page)


def _past_year(
    index: EventIndex,
    year: int,
    past: list[EventEntry],
    months: list[dict[str, str]],
    newer: int | None,
    older: int | None,
) -> PagePlan:
    entries = sorted(past, key=lambda e: (e.occurrences[-1].start_at, e.event.title), reverse=True)
    groups: dict[str, list[dict[str, Any]]] = {}
    for entry in entries:
        first, last = entry.occurrences[0], entry.occurrences[-1]
        key = f"{local_date(last.start):%Y-%m}"
        groups.setdefault(key, []).append(
            {
                "entry": entry,
                "url": f"events/{entry.id}/",
                "when": (
                    govuk_date(local_date(last.start))
                    if len(entry.occurrences) == 1
                    else f"{len(entry.occurrences)} dates, "
                    f"{govuk_date(local_date(first.start))} to "
                    f"{govuk_date(local_date(last.start))}"
                ),
                "documents": len(entry.event.documents),
            }
        )
    return PagePlan(
        src_uri=f"{index.paths.past_url(year)}index.md",
        title=f"Past events in {year}",
        template="localoffer/events-past-year.html",
        context={
            "lo_past_year": {
                "year": year,
                "groups": [
                    {"label": month_label(key), "entries": items} for key, items in groups.items()
                ],
                "months": months,
                "newer": newer,
                "older": older,
                "paths": index.paths,
            }
        },
        html_title=html_title(index.site, f"Past events in {year}"),
        description=f"Events that happened in {year}, with notes and documents.",
        search=False,
    )
