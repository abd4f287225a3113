"""A small site for the "You said, we did" tests, written as editors outside the project would.

Rounds over three years (2024, 2025, 2026), from every respondent group, with every action
status, overdue actions, a comment with no action, links to a consultation and an event,
documents (an untagged 7-page PDF of about 1 MB, a tagged PDF marked as Easy Read, a link), a
round in a sub-folder, and a comment full of characters that must not be read as markup.
"Today" is fixed at ``TODAY``.

The expected figures below are counted by hand from the records, not by the code under test.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

from pypdf import PdfWriter
from pypdf.generic import BooleanObject, DictionaryObject, NameObject

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
TODAY = "2026-11-23"

MKDOCS_YML = """\
site_name: Anyshire Local Offer
site_url: https://localoffer.anyshire.example/
docs_dir: content
theme:
  name: material
  language: en
  palette:
    - media: "(prefers-color-scheme: light)"
      scheme: default
      primary: indigo
      accent: indigo
      toggle:
        icon: material/brightness-7
        name: Switch to dark mode
    - media: "(prefers-color-scheme: dark)"
      scheme: slate
      primary: indigo
      accent: indigo
      toggle:
        icon: material/brightness-4
        name: Switch to light mode
plugins:
  - search
  - localoffer:
      authority: Anyshire County Council
      contact_email: localoffer@anyshire.example
      contact_phone: "01632 960 000"
nav:
  - Home: index.md
  - You said, we did: you-said-we-did/index.md
"""

HOME = """\
# Anyshire Local Offer

## Latest You said, we did

<!-- localoffer:latest-feedback limit=2 -->

Some text after the list.
"""

CONSULTATION = """\
---
title: Home to school transport policy 2026
summary: How we arrange transport to school and college for children with SEND.
opens: 2026-03-02
closes: 2026-04-30
audiences: parents-carers
topics: transport
lead: SEND Transport Team
outcome:
  published: 2026-06-30
  summary: We kept council transport and added personal travel budgets as a choice.
  feedback: [transport-responses-2026]
---
We asked about travel assistance.
"""

EVENT = """\
---
title: Young Inspectors report launch
summary: The Young Inspectors present their report on the Local Offer website.
starts: 2026-10-14 16:00
ends: 2026-10-14 17:30
engagement: true
kind: young-inspectors
audiences: [young-people, children]
location:
  name: Anbury Youth Hub
  address: 2 Mill Lane, Anbury
  postcode: AY1 2BB
organiser: Anyshire Participation Team
---
Come and hear what the Young Inspectors found.
"""

# Written the way people do: a sub-folder, quoted dates, a single topic without brackets,
# capitalised statuses, folded and literal blocks, an action with no due date.
YOUNG_INSPECTORS = """\
title: "Young Inspectors: the Local Offer website, 2026"
source: young-inspectors
received: "2026-10-14"
event: young-inspectors-launch
summary: |
  Fourteen Young Inspectors tested the Local Offer website.

  They presented their report on 14 October.
documents:
  - title: Young Inspectors report
    file: documents/young-inspectors-report.pdf
  - title: Young Inspectors report (Easy Read)
    file: documents/young-inspectors-easy-read.pdf
    easy_read: true
  - title: Photos from the launch
    url: https://photos.example.org/young-inspectors-2026
comments:
  - from: children
    regarding: accessibility
    topics: short-breaks
    said: I wanted to find swimming for my brother and it took me ages.
    response: Every activity can now be filtered by town and by age.
    action:
      status: Done
      due: 2026-11-30
      completed: 2026-11-06
      owner: Local Offer team
  - from: young-people
    regarding: accessibility
    said: >-
      The pink writing on the grey buttons is really hard to read. I have dyslexia and it
      made my eyes hurt.
    response: We are changing the colours across the whole website.
    action:
      status: in-progress
      due: 2026-11-13
      owner: Digital Services Team
  - from: young-people
    regarding: content
    topics: [ehc-plans, send-support]
    said: >-
      One page said "graduated approach" & nobody knew <b>what</b> it meant.
      It's <script>alert(1)</script> jargon.
    response: >-
      We are rewriting the pages in plain English: "SEN support" & <i>EHC plans</i>
      first.
    action:
      status: planned
      due: 2027-03-01
      owner: Local Offer team
  - from: children
    regarding: development
    said: |-
      Ask us again next year.
      We want to check you did it.
    response: We will ask the Young Inspectors to re-inspect the website in September 2027.
    action:
      status: planned
      owner: Anyshire Participation Team
