"""The presentation filters this section added: ``action_when`` and ``plain_paragraphs``."""

from __future__ import annotations

from typing import Any

import pytest
from localoffer.core.models.feedback import Action
from localoffer.present.action_when import action_when
from localoffer.present.filters import FILTERS
from localoffer.present.plain_paragraphs import plain_paragraphs
from markupsafe import Markup


def action(**fields: Any) -> Action:
    return Action.model_validate(fields)


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"status": "done", "completed": "2026-06-03", "due": "2026-07-01"}, "Done 3 June 2026"),
        ({"status": "done", "due": "2026-07-01"}, ""),
        ({"status": "planned", "due": "2027-03-01"}, "Due 1 March 2027"),
        ({"status": "in-progress", "due": "2026-11-13"}, "Due 13 November 2026"),
        ({"status": "not-planned", "due": "2025-12-31"}, "Due 31 December 2025"),
        ({"status": "planned"}, ""),
    ],
)
def test_action_when(fields: dict[str, Any], expected: str) -> None:
    assert action_when(action(**fields)) == expected


def test_action_when_without_an_action() -> None:
    assert action_when(None) == ""


def test_filters_are_registered_for_templates() -> None:
    assert FILTERS["action_when"] is action_when
    assert FILTERS["plain_paragraphs"] is plain_paragraphs


def test_plain_paragraphs_escapes_everything() -> None:
    html = plain_paragraphs("\"<b>bold</b> & 'quotes'\"")
    assert isinstance(html, Markup)
    assert str(html) == "<p>&#34;&lt;b&gt;bold&lt;/b&gt; &amp; &#39;quotes&#39;&#34;</p>"


def test_plain_paragraphs_keeps_paragraphs_and_line_breaks() -> None:
    text = "First line\nsecond line\n\n\n  Next paragraph  \r\n"
    assert str(plain_paragraphs(text)) == "<p>First line<br>\nsecond line</p><p>Next paragraph</p>"


@pytest.mark.parametrize("text", ["", None, "   \n\n  "])
def test_plain_paragraphs_of_nothing_is_nothing(text: str | None) -> None:
    assert str(plain_paragraphs(text)) == ""


def test_plain_paragraphs_does_not_read_markdown_or_entities() -> None:
    assert str(plain_paragraphs("*not emphasis* &amp; [a](b)")) == (
        "<p>*not emphasis* &amp;amp; [a](b)</p>"
    )
