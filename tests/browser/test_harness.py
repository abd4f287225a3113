"""The harness's skip rule: browser tests may skip only outside CI, and say how to install."""

from __future__ import annotations

import pytest

from .conftest import unavailable


def test_missing_tool_skips_outside_ci_with_install_instructions(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception) as info:
        unavailable("Chromium (/usr/bin/chromium)")
    assert "scripts/setup --test" in str(info.value)
    assert "apt-get install chromium default-jre-headless" in str(info.value)


def test_missing_tool_fails_in_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception) as info:
        unavailable("Java")
    assert "CI is set" in str(info.value)
