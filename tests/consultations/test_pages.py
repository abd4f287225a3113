"""Consultation pages of the fixture site, parsed with html5lib as a browser would."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qs, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup, Tag

from .fixture_site import CONTACT_EMAIL, PAUSED_NOW, STATUSES, Built


def text(element: Tag | None) -> str:
    assert element is not None
    return " ".join(element.get_text(" ").split())


def article(built: Built, record_id: str) -> Tag:
    found = built.soup(f"consultations/{record_id}/").find("article")
    assert isinstance(found, Tag)
    return found


def status_block(page: Tag) -> Tag:
    found = page.find(attrs={"data-lo-status": "page"})
    assert isinstance(found, Tag)
    return found


def facts(page: Tag) -> dict[str, str]:
    summary = page.find("dl", class_="lo-summary-list")
    assert isinstance(summary, Tag)
    return {
        text(row.find("dt")): text(row.find("dd"))
        for row in summary.find_all("div", class_="lo-summary-list__row")
    }


def section(page: Tag, heading: str) -> Tag | None:
    """The section whose heading reads ``heading``."""
    for h in page.find_all(["h2", "h3"]):
        if text(h) == heading:
            parent = h.find_parent(["section", "div"])
            assert isinstance(parent, Tag)
            return parent
    return None


def resolve(built: Built, record_id: str, href: str) -> Path:
    """The file a relative link on a consultation page points to in the built site."""
    url = urljoin(f"https://site.example/consultations/{record_id}/", href)
    path = urlsplit(url).path.lstrip("/")
    target = built.out / path
    return target / "index.html" if path.endswith("/") or not path else target


@pytest.mark.parametrize("record_id", sorted(STATUSES))
def test_every_consultation_has_a_page_with_one_h1_and_its_title(
    built: Built, record_id: str
) -> None:
    soup = built.soup(f"consultations/{record_id}/")
    assert len(soup.find_all("h1")) == 1
    title = soup.title
    assert title is not None
    assert title.get_text().endswith(" – Consultations – Anyshire Local Offer")
    assert soup.find("html").get("lang")  # type: ignore[union-attr]


@pytest.mark.parametrize(("record_id", "status"), sorted(STATUSES.items()))
def test_the_status_is_a_tag_in_words(built: Built, record_id: str, status: str) -> None:
    block = status_block(article(built, record_id))
    tag = block.find(attrs={"data-lo-tag": True})
    expected = {
        "open": "Open",
        "upcoming": "Upcoming",
        "closed": "Closed",
        "outcome": "Outcome published",
        "withdrawn": "Withdrawn",
    }[status]
    if record_id in PAUSED_NOW:  # its status stays "open"; the tag says what is happening
        expected, status = "Paused", "paused"
    assert text(tag) == expected
    assert f"lo-tag--{status}" in tag.get("class", [])  # type: ignore[union-attr]


def test_an_open_consultation_closing_at_a_time_says_so(built: Built) -> None:
    page = article(built, "short-breaks-2027")
    assert text(status_block(page)) == "Status: Open . Closes at 5pm on 15 January 2027"
    assert facts(page)["Opens"] == "2 November 2026"
    assert facts(page)["Closes"] == "5pm on 15 January 2027"
    assert "Closing soon" not in text(page)


def test_closing_soon_in_the_last_seven_days(built: Built) -> None:
    block = status_block(article(built, "holiday-survey"))
    assert text(block.find(attrs={"data-lo-flag": True})) == "Closing soon"
    assert "Closes 27 November 2026" in text(block)


def test_upcoming_says_when_it_opens_and_does_not_show_how_to_respond(built: Built) -> None:
    page = article(built, "annual-reviews-2027")
    assert "Opens at 9:30am on 11 January 2027" in text(status_block(page))
    opens = page.find(class_="lo-opens")
    assert isinstance(opens, Tag)
    assert "This consultation opens 9:30am on 11 January 2027." in text(opens)
    # The ways to respond are hidden until it opens (status.js shows them if the page is read
    # after it has opened): no "Respond online" or address is shown before.
    respond = section(page, "How to respond")
    assert respond is not None
    assert respond.has_attr("hidden")
    ways = page.find_all(class_="lo-respond__way")
    assert ways and all(way.find_parent(attrs={"hidden": True}) is respond for way in ways)
    assert "Respond by" not in text(opens)


def test_closed_says_we_are_analysing_your_feedback_and_hides_the_ways_to_respond(
    built: Built,
) -> None:
    page = article(built, "website-review")
    assert "We are analysing your feedback" in text(status_block(page))
    assert section(page, "How to respond") is None
    assert "haveyoursay.anyshire.example/website" not in str(page)
    assert facts(page)["Outcome"] == (
        "We are analysing your feedback. We will publish the outcome by 23 January 2027"
    )
    assert page.find(class_="lo-inset--overdue") is None


def test_an_overdue_outcome_is_said_plainly(built: Built) -> None:
    page = article(built, "school-places")
    block = status_block(page)
    assert text(block.find(attrs={"data-lo-flag": True})) == "Outcome overdue"
    assert "The outcome is overdue: it was due by 23 October 2026" in text(block)
    inset = page.find(class_="lo-inset--overdue")
    assert "The outcome of this consultation is overdue" in text(inset)
    assert facts(page)["Outcome"] == "Overdue: it was due by 23 October 2026"
    assert section(page, "How to respond") is None


def test_withdrawn_gives_the_date_and_the_reason(built: Built) -> None:
    page = article(built, "respite-centre")
    assert "Withdrawn 19 June 2026" in text(status_block(page))
    inset = text(page.find(class_="lo-inset--withdrawn"))
    assert "We withdrew this consultation on 19 June 2026" in inset
    assert "Families told us the document did not explain what would happen." in inset


def test_key_facts_are_a_summary_list(built: Built) -> None:
    shown = facts(article(built, "short-breaks-2027"))
    assert shown["Who it is for"] == "Parents and carers Young people"
    assert shown["Topics"] == "Short breaks, Social care"
    assert shown["Area"] == "North, South"
    assert shown["Run by"] == "Short Breaks Team"
    assert shown["Contact"] == "shortbreaks@anyshire.example"
    contact = article(built, "short-breaks-2027").find("a", string="shortbreaks@anyshire.example")
    assert contact is not None
    assert contact["href"] == "mailto:shortbreaks@anyshire.example"
    # One audience is shown as text, and areas default to countywide.
    single = facts(article(built, "holiday-survey"))
    assert single["Who it is for"] == "Children"
    assert single["Area"] == "Countywide"


def test_every_way_to_respond_is_rendered_as_its_kind(built: Built) -> None:
    page = article(built, "short-breaks-2027")
    respond = section(page, "How to respond")
    assert respond is not None
    assert "Respond by 5pm on 15 January 2027" in text(respond)
    online = respond.find("a", string="Respond online")
    assert online["href"] == "https://haveyoursay.anyshire.example/short-breaks-2027"  # type: ignore[index]
    email = respond.find(class_="lo-respond__way--email").find("a")  # type: ignore[union-attr]
    assert email["href"] == "mailto:shortbreaks@anyshire.example"  # type: ignore[index]
    phone = respond.find(class_="lo-respond__way--phone").find("a")  # type: ignore[union-attr]
    assert phone["href"] == "tel:01632960123"  # type: ignore[index]
    assert text(phone) == "01632 960 123"
    address = respond.find("address")
    assert isinstance(address, Tag)
    assert [str(s).strip() for s in address.stripped_strings] == [
        "Short Breaks Team",
        "County Hall",
        "Anbury AY1 1AA",
    ]
    assert len(address.find_all("br")) == 2
    event = respond.find(class_="lo-respond__way--event").find("a")  # type: ignore[union-attr]
    assert event["href"] == "../../events/short-breaks-drop-in/"  # type: ignore[index]
    assert text(event) == "Short breaks drop-in, Anbury"
    assert "Tuesday 1 December 2026, 4pm to 6pm" in text(respond)
    assert resolve(built, "short-breaks-2027", event["href"]).is_file()  # type: ignore[arg-type,index]


def test_a_prominent_easy_read_link_comes_before_the_key_facts(built: Built) -> None:
    page = article(built, "short-breaks-2027")
    box = page.find(class_="lo-easy-read")
    assert isinstance(box, Tag)
    assert text(box.find("h2")) == "Easy Read version"
    link = box.find("a")
    assert text(link) == "Short breaks (Easy Read)"
    assert link["href"] == "../../documents/easy-read.pdf"  # type: ignore[index]
    assert "PDF" in text(box) and "4 pages" in text(box)
    summary_list = page.find("dl", class_="lo-summary-list")
    assert box.sourceline < summary_list.sourceline  # type: ignore[operator,union-attr]


def size_text(path: Path) -> str:
    size = path.stat().st_size
    return f"{size} bytes" if size < 1024 else f"{round(size / 1024)} KB"


def documents(page: Tag, heading: str = "Documents") -> dict[str, Tag]:
    found = section(page, heading)
    assert found is not None
    return {text(item.find("a")): item for item in found.find_all("li", class_="lo-document")}


def test_documents_show_format_size_and_page_count_from_the_file(built: Built) -> None:
    page = article(built, "short-breaks-2027")
    items = documents(page)
    assert list(items) == [
        "Consultation document",
        "Equality impact assessment",
        "Checked by hand",
        "Current statement",
    ]
    untagged = built.root / "content/documents/untagged-three-pages.pdf"
    tagged = built.root / "content/documents/tagged-two-pages.pdf"
    assert text(items["Consultation document"].find(class_="lo-document__meta")) == (
        f"PDF, {size_text(untagged)}, 3 pages"
    )
    assert text(items["Equality impact assessment"].find(class_="lo-document__meta")) == (
        f"PDF, {size_text(tagged)}, 2 pages"
    )
    assert text(items["Checked by hand"].find(class_="lo-document__meta")) == (
        "PDF, " + size_text(built.root / "content/documents/untagged-accessible.pdf") + ", 1 page"
    )
    link = items["Consultation document"].find("a")
    assert link["href"] == "../../documents/untagged-three-pages.pdf"  # type: ignore[index]
    target = resolve(built, "short-breaks-2027", link["href"])  # type: ignore[arg-type,index]
    assert target.read_bytes() == untagged.read_bytes()
    external = items["Current statement"].find("a")
    assert external["href"] == "https://www.anyshire.example/short-breaks-2023"  # type: ignore[index]


def request_link(item: Tag) -> Tag | None:
    for link in item.find_all("a"):
        if text(link).startswith("Request an accessible format"):
            return link
    return None


def test_untagged_pdfs_offer_an_accessible_format_by_email(built: Built) -> None:
    items = documents(article(built, "short-breaks-2027"))
    assert request_link(items["Equality impact assessment"]) is None  # tagged
    assert request_link(items["Checked by hand"]) is None  # accessible: true
    assert request_link(items["Current statement"]) is None  # a web page
    link = request_link(items["Consultation document"])
    assert link is not None
    href = urlsplit(link["href"])  # type: ignore[arg-type]
    assert href.scheme == "mailto"
    assert href.path == "shortbreaks@anyshire.example"  # the consultation's contact
    query = parse_qs(href.query)
    # The subject says which document of which consultation, for whoever answers it.
    assert query["subject"] == [
        "Request for an accessible format: Consultation document, "
        "Short breaks services statement 2027"
    ]
    # The link says which document it is about, for screen reader users.
    assert text(link) == "Request an accessible format of Consultation document"


def test_without_a_contact_accessible_formats_go_to_the_site_contact(built: Built) -> None:
    items = documents(article(built, "holiday-survey"))
    link = request_link(items["Holiday clubs leaflet"])
    assert link is not None
    assert urlsplit(link["href"]).path == CONTACT_EMAIL  # type: ignore[arg-type]


def test_the_body_is_shown(built: Built) -> None:
    body = article(built, "short-breaks-2027").find(class_="lo-body")
    assert isinstance(body, Tag)
    assert text(body.find("h2")) == "What we are proposing"
    assert text(body.find("strong")) == "north"


def test_a_consultation_without_a_body_has_no_empty_section(built: Built) -> None:
    page = article(built, "sen-support-guidance")
    assert page.find(class_="lo-body") is None
    assert section(page, "About this consultation") is None


def test_a_body_without_its_own_headings_gets_one(built: Built) -> None:
    body = article(built, "holiday-survey").find(class_="lo-body")
    assert isinstance(body, Tag)
    assert text(body.find("h2")) == "About this consultation"
    assert "Body text." in text(body)


def test_what_we_decided_with_documents_and_you_said_we_did(built: Built) -> None:
    page = article(built, "transport-2026")
    outcome = page.find("section", class_="lo-outcome")
    assert isinstance(outcome, Tag)
    assert text(outcome.find("h2")) == "What we decided"
    paragraphs = [text(p) for p in outcome.find_all("p", recursive=False)]
    assert paragraphs[:3] == [
        "Outcome published 30 June 2026",
        "We kept personal travel budgets.",
        "We will offer travel training to every young person over 14.",
    ]
    outcome_docs = documents(page, "Outcome documents")
    assert "3 pages" in text(outcome_docs["Transport outcome report"])
    assert request_link(outcome_docs["Transport outcome report"]) is not None
    headings = [text(h) for h in outcome.find_all("h3")]
    assert "You said, we did" in headings
    comments = outcome.find_all("li", class_="lo-comment")
    assert [text(c.find(class_="lo-comment__said")) for c in comments] == [
        "You said (Parents and carers) : Travel budgets give us flexibility.",
        'You said (Young people) : <script>alert("said")</script> I want to travel on my own.',
    ]
    assert text(comments[1].find(class_="lo-comment__response")) == (
        "We did : <b>We will</b> offer travel training."
    )
    link = outcome.find("a", string=re.compile("^You said, we did: "))
    assert link["href"] == "../../you-said-we-did/transport-feedback/"  # type: ignore[index]
    assert text(link) == "You said, we did: Transport consultation responses"
    assert facts(page)["Outcome"] == "Published 30 June 2026"


def test_ways_to_respond_are_hidden_once_there_is_an_outcome(built: Built) -> None:
    page = article(built, "transport-2026")
    assert section(page, "How to respond") is None
    assert "haveyoursay.anyshire.example/transport" not in str(page)


def test_related_consultations_are_linked_with_their_status(built: Built) -> None:
    related = section(article(built, "short-breaks-2027"), "Related consultations")
    assert related is not None
    link = related.find("a")
    assert text(link) == "Home to school transport policy"
    assert link["href"] == "../transport-2026/"  # type: ignore[index]
    assert "Outcome published 30 June 2026" in text(related)


def test_events_that_name_the_consultation_are_linked(built: Built) -> None:
    events = section(article(built, "short-breaks-2027"), "Events for this consultation")
    assert events is not None
    link = events.find("a")
    assert text(link) == "Short breaks drop-in, Anbury"
    assert link["href"] == "../../events/short-breaks-drop-in/"  # type: ignore[index]
    past = section(article(built, "transport-2026"), "Events for this consultation")
    assert past is not None
    assert "Took place Tuesday 14 April 2026" in text(past)
    assert section(article(built, "website-review"), "Events for this consultation") is None


def test_pages_link_the_register_and_the_feed(built: Built) -> None:
    soup = built.soup("consultations/short-breaks-2027/")
    alternate = soup.find("link", rel="alternate", type="application/atom+xml")
    assert alternate is not None
    assert alternate["href"] == "../feed.xml"
    assert soup.find("a", string="See all consultations")["href"] == "../"  # type: ignore[index]


def test_record_pages_are_not_in_the_navigation(built: Built) -> None:
    soup = built.soup("consultations/")
    nav = soup.find("nav", class_="md-nav--primary")
    assert nav is not None
    hrefs = [a.get("href", "") for a in nav.find_all("a")]
    assert not any("short-breaks-2027" in str(href) for href in hrefs)


def test_a_renamed_consultation_redirects_from_its_old_address(built: Built) -> None:
    old = BeautifulSoup(built.text("consultations/short-breaks-draft/index.html"), "html5lib")
    refresh = old.find("meta", attrs={"http-equiv": "refresh"})
    assert refresh is not None
    assert refresh["content"].endswith("url=../short-breaks-2027/")  # type: ignore[union-attr]
