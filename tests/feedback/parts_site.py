"""Rounds with themes, figures, quotes and respondents, and a round published as a report only,
added to a copy of the fixture site for the tests of ``test_parts.py``.

Fictional Anyshire; the expected numbers are written out by hand beside the records.
"""

from __future__ import annotations

from pathlib import Path

from .fixture_site import pdf_bytes, write_site

THEMED_ID = "send-survey-summer-2026"
REPORT_ID = "forum-annual-report-2026"
REPORT_PDF = "documents/forum-annual-report-2026.pdf"

THEMED = """\
title: SEND survey, summer 2026
source: survey
received: 2026-07-31
summary: What 1,418 people told us about SEND support this summer.
respondents:
  parents-carers: 1100
  children: 82
  young-people: 140
  professionals: 96
figures:
  - label: written comments
    count: 2310
  - label: agreed
    percent: 83
    set: The plan was clear
  - label: disagreed
    percent: "17%"
    set: The plan was clear
themes:
  - id: waiting-times
    title: Waiting times
    count: 214
    summary: Families said waiting for an assessment takes too long.
    response: Every family waiting now has a named contact.
    action:
      status: done
      completed: 2026-10-15
      owner: SEND Service
  - id: finding-information
    title: Finding information
    count: "1,163"
    summary: People could not find which services were still running.
  - title: Holiday clubs
    summary: Families asked for more clubs in the school holidays.
quotes:
  - from: parents-carers
    theme: waiting-times
    said: We waited over a year and nobody told us anything at all.
  - from: children
    said: The summer club is the best bit because everyone there gets it.
  - said: I did not know the Local Offer existed until this year.
comments:
  - from: parents-carers
    theme: waiting-times
    said: Nobody told us we could ask the school for support while we waited.
    response: Schools must support children with SEND whether or not they are assessed.
  - from: professionals
    said: It would help if we could suggest changes to service entries ourselves.
    response: Each service page now has a link to tell us about a change.
"""

REPORT = f"""\
title: Parent carer forum annual report 2026
source: parent-carer-forum
received: 2026-08-31
summary: The forum heard from 312 parents and carers this year. Its report says what they said.
respondents:
  parents-carers: 312
documents:
  - title: The forum's annual report
    file: {REPORT_PDF}
"""


def write_parts_site(root: Path) -> Path:
    site = write_site(root)
    (site / "responses" / f"{THEMED_ID}.yml").write_text(THEMED, encoding="utf-8")
    (site / "responses" / f"{REPORT_ID}.yml").write_text(REPORT, encoding="utf-8")
    (site / "content" / REPORT_PDF).write_bytes(pdf_bytes(3, tagged=True))
    return site
