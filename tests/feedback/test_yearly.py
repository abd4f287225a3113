"""The yearly pages (/you-said-we-did/<year>/): every comment received that year, printable."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import Tag

from .conftest import HOST, Built, resolve
from .fixture_site import ROOT, ROUND_COMMENTS, YEAR_URLS, YEARS, build, write_site

ROUNDS_BY_YEAR = {
    2026: ["transport-responses-2026", "young-inspectors-website-2026"],  # oldest first
    2025: ["parent-carer-forum-spring-2025", "survey-2025"],
    2024: ["youth-forum-2024"],
}
CSS = ROOT / "plugins" / "localoffer" / "theme" / "assets" / "localoffer" / "feedback.css"


def text(tag: Tag) -> str:
    return " ".join(tag.get_text(" ").split())


@pytest.mark.parametrize("year", sorted(YEAR_URLS))
def test_year_page_has_every_comment_of_that_year(built: Built, year: int) -> None:
    url = YEAR_URLS[year]
    soup = built.soup(url)
    assert soup.title is not None
    assert soup.title.get_text() == f"{year} – You said, we did – Anyshire Local Offer"
    main = built.main(url)
    assert [text(h) for h in main.find_all("h1")] == [f"You said, we did: {year}"]
    rounds = main.find_all("div", class_="lo-round")
    assert len(rounds) == len(ROUNDS_BY_YEAR[year])
    for rid, block in zip(ROUNDS_BY_YEAR[year], rounds, strict=True):
        link = block.find("a", href=True)
        assert link is not None
        assert resolve(url, link["href"]) == f"/you-said-we-did/{rid}/"
        assert len(block.find_all("div", class_="lo-comment")) == ROUND_COMMENTS[rid]
    total = sum(YEARS[year]["groups"].values())
    assert len(main.find_all("div", class_="lo-comment")) == total
    overdue = main.find_all("strong", class_="lo-tag--overdue")
    assert len(overdue) == YEARS[year]["overdue"]
    for comment in main.find_all("div", class_="lo-comment"):
        labels = [text(dt) for dt in comment.select("dl.lo-comment__pair > div > dt")]
        assert labels == ["You said", "We did"]


@pytest.mark.parametrize("year", sorted(YEAR_URLS))
def test_year_page_has_that_years_figures(built: Built, year: int) -> None:
    main = built.main(YEAR_URLS[year])
    tables = main.find_all("table")
    assert len(tables) == 2
    captions = [text(t.find("caption")) for t in tables]
    assert captions == [
        f"Comments received in {year}, by who made them",
        f"Actions for comments received in {year}, by status",
    ]
    groups = [text(td) for td in tables[0].select("tbody td")]
    figures = YEARS[year]
    assert groups[-1] == str(sum(figures["groups"].values()))
    actions = [text(td) for td in tables[1].select("tbody td")]
    assert actions == [
        *(str(n) for n in figures["actions"].values()),
        str(figures["no_action"]),
        str(figures["overdue"]),
    ]


def test_the_year_page_is_at_the_year_and_its_rounds_at_their_ids(built: Built) -> None:
    main = built.main("/you-said-we-did/2025/")
    assert text(main.find("h1")) == "You said, we did: 2025"
    main = built.main("/you-said-we-did/parent-carer-forum-spring-2025/")
    assert text(main.find("h1")) == "Parent carer forum, spring 2025"


def test_a_round_whose_id_is_a_year_stops_the_build(tmp_path: Path) -> None:
    """/you-said-we-did/2025/ is the year's page, so ``responses/2025.yml`` is an error."""
    site = write_site(tmp_path / "site")
    record = site / "responses" / "parent-carer-forum-spring-2025.yml"
    record.rename(site / "responses" / "2025.yml")
    result = build(site, tmp_path / "out")
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert (
        "responses/2025.yml:1:1: error: '2025' cannot be the id of a feedback round: "
        "/you-said-we-did/2025/ is the page of every comment received in 2025. Rename the file "
        "to a descriptive name, such as 'parent-carer-forum-spring-2025.yml'"
    ) in output
    assert "Traceback" not in output
    assert not (tmp_path / "out" / "you-said-we-did").exists()


def test_year_page_links_show_their_full_address_when_printed(built: Built) -> None:
    url = YEAR_URLS[2026]
    main = built.main(url)
    printed = {}
    for link in main.find_all("a", attrs={"data-lo-print-url": True}):
        printed[resolve(url, link["href"])] = link["data-lo-print-url"]
    assert printed["/you-said-we-did/young-inspectors-website-2026/"] == (
        f"{HOST}/you-said-we-did/young-inspectors-website-2026/"
    )
    assert printed["/consultations/home-to-school-transport-2026/"] == (
        f"{HOST}/consultations/home-to-school-transport-2026/"
    )
    assert printed["/documents/young-inspectors-report.pdf"] == (
        f"{HOST}/documents/young-inspectors-report.pdf"
    )


def test_year_page_loads_the_print_stylesheet(built: Built) -> None:
    soup = built.soup(YEAR_URLS[2026])
    hrefs = [link.get("href", "") for link in soup.find_all("link", rel="stylesheet")]
    assert any(h.endswith("assets/localoffer/feedback.css") for h in hrefs)
    assert built.file("/assets/localoffer/feedback.css").is_file()


def print_rules() -> str:
    css = CSS.read_text(encoding="utf-8")
    start = css.index("@media print")
    return css[start:]


def test_print_styles_keep_comments_whole_and_hide_what_paper_cannot_use() -> None:
    rules = print_rules()
    keep = re.search(r"([^{}]*)\{[^{}]*break-inside:\s*avoid", rules)
    assert keep is not None and ".lo-comment" in keep.group(1)
    hidden = re.search(r"([^{}]*)\{\s*display:\s*none", rules)
    assert hidden is not None
    for selector in (".lo-filters", ".lo-no-print"):
        assert selector in hidden.group(1)
    assert re.search(r"a\[data-lo-print-url\]::after\s*\{[^}]*attr\(data-lo-print-url\)", rules)


def test_only_the_current_year_says_it_is_not_over(built: Built) -> None:
    for year, url in YEAR_URLS.items():
        said = "is not over yet" in text(built.main(url))
        assert said == (year == 2026), year
