"""The harness's rule for a missing tool: the test fails, never skips, and says how to install."""

from __future__ import annotations

import pytest

from .conftest import unavailable


@pytest.mark.parametrize("ci", [None, "true"])
def test_a_missing_tool_fails_with_install_instructions_in_ci_and_outside(
    monkeypatch: pytest.MonkeyPatch, ci: str | None
) -> None:
    if ci is None:
        monkeypatch.delenv("CI", raising=False)
    else:
        monkeypatch.setenv("CI", ci)
    with pytest.raises(pytest.fail.Exception) as info:
        unavailable("Chromium (/usr/bin/chromium)")
    assert "Chromium (/usr/bin/chromium) is not installed" in str(info.value)
    assert "scripts/setup --test" in str(info.value)
    assert "apt-get install chromium default-jre-headless" in str(info.value)
