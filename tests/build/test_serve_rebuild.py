"""Rebuilding as `mkdocs serve` does, with every cache warm, gives exactly a cold build's site.

`mkdocs serve` keeps our plugin between rebuilds (it defines on_startup), and the records,
the plan's per-record items, Markdown bodies and whole record pages are reused when what they
show has not changed. After each edit, the rebuilt site must equal, byte for byte, a cold
`mkdocs build` of the edited site in a new process.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

from tests.build.conftest import TODAY, copy_sample, mkdocs

SERVE_URL = "http://127.0.0.1:8000/"


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _title_line(path: Path) -> str:
    match = re.search(r"^title: .*$", path.read_text(encoding="utf-8"), re.MULTILINE)
    assert match, path
    return match.group(0)


class Server:
    """The builds `mkdocs serve` makes, in this process (mkdocs/commands/serve.py, 1.6)."""

    def __init__(self, site: Path, out: Path) -> None:
        self.site, self.out = site, out
        config = self._config()
        config.plugins.on_startup(command="serve", dirty=False)
        self.first: MkDocsConfig | None = config
        self.plugin = config.plugins["localoffer"]

    def _config(self) -> MkDocsConfig:
        config = load_config(config_file=str(self.site / "mkdocs.yml"), site_dir=str(self.out))
        config.site_url = SERVE_URL
        return config

    def build(self) -> None:
        config, self.first = self.first or self._config(), None
        build(config, serve_url=SERVE_URL, dirty=False)
        assert config.plugins["localoffer"] is self.plugin  # kept, as serve keeps it


def _cold_build(site: Path, tmp: Path) -> dict[str, bytes]:
    reference = copy_sample(tmp)
    for folder in ("consultations", "events", "responses"):
        shutil.rmtree(reference / folder)
        shutil.copytree(site / folder, reference / folder)
    _edit(
        reference / "mkdocs.yml",
        'site_url: !ENV [SITE_URL, "https://localoffer.anyshire.example/"]',
        f"site_url: {SERVE_URL}",
    )
    result = mkdocs(reference, "build", "--strict", "-d", str(reference / "out"))
    assert result.returncode == 0, result.stdout + result.stderr
    return _files(reference / "out")


@pytest.fixture
def in_site(tmp_path: Path) -> Iterator[Path]:
    site = copy_sample(_mkdir(tmp_path / "site"))
    cwd = os.getcwd()
    os.chdir(site)
    try:
        with pytest.MonkeyPatch.context() as patch:
            patch.setenv("LOCALOFFER_TODAY", TODAY)
            yield site
    finally:
        os.chdir(cwd)


def _mkdir(path: Path) -> Path:
    path.mkdir(parents=True)
    return path


def _first_record(site: Path, folder: str, contains: str = "") -> Path:
    for path in sorted((site / folder).rglob("*.*")):
        if contains in path.read_text(encoding="utf-8"):
            return path
    raise AssertionError(f"no record in {folder} containing {contains!r}")


def _rename_event(site: Path) -> None:
    path = _first_record(site, "events", "consultation:")
    _edit(path, _title_line(path), "title: A renamed event that a consultation lists")


def _rename_consultation(site: Path) -> None:
    path = _first_record(site, "consultations")
    _edit(path, _title_line(path), "title: A renamed consultation")


def _rename_round(site: Path) -> None:
    path = _first_record(site, "responses")
    _edit(path, _title_line(path), "title: A renamed feedback round")


def _delete_event(site: Path) -> None:
    _first_record(site, "events", "title:").unlink()


EDITS: list[tuple[str, Callable[[Path], None]]] = [
    ("an event's title", _rename_event),
    ("a consultation's title", _rename_consultation),
    ("a feedback round's title", _rename_round),
    ("an event deleted", _delete_event),
]


def test_serve_rebuilds_equal_cold_builds(in_site: Path, tmp_path: Path) -> None:
    out = tmp_path / "served"
    server = Server(in_site, out)
    server.build()
    before = _files(out)
    assert before == _cold_build(in_site, _mkdir(tmp_path / "cold-0"))
    for number, (what, edit) in enumerate(EDITS, start=1):
        edit(in_site)
        server.build()
        rebuilt = _files(out)
        cold = _cold_build(in_site, _mkdir(tmp_path / f"cold-{number}"))
        assert sorted(rebuilt) == sorted(cold), what
        different = sorted(name for name in cold if rebuilt[name] != cold[name])
        assert different == [], what
        changed = sorted(name for name in cold if before.get(name) != cold[name])
        assert changed, f"editing {what} changed nothing: the test would prove nothing"
        # Most record pages were neither rendered nor written again.
        events = len(list((in_site / "events").rglob("*.md")))
        cache, kept = server.plugin.page_cache, server.plugin.kept
        assert cache is not None and cache.hits > events // 2
        assert kept is not None and kept.skipped > events // 2
        before = rebuilt
