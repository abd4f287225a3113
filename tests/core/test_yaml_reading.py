"""Reading records' YAML fast, without node trees, and placing problems exactly as before.

Records are read from the YAML parser's events; a document's node tree is composed only when a
problem in it must be placed. The fast reader must give exactly the data, duplicate keys, errors
and positions of the node-tree reader for every document, which it does by reading the usual
ones itself and leaving anything unusual to the node-tree reader. These tests compare the two
readers on documents chosen to be awkward and on derandomised generated ones, and check that a
valid site is checked without composing any node tree.
"""

from __future__ import annotations

import math
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from localoffer.core.check import check_site
from localoffer.core.source import reader, yamlnodes
from localoffer.core.source.reader import ReadError, split_front_matter
from localoffer.core.source.yamlnodes import YamlDocument, YamlSyntaxError, parse_yaml

from core.sitekit import CLOSED_CONSULTATION, CONSULTATION, EVENT, FEEDBACK, SiteKit, now, replace

LOCS: list[tuple[int | str, ...]] = [
    (),
    ("a",),
    ("a", 0),
    ("a", "b"),
    ("b", 1, "c"),
    (0,),
    (1,),
    ("title",),
    ("comments", 0, "said"),
    ("location", "postcode"),
]

# Plain values YAML 1.1 or 1.2 reads as something other than text, values whose reading fails,
# and everything the fast reader leaves to the node-tree reader.
SCALARS = [
    "yes", "No", "on", "OFF", "y", "n", "true", "False", "tRUE", "~", "null", "NULL", "Null", "",
    "Yes", "YES", "Off", "On", "True", "TRUE", "FALSE", "1:20", "-1:20", "1:20.5", "0x1_F",
    "-0x1F", "007", "01632960000", "1.5e3", "1.5e+3", "1e+21", "-.5", "+.5", "1.", "01.5",
    "1_000.5", "2027-03-12 10:00", "2027-03-12T10:00", "2027-03-12 10:00:00",
    "010", "0x1F", "0o17", "0b101", "1_000", "1:30", "12:30", "190:20:30", "-1.5e3", "1e3",
    "1.0", ".5", "+1", "-0", ".inf", "-.Inf", ".NaN", "2026-11-23", "2026-02-30",
    "2026-11-23T10:00:00Z", "2026-11-23 10:00:00+01:00", "2026-11-23 10:00", "2026-1-2",
    '"quoted"', "'single'", '"2026-11-23"', "'yes'", "plain text", "t", "f", "o", "=", "<<",
    "!!str 12", "!!int '7'", "!foo bar", "! 12", "&anchor 1", "*anchor", '"a: b"', "a #comment",
    "[1, 2, yes]", "{x: 1, y: no}", "[]", "{}", "|\n  block\n  text\n", ">-\n  folded\n  text\n",
    "Q&A at 10:00!", "x\u00a0y", "caf\u00e9",
]  # fmt: skip
KEYS = ["a", "b", "c", "title", "1", "1.0", "true", "null", "2026-01-01", '"a"', "<<", "? [k]"]

DOCUMENTS = [
    "",
    "# only a comment\n",
    "---\n",
    "---\n...\n",
    "a: 1\n...\n",
    "a: 1\n---\n",
    "a: 1\n---\nb: 2\n",
    "---\n---\na: 1\n",
    "a: 1\na: 2\n",
    "a: 1\nb: {a: 1, a: 2}\n",
    "1: x\n1.0: y\n",
    "true: x\n1: y\n",
    ".nan: x\n.nan: y\n",
    "a: &x {b: 1}\nc: *x\n",
    "base: &b {x: 1}\nmerged:\n  <<: *b\n  y: 2\n",
    "a: &x [*x]\n",
    "? [1, 2]\n: pair\n",
    "? {k: v}\n: pair\n",
    "!!map {a: 1}\n",
    "a: !!seq [1]\n",
    "- 1\n- [2, 3]\n- {a: b}\n",
    "just text\n",
    "a: [\n",
    "a: 'unclosed\n",
    "a:\tb\n",
    "a: b: c\n",
    "a: 1\n b: 2\n",
    "a: @x\n",
    "a: \x07\n",
    "- a\nb: c\n",
    "a:\n  - 1\n  -2\n  - {b: [c, {d: e}]}\n",
    "a: " + "[" * 150 + "]" * 150 + "\n",
    "a: " + "[" * 300 + "]" * 300 + "\n",
    "title: " + ", ".join(["x"] * 10) + "\n",
]


