"""The code is lint-clean and type-checked: ruff on the whole repository, mypy as configured.

Both run as the developers' guide says (``.venv/bin/ruff check``, ``.venv/bin/mypy``), with the
configuration in pyproject.toml: mypy is strict on ``localoffer.core``, ``export``, ``present``
and ``cli``. Any finding fails the test, and the findings are the failure message.
"""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def run(tool: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BIN / tool), *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def test_ruff_finds_nothing() -> None:
    done = run("ruff", "check", "--no-fix", "--output-format", "concise", ".")
    assert done.returncode == 0, done.stdout + done.stderr


def test_mypy_finds_nothing() -> None:
    done = run("mypy")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Success: no issues found" in done.stdout, done.stdout


def test_mypy_is_strict_where_the_guide_says() -> None:
    """The configuration cannot quietly get weaker: strict sections stay, nothing is ignored."""
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mypy"]
    assert config["packages"] == ["localoffer"]
    overrides = config.get("overrides", [])
    strict = {module for entry in overrides if entry.get("strict") for module in entry["module"]}
    assert {
        "localoffer.core.*",
        "localoffer.export.*",
        "localoffer.present.*",
        "localoffer.cli.*",
    } <= strict
    for entry in overrides:
        ours = [module for module in entry["module"] if module.startswith("localoffer")]
        assert not (ours and entry.get("ignore_errors")), entry
