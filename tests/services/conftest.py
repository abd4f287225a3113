"""The services fixture site (fixture_site.py), built once for the tests in this folder."""

from __future__ import annotations

import pytest

from .fixture_site import Built, build, write_site


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    root = write_site(tmp_path_factory.mktemp("services-site") / "site")
    return build(root, tmp_path_factory.mktemp("services-out") / "out")
