"""Tiny sites in temporary folders, for tests that check real files.

A ``SiteKit`` writes ``mkdocs.yml`` (with ``site_url`` and the localoffer plugin settings) and
record files from strings, then runs the real checker on the folder. Valid records for each
type are given here so that a test changes one thing and asserts the one problem it causes.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from localoffer.core.check import CheckResult, check_site
from localoffer.core.clock import parse_today
from localoffer.core.problems import Problem

TODAY = "2026-11-23 12:00"

MKDOCS_YML = """\
site_name: Anyshire Local Offer
site_url: https://localoffer.anyshire.example/
docs_dir: content
plugins:
  - localoffer:
      authority: Anyshire County Council
      contact_email: localoffer@anyshire.example
"""

# Open on TODAY (2026-11-23), with every kind of reference it can have left out.
CONSULTATION = """\
---
title: Short breaks statement 2027
summary: Our plans for short breaks from April 2027.
opens: 2026-11-02
closes: 2027-01-15
audiences: [parents-carers, young-people]
topics: [short-breaks]
lead: Short Breaks Team
contact: shortbreaks@anyshire.example
respond:
  - online: https://haveyoursay.anyshire.example/short-breaks-2027
  - email: shortbreaks@anyshire.example
easy_read:
  title: Easy Read version
  url: https://haveyoursay.anyshire.example/short-breaks-2027/easy-read
---
## What we are proposing

More short breaks in the north and west.
"""

# A closed consultation with an outcome: needs no respond.
CLOSED_CONSULTATION = """\
---
title: Home to school transport policy 2026
summary: How we arrange transport to school and college.
opens: 2026-03-02
closes: 2026-04-30
audiences: parents-carers
lead: SEND Transport Team
outcome:
  published: 2026-06-30
  summary: We kept the current policy.
---
Body.
"""

EVENT = """\
---
title: Short breaks drop-in, Anbury
summary: Come and tell us what you think about short breaks.
starts: 2026-12-01 16:00
ends: 2026-12-01 18:00
engagement: true
kind: drop-in
audiences: [parents-carers]
location:
  name: Anbury Library
  address: 1 High Street, Anbury
  postcode: AY1 1AA
organiser: Short Breaks Team
---
Drop in at any time.
"""

FEEDBACK = """\
title: Local Offer survey, spring 2026
source: survey
received: 2026-05-31
comments:
  - from: parents-carers
    regarding: content
    topics: [short-breaks]
    said: It is hard to find out which short breaks need an assessment.
    response: We have added a list of short breaks you can use without an assessment.
    action:
      status: done
      completed: 2026-07-01
"""


def dedent(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


def line_of(text: str, fragment: str) -> int:
    """The 1-based number of the one line of ``text`` that contains ``fragment``."""
    numbers = [n for n, line in enumerate(text.splitlines(), start=1) if fragment in line]
    assert len(numbers) == 1, f"{fragment!r} is on lines {numbers}"
    return numbers[0]


def column_of(text: str, fragment: str) -> int:
    """The 1-based column where ``fragment`` starts on its one line."""
    line = text.splitlines()[line_of(text, fragment) - 1]
    return line.index(fragment) + 1


def replace(text: str, old: str, new: str) -> str:
    """``text`` with ``old`` (which must occur exactly once) replaced by ``new``."""
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times"
    return text.replace(old, new)


@dataclass
class SiteKit:
    root: Path

    def __post_init__(self) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        (self.root / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
        for folder in ("content", "consultations", "events", "responses"):
            (self.root / folder).mkdir(exist_ok=True)

    def write(self, rel: str, text: str | bytes) -> Path:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_bytes(text.encode("utf-8"))
        return path

    def check(self, today: str = TODAY) -> CheckResult:
        return check_site(self.root, now(today))

    def problems(self, today: str = TODAY) -> list[Problem]:
        return self.check(today).problems

    def errors(self, today: str = TODAY) -> list[Problem]:
        return self.check(today).errors

    def only_error(self, path: str, today: str = TODAY) -> Problem:
        """The one error the site has, which must be in ``path``."""
        errors = self.errors(today)
        assert len(errors) == 1, "\n".join(p.format() for p in errors) or "no errors"
        assert errors[0].path == path, errors[0].format()
        return errors[0]


def write_pdf(path: Path, *, pages: int = 1, tagged: bool = False) -> Path:
    """A real PDF with blank pages; ``tagged`` marks it as a tagged (structured) PDF."""
    from pypdf import PdfWriter
    from pypdf.generic import BooleanObject, DictionaryObject, NameObject

    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(595, 842)
    if tagged:
        root = writer.root_object
        root[NameObject("/MarkInfo")] = DictionaryObject(
            {NameObject("/Marked"): BooleanObject(True)}
        )
        root[NameObject("/StructTreeRoot")] = DictionaryObject(
            {NameObject("/Type"): NameObject("/StructTreeRoot")}
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        writer.write(handle)
    return path


def now(text: str = TODAY) -> datetime:
    return parse_today(text)
