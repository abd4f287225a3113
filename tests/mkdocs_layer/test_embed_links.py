"""Links in embedded lists become relative to the page that embeds them."""

from __future__ import annotations

from localoffer.mkdocs.embeds import parse_arguments, relative_links


def test_root_links_become_page_relative() -> None:
    html = '<a href="/consultations/x/">X</a> <a href="/">Home</a> <img src="/documents/a.png">'
    assert relative_links(html, "/", "participation/") == (
        '<a href="../consultations/x/">X</a> <a href="../">Home</a> <img src="../documents/a.png">'
    )
    assert relative_links(html, "/", "") == (
        '<a href="consultations/x/">X</a> <a href="./">Home</a> <img src="documents/a.png">'
    )


def test_links_under_a_site_path_and_outside_links() -> None:
    html = (
        '<a href="/localoffer/events/">Events</a> <a href="https://example.org/">Out</a> '
        '<a href="//cdn.example/x">CDN</a> <a href="/other/">Other site</a>'
    )
    assert relative_links(html, "/localoffer/", "youth-forum/") == (
        '<a href="../events/">Events</a> <a href="https://example.org/">Out</a> '
        '<a href="//cdn.example/x">CDN</a> <a href="/other/">Other site</a>'
    )


def test_arguments() -> None:
    assert parse_arguments(" limit=4 audience=young-people") == {
        "limit": "4",
        "audience": "young-people",
    }
