"""The open-consultations embed on content pages."""

from __future__ import annotations

from bs4 import Tag

from .fixture_site import Built


def embed(built: Built, path: str) -> Tag:
    found = built.soup(path).find(class_="lo-open-consultations")
    assert isinstance(found, Tag)
    return found


def test_the_embed_lists_open_consultations_closing_soonest_first_up_to_the_limit(
    built: Built,
) -> None:
    shown = embed(built, "")
    items = shown.select('[data-lo-section="open"] li.lo-embed__item:not([hidden])')
    assert [item.find("a").get_text() for item in items] == [
        "Holiday activities survey",
        "Short breaks services statement 2027",
    ]
    # For a page read after the build (status.js, lists.js), the open ones after the limit are
    # written hidden, and the upcoming ones in a hidden section of their own: shown, only those.
    after_limit = shown.select('[data-lo-section="open"] li.lo-embed__item[hidden]')
    assert len(items) + len(after_limit) == 5
    waiting = shown.select("[data-lo-waiting][hidden] li.lo-embed__item")
    assert waiting and all(li["data-status"] == "upcoming" for li in waiting)
    assert len(shown.select("li.lo-embed__item")) == 5 + len(waiting)
    assert shown["data-lo-limit"] == "2"
    # Links are relative to the page, so the site works from any folder.
    assert items[0].find("a")["href"] == "consultations/holiday-survey/"
    assert "Closes 27 November 2026" in items[0].get_text()
    assert "Closing soon" in items[0].get_text()
    assert "Closes at 5pm on 15 January 2027" in items[1].get_text()
    more = shown.find(class_="lo-embed__more").find("a")
    # Open to responses: a paused one is not counted.
    assert more.get_text() == "See all 5 open consultations"
    assert more["href"] == "consultations/"


def test_without_a_limit_the_embed_lists_every_open_consultation(built: Built) -> None:
    shown = embed(built, "all-open/")
    listed = shown.select('[data-lo-section="open"] .lo-embed__item:not([hidden]) a')
    shown_ids = [a["href"].split("/")[-2] for a in listed]
    assert shown_ids == [
        "holiday-survey",
        "short-breaks-2027",
        "respite-review-extended",
        "hostile",
        "play-schemes-resumed",
    ]
    more = shown.find(class_="lo-embed__more").find("a")
    assert more.get_text() == "See all consultations, including closed ones and their outcomes"
    assert more["href"] == "../consultations/"
    for link in shown.find_all("a"):
        target = built.out / "all-open" / link["href"] / "index.html"
        assert target.resolve().is_file(), link["href"]


def test_the_embed_brings_its_stylesheet_and_status_script(built: Built) -> None:
    soup = built.soup("")
    assert soup.find("link", href="assets/localoffer/consultations.css") is not None
    assert soup.find("script", src="assets/localoffer/status.js") is not None
    nested = built.soup("all-open/")
    assert nested.find("script", src="../assets/localoffer/status.js") is not None
    assert (built.out / "assets/localoffer/consultations.css").is_file()
    assert "localoffer:open-consultations" not in built.page("")
