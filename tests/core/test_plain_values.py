"""Unquoted values are read as YAML 1.2 reads them, so that what the CMS writes means what it says.

Decap CMS writes records with the npm ``yaml`` package (YAML 1.2's core schema), which quotes a
text only where YAML 1.2 would read it as something else: ``said: No``, ``title: Yes`` and
``time: 1:20`` are written unquoted, and must be read back as that text, not as YAML 1.1's
booleans and sexagesimal numbers. True/false fields still take yes/no and on/off, which
published records may say. Dates and date-times are read as before.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from localoffer.cli.main import main
from localoffer.core.models.consultation import Extension
from localoffer.core.source import yamlnodes
from localoffer.core.source.yamlnodes import parse_yaml

from core.sitekit import CONSULTATION, EVENT, SiteKit, replace
from tests.tools import missing_tool

REPO = Path(__file__).resolve().parents[2]
CMS_YAML = REPO / "cms" / "node_modules" / "yaml"
EP = "events/short-breaks-drop-in-anbury.md"
FP = "responses/local-offer-survey-spring-2026.yml"

# Each plain value and what it is read as (a value's type matters: 1 == 1.0 == True).
READINGS: list[tuple[str, Any]] = [
    # Booleans: only true and false.
    *[(text, True) for text in ("true", "True", "TRUE")],
    *[(text, False) for text in ("false", "False", "FALSE")],
    *[(text, text) for text in ("tRUE", "yes", "Yes", "YES", "no", "No", "NO", "y", "Y", "n")],
    *[(text, text) for text in ("N", "on", "On", "ON", "off", "Off", "OFF", "t", "f")],
    # Empty.
    *[(text, None) for text in ("~", "null", "Null", "NULL")],
    # Whole numbers: when YAML 1.1 and 1.2 agree.
    ("0", 0), ("-0", 0), ("+1", 1), ("12", 12), ("-40", -40), ("0x1F", 31),
    # Text: sexagesimal, binary, octal, underscores, leading zeros, signed hexadecimal.
    *[(text, text) for text in ("1:20", "1:30", "12:30", "190:20:30", "-1:20", "0b1010")],
    *[(text, text) for text in ("0o17", "1_000", "010", "007", "01632960000", "-0x1F")],
    *[(text, text) for text in ("0x1_F", "0X1F")],
    # Decimals: when YAML 1.1 and 1.2 agree.
    ("1.5", 1.5), ("-0.25", -0.25), ("1.", 1.0), (".5", 0.5), ("01.5", 1.5),
    ("1.5e+3", 1500.0), ("2.5E-1", 0.25), (".inf", float("inf")), ("-.Inf", float("-inf")),
    # Text: exponents without a point or a sign, signed leading points, underscores, sexagesimal.
    *[(text, text) for text in ("1e3", "1e+21", "1.5e3", "-1.5e3", "-.5", "+.5", "1_000.5")],
    *[(text, text) for text in ("1:20.5", ".NAN1", "inf", "NaN")],
    # Dates and date-times, exactly as before.
    ("2027-03-12", date(2027, 3, 12)),
    ("2027-03-12T10:00:00", datetime(2027, 3, 12, 10, 0)),
    ("2027-03-12 10:00:00", datetime(2027, 3, 12, 10, 0)),
    ("2027-03-12T10:00:00Z", datetime(2027, 3, 12, 10, 0, tzinfo=UTC)),
    *[(text, text) for text in ("2027-03-12 10:00", "2027-03-12T10:00", "2026-02-30")],
    *[(text, text) for text in ("2027-3-2", "10:00")],
    # Other plain text.
    *[(text, text) for text in ("=", "plain text", "Q&A at 10:00!", "No thank you")],
]  # fmt: skip


def typed(value: Any) -> tuple[str, Any]:
    return type(value).__name__, value


@pytest.mark.parametrize(("text", "expected"), READINGS, ids=[text for text, _ in READINGS])
def test_a_plain_value_is_read_the_yaml_1_2_way_by_both_readers(text: str, expected: Any) -> None:
    """The fast reader reads every one itself, and gives what the node-tree reader gives."""
    key = str(expected) if isinstance(expected, date) else expected  # a date key is its text
    for document, data in (
        (f"a: {text}\n", {"a": expected}),
        (f"a:\n  - {text}\n  - [{text}, x]\n", {"a": [expected, [expected, "x"]]}),
        (f"{text}: x\n", {key: "x"}),
    ):
        fast = yamlnodes._fast_data(document)  # not left to the node-tree reader
        nodes = yamlnodes._parse_with_nodes(document, 0).data
        assert [typed(v) for v in fast.values()] == [typed(v) for v in nodes.values()], document
        assert [typed(k) for k in fast] == [typed(k) for k in nodes], document
        assert fast == nodes == data, document
        assert parse_yaml(document).data == data
    value = parse_yaml(f"a: {text}\n").data["a"]
    assert typed(value) == typed(expected)


@pytest.mark.parametrize("text", ["'yes'", '"No"', "'1:20'", '"010"', "'true'", '"2027-03-12"'])
def test_quoted_values_are_text(text: str) -> None:
    assert parse_yaml(f"a: {text}\n").data == {"a": text[1:-1]}


def test_keys_on_yes_and_no_are_text_and_true_is_still_true() -> None:
    text = "on: 1\nyes: 2\nOff: 3\ntrue: 4\n"
    expected = {"on": 1, "yes": 2, "Off": 3, True: 4}
    assert yamlnodes._fast_data(text) == yamlnodes._parse_with_nodes(text, 0).data == expected
    assert yamlnodes._fast_data("on: 1\ntrue: 2\n") == {"on": 1, True: 2}  # two keys, not one


def decap_yaml(data: dict[str, Any]) -> str:
    """``data`` written as Decap CMS writes a record (its ``toFile``, with the npm yaml package)."""
    node = shutil.which("node")
    if node is None or not CMS_YAML.is_dir():
        missing_tool("node or the CMS's packages (cms/node_modules/yaml)", "run `scripts/setup`")
    script = (
        "const yaml = require(process.argv[1]);"
        "const data = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
        "const doc = new yaml.Document(); doc.contents = yaml.createNode(data);"
        "process.stdout.write(doc.toString());"
    )
    done = subprocess.run(
        [node, "-e", script, str(CMS_YAML)],
        input=json.dumps(data),
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_text_written_by_the_cms_reads_back_as_the_same_text() -> None:
    """Every value text here, in the CMS's YAML, is read back as that text (dates aside)."""
    texts = [text for text, _ in READINGS if not text.startswith("20")]
    data = {f"k{n}": text for n, text in enumerate(texts)}
    written = decap_yaml({**data, "flag": True, "number": 12, "decimal": 1.5})
    assert "k0: true" not in written  # the CMS quoted what YAML 1.2 reads as true
    assert "said: No" in decap_yaml({"said": "No"})  # and did not quote what it reads as text
    assert parse_yaml(written).data == {**data, "flag": True, "number": 12, "decimal": 1.5}


