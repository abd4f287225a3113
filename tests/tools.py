"""What a test does when a tool it needs (Chromium, Java, Node and its packages) is missing.

The README's test command (``scripts/test``) installs every one of them, so a missing tool is a
broken setup, never a reason to skip: the test fails, saying what to install. No test is skipped,
in CI or anywhere else.
"""

from __future__ import annotations

from typing import NoReturn

import pytest


def missing_tool(what: str, install: str) -> NoReturn:
    """Fail the test: ``what`` is not installed; ``install`` says how to install it."""
    pytest.fail(f"{what} is not installed: {install}", pytrace=False)
