#!/usr/bin/env python3
"""Generate a synthetic ten-year county archive as a localoffer site (and as plain pages).

Scale 1 is roughly what a large English county publishes in ten years: 1,500 consultations,
12,000 events (about 10% of them weekly series) and 300 feedback rounds of 15 comments each,
with a Local Offer directory of 3,000 services.
The output is deterministic for a given seed and scale, valid against the content model
(``localoffer check`` exits 0; warnings such as overdue outcomes and untagged PDFs are allowed
and expected, as in a real archive) and written with "today" fixed at ``TODAY``.

    .venv/bin/python benchmarks/corpus.py /tmp/archive --scale 0.1
    .venv/bin/python benchmarks/corpus.py /tmp/archive --scale 0.1 --plain /tmp/archive-plain

``--plain`` also writes a plain mkdocs-material site with one Markdown page per record holding
the record's body and a few of its fields as text, kept out of the nav, for the side-by-side
comparison in ``run.py``. Needs only the standard library and PyYAML.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import textwrap
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import yaml
from yaml_env_tag import construct_env_tag

REPO = Path(__file__).resolve().parent.parent
TODAY = date(2026, 11, 23)
FIRST_DAY = date(2017, 1, 1)
LAST_EVENT_DAY = date(2027, 6, 30)
PER_SCALE = {"consultations": 1500, "events": 12000, "feedback": 300, "services": 3000}
COMMENTS_PER_ROUND = 15
WEEKLY_SHARE = 0.10

AUDIENCES = ["children", "young-people", "parents-carers", "professionals", "everyone"]
TOPICS = [
    "education",
    "health",
    "social-care",
    "short-breaks",
    "transport",
    "preparing-for-adulthood",
    "send-support",
    "ehc-plans",
    "mental-health",
    "local-offer",
]
AREAS = ["countywide", "north", "south", "east", "west", "online"]
KINDS = [
    "forum",
    "drop-in",
    "workshop",
    "activity",
    "training",
    "information-session",
    "young-inspectors",
    "consultation-event",
    "meeting",
]
SOURCES = [
    "survey",
    "youth-forum",
    "young-inspectors",
    "parent-carer-forum",
    "consultation",
    "local-offer-feedback",
    "event",
    "complaints-and-compliments",
]
GROUPS = ["children", "young-people", "parents-carers", "professionals"]
SERVICE_CATEGORIES = [
    "education",
    "health",
    "social-care",
    "short-breaks",
    "transport",
    "preparing-for-adulthood",
    "advice-and-support",
    "leisure",
    "childcare",
    "mental-health",
]
NEEDS = [
    "communication-and-interaction",
    "cognition-and-learning",
    "social-emotional-and-mental-health",
    "sensory-and-physical",
]
SERVICE_NAMES = {
    "education": ["Specialist teaching service", "SEN support outreach", "Resourced provision"],
    "health": ["Speech and language therapy", "Occupational therapy", "Children's physiotherapy"],
    "social-care": ["Children with disabilities team", "Family support service"],
    "short-breaks": ["Short breaks club", "Holiday playscheme", "Overnight short breaks"],
    "transport": ["Travel training", "Home to school travel assistance"],
    "preparing-for-adulthood": ["Supported internships", "Transition support"],
    "advice-and-support": ["SEND advice line", "Parent carer support group", "Advocacy service"],
    "leisure": ["Inclusive swimming", "Inclusive football club", "Youth club"],
    "childcare": ["Inclusive nursery", "After-school club", "Childminder network"],
    "mental-health": ["Wellbeing service", "Counselling for young people"],
}
PROVIDERS = [
    "Anyshire County Council",
    "Anyshire Community Health NHS Trust",
    "Anyshire Parent Carer Forum",
    "Anbury Play Trust",
    "Kestleford Family Hub",
    "Westerholm Sports Club",
    "Sallowmouth Academy",
    "Marrowby Youth Charity",
]
SERVICE_SENTENCES = [
    "The service works with children and young people in {place} and across Anyshire.",
    "Staff are trained in supporting children with SEND, and sessions are calm and friendly.",
    "Families can ask for help directly, or a school, GP or health visitor can refer them.",
    "There is no waiting list at the moment: we will contact you within two weeks.",
    "Brothers and sisters are welcome at most sessions. Tell us if you need an interpreter.",
    "We work closely with schools, so that support carries on between appointments.",
    "Young people aged 16 to 25 can contact us themselves.",
    "Sessions take place after school, at weekends and in the school holidays.",
]
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

TOPIC_WORDS = {
    "education": "school places",
    "health": "therapy services",
    "social-care": "social care support",
    "short-breaks": "short breaks",
    "transport": "travel assistance",
    "preparing-for-adulthood": "preparing for adulthood",
    "send-support": "SEN support in schools",
    "ehc-plans": "EHC needs assessments",
    "mental-health": "emotional wellbeing support",
    "local-offer": "the Local Offer website",
}
PLACES = [
    ("Anbury", "AY1"),
    ("Kestleford", "AY2"),
    ("Marrowby", "AY3"),
    ("Westerholm", "AY4"),
    ("Brackenfold", "AY5"),
    ("Thornby Cross", "AY6"),
    ("Elmsworth", "AY7"),
    ("Sallowmouth", "AY8"),
    ("Harlowden", "AY9"),
    ("Pennick Vale", "AY10"),
]
VENUES = [
    "Library",
    "Community Centre",
    "Family Hub",
    "Youth Hub",
    "Leisure Centre",
    "Children's Centre",
    "Methodist Church Hall",
    "Village Hall",
    "Academy",
    "Special School",
]
TEAMS = [
    "SEND Services",
    "Short Breaks Team",
    "SEND Transport Team",
    "Educational Psychology Service",
    "Preparing for Adulthood Team",
    "Local Offer team",
    "Children's Social Care",
    "Integrated Care Board",
    "Anyshire Participation Team",
    "Inclusion Service",
]
ORGANISERS = [
    "Anyshire Participation Team",
    "Anyshire Parent Carer Forum",
    "SENDIASS Anyshire",
    "Anyshire Family Hubs",
    "Local Offer team",
    "Short Breaks Team",
    "Anyshire Libraries",
    "Young Inspectors",
    "Preparing for Adulthood Team",
    "Anyshire Inclusion Service",
]
EVENT_NAMES = {
    "forum": ["SEND Youth Forum", "Parent carer forum", "Young people's forum", "Dads' forum"],
    "drop-in": [
        "Local Offer drop-in",
        "SENDIASS drop-in",
        "EHC plan advice drop-in",
        "Short breaks drop-in",
    ],
    "workshop": [
        "Sleep workshop",
        "Understanding behaviour workshop",
        "Money and benefits workshop",
        "Transition to secondary school workshop",
    ],
    "activity": [
        "Sensory swim",
        "Inclusive football",
        "Messy play morning",
        "Wheelchair basketball",
        "Holiday activity day",
        "Inclusive dance",
    ],
    "training": [
        "Autism awareness course",
        "ADHD awareness course",
        "Makaton taster session",
        "Co-production training",
    ],
    "information-session": [
        "Preparing for adulthood information evening",
        "Choosing a school information session",
        "Personal budgets information session",
    ],
    "young-inspectors": [
        "Young Inspectors training day",
        "Young Inspectors visit",
        "Young Inspectors report planning",
    ],
    "consultation-event": [
        "Consultation listening event",
        "Have your say workshop",
        "Consultation drop-in",
    ],
    "meeting": [
        "SEND partnership board open meeting",
        "Parent carer forum open meeting",
        "Co-production group meeting",
    ],
}
CONSULTATION_SUBJECTS = [
    "Short breaks services statement",
    "Home to school travel assistance policy",
    "Specialist school places plan",
    "SEND and inclusion strategy",
    "Local Offer website review",
    "Respite centre proposals",
    "Preparing for adulthood pathway",
    "Mental health support in schools",
    "EHC plan annual reviews process",
    "Holiday activities programme",
    "Speech and language therapy service",
    "Resourced provision proposals",
    "Personal budgets policy",
    "Alternative provision plan",
    "Early years inclusion funding",
    "Post-16 transport policy",
    "Autism strategy",
    "Sensory support service review",
    "Carers' strategy",
    "Accessibility strategy for schools",
]

CONSULTATION_SECTIONS = {
    "What we are proposing": [
        "We are proposing changes to {topic} for children and young people with special "
        "educational needs and disabilities (SEND) in {place} and across Anyshire.",
        "The proposal would mean more support close to home, so that fewer families have to "
        "travel a long way for help.",
        "We want to make it simpler to ask for help, with one form that you can fill in online, "
        "on paper or over the phone.",
        "We would also give more time to families during the summer holidays, when many "
        "services are closed.",
        "Nothing would change for families who already have support in place until their next "
        "review.",
        "We are also proposing to publish clear information about who can get {topic}, how to "
        "ask for it and how long it should take.",
    ],
    "Why": [
        "Families told us that it is hard to find out what is available and who to ask.",
        "The number of children and young people with an EHC plan in Anyshire has more than "
        "doubled in the last eight years, and our services have not kept up.",
        "Parents and carers said that waiting times are too long and that they have to tell "
        "their story again and again.",
        "Young people told the SEND Youth Forum that they want more say in decisions about their "
        "own support.",
        "Our current policy was written several years ago and no longer matches the law or the "
        "way services work today.",
        "We need to make sure that the money we have is spent fairly and goes where it makes "
        "the most difference.",
    ],
    "How to have your say": [
        "Read the consultation document, then answer the questions online, by email or by post.",
        "You can ask for the consultation document in another format, such as large print or "
        "Easy Read, by emailing us.",
        "Come and talk to us at one of our drop-in sessions, where staff can help you fill in "
        "the form.",
        "Children and young people can give their views through their school, college or the "
        "SEND Youth Forum.",
        "You do not have to answer every question: tell us about the things that matter to you.",
    ],
    "What happens next": [
        "We will read every response and publish what you told us, and what we will do about "
        "it, on this page.",
        "A report will go to the council's cabinet, which will make the final decision.",
        "If the changes go ahead, we will write to every family affected before anything changes.",
        "We will check how the changes are working with the parent carer forum after a year.",
    ],
}
EVENT_SENTENCES = [
    "This session is for {audience} in {place} and the surrounding villages.",
    "Come along to meet other families, ask questions and find out what is available locally.",
    "Staff from the {organiser} will be there to listen and to answer questions.",
    "There is a quiet room you can use at any time, and you can leave whenever you need to.",
    "Brothers and sisters are welcome too. Please tell us if you need an interpreter.",
    "Drinks and snacks are provided. Please tell us about any allergies when you book.",
    "We will talk about {topic}, and what would make it better for children and young people.",
    "You do not need to book, but it helps us to know how many people are coming.",
    "The session is relaxed and friendly. You will not be asked to speak if you do not want to.",
    "We will send a short summary of what was said to everyone who came, and publish it in "
    "You said, we did.",
    "Young people aged 16 to 25 can come on their own or with a parent, carer or support worker.",
    "Parking is free, and the building is close to the bus station.",
]
SAID = [
    "It took months to find out what support was available for my son, and nobody told us "
    "about the Local Offer until he started school.",
    "The information about {topic} is out of date and some of the phone numbers do not work.",
    "I would like more activities in the holidays that my daughter can join without me being "
    "there all the time.",
    "Waiting for an assessment took far too long and we heard nothing for weeks at a time.",
    "The website is hard to use on a phone and the search does not find what I am looking for.",
    "The staff at the drop-in were really kind and explained everything clearly.",
    "I want to be asked about my own plan, not just my mum and my teachers.",
    "There is nothing for young people over sixteen in {place} in the evenings.",
    "Transport to college is a worry for us because the bus journey is long and noisy.",
    "The Easy Read version helped me understand what was going to change.",
    "We were never told that we could ask for a personal budget.",
    "More training for teachers about autism would make a big difference at school.",
    "I liked being able to give my views online because I find meetings hard.",
    "Letters from the council use too many words that families do not understand.",
    "It would help to have a named person to contact instead of a general inbox.",
]
RESPONSES = [
    "Thank you for telling us. We have checked every page about {topic} and removed the "
    "information that was out of date.",
    "We agree. We have asked every provider to check their details every six months.",
    "We have added more holiday places in {place}, including sessions for young people aged "
    "16 to 25.",
    "We are sorry it took so long. We have taken on more staff and now send an update every "
    "two weeks while you wait.",
    "We have rebuilt the website so that it works well on phones, and tested it with the SEND "
    "Youth Forum.",
    "Thank you. We have shared your comment with the team, and we will keep the drop-ins going.",
    "From September, every young person will be asked for their views before their annual "
    "review meeting.",
    "We are working with the youth service to start an evening club for young people in {place}.",
    "We cannot change the bus routes ourselves, but we have raised this with the transport "
    "provider and will report back.",
    "We will publish an Easy Read version of every consultation from now on.",
    "We have written a short guide to personal budgets and every family now gets it with "
    "their plan.",
    "We have funded autism training for every school in Anyshire over the next two years.",
    "We will keep offering online ways to take part in every consultation.",
    "We have rewritten our standard letters in plain English with the parent carer forum.",
    "Each family now has a named caseworker, and their contact details are in every letter.",
]
CANCEL_NOTES = [
    "Cancelled because the venue is closed. We will arrange another date soon.",
    "Cancelled because of the weather. Everyone who booked has been told.",
]
POSTPONE_NOTES = ["Postponed: a new date will be announced here and on our newsletter."]
MOVED_NOTES = ["This session will now take place online only. The link is sent when you book."]


@dataclass(frozen=True)
class Pdf:
    name: str
    title: str
    pages: int
    tagged: bool


PDFS = [
    Pdf("archive-consultation-document.pdf", "Consultation document", 3, True),
    Pdf("archive-easy-read.pdf", "Easy Read version", 2, True),
    Pdf("archive-outcome-report.pdf", "Outcome report", 4, True),
    Pdf("archive-meeting-notes.pdf", "Notes of the meeting", 1, False),
]


class Raw(str):
    """A scalar written as it is (a date-time an editor types, ``2026-01-12 17:00``)."""


@dataclass
class Corpus:
    """What was generated: record counts, and the ids of records of note for the benchmark."""

    root: Path
    scale: float
    seed: int
    consultations: int = 0
    events: int = 0
    weekly_series: int = 0
    feedback_rounds: int = 0
    comments: int = 0
    services: int = 0
    services_overdue: int = 0  # not reviewed for 12 months at TODAY (a checker warning each)
    statuses: dict[str, int] = field(default_factory=dict)
    edit_target: str = ""  # a record file (relative to root) the rebuild benchmark edits
    plain_root: Path | None = None
    plain_pages: int = 0

    def as_dict(self) -> dict[str, Any]:
        result = {k: v for k, v in self.__dict__.items() if not k.endswith("root")}
        result["root"] = str(self.root)
        result["plain_root"] = str(self.plain_root) if self.plain_root else None
        return result


# --- YAML written the way an editor would write it -------------------------------------------

_PLAIN_OK = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 ,.'()/&£?!@:_+-]*$")
_NOT_TEXT = re.compile(r"^[\d.+-]+$|^\d{4}-\d")
_SPECIAL = {"yes", "no", "on", "off", "true", "false", "null", "y", "n"}


def scalar(value: Any) -> str:
    if isinstance(value, Raw):
        return str(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float | date):
        return value.isoformat() if isinstance(value, date) else str(value)
    text = str(value)
    if (
        _PLAIN_OK.match(text)
        and not _NOT_TEXT.match(text)
        and text.lower() not in _SPECIAL
        and ": " not in text
        and not text.endswith(":")
    ):
        return text
    return json.dumps(text, ensure_ascii=False)


def emit(data: Any, indent: int = 0) -> list[str]:
    """Block-style YAML for dicts and lists of dicts; flow style for lists of short scalars."""
    pad = " " * indent
    lines: list[str] = []
    if isinstance(data, dict):
        for key, value in data.items():
            lines.extend(_entry(f"{pad}{key}:", value, indent))
        return lines
    for item in data:
        if isinstance(item, dict):
            inner = emit(item, indent + 2)
            lines.append(f"{pad}- {inner[0].lstrip()}")
            lines.extend(inner[1:])
        else:
            lines.extend(_entry(f"{pad}-", item, indent))
    return lines


def _entry(prefix: str, value: Any, indent: int) -> list[str]:
    if isinstance(value, dict):
        return [prefix, *emit(value, indent + 2)]
    if isinstance(value, list):
        if all(not isinstance(v, dict | list) and len(str(v)) < 40 for v in value):
            return [f"{prefix} [{', '.join(scalar(v) for v in value)}]"]
        return [prefix, *emit(value, indent + 2)]
    if isinstance(value, str) and not isinstance(value, Raw) and len(value) > 70 and " " in value:
        width = max(40, 96 - indent - 2)
        wrapped = textwrap.wrap(value, width=width, break_long_words=False)
        return [f"{prefix} >-", *(" " * (indent + 2) + line for line in wrapped)]
    return [f"{prefix} {scalar(value)}"]


def front_matter(data: dict[str, Any], body: str) -> str:
    return "---\n" + "\n".join(emit(data)) + "\n---\n" + body


# --- tiny deterministic PDFs ------------------------------------------------------------------


def tiny_pdf(title: str, pages: int, tagged: bool) -> bytes:
    """A small valid PDF of ``pages`` pages, one line each; a tagged one has a structure tree."""
    objects: list[bytes] = []
    page_ids = [4 + 2 * i for i in range(pages)]
    kids = " ".join(f"{n} 0 R" for n in page_ids)
    catalog = b"<< /Type /Catalog /Pages 2 0 R /Lang (en-GB)"
    if tagged:
        struct_id = 4 + 2 * pages
        catalog += f" /MarkInfo << /Marked true >> /StructTreeRoot {struct_id} 0 R".encode()
        catalog += b" /ViewerPreferences << /DisplayDocTitle true >>"
    objects.append(catalog + b" >>")
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>".encode())
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    for index in range(pages):
        content_id = page_ids[index] + 1
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {content_id} 0 R "
            "/Resources << /Font << /F1 3 0 R >> >> >>".encode()
        )
        line = f"{title} - page {index + 1} of {pages}".replace("(", "").replace(")", "")
        stream = f"BT /F1 14 Tf 64 760 Td ({line}) Tj ET".encode()
        objects.append(f"<< /Length {len(stream)} >>\nstream\n".encode() + stream + b"\nendstream")
    if tagged:
        objects.append(b"<< /Type /StructTreeRoot >>")
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
    ).encode()
    return bytes(out)


# --- the generator ----------------------------------------------------------------------------


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def govuk_date(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def _counts(scale: float) -> dict[str, int]:
    # At least one feedback round a year, and one consultation of each status.
    minimum = {"consultations": 5, "events": 20, "feedback": 10, "services": 12}
    return {k: max(minimum[k], round(v * scale)) for k, v in PER_SCALE.items()}


class Generator:
    def __init__(self, root: Path, scale: float, seed: int) -> None:
        self.root = root
        self.rng = random.Random(seed)
        self.counts = _counts(scale)
        self.corpus = Corpus(root=root, scale=scale, seed=seed)
        self.consultations: dict[str, dict[str, Any]] = {}
        self.events: dict[str, dict[str, Any]] = {}
        self.feedback: dict[str, dict[str, Any]] = {}
        self.services: dict[str, dict[str, Any]] = {}
        # Services draw from their own stream, so the rest of the archive is as it was before
        # the directory was added.
        self.service_rng = random.Random(seed + 1)
        self.bodies: dict[str, str] = {}  # "folder/id" -> Markdown body
        self.paths: dict[str, str] = {}  # "folder/id" -> file path relative to root

    # helpers
    def pick(self, items: list[Any]) -> Any:
        return self.rng.choice(items)

    def some(self, items: list[Any], low: int, high: int) -> list[Any]:
        return self.rng.sample(items, self.rng.randint(low, high))

    def day_between(self, start: date, end: date) -> date:
        return start + timedelta(days=self.rng.randint(0, max(0, (end - start).days)))

    def fill(self, text: str, **extra: str) -> str:
        values = {
            "topic": TOPIC_WORDS[self.pick(TOPICS)],
            "place": self.pick(PLACES)[0],
            "audience": "parents and carers",
            "organiser": "council",
        }
        values.update(extra)
        return text.format(**values)

    def paragraphs(
        self, sentences: list[str], count: int, low: int, high: int, **extra: str
    ) -> list[str]:
        """``count`` paragraphs of ``low``-``high`` sentences, repeating none while it can."""
        pool = self.rng.sample(sentences, len(sentences))
        result = []
        for _ in range(count):
            size = self.rng.randint(low, high)
            if len(pool) < size:
                pool += self.rng.sample(sentences, len(sentences))
            chosen, pool = pool[:size], pool[size:]
            result.append(textwrap.fill(" ".join(self.fill(s, **extra) for s in chosen), width=96))
        return result

    def document(self, pdf: Pdf, title: str | None = None) -> dict[str, Any]:
        ref: dict[str, Any] = {"title": title or pdf.title, "file": f"documents/{pdf.name}"}
        if pdf.name == "archive-easy-read.pdf":
            ref["easy_read"] = True
        if not pdf.tagged and self.rng.random() < 0.5:
            ref["accessible"] = True
        return ref

    def link(self, title: str, record_id: str) -> dict[str, Any]:
        return {"title": title, "url": f"https://www.anyshire.example/documents/{record_id}"}

    def unique_id(self, base: str, taken: dict[str, Any]) -> str:
        candidate, number = base, 2
        while candidate in taken:
            candidate, number = f"{base}-{number}", number + 1
        return candidate

    # records
    def make_feedback_ids(self) -> list[str]:
        n = self.counts["feedback"]
        ids = []
        for index in range(n):
            year = FIRST_DAY.year + index * 10 // n
            season = ["spring", "summer", "autumn", "winter"][index % 4]
            source = self.pick(SOURCES)
            base = slug(f"{source} {season} {year}")
            record_id = self.unique_id(base, self.feedback)
            self.feedback[record_id] = {"_year": year, "_season": season, "source": source}
            ids.append(record_id)
        return ids

    def make_consultations(self) -> None:
        n = self.counts["consultations"]
        statuses = ["upcoming", "open", "closed", "withdrawn", "outcome"]
        for index in range(n):
            if index < len(statuses):
                status = statuses[index]
            else:
                roll = self.rng.random()
                status = (
                    "upcoming"
                    if roll < 0.02
                    else "open"
                    if roll < 0.06
                    else "closed"
                    if roll < 0.10
                    else "withdrawn"
                    if roll < 0.13
                    else "outcome"
                )
            self.corpus.statuses[status] = self.corpus.statuses.get(status, 0) + 1
            topics = self.some(TOPICS, 1, 3)
            place = self.pick(PLACES)[0]
            subject = self.pick(CONSULTATION_SUBJECTS)
            if status == "upcoming":
                opens = TODAY + timedelta(days=self.rng.randint(5, 90))
            elif status == "open":
                opens = TODAY - timedelta(days=self.rng.randint(1, 40))
            elif status == "closed":
                opens = TODAY - timedelta(days=self.rng.randint(60, 200))
            else:
                opens = self.day_between(FIRST_DAY, TODAY - timedelta(days=150))
            length = timedelta(weeks=self.rng.randint(4, 12))
            closes: date = opens + length
            if status == "open":
                closes = TODAY + timedelta(days=self.rng.randint(3, 60))
            elif status == "closed":
                closes = min(closes, TODAY - timedelta(days=self.rng.randint(7, 140)))
                closes = max(closes, opens + timedelta(days=14))
            year = opens.year
            title = f"{subject} {year}" if index % 3 else f"{subject}, {place} {year}"
            record_id = self.unique_id(slug(title), self.consultations)
            team = self.pick(TEAMS)
            mailbox = f"{slug(team).replace('-', '')[:16]}@anyshire.example"
            record: dict[str, Any] = {
                "title": title,
                "summary": self.fill(
                    "We asked children, young people and families what they think of our plans "
                    "for {topic} in {place}, and how we can make them work better for everyone.",
                    topic=TOPIC_WORDS[topics[0]],
                    place=place,
                ),
                "opens": opens,
                "closes": Raw(f"{closes.isoformat()} 17:00") if index % 2 else closes,
                "audiences": self.some(AUDIENCES[:4], 1, 3),
                "topics": topics,
                "areas": self.some(AREAS[:5], 1, 2),
                "lead": team,
                "contact": mailbox,
                "respond": [
                    {"online": f"https://haveyoursay.anyshire.example/{record_id}"},
                    {"email": mailbox},
                    {
                        "post": f"{team}, Anyshire County Council, County Hall, Market Street, "
                        "Anbury AY1 1AA"
                    },
                    {"phone": f"01632 960 {self.rng.randint(100, 999)}"},
                ][: self.rng.randint(1, 4)],
            }
            if status in ("open", "upcoming") or self.rng.random() < 0.3:
                record["easy_read"] = self.document(PDFS[1], f"{subject} (Easy Read)")
            documents = [self.document(PDFS[0])]
            if self.rng.random() < 0.5:
                documents.append(self.link(f"Current {subject.lower()}", record_id))
            record["documents"] = documents
            if status == "withdrawn":
                record["withdrawn"] = {
                    "date": opens + timedelta(days=7),
                    "reason": "The proposal was withdrawn after the government changed the "
                    "funding rules. We will consult again on new proposals.",
                }
            if status == "outcome":
                published = min(
                    closes + timedelta(weeks=self.rng.randint(6, 11)), TODAY - timedelta(days=1)
                )
                record["outcome"] = {
                    "published": published,
                    "summary": "We read every response. We will go ahead with most of the "
                    "proposal, with changes that families asked for: more local sessions, a "
                    "paper form and a named contact for every family.",
                    "documents": [self.document(PDFS[2])],
                }
            if self.rng.random() < 0.01:
                record["previous_ids"] = [f"old-{record_id}"]
            self.consultations[record_id] = record
            body = []
            for heading, sentences in CONSULTATION_SECTIONS.items():
                body.append(f"## {heading}")
                body += self.paragraphs(sentences, self.rng.randint(1, 2), 2, 3, place=place)
            self.bodies[f"consultations/{record_id}"] = "\n\n".join(body) + "\n"
            self.paths[f"consultations/{record_id}"] = f"consultations/{year}/{record_id}.md"
        ids = list(self.consultations)
        for record_id, record in self.consultations.items():
            if self.rng.random() < 0.2 and len(ids) > 2:
                related = [i for i in self.rng.sample(ids, 2) if i != record_id][:1]
                record["related"] = related

    def make_events(self) -> None:
        n = self.counts["events"]
        consultation_ids = list(self.consultations)
        for _ in range(n):
            kind = self.pick(KINDS)
            place, postcode_area = self.pick(PLACES)
            name = self.pick(EVENT_NAMES[kind])
            starts_day = self.day_between(FIRST_DAY, LAST_EVENT_DAY)
            roll = self.rng.random()
            repeat: dict[str, Any] | None = None
            all_day = False
            if roll < WEEKLY_SHARE:
                weeks = self.rng.randint(6, 30)
                repeat = {"frequency": "weekly"}
                if self.rng.random() < 0.5:
                    repeat["count"] = weeks
                else:
                    repeat["until"] = starts_day + timedelta(weeks=weeks - 1)
                if self.rng.random() < 0.3:
                    skipped = starts_day + timedelta(weeks=self.rng.randint(1, weeks - 1))
                    repeat["except"] = [skipped]
                self.corpus.weekly_series += 1
            elif roll < WEEKLY_SHARE + 0.03:
                repeat = {"frequency": "monthly", "count": self.rng.randint(6, 12)}
            elif roll < WEEKLY_SHARE + 0.15:
                all_day = True
            title = f"{name}, {place}" if kind not in ("forum", "meeting") else name
            title = f"{title}, {govuk_date(starts_day)}" if repeat is None else title
            base = slug(title if repeat is None else f"{title} {starts_day.year}")
            record_id = self.unique_id(base, self.events)
            audiences = self.some(AUDIENCES, 1, 3)
            record: dict[str, Any] = {
                "title": title,
                "summary": self.fill(
                    "A {kind} for {audience} in {place}: meet other families, find out what is "
                    "on offer and tell us what would help.",
                    kind=kind.replace("-", " "),
                    audience=audiences[0].replace("-", " "),
                    place=place,
                ),
            }
            if all_day:
                record["starts"] = starts_day
                if self.rng.random() < 0.5:
                    record["ends"] = starts_day + timedelta(days=self.rng.randint(1, 2))
            else:
                hour = self.rng.choice([9, 10, 11, 13, 14, 16, 17, 18, 19])
                minute = self.rng.choice([0, 0, 30])
                start = datetime.combine(starts_day, datetime.min.time()).replace(
                    hour=hour, minute=minute
                )
                end = start + timedelta(minutes=self.rng.choice([60, 90, 120, 180]))
                record["starts"] = Raw(f"{start:%Y-%m-%d %H:%M}")
                record["ends"] = Raw(f"{end:%Y-%m-%d %H:%M}")
            if repeat:
                record["repeat"] = repeat
            record["engagement"] = kind in ("forum", "consultation-event", "young-inspectors") or (
                self.rng.random() < 0.15
            )
            record["kind"] = kind
            record["audiences"] = audiences
            if self.rng.random() < 0.4:
                low = self.rng.randint(0, 16)
                record["ages"] = {"from": low, "to": min(25, low + self.rng.randint(3, 12))}
            record["areas"] = self.some(AREAS[1:5], 1, 2)
            where = self.rng.random()
            if where < 0.75:
                record["location"] = {
                    "name": f"{place} {self.pick(VENUES)}",
                    "address": f"{self.rng.randint(1, 80)} High Street, {place}",
                    "postcode": f"{postcode_area} {self.rng.randint(1, 9)}"
                    f"{self.pick(list('ABDEFGHJLNPQRSTUWXYZ'))}"
                    f"{self.pick(list('ABDEFGHJLNPQRSTUWXYZ'))}",
                    "accessibility": "Step-free entrance and an accessible toilet. Hearing loop "
                    "in the main hall. A quiet room is available. Free parking behind the "
                    "building.",
                }
            if where >= 0.6:
                record["online"] = {"platform": "Microsoft Teams (the link is sent when you book)"}
            if self.rng.random() < 0.2:
                record["cost"] = f"£{self.rng.randint(2, 6)} per child"
            if self.rng.random() < 0.4:
                record["booking"] = {
                    "required": True,
                    "email": "events@anyshire.example",
                    "phone": f"01632 960 {self.rng.randint(100, 999)}",
                }
            organiser = self.pick(ORGANISERS)
            record["organiser"] = organiser
            record["contact"] = "events@anyshire.example"
            if consultation_ids and self.rng.random() < 0.05:
                record["consultation"] = self.pick(consultation_ids)
            status_roll = self.rng.random()
            if status_roll < 0.03:
                record["status"] = "cancelled"
                record["status_note"] = self.pick(CANCEL_NOTES)
            elif status_roll < 0.04:
                record["status"] = "postponed"
                record["status_note"] = self.pick(POSTPONE_NOTES)
            elif status_roll < 0.05 and "online" in record:
                record["status"] = "moved-online"
                record["status_note"] = self.pick(MOVED_NOTES)
            if starts_day < TODAY and self.rng.random() < 0.05:
                record["documents"] = [self.document(PDFS[3])]
            if self.rng.random() < 0.005:
                record["previous_ids"] = [f"old-{record_id}"]
            self.events[record_id] = record
            paragraphs = self.paragraphs(
                EVENT_SENTENCES,
                self.rng.randint(2, 4),
                2,
                4,
                place=place,
                organiser=organiser,
                audience=audiences[0].replace("-", " "),
            )
            self.bodies[f"events/{record_id}"] = "\n\n".join(paragraphs) + "\n"
            self.paths[f"events/{record_id}"] = f"events/{starts_day.year}/{record_id}.md"
        event_ids = list(self.events)
        for record in self.consultations.values():
            if self.rng.random() < 0.1:
                record["respond"].append({"event": self.pick(event_ids)})

    def make_feedback(self) -> None:
        with_outcome = [i for i, r in self.consultations.items() if "outcome" in r]
        for record_id, draft in list(self.feedback.items()):
            year, season, source = draft["_year"], draft["_season"], draft["source"]
            month = {"spring": 4, "summer": 7, "autumn": 10, "winter": 12}[season]
            received = date(year, month, self.rng.randint(1, 28))
            received = min(received, TODAY - timedelta(days=1))
            place = self.pick(PLACES)[0]
            label = source.replace("-", " ").capitalize()
            record: dict[str, Any] = {
                "title": f"{label}, {season} {year}",
                "source": source,
                "received": received,
                "summary": self.fill(
                    "What children, young people and families in {place} told us about "
                    "{topic}, and what we did about it.",
                    place=place,
                ),
            }
            if source == "consultation" and with_outcome:
                consultation_id = self.pick(with_outcome)
                record["consultation"] = consultation_id
                outcome = self.consultations[consultation_id]["outcome"]
                outcome.setdefault("feedback", []).append(record_id)
            if self.rng.random() < 0.1:
                record["documents"] = [self.document(PDFS[2], "Full report")]
            comments = []
            for _ in range(COMMENTS_PER_ROUND):
                comment: dict[str, Any] = {
                    "from": self.pick(GROUPS),
                    "regarding": self.pick(["content", "accessibility", "development"]),
                    "topics": self.some(TOPICS, 1, 2),
                    "said": " ".join(self.fill(s, place=place) for s in self.some(SAID, 1, 2)),
                    "response": " ".join(
                        self.fill(s, place=place) for s in self.some(RESPONSES, 1, 3)
                    ),
                }
                roll = self.rng.random()
                if roll < 0.6:
                    due = received + timedelta(weeks=self.rng.randint(8, 40))
                    if due < TODAY - timedelta(weeks=8) or roll < 0.3:
                        done = min(due - timedelta(days=self.rng.randint(0, 30)), TODAY)
                        comment["action"] = {
                            "status": "done",
                            "due": due,
                            "completed": max(done, received),
                            "owner": self.pick(TEAMS),
                        }
                    else:
                        comment["action"] = {
                            "status": self.pick(["planned", "in-progress"]),
                            "due": due,
                            "owner": self.pick(TEAMS),
                        }
                elif roll < 0.65:
                    comment["action"] = {"status": "not-planned"}
                comments.append(comment)
            record["comments"] = comments
            self.feedback[record_id] = record
            self.paths[f"responses/{record_id}"] = f"responses/{year}/{record_id}.yml"
            self.corpus.comments += len(comments)

    def make_services(self) -> None:
        """The Local Offer directory, and the events and consultations that name a service."""
        rng = self.service_rng
        for _ in range(self.counts["services"]):
            categories = rng.sample(SERVICE_CATEGORIES, rng.randint(1, 2))
            place, postcode_area = rng.choice(PLACES)
            name = rng.choice(SERVICE_NAMES[categories[0]])
            record_id = self.unique_id(slug(f"{name} {place}"), self.services)
            provider = rng.choice(PROVIDERS)
            team = rng.choice(TEAMS)
            record: dict[str, Any] = {
                "title": f"{name}, {place}",
                "summary": f"{name} for children and young people with SEND and their "
                f"families in {place}.",
                "organisation": {"name": provider},
                "categories": categories,
            }
            if provider == PROVIDERS[0]:
                record["organisation"]["url"] = "https://www.anyshire.example/"
            if rng.random() < 0.6:
                record["needs"] = rng.sample(NEEDS, rng.randint(1, 2))
            if rng.random() < 0.6:
                low = rng.randint(0, 16)
                record["ages"] = {"from": low, "to": min(25, low + rng.randint(3, 12))}
            record["audiences"] = self.some_of(rng, AUDIENCES[:4], 1, 2)
            record["areas"] = self.some_of(rng, AREAS[:5], 1, 2)
            roll = rng.random()
            if roll < 0.15:
                record["cost"] = {"amount": rng.choice([1.5, 2, 3.5, 5, 12]), "per": "session"}
            elif roll < 0.3:
                record["cost"] = f"£{rng.randint(2, 8)} a session, carers free"
            record["referral"] = rng.choice(["self", "self", "professional", "both"])
            if rng.random() < 0.8:
                record["locations"] = [
                    {
                        "name": f"{place} {rng.choice(VENUES)}",
                        "address": f"{rng.randint(1, 80)} Church Lane, {place}",
                        "postcode": f"{postcode_area} {rng.randint(1, 9)}"
                        f"{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}",
                        "accessibility": "Step-free access, a hearing loop and a quiet room.",
                    }
                    for _ in range(rng.randint(1, 2))
                ]
            record["contact"] = {
                "email": f"{slug(team).replace('-', '')[:16]}@anyshire.example",
                "phone": f"01632 961 {rng.randint(100, 999)}",
            }
            record["hours"] = rng.choice(
                ["Monday to Friday, 9am to 5pm", "After school and on Saturdays", "Term time"]
            )
            if rng.random() < 0.3:
                record["languages"] = ["English", rng.choice(["British Sign Language", "Polish"])]
            # Reviewed within the last 18 months: about a third are overdue, as in a real one.
            reviewed = TODAY - timedelta(days=rng.randint(0, 540))
            record["reviewed"] = reviewed
            if reviewed <= TODAY.replace(year=TODAY.year - 1):
                self.corpus.services_overdue += 1
            if rng.random() < 0.05:
                record["documents"] = [self.document(PDFS[0], "Leaflet")]
            if rng.random() < 0.01:
                record["previous_ids"] = [f"old-{record_id}"]
            self.services[record_id] = record
            sentences = rng.sample(SERVICE_SENTENCES, 4)
            body = [" ".join(sentences[:2]), " ".join(sentences[2:])]
            self.bodies[f"services/{record_id}"] = (
                "\n\n".join(textwrap.fill(p.format(place=place), width=96) for p in body) + "\n"
            )
            self.paths[f"services/{record_id}"] = f"services/{categories[0]}/{record_id}.md"
        ids = list(self.services)
        for record in self.events.values():
            if rng.random() < 0.05:
                record["service"] = rng.choice(ids)
        for record in self.consultations.values():
            if rng.random() < 0.05:
                record["services"] = rng.sample(ids, rng.randint(1, 3))

    @staticmethod
    def some_of(rng: random.Random, items: list[Any], low: int, high: int) -> list[Any]:
        return rng.sample(items, rng.randint(low, high))

    def write(self) -> Corpus:
        root = self.root
        if root.exists():
            shutil.rmtree(root)
        (root / "content" / "documents").mkdir(parents=True)
        for pdf in PDFS:
            (root / "content" / "documents" / pdf.name).write_bytes(
                tiny_pdf(pdf.title, pdf.pages, pdf.tagged)
            )
        (root / "content" / "index.md").write_text(HOME_PAGE, encoding="utf-8")
        (root / "mkdocs.yml").write_text(site_config(), encoding="utf-8")
        for folder, records in (
            ("consultations", self.consultations),
            ("events", self.events),
            ("responses", self.feedback),
            ("services", self.services),
        ):
            for record_id, record in records.items():
                key = f"{folder}/{record_id}"
                path = root / self.paths[key]
                path.parent.mkdir(parents=True, exist_ok=True)
                data = {k: v for k, v in record.items() if not k.startswith("_")}
                if folder == "responses":
                    path.write_text("\n".join(emit(data)) + "\n", encoding="utf-8")
                else:
                    path.write_text(front_matter(data, "\n" + self.bodies[key]), encoding="utf-8")
        corpus = self.corpus
        corpus.consultations = len(self.consultations)
        corpus.events = len(self.events)
        corpus.feedback_rounds = len(self.feedback)
        corpus.services = len(self.services)
        # The rebuild benchmark edits a one-off event in the middle of the archive.
        one_off = [k for k, r in self.events.items() if "repeat" not in r]
        corpus.edit_target = self.paths[f"events/{one_off[len(one_off) // 2]}"]
        return corpus

    def write_plain(self, plain: Path) -> int:
        """The same text as plain Markdown pages for mkdocs-material, records out of the nav."""
        if plain.exists():
            shutil.rmtree(plain)
        docs = plain / "docs"
        (docs / "documents").mkdir(parents=True)
        for pdf in PDFS:
            shutil.copy(self.root / "content" / "documents" / pdf.name, docs / "documents")
        (docs / "index.md").write_text(HOME_PAGE.split("<!--")[0], encoding="utf-8")
        (plain / "mkdocs.yml").write_text(plain_config(), encoding="utf-8")
        pages = 1
        sections = {
            "consultations": ("Consultations", self.consultations),
            "events": ("Events", self.events),
            "you-said-we-did": ("You said, we did", self.feedback),
            "services": ("Services", self.services),
        }
        for folder, (heading, records) in sections.items():
            (docs / folder).mkdir()
            (docs / folder / "index.md").write_text(
                f"# {heading}\n\nThe archive has {len(records)} records.\n", encoding="utf-8"
            )
            pages += 1
            source = "responses" if folder == "you-said-we-did" else folder
            for record_id, record in records.items():
                text = plain_page(record, self.bodies.get(f"{source}/{record_id}", ""))
                (docs / folder / f"{record_id}.md").write_text(text, encoding="utf-8")
                pages += 1
        self.corpus.plain_root = plain
        self.corpus.plain_pages = pages
        return pages


def plain_page(record: dict[str, Any], body: str) -> str:
    """One record as a plain page: its title, summary, a few fields as text, and its body."""
    lines = [f"# {record['title']}", "", str(record.get("summary", "")), ""]
    for key in (
        "opens",
        "closes",
        "starts",
        "ends",
        "received",
        "lead",
        "organiser",
        "source",
        "kind",
        "cost",
    ):
        value = record.get(key)
        if isinstance(value, dict):  # a service's cost as an amount
            value = f"£{value['amount']} a {value['per']}"
        if key in record:
            lines.append(f"- {key.capitalize()}: {value}")
    if "location" in record:
        location = record["location"]
        lines.append(f"- Where: {location['name']}, {location['address']} {location['postcode']}")
    if "organisation" in record:
        lines.append(f"- Provided by: {record['organisation']['name']}")
    for location in record.get("locations", []):
        lines.append(f"- Where: {location['name']}, {location['address']} {location['postcode']}")
    if "audiences" in record:
        lines.append(f"- For: {', '.join(record['audiences'])}")
    lines.append("")
    if body:
        lines.append(body)
    for comment in record.get("comments", []):
        lines += [
            "### You said",
            "",
            comment["said"],
            "",
            "### We did",
            "",
            comment["response"],
            "",
        ]
    return "\n".join(lines)


HOME_PAGE = """\
# Anyshire Local Offer archive

