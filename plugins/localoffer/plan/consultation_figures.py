"""The consultations register's figures: how many consultations are in each status, by the
year they close, as a table and a bar chart (``plan/charts.py``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from localoffer.core.site import Site
from localoffer.plan.charts import BarChart, bar_chart, non_empty
from localoffer.plan.consultation_register import SECTIONS, STATUS_FILTER_LABELS, Register

CHART_ID = "lo-chart-consultations"
TITLE = "Consultations by status, by the year they close"


@dataclass(frozen=True)
class YearRow:
    year: int
    #: By status value, in the register's order (0 for a status that year did not have).
    counts: tuple[int, ...]

    @property
    def total(self) -> int:
        return sum(self.counts)


@dataclass(frozen=True)
class StatusFigures:
    #: (status value, label) of each column, in the register's order.
    columns: tuple[tuple[str, str], ...]
    rows: tuple[YearRow, ...]
    chart: BarChart
    title: str = TITLE


def _year(when: date | datetime) -> int:
    return when.year


def status_figures(site: Site, register: Register) -> StatusFigures | None:
    """The figures, newest year first; None when there are no consultations."""
    if not register.total:
        return None
    columns = tuple((status.value, STATUS_FILTER_LABELS[status]) for status, _, _ in SECTIONS)
    counts: dict[int, dict[str, int]] = {}
    for section in register.sections:
        for item in section.items:
            year = _year(site.consultations[item.id].closes)
            by_status = counts.setdefault(year, dict.fromkeys((v for v, _ in columns), 0))
            by_status[section.status] += 1
    rows = tuple(
        YearRow(year, tuple(counts[year][value] for value, _ in columns))
        for year in sorted(counts, reverse=True)
    )
    labels = [label for _, label in columns]
    chart = bar_chart(
        CHART_ID,
        TITLE,
        [(str(row.year), non_empty(zip(labels, row.counts, strict=True))) for row in rows],
        unit=("consultation", "consultations"),
    )
    return StatusFigures(columns, rows, chart)
