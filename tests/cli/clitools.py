"""Running the real ``localoffer`` command in a subprocess, as editors and CI do.

The tiny sites come from ``tests/core/sitekit.py``, loaded by path: pytest runs in importlib
mode, so the ``core`` test package is not importable from here by name.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType

BIN = Path(sys.executable).parent
REPO = Path(__file__).resolve().parents[2]
TODAY = "2026-11-23"


def _load_sitekit() -> ModuleType:
    name = "localoffer_tests_sitekit"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, REPO / "tests" / "core" / "sitekit.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


sitekit = _load_sitekit()


def localoffer(
    *args: str | Path, cwd: Path, today: str | None = TODAY
) -> subprocess.CompletedProcess[str]:
    """``localoffer ARGS`` in ``cwd``, with ``LOCALOFFER_TODAY`` set to ``today`` (or unset)."""
    env = {key: value for key, value in os.environ.items() if key != "LOCALOFFER_TODAY"}
    if today is not None:
        env["LOCALOFFER_TODAY"] = today
    return subprocess.run(
        [str(BIN / "localoffer"), *map(str, args)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


#: What an editor writes in place of each placeholder of ``localoffer new``.
REAL_TEXTS = {
    "Venue name": "Anbury Library",
    "Street, Town": "1 High Street, Anbury",
    "Postcode": "AY1 1AA",
}


def fill_placeholders(path: Path) -> None:
    """Edit a file made by ``localoffer new`` as an editor would: every placeholder replaced."""
    from localoffer.core.placeholders import PLACEHOLDERS

    text = path.read_text(encoding="utf-8")
    for placeholders in PLACEHOLDERS.values():
        for placeholder in placeholders:
            real = REAL_TEXTS.get(placeholder.text, "Families told us what they needed here.")
            text = text.replace(placeholder.text, real)
    path.write_text(text, encoding="utf-8")
