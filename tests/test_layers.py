"""The layers point down only: the core imports nothing from the layers above it.

``mkdocs/`` → ``plan/`` → ``export/`` → ``core/``, with ``present/`` for wording. The core knows
nothing of pages, feeds, wording or MkDocs, so that ``localoffer check`` and every other layer
can rely on it alone. Read from the source with ``ast``, imports inside functions included.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "plugins" / "localoffer"
ABOVE_CORE = ("export", "plan", "mkdocs", "present", "cli")


def imported_modules(path: Path, text: str | None = None) -> list[tuple[int, str]]:
    """Every module ``path`` imports, absolute, with its line (relative imports resolved).

    ``text`` stands in for the file's own text (its place in the package still counts).
    """
    if text is None:
        text = path.read_text(encoding="utf-8")
    tree = ast.parse(text, filename=str(path))
    package = ["localoffer", *path.relative_to(PACKAGE).parent.parts]
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            found.append((node.lineno, module))
            # ``from localoffer import present`` imports the layer itself.
            found.extend((node.lineno, f"{module}.{alias.name}") for alias in node.names)
    return found


def violations(folder: str, forbidden: tuple[str, ...]) -> list[str]:
    bad = []
    for path in sorted((PACKAGE / folder).rglob("*.py")):
        for line, module in imported_modules(path):
            parts = module.split(".")
            if len(parts) >= 2 and parts[0] == "localoffer" and parts[1] in forbidden:
                bad.append(f"{path.relative_to(PACKAGE)}:{line}: imports {module}")
    return bad


def test_core_imports_no_layer_above_it() -> None:
    assert violations("core", ABOVE_CORE) == []


def test_core_does_not_import_present() -> None:
    """Dates in the checker's messages come from ``core/wording.py``, not from ``present/``."""
    assert violations("core", ("present",)) == []


def test_the_check_sees_imports_inside_functions_and_relative_ones() -> None:
    """The import reader finds every form, so the tests above cannot pass by missing one."""
    text = (
        "import localoffer.plan.model\n"
        "from localoffer import present\n"
        "def f():\n"
        "    from ...present.dates import govuk_date\n"
        "from ..site import Site\n"
    )
    modules = [module for _, module in imported_modules(PACKAGE / "core" / "rules" / "x.py", text)]
    assert "localoffer.plan.model" in modules
    assert "localoffer.present" in modules
    assert "localoffer.present.dates" in modules
    assert "localoffer.core.site" in modules
