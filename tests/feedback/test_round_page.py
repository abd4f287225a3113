"""A feedback round's page: /you-said-we-did/<id>/."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import Tag

from .conftest import Built, resolve
from .fixture_site import NEWEST_FIRST, OVERDUE, ROUND_COMMENTS

YI = "/you-said-we-did/young-inspectors-website-2026/"
TRANSPORT = "/you-said-we-did/transport-responses-2026/"
TITLES = {
    "young-inspectors-website-2026": "Young Inspectors: the Local Offer website, 2026",
    "transport-responses-2026": "Home to school transport consultation responses",
    "survey-2025": "Local Offer survey, autumn 2025",
    "parent-carer-forum-spring-2025": "Parent carer forum, spring 2025",
    "youth-forum-2024": "SEND Youth Forum, March 2024",
}


def text(tag: Tag) -> str:
    return " ".join(tag.get_text(" ").split())


def summary(container: Tag) -> dict[str, Tag]:
    """The rows of the first summary list in ``container``: term → its description."""
    dl = container.find("dl", class_="lo-summary-list")
    assert isinstance(dl, Tag)
    return {text(dt): dt.find_next_sibling("dd") for dt in dl.find_all("dt")}


def comments(main: Tag) -> list[Tag]:
    return main.find_all("div", class_="lo-comment")


def details(comment: Tag) -> dict[str, str]:
    dl = comment.find("dl", class_="lo-comment__details")
    assert isinstance(dl, Tag)
    return {text(dt): text(dt.find_next_sibling("dd")) for dt in dl.find_all("dt")}


@pytest.mark.parametrize("rid", NEWEST_FIRST)
def test_each_round_has_its_page_title_and_comments(built: Built, rid: str) -> None:
    url = f"/you-said-we-did/{rid}/"
    soup = built.soup(url)
    assert soup.title is not None
    assert soup.title.get_text() == f"{TITLES[rid]} – You said, we did – Anyshire Local Offer"
    main = built.main(url)
    assert [text(h) for h in main.find_all("h1")] == [TITLES[rid]]
    found = comments(main)
    assert len(found) == ROUND_COMMENTS[rid]
    overdue = {
        number
        for number, comment in enumerate(found, start=1)
        if comment.find("strong", class_="lo-tag--overdue")
    }
    assert overdue == OVERDUE.get(rid, set())
    for comment in found:
        tag = comment.find("strong", class_="lo-tag--overdue")
        if tag is not None:
            assert text(tag) == "Overdue"


@pytest.mark.parametrize("rid", NEWEST_FIRST)
def test_each_comment_is_a_pair_of_you_said_and_we_did(built: Built, rid: str) -> None:
    for comment in comments(built.main(f"/you-said-we-did/{rid}/")):
        pair = comment.find("dl", class_="lo-comment__pair")
        assert isinstance(pair, Tag)
        terms = [text(dt) for dt in pair.find_all("dt")]
        assert terms == ["You said", "We did"]
        for dt in pair.find_all("dt"):
            dd = dt.find_next_sibling("dd")
            assert dd is not None and text(dd)
        assert pair.find("blockquote") is not None, "what was said is quoted"


def test_round_facts_source_date_comments_and_event(built: Built) -> None:
    rows = summary(built.main(YI))
    assert text(rows["Source"]) == "Young Inspectors"
    assert text(rows["Received"]) == "14 October 2026"
    assert text(rows["Comments"]).startswith("4")
    assert "1 overdue action" in text(rows["Comments"])
    link = rows["Event"].find("a")
    assert link is not None and text(link) == "Young Inspectors report launch"
    assert resolve(YI, link["href"]) == "/events/young-inspectors-launch/"
    assert "Consultation" not in rows


def test_summary_keeps_its_paragraphs(built: Built) -> None:
    block = built.main(YI).find("div", class_="lo-round__summary")
    assert isinstance(block, Tag)
    assert [text(p) for p in block.find_all("p")] == [
        "Fourteen Young Inspectors tested the Local Offer website.",
        "They presented their report on 14 October.",
    ]


def test_round_links_to_its_consultation(built: Built) -> None:
    rows = summary(built.main(TRANSPORT))
    link = rows["Consultation"].find("a")
    assert link is not None and text(link) == "Home to school transport policy 2026"
    assert resolve(TRANSPORT, link["href"]) == "/consultations/home-to-school-transport-2026/"
    assert "Event" not in rows


def test_documents_with_metadata_and_accessible_format_request(built: Built) -> None:
    main = built.main(YI)
    items = main.select("ul.lo-documents > li")
    assert len(items) == 3
    report, easy_read, photos = items

    link = report.find("a")
    assert link is not None and text(link) == "Young Inspectors report"
    assert resolve(YI, link["href"]) == "/documents/young-inspectors-report.pdf"
    assert built.file("/documents/young-inspectors-report.pdf").is_file()
    assert "PDF, 1 MB, 7 pages" in text(report)
    request = report.find("a", href=lambda h: h and h.startswith("mailto:"))
    assert request is not None
    assert request["href"].startswith("mailto:localoffer@anyshire.example?subject=")
    assert text(request).startswith("Request an accessible format")
    # The subject names the document and the round, for whoever answers the email.
    (subject,) = parse_qs(urlsplit(request["href"]).query)["subject"]
    assert subject == f"Request for an accessible format: Young Inspectors report, {text(main.h1)}"

    link = easy_read.find("a")
    assert link is not None and text(link) == "Young Inspectors report (Easy Read)"
    assert resolve(YI, link["href"]) == "/documents/young-inspectors-easy-read.pdf"
    assert built.file("/documents/young-inspectors-easy-read.pdf").is_file()
    assert "PDF, " in text(easy_read) and "3 pages" in text(easy_read)
    assert "accessible format" not in text(easy_read), "a tagged PDF needs no request"

    link = photos.find("a")
    assert link is not None
    assert link["href"] == "https://photos.example.org/young-inspectors-2026"
    assert "accessible format" not in text(photos)


def test_actions_show_status_owner_and_date(built: Built) -> None:
    found = comments(built.main(YI))
    assert details(found[0]) == {
        "Who said it": "Children",
        "About": "Accessibility",
        "Topic": "Short breaks",
        "Action": "Done",
        "Date": "Done 6 November 2026",
        "Owner": "Local Offer team",
    }
    assert details(found[1]) == {
        "Who said it": "Young people",
        "About": "Accessibility",
        "Action": "In progress Overdue",
        "Date": "Due 13 November 2026",
        "Owner": "Digital Services Team",
    }
    assert details(found[2])["Topics"] == "EHC plans, SEND support"
    assert details(found[2])["Date"] == "Due 1 March 2027"
    assert details(found[3]) == {
        "Who said it": "Children",
        "About": "Development",
        "Action": "Planned",
        "Owner": "Anyshire Participation Team",
    }
    tags = [text(tag) for tag in found[1].find_all("strong", class_="lo-tag")]
    assert tags == ["In progress", "Overdue"]


def test_comment_without_an_action_says_so(built: Built) -> None:
    found = comments(built.main(TRANSPORT))
    assert details(found[2]) == {
        "Who said it": "Professionals",
        "Topics": "Transport, Education",
        "Action": "No action recorded",
    }


def test_not_planned_action_past_its_due_date_is_overdue(built: Built) -> None:
    (comment,) = comments(built.main("/you-said-we-did/parent-carer-forum-spring-2025/"))
    assert details(comment)["Action"] == "Not planned Overdue"
    assert details(comment)["Date"] == "Due 31 December 2025"


def test_round_links_back_to_its_year_and_the_register(built: Built) -> None:
    main = built.main(YI)
    targets = {resolve(YI, a["href"]) for a in main.find_all("a", href=True)}
    assert "/you-said-we-did/2026/" in targets
    assert "/you-said-we-did/" in targets
    main = built.main("/you-said-we-did/survey-2025/")
    targets = {resolve("/you-said-we-did/survey-2025/", a["href"]) for a in main.find_all("a")}
    assert "/you-said-we-did/2025/" in targets


def test_comment_text_is_searchable(built: Built) -> None:
    index = built.json("/search/search_index.json")
    entries = [doc for doc in index["docs"] if doc["location"].startswith(YI.lstrip("/"))]
    assert entries, "the round page is in the search index"
    words = " ".join(doc["text"] for doc in entries)
    assert "swimming for my brother" in words
    assert "changing the colours" in words
