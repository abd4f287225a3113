"""Garbled files never make the checker fail: it reports problems, each at a real place.

Editors' files can be anything: half-typed YAML, a paste from a word processor, a file saved in
the wrong encoding. Whatever they hold, ``check_site`` returns problems (never a traceback), and
every problem has a line and a column an editor can go to. The examples are derandomised and
bounded, so that CI time stays small and a failure can be reproduced.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from localoffer.core.check import check_site
from localoffer.core.problems import Problem

from core.sitekit import CONSULTATION, EVENT, FEEDBACK, SiteKit, now

EXAMPLES = settings(
    max_examples=200,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
NOW = now()
SERIES = EVENT.replace(
    "engagement: true",
    "engagement: true\nrepeat:\n  frequency: monthly\n  week: last\n  weekday: friday\n"
    "  count: 6\n  except: [2026-12-25]\nages: {from: 11, to: 25}\n"
    "booking:\n  required: true\n  email: book@anyshire.example\n  deadline: 2026-11-30\n"
    "online:\n  platform: Teams",
)
RECORDS = {
    "consultations/garbled.md": CONSULTATION,
    "events/garbled.md": EVENT,
    "events/garbled-series.md": SERIES,
    "responses/garbled.yml": FEEDBACK,
}


@pytest.fixture(scope="module")
def kit(tmp_path_factory: pytest.TempPathFactory) -> SiteKit:
    return SiteKit(tmp_path_factory.mktemp("garbled") / "site")


def check_one(kit: SiteKit, rel: str, content: bytes) -> list[Problem]:
    for other in RECORDS:
        (kit.root / other).unlink(missing_ok=True)
    (kit.root / rel).write_bytes(content)
    problems = check_site(kit.root, NOW).problems
    for problem in problems:
        assert problem.line >= 1 and problem.column >= 1, problem
        assert problem.message.strip(), problem
        assert problem.format().startswith(f"{problem.path}:{problem.line}:{problem.column}: ")
    return problems


def assert_within(problems: list[Problem], rel: str, content: bytes) -> None:
    """Problems in a file that can be read point at one of its lines (or just after the end)."""
    try:
        lines = content.decode("utf-8").removeprefix("\ufeff").split("\n")
    except UnicodeDecodeError:
        return
    for problem in problems:
        if problem.path == rel:
            assert problem.line <= len(lines) + 1, (problem, len(lines))


YAMLISH = st.lists(
    st.sampled_from(
        [*"abc:-#'\"[]{}|>&*!%@`,?\t \n\r0129.", "---\n", "\ufeff", "title: ", "  - ", "\n  "]
    ),
    max_size=80,
).map("".join)


@EXAMPLES
@given(rel=st.sampled_from(sorted(RECORDS)), text=st.one_of(st.text(max_size=300), YAMLISH))
def test_random_text_never_breaks_the_checker(kit: SiteKit, rel: str, text: str) -> None:
    content = text.encode("utf-8", "surrogatepass")
    problems = check_one(kit, rel, content)
    assert any(p.path == rel for p in problems)  # nothing random is a valid record


@EXAMPLES
@given(rel=st.sampled_from(sorted(RECORDS)), text=YAMLISH)
def test_random_front_matter_never_breaks_the_checker(kit: SiteKit, rel: str, text: str) -> None:
    content = ("---\n" + text + "\n---\nBody.\n").encode("utf-8")
    check_one(kit, rel, content)


def mutate(lines: list[str], edits: list[tuple[str, int, str]]) -> list[str]:
    result = list(lines)
    for kind, position, extra in edits:
        if not result:
            result = [extra]
            continue
        index = position % len(result)
        if kind == "delete":
            del result[index]
        elif kind == "duplicate":
            result.insert(index, result[index])
        elif kind == "indent":
            result[index] = "  " + result[index]
        elif kind == "dedent":
            result[index] = result[index].lstrip()
        elif kind == "swap":
            other = (index + 1) % len(result)
            result[index], result[other] = result[other], result[index]
        elif kind == "insert":
            result.insert(index, extra)
        elif kind == "splice":
            cut = position % (len(result[index]) + 1)
            result[index] = result[index][:cut] + extra + result[index][cut:]
        elif kind == "value":
            name, colon, _ = result[index].partition(": ")
            result[index] = f"{name}{colon or ': '}{extra}"
        elif kind == "truncate":
            del result[index:]
    return result


EDITS = st.lists(
    st.tuples(
        st.sampled_from(
            [
                "delete",
                "duplicate",
                "indent",
                "dedent",
                "swap",
                "insert",
                "splice",
                "value",
                "truncate",
            ]
        ),
        st.integers(min_value=0, max_value=10_000),
        st.one_of(
            st.sampled_from(
                [
                    ":",
                    "- ",
                    "  - x",
                    "title:",
                    "'",
                    '"',
                    "[",
                    "{",
                    "\t",
                    "#",
                    "*a",
                    "&a",
                    "---",
                    "closse: 2027-01-01",
                    "2026-02-30",
                    "0001-01-01",
                    "9999-12-31",
                    "9999-12-31 23:59",
                    "2027-03-28 01:30",
                    "2026-10-25 01:30",
                    "2026-12-01T16:00:00-11:00",
                    "1000",
                    "-1",
                    "0",
                    "2026-13-01 10:00:00",
                    "!!int x",
                    "~",
                    "from: x",
                    "repeat:",
                    "\ufeff",
                    "&a [*a]",
                    "{a: 1}",
                    "[]",
                    "yes",
                    "12",
                    "1e3",
                ]
            ),
            st.text(max_size=12),
        ),
    ),
    min_size=1,
    max_size=4,
)


@EXAMPLES
@given(rel=st.sampled_from(sorted(RECORDS)), edits=EDITS)
def test_mutated_records_never_break_the_checker(
    kit: SiteKit, rel: str, edits: list[tuple[str, int, str]]
) -> None:
    lines = RECORDS[rel].split("\n")
    content = "\n".join(mutate(lines, edits)).encode("utf-8", "surrogatepass")
    problems = check_one(kit, rel, content)
    assert_within(problems, rel, content)


ODD_VALUES = [
    "2026-02-30",
    "2026-13-01 10:00:00",
    "2026-11-02 25:61",
    "!!int x",
    "!!float x",
    "!!bool maybe",
    "!!timestamp 2026-02-30",
    "!!binary x",
    "!!map x",
    "!!python/object:os.system x",
    "!custom x",
    "~",
    "",
    "&a [*a]",
    "{a: 1}",
    "[]",
    "[[[[[[]]]]]]",
    "yes",
    "0x1F",
    "1e999",
    ".nan",
    "-.inf",
    "12:30:00",
    "<<: {title: x}",
    "|\n  two\n  lines",
    ">-",
    "'unclosed",
    "@home",
    "% percent",
]


@EXAMPLES
@given(
    rel=st.sampled_from(sorted(RECORDS)),
    line=st.integers(min_value=0, max_value=100),
    value=st.one_of(st.sampled_from(ODD_VALUES), st.text(max_size=20)),
)
def test_any_value_replaced_by_anything_never_breaks_the_checker(
    kit: SiteKit, rel: str, line: int, value: str
) -> None:
    lines = RECORDS[rel].split("\n")
    with_values = [n for n, text in enumerate(lines) if ": " in text or text.endswith(":")]
    index = with_values[line % len(with_values)]
    name, _, _ = lines[index].partition(":")
    lines[index] = f"{name}: {value}"
    content = "\n".join(lines).encode("utf-8", "surrogatepass")
    problems = check_one(kit, rel, content)
    assert_within(problems, rel, content)


@EXAMPLES
@given(
    rel=st.sampled_from(sorted(RECORDS)),
    position=st.integers(min_value=0, max_value=10_000),
    junk=st.binary(min_size=1, max_size=8),
)
def test_random_bytes_in_a_record_never_break_the_checker(
    kit: SiteKit, rel: str, position: int, junk: bytes
) -> None:
    original = RECORDS[rel].encode("utf-8")
    cut = position % (len(original) + 1)
    content = original[:cut] + junk + original[cut:]
    problems = check_one(kit, rel, content)
    assert_within(problems, rel, content)


def every_prefix(text: str) -> Iterator[str]:
    for end in range(0, len(text) + 1, 7):
        yield text[:end]


@pytest.mark.parametrize("rel", sorted(RECORDS))
def test_a_record_cut_off_anywhere_never_breaks_the_checker(kit: SiteKit, rel: str) -> None:
    """Half-saved files: every prefix of a valid record."""
    for prefix in every_prefix(RECORDS[rel]):
        content = prefix.encode("utf-8")
        assert_within(check_one(kit, rel, content), rel, content)


def test_the_unmutated_records_are_valid(kit: SiteKit, tmp_path: Path) -> None:
    """The property tests start from valid records, so their problems come from the garbling."""
    for rel, text in RECORDS.items():
        assert check_one(kit, rel, text.encode("utf-8")) == [], rel
