"""Publishing, as the workflows and editors rely on it, driven through the real commands.

Each test works on a copy of the sample site in a temporary folder and runs `mkdocs` and
`localoffer` in subprocesses, as GitHub Actions does.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema.validators import validator_for  # type: ignore[import-untyped]

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
SITE_PARTS = ("mkdocs.yml", "content", "consultations", "events", "responses", "services")
TODAY = "2026-11-23"
SOURCE_DATE_EPOCH = "1795392000"  # 2026-11-23 00:00 UTC

# A consultation that is right in every way except a misspelt field on line 5.
BROKEN_ID = "home-to-school-transport-2027"
BROKEN_LINE = 5
BROKEN_RECORD = """\
---
title: Home to school transport policy 2027
summary: We want to hear what you think about our plans for home to school transport.
opens: 2026-11-02
closse: 2026-12-18
audiences: [parents-carers, young-people]
topics: [transport]
lead: SEND Transport Team
contact: send.transport@anyshire.example
respond:
  - online: https://consult.anyshire.example/transport-2027
---

We are proposing changes to how we arrange transport to school and college.
"""


def copy_site(dest: Path) -> Path:
    """Copies the sample site (configuration, content and records) into dest."""
    dest.mkdir(parents=True)
    for part in SITE_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, dest / part)
        elif source.is_file():
            shutil.copy2(source, dest / part)
        else:  # an empty records folder is not kept by git
            (dest / part).mkdir()
    return dest


def add_broken_consultation(site: Path) -> Path:
    record = site / "consultations" / f"{BROKEN_ID}.md"
    record.write_text(BROKEN_RECORD, encoding="utf-8")
    assert BROKEN_RECORD.splitlines()[BROKEN_LINE - 1].startswith("closse:")
    return record


def run(command: str, *args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "LOCALOFFER_TODAY": TODAY, "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH}
    return subprocess.run(
        [str(BIN / command), *map(str, args)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )


def output(result: subprocess.CompletedProcess[str]) -> str:
    return (
        f"exit status {result.returncode}\n--- stdout\n{result.stdout}\n--- stderr\n{result.stderr}"
    )


def files_in(folder: Path) -> dict[str, Path]:
    return {p.relative_to(folder).as_posix(): p for p in sorted(folder.rglob("*")) if p.is_file()}


def first_difference(a: bytes, b: bytes) -> str:
    at = next(
        (i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b))
    )
    start = max(0, at - 60)
    return f"at byte {at}: {a[start : at + 60]!r} != {b[start : at + 60]!r}"


def describe(label: str, names: Iterable[str], limit: int = 10) -> list[str]:
    names = sorted(names)
    if not names:
        return []
    more = f" (and {len(names) - limit} more)" if len(names) > limit else ""
    return [f"{label}: {', '.join(names[:limit])}{more}"]


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The sample site built twice, from two copies in different folders into two folders."""
    built = []
    for name in ("first", "second"):
        base = tmp_path_factory.mktemp(name)
        source = copy_site(base / "source")
        site = base / "site"
        result = run("mkdocs", "build", "--site-dir", site, cwd=source)
        assert result.returncode == 0, output(result)
        built.append(site)
    return built[0], built[1]


@pytest.mark.slow
def test_builds_are_reproducible(two_builds: tuple[Path, Path]) -> None:
    first, second = (files_in(site) for site in two_builds)
    assert "index.html" in first
    differing = [
        name
        for name in sorted(first.keys() & second.keys())
        if first[name].read_bytes() != second[name].read_bytes()
    ]
    problems = [
        *describe("only in the first build", first.keys() - second.keys()),
        *describe("only in the second build", second.keys() - first.keys()),
        *describe("different bytes", differing),
    ]
    if differing:
        name = differing[0]
        problems.append(
            f"{name} {first_difference(first[name].read_bytes(), second[name].read_bytes())}"
        )
    assert not problems, "two builds of the same site differ:\n" + "\n".join(problems)


def snapshot(folder: Path) -> dict[str, tuple[bytes, int] | None]:
    """Every file's bytes and modification time, and every folder (as None)."""
    state: dict[str, tuple[bytes, int] | None] = {}
    for path in sorted(folder.rglob("*")):
        name = path.relative_to(folder).as_posix()
        state[name] = (path.read_bytes(), path.stat().st_mtime_ns) if path.is_file() else None
    return state


