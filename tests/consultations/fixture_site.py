"""A fixture site for the consultation register, built for real with ``mkdocs build``.

"Now" is fixed at ``TODAY`` (Monday 23 November 2026, midnight in London). There is one
consultation in each status, plus one closing soon, one with an overdue outcome, one closing at
a date-time, one paused now, one paused and resumed, one run by a partner (closed long ago,
never overdue), one whose closing date was extended twice, one whose opening date is unknown,
and a hostile one whose every field tries to inject markup. Its documents are PDFs
made here with pypdf: an untagged 3-page one, a tagged 2-page one and an untagged one that the
editor marked ``accessible: true``.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

import yaml
from bs4 import BeautifulSoup
from mkdocs.utils.yaml import yaml_load
from pypdf import PdfWriter
from pypdf.generic import BooleanObject, DictionaryObject, NameObject

REPO = Path(__file__).resolve().parents[2]
TODAY = "2026-11-23"
SITE_URL = "https://localoffer.anyshire.example/"
CONTACT_EMAIL = "localoffer@anyshire.example"

HOSTILE_TITLE = '<script>alert("title")</script> & "friends"'


def make_pdf(path: Path, pages: int, *, tagged: bool) -> None:
    """A blank PDF with ``pages`` pages; ``tagged`` marks it as a tagged (structured) PDF."""
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    if tagged:
        root = writer.root_object
        root[NameObject("/MarkInfo")] = DictionaryObject(
            {NameObject("/Marked"): BooleanObject(True)}
        )
        tree = DictionaryObject({NameObject("/Type"): NameObject("/StructTreeRoot")})
        root[NameObject("/StructTreeRoot")] = writer._add_object(tree)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        writer.write(handle)


def record(front: str, body: str = "Body text.") -> str:
    return f"---\n{textwrap.dedent(front).strip()}\n---\n{textwrap.dedent(body).strip()}\n"


CONSULTATIONS: dict[str, str] = {
    # Open, closing at a date-time, every way to respond, every kind of document.
    "short-breaks-2027": record(
        """
        title: Short breaks services statement 2027
        summary: Our plans for short breaks from April 2027.
        opens: 2026-11-02
        closes: 2027-01-15 17:00
        audiences: [parents-carers, young-people]
        topics: [short-breaks, social-care]
        areas: [north, south]
        lead: Short Breaks Team
        contact: shortbreaks@anyshire.example
        respond:
          - online: https://haveyoursay.anyshire.example/short-breaks-2027
          - email: shortbreaks@anyshire.example
          - post: |-
              Short Breaks Team
              County Hall
              Anbury AY1 1AA
          - phone: 01632 960 123
          - event: short-breaks-drop-in
        easy_read:
          title: Short breaks (Easy Read)
          file: documents/easy-read.pdf
          easy_read: true
        documents:
          - title: Consultation document
            file: documents/untagged-three-pages.pdf
          - title: Equality impact assessment
            file: documents/tagged-two-pages.pdf
          - title: Checked by hand
            file: documents/untagged-accessible.pdf
            accessible: true
          - title: Current statement
            url: https://www.anyshire.example/short-breaks-2023
        related: [transport-2026]
        previous_ids: [short-breaks-draft]
        """,
        """
        ## What we are proposing

        More short breaks in the **north** and west.
        """,
    ),
    # Open and closing in 4 days; no contact, so accessible formats go to the site's address.
    "holiday-survey": record(
        """
        title: Holiday activities survey
        summary: Help us plan next year's holiday clubs.
        opens: 2026-10-26
        closes: 2026-11-27
        audiences: children
        topics: short-breaks
        lead: Short Breaks Team
        respond:
          - online: https://haveyoursay.anyshire.example/holidays
        easy_read:
          title: Holiday survey (Easy Read)
          url: https://haveyoursay.anyshire.example/holidays/easy-read
        documents:
          - title: Holiday clubs leaflet
            file: documents/untagged-three-pages.pdf
        """
    ),
    # Upcoming (opens at a date-time), with no Easy Read version: a checker warning.
    "annual-reviews-2027": record(
        """
        title: EHC plan annual reviews
        summary: Proposed changes to annual reviews of EHC plans.
        opens: 2027-01-11 09:30
        closes: 2027-02-28
        audiences: [parents-carers, professionals]
        topics: [ehc-plans, education]
        areas: online
        lead: SEND Service
        contact: sendservice@anyshire.example
        respond:
          - email: sendservice@anyshire.example
        """
    ),
    # A second upcoming one, opening later.
    "inclusion-strategy-2028": record(
        """
        title: SEND and inclusion strategy 2028
        summary: Our next three-year plan.
        opens: 2027-09-13
        closes: 2027-11-30
        audiences: everyone
        topics: send-support
        lead: SEND Partnership Board
        respond:
          - online: https://haveyoursay.anyshire.example/strategy
        easy_read:
          title: Strategy (Easy Read)
          url: https://haveyoursay.anyshire.example/strategy/easy-read
        """
    ),
    # Closed three weeks ago: we are analysing your feedback (not overdue).
    "website-review": record(
        """
        title: Review of the Local Offer website
        summary: What is missing from the website.
        opens: 2026-09-01
        closes: 2026-10-31
        audiences: everyone
        topics: local-offer
        lead: Local Offer team
        respond:
          - online: https://haveyoursay.anyshire.example/website
        """
    ),
    # Closed in July, no outcome: overdue since 23 October 2026.
    "school-places": record(
        """
        title: Planning school places
        summary: How many specialist places we need.
        opens: 2026-04-20
        closes: 2026-07-31
        audiences: [parents-carers, professionals]
        topics: education
        lead: School Place Planning Team
        respond:
          - online: https://haveyoursay.anyshire.example/places
        """
    ),
    # Outcome published 30 June 2026, with a document and a feedback round.
    "transport-2026": record(
        """
        title: Home to school transport policy
        summary: How we help children get to school.
        opens: 2026-03-02
        closes: 2026-04-30
        audiences: parents-carers
        topics: transport
        lead: SEND Transport Team
        respond:
          - online: https://haveyoursay.anyshire.example/transport
        outcome:
          published: 2026-06-30
          summary: |-
            We kept personal travel budgets.

            We will offer travel training to every young person over 14.
          documents:
            - title: Transport outcome report
              file: documents/untagged-three-pages.pdf
          feedback: [transport-feedback]
        """
    ),
    # An older outcome, to check that outcomes are newest first.
    "sen-support-guidance": record(
        """
        title: SEN support guidance
        summary: Guidance for schools.
        opens: 2026-01-05
        closes: 2026-02-13
        audiences: professionals
        topics: send-support
        lead: SEND and Inclusion Service
        outcome:
          published: 2026-03-20
          summary: We published the guidance.
        """,
        "",
    ),
    # Withdrawn, with its reason.
    "respite-centre": record(
        """
        title: Future of the respite centre
        summary: A proposal to move overnight short breaks.
        opens: 2026-06-01
        closes: 2026-08-30
        audiences: parents-carers
        topics: short-breaks
        areas: north
        lead: Children with Disabilities Service
        withdrawn:
          date: 2026-06-19
          reason: Families told us the document did not explain what would happen.
        """
    ),
    # Hostile: every field an editor types tries to inject markup.
    "hostile": record(
        f"""
        title: '{HOSTILE_TITLE}'
        summary: '<img src=x onerror=alert("summary")> summary'
        opens: 2026-11-01
        closes: 2027-03-01
        audiences: everyone
        lead: '<b onmouseover=alert("lead")>Lead team</b>'
        contact: hostile@anyshire.example
        respond:
          - post: '<em>County Hall</em>, <script>alert("post")</script>'
        easy_read:
          title: '<script>alert("easy")</script> Easy Read'
          url: "https://haveyoursay.anyshire.example/hostile?a=1&b='x'"
        documents:
          - title: '<script>alert("document")</script> report'
            file: documents/untagged-three-pages.pdf
        """,
        """
        ## Proposal

        <script>alert("body")</script>

        <iframe src="https://evil.example/"></iframe>

        <p onclick="alert('click')">A paragraph with a handler.</p>

        <a href="javascript:alert('link')">A javascript link</a>

        <img src="x" alt="A picture" onerror="alert('image')">

        [Another javascript link](javascript:alert('markdown'))

        Plain text survives.
        """,
    ),
    # Paused a week ago until 7 December: the ways to respond are hidden meanwhile.
    "travel-training-paused": record(
        """
        title: Travel training for young people
        summary: How we teach young people to travel on their own.
        opens: 2026-10-05
        closes: 2027-01-29
        audiences: [young-people, parents-carers]
        topics: transport
        lead: SEND Transport Team
        respond:
          - online: https://haveyoursay.anyshire.example/travel-training
        easy_read:
          title: Travel training (Easy Read)
          url: https://haveyoursay.anyshire.example/travel-training/easy-read
        paused:
          date: 2026-11-16
          reason: We found a mistake in the figures in the consultation document.
          resumes: 2026-12-07
        """
    ),
    # Paused for two weeks in October, open again since.
    "play-schemes-resumed": record(
        """
        title: Inclusive play schemes
        summary: Where and when our play schemes run.
        opens: 2026-09-07
        closes: 2027-03-31
        audiences: parents-carers
        topics: short-breaks
        lead: Short Breaks Team
        respond:
          - online: https://haveyoursay.anyshire.example/play
        easy_read:
          title: Play schemes (Easy Read)
          url: https://haveyoursay.anyshire.example/play/easy-read
        paused:
          date: 2026-10-01
          reason: The online form was not working.
          resumes: 2026-10-15
        """
    ),
    # Run by a partner, closed in July without an outcome here: never "overdue" for the council.
    "national-send-review": record(
        """
        title: National SEND review
        summary: A national consultation on support for children with SEND.
        opens: 2026-03-01
        closes: 2026-07-01
        audiences: everyone
        topics: send-support
        organisation: Department for Education
        lead: SEND Review Team
        respond:
          - online: https://consult.education.example/send-review
        """
    ),
    # Extended twice: from 30 November, then from 18 December, to 26 February.
    "respite-review-extended": record(
        """
        title: Overnight short breaks review
        summary: Overnight short breaks for disabled children.
        opens: 2026-10-01
        closes: 2027-02-26
        extended:
          - from: 2026-11-30
            on: 2026-11-02
          - from: 2026-12-18
            on: 2026-11-20
        audiences: parents-carers
        topics: short-breaks
        lead: Short Breaks Team
        respond:
          - email: shortbreaks@anyshire.example
        easy_read:
          title: Overnight short breaks (Easy Read)
          url: https://haveyoursay.anyshire.example/overnight/easy-read
        """
    ),
    # The opening date was never published: it was open until it closed, 10 days ago.
    "therapies-unknown-opening": record(
        """
        title: Therapies in schools
        summary: Speech, language and occupational therapy in schools.
        opens: unknown
        closes: 2026-11-13
        audiences: [parents-carers, professionals]
        topics: [health, education]
        lead: Integrated Therapies Service
        respond:
          - email: therapies@anyshire.example
        easy_read:
          title: Therapies (Easy Read)
          url: https://haveyoursay.anyshire.example/therapies/easy-read
        """
    ),
}

EVENTS: dict[str, str] = {
    "short-breaks-drop-in": record(
        """
        title: Short breaks drop-in, Anbury
        summary: Come and tell us what you think about short breaks.
        starts: 2026-12-01 16:00
        ends: 2026-12-01 18:00
        engagement: true
        kind: drop-in
        audiences: [parents-carers]
        location:
          name: Anbury Library
          address: Market Street, Anbury
          postcode: AY1 1AA
        organiser: Short Breaks Team
        consultation: short-breaks-2027
        """
    ),
    "transport-meeting": record(
        """
        title: Transport policy meeting
        summary: A meeting about the transport policy.
        starts: 2026-04-14
        kind: meeting
        audiences: [parents-carers]
        online:
          platform: Microsoft Teams
        organiser: SEND Transport Team
        consultation: transport-2026
        """
    ),
}

FEEDBACK: dict[str, str] = {
    "transport-feedback": textwrap.dedent(
        """\
        title: Transport consultation responses
        source: consultation
        received: 2026-05-05
        consultation: transport-2026
        comments:
          - from: parents-carers
            said: Travel budgets give us flexibility.
            response: We kept personal travel budgets.
          - from: young-people
            said: '<script>alert("said")</script> I want to travel on my own.'
            response: '<b>We will</b> offer travel training.'
        """
    ),
}

CONTENT: dict[str, str] = {
    "index.md": textwrap.dedent(
        """\
        # Anyshire Local Offer

        ## Have your say

        <!-- localoffer:open-consultations limit=2 -->
        """
    ),
    "consultations/index.md": textwrap.dedent(
        """\
        ---
        title: Consultations
        ---
        Anyshire wants to hear from **families** before we change services.
        """
    ),
    "all-open.md": textwrap.dedent(
        """\
        # Open consultations

        <!-- localoffer:open-consultations -->
        """
    ),
}

#: Expected status of every consultation at TODAY.
STATUSES = {
    "short-breaks-2027": "open",
    "holiday-survey": "open",
    "hostile": "open",
    "annual-reviews-2027": "upcoming",
    "inclusion-strategy-2028": "upcoming",
    "website-review": "closed",
    "school-places": "closed",
    "transport-2026": "outcome",
    "sen-support-guidance": "outcome",
    "respite-centre": "withdrawn",
    "travel-training-paused": "open",
    "play-schemes-resumed": "open",
    "national-send-review": "closed",
    "respite-review-extended": "open",
    "therapies-unknown-opening": "closed",
}
#: Paused at TODAY (their status stays the one their dates give).
PAUSED_NOW = {"travel-training-paused"}


def mkdocs_config() -> str:
    """The repository's mkdocs.yml with this site's nav."""
    text = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    config = yaml_load(text)  # MkDocs' own reading: site_url is !ENV [SITE_URL, ...]
    config["nav"] = [
        {"Home": "index.md"},
        {"Consultations": "consultations/index.md"},
        {"Open consultations": "all-open.md"},
    ]
    config["site_url"] = SITE_URL
    return yaml.safe_dump(config, sort_keys=False, allow_unicode=True)


def write_site(root: Path) -> Path:
    """Write the fixture site's files into ``root`` (the folder holding mkdocs.yml)."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "mkdocs.yml").write_text(mkdocs_config(), encoding="utf-8")
    for folder, records, suffix in (
        ("consultations", CONSULTATIONS, ".md"),
        ("events", EVENTS, ".md"),
        ("responses", FEEDBACK, ".yml"),
    ):
        (root / folder).mkdir(exist_ok=True)
        for record_id, text in records.items():
            (root / folder / f"{record_id}{suffix}").write_text(text, encoding="utf-8")
    content = root / "content"
    for name, text in CONTENT.items():
        (content / name).parent.mkdir(parents=True, exist_ok=True)
        (content / name).write_text(text, encoding="utf-8")
    documents = content / "documents"
    make_pdf(documents / "untagged-three-pages.pdf", 3, tagged=False)
    make_pdf(documents / "tagged-two-pages.pdf", 2, tagged=True)
    make_pdf(documents / "untagged-accessible.pdf", 1, tagged=False)
    make_pdf(documents / "easy-read.pdf", 4, tagged=True)
    return root


@dataclass(frozen=True)
class Built:
    root: Path
    out: Path

    def text(self, path: str) -> str:
        return (self.out / path).read_text(encoding="utf-8")

    def page(self, url_path: str) -> str:
        """The HTML of the page at ``url_path`` (``consultations/x/``)."""
        path = url_path.strip("/")
        return self.text(f"{path}/index.html" if path else "index.html")

    def soup(self, url_path: str) -> BeautifulSoup:
        """The page parsed as a browser would (html5lib)."""
        return BeautifulSoup(self.page(url_path), "html5lib")


def build(root: Path, out: Path, today: str = TODAY) -> Built:
    env = dict(os.environ, LOCALOFFER_TODAY=today, NO_MKDOCS_2_WARNING="1")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(out)],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise AssertionError(
            f"mkdocs build failed (exit {result.returncode}):\n{result.stdout}\n{result.stderr}"
        )
    return Built(root, out)