Information, consultations and events for children and young people with special educational
needs and disabilities (SEND) and their families, over ten years.

## Have your say now

<!-- localoffer:open-consultations -->

## Coming up

<!-- localoffer:engagement-opportunities limit=4 -->

## You said, we did

<!-- localoffer:latest-feedback limit=3 -->
"""

TOP_NAV = [
    {"Home": "index.md"},
    {"Consultations": "consultations/index.md"},
    {"Events": "events/index.md"},
    {"You said, we did": "you-said-we-did/index.md"},
]


def _repo_config() -> dict[str, Any]:
    text = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    # !ENV is read as MkDocs reads it (site_url: !ENV [SITE_URL, default]); other tags, such
    # as !!python/name, are not expected in our mkdocs.yml, but keep going.
    loaded = yaml.load(text, Loader=_Loader)
    return loaded if isinstance(loaded, dict) else {}


class _Loader(yaml.SafeLoader):
    pass


_Loader.add_constructor("!ENV", construct_env_tag)
_Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def site_config() -> str:
    """The repository's mkdocs.yml, with the nav reduced to the top pages."""
    config = _repo_config()
    config["docs_dir"] = "content"
    config["nav"] = TOP_NAV
    config["site_name"] = config.get("site_name", "Anyshire Local Offer") + " (archive)"
    return yaml.safe_dump(config, sort_keys=False, allow_unicode=True)


