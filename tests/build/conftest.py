"""A build of the sample site, shared by the tests in this folder."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
TODAY = "2026-11-23"
SITE_PARTS = ("mkdocs.yml", "content", "consultations", "events", "responses", "services")


def copy_sample(target: Path) -> Path:
    for part in SITE_PARTS:
        source = REPO / part
        if source.is_dir():
            shutil.copytree(source, target / part)
        else:
            shutil.copy2(source, target / part)
    return target


def mkdocs(
    site: Path, *args: str, today: str = TODAY, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "LOCALOFFER_TODAY": today, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", *args],
        cwd=site,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


@pytest.fixture(scope="session")
def sample_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample site, built once at a fixed date. Returns the output folder."""
    site = copy_sample(tmp_path_factory.mktemp("sample"))
    result = mkdocs(site, "build", "--strict", "-d", str(site / "out"))
    assert result.returncode == 0, result.stdout + result.stderr
    return site / "out"
