"""The charts of "You said, we did": comments by who made them, and actions by status with the
overdue ones, for the register (each year), a yearly report and a round's page."""

from __future__ import annotations

from collections.abc import Sequence

from localoffer.plan.charts import BarChart, bar_chart
from localoffer.plan.feedback_view import ACTION_LABELS, NO_ACTION_LABEL, Term, YearFigures

COMMENTS = ("comment", "comments")
OVERDUE_LABEL = "Overdue (also counted by status)"
STATUSES = tuple(ACTION_LABELS.items())


def _heading(figures: YearFigures, several: bool) -> str:
    return str(figures.year) if several else ""


def comments_chart(
    figures: Sequence[YearFigures], groups: Sequence[Term], *, scope: str, chart_id: str
) -> BarChart:
    """Comments by respondent group: one group of bars a year when there are several years."""
    several = len(figures) > 1
    return bar_chart(
        chart_id,
        f"Comments {scope}, by who made them",
        [
            (
                _heading(year, several),
                [(group.label, year.by_group.get(group.term, 0)) for group in groups],
            )
            for year in figures
        ],
        unit=COMMENTS,
    )


def actions_chart(figures: Sequence[YearFigures], *, scope: str, chart_id: str) -> BarChart:
    """What was done about the comments: each action status, no action, and overdue."""
    several = len(figures) > 1
    return bar_chart(
        chart_id,
        f"Actions for comments {scope}, by status",
        [
            (
                _heading(year, several),
                [
                    *((label, year.by_action.get(term, 0)) for term, label in STATUSES),
                    (NO_ACTION_LABEL, year.no_action),
                    (OVERDUE_LABEL, year.overdue),
                ],
            )
            for year in figures
        ],
        unit=COMMENTS,
    )


def figure_charts(
    figures: Sequence[YearFigures], groups: Sequence[Term], *, scope: str, prefix: str = "lo"
) -> tuple[BarChart, BarChart]:
    """Both charts for one set of figures, with ids unique on the page."""
    return (
        comments_chart(figures, groups, scope=scope, chart_id=f"{prefix}-chart-comments"),
        actions_chart(figures, scope=scope, chart_id=f"{prefix}-chart-actions"),
    )
