"""The latest-feedback embed on a content page, and the partial other sections include."""

from __future__ import annotations

from dataclasses import replace

import pytest
from bs4 import BeautifulSoup, Tag
from jinja2 import ChoiceLoader, DictLoader, Environment, FileSystemLoader
from localoffer.core.site import Site
from localoffer.mkdocs.environment import prepare
from localoffer.mkdocs.plugin import THEME_DIR
from localoffer.plan.feedback import EMBEDS, feedback_for_event, latest_feedback
from mkdocs.utils.templates import url_filter

from .conftest import Built, resolve
from .fixture_site import NEWEST_FIRST, ROUND_COMMENTS


def text(tag: Tag) -> str:
    return " ".join(tag.get_text(" ").split())


def test_home_page_embeds_the_latest_two_rounds(built: Built) -> None:
    main = built.main("/")
    embed = main.find("div", class_="lo-latest-feedback")
    assert isinstance(embed, Tag)
    assert "localoffer:" not in str(main), "the embed comment was replaced"
    items = embed.find_all("li")
    assert len(items) == 2
    first, second = items
    link = first.find("a")
    assert link is not None
    assert text(link) == "Young Inspectors: the Local Offer website, 2026"
    assert resolve("/", link["href"]) == f"/you-said-we-did/{NEWEST_FIRST[0]}/"
    assert "14 October 2026" in text(first)
    assert "Young Inspectors" in text(first)
    assert f"{ROUND_COMMENTS[NEWEST_FIRST[0]]} comments" in text(first)
    link = second.find("a")
    assert link is not None
    assert resolve("/", link["href"]) == f"/you-said-we-did/{NEWEST_FIRST[1]}/"
    assert "1 May 2026 · Consultation · 3 comments" in text(second)
    register = [a for a in embed.find_all("a") if resolve("/", a["href"]) == "/you-said-we-did/"]
    assert len(register) == 1
    # The text around the embed is still there.
    assert "Some text after the list." in text(main)


def test_embed_links_lead_to_built_pages(built: Built) -> None:
    embed = built.main("/").find("div", class_="lo-latest-feedback")
    assert isinstance(embed, Tag)
    for link in embed.find_all("a"):
        assert built.file(resolve("/", link["href"])).is_file(), link["href"]


def site_of(built: Built) -> Site:
    from localoffer.core.check import check_site
    from localoffer.core.clock import parse_today

    from .fixture_site import TODAY

    result = check_site(built.site, parse_today(TODAY))
    assert result.ok
    return result.site


@pytest.mark.parametrize(("argument", "count"), [("1", 1), ("3", 3), ("99", 5), ("x", 3)])
def test_embed_limit(built: Built, argument: str, count: int) -> None:
    planned = latest_feedback(site_of(built), {"limit": argument})
    assert len(planned.context["lo_latest"]) == count
    assert EMBEDS["latest-feedback"] is latest_feedback


def test_embed_links_follow_the_site_path(built: Built) -> None:
    site = site_of(built)
    site.settings = replace(site.settings, site_url="https://council.example/localoffer/")
    planned = latest_feedback(site, {})
    assert planned.context["lo_register_href"] == "/localoffer/you-said-we-did/"
    assert planned.context["lo_latest"][0]["href"] == (
        f"/localoffer/you-said-we-did/{NEWEST_FIRST[0]}/"
    )


def render_partial(**context: object) -> BeautifulSoup:
    """The partial included from an event page's template, as MkDocs would render it."""
    host = '{% include "localoffer/partials/feedback-summary.html" %}'
    loader = ChoiceLoader(
        [DictLoader({"localoffer/event.html": host}), FileSystemLoader(THEME_DIR)]
    )
    env = prepare(Environment(loader=loader))
    env.filters["url"] = url_filter

    class Page:
        url = "events/young-inspectors-launch/"

    html = env.get_template("localoffer/event.html").render(
        page=Page(), base_url="../..", **context
    )
    return BeautifulSoup(html, "html5lib")


def test_feedback_for_event_and_the_summary_partial(built: Built) -> None:
    site = site_of(built)
    rounds = feedback_for_event(site, "young-inspectors-launch")
    assert [r.id for r in rounds] == ["young-inspectors-website-2026"]
    assert feedback_for_event(site, "no-such-event") == []

    soup = render_partial(localoffer=site, feedback_rounds=rounds)
    heading = soup.find("h2")
    assert heading is not None and text(heading) == "What people told us"
    item = soup.find("li")
    assert isinstance(item, Tag)
    assert " ".join(item.get_text().split()) == (
        "Young Inspectors: the Local Offer website, 2026: 4 comments, received 14 October 2026 "
        "(Young Inspectors)"
    )
    link = item.find("a")
    assert link is not None
    assert resolve("/events/young-inspectors-launch/", link["href"]) == (
        "/you-said-we-did/young-inspectors-website-2026/"
    )
    links = [resolve("/events/young-inspectors-launch/", a["href"]) for a in soup.find_all("a")]
    assert "/you-said-we-did/" in links


def test_summary_partial_shows_nothing_without_rounds() -> None:
    soup = render_partial(feedback_rounds=[])
    assert soup.find("h2") is None and soup.find("a") is None