@pytest.fixture
def kit(tmp_path: Path) -> SiteKit:
    return SiteKit(tmp_path / "site")


# A feedback round as the CMS writes it: text that YAML 1.1 would not read as text, unquoted.
CMS_FEEDBACK = """\
title: Yes
source: survey
received: 2026-05-31
summary: 1:20
comments:
  - from: parents-carers
    regarding: content
    said: No
    response: On
    action:
      status: done
      completed: 2026-07-01
      owner: Off
"""


def test_a_feedback_round_written_by_the_cms_keeps_its_text(kit: SiteKit) -> None:
    kit.write(FP, CMS_FEEDBACK)

    result = kit.check()

    assert [p.format() for p in result.errors] == []  # a warning that "No" is only a word
    feedback = result.site.feedback["local-offer-survey-spring-2026"]
    assert feedback.title == "Yes"
    assert feedback.summary == "1:20"
    [comment] = feedback.comments
    assert (comment.said, comment.response) == ("No", "On")
    assert comment.action is not None and comment.action.owner == "Off"


def test_localoffer_check_passes_a_feedback_round_saying_no(
    kit: SiteKit, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    kit.write(FP, CMS_FEEDBACK)
    monkeypatch.setenv("LOCALOFFER_TODAY", "2026-11-23")

    code = main(["check", "--site", str(kit.root)])

    out = capsys.readouterr().out
    assert code == 0, out
    assert ": error:" not in out and "true/false" not in out


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        *[(text, True) for text in ("true", "True", "TRUE", "yes", "Yes", "YES", "on", "ON")],
        *[(text, False) for text in ("false", "False", "FALSE", "no", "No", "NO", "off", "Off")],
        ("'yes'", True),
        ('"no"', False),
        ("' On '", True),
    ],
)
def test_true_false_fields_take_yes_no_and_on_off(kit: SiteKit, given: str, expected: bool) -> None:
    """What published records may say in a true/false field still means true or false."""
    event = replace(EVENT, "engagement: true", f"engagement: {given}")
    event = replace(
        event,
        "organiser: Short Breaks Team\n",
        f"organiser: Short Breaks Team\nbooking:\n  required: {given}\n  phone: 01632 960 123\n"
        f"documents:\n  - title: Poster\n    url: https://www.anyshire.example/poster\n"
        f"    easy_read: {given}\n    accessible: {given}\n",
    )
    kit.write(EP, event)

    result = kit.check()

    assert [p.format() for p in result.errors] == []
    read = result.site.events["short-breaks-drop-in-anbury"]
    assert read.booking is not None and read.documents
    flags = [read.engagement, read.booking.required]
    flags += [read.documents[0].easy_read, read.documents[0].accessible]
    assert flags == [expected] * 4
    assert all(type(flag) is bool for flag in flags)


