"""Bar charts of a page's figures, laid out at build time for an inline SVG (no script, no
chart library): ``theme/localoffer/partials/chart.html`` draws them.

A chart is a list of groups (a year, say), each with labelled bars (a respondent group, a
status). Every bar carries its label and its number as text beside it, so nothing is told by
colour or length alone; the figures' table stays beside the chart, and the SVG's title and
description say what it shows in words for screen readers (``role="img"``).

The layout is in SVG user units on a fixed-width canvas that the stylesheet scales to its
column: a label line above each bar, so long labels never squeeze the bars on a phone.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

#: The canvas: width, and the room kept right of the longest bar for its number.
WIDTH = 320
NUMBER_ROOM = 36
#: Heights of a group's heading, a bar's label line, a bar, and the gaps.
GROUP_HEAD = 24
LABEL = 18
BAR = 16
BAR_GAP = 8
GROUP_GAP = 10
#: A bar of a number above 0 is at least this wide, so it is never invisible.
MIN_BAR = 2


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    #: Where its label line's baseline, its bar and its number are.
    label_y: float
    bar_y: float
    width: float
    #: The number as shown beside the bar ("12", "83%").
    shown: str = ""

    @property
    def number_x(self) -> float:
        return self.width + 6

    @property
    def number_y(self) -> float:
        return self.bar_y + BAR - 3


@dataclass(frozen=True)
class Group:
    #: Shown above its bars; "" for a chart of one group.
    heading: str
    heading_y: float
    bars: tuple[Bar, ...]


@dataclass(frozen=True)
class BarChart:
    #: Unique on its page: the SVG's title and description ids start with it.
    id: str
    title: str
    description: str
    groups: tuple[Group, ...]
    width: int
    height: float

    @property
    def bars(self) -> tuple[Bar, ...]:
        return tuple(bar for group in self.groups for bar in group.bars)


def bar_chart(
    chart_id: str,
    title: str,
    groups: Sequence[tuple[str, Sequence[tuple[str, float]]]],
    *,
    unit: tuple[str, str] = ("", ""),
    number: Callable[[float], str] = str,
    largest: float | None = None,
) -> BarChart:
    """A chart of ``groups``: (heading, [(label, number), ...]) each, in order.

    ``unit`` is the noun for the numbers in the description, singular and plural
    ("comment", "comments"). A chart of a single group with heading "" has no group headings.
    ``number`` writes a number as shown ("83%"); ``largest`` is the number of a full-width bar
    (100 for percentages), by default the largest number in the chart.
    """
    if largest is None:
        largest = max((value for _, bars in groups for _, value in bars), default=0)
    scale = (WIDTH - NUMBER_ROOM) / largest if largest else 0.0
    laid_out: list[Group] = []
    y = 0.0
    for heading, bars in groups:
        heading_y = y + GROUP_HEAD - 7
        if heading:
            y += GROUP_HEAD
        placed = []
        for label, value in bars:
            width = value * scale
            if value > 0:
                width = max(width, MIN_BAR)
            placed.append(
                Bar(label, value, y + LABEL - 4, y + LABEL, round(width, 1), number(value))
            )
            y += LABEL + BAR + BAR_GAP
        laid_out.append(Group(heading, heading_y, tuple(placed)))
        y += GROUP_GAP
    return BarChart(
        id=chart_id,
        title=title,
        description=_description(groups, unit, number),
        groups=tuple(laid_out),
        width=WIDTH,
        height=max(y - GROUP_GAP - BAR_GAP, 0.0) + 4,
    )


def _description(
    groups: Sequence[tuple[str, Sequence[tuple[str, float]]]],
    unit: tuple[str, str],
    number: Callable[[float], str] = str,
) -> str:
    """The figures in words: "2026: Parents and carers 12 comments, Young people 3 comments."."""
    parts = []
    for heading, bars in groups:
        figures = ", ".join(f"{label} {_count(value, unit, number)}" for label, value in bars)
        parts.append(f"{heading}: {figures}." if heading else f"{figures}.")
    return " ".join(parts) if parts else "No figures yet."


def _count(value: float, unit: tuple[str, str], number: Callable[[float], str] = str) -> str:
    singular, plural = unit
    noun = singular if value == 1 else plural
    return f"{number(value)} {noun}" if noun else number(value)


def non_empty(bars: Iterable[tuple[str, int]]) -> list[tuple[str, int]]:
    """The bars with a number above 0 (a status no consultation had that year is left out)."""
    return [(label, value) for label, value in bars if value]
