"""Bar charts are laid out at build time: every bar's length is in proportion to its number,
the longest fills the canvas but for its number, and the description says every figure."""

from __future__ import annotations

import pytest
from localoffer.plan.charts import BAR, MIN_BAR, NUMBER_ROOM, WIDTH, bar_chart, non_empty


def test_bars_are_in_proportion_and_the_largest_fills_the_room() -> None:
    chart = bar_chart("c", "Title", [("", [("A", 10), ("B", 5), ("C", 1)])])
    widths = [bar.width for bar in chart.bars]
    assert widths[0] == WIDTH - NUMBER_ROOM
    assert widths[1] == pytest.approx(widths[0] / 2, abs=0.1)
    assert widths[2] == pytest.approx(widths[0] / 10, abs=0.1)
    # Every number is drawn beside its bar, inside the canvas.
    assert all(bar.number_x < WIDTH for bar in chart.bars)


def test_a_zero_has_no_bar_and_a_small_number_is_still_visible() -> None:
    chart = bar_chart("c", "Title", [("", [("Many", 1000), ("One", 1), ("None", 0)])])
    many, one, none = chart.bars
    assert many.width == WIDTH - NUMBER_ROOM
    assert one.width == MIN_BAR
    assert none.width == 0
    assert non_empty([("a", 0), ("b", 2)]) == [("b", 2)]


def test_groups_have_headings_and_rows_never_overlap() -> None:
    chart = bar_chart(
        "c", "Title", [("2026", [("A", 3), ("B", 1)]), ("2025", [("A", 2)])],
        unit=("comment", "comments"),
    )
    assert [group.heading for group in chart.groups] == ["2026", "2025"]
    tops = []
    for group in chart.groups:
        tops.append(group.heading_y)
        for bar in group.bars:
            assert bar.label_y < bar.bar_y
            tops.append(bar.bar_y)
    assert tops == sorted(tops)
    bottom = max(bar.bar_y for bar in chart.bars) + BAR
    assert bottom <= chart.height
    assert chart.description == "2026: A 3 comments, B 1 comment. 2025: A 2 comments."


def test_a_chart_of_one_group_has_no_heading_and_an_empty_chart_says_so() -> None:
    single = bar_chart("c", "Title", [("", [("A", 1)])])
    assert single.groups[0].heading == ""
    assert single.bars[0].label_y < 20  # no room kept for a heading
    assert single.description == "A 1."
    empty = bar_chart("c", "Title", [])
    assert empty.bars == () and empty.description == "No figures yet."