"""

TRANSPORT = """\
title: Home to school transport consultation responses
source: consultation
received: 2026-05-01
consultation: home-to-school-transport-2026
comments:
  - from: parents-carers
    regarding: content
    topics: [transport]
    said: Personal travel budgets must be a choice and not instead of council transport.
    response: We agree. Personal travel budgets are a choice.
    action:
      status: done
      completed: 2026-06-03
      owner: SEND Transport Team
  - from: parents-carers
    regarding: development
    topics: [transport]
    said: Please tell families how the policy will be reviewed after it starts.
    response: We will review the policy with families in summer 2027 and publish the review.
    action:
      status: planned
      due: 2026-09-30
      owner: SEND Transport Team
  - from: professionals
    topics: [transport, education]
    said: Schools need to know about transport changes before the summer term starts.
    response: We wrote to every school in April.
"""

SURVEY_2025 = """\
title: Local Offer survey, autumn 2025
source: survey
received: 2025-11-28
summary: Our yearly survey about the Local Offer.
comments:
  - from: parents-carers
    regarding: accessibility
    said: I only found out the Local Offer existed when my daughter was eleven years old.
    response: Health visitors now give families a card with the Local Offer address.
    action:
      status: done
      due: 2026-04-30
      completed: 2026-03-27
      owner: Local Offer team
  - from: young-people
    regarding: content
    topics: preparing-for-adulthood
    said: There is nothing about what happens after college for young people like me.
    response: We are writing new pages about preparing for adulthood.
    action:
      status: in-progress
      due: 2027-06-30
      owner: Preparing for Adulthood Team
  - from: professionals
    regarding: content
    said: Please publish the names and direct phone numbers of every coordinator.
    response: We will not publish staff members' direct numbers; each team has an email address.
    action:
      status: not-planned
      owner: SEND Service
"""

ROUND_2025 = """\
title: Parent carer forum, spring 2025
source: parent-carer-forum
received: 2025-04-10
comments:
  - from: parents-carers
    regarding: content
    topics: short-breaks
    said: The short breaks page lists clubs that closed two years ago.
    response: We removed every club that had closed.
    action:
      status: not-planned
      due: 2025-12-31
      owner: Short Breaks Team
"""

FORUM_2024 = """\
title: SEND Youth Forum, March 2024
source: youth-forum
received: 2024-03-10
comments:
  - from: young-people
    regarding: development
    said: Young people should help write the pages that are for young people.
    response: The SEND Youth Forum now reviews every page written for young people.
    action:
      status: done
      completed: 2024-07-14
      owner: Anyshire Participation Team
  - from: children
    regarding: accessibility
    said: The words on the website are too small and there are no pictures.
    response: The new website lets you make the words bigger, and has pictures.
    action:
      status: done
      completed: 2024-09-01
