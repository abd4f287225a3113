"""Templates compiled without their source's indentation (``mkdocs/compact_templates.py``)
give pages that read exactly as before, and smaller.

The sample site is built a second time with a hook that takes the extension out of the template
environment, and every HTML page of the two builds is parsed and compared: the same elements,
attributes and text, once each run of whitespace is read as HTML reads it (one space), and
byte for byte inside the elements whose whitespace is kept.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Comment, NavigableString, Tag
from localoffer.mkdocs.compact_templates import compact

from tests.build.conftest import copy_sample, mkdocs

KEPT = {"pre", "textarea", "code", "kbd", "script", "style"}
WIDE_HOOK = '''
from mkdocs.plugins import event_priority


@event_priority(-100)  # after the localoffer plugin has prepared the environment
def on_env(env, config, files):
    env.extensions.pop("localoffer.mkdocs.compact_templates.CompactTemplates")
    return env
'''


def _space(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def _outline(node: Tag, kept: bool = False) -> list[object]:
    """The node's children as HTML reads them: whitespace runs as one space, outside ``KEPT``."""
    found: list[object] = []
    for child in node.children:
        if isinstance(child, Comment):
            continue
        if isinstance(child, NavigableString):
            text = str(child) if kept else _space(str(child))
            if found and isinstance(found[-1], str):
                found[-1] += text
            else:
                found.append(text)
        elif isinstance(child, Tag):
            attributes = {
                name: _space(" ".join(value) if isinstance(value, list) else str(value))
                for name, value in child.attrs.items()
            }
            inside = kept or child.name in KEPT
            found.append((child.name, attributes, _outline(child, inside)))
    return found


@pytest.fixture(scope="module")
def wide_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = copy_sample(tmp_path_factory.mktemp("wide"))
    (site / "wide_hook.py").write_text(WIDE_HOOK, encoding="utf-8")
    config = site / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "\nhooks:\n  - wide_hook.py\n", "utf-8")
    result = mkdocs(site, "build", "--strict", "-d", str(site / "out"))
    assert result.returncode == 0, result.stdout + result.stderr
    return site / "out"


def _pages(root: Path) -> dict[str, str]:
    return {
        str(path.relative_to(root)): path.read_text(encoding="utf-8")
        for path in sorted(root.rglob("*.html"))
    }


def test_every_page_reads_as_it_did_with_the_indented_templates(
    sample_build: Path, wide_build: Path
) -> None:
    compacted, wide = _pages(sample_build), _pages(wide_build)
    assert sorted(compacted) == sorted(wide) and len(wide) > 100
    different = [
        name
        for name in wide
        if _outline(BeautifulSoup(compacted[name], "html.parser"))
        != _outline(BeautifulSoup(wide[name], "html.parser"))
    ]
    assert different == []
    # and the pages are smaller: the indentation was about a ninth of them
    small = sum(len(page.encode()) for page in compacted.values())
    large = sum(len(page.encode()) for page in wide.values())
    assert small < 0.93 * large


def test_an_event_page_keeps_no_indented_lines_outside_kept_elements(sample_build: Path) -> None:
    page = (sample_build / "events" / "sensory-swim-marrowby" / "index.html").read_text("utf-8")
    outside = re.sub(r"<(pre|textarea|code|kbd|script|style)\b.*?</\1>", "", page, flags=re.S)
    indented = [line for line in outside.split("\n") if line[:1] in (" ", "\t")]
    # (what is left comes from what the templates print: the page's own body, and the like)
    assert len(indented) < len(outside.split("\n")) / 20


def test_compact_keeps_jinja_tags_and_kept_elements_as_written() -> None:
    source = (
        "<div>\n    <p>\n      {{ '  a\n    b ' }}\n    </p>\n"
        "    {% if x %}\n      <span>one</span>\n    {% endif %}\n"
        "    {# a\n      comment #}\n"
        "    {% raw %}\n      {{ kept }}\n    {% endraw %}\n"
        "    <pre>\n  code\n    more</pre>\n    <script>\n  var a = 1;\n</script>\n"
        "    <CODE class=x>\n  spaced</CODE>\n"
        "    <textarea>\n  text</textarea>\n"
        "</div>   \n\n   "
    )
    assert compact(source) == (
        "<div>\n<p>\n{{ '  a\n    b ' }}\n</p>\n"
        "{% if x %}\n<span>one</span>\n{% endif %}\n"
        "{# a\n      comment #}\n"
        "{% raw %}\n      {{ kept }}\n    {% endraw %}\n"
        "<pre>\n  code\n    more</pre>\n<script>\n  var a = 1;\n</script>\n"
        "<CODE class=x>\n  spaced</CODE>\n"
        "<textarea>\n  text</textarea>\n"
        "</div>\n"
    )


def test_whitespace_without_a_line_break_is_left_alone() -> None:
    assert compact("<a>one</a>  <b>two</b>\t<i>three</i>") == "<a>one</a>  <b>two</b>\t<i>three</i>"
    assert compact("a\n") == "a\n"
