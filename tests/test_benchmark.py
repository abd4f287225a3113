"""The performance benchmark itself works: a small run (scale 0.02) end to end.

Timings live in the benchmark (benchmarks/README.md), never in tests: these tests only prove
that the archive generator writes a valid, deterministic site and that every measure is taken.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent
BENCHMARKS = REPO / "benchmarks"
SCALE = 0.02

sys.path.insert(0, str(BENCHMARKS))
import corpus  # noqa: E402

pytestmark = pytest.mark.slow


def env() -> dict[str, str]:
    return {**os.environ, "LOCALOFFER_TODAY": corpus.TODAY.isoformat(), "NO_MKDOCS_2_WARNING": "1"}


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    base = tmp_path_factory.mktemp("benchmark")
    out, work = base / "out", base / "work"
    result = subprocess.run(
        [
            sys.executable,
            str(BENCHMARKS / "run.py"),
            "--scale",
            str(SCALE),
            "--doubling",
            "--out",
            str(out),
            "--workdir",
            str(work),
            "--timeout",
            "600",
        ],
        capture_output=True,
        text=True,
        env=env(),
        timeout=1200,
        check=False,
    )
    return {"result": result, "out": out, "work": work}


def test_the_benchmark_runs_every_step(run: dict[str, Any]) -> None:
    result = run["result"]
    assert result.returncode == 0, result.stdout + result.stderr


def test_it_prints_the_table(run: dict[str, Any]) -> None:
    table = run["result"].stdout
    for row in (
        "localoffer check",
        "cold mkdocs build",
        "cached build after 1 edit",
        "  against plain",
        "serve: rebuild after 1 edit",
        "cold build at 2x scale",
        "peak memory (max RSS of a process)",
        "output size",
        "search index",
        "/events/index.html",
    ):
        assert row in table
    assert "scale 0.02: 30 consultations, 240 events" in table
    assert "10 feedback rounds (150 comments), 60 services (" in table
    assert "failed" not in table


def test_the_json_has_every_measure(run: dict[str, Any]) -> None:
    report = json.loads((run["out"] / "benchmark-scale-0.02.json").read_text(encoding="utf-8"))
    assert report["ok"] is True
    missing = [name for name, value in report["measures"].items() if value is None]
    assert missing == []
    for name, target in report["targets"].items():
        assert isinstance(target["value"], float | int), name
        assert target["met"] in (True, False), name
    steps = report["steps"]
    assert set(steps) == {
        "check",
        "cold_build",
        "build_after_edit",
        "serve_rebuild",
        "plain_build",
        "bare_build",
        "check_2x",
        "cold_build_2x",
        "plain_build_2x",
        "bare_build_2x",
    }
    assert all(step["returncode"] == 0 and step["max_rss_mb"] > 0 for step in steps.values())
    serve = steps["serve_rebuild"]["extra"]
    assert serve["initial"] > 0 and len(serve["rebuilds"]) == 2
    measures = report["measures"]
    # The record pages are really built, on both sides.
    records = report["corpus"]["consultations"] + report["corpus"]["events"]
    assert measures["html_pages"] > records
    assert measures["plain_html_pages"] >= records + report["corpus"]["feedback_rounds"]
    assert report["corpus_2x"]["events"] == 2 * report["corpus"]["events"]
    # The bare baseline is stock mkdocs-material over the plain site's pages.
    bare = yaml.safe_load((run["work"] / "bare" / "mkdocs.yml").read_text(encoding="utf-8"))
    assert bare["theme"] == {"name": "material"} and "markdown_extensions" not in bare
    assert Path(bare["docs_dir"]) == (run["work"] / "plain" / "docs").resolve()
    assert (run["work"] / "bare-site" / "events").is_dir()
    # The rebuild after the edit had the cold build's cache to use.
    assert (run["work"] / "archive" / ".cache" / "localoffer" / "index.json").is_file()


def test_the_generated_archive_passes_the_checker(run: dict[str, Any]) -> None:
    site = run["work"] / "archive"
    result = subprocess.run(
        [sys.executable, "-m", "localoffer.cli", "check"],
        cwd=site,
        capture_output=True,
        text=True,
        env=env(),
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 errors" in result.stdout + result.stderr
    # The build published what the benchmark measures.
    built = run["work"] / "site"
    assert (built / "events" / "index.html").is_file()
    assert (built / "search" / "search_index.json").is_file()


def test_the_archive_is_deterministic_and_shaped_like_a_county(tmp_path: Path) -> None:
    first = corpus.generate(tmp_path / "a", SCALE, plain=tmp_path / "a-plain")
    corpus.generate(tmp_path / "b", SCALE, plain=tmp_path / "b-plain")
    for name in ("a", "a-plain"):
        other = name.replace("a", "b", 1)
        files = sorted(p.relative_to(tmp_path / name) for p in (tmp_path / name).rglob("*"))
        assert files == sorted(
            p.relative_to(tmp_path / other) for p in (tmp_path / other).rglob("*")
        )
        for rel in files:
            path = tmp_path / name / rel
            if path.is_file():
                assert path.read_bytes() == (tmp_path / other / rel).read_bytes(), rel
    assert set(first.statuses) == {"upcoming", "open", "closed", "withdrawn", "outcome"}
    assert (first.consultations, first.events, first.feedback_rounds) == (30, 240, 10)
    assert first.services == 60 and 0 < first.services_overdue < first.services
    assert 0.05 * first.events <= first.weekly_series <= 0.15 * first.events
    assert first.comments == 15 * first.feedback_rounds
    records = first.consultations + first.events + first.feedback_rounds + first.services
    assert first.plain_pages == records + 5  # the home page and four register pages
    assert len(list((tmp_path / "a-plain" / "docs").rglob("*.md"))) == first.plain_pages
