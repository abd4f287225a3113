"""Planned pages' front matter reads back exactly through MkDocs' own meta parser."""

from __future__ import annotations

from html import escape

import pytest
from localoffer.mkdocs.files import page_source
from localoffer.plan.model import PagePlan
from mkdocs.utils.meta import get_data


@pytest.mark.parametrize(
    "title",
    [
        "Short breaks statement 2027",
        "<script>alert(\"x\")</script> & 'quotes'",
        "Fun day 🎉: colons, # hashes, --- dashes",
        "Control \x85 \x7f \u2028 characters\nand a new line",
    ],
)
def test_meta_round_trips_and_is_escaped(title: str) -> None:
    page = PagePlan(
        src_uri="events/x/index.md",
        title=title,
        template="localoffer/event.html",
        markdown="Body *text*.\n",
        description=f"About {title}",
        search=False,
    )
    body, meta = get_data(page_source(page))
    assert meta == {
        "title": escape(title),
        "description": escape(f"About {title}"),
        "template": "localoffer/event.html",
        "search": {"exclude": True},
    }
    assert body.strip() == "Body *text*."
