"""The sample site's warnings are only those it shows on purpose, each explained in the editor
guide ("The sample site's warnings")."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
GUIDE = REPO / "docs" / "editor-guide.md"
WARNING = re.compile(r"^(?P<path>[^:]+):\d+:\d+: warning: (?P<message>.*)$")
KINDS = {
    "the outcome is overdue": "the outcome is overdue",
    "is not a tagged PDF": "not a tagged PDF",
    "is not done": "an action is overdue",
    "not reviewed for 12 months": "not reviewed for 12 months",
}


def documented() -> list[tuple[str, str]]:
    text = GUIDE.read_text(encoding="utf-8")
    section = text.split("### The sample site's warnings", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| `([^`]+)` \| ([^|]+) \|", section, flags=re.MULTILINE)
    return sorted((path, kind.strip()) for path, kind in rows)


def test_the_samples_warnings_are_exactly_those_the_guide_explains() -> None:
    env = {**os.environ, "LOCALOFFER_TODAY": "2026-12-06"}
    done = subprocess.run(
        [sys.executable, "-m", "localoffer.cli", "check"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    found = []
    for line in done.stdout.splitlines():
        match = WARNING.match(line)
        if match is None:
            continue
        kinds = [kind for words, kind in KINDS.items() if words in match["message"]]
        assert len(kinds) == 1, f"a warning the guide does not explain: {line}"
        found.append((match["path"], kinds[0]))
    assert sorted(found) == documented()
