"""Hypothesis fuzzing: garbled record files never crash ``localoffer check``.

For each kind of record: random bytes, a valid record cut short, and random characters put
into a valid record. The real ``check`` command runs in-process (``main``); it must exit 1
with every error line as ``PATH:LINE(:COLUMN)?: error:``, or exit 0 when the file is still
valid, and never show a traceback or a fault in localoffer.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from localoffer.cli.main import main

from cli.clitools import TODAY, sitekit

KINDS = {
    "consultations/fuzzed.md": sitekit.CONSULTATION,
    "events/fuzzed.md": sitekit.EVENT,
    "responses/fuzzed.yml": sitekit.FEEDBACK,
}
LINE = re.compile(r"^[^:]+:\d+(:\d+)?: (error|warning): .+$")
FUZZ = settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


def run_check(root: Path, rel: str, data: bytes, capsys: pytest.CaptureFixture[str]) -> None:
    (root / rel).write_bytes(data)
    capsys.readouterr()
    code = main(["check", "--site", str(root), "--today", TODAY])
    out, err = capsys.readouterr()
    assert code in (0, 1), (code, out, err)
    assert "Traceback" not in out + err
    assert "fault in localoffer" not in out
    lines = [line for line in out.splitlines() if line.strip()]
    assert all(LINE.match(line) for line in lines), lines
    errors = [line for line in lines if ": error: " in line]
    assert (code == 1) == bool(errors), (code, errors)
    assert all(line.startswith(rel + ":") for line in errors), errors


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return sitekit.SiteKit(tmp_path / "site").root  # type: ignore[no-any-return]


@pytest.mark.parametrize("rel", sorted(KINDS))
@FUZZ
@given(data=st.binary(max_size=400))
def test_random_bytes(
    root: Path, rel: str, data: bytes, capsys: pytest.CaptureFixture[str]
) -> None:
    run_check(root, rel, data, capsys)


@pytest.mark.parametrize("rel", sorted(KINDS))
@FUZZ
@given(cut=st.integers(min_value=0, max_value=2000))
def test_truncated_records(
    root: Path, rel: str, cut: int, capsys: pytest.CaptureFixture[str]
) -> None:
    raw = KINDS[rel].encode("utf-8")
    run_check(root, rel, raw[: cut % (len(raw) + 1)], capsys)


@pytest.mark.parametrize("rel", sorted(KINDS))
@FUZZ
@given(at=st.integers(min_value=0, max_value=2000), extra=st.text(min_size=1, max_size=8))
def test_random_unicode_inserted(
    root: Path, rel: str, at: int, extra: str, capsys: pytest.CaptureFixture[str]
) -> None:
    text = KINDS[rel]
    where = at % (len(text) + 1)
    run_check(root, rel, (text[:where] + extra + text[where:]).encode("utf-8", "replace"), capsys)
