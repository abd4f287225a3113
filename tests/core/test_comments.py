"""Finding the comments of a record file, and those a new version of it no longer has.

The finder must tell a comment from a ``#`` that is text (quoted, in a block scalar, in a plain
value such as ``C# club``), or the guard of ``localoffer check --base`` would report notes that
were never there, or miss ones that were.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from localoffer.cli.main import main
from localoffer.core.source.comments import (
    CommentsUnreadable,
    lost_comments,
    read_comments,
)
from localoffer.core.source.reader import split_front_matter

from core.sitekit import EVENT, SiteKit, line_of

TRICKY = """\
# a note at the top
title: C# club  # trail
url: https://example.org/page#part
plain: a#b and c#
double: "a # b"  # after a quoted value
single: 'it''s # not a comment'
multi: "one # two
  three # four"
literal: |  # on the indicator's line
  line # not a comment
  # not a comment either
folded: >-
  folded # no

  # still text
kind: forum  # was a drop-in
audiences:
  # before an item
  - parents-carers  # on an item
  - young-people
respond:
  - online: https://example.org/#respond  # on a key in an item
flow: [north, # inside a flow list
  west]
tagged: !!str 12  # after a tag
# at the end
"""

TRICKY_COMMENTS = [
    (1, 1, "# a note at the top", ("title",)),
    (2, 17, "# trail", ("title",)),
    (5, 18, "# after a quoted value", ("double",)),
    (9, 13, "# on the indicator's line", ("literal",)),
    (16, 14, "# was a drop-in", ("kind",)),
    (18, 3, "# before an item", ("audiences", 0)),
    (19, 21, "# on an item", ("audiences", 0)),
    (22, 43, "# on a key in an item", ("respond", 0, "online")),
    (23, 15, "# inside a flow list", ("flow", 0)),
    (25, 19, "# after a tag", ("tagged",)),
    (26, 1, "# at the end", ("tagged",)),
]


def without(text: str, spans: list[tuple[int, int, str]]) -> str:
    """``text`` with each comment (line, column, text) cut out."""
    lines = text.split("\n")
    for line, column, written in spans:
        row = lines[line - 1]
        assert row[column - 1 :].rstrip() == written
        lines[line - 1] = row[: column - 1]
    return "\n".join(lines)


def test_every_comment_is_found_and_no_hash_that_is_text() -> None:
    found = read_comments(TRICKY, markdown=False).comments
    assert [(c.line, c.column, c.text, c.anchor) for c in found] == TRICKY_COMMENTS
    assert not any(c.in_body for c in found)


def test_cutting_out_the_comments_found_leaves_the_same_data_and_no_comment() -> None:
    found = read_comments(TRICKY, markdown=False).comments
    stripped = without(TRICKY, [(c.line, c.column, c.text) for c in found])
    assert yaml.safe_load(stripped) == yaml.safe_load(TRICKY)
    assert read_comments(stripped, markdown=False).comments == ()
    data = yaml.safe_load(TRICKY)
    assert data["title"] == "C# club"
    assert data["literal"] == "line # not a comment\n# not a comment either\n"


def test_the_files_localoffer_new_writes(tmp_path: Path) -> None:
    """Their explanations are comments, many of them commented-out fields with comments."""
    kit = SiteKit(tmp_path / "site")
    for kind, folder, suffix in (
        ("consultation", "consultations", ".md"),
        ("event", "events", ".md"),
        ("feedback", "responses", ".yml"),
    ):
        assert main(["new", kind, "Coffee morning", "--site", str(kit.root)]) == 0
        text = (kit.root / folder / f"coffee-morning{suffix}").read_text(encoding="utf-8")
        markdown = suffix == ".md"
        found = read_comments(text, markdown=markdown).comments
        yaml_comments = [c for c in found if not c.in_body]
        expected = [
            number
            for number, line in enumerate(text.split("\n"), 1)
            if line.lstrip().startswith("#") and (not markdown or number < body_line(text))
        ]
        # Every line that starts with '#' is a comment, and some comments follow values.
        assert {c.line for c in yaml_comments} >= set(expected)
        assert len(yaml_comments) > 20
        front = split_front_matter(text)[0] if markdown else text
        stripped = without(front, [(c.line, c.column, c.text) for c in yaml_comments])
        assert yaml.safe_load(stripped) == yaml.safe_load(front)


def body_line(text: str) -> int:
    return text.split("\n").index("---", 1) + 2


def test_front_matter_comments_and_html_comments_in_the_page_text() -> None:
    text = (
        "---\n"
        "title: Coffee morning  # the forum's name for it\n"
        "summary: '<!-- not a comment: a YAML value -->'\n"
        "---\n"
        "Drop in for a cup of tea. <!-- ask Jo before changing the dates -->\n"
        "\n"
        "A line with `<!-- code, shown as it is -->` in it.\n"
        "<!-- a note\n"
        "   over two lines -->\n"
        "The last paragraph. # not a comment in the page text\n"
        "\n"
        "```\n"
        "<!-- in a fenced block -->\n"
        "```\n"
    )
    found = read_comments(text, markdown=True).comments
    assert [(c.line, c.column, c.text, c.in_body) for c in found] == [
        (2, 24, "# the forum's name for it", False),
        (5, 27, "<!-- ask Jo before changing the dates -->", True),
        (8, 1, "<!-- a note over two lines -->", True),
    ]
    assert found[1].follows == "A line with `<!-- code, shown as it is -->` in it."
    assert found[2].follows == "The last paragraph. # not a comment in the page text"


def test_a_bom_and_windows_line_ends() -> None:
    text = "\ufeff---\r\ntitle: A  # note\r\n---\r\nText\r\n<!-- hidden -->\r\n"
    found = read_comments(text, markdown=True).comments
    assert [(c.line, c.column, c.text) for c in found] == [
        (2, 11, "# note"),
        (5, 1, "<!-- hidden -->"),
    ]


def lost(old: str, new: str, markdown: bool = True) -> list[tuple[int, int, str]]:
    """Each comment ``new`` lost: (its line in old, the nearest line in new, its text)."""
    return [
        (each.comment.line, each.line, each.comment.text)
        for each in lost_comments(old, new, markdown=markdown)
    ]


COMMENTED = EVENT.replace(
    "kind: drop-in\n", "# keep until the tribunal decides\nkind: drop-in  # was a forum\n"
).replace("---\nDrop in", "---\n<!-- check the room with the library -->\nDrop in")


def test_a_rewrite_that_drops_comments_and_reorders_keys_loses_them() -> None:
    assert "keep until" in COMMENTED and "check the room" in COMMENTED
    plain = EVENT.replace("kind: drop-in\n", "")
    rewritten = plain.replace("title:", "kind: drop-in\ntitle:", 1)
    new_line = line_of(rewritten, "kind: drop-in")
    assert lost(COMMENTED, rewritten) == [
        (line_of(COMMENTED, "# keep"), new_line, "# keep until the tribunal decides"),
        (line_of(COMMENTED, "kind:"), new_line, "# was a forum"),
        (
            line_of(COMMENTED, "<!--"),
            line_of(rewritten, "Drop in"),
            "<!-- check the room with the library -->",
        ),
    ]


def test_comments_moved_or_respaced_are_kept() -> None:
    moved = (
        EVENT.replace("kind: drop-in\n", "kind:    drop-in\n")
        .replace("title:", "#   keep until the\ttribunal decides\ntitle:", 1)
        .replace("---\nDrop in", "---\nDrop in <!--check the room with\nthe library-->")
        .rstrip("\n")
        + "  <!-- was a forum -->\n"  # from the YAML into the page text
    )
    assert lost(COMMENTED, moved) == []


def test_one_of_two_identical_comments_removed_is_lost() -> None:
    old = "a: 1  # check\nb: 2  # check\n"
    assert lost(old, "a: 1  # check\nb: 2\n", markdown=False) == [(2, 2, "# check")]


def test_a_lost_comment_is_placed_on_its_entry_or_the_nearest_one_still_there() -> None:
    old = "title: A\nlocation:\n  # the back door\n  name: Hall\n  postcode: AY1 1AA\nend: 1\n"
    assert lost(old, "location:\n  name: Hall\ntitle: A\n", markdown=False) == [
        (3, 2, "# the back door")
    ]
    assert lost(old, "title: A\nend: 1\nlocation: {}\n", markdown=False) == [
        (3, 3, "# the back door")
    ]
    assert lost(old, "title: A\nend: 1\n", markdown=False) == [(3, 1, "# the back door")]


def test_an_html_comment_whose_next_line_changed_is_placed_at_the_page_text() -> None:
    old = "---\ntitle: A\n---\nFirst.\n<!-- note -->\nSecond.\n"
    assert lost(old, "---\ntitle: A\n---\n\nFirst, changed.\nSecond.\n") == [
        (5, 6, "<!-- note -->")
    ]
    assert lost(old, "---\ntitle: A\n---\nFirst.\nSecond, changed.\n") == [(5, 4, "<!-- note -->")]
    assert lost(old, "---\ntitle: A\n---\n") == [(5, 3, "<!-- note -->")]


def test_bare_hashes_say_nothing_and_are_not_reported() -> None:
    assert lost("#\na: 1  #\n# \n", "a: 1\n", markdown=False) == []


@pytest.mark.parametrize(
    ("text", "markdown"),
    [
        ("title: 'unclosed\n", False),
        ("title: A\n\tkind: x\n", False),
        ("no front matter\n", True),
    ],
)
def test_a_file_that_cannot_be_read_says_so(text: str, markdown: bool) -> None:
    with pytest.raises(CommentsUnreadable):
        read_comments(text, markdown=markdown)
