"""Every presentation filter, by the name templates use.

Each module in this package that offers filters exports ``FILTERS`` (name → function); they are
collected here, so adding a filter is adding a module (with its own test).
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from typing import Any

import localoffer.present as package


def collect() -> dict[str, Callable[..., Any]]:
    found: dict[str, Callable[..., Any]] = {}
    for module_info in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
        if module_info.name == "filters":
            continue
        module = importlib.import_module(f"{package.__name__}.{module_info.name}")
        found.update(getattr(module, "FILTERS", {}))
    return found


FILTERS: dict[str, Callable[..., Any]] = collect()
