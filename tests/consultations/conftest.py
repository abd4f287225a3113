"""Fixtures for the consultation tests: the fixture site and the sample site, each built once."""

from __future__ import annotations

import pytest

from .fixture_site import REPO, Built, build, write_site

# The browser tests in this package use the run's one Chromium, the `browser` fixture of
# tests/conftest.py.


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The fixture site (fixture_site.py) built at TODAY."""
    root = write_site(tmp_path_factory.mktemp("consultations-site") / "site")
    return build(root, tmp_path_factory.mktemp("consultations-out") / "out")


@pytest.fixture(scope="session")
def sample_built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The repository's own sample site built at TODAY."""
    return build(REPO, tmp_path_factory.mktemp("consultations-sample") / "out")