def plain_config() -> str:
    """The same theme, search and Markdown settings, without our plugin: stock mkdocs-material."""
    config = _repo_config()
    plugins = []
    for item in config.get("plugins", ["search"]):
        name = next(iter(item)) if isinstance(item, dict) else item
        if name != "localoffer":
            plugins.append(item)
    config["plugins"] = plugins
    config["docs_dir"] = "docs"
    config["nav"] = TOP_NAV
    config["not_in_nav"] = "/consultations/*\n/events/*\n/you-said-we-did/*\n/services/*\n"
    config["site_name"] = config.get("site_name", "Anyshire Local Offer") + " (plain)"
    theme = dict(config.get("theme") or {"name": "material"})
    theme.pop("custom_dir", None)
    config["theme"] = theme
    return yaml.safe_dump(config, sort_keys=False, allow_unicode=True)


def write_bare(bare: Path, plain: Path) -> None:
    """Bare mkdocs-material over the plain site's pages: ``theme: material``, no Markdown
    extensions, the records out of the nav (the baseline issue 17 measures against)."""
    if bare.exists():
        shutil.rmtree(bare)
    bare.mkdir(parents=True)
    config = {
        "site_name": "Anyshire Local Offer (bare)",
        "docs_dir": str((plain / "docs").resolve()),
        "theme": {"name": "material"},
        "nav": TOP_NAV,
        "not_in_nav": "/consultations/*\n/events/*\n/you-said-we-did/*\n/services/*\n",
    }
    (bare / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")


def generate(root: Path, scale: float = 1.0, seed: int = 2026, plain: Path | None = None) -> Corpus:
    """Write the archive to ``root`` (replacing it), and the plain site to ``plain`` if given."""
    generator = Generator(root, scale, seed)
    generator.make_feedback_ids()
    generator.make_consultations()
    generator.make_events()
    generator.make_feedback()
    generator.make_services()
    corpus = generator.write()
    if plain is not None:
        generator.write_plain(plain)
    return corpus


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dest", type=Path, help="folder to write the site to (replaced)")
    parser.add_argument("--scale", type=float, default=1.0, help="1 = ten years of a large county")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--plain", type=Path, help="also write the plain mkdocs-material site here")
    args = parser.parse_args(argv)
    corpus = generate(args.dest, args.scale, args.seed, args.plain)
    print(json.dumps(corpus.as_dict(), indent=2, default=str))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
