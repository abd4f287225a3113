"""The register at /you-said-we-did/: rounds newest first, yearly figures, filterable comments."""

from __future__ import annotations

from itertools import pairwise

from bs4 import Tag

from .conftest import Built, resolve
from .fixture_site import NEWEST_FIRST, OVERDUE, ROUND_COMMENTS, YEAR_URLS, YEARS

URL = "/you-said-we-did/"
GROUPS = ["children", "young-people", "parents-carers", "professionals"]
GROUP_LABELS = ["Children", "Young people", "Parents and carers", "Professionals"]
STATUSES = ["done", "in-progress", "planned", "not-planned"]


def text(tag: Tag) -> str:
    return " ".join(tag.get_text(" ").split())


def rounds(main: Tag) -> list[Tag]:
    listing = main.find(id="lo-feedback-list")
    assert isinstance(listing, Tag)
    return listing.find_all(attrs={"data-lo-group": True})


def table_with_caption(main: Tag, starts: str) -> Tag:
    for table in main.find_all("table"):
        caption = table.find("caption")
        if caption and text(caption).startswith(starts):
            return table
    raise AssertionError(f"no table captioned {starts!r}")


def rows(table: Tag) -> dict[str, list[str]]:
    body = table.find("tbody")
    assert isinstance(body, Tag)
    result = {}
    for row in body.find_all("tr"):
        header = row.find("th")
        assert header is not None and header.get("scope") == "row"
        year = text(header).split(":")[0].strip()
        result[year] = [text(cell) for cell in row.find_all("td")]
    return result


def test_title_and_one_h1(built: Built) -> None:
    soup = built.soup(URL)
    assert soup.title is not None
    assert soup.title.get_text() == "You said, we did – Anyshire Local Offer"
    assert [text(h) for h in soup.find_all("h1")] == ["You said, we did"]


def test_lists_every_round_newest_first_with_a_link_to_its_page(built: Built) -> None:
    links = []
    for group in rounds(built.main(URL)):
        heading = group.find("h3")
        assert heading is not None
        link = heading.find("a")
        assert link is not None
        links.append(resolve(URL, link["href"]))
    assert links == [f"/you-said-we-did/{rid}/" for rid in NEWEST_FIRST]
    for link in links:
        assert built.file(link).is_file(), link


def test_every_comment_is_listed_under_its_round_without_javascript(built: Built) -> None:
    main = built.main(URL)
    form = main.find("form", class_="lo-filters")
    assert form is not None and form.has_attr("hidden"), "the filter form is hidden without JS"
    counts = {}
    for rid, group in zip(NEWEST_FIRST, rounds(main), strict=True):
        counts[rid] = len(group.find_all(attrs={"data-lo-item": True}))
        assert f"{ROUND_COMMENTS[rid]} comment" in text(group)
    assert counts == ROUND_COMMENTS


def test_overdue_comments_are_flagged_in_words(built: Built) -> None:
    overdue: dict[str, set[int]] = {}
    for rid, group in zip(NEWEST_FIRST, rounds(built.main(URL)), strict=True):
        for number, item in enumerate(group.find_all(attrs={"data-lo-item": True}), start=1):
            flagged = item["data-overdue"] == "true"
            tag = item.find("strong", class_="lo-tag--overdue")
            assert (tag is not None) == flagged
            if flagged:
                assert tag is not None and text(tag) == "Overdue"
                overdue.setdefault(rid, set()).add(number)
    assert overdue == OVERDUE


def test_figure_tables_scroll_in_a_named_focusable_region(built: Built) -> None:
    for table in built.main(URL).find_all("table"):
        region = table.parent
        assert isinstance(region, Tag) and region.name == "div"
        assert region["role"] == "region" and region["tabindex"] == "0"
        caption = table.find("caption")
        assert caption is not None and caption["id"] == region["aria-labelledby"]


def test_figures_per_year_by_respondent_group(built: Built) -> None:
    table = table_with_caption(built.main(URL), "Comments received each year")
    headers = [text(th) for th in table.select("thead th")]
    assert headers == ["Year", *GROUP_LABELS, "All comments"]
    assert all(th.get("scope") == "col" for th in table.select("thead th"))
    expected = {
        str(year): [*(str(f["groups"][g]) for g in GROUPS), str(sum(f["groups"].values()))]
        for year, f in YEARS.items()
    }
    assert rows(table) == expected
    assert list(rows(table)) == ["2026", "2025", "2024"]


