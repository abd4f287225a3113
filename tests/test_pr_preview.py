"""Pull-request previews: the workflows' own scripts, run for real.

The scripts are taken from .github/workflows/*.yml and run the way GitHub runs a ``run:`` step,
against a local bare repository standing in for GitHub (real git, real pushes), with stand-ins
only for ``gh`` (GitHub's API) and ``sleep``. tests/test_workflows.py checks where the steps are
and what they are given; tests/test_pr_preview_build.py builds the site for a preview address.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = ROOT / ".github" / "workflows"
REPOSITORY = "example/local-offer"
MARKER = "<!-- localoffer-preview -->"
GIT = shutil.which("git") or "git"


def step(workflow: str, job: str, name: str) -> dict[str, Any]:
    data = yaml.safe_load((WORKFLOWS / workflow).read_text(encoding="utf-8"))
    (found,) = [s for s in data["jobs"][job]["steps"] if s.get("name") == name]
    assert isinstance(found, dict)
    return found


def gh_pages_script() -> str:
    script: str = step("publish.yml", "deploy", "Put the site on the gh-pages branch")["run"]
    return script


def address_script() -> str:
    script: str = step("checks.yml", "site", "Work out the preview's address")["run"]
    return script


def comment_script() -> str:
    script: str = step("checks.yml", "preview", "Link to the preview in the pull request")["run"]
    return script


def executable(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return path


def run_step(
    script: str, env: dict[str, str], cwd: Path, bin_dir: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """Runs a step's script as GitHub does on Linux (bash -e -o pipefail)."""
    path = os.environ["PATH"] if bin_dir is None else f"{bin_dir}{os.pathsep}{os.environ['PATH']}"
    command = ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script]
    return subprocess.run(
        command,
        cwd=cwd,
        env={**os.environ, "PATH": path, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


# --- the gh-pages branch ---------------------------------------------------------------------


class Pages:
    """A bare repository standing in for GitHub, and a runner's folders around it."""

    def __init__(self, tmp: Path) -> None:
        self.tmp = tmp
        self.server = tmp / "server"
        self.bare = self.server / f"{REPOSITORY}.git"
        self.bare.parent.mkdir(parents=True)
        self.git("init", "-q", "--bare", str(self.bare))
        self.workspace = tmp / "workspace"
        self.workspace.mkdir()
        self.bin = tmp / "bin"
        self.bin.mkdir()
        # Attempts wait a few seconds between them on GitHub; not here.
        executable(self.bin / "sleep", "#!/bin/sh\nexit 0\n")
        (tmp / "home").mkdir()
        (tmp / "runner").mkdir()

    def env(self) -> dict[str, str]:
        return {
            "GITHUB_SERVER_URL": str(self.server),
            "GITHUB_REPOSITORY": REPOSITORY,
            "RUNNER_TEMP": str(self.tmp / "runner"),
            "HOME": str(self.tmp / "home"),
            "GIT_CONFIG_NOSYSTEM": "1",
            "GH_TOKEN": "",
        }

    def git(self, *args: str, cwd: Path | None = None) -> str:
        result = subprocess.run(
            [GIT, *args],
            cwd=cwd,
            env={**os.environ, "HOME": str(self.tmp / "home"), "GIT_CONFIG_NOSYSTEM": "1"},
            capture_output=True,
            text=True,
            check=True,
        )
        return result.stdout

    def built(self, name: str, files: dict[str, str]) -> str:
        """A built site in the workspace, as download-artifact leaves it."""
        folder = self.workspace / name
        for path, text in files.items():
            (folder / path).parent.mkdir(parents=True, exist_ok=True)
            (folder / path).write_text(text, encoding="utf-8")
        return name

    def deploy(self, folder: str, files: str, message: str = "test") -> str:
        env = {**self.env(), "FOLDER": folder, "FILES": files, "MESSAGE": message}
        result = run_step(gh_pages_script(), env, self.workspace, self.bin)
        assert result.returncode == 0, result.stdout + result.stderr
        return result.stdout

    def commits(self) -> int:
        if not self.git("--git-dir", str(self.bare), "branch", "--list", "gh-pages"):
            return 0
        count = self.git("--git-dir", str(self.bare), "rev-list", "--count", "gh-pages")
        return int(count)

    def branch(self) -> dict[str, str]:
        """Every file on the gh-pages branch, with its text."""
        git_dir = ("--git-dir", str(self.bare))
        names = self.git(*git_dir, "ls-tree", "-r", "--name-only", "gh-pages").split("\n")
        return {name: self.git(*git_dir, "show", f"gh-pages:{name}") for name in names if name}

    def seed(self, files: dict[str, str]) -> None:
        """Puts a gh-pages branch with these files on the server, as if made earlier."""
        clone = self.tmp / "seed"
        self.git("init", "-q", "-b", "gh-pages", str(clone))
        for path, text in files.items():
            (clone / path).parent.mkdir(parents=True, exist_ok=True)
            (clone / path).write_text(text, encoding="utf-8")
        self.git("add", "-A", cwd=clone)
        identity = ("-c", "user.name=Someone", "-c", "user.email=someone@example.org")
        self.git(*identity, "commit", "-q", "-m", "earlier", cwd=clone)
        self.git("push", "-q", str(self.bare), "gh-pages", cwd=clone)
        shutil.rmtree(clone)


@pytest.fixture
def pages(tmp_path: Path) -> Pages:
    return Pages(tmp_path)


def test_the_first_publication_makes_the_gh_pages_branch(pages: Pages) -> None:
    site = pages.built("site", {"index.html": "home", "events/index.html": "events"})
    pages.deploy(".", site)
    assert pages.branch() == {"index.html": "home", "events/index.html": "events", ".nojekyll": ""}
    assert pages.commits() == 1


def test_publishing_main_keeps_the_previews_and_the_custom_domain(pages: Pages) -> None:
    pages.seed(
        {
            "index.html": "old home",
            "old-page/index.html": "a page since deleted",
            "CNAME": "localoffer.anyshire.example\n",  # what GitHub adds for a custom domain
            "pr-preview/pr-3/index.html": "preview of 3",
            "pr-preview/pr-9/events/index.html": "preview of 9",
            ".nojekyll": "",
        }
    )
    site = pages.built("site", {"index.html": "new home", "feed.xml": "feed"})
    pages.deploy(".", site)
    assert pages.branch() == {
        "index.html": "new home",
        "feed.xml": "feed",
        "CNAME": "localoffer.anyshire.example\n",
        "pr-preview/pr-3/index.html": "preview of 3",
        "pr-preview/pr-9/events/index.html": "preview of 9",
        ".nojekyll": "",
    }
    assert pages.commits() == 2  # added on top: nothing is forced


def test_a_preview_goes_in_its_own_folder_and_replaces_the_last_one(pages: Pages) -> None:
    pages.seed({"index.html": "home", "pr-preview/pr-3/index.html": "preview of 3"})
    first = pages.built("first", {"index.html": "7, first push", "gone/index.html": "x"})
    pages.deploy("pr-preview/pr-7", first)
    second = pages.built("second", {"index.html": "7, second push"})
    pages.deploy("pr-preview/pr-7", second)
    assert pages.branch() == {
        "index.html": "home",
        "pr-preview/pr-3/index.html": "preview of 3",
        "pr-preview/pr-7/index.html": "7, second push",
        ".nojekyll": "",
    }


def test_closing_removes_only_that_preview(pages: Pages) -> None:
    pages.seed(
        {
            "index.html": "home",
            "pr-preview/pr-7/index.html": "preview of 7",
            "pr-preview/pr-8/index.html": "preview of 8",
            ".nojekyll": "",
        }
    )
    pages.deploy("pr-preview/pr-7", "")
    assert pages.branch() == {
        "index.html": "home",
        "pr-preview/pr-8/index.html": "preview of 8",
        ".nojekyll": "",
    }
    # Closing again (reopened and closed, or a preview never published) changes nothing.
    output = pages.deploy("pr-preview/pr-7", "")
    assert "nothing to change" in output
    assert pages.commits() == 2


def test_the_same_files_again_make_no_commit(pages: Pages) -> None:
    site = pages.built("site", {"index.html": "home"})
    pages.deploy(".", site)
    output = pages.deploy(".", site)
    assert "nothing to change" in output
    assert pages.commits() == 1


def test_a_push_that_loses_a_race_starts_again_on_top_of_the_other(pages: Pages) -> None:
    # Between this run's fetch and its push, another run (a preview) pushes to gh-pages. The
    # stand-in git does that just before the first push, which GitHub then refuses.
    pages.seed({"index.html": "old home", ".nojekyll": ""})
    other = pages.tmp / "other"
    pages.git("clone", "-q", "-b", "gh-pages", str(pages.bare), str(other))
    (other / "pr-preview" / "pr-5").mkdir(parents=True)
    (other / "pr-preview" / "pr-5" / "index.html").write_text("preview of 5", encoding="utf-8")
    pages.git("add", "-A", cwd=other)
    identity = ("-c", "user.name=Other", "-c", "user.email=other@example.org")
    pages.git(*identity, "commit", "-q", "-m", "preview of 5", cwd=other)
    flag = pages.tmp / "raced"
    executable(
        pages.bin / "git",
        f"""#!/bin/bash
if [[ $1 == push && ! -e {flag} ]]; then
  touch {flag}
  (cd {other} && HOME={pages.tmp / "home"} {GIT} push -q origin gh-pages) || exit 99
fi
exec {GIT} "$@"
""",
    )
    site = pages.built("site", {"index.html": "new home"})
    output = pages.deploy(".", site)
    assert flag.exists()
    assert "trying again" in output
    assert pages.branch() == {
        "index.html": "new home",
        "pr-preview/pr-5/index.html": "preview of 5",
        ".nojekyll": "",
    }
    assert pages.commits() == 3  # earlier, the other run's, this one's


@pytest.mark.parametrize("folder", ["", "pr-preview", "pr-preview/pr-", "../elsewhere", "/"])
def test_nothing_but_the_top_or_a_preview_folder_is_touched(pages: Pages, folder: str) -> None:
    pages.seed({"index.html": "home"})
    env = {**pages.env(), "FOLDER": folder, "FILES": "", "MESSAGE": "test"}
    result = run_step(gh_pages_script(), env, pages.workspace, pages.bin)
    assert result.returncode == 1
    assert "::error::FOLDER must be . or pr-preview/pr-<number>" in result.stdout
    assert pages.commits() == 1


def test_the_token_goes_in_a_header_and_is_masked(pages: Pages) -> None:
    pages.seed({"index.html": "home"})
    site = pages.built("site", {"index.html": "new"})
    env = {**pages.env(), "GH_TOKEN": "secret-token", "FOLDER": ".", "FILES": site}
    result = run_step(gh_pages_script(), {**env, "MESSAGE": "m"}, pages.workspace, pages.bin)
    assert result.returncode == 0, result.stderr
    masked = "eC1hY2Nlc3MtdG9rZW46c2VjcmV0LXRva2Vu"  # base64 of x-access-token:secret-token
    assert f"::add-mask::{masked}" in result.stdout
    config = (pages.tmp / "runner" / "gh-pages" / ".git" / "config").read_text(encoding="utf-8")
    assert f"extraheader = AUTHORIZATION: basic {masked}" in config
    assert "secret-token" not in config


# --- the preview's address -------------------------------------------------------------------


def fake_gh_pages_api(bin_dir: Path, html_url: str | None) -> None:
    """``gh api repos/OWNER/NAME/pages --jq .html_url``: the site's address, or a failure."""
    answer = f"echo {html_url}" if html_url else "echo 'gh: Not Found (HTTP 404)' >&2; exit 1"
    executable(
        bin_dir / "gh",
        "#!/bin/bash\n"
        f'[[ "$*" == "api repos/$REPOSITORY/pages --jq .html_url" ]] || exit 9\n{answer}\n',
    )


def work_out_address(
    tmp_path: Path,
    html_url: str | None,
    *,
    repository: str = REPOSITORY,
    head: str | None = None,
    actor: str = "an-editor",
    previews: str = "",
) -> tuple[subprocess.CompletedProcess[str], dict[str, str], str]:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake_gh_pages_api(bin_dir, html_url)
    output, github_env = tmp_path / "output", tmp_path / "env"
    output.write_text("", encoding="utf-8")
    github_env.write_text("", encoding="utf-8")
    env = {
        "GH_TOKEN": "t",
        "REPOSITORY": repository,
        "HEAD_REPOSITORY": repository if head is None else head,
        "ACTOR": actor,
        "NUMBER": "7",
        "PREVIEWS": previews,
        "GITHUB_OUTPUT": str(output),
        "GITHUB_ENV": str(github_env),
    }
    result = run_step(address_script(), env, tmp_path, bin_dir)
    assert result.returncode == 0, result.stdout + result.stderr
    outputs = dict(line.split("=", 1) for line in output.read_text(encoding="utf-8").split())
    return result, outputs, github_env.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("html_url", "repository", "expected"),
    [
        # GitHub Pages not set up yet: the usual github.io address.
        (None, REPOSITORY, "https://example.github.io/local-offer/pr-preview/pr-7/"),
        (None, "Example/Local-Offer", "https://example.github.io/Local-Offer/pr-preview/pr-7/"),
        (None, "example/example.github.io", "https://example.github.io/pr-preview/pr-7/"),
        # What GitHub says the site's address is, custom domain included.
        (
            "https://example.github.io/local-offer/",
            REPOSITORY,
            "https://example.github.io/local-offer/pr-preview/pr-7/",
        ),
        (
            "https://localoffer.anyshire.example",
            REPOSITORY,
            "https://localoffer.anyshire.example/pr-preview/pr-7/",
        ),
    ],
)
def test_the_preview_address_comes_from_the_pull_request_number(
    tmp_path: Path, html_url: str | None, repository: str, expected: str
) -> None:
    result, outputs, github_env = work_out_address(
        tmp_path, html_url, repository=repository, previews="on"
    )
    assert outputs == {"publish": "true", "url": expected}
    assert github_env == f"SITE_URL={expected}\n"
    assert f"The preview will be at {expected}" in result.stdout


@pytest.mark.parametrize(
    ("head", "actor", "previews", "why"),
    [
        (
            "someone/local-offer",
            "someone",
            "",
            "it comes from another repository (someone/local-offer), and runs for it cannot "
            "write here",
        ),
        ("", "someone", "", "it comes from another repository (since deleted)"),
        (REPOSITORY, "dependabot[bot]", "", "it was started by Dependabot"),
        (REPOSITORY, "an-editor", "off", "previews are turned off"),
        (REPOSITORY, "an-editor", "Off", "previews are turned off"),
    ],
)
def test_no_preview_when_the_token_can_only_read_or_previews_are_off(
    tmp_path: Path, head: str, actor: str, previews: str, why: str
) -> None:
    result, outputs, github_env = work_out_address(
        tmp_path, None, head=head, actor=actor, previews=previews
    )
    assert outputs == {"publish": "false"}
    assert github_env == ""  # built for the public address, as before
    assert f"::notice::No preview for this pull request: {why}" in result.stdout
    assert 'Download "site-preview"' in result.stdout


# --- the comment with the link ---------------------------------------------------------------

FAKE_GH = """\
import json, os, subprocess, sys
args = sys.argv[1:]
with open(os.environ["GH_LOG"], "a", encoding="utf-8") as log:
    log.write(json.dumps(args) + "\\n")
if args[:2] == ["api", "--paginate"]:
    assert args[2] == "repos/example/local-offer/issues/7/comments", args
    assert args[3] == "--jq", args
    # gh's --jq works as jq -r does
    sys.exit(subprocess.run(["jq", "-r", args[4], os.environ["GH_COMMENTS"]]).returncode)
print("{}")
"""


def comment(tmp_path: Path, comments: list[dict[str, Any]], create: str) -> list[list[str]]:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(parents=True)
    executable(bin_dir / "gh", f"#!{sys.executable}\n{FAKE_GH}")
    (tmp_path / "comments.json").write_text(json.dumps(comments), encoding="utf-8")
    log = tmp_path / "gh.log"
    env = {
        "GH_TOKEN": "t",
        "GITHUB_REPOSITORY": REPOSITORY,
        "NUMBER": "7",
        "CREATE": create,
        "TEXT": "**[Preview this pull request](https://x.example/pr-preview/pr-7/)**\n",
        "GH_LOG": str(log),
        "GH_COMMENTS": str(tmp_path / "comments.json"),
    }
    result = run_step(comment_script(), env, tmp_path, bin_dir)
    assert result.returncode == 0, result.stdout + result.stderr
    calls = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    assert calls[0][:2] == ["api", "--paginate"]
    return calls[1:]


BODY = f"{MARKER}\n**[Preview this pull request](https://x.example/pr-preview/pr-7/)**\n"
BOT = {"login": "github-actions[bot]"}
OTHERS = [
    {"id": 1, "user": {"login": "alice"}, "body": f"{MARKER} quoting the bot"},
    {"id": 2, "user": BOT, "body": "another bot comment"},
]


@pytest.mark.skipif(shutil.which("jq") is None, reason="needs jq, as GitHub's runners have")
def test_the_first_push_adds_the_comment(tmp_path: Path) -> None:
    calls = comment(tmp_path, OTHERS, "true")
    assert calls == [
        [
            "api",
            "--method",
            "POST",
            "repos/example/local-offer/issues/7/comments",
            "-f",
            f"body={BODY}",
        ]
    ]


@pytest.mark.skipif(shutil.which("jq") is None, reason="needs jq, as GitHub's runners have")
def test_later_pushes_change_the_same_comment(tmp_path: Path) -> None:
    ours = [{"id": 3, "user": BOT, "body": f"{MARKER}\nan earlier link"}]
    calls = comment(tmp_path, OTHERS + ours, "true")
    assert calls == [
        [
            "api",
            "--method",
            "PATCH",
            "repos/example/local-offer/issues/comments/3",
            "-f",
            f"body={BODY}",
        ]
    ]


@pytest.mark.skipif(shutil.which("jq") is None, reason="needs jq, as GitHub's runners have")
def test_closing_changes_the_comment_but_never_adds_one(tmp_path: Path) -> None:
    assert comment(tmp_path / "a", OTHERS, "false") == []
    ours = [{"id": 4, "user": BOT, "body": f"{MARKER}\nthe link"}]
    (calls,) = comment(tmp_path / "b", ours, "false")
    assert calls[:4] == ["api", "--method", "PATCH", "repos/example/local-offer/issues/comments/4"]
