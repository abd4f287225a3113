"""The shared page frame gives exactly what rendering each page in full gives."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

import pytest
from jinja2 import DictLoader, Environment
from localoffer.mkdocs.page_frame import FrameRenderer

LANGUAGE = "{% macro t(key) %}{{ key }}{% endmacro %}"
BASE = (
    '{% import "partials/language.html" as lang with context %}'
    "<head>{% block site_meta %}<meta name=d content='{{ page.meta.description }}'>{% endblock %}"
    "{% block htmltitle %}<title>{{ page.meta.title }}</title>{% endblock %}"
    "{% block extrahead %}{% endblock %}</head>"
    "<header>{% block header %}{{ lang.t('site') }}: {{ page.meta.title }}{% endblock %}</header>"
    "<nav>{% block site_nav %}{% for item in page.toc %}<a>{{ item.title }}</a>{% endfor %}"
    "{% endblock %}</nav>"
    "<main>{% block container %}{% block content %}{{ page.content }}{% endblock %}"
    "{% endblock %}</main>"
    "<footer>{% block footer %}{{ footer_text }}{% endblock %}</footer>"
)
RECORD = (
    '{% extends "base.html" %}'
    "{% block extrahead %}<script>{{ data }}</script>{% endblock %}"
    "{% block content %}<h1>{{ page.meta.title }}</h1>{{ super() }}{% endblock %}"
)
# A council's template printing the page's own address in the frame: cannot be shared.
ADDRESSED = '{% extends "base.html" %}{% block footer %}{{ page.url }}{% endblock %}'


@dataclass
class Heading:
    title: str
    level: int = 2
    id: str = ""
    children: list[Any] = field(default_factory=list)


@dataclass
class FakePage:
    url: str
    meta: dict[str, Any]
    content: str = ""
    toc: list[Any] = field(default_factory=list)


def _env() -> Environment:
    loader = DictLoader(
        {
            "base.html": BASE,
            "partials/language.html": LANGUAGE,
            "record.html": RECORD,
            "addressed.html": ADDRESSED,
        }
    )
    return Environment(loader=loader, autoescape=False)  # as mkdocs-material


def _variables(n: int, toc: list[Any] | None = None) -> dict[str, Any]:
    page = FakePage(
        url=f"events/e{n}/",
        meta={"title": f"Event {n} &amp; more", "description": f"About {n}"},
        content=f"<p>Body {n}</p>",
        toc=toc or [],
    )
    config = {"theme": {"features": []}}
    return {"page": page, "config": config, "data": f'{{"n": {n}}}', "footer_text": "Footer"}


def test_shared_frame_equals_full_rendering() -> None:
    env = _env()
    frames = FrameRenderer(env)
    for n in range(5):
        variables = _variables(n)
        expected = env.get_template("record.html").render(variables)
        assert frames.render("record.html", variables, "events") == expected
        assert f"<header>site: Event {n} &amp; more</header>" in expected
    assert frames.full == 2  # the first two pages, rendered in full to check the frame
    assert frames.shared == 3


def test_a_frame_that_shows_the_page_address_is_rendered_in_full(
    caplog: pytest.LogCaptureFixture,
) -> None:
    env = _env()
    frames = FrameRenderer(env)
    with caplog.at_level(logging.DEBUG, logger="mkdocs.plugins.localoffer"):
        for n in range(3):
            variables = _variables(n)
            expected = env.get_template("addressed.html").render(variables)
            assert frames.render("addressed.html", variables, "events") == expected
    assert frames.shared == 0
    assert frames.full == 3
    # Said once (with -v), since it makes a large build several times slower.
    (said,) = [r.getMessage() for r in caplog.records if "rendered whole" in r.getMessage()]
    assert "addressed.html in events/" in said


def test_a_frame_that_shows_the_table_of_contents_is_shared_only_between_equal_ones() -> None:
    env = _env()
    frames = FrameRenderer(env)
    where, when = [Heading("Where")], [Heading("When")]
    tocs = [where, when, where, where, when, when, []]
    for n, toc in enumerate(tocs):
        variables = _variables(n, toc)
        expected = env.get_template("record.html").render(variables)
        assert frames.render("record.html", variables, "events") == expected
    # Two pages of each table of contents checked, then the third shared; none for no toc.
    assert frames.shared == 2


def test_a_page_without_a_title_is_rendered_in_full() -> None:
    env = _env()
    frames = FrameRenderer(env)
    variables = _variables(1)
    variables["page"].meta = {}
    expected = env.get_template("record.html").render(variables)
    assert frames.render("record.html", variables, "events") == expected
    assert frames.full == 1 and frames.shared == 0
