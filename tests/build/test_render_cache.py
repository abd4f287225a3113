"""A rebuild in the same process (as `mkdocs serve` does) converts only the record that changed."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import markdown
import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

REPO = Path(__file__).resolve().parents[2]


def _build(site: Path) -> list[str]:
    """Build in-process; return the Markdown texts that were converted."""
    converted: list[str] = []
    original = markdown.Markdown.convert

    def counting(self: markdown.Markdown, source: str) -> str:
        converted.append(source)
        return original(self, source)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(markdown.Markdown, "convert", counting)
        patch.setenv("LOCALOFFER_TODAY", "2026-11-23")
        config = load_config(str(site / "mkdocs.yml"), site_dir=str(site / "out"))
        build(config)
    return [text for text in converted if text.strip()]


def test_rebuild_converts_only_the_edited_record(tmp_path: Path) -> None:
    for part in ("mkdocs.yml", "content", "consultations", "events", "responses", "services"):
        source = REPO / part
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, tmp_path / part)
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        first = _build(tmp_path)
        edited = next((tmp_path / "events").rglob("*.md"))
        edited.write_text(
            edited.read_text(encoding="utf-8") + "\nA sentence added by an editor.\n",
            encoding="utf-8",
        )
        second = _build(tmp_path)
    finally:
        os.chdir(cwd)
    content_pages = len(list((tmp_path / "content").rglob("*.md")))
    records = sum(
        1 for folder in ("consultations", "events") for _ in (tmp_path / folder).rglob("*.md")
    )
    assert len(first) >= records, "the first build should convert every record body"
    assert any("A sentence added by an editor." in text for text in second)
    # Content pages are always converted; of the records, only the edited one is.
    assert len(second) <= content_pages + 1, (len(first), len(second))
    assert len(second) < len(first)