def outcome(read: Any, text: str, offset: int = 3) -> tuple[Any, ...]:
    """Everything a reader gives for ``text``: data (types included), duplicates, positions."""
    try:
        document: YamlDocument = read(text, offset)
    except YamlSyntaxError as exc:
        return ("error", str(exc), exc.position)
    duplicates = [(d.key, d.position, d.first) for d in document.duplicates]
    places = [(document.locate(loc), document.locate(loc, key=True)) for loc in LOCS]
    groups = [document.is_group(loc) for loc in LOCS]
    return ("ok", typed(document.data), duplicates, document.start(), places, groups)


def typed(value: Any) -> Any:
    """``value`` with every type spelt out (1 == 1.0 == True in Python; NaN != NaN)."""
    if isinstance(value, dict):
        return ("dict", [(typed(k), typed(v)) for k, v in value.items()])
    if isinstance(value, list):
        return ("list", [typed(item) for item in value])
    if isinstance(value, float) and math.isnan(value):
        return ("float", "nan")
    if isinstance(value, datetime):
        return ("datetime", value.isoformat(), str(value.tzinfo))
    return (type(value).__name__, value)


def node_tree_reader(text: str, offset: int) -> YamlDocument:
    return yamlnodes._parse_with_nodes(text, offset)


def assert_same_as_node_tree_reader(text: str) -> None:
    assert outcome(parse_yaml, text) == outcome(node_tree_reader, text), text


@pytest.mark.parametrize("text", DOCUMENTS)
def test_awkward_documents_read_as_the_node_tree_reader_reads_them(text: str) -> None:
    assert_same_as_node_tree_reader(text)


@pytest.mark.parametrize("scalar", SCALARS)
def test_every_kind_of_value_reads_as_the_node_tree_reader_reads_it(scalar: str) -> None:
    indented = scalar.replace("\n", "\n  ")
    for text in (
        f"a: {indented}",
        f"a:\n  - {scalar.replace(chr(10), chr(10) + '    ')}\n  - x\n",
        f"{scalar}: x\n" if "\n" not in scalar else "x: y\n",
        f"{scalar}\n",
    ):
        assert_same_as_node_tree_reader(text)


def test_the_fast_reader_reads_typical_records_itself() -> None:
    """The usual record is read from events (else the fast path would be no faster)."""
    for text in (CONSULTATION, CLOSED_CONSULTATION, EVENT):
        front = "\n" + text.split("---\n")[1]
        assert yamlnodes._fast_data(front) == yamlnodes._parse_with_nodes(front, 0).data
    assert yamlnodes._fast_data(FEEDBACK) == yamlnodes._parse_with_nodes(FEEDBACK, 0).data
    with pytest.raises(yamlnodes._Unusual):
        yamlnodes._fast_data("a: 1\na: 2\n")  # a duplicate key is left to the node-tree reader


