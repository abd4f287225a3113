"""Safe output: what an editor typed is shown as text, and bodies are sanitised."""

from __future__ import annotations

import json
import re

import pytest
from bs4 import BeautifulSoup, Tag

from .fixture_site import HOSTILE_TITLE, Built

PAGES = [
    "consultations/hostile/",
    "consultations/",
    "consultations/transport-2026/",
    "",  # the home page embeds open consultations
    "all-open/",
]


def scripts_with_alert(soup: BeautifulSoup) -> list[str]:
    """Scripts a browser would run that carry the injected code. A JSON-LD block is data, not
    run: it must parse as JSON with no ``<`` at all (so nothing in it can end the element)."""
    found = []
    for script in soup.find_all("script"):
        if script.get("type") == "application/ld+json":
            body = script.string or ""
            json.loads(body)
            if "<" in body:
                found.append(str(script))
        elif "alert" in str(script):
            found.append(str(script))
    return found


@pytest.mark.parametrize("path", PAGES)
def test_no_injected_script_element_handler_or_frame(built: Built, path: str) -> None:
    soup = built.soup(path)
    assert scripts_with_alert(soup) == []
    assert soup.find("iframe") is None
    for element in soup.find_all(True):
        for name, value in element.attrs.items():
            assert not name.lower().startswith("on"), f"{element.name} has {name}"
            values = value if isinstance(value, list) else [value]
            for item in values:
                assert not str(item).strip().lower().startswith("javascript:"), str(element)


def test_a_hostile_title_shows_as_text_everywhere(built: Built) -> None:
    soup = built.soup("consultations/hostile/")
    h1 = soup.find("h1")
    assert isinstance(h1, Tag)
    assert h1.get_text() == HOSTILE_TITLE
    assert soup.title is not None
    assert soup.title.get_text() == f"{HOSTILE_TITLE} – Consultations – Anyshire Local Offer"
    header = soup.find(attrs={"data-md-component": "header-topic"})
    assert isinstance(header, Tag)
    assert " ".join(header.get_text().split()) == HOSTILE_TITLE
    description = soup.find("meta", attrs={"name": "description"})
    assert description is not None
    assert description["content"] == '<img src=x onerror=alert("summary")> summary'
    register = built.soup("consultations/")
    assert register.find("a", string=HOSTILE_TITLE) is not None


def test_every_field_an_editor_typed_is_escaped(built: Built) -> None:
    soup = built.soup("consultations/hostile/")
    page = soup.find("article")
    assert isinstance(page, Tag)
    shown = page.get_text(" ")
    for typed in (
        '<img src=x onerror=alert("summary")> summary',
        '<b onmouseover=alert("lead")>Lead team</b>',
        '<script>alert("easy")</script> Easy Read',
        '<script>alert("document")</script> report',
        "<em>County Hall</em>",
        '<script>alert("post")</script>',
    ):
        assert typed in shown
    assert page.find("img", attrs={"onerror": True}) is None
    assert page.find("b") is None and page.find("em") is None
    link = page.find("a", string='<script>alert("easy")</script> Easy Read')
    assert link is not None
    assert link["href"] == "https://haveyoursay.anyshire.example/hostile?a=1&b='x'"


def test_the_body_is_sanitised_but_keeps_its_prose(built: Built) -> None:
    body = built.soup("consultations/hostile/").find(class_="lo-body")
    assert isinstance(body, Tag)
    assert "Plain text survives." in body.get_text()
    assert "A paragraph with a handler." in body.get_text()
    assert body.find("script") is None and body.find("iframe") is None
    for link in body.find_all("a"):
        assert not str(link.get("href", "")).lower().startswith("javascript")
    raw = built.page("consultations/hostile/")
    assert 'alert("body")' not in raw
    assert "onclick" not in raw


def test_status_data_for_the_script_is_json_in_an_escaped_attribute(built: Built) -> None:
    soup = built.soup("consultations/hostile/")
    block = soup.find(attrs={"data-lo-status": "page"})
    assert isinstance(block, Tag)
    states = json.loads(block["data-lo-states"])  # type: ignore[arg-type]
    assert states["open"]["note"] == "Closes 1 March 2027"


def test_feedback_comments_are_escaped(built: Built) -> None:
    page = built.soup("consultations/transport-2026/").find("article")
    assert isinstance(page, Tag)
    assert '<script>alert("said")</script>' in page.get_text()
    raw = built.page("consultations/transport-2026/")
    assert re.search(r"<script>alert", raw) is None
