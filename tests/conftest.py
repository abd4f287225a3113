"""Fixtures shared by every test folder.

One Chromium serves the whole run: Playwright's sync API allows a single instance per process,
so the browser tests of tests/browser, tests/consultations, tests/events and tests/feedback all
use this session fixture. The harness itself (building and serving sites, axe-core, the Nu Html
Checker) is tests/browser/conftest.py.
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

HARNESS_NAME = "localoffer_tests_browser_harness"


def browser_harness() -> Any:
    """tests/browser/conftest.py as a module, loaded once by path (tests run in importlib mode)."""
    if HARNESS_NAME in sys.modules:
        return sys.modules[HARNESS_NAME]
    path = Path(__file__).resolve().parent / "browser" / "conftest.py"
    spec = importlib.util.spec_from_file_location(HARNESS_NAME, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[HARNESS_NAME] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    yield from browser_harness().launch_browser()