def yaml_values() -> st.SearchStrategy[str]:
    """YAML text for a value at some depth: awkward scalars, lists and groups of fields."""
    scalar = st.sampled_from([s for s in SCALARS if "\n" not in s])

    def entry(key: str, value: str) -> str:
        if "\n" in value or value.startswith("- "):
            return f"{key}:\n  " + value.replace("\n", "\n  ")  # a block on its own lines
        return f"{key}: {value}"

    def nest(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
        pairs = st.lists(st.tuples(st.sampled_from(KEYS), children), min_size=1, max_size=4)
        mapping = pairs.map(lambda items: "\n".join(entry(k, v) for k, v in items))
        sequence = st.lists(children, min_size=1, max_size=3).map(
            lambda items: "\n".join("- " + item.replace("\n", "\n  ") for item in items)
        )
        flow = st.lists(scalar, max_size=3).map(lambda items: "[" + ", ".join(items) + "]")
        return st.one_of(mapping, sequence, flow)

    return st.recursive(scalar, nest, max_leaves=12)


@settings(
    max_examples=400,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(
    body=yaml_values(),
    start=st.sampled_from(["", "---\n", "\n", "# a comment\n"]),
    end=st.sampled_from(["", "\n", "\n...\n", "\n---\n", "\n---\nx: 1\n"]),
)
def test_generated_documents_read_as_the_node_tree_reader_reads_them(
    body: str, start: str, end: str
) -> None:
    assert_same_as_node_tree_reader(start + body + end)


def test_a_valid_site_is_checked_without_composing_a_node_tree(tmp_path: Path) -> None:
    kit = SiteKit(tmp_path / "site")
    kit.write("consultations/short-breaks-statement-2027.md", CONSULTATION)
    kit.write("consultations/home-to-school-transport-2026.md", CLOSED_CONSULTATION)
    kit.write("events/short-breaks-drop-in-anbury.md", EVENT)
    kit.write("responses/local-offer-survey-spring-2026.yml", FEEDBACK)

    result = check_site(kit.root, now(), cache=None)

    assert result.problems == []
    assert len(result.site.sources) == 4
    assert not any(source.composed for source in result.site.sources.values())


def test_a_problem_found_by_a_rule_is_placed_from_a_tree_composed_then(tmp_path: Path) -> None:
    """Rules place problems through ``Site.problem``: only that file's tree is composed."""
    kit = SiteKit(tmp_path / "site")
    event = replace(EVENT, "kind: drop-in", "kind: drop-in\nconsultation: no-such-consultation")
    kit.write("consultations/short-breaks-statement-2027.md", CONSULTATION)
    kit.write("events/short-breaks-drop-in-anbury.md", event)

    result = check_site(kit.root, now(), cache=None)

    [problem] = result.errors
    assert problem.path == "events/short-breaks-drop-in-anbury.md"
    assert (problem.line, problem.column) == (8, 15), problem.format()
    assert "no-such-consultation" in problem.message
    sources = result.site.sources
    assert sources["events/short-breaks-drop-in-anbury.md"].composed
    assert not sources["consultations/short-breaks-statement-2027.md"].composed


def test_values_read_by_type_are_still_typed() -> None:
    """Dates stay dates, and booleans and numbers are as YAML 1.2 reads them: ``yes``, ``1:30``
    (sexagesimal in YAML 1.1) and ``010`` (octal in YAML 1.1) are text, as is a phone number
    (test_plain_values.py has every kind)."""
    text = "a: 2026-11-23\nb: 01632960000\nc: '2026-11-23'\nd: yes\ne: 1:30\nf: 010\n"
    text += "g: true\nh: 12\ni: 1.5\n"
    data = parse_yaml(text).data
    assert data == {
        "a": date(2026, 11, 23),
        "b": "01632960000",
        "c": "2026-11-23",
        "d": "yes",
        "e": "1:30",
        "f": "010",
        "g": True,
        "h": 12,
        "i": 1.5,
    }


LINE_PIECES = ["---", "...", "----", " ", "\t", "\n", "\r", "\r\n", "\x0b", "\x0c", "\x1c", "\x1f"]
LINE_PIECES += ["\x85", "\u2028", "\xa0", "a: 1", "b", "#", "--- x", ".. .", "text"]


@settings(max_examples=600, derandomize=True, deadline=None)
@given(
    pieces=st.lists(st.sampled_from(LINE_PIECES), min_size=1, max_size=14),
    fenced=st.booleans(),
)
def test_front_matter_is_split_as_line_by_line_splitting_splits_it(
    pieces: list[str], fenced: bool
) -> None:
    """The usual file is split without splitting it into lines: the result (or the error and
    its position) is the same as splitting it line by line, whatever line breaks it has."""
    text = ("---\n" if fenced else "") + "".join(pieces)

    def split(function: Any) -> tuple[Any, ...]:
        try:
            return ("ok", function(text))
        except ReadError as exc:
            return ("error", str(exc), exc.position)

    assert split(split_front_matter) == split(reader._split_lines)
