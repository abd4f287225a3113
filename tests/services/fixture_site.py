"""A site with services, in git, built for real with ``mkdocs build``.

"Now" is ``TODAY`` (23 November 2026). Four services, each committed on its own day so that the
feed can be checked against git: one with every field (a cost as an amount), one with the
required fields only (a web page as its only contact, no place, free by default), one whose cost
is text and which is overdue for review, and one renamed (``previous_ids``). An event names a
service, a consultation names two, and a comment of a feedback round names one.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.core.sitekit import CONSULTATION, EVENT, FEEDBACK, MKDOCS_YML, replace

from .records import CP, EP, MINIMAL, SERVICE, SP

TODAY = "2026-11-23"
SITE_URL = "https://localoffer.anyshire.example/"

TEXT_COST = """\
---
title: Saturday club & "fun" <b>days</b>
summary: Games and crafts for disabled children aged 5 to 11, on Saturday mornings.
organisation: {name: Anbury Play Trust, url: "https://play.anbury.example/"}
categories: [leisure, short-breaks]
needs: [sensory-and-physical, social-emotional-and-mental-health]
ages: {from: 5, to: 11}
areas: [south]
cost: £2 a morning, siblings free
referral: self
locations:
  - name: Anbury Youth Centre
    address: 3 Mill Street
contact:
  phone: 01632 960 555
reviewed: 2025-05-01
---
"""

RENAMED = (
    replace(MINIMAL, "title: Portage", "title: Travel training")
    .replace("reviewed: 2026-01-05", "reviewed: 2026-02-01\nprevious_ids: [independent-travel]")
    .replace("categories: education", "categories: [transport, preparing-for-adulthood]")
)

#: Each record, with the day its file is committed.
RECORDS: dict[str, tuple[str, str]] = {
    SP: (SERVICE, "2026-10-12"),
    "services/portage.md": (MINIMAL, "2026-01-05"),
    "services/2025/saturday-club.md": (TEXT_COST, "2025-05-01"),
    "services/travel-training.md": (RENAMED, "2026-03-02"),
    EP: (
        replace(
            EVENT, "organiser: Short Breaks Team", "organiser: Short Breaks Team\nservice: portage"
        ),
        "2026-11-01",
    ),
    CP: (
        replace(
            CONSULTATION,
            "lead: Short Breaks Team",
            "lead: Short Breaks Team\nservices: [sendiass-anyshire, saturday-club]",
        ),
        "2026-11-02",
    ),
    "responses/local-offer-survey-2026.yml": (
        replace(
            FEEDBACK,
            "    said: It is hard",
            "    service: sendiass-anyshire\n    said: It is hard",
        ),
        "2026-07-02",
    ),
}
SERVICE_IDS = ["portage", "saturday-club", "sendiass-anyshire", "travel-training"]


def _git(root: Path, *args: str, day: str | None = None) -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Editor",
        "GIT_AUTHOR_EMAIL": "localoffer@anyshire.example",
        "GIT_COMMITTER_NAME": "Editor",
        "GIT_COMMITTER_EMAIL": "localoffer@anyshire.example",
    }
    if day is not None:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = f"{day}T12:00:00+00:00"
    subprocess.run(["git", "-C", str(root), *args], env=env, check=True, capture_output=True)


def write_site(root: Path) -> Path:
    root.mkdir(parents=True)
    config = MKDOCS_YML + "theme:\n  name: material\n  font: false\n"
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    (root / "content").mkdir()
    (root / "content" / "index.md").write_text("# Anyshire Local Offer\n", encoding="utf-8")
    for folder in ("consultations", "events", "responses"):
        (root / folder).mkdir()
    _git(root, "init", "-q", "-b", "main")
    _git(root, "add", ".")
    _git(root, "commit", "-q", "-m", "Site", day="2024-01-01")
    for rel, (text, day) in sorted(RECORDS.items(), key=lambda item: item[1][1]):
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        _git(root, "add", rel)
        _git(root, "commit", "-q", "-m", f"Add {rel}", day=day)
    return root


@dataclass(frozen=True)
class Built:
    root: Path
    out: Path

    def text(self, rel: str) -> str:
        return (self.out / rel).read_text(encoding="utf-8")

    def json(self, rel: str) -> Any:
        return json.loads(self.text(rel))


def build(root: Path, out: Path) -> Built:
    env = {**os.environ, "LOCALOFFER_TODAY": TODAY, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("SOURCE_DATE_EPOCH", None)
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(out)],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return Built(root, out)
