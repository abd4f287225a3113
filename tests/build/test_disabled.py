"""`enabled: false` under the plugin's settings builds the content pages and nothing else."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_disabled_plugin_builds_content_only(tmp_path: Path) -> None:
    for part in ("mkdocs.yml", "content", "consultations", "events", "responses", "services"):
        source = REPO / part
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, tmp_path / part)
    config = tmp_path / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(
        text.replace("  - localoffer:\n", "  - localoffer:\n      enabled: false\n", 1),
        encoding="utf-8",
    )
    # A broken record would stop an enabled build; a disabled plugin does not read records.
    (tmp_path / "consultations" / "broken.md").write_text("---\nclosse: 2026-01-01\n---\n")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(tmp_path / "out")],
        cwd=tmp_path,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "index.html").is_file()
    assert not (tmp_path / "out" / "consultations").exists()
    assert not (tmp_path / "out" / "events" / "calendar.ics").exists()
