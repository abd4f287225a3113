"""Real builds of small event sites for the events tests, and the tools that read their output.

``build_site`` writes a site folder (the repository's ``mkdocs.yml`` with a short nav, a home
page, and the given event files) and runs the real ``mkdocs build`` with "now" fixed.
``ical_js`` runs Mozilla's ical.js under Node on a built ``.ics`` file.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import yaml
from bs4 import BeautifulSoup
from mkdocs.utils.yaml import yaml_load

from tests.tools import missing_tool

REPO = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
NODE_SCRIPT = REPO / "tests" / "js" / "ical_expand.mjs"
ICAL_JS = REPO / "tests" / "js" / "node_modules" / "ical.js"
HOST = "localoffer.anyshire.example"

HOME = """\
# Anyshire Local Offer

## Have your say

<!-- localoffer:engagement-opportunities limit=2 -->

## For young people

<!-- localoffer:engagement-opportunities limit=5 audience=young-people -->
"""


CONSULTATION = """\
---
title: Short breaks statement 2027
summary: Our plans for short breaks from April 2027.
opens: 2026-11-02
closes: 2027-01-15
audiences: [parents-carers, young-people]
lead: Short Breaks Team
respond:
  - online: https://haveyoursay.anyshire.example/short-breaks-2027
---
What we propose.
"""
FEEDBACK = """\
title: Parent Carer Forum, September 2026
source: parent-carer-forum
received: 2026-09-17
event: recent-meeting
comments:
  - from: parents-carers
    said: The bus to college is often late.
    response: We have asked the transport team to check the timetable.
"""
NOTES = "Notes of the meeting.\nTwenty people came.\n"


def untagged_pdf(path: Path) -> None:
    """A one-page PDF without tags: the page offers to ask for an accessible format of it."""
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    with path.open("wb") as handle:
        writer.write(handle)


def site_config() -> str:
    config = yaml_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    config["nav"] = [{"Home": "index.md"}, {"Events": "events/index.md"}]
    return yaml.safe_dump(config, allow_unicode=True, sort_keys=False)


def write_site(root: Path, events: dict[str, str], home: str = HOME) -> Path:
    (root / "content" / "documents").mkdir(parents=True)
    for folder in ("consultations", "events", "responses"):
        (root / folder).mkdir()
    (root / "mkdocs.yml").write_text(site_config(), encoding="utf-8")
    (root / "content" / "index.md").write_text(home, encoding="utf-8")
    (root / "content" / "documents" / "meeting-notes.txt").write_text(NOTES, encoding="utf-8")
    untagged_pdf(root / "content" / "documents" / "forum-agenda.pdf")
    if "recent-meeting" in events:  # feedback gathered at that event
        (root / "responses" / "forum-september-2026.yml").write_text(FEEDBACK, encoding="utf-8")
    (root / "consultations" / "short-breaks-statement-2027.md").write_text(
        CONSULTATION, encoding="utf-8"
    )
    for name, text in events.items():
        path = root / "events" / f"{name}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return root


def build(root: Path, today: str, out: Path | None = None) -> Path:
    out = out or root / "site"
    env = {**os.environ, "LOCALOFFER_TODAY": today, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [str(BIN / "mkdocs"), "build", "-q", "-d", str(out)],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return out


def build_site(root: Path, events: dict[str, str], today: str, home: str = HOME) -> Path:
    return build(write_site(root, events, home), today)


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html5lib")


def page(site: Path, url: str) -> BeautifulSoup:
    """The built page at a URL path such as ``events/x/``."""
    return soup(site / url / "index.html")


def ical_js(path: Path, start: str, end: str) -> list[dict[str, Any]]:
    """Occurrences in UTC per VEVENT, as Thunderbird's parser (ical.js) reads the file.

    Node runs with a far-away TZ so that only the file's own VTIMEZONE can make times right.
    """
    node = shutil.which("node")
    if node is None or not ICAL_JS.is_dir():
        missing_tool("node or ical.js", "run `scripts/setup --test` (or `cd tests/js && npm ci`)")
    result = subprocess.run(
        [node, str(NODE_SCRIPT), str(path), start, end],
        env={**os.environ, "TZ": "Pacific/Auckland"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    data: list[dict[str, Any]] = json.loads(result.stdout)
    return data
