"""Rounds that match real reports: themes with their own summaries and counts, figures as
charts with tables, quotes without a response, respondents per group, and a round published as
a report only. The fixture site plus two rounds (``parts_site.py``): the ``parts`` fixture."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import feedparser
import pytest
from bs4 import BeautifulSoup, Tag
from jsonschema import Draft202012Validator

from .conftest import Built
from .fixture_site import ROUND_COMMENTS
from .parts_site import REPORT_ID, REPORT_PDF, THEMED_ID

THEMED_URL = f"/you-said-we-did/{THEMED_ID}/"
REPORT_URL = f"/you-said-we-did/{REPORT_ID}/"


def text(node: Tag | None) -> str:
    assert node is not None
    return " ".join(node.get_text(" ").split())


def table_rows(table: Tag) -> list[list[str]]:
    return [[text(cell) for cell in row.find_all(["th", "td"])] for row in table.find_all("tr")]


def table_captioned(main: Tag, caption: str) -> Tag:
    for table in main.find_all("table"):
        if table.caption and text(table.caption) == caption:
            return table
    raise AssertionError(f"no table captioned {caption!r}")


def test_a_round_page_groups_comments_and_quotes_by_theme(parts: Built) -> None:
    main = parts.main(THEMED_URL)
    themes = main.select(".lo-theme")
    assert [text(t.find("h3")) for t in themes] == [
        "Waiting times : 214 comments",
        "Finding information : 1,163 comments",
        "Holiday clubs",  # no count given: none shown
    ]
    waiting = themes[0]
    assert waiting["id"] == "theme-waiting-times" and themes[2]["id"] == "theme-3"
    assert "waiting for an assessment takes too long" in text(waiting.find("dl"))
    assert "Every family waiting now has a named contact." in text(waiting)
    assert "Done 15 October 2026" in text(waiting) and "SEND Service" in text(waiting)
    # The theme's comment is a level below it, and its quote is there with who said it.
    [comment] = waiting.select(".lo-comment")
    assert comment["id"] == "comment-1" and comment.find("h4")
    [quote] = waiting.select("figure.lo-quote")
    assert "nobody told us anything" in text(quote.blockquote)
    assert text(quote.figcaption) == "Parents and carers"
    assert not themes[1].select(".lo-comment")  # a theme with no published comment
    other = main.find("h3", id="other-comments")
    assert other is not None and other.find_next("div", class_="lo-comment")["id"] == "comment-2"


def test_quotes_need_no_response_and_are_shown_in_peoples_words(parts: Built) -> None:
    main = parts.main(THEMED_URL)
    heading = main.find("h2", id="in-your-words")
    assert heading is not None
    quotes = heading.find_next("div", class_="lo-quotes").select("figure.lo-quote")
    assert [text(q.blockquote) for q in quotes] == [
        "The summer club is the best bit because everyone there gets it.",
        "I did not know the Local Offer existed until this year.",
    ]
    assert [text(q.figcaption) if q.figcaption else None for q in quotes] == ["Children", None]
    assert not any("We did" in text(q) for q in quotes)


def test_respondents_per_group_are_a_chart_and_a_table_in_the_vocabularys_order(
    parts: Built,
) -> None:
    main = parts.main(THEMED_URL)
    facts = {text(row.dt): text(row.dd) for row in main.select(".lo-round__facts > div")}
    assert facts["Who took part"] == "1,418 people"
    assert facts["Themes"] == "3" and facts["Comments"] == "2"
    table = table_captioned(main, "Who took part, by group")
    assert table_rows(table) == [
        ["Group", "People"],
        ["Children", "82"],
        ["Young people", "140"],
        ["Parents and carers", "1,100"],
        ["Professionals", "96"],
        ["All", "1,418"],
    ]
    chart = f"lo-{THEMED_ID}-chart-respondents"
    svg = main.find("svg", attrs={"aria-labelledby": f"{chart}-title {chart}-desc"})
    assert isinstance(svg, Tag)
    assert "Parents and carers 1,100 people" in text(svg.find("desc"))


def test_figures_are_charts_of_each_set_with_a_table_of_the_same_numbers(parts: Built) -> None:
    main = parts.main(THEMED_URL)
    assert text(main.find("h2", id="in-numbers")) == "In numbers"
    assert table_rows(table_captioned(main, "The plan was clear (percentages)")) == [
        ["What it counts", "Percentage"],
        ["agreed", "83%"],
        ["disagreed", "17%"],
    ]
    assert table_rows(table_captioned(main, "Totals"))[1] == ["written comments", "2,310"]
    charts = {text(svg.find("title")): svg for svg in main.select("svg.lo-chart__svg")}
    plan = charts["The plan was clear"]
    assert [text(t) for t in plan.select(".lo-chart__number")] == ["83%", "17%"]
    assert text(plan.find("desc")) == "agreed 83%, disagreed 17%."
    # Percentages are drawn on a scale of 100: 83% is 83% of the longest bar there can be.
    widths = [float(rect["width"]) for rect in plan.select("rect.lo-chart__bar")]
    assert widths[0] == pytest.approx(widths[1] * 83 / 17, rel=0.01)
    assert "Totals" in charts and "Who took part" in charts


def test_a_round_of_comments_only_renders_as_before(parts: Built, built: Built) -> None:
    for round_id in ROUND_COMMENTS:
        url = f"/you-said-we-did/{round_id}/"
        assert str(parts.main(url).article) == str(built.main(url).article), round_id
        article = text(parts.main(url))
        assert "Who took part" not in article and "In numbers" not in article


def test_a_round_published_as_a_report_only(parts: Built) -> None:
    main = parts.main(REPORT_URL)
    facts = {text(row.dt): text(row.dd) for row in main.select(".lo-round__facts > div")}
    assert facts["Published as"] == "A report (see Documents )"
    assert "Comments" not in facts
    assert "heard from 312 parents and carers" in text(main.select_one(".lo-round__summary"))
    [document] = main.select(".lo-document")
    assert text(document.select_one(".lo-document__meta")).endswith("3 pages")
    assert text(document.select_one(".lo-document__meta")).startswith("PDF, ")
    assert document.a["href"].endswith(REPORT_PDF.split("/")[-1])
    ids = {h["id"] for h in main.find_all("h2") if h.get("id")}
    assert "comments" not in ids and "figures" not in ids  # no empty tables of no comments
    assert "who-took-part" in ids


def test_the_yearly_page_carries_themes_figures_quotes_respondents_and_reports(
    parts: Built,
) -> None:
    main = parts.main("/you-said-we-did/2026/")
    listed = {text(li) for li in main.select(".lo-year-rounds li")}
    assert "Parent carer forum annual report 2026 (31 August 2026, published as a report)" in listed
    assert "SEND survey, summer 2026 (31 July 2026, 2 comments, 3 themes)" in listed
    summary = text(main.find("h2", id="summary").find_next("p").find_next("p"))
    assert "summed up in 3 themes" in summary and "1 round was published as a report" in summary
    assert "1,730 people took part" in summary and "parents and carers 1,412" in summary
    themed = main.find("h2", id=f"round-{THEMED_ID}").parent
    assert themed.find(id=f"{THEMED_ID}-theme-waiting-times") is not None
    assert themed.find(id=f"{THEMED_ID}-comment-1").find_parent(class_="lo-theme") is not None
    assert themed.find("h3", id=f"{THEMED_ID}-in-your-words") is not None
    caption = "The plan was clear (percentages) , in SEND survey, summer 2026"
    assert table_rows(table_captioned(themed, caption))[1] == [
        "agreed",
        "83%",
    ]
    report = main.find("h2", id=f"round-{REPORT_ID}").parent
    assert "Published as a report · 312 people took part" in text(report)
    # Chart and caption ids stay unique with several rounds on the page.
    ids = [el["id"] for el in main.find_all(id=True)]
    assert len(ids) == len(set(ids))


def item(data: dict[str, Any], round_id: str) -> dict[str, Any]:
    return next(entry for entry in data["items"] if entry["id"] == round_id)


def test_the_json_carries_every_part_and_matches_its_schema(parts: Built) -> None:
    data = parts.json("/data/feedback.json")
    schema = parts.json("/data/feedback.schema.json")
    assert list(Draft202012Validator(schema).iter_errors(data)) == []
    themed = item(data, THEMED_ID)
    assert themed["respondents"] == {
        "parents-carers": 1100,
        "children": 82,
        "young-people": 140,
        "professionals": 96,
    }
    assert themed["figures"][1] == {
        "label": "agreed",
        "count": None,
        "percent": 83,
        "set": "The plan was clear",
    }
    assert [t["count"] for t in themed["themes"]] == [214, 1163, None]
    assert themed["themes"][0]["action"]["status"] == "done"
    assert themed["themes"][0]["action"]["overdue"] is False
    assert themed["quotes"][0] == {
        "said": "We waited over a year and nobody told us anything at all.",
        "from": "parents-carers",
        "theme": "waiting-times",
    }
    assert [c["theme"] for c in themed["comments"]] == ["waiting-times", None]
    report = item(data, REPORT_ID)
    assert report["comments"] == [] and report["documents"][0]["file"] == REPORT_PDF
    # The schema refuses a round with nothing to publish, and a percentage above 100.
    broken = json.loads(json.dumps(data))
    item(broken, REPORT_ID)["documents"] = []
    item(broken, THEMED_ID)["figures"][1]["percent"] = 120
    assert len(list(Draft202012Validator(schema).iter_errors(broken))) == 2


def read_csv(parts: Built, url: str) -> list[dict[str, str]]:
    raw = parts.file(url).read_text(encoding="utf-8-sig")
    return list(csv.DictReader(io.StringIO(raw)))


def test_the_csv_files_carry_the_themes_figures_quotes_and_respondents(parts: Built) -> None:
    comments = [r for r in read_csv(parts, "/data/feedback.csv") if r["id"] == THEMED_ID]
    assert [r["theme"] for r in comments] == ["waiting-times", ""]
    assert not [r for r in read_csv(parts, "/data/feedback.csv") if r["id"] == REPORT_ID]
    details = read_csv(parts, "/data/feedback-details.csv")
    themed = [r for r in details if r["id"] == THEMED_ID]
    assert [r["part"] for r in themed] == ["respondents"] * 4 + ["theme"] * 3 + ["figure"] * 3 + [
        "quote"
    ] * 3
    assert {(r["from"], r["count"]) for r in themed if r["part"] == "respondents"} == {
        ("parents-carers", "1100"),
        ("children", "82"),
        ("young-people", "140"),
        ("professionals", "96"),
    }
    first = themed[4]
    assert (first["theme"], first["label"], first["count"]) == (
        "waiting-times",
        "Waiting times",
        "214",
    )
    assert (first["action_status"], first["action_completed"]) == ("done", "2026-10-15")
    figure = themed[8]
    assert (figure["set"], figure["label"], figure["percent"]) == (
        "The plan was clear",
        "agreed",
        "83",
    )
    assert [r["part"] for r in details if r["id"] == REPORT_ID] == ["respondents"]


def test_the_feed_says_what_each_round_publishes_and_when_a_themes_action_is_done(
    parts: Built,
) -> None:
    feed = feedparser.parse(parts.file("/you-said-we-did/feed.xml").read_bytes())
    assert not feed.bozo, feed.bozo_exception
    entries = {entry.id: entry for entry in feed.entries}
    base = "https://localoffer.anyshire.example/you-said-we-did"
    themed = entries[f"{base}/{THEMED_ID}/"]
    assert themed.summary.startswith(
        "3 themes, 2 comments and 3 quotes from 1,418 people, gathered by 31 July 2026"
    )
    report = entries[f"{base}/{REPORT_ID}/"]
    assert report.summary.startswith("A report of what we heard from 312 people")
    done = entries[f"{base}/{THEMED_ID}/#theme-done-1"]
    assert done.title == "Done: Every family waiting now has a named contact."
    assert done.link.endswith(f"{THEMED_ID}/#theme-waiting-times")
    assert done.updated.startswith("2026-10-15")


def test_the_search_index_has_the_themes_and_quotes(parts: Built) -> None:
    index = json.loads(Path(parts.out, "search", "search_index.json").read_text("utf-8"))
    words = " ".join(doc["text"] for doc in index["docs"] if THEMED_ID in doc["location"])
    assert "waiting for an assessment takes too long" in words
    assert "everyone there gets it" in words


def test_round_pages_have_no_duplicate_ids(parts: Built) -> None:
    for url in (THEMED_URL, REPORT_URL):
        soup: BeautifulSoup = parts.soup(url)
        ids = [el["id"] for el in soup.find_all(id=True)]
        assert len(ids) == len(set(ids)), url


def test_the_register_says_a_report_is_a_report_not_0_comments(parts: Built) -> None:
    main = parts.main("/you-said-we-did/")
    heading = main.find(string=lambda s: s and "Parent carer forum annual report 2026" in s)
    assert heading is not None
    meta = heading.find_parent(class_="lo-round").select_one(".lo-round__meta")
    assert "Published as a report" in text(meta) and "0 comments" not in text(meta)
