"""Adding the records' compact entries (plan/search.py) to mkdocs-material's search index."""

from __future__ import annotations

import json
from html import escape
from pathlib import Path

from localoffer.plan.search import SearchEntry

INDEX = Path("search") / "search_index.json"


def add_entries(site_dir: str, entries: list[SearchEntry]) -> bool:
    """Append the entries to the index the search plugin wrote; False when there is none."""
    path = Path(site_dir) / INDEX
    if not path.is_file():
        return False
    index = json.loads(path.read_text(encoding="utf-8"))
    index.setdefault("docs", []).extend(
        {"location": entry.location, "title": escape(entry.title), "text": escape(entry.text)}
        for entry in entries
    )
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return True