def test_time_tbc_takes_yes(kit: SiteKit) -> None:
    event = replace(EVENT, "starts: 2026-12-01 16:00\nends: 2026-12-01 18:00\n", "")
    event = replace(event, "engagement: true\n", "starts: 2026-12-01\ntime_tbc: Yes\n")
    kit.write(EP, event)

    result = kit.check()

    assert [p.format() for p in result.errors] == []
    assert result.site.events["short-breaks-drop-in-anbury"].time_tbc is True


@pytest.mark.parametrize("given", ["maybe", "1:20", "2026-12-01", "[yes]"])
def test_other_values_in_a_true_false_field_are_still_errors(kit: SiteKit, given: str) -> None:
    kit.write(EP, replace(EVENT, "engagement: true", f"engagement: {given}"))

    [problem] = kit.errors()

    assert problem.path == EP
    assert "engagement must be true or false" in problem.message


def test_an_extension_announced_on_a_day_reads_with_either_reading_of_on(kit: SiteKit) -> None:
    """``on:`` is text now; data read by YAML 1.1 (``True`` for the key) still works."""
    consultation = replace(
        CONSULTATION,
        "closes: 2027-01-15\n",
        "closes: 2027-01-15\nextended:\n  - from: 2026-12-18\n    on: 2026-11-12\n",
    )
    kit.write("consultations/short-breaks-statement-2027.md", consultation)
    result = kit.check()
    assert result.problems == []
    [extension] = result.site.consultations["short-breaks-statement-2027"].extended
    assert extension.on == date(2026, 11, 12)

    old = Extension.model_validate({"from": date(2026, 12, 18), True: date(2026, 11, 12)})
    new = Extension.model_validate({"from": date(2026, 12, 18), "on": date(2026, 11, 12)})
    assert old == new == extension


def test_dates_and_times_of_an_event_read_as_before(kit: SiteKit) -> None:
    kit.write(EP, replace(EVENT, "starts: 2026-12-01 16:00", "starts: 2026-12-01T16:00:00"))

    result = kit.check()

    assert result.problems == []
    event = result.site.events["short-breaks-drop-in-anbury"]
    assert parse_yaml("starts: 2027-03-12 10:00\n").data == {"starts": "2027-03-12 10:00"}
    assert event.starts is not None and event.ends is not None
    assert (event.starts.hour, event.ends.hour) == (16, 18)
