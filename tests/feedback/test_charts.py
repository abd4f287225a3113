"""Charts of the figures, drawn at build time as inline SVG: no script, a title and a
description for screen readers, every bar labelled with its number, beside the same table."""

from __future__ import annotations

import pytest
from bs4 import Tag

from .conftest import Built
from .fixture_site import ROUND_COMMENTS, YEAR_URLS, YEARS

URL = "/you-said-we-did/"
GROUP_LABELS = {
    "children": "Children",
    "young-people": "Young people",
    "parents-carers": "Parents and carers",
    "professionals": "Professionals",
}
STATUS_LABELS = {
    "done": "Done",
    "in-progress": "In progress",
    "planned": "Planned",
    "not-planned": "Not planned",
}


def text(tag: Tag) -> str:
    return " ".join(tag.get_text(" ").split())


def chart(main: Tag, title: str) -> Tag:
    for svg in main.find_all("svg"):
        name = svg.find("title")
        if name is not None and text(name).startswith(title):
            return svg
    raise AssertionError(f"no chart titled {title!r}")


def figures(svg: Tag) -> list[tuple[str, str, str]]:
    """(group heading, label, number) for each bar, in drawing order."""
    found = []
    heading = ""
    pending: str | None = None
    for item in svg.find_all("text"):
        kind = item["class"][0]
        if kind == "lo-chart__heading":
            heading = text(item)
        elif kind == "lo-chart__label":
            pending = text(item)
        elif kind == "lo-chart__number":
            assert pending is not None
            found.append((heading, pending, text(item)))
            pending = None
    return found


def test_the_register_charts_comments_by_group_each_year(built: Built) -> None:
    svg = chart(built.main(URL), "Comments received each year, by who made them")
    expected = [
        (str(year), GROUP_LABELS[group], str(number))
        for year, f in YEARS.items()
        for group, number in f["groups"].items()
    ]
    assert figures(svg) == expected
    # One bar for each number above 0: a zero is its label and "0", no bar.
    assert len(svg.find_all("rect")) == sum(1 for _, _, n in expected if n != "0")


def test_the_register_charts_actions_by_status_with_the_overdue_ones(built: Built) -> None:
    svg = chart(built.main(URL), "Actions for comments received each year, by status")
    expected = []
    for year, f in YEARS.items():
        expected += [(str(year), STATUS_LABELS[s], str(n)) for s, n in f["actions"].items()]
        expected.append((str(year), "No action recorded", str(f["no_action"])))
        expected.append((str(year), "Overdue (also counted by status)", str(f["overdue"])))
    assert figures(svg) == expected


def test_a_chart_is_an_image_named_by_its_title_and_its_figures_in_words(built: Built) -> None:
    main = built.main(URL)
    svgs = main.find_all("svg", class_="lo-chart__svg")
    assert len(svgs) == 2
    for svg in svgs:
        assert svg["role"] == "img"
        title_id, desc_id = svg["aria-labelledby"].split()
        assert svg.find("title")["id"] == title_id
        assert svg.find("desc")["id"] == desc_id
    desc = text(chart(main, "Comments received each year").find("desc"))
    f = YEARS[2026]["groups"]
    assert desc.startswith(
        f"2026: Children {f['children']} comments, Young people {f['young-people']} comments"
    )
    # The chart comes before the table of the same figures, with nothing needing a script.
    figures_section = main.find(id="figures")
    assert figures_section is not None
    following = [tag.name for tag in figures_section.find_all_next(["svg", "table"], limit=4)]
    assert following == ["svg", "table", "svg", "table"]


def test_bars_are_in_proportion_to_their_numbers(built: Built) -> None:
    svg = chart(built.main(URL), "Comments received each year, by who made them")
    numbers = [int(n) for _, _, n in figures(svg) if n != "0"]
    widths = [float(rect["width"]) for rect in svg.find_all("rect")]
    largest = max(numbers)
    for number, width in zip(numbers, widths, strict=True):
        assert width == pytest.approx(max(widths) * number / largest, abs=2.1)


@pytest.mark.parametrize("year", sorted(YEAR_URLS))
def test_each_yearly_report_charts_its_own_year(built: Built, year: int) -> None:
    svg = chart(built.main(YEAR_URLS[year]), f"Comments received in {year}, by who made them")
    assert figures(svg) == [
        ("", GROUP_LABELS[group], str(n)) for group, n in YEARS[year]["groups"].items()
    ]


@pytest.mark.parametrize("round_id", sorted(ROUND_COMMENTS))
def test_each_round_page_charts_its_comments(built: Built, round_id: str) -> None:
    main = built.main(f"/you-said-we-did/{round_id}/")
    svg = chart(main, "Comments in this round, by who made them")
    assert sum(int(n) for _, _, n in figures(svg)) == ROUND_COMMENTS[round_id]
    actions = chart(main, "Actions for comments in this round, by status")
    counted = [int(n) for _, label, n in figures(actions) if not label.startswith("Overdue")]
    assert sum(counted) == ROUND_COMMENTS[round_id]
    caption = main.find("caption", id="lo-figures-comments")
    assert caption is not None and text(caption) == "Comments in this round, by who made them"