"""

RECORDS = {
    "responses/2026/young-inspectors-website-2026.yml": YOUNG_INSPECTORS,
    "responses/transport-responses-2026.yml": TRANSPORT,
    "responses/survey-2025.yml": SURVEY_2025,
    "responses/parent-carer-forum-spring-2025.yml": ROUND_2025,
    "responses/youth-forum-2024.yml": FORUM_2024,
    "consultations/home-to-school-transport-2026.md": CONSULTATION,
    "events/young-inspectors-launch.md": EVENT,
}

# Counted by hand from the records above.
ROUND_COMMENTS = {
    "young-inspectors-website-2026": 4,
    "transport-responses-2026": 3,
    "survey-2025": 3,
    "parent-carer-forum-spring-2025": 1,
    "youth-forum-2024": 2,
}
# round id -> the numbers (1-based) of its comments whose action is overdue on TODAY
OVERDUE = {
    "young-inspectors-website-2026": {2},  # in progress, due 13 November 2026
    "transport-responses-2026": {2},  # planned, due 30 September 2026
    # not planned, due 31 December 2025: past due and not done
    "parent-carer-forum-spring-2025": {1},
}
NEWEST_FIRST = [
    "young-inspectors-website-2026",
    "transport-responses-2026",
    "survey-2025",
    "parent-carer-forum-spring-2025",
    "youth-forum-2024",
]
# year -> comments by group, actions by status, no action, overdue
YEARS = {
    2026: {
        "groups": {"children": 2, "young-people": 2, "parents-carers": 2, "professionals": 1},
        "actions": {"done": 2, "in-progress": 1, "planned": 3, "not-planned": 0},
        "no_action": 1,
        "overdue": 2,
    },
    2025: {
        "groups": {"children": 0, "young-people": 1, "parents-carers": 2, "professionals": 1},
        "actions": {"done": 1, "in-progress": 1, "planned": 0, "not-planned": 2},
        "no_action": 0,
        "overdue": 1,
    },
    2024: {
        "groups": {"children": 1, "young-people": 1, "parents-carers": 0, "professionals": 0},
        "actions": {"done": 2, "in-progress": 0, "planned": 0, "not-planned": 0},
        "no_action": 0,
        "overdue": 0,
    },
}
# The year pages.
YEAR_URLS = {
    2026: "/you-said-we-did/2026/",
    2025: "/you-said-we-did/2025/",
    2024: "/you-said-we-did/2024/",
}
TRICKY_SAID = (
    'One page said "graduated approach" & nobody knew <b>what</b> it meant. '
    "It's <script>alert(1)</script> jargon."
)
TRICKY_RESPONSE = (
    'We are rewriting the pages in plain English: "SEN support" & <i>EHC plans</i> first.'
)


def pdf_bytes(pages: int, tagged: bool, padding: int = 0) -> bytes:
    """A PDF of blank pages; ``padding`` bytes of metadata make it bigger."""
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    if padding:
        writer.add_metadata({"/Keywords": "x" * padding})
    if tagged:
        root = writer._root_object
        root[NameObject("/MarkInfo")] = DictionaryObject(
            {NameObject("/Marked"): BooleanObject(True)}
        )
        tree = DictionaryObject({NameObject("/Type"): NameObject("/StructTreeRoot")})
        root[NameObject("/StructTreeRoot")] = writer._add_object(tree)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def write_site(root: Path) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    for folder in ("content/documents", "consultations", "events", "responses"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    (root / "content" / "index.md").write_text(HOME, encoding="utf-8")
    documents = root / "content" / "documents"
    (documents / "young-inspectors-report.pdf").write_bytes(
        pdf_bytes(7, tagged=False, padding=1_060_000)
    )
    (documents / "young-inspectors-easy-read.pdf").write_bytes(pdf_bytes(3, tagged=True))
    for rel, text in RECORDS.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def environment(today: str = TODAY) -> dict[str, str]:
    return {**os.environ, "LOCALOFFER_TODAY": today, "NO_MKDOCS_2_WARNING": "1"}


def run(
    command: str, *args: str | Path, cwd: Path, today: str = TODAY
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BIN / command), *map(str, args)],
        cwd=cwd,
        env=environment(today),
        capture_output=True,
        text=True,
        timeout=600,
    )


def build(site: Path, out: Path) -> subprocess.CompletedProcess[str]:
    return run("mkdocs", "build", "-q", "-d", out, cwd=site)