def test_figures_per_year_by_action_status_with_overdue(built: Built) -> None:
    table = table_with_caption(built.main(URL), "Actions for comments received each year")
    headers = [text(th) for th in table.select("thead th")]
    assert headers == [
        "Year",
        "Done",
        "In progress",
        "Planned",
        "Not planned",
        "No action recorded",
        "Overdue",
    ]
    expected = {
        str(year): [
            *(str(f["actions"][s]) for s in STATUSES),
            str(f["no_action"]),
            str(f["overdue"]),
        ]
        for year, f in YEARS.items()
    }
    assert rows(table) == expected


def test_links_to_every_yearly_report_and_the_open_data(built: Built) -> None:
    main = built.main(URL)
    targets = {resolve(URL, a["href"]) for a in main.find_all("a", href=True)}
    for year_url in YEAR_URLS.values():
        assert year_url in targets
        assert built.file(year_url).is_file()
    for data in ("/data/feedback.json", "/data/feedback.csv", "/data/feedback.schema.json"):
        assert data in targets
        assert built.file(data).is_file()


def test_filter_form_follows_the_shared_markup_contract(built: Built) -> None:
    soup = built.soup(URL)
    main = built.main(URL)
    form = main.find("form", class_="lo-filters")
    assert isinstance(form, Tag)
    list_id = form["data-lo-filter-for"]
    assert main.find(id=list_id) is not None
    assert form["data-lo-noun"] == "comment|comments"
    count = main.find(id=f"{list_id}-count")
    assert count is not None and count.name == "p"
    assert count["role"] == "status" and count["aria-live"] == "polite"
    assert "lo-result-count" in count["class"]
    legends = [text(legend) for legend in form.find_all("legend")]
    assert legends == [
        "Who said it",
        "What the comment is about",
        "Topic",
        "Where the comment came from",
        "Action",
    ]
    select = form.find("select", attrs={"name": "year"})
    assert select is not None
    assert [o["value"] for o in select.find_all("option")] == ["", "2026", "2025", "2024"]
    assert form.find("input", attrs={"type": "search", "name": "q"}) is not None
    reset = form.find("button", attrs={"type": "reset"})
    assert reset is not None and text(reset) == "Clear filters"
    names = {box["name"] for box in form.find_all("input", attrs={"type": "checkbox"})}
    assert names == {"from", "regarding", "topic", "source", "action", "overdue"}
    for box in form.find_all("input", attrs={"type": "checkbox"}):
        label = form.find("label", attrs={"for": box["id"]})
        assert label is not None and text(label), box
    scripts = [s.get("src", "") for s in soup.find_all("script")]
    assert any(src.endswith("assets/localoffer/filters.js") for src in scripts)


def test_every_comment_carries_the_terms_the_filters_offer(built: Built) -> None:
    main = built.main(URL)
    form = main.find("form", class_="lo-filters")
    assert isinstance(form, Tag)
    offered: dict[str, set[str]] = {}
    for control in form.find_all(["input", "option"]):
        name = control.get("name") or (
            control.parent.get("name") if control.name == "option" else None
        )
        if name and name != "q" and control.get("value"):
            offered.setdefault(name, set()).add(control["value"])
    used: dict[str, set[str]] = {}
    for item in main.find_all(attrs={"data-lo-item": True}):
        for field in ("year", "from", "regarding", "topic", "source", "action", "overdue"):
            used.setdefault(field, set()).update(item[f"data-{field}"].split())
        assert item["data-text"] == item["data-text"].lower()
    assert used["overdue"] == {"true", "false"}
    used["overdue"] = {"true"}
    assert used == offered
    assert offered["action"] == {"done", "in-progress", "planned", "not-planned", "none"}
    assert offered["from"] == set(GROUPS)
    assert offered["regarding"] == {"content", "accessibility", "development", "not-stated"}


def test_a_comment_item_has_its_own_terms(built: Built) -> None:
    main = built.main(URL)
    item = main.find(id="young-inspectors-website-2026-comment-3")
    assert isinstance(item, Tag)
    assert item["data-year"] == "2026"
    assert item["data-from"] == "young-people"
    assert item["data-regarding"] == "content"
    assert item["data-topic"] == "ehc-plans send-support"
    assert item["data-source"] == "young-inspectors"
    assert item["data-action"] == "planned"
    assert item["data-overdue"] == "false"
    assert "graduated approach" in item["data-text"]


def test_headings_are_in_order(built: Built) -> None:
    levels = [int(h.name[1]) for h in built.main(URL).find_all(["h1", "h2", "h3", "h4", "h5"])]
    assert levels[0] == 1
    for before, after in pairwise(levels):
        assert after <= before + 1, levels