@pytest.mark.slow
def test_a_failed_build_leaves_the_published_folder_untouched(
    two_builds: tuple[Path, Path], tmp_path: Path
) -> None:
    site = tmp_path / "site"
    shutil.copytree(two_builds[0], site)
    before = snapshot(site)
    source = copy_site(tmp_path / "source")
    add_broken_consultation(source)

    result = run("mkdocs", "build", "--site-dir", site, cwd=source)

    assert result.returncode != 0, output(result)
    message = re.search(
        rf"(?<![\w/.-])consultations/{BROKEN_ID}\.md:{BROKEN_LINE}:\d+: error: (.*)",
        result.stdout + result.stderr,
    )
    assert message, output(result)
    assert "closse" in message[1] and "closes" in message[1], message[0]
    after = snapshot(site)
    changed = [n for n in before.keys() & after.keys() if before[n] != after[n]]
    problems = [
        *describe("removed", before.keys() - after.keys()),
        *describe("added", after.keys() - before.keys()),
        *describe("changed (bytes or modification time)", changed),
    ]
    assert not problems, "the failed build touched the site folder:\n" + "\n".join(problems)


def github_annotations(text: str) -> list[tuple[str, dict[str, str], str]]:
    """GitHub Actions workflow commands: (level, properties, message)."""
    found = []
    for line in text.splitlines():
        match = re.fullmatch(r"::(error|warning|notice)(?: (.*?))?::(.*)", line)
        if match:
            properties = dict(p.split("=", 1) for p in (match[2] or "").split(",") if p)
            found.append((match[1], properties, match[3]))
    return found


def test_check_annotates_the_line_for_github(tmp_path: Path) -> None:
    source = copy_site(tmp_path / "source")
    add_broken_consultation(source)

    result = run("localoffer", "check", "--format", "github", cwd=source)

    assert result.returncode == 1, output(result)
    on_the_line = [
        message
        for level, properties, message in github_annotations(result.stdout + result.stderr)
        if level == "error"
        and properties.get("file") == f"consultations/{BROKEN_ID}.md"
        and properties.get("line") == str(BROKEN_LINE)
    ]
    assert any("closse" in message for message in on_the_line), output(result)


def test_check_requires_site_url(tmp_path: Path) -> None:
    source = copy_site(tmp_path / "source")
    result = run("localoffer", "check", cwd=source)
    assert result.returncode == 0, output(result)

    config = source / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    without = re.sub(r"(?m)^site_url:.*\n", "", text)
    assert without != text
    config.write_text(without, encoding="utf-8")

    result = run("localoffer", "check", cwd=source)

    assert result.returncode == 1, output(result)
    assert re.search(
        r"(?m)^mkdocs\.yml:\d+:\d+: error: .*site_url", result.stdout + result.stderr
    ), output(result)


class TextDatesLoader(yaml.SafeLoader):
    """Reads YAML as editors' YAML tools do against a JSON Schema: dates stay strings."""


TextDatesLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def test_vscode_autocompletion_schema_fits_the_feedback_rounds(tmp_path: Path) -> None:
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    assert settings["yaml.schemas"] == {"schemas/feedback.schema.json": "responses/**/*.yml"}
    recommended = json.loads((ROOT / ".vscode" / "extensions.json").read_text(encoding="utf-8"))
    assert "redhat.vscode-yaml" in recommended["recommendations"]

    source = copy_site(tmp_path / "source")
    result = run("localoffer", "schema", cwd=source)
    assert result.returncode == 0, output(result)
    for kind in ("consultation", "event", "feedback"):
        assert (source / "schemas" / f"{kind}.schema.json").is_file(), output(result)

    schema = json.loads((source / "schemas" / "feedback.schema.json").read_text(encoding="utf-8"))
    validator_class: Any = validator_for(schema)
    validator_class.check_schema(schema)
    validator = validator_class(schema)
    rounds = sorted((source / "responses").glob("**/*.yml"))
    assert rounds, "the sample site has no feedback rounds to try the schema on"
    for path in rounds:
        record = yaml.load(path.read_text(encoding="utf-8"), Loader=TextDatesLoader)
        errors = [e.message for e in validator.iter_errors(record)]
        assert not errors, f"{path.name}: {errors}"
        # A misspelt field gets a squiggle in the editor, as it gets an error from the checker.
        assert not validator.is_valid({**record, "sorce": record["source"]}), path.name
