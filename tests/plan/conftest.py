"""A small archive from the benchmark's generator, planned, edited and planned again.

The archive (``benchmarks/corpus.py`` at scale 0.04: 60 consultations, 480 events, 12 feedback
rounds) is deterministic; each test edits its own copy. "Now" is the generator's today.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

import pytest
from localoffer.core.check import check_site
from localoffer.core.clock import parse_today
from localoffer.core.site import Site
from localoffer.plan.memo import MEMO
from localoffer.plan.model import PagePlan
from localoffer.plan.site_plan import SitePlan, plan_site

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "benchmarks"))
import corpus  # noqa: E402

SCALE = 0.04
NOW = parse_today(corpus.TODAY.isoformat())


@pytest.fixture(scope="session")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("archive") / "site"
    corpus.generate(root, scale=SCALE)
    return root


@pytest.fixture
def root(archive: Path, tmp_path: Path) -> Path:
    """A copy of the archive of the test's own, with the memo emptied."""
    copy = tmp_path / "site"
    shutil.copytree(archive, copy)
    MEMO.clear()
    return copy


def load(root: Path, now: datetime = NOW) -> Site:
    result = check_site(root, now)
    assert not result.errors, [problem.format() for problem in result.errors]
    return result.site


def record_file(root: Path, folder: str, record_id: str) -> Path:
    """The file of a record (records sit in year folders)."""
    found = [p for p in (root / folder).rglob("*") if p.stem == record_id and p.is_file()]
    assert len(found) == 1, (folder, record_id, found)
    return found[0]


def set_field(path: Path, key: str, value: str) -> None:
    """Set a top-level field of a record to a one-line YAML value: replace the field if it is
    there (on one line), or add it at the end of the front matter (or of a YAML file)."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".md":
        assert text.startswith("---\n")
        end = text.index("\n---\n", 4)
        head, rest = text[4:end], text[end:]
    else:
        head, rest = text.rstrip("\n"), "\n"
    lines = head.split("\n")
    for number, line in enumerate(lines):
        if line.startswith(f"{key}:"):
            following = lines[number + 1] if number + 1 < len(lines) else ""
            assert not following.startswith(" "), f"{key} is not on one line in {path}"
            lines[number] = f"{key}: {value}"
            break
    else:
        lines.append(f"{key}: {value}")
    body = "\n".join(lines)
    path.write_text(f"---\n{body}{rest}" if path.suffix == ".md" else body + rest, "utf-8")


def without_key(page: PagePlan) -> PagePlan:
    return replace(page, key="")


@dataclass
class Rebuild:
    """Plans of a site before an edit and after it: with the memo the first plan left (as in
    ``mkdocs serve``), and from an empty memo."""

    before: SitePlan
    warm: SitePlan
    cold: SitePlan
    made_warm: int  # items the warm plan made (the rest came from the memo)
    made_cold: int

    def changed(self, uri: str) -> bool:
        """Whether what the page shows changed (its key aside)."""
        return without_key(self.before.pages[uri]) != without_key(self.cold.pages[uri])

    def new_key(self, uri: str) -> bool:
        return self.before.pages[uri].key != self.cold.pages[uri].key


def rebuild(
    root: Path, edit: Callable[[], object], now: datetime = NOW, now_after: datetime | None = None
) -> Rebuild:
    MEMO.clear()
    before = plan_site(load(root, now))
    edit()
    warm = plan_site(load(root, now_after or now))
    made_warm = MEMO.misses
    MEMO.clear()
    cold = plan_site(load(root, now_after or now))
    made_cold = MEMO.misses
    return Rebuild(before, warm, cold, made_warm, made_cold)


def assert_as_cold(result: Rebuild) -> None:
    """The plan made with the memo is the plan made without it: every page (its Markdown,
    context and key) and every file."""
    assert list(result.warm.files) == list(result.cold.files)
    for path, output in result.cold.files.items():
        assert result.warm.files[path] == output, path
    assert list(result.warm.pages) == list(result.cold.pages)
    for uri, page in result.cold.pages.items():
        assert result.warm.pages[uri] == page, uri


def assert_keys_follow(result: Rebuild) -> None:
    """A record page whose content changed has a new key (the key covers all it shows)."""
    for uri in result.before.pages.keys() & result.cold.pages.keys():
        if result.cold.pages[uri].key and result.changed(uri):
            assert result.new_key(uri), f"{uri} changed but kept its key"
