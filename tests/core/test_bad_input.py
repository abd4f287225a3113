"""Every kind of bad input an editor can write, and what `localoffer check` says about it.

Each case is a tiny site in a temporary folder: the valid records of ``sitekit`` with one thing
wrong. The check must exit 1, name the file, the line (and the column where it means something)
and say what is wrong in words an editor understands, with no traceback. Each case must cause
exactly one error, so that a message cannot pass by accident next to another one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest
from localoffer.cli.main import main

from core.sitekit import (
    CLOSED_CONSULTATION,
    CONSULTATION,
    EVENT,
    FEEDBACK,
    TODAY,
    SiteKit,
    line_of,
    replace,
)


@dataclass(frozen=True)
class Case:
    name: str
    path: str
    text: str | bytes
    at: str | int  # the fragment on the expected line, or the line number itself
    column: int
    words: tuple[str, ...]
    others: dict[str, str] = field(default_factory=dict)

    @property
    def line(self) -> int:
        if isinstance(self.at, int):
            return self.at
        text = self.text.decode("utf-8", "replace") if isinstance(self.text, bytes) else self.text
        return line_of(text, self.at)


C = CONSULTATION
E = EVENT
F = FEEDBACK
CP = "consultations/short-breaks-statement-2027.md"
EP = "events/short-breaks-drop-in-anbury.md"
FP = "responses/local-offer-survey-spring-2026.yml"


def c(old: str, new: str) -> str:
    return replace(C, old, new)


def e(old: str, new: str) -> str:
    return replace(E, old, new)


def f(old: str, new: str) -> str:
    return replace(F, old, new)


def said(text: str) -> str:
    return f(
        "    said: It is hard to find out which short breaks need an assessment.",
        f"    said: {text}",
    )


RESPOND = """respond:
  - online: https://haveyoursay.anyshire.example/short-breaks-2027
  - email: shortbreaks@anyshire.example
"""
LOCATION = """location:
  name: Anbury Library
  address: 1 High Street, Anbury
  postcode: AY1 1AA
"""
ACTION = """    action:
      status: done
      completed: 2026-07-01
"""
REPEAT = "engagement: true\nrepeat:\n"

# The calendar's own folders under /events/, and what the checker says each address is.
RESERVED_EVENT_IDS = {
    "index": "/events/ is the events calendar",
    "engagement": "/events/engagement/ is the calendar's list of engagement opportunities",
    "past": "/events/past/ is where the calendar lists past events",
    "month": "/events/month/ is where the calendar has a page for each month",
    "audience": "/events/audience/ is where the calendar feeds for each audience are",
    "area": "/events/area/ is where the calendar lists the events in each area",
    "kind": "/events/kind/ is where the calendar lists the events of each kind",
}

CASES = [
    # Unknown fields, with the nearest valid name.
    Case(
        "typo-closes",
        CP,
        c("closes:", "closse:"),
        "closse:",
        1,
        ("unknown field 'closse'", "Did you mean 'closes'?"),
    ),
    Case(
        "typo-synonym",
        EP,
        e("kind: drop-in", "type: drop-in"),
        "type:",
        1,
        ("unknown field 'type'", "Did you mean 'kind'?"),
    ),
    Case(
        "unknown-top-level",
        EP,
        e("engagement: true", "engagement: true\ntopics: [health]"),
        "topics:",
        1,
        ("unknown field 'topics'", "The fields here are:", "organiser"),
    ),
    Case(
        "unknown-in-location",
        EP,
        e("  postcode: AY1 1AA", "  postcode: AY1 1AA\n  parking: yes"),
        "parking:",
        3,
        ("unknown field 'parking'", "name, address, postcode, accessibility"),
    ),
    Case(
        "unknown-in-repeat",
        EP,
        e("engagement: true", REPEAT + "  frequency: weekly\n  count: 3\n  every: 2"),
        "every:",
        3,
        ("unknown field 'every'", "frequency, weekday, week, until, count, except"),
    ),
    Case(
        "unknown-in-action",
        FP,
        f("      completed: 2026-07-01", "      completed: 2026-07-01\n      colour: green"),
        "colour:",
        7,
        ("unknown field 'colour'", "status, due, completed, owner"),
    ),
    Case(
        "unknown-in-document",
        CP,
        c(
            "lead: Short Breaks Team",
            "lead: Short Breaks Team\n"
            "documents:\n  - title: Plan\n"
            "    url: https://www.anyshire.example/plan\n"
            "    pages: 4",
        ),
        "pages:",
        5,
        ("unknown field 'pages'", "title, file, url, easy_read, accessible"),
    ),
    Case(
        "unknown-in-online",
        EP,
        e("organiser:", "online:\n  platform: Teams\n  link: https://meet.example/x\norganiser:"),
        "link:",
        3,
        ("unknown field 'link'", "Did you mean 'url'?"),
    ),
    # Required fields.
    Case(
        "missing-consultation-lead",
        CP,
        c("lead: Short Breaks Team\n", ""),
        2,
        1,
        ("'lead' is required",),
    ),
    Case(
        "missing-consultation-audiences",
        CP,
        c("audiences: [parents-carers, young-people]\n", ""),
        2,
        1,
        ("'audiences' is required",),
    ),
    Case(
        "missing-event-organiser",
        EP,
        e("organiser: Short Breaks Team\n", ""),
        2,
        1,
        ("'organiser' is required",),
    ),
    Case("missing-event-kind", EP, e("kind: drop-in\n", ""), 2, 1, ("'kind' is required",)),
    Case("missing-feedback-source", FP, f("source: survey\n", ""), 1, 1, ("'source' is required",)),
    Case(
        "missing-comment-response",
        FP,
        f(
            "    response: We have added a list of short breaks you can use without an "
            "assessment.\n",
            "",
        ),
        "- from:",
        5,
        ("'response' is required in comments (item 1)",),
    ),
    Case(
        "empty-required-value",
        CP,
        c("lead: Short Breaks Team", "lead:"),
        "lead:",
        6,
        ("lead is empty", "needs a value"),
    ),
    Case(
        "blank-text", CP, c("lead: Short Breaks Team", "lead: '  '"), "lead:", 7, ("lead is empty",)
    ),
    Case(
        "list-for-text",
        CP,
        c("lead: Short Breaks Team", "lead: [Short Breaks, SEND]"),
        "lead:",
        7,
        ("lead should be text, not a list",),
    ),
    # Vocabularies, with the nearest valid term.
    Case(
        "audience",
        CP,
        c("[parents-carers, young-people]", "[parents-carers, yung-people]"),
        "audiences:",
        29,
        ("'yung-people' is not a known audience", "Did you mean 'young-people'?"),
    ),
    Case(
        "audience-single-value",
        CP,
        c("[parents-carers, young-people]", "parent-carers"),
        "audiences:",
        12,
        ("'parent-carers' is not a known audience", "Did you mean 'parents-carers'?"),
    ),
    Case(
        "topic",
        CP,
        c("[short-breaks]", "[shortbreaks]"),
        "topics:",
        10,
        ("'shortbreaks' is not a known topic", "Did you mean 'short-breaks'?"),
    ),
    Case(
        "area",
        EP,
        e("engagement: true", "engagement: true\nareas: [countywide, nort]"),
        "areas:",
        21,
        ("'nort' is not a known area", "Did you mean 'north'?"),
    ),
    Case(
        "kind",
        EP,
        e("kind: drop-in", "kind: dropin"),
        "kind:",
        7,
        ("'dropin' is not a known event kind", "Did you mean 'drop-in'?", "consultation-event"),
    ),
    Case(
        "source",
        FP,
        f("source: survey", "source: surveys"),
        "source:",
        9,
        ("'surveys' is not a known feedback source", "Did you mean 'survey'?"),
    ),
    Case(
        "from",
        FP,
        f("  - from: parents-carers", "  - from: parents"),
        "- from:",
        11,
        ("'parents' is not a known respondent group", "Did you mean 'parents-carers'?"),
    ),
    Case(
        "regarding",
        FP,
        f("regarding: content", "regarding: contents"),
        "regarding:",
        16,
        ("regarding must be one of", "Did you mean 'content'?"),
    ),
    # Dates and date-times.
    Case(
        "date-format",
        CP,
        c("opens: 2026-11-02", "opens: 02/11/2026"),
        "opens:",
        8,
        ("'02/11/2026' is not a date", "YYYY-MM-DD"),
    ),
    Case(
        "date-words",
        CP,
        c("opens: 2026-11-02", "opens: 2 November 2026"),
        "opens:",
        8,
        ("'2 November 2026' is not a date", "YYYY-MM-DD"),
    ),
    Case(
        "impossible-date",
        CP,
        c("opens: 2026-11-02", "opens: 2026-02-30"),
        "opens:",
        8,
        ("'2026-02-30' is not a real date",),
    ),
    Case(
        "impossible-date-in-list",
        EP,
        e(
            "engagement: true",
            REPEAT + "  frequency: weekly\n  count: 4\n  except: [2026-12-08, 2026-02-30]",
        ),
        "except:",
        24,
        ("repeat → except (item 2)", "'2026-02-30' is not a real date"),
    ),
    Case(
        "year-mistyped",
        FP,
        f("received: 2026-05-31", "received: 0026-05-31"),
        "received:",
        11,
        ("'0026-05-31' has the year 26", "mistyped"),
    ),
    Case(
        "year-far-away",
        EP,
        e("ends: 2026-12-01 18:00", "ends: 20266-12-01 18:00"),
        "ends:",
        7,
        ("'20266-12-01 18:00' is not a date or date-time",),
    ),
    Case(
        "impossible-time",
        CP,
        c("closes: 2027-01-15", "closes: 2027-01-15 24:30"),
        "closes:",
        9,
        ("time that does not exist",),
    ),
    Case(
        "spring-gap",
        CP,
        c("closes: 2027-01-15", "closes: 2027-03-28 01:30"),
        "closes:",
        9,
        ("'2027-03-28 01:30' does not exist in UK time", "clocks go forward"),
    ),
    Case(
        "date-with-time-where-date-only",
        FP,
        f("received: 2026-05-31", "received: 2026-05-31 10:00"),
        "received:",
        11,
        ("expected a date without a time", "2026-05-31"),
    ),
    Case(
        "closes-before-opens",
        CP,
        c("closes: 2027-01-15", "closes: 2026-10-30"),
        "closes:",
        9,
        ("closing date must be after the opening date",),
    ),
    # Lengths.
    Case(
        "title-too-long",
        CP,
        c("title: Short breaks statement 2027", "title: " + "a" * 121),
        "title: aaa",
        8,
        ("title is 121 characters long", "120 characters or fewer"),
    ),
    Case(
        "summary-too-long",
        EP,
        e("summary: Come and tell us what you think about short breaks.", "summary: " + "b" * 301),
        "summary:",
        10,
        ("summary is 301 characters long", "300 characters or fewer"),
    ),
    # Records and their ids.
    Case(
        "file-name-not-an-id",
        "consultations/Short Breaks 2027.md",
        C,
        1,
        1,
        ("'Short Breaks 2027.md' cannot be an id", "'short-breaks-2027.md'"),
    ),
    Case(
        "duplicate-id-in-sub-folders",
        "consultations/2027/short-breaks-statement-2027.md",
        C,
        1,
        1,
        (
            "'short-breaks-statement-2027' is already used by "
            "consultations/2026/short-breaks-statement-2027.md",
        ),
        others={"consultations/2026/short-breaks-statement-2027.md": C},
    ),
    Case(
        "duplicate-key",
        CP,
        c("lead: Short Breaks Team", "lead: Short Breaks Team\ntopics: [health]"),
        "topics: [health]",
        1,
        ("'topics' is given twice", "first on line 7"),
    ),
    Case(
        "previous-id-is-a-live-id",
        CP,
        c(
            "lead: Short Breaks Team",
            "lead: Short Breaks Team\nprevious_ids: [home-to-school-transport-2026]",
        ),
        "previous_ids:",
        16,
        ("'home-to-school-transport-2026' is the id of another consultation",),
        others={"consultations/home-to-school-transport-2026.md": CLOSED_CONSULTATION},
    ),
    Case(
        "previous-id-claimed-twice",
        CP,
        c("lead: Short Breaks Team", "lead: Short Breaks Team\nprevious_ids: [short-breaks-2027]"),
        "previous_ids:",
        16,
        (
            "'short-breaks-2027' is already listed in previous_ids of",
            "'home-to-school-transport-2026'",
        ),
        others={
            "consultations/home-to-school-transport-2026.md": replace(
                CLOSED_CONSULTATION,
                "lead: SEND Transport Team",
                "lead: SEND Transport Team\nprevious_ids: short-breaks-2027",
            )
        },
    ),
    Case(
        "previous-id-is-its-own-id",
        CP,
        c(
            "lead: Short Breaks Team",
            "lead: Short Breaks Team\nprevious_ids: short-breaks-statement-2027",
        ),
        "previous_ids:",
        15,
        ("'short-breaks-statement-2027' is this consultation's own id",),
    ),
    Case(
        "bad-id-in-previous-ids",
        CP,
        c("lead: Short Breaks Team", "lead: Short Breaks Team\nprevious_ids: [Short_Breaks]"),
        "previous_ids:",
        16,
        ("'Short_Breaks' is not a valid id",),
    ),
    # Ids that would take over an address of the site's own pages (which never move).
    Case(
        "reserved-consultation-id-index",
        "consultations/index.md",
        C,
        1,
        1,
        (
            "'index' cannot be the id of a consultation",
            "/consultations/ is the consultation register",
            "Rename the file to a descriptive name, such as 'short-breaks-statement-2027.md'",
        ),
    ),
    *(
        Case(
            f"reserved-consultation-id-{name}",
            f"consultations/{name}.md",
            C,
            1,
            1,
            (f"'{name}' cannot be the id of a consultation: /consultations/{name}/ is where the "
             f"register lists consultations by {what}",),
        )
        for name, what in (
            ("status", "status"),
            ("audience", "who they are for"),
            ("topic", "topic"),
        )
    ),
    Case(
        "reserved-consultation-previous-id",
        CP,
        c("lead: Short Breaks Team", "lead: Short Breaks Team\nprevious_ids: [index]"),
        "previous_ids:",
        16,
        (
            "'index' cannot be an old id",
            "/consultations/ is the consultation register",
            "Remove it from previous_ids",
        ),
    ),
    *(
        Case(
            f"reserved-event-id-{name}",
            f"events/2026/{name}.md",
            E,
            1,
            1,
            (
                f"'{name}' cannot be the id of an event: {address}",
                "Rename the file to a descriptive name, such as 'short-breaks-drop-in-anbury.md'",
            ),
        )
        for name, address in RESERVED_EVENT_IDS.items()
    ),
    Case(
        "reserved-event-previous-id",
        EP,
        e(
            "organiser: Short Breaks Team",
            "organiser: Short Breaks Team\nprevious_ids:\n  - short-breaks-drop-in\n  - month",
        ),
        "  - month",
        5,
        (
            "'month' cannot be an old id",
            "/events/month/ is where the calendar has a page for each month",
            "so it cannot redirect here",
            "Remove it from previous_ids",
        ),
    ),
    Case(
        "reserved-feedback-id-index",
        "responses/index.yml",
        F,
        1,
        1,
        (
            "'index' cannot be the id of a feedback round",
            "/you-said-we-did/ is the register of comments and responses",
            "such as 'local-offer-survey-spring-2026.yml'",
        ),
    ),
    Case(
        "reserved-feedback-id-year",
        "responses/2026.yml",
        F,
        1,
        1,
        (
            "'2026' cannot be the id of a feedback round",
            "/you-said-we-did/2026/ is the page of every comment received in 2026",
            "Rename the file to a descriptive name, such as 'local-offer-survey-spring-2026.yml'",
        ),
    ),
    Case(
        "reserved-feedback-id-year-titled-as-a-year",
        "responses/2025.yaml",
        f("title: Local Offer survey, spring 2026", "title: '2025'"),
        1,
        1,
        (
            "'2025' cannot be the id of a feedback round",
            "/you-said-we-did/2025/ is the page of every comment received in 2025",
            "such as the title in lowercase words joined by hyphens",
        ),
    ),
    # Cross-references, with the nearest existing id.
    Case(
        "related",
        CP,
        c(
            "lead: Short Breaks Team",
            "lead: Short Breaks Team\nrelated: home-to-school-transport-206",
        ),
        "related:",
        10,
        (
            "no consultation with the id 'home-to-school-transport-206'",
            "Did you mean 'home-to-school-transport-2026'?",
        ),
        others={"consultations/home-to-school-transport-2026.md": CLOSED_CONSULTATION},
    ),
    Case(
        "related-to-itself",
        CP,
        c(
            "lead: Short Breaks Team",
            "lead: Short Breaks Team\nrelated: [short-breaks-statement-2027]",
        ),
        "related:",
        11,
        ("cannot be related to itself",),
    ),
    Case(
        "respond-event",
        CP,
        c("  - email: shortbreaks@anyshire.example", "  - event: short-breaks-drop-in-anbry"),
        "- event:",
        12,
        (
            "no event with the id 'short-breaks-drop-in-anbry'",
            "Did you mean 'short-breaks-drop-in-anbury'?",
        ),
        others={EP: E},
    ),
    Case(
        "outcome-feedback",
        "consultations/home-to-school-transport-2026.md",
        replace(
            CLOSED_CONSULTATION,
            "  summary: We kept the current policy.",
            "  summary: We kept the current policy.\n  feedback: [local-offer-survey-2026]",
        ),
        "feedback:",
        14,
        (
            "no feedback round with the id 'local-offer-survey-2026'",
            "Did you mean 'local-offer-survey-spring-2026'?",
        ),
        others={FP: F},
    ),
    Case(
        "event-consultation",
        EP,
        e("engagement: true", "engagement: true\nconsultation: short-breaks-2027"),
        "consultation:",
        15,
        (
            "no consultation with the id 'short-breaks-2027'",
            "Did you mean 'short-breaks-statement-2027'?",
        ),
        others={CP: C},
    ),
    Case(
        "feedback-consultation",
        FP,
        f("received: 2026-05-31", "received: 2026-05-31\nconsultation: no-such-thing"),
        "consultation:",
        15,
        ("no consultation with the id 'no-such-thing'", "file name without .md or .yml"),
    ),
    Case(
        "feedback-event",
        FP,
        f("received: 2026-05-31", "received: 2026-05-31\nevent: short-breaks-drop-in"),
        "event:",
        8,
        (
            "no event with the id 'short-breaks-drop-in'",
            "Did you mean 'short-breaks-drop-in-anbury'?",
        ),
        others={EP: E},
    ),
    # Documents.
    Case(
        "missing-document-file",
        CP,
        c(
            "  url: https://haveyoursay.anyshire.example/short-breaks-2027/easy-read",
            "  file: documents/easy-read.pdf",
        ),
        "file:",
        9,
        ("'documents/easy-read.pdf' does not exist", "content/documents/easy-read.pdf"),
    ),
    Case(
        "document-file-and-url",
        CP,
        c(
            "  title: Easy Read version",
            "  title: Easy Read version\n  file: documents/easy-read.pdf",
        ),
        "easy_read:",
        1,
        ("easy_read", "exactly one of 'file:'", "or 'url:'"),
    ),
    Case(
        "document-neither",
        CP,
        c("  url: https://haveyoursay.anyshire.example/short-breaks-2027/easy-read\n", ""),
        "easy_read:",
        1,
        (
            "easy_read",
            "exactly one of 'file:'",
        ),
    ),
    Case(
        "document-in-list-neither",
        EP,
        e("organiser:", "documents:\n  - title: Notes\norganiser:"),
        "- title: Notes",
        5,
        ("documents (item 1)", "exactly one of 'file:'"),
    ),
    Case(
        "document-outside-content",
        CP,
        c(
            "  url: https://haveyoursay.anyshire.example/short-breaks-2027/easy-read",
            "  file: ../mkdocs.yml",
        ),
        "file:",
        9,
        ("must be a path inside content/",),
    ),
    Case(
        "document-file-is-a-link",
        CP,
        c(
            "  url: https://haveyoursay.anyshire.example/short-breaks-2027/easy-read",
            "  file: https://haveyoursay.anyshire.example/easy-read.pdf",
        ),
        "file:",
        9,
        ("is a web address", "'url:' rather than 'file:'"),
    ),
    Case(
        "document-path-with-content-folder",
        CP,
        c(
            "  url: https://haveyoursay.anyshire.example/short-breaks-2027/easy-read",
            "  file: content/documents/easy-read.docx",
        ),
        "file:",
        9,
        ("'content/documents/easy-read.docx' does not exist", "write 'file: documents/easy-"),
        others={"content/documents/easy-read.docx": "a document"},
    ),
    # Ways to respond.
    Case(
        "respond-missing-while-open",
        CP,
        c(RESPOND, ""),
        2,
        1,
        ("this consultation is open, so it needs 'respond:'",),
    ),
    Case(
        "respond-missing-while-upcoming",
        CP,
        replace(c(RESPOND, ""), "opens: 2026-11-02", "opens: 2026-12-01"),
        2,
        1,
        ("this consultation is upcoming, so it needs 'respond:'",),
    ),
    Case(
        "respond-two-keys",
        CP,
        c(
            "  - email: shortbreaks@anyshire.example",
            "  - email: shortbreaks@anyshire.example\n    phone: 01632 960123",
        ),
        "- email:",
        5,
        ("each way to respond is one line", "(this one has email, phone)"),
    ),
    Case(
        "respond-unknown-way",
        CP,
        c("  - email: shortbreaks@anyshire.example", "  - website: https://www.anyshire.example"),
        "- website:",
        5,
        ("unknown field 'website'", "online, email, post, phone, event"),
    ),
    Case(
        "single-respond-bad-email",
        CP,
        c(RESPOND, "respond:\n  email: shortbreaks(at)anyshire.example\n"),
        "email:",
        10,
        ("respond (item 1) → email", "is not an email address"),
    ),
    Case(
        "bad-email",
        CP,
        c("contact: shortbreaks@anyshire.example", "contact: shortbreaks.anyshire.example"),
        "contact:",
        10,
        ("'shortbreaks.anyshire.example' is not an email address",),
    ),
    Case(
        "bad-url",
        CP,
        c("  - online: https://haveyoursay", "  - online: www.haveyoursay"),
        "- online:",
        13,
        ("is not a web address", "https://"),
    ),
    Case(
        "bad-phone",
        EP,
        e("organiser:", "booking:\n  phone: ring the library\norganiser:"),
        "phone:",
        10,
        ("'ring the library' is not a phone number",),
    ),
    # Events.
    Case(
        "ends-before-starts",
        EP,
        e("ends: 2026-12-01 18:00", "ends: 2026-12-01 15:00"),
        "ends:",
        7,
        ("'ends' is before 'starts'",),
    ),
    Case(
        "ends-date-for-timed",
        EP,
        e("ends: 2026-12-01 18:00", "ends: 2026-12-01"),
        "ends:",
        7,
        ("'starts' has a time, so 'ends' needs one too",),
    ),
    Case(
        "ends-time-for-all-day",
        EP,
        e("starts: 2026-12-01 16:00", "starts: 2026-12-01"),
        "ends:",
        7,
        ("'starts' is a date (an all-day event), so 'ends' must be a date too",),
    ),
    Case("no-location-or-online", EP, e(LOCATION, ""), 2, 1, ("needs 'location:'", "'online:'")),
    Case(
        "repeat-until-and-count",
        EP,
        e("engagement: true", REPEAT + "  frequency: weekly\n  until: 2027-01-01\n  count: 3"),
        "repeat:",
        1,
        ("exactly one of 'until:'", "'count:'"),
    ),
    Case(
        "repeat-neither",
        EP,
        e("engagement: true", REPEAT + "  frequency: weekly"),
        "repeat:",
        1,
        ("exactly one of 'until:'", "'count:'"),
    ),
    Case(
        "repeat-week-on-weekly",
        EP,
        e("engagement: true", REPEAT + "  frequency: weekly\n  week: 2\n  count: 3"),
        "repeat:",
        1,
        ("'week:' is only for monthly repeats",),
    ),
    Case(
        "repeat-bad-weekday",
        EP,
        e("engagement: true", REPEAT + "  frequency: weekly\n  weekday: tusday\n  count: 3"),
        "weekday:",
        12,
        ("weekday must be one of", "Did you mean 'tuesday'?"),
    ),
    Case(
        "repeat-bad-frequency",
        EP,
        e("engagement: true", REPEAT + "  frequency: every week\n  count: 3"),
        "frequency:",
        14,
        ("frequency must be one of", "'weekly', 'fortnightly' or 'monthly'"),
    ),
    Case(
        "repeat-biweekly",
        EP,
        e("engagement: true", REPEAT + "  frequency: biweekly\n  count: 3"),
        "frequency:",
        14,
        ("frequency must be one of", "Did you mean 'fortnightly'?"),
    ),
    Case(
        "repeat-until-before-starts",
        EP,
        e("engagement: true", REPEAT + "  frequency: weekly\n  until: 2026-11-01"),
        "until:",
        10,
        ("the series ends", "before the event starts (1 December 2026)"),
    ),
    Case(
        "repeat-week-5",
        EP,
        e("engagement: true", REPEAT + "  frequency: monthly\n  week: 5\n  count: 3"),
        "week:",
        9,
        ("week must be one of", "'last'"),
    ),
    Case(
        "booking-required-no-way-to-book",
        EP,
        e("organiser:", "booking:\n  required: true\n  deadline: 2026-11-30\norganiser:"),
        "booking:",
        1,
        (
            "booking is required",
            "no way to book",
            "add 'url:' (the booking page), 'email:' or 'phone:' under 'booking:'",
        ),
    ),
    Case(
        "booking-required-no-way-to-book-flow",
        EP,
        e("organiser:", "booking: {required: yes}\norganiser:"),
        "booking:",
        1,
        ("booking is required", "no way to book"),
    ),
    Case(
        "ages-over-25",
        EP,
        e("engagement: true", "engagement: true\nages: {from: 5, to: 30}"),
        "ages:",
        21,
        ("ages → to must be 25 or less (it is 30)",),
    ),
    Case(
        "ages-negative",
        EP,
        e("engagement: true", "engagement: true\nages: {from: -1, to: 5}"),
        "ages:",
        14,
        ("ages → from must be 0 or more",),
    ),
    Case(
        "ages-reversed",
        EP,
        e("engagement: true", "engagement: true\nages:\n  from: 16\n  to: 11"),
        "to: 11",
        7,
        ("'to' (11) must not be less than 'from' (16)",),
    ),
    Case(
        "ages-not-a-number",
        EP,
        e("engagement: true", "engagement: true\nages: {from: 5, to: teens}"),
        "ages:",
        21,
        ("ages → to must be a whole number",),
    ),
    Case(
        "event-status",
        EP,
        e("engagement: true", "engagement: true\nstatus: canceled"),
        "status:",
        9,
        ("status must be one of", "Did you mean 'cancelled'?"),
    ),
    Case(
        "engagement-not-boolean",
        EP,
        e("engagement: true", "engagement: maybe"),
        "engagement:",
        13,
        ("engagement must be true or false", "'maybe'"),
    ),
    # Feedback rounds.
    Case(
        "completed-without-done",
        FP,
        f("      status: done", "      status: in-progress"),
        "completed:",
        18,
        ("'completed' is only for actions that are done", "'in-progress'"),
    ),
    Case(
        "action-status",
        FP,
        f("      status: done", "      status: finished"),
        "status:",
        15,
        ("status must be one of 'planned', 'in-progress', 'done' or 'not-planned'",),
    ),
    Case(
        "empty-comments",
        FP,
        "title: Youth forum, autumn 2026\nsource: youth-forum\n"
        "received: 2026-10-13\ncomments: []\n",
        "comments:",
        11,
        ("comments needs at least 1 entry",),
    ),
    Case(
        "no-comments-value",
        FP,
        "title: Youth forum, autumn 2026\nsource: youth-forum\nreceived: 2026-10-13\ncomments:\n",
        "comments:",
        10,
        ("comments is empty", "needs a value"),
    ),
    # Anonymity: nothing that identifies anyone may be published.
    Case(
        "said-email",
        FP,
        said("Please email me on jo.bloggs@example.org about the list."),
        "said:",
        11,
        ("contains an email address", "remove it before publishing"),
    ),
    Case(
        "said-mobile",
        FP,
        said("My number is 07700 900123 if you want to talk."),
        "said:",
        11,
        ("contains a phone number",),
    ),
    Case(
        "said-landline",
        FP,
        said("Ring us on (01632) 960123 any evening."),
        "said:",
        11,
        ("contains a phone number",),
    ),
    Case(
        "said-international",
        FP,
        said("Call +44 (0)7700 900123 about my son."),
        "said:",
        11,
        ("contains a phone number",),
    ),
    Case(
        "said-postcode",
        FP,
        said("We live at AY3 9ZZ and there is nothing near us."),
        "said:",
        11,
        ("contains a full postcode",),
    ),
    Case(
        "said-postcode-lowercase",
        FP,
        said("Nothing for families near ay3 9zz at all."),
        "said:",
        11,
        ("contains a full postcode",),
    ),
    Case(
        "said-nhs-number",
        FP,
        said("His NHS number 943 476 5919 was lost twice."),
        "said:",
        11,
        ("contains an NHS number",),
    ),
    Case(
        "said-dob-numeric",
        FP,
        said("My son (born 14/02/2012) waited two years."),
        "said:",
        11,
        ("contains a date of birth",),
    ),
    Case(
        "said-dob-words",
        FP,
        said("Her date of birth is 3rd March 2015 and she still waits."),
        "said:",
        11,
        ("contains a date of birth",),
    ),
    Case(
        "said-date-in-figures",
        FP,
        said("The review on 14/11/2025 was cancelled again."),
        "said:",
        11,
        ("a date in figures that may be a date of birth (14/11/2025)", "write it in words"),
    ),
    Case(
        "said-several",
        FP,
        said("Text 07700 900123 or write to AY3 9ZZ."),
        "said:",
        11,
        ("contains a phone number and a full postcode", "remove them"),
    ),
    # Files that cannot be read as records.
    Case(
        "yaml-unclosed-quote",
        CP,
        c("lead: Short Breaks Team", 'lead: "Short Breaks Team'),
        "lead:",
        7,
        ("a quote opened here is never closed",),
    ),
    Case(
        "yaml-unclosed-bracket",
        CP,
        c("topics: [short-breaks]", "topics: [short-breaks"),
        "topics:",
        9,
        ("'[' opened here is never closed",),
    ),
    Case(
        "yaml-bad-indentation",
        CP,
        c("lead: Short Breaks Team", "  lead: Short Breaks Team"),
        "lead:",
        3,
        ("indentation is not consistent",),
    ),
    Case(
        "yaml-indented-under-text",
        CP,
        c("contact: shortbreaks@anyshire.example", "  contact: shortbreaks@anyshire.example"),
        "contact:",
        3,
        ("indented more than the line above",),
    ),
    Case(
        "yaml-bad-indentation-in-list",
        CP,
        c("  - email: shortbreaks", " - email: shortbreaks"),
        "- email:",
        2,
        ("indentation is not consistent",),
    ),
    Case(
        "yaml-colon-in-value",
        CP,
        c("lead: Short Breaks Team", "lead: Short breaks: the team"),
        "lead:",
        19,
        ("second ': ' in this line", "quotes"),
    ),
    Case(
        "yaml-tab-indent",
        CP,
        c("  - email: shortbreaks", "\t- email: shortbreaks"),
        "- email:",
        1,
        ("tab character", "spaces"),
    ),
    Case(
        "yaml-tab-in-mapping",
        FP,
        f("      status: done", "    \t  status: done"),
        "status:",
        5,
        ("tab character",),
    ),
    Case(
        "yaml-no-colon",
        FP,
        f("source: survey", "source: survey\nthe rest of it"),
        "the rest of it",
        1,
        ("missing its ':'",),
    ),
    Case(
        "yaml-value-starts-with-at",
        CP,
        c("lead: Short Breaks Team", "lead: @ShortBreaks"),
        "lead:",
        7,
        ("cannot start with '@'", "quotes"),
    ),
    Case(
        "yaml-value-starts-with-star",
        CP,
        c("lead: Short Breaks Team", "lead: *Short Breaks*"),
        "lead:",
        7,
        ("cannot start with '*'", "quotes"),
    ),
    Case(
        "yaml-second-document",
        FP,
        F + "---\ntitle: Another round\n",
        "title: Another",
        1,
        ("more than one set of fields", "remove the extra '---'"),
    ),
    Case(
        "control-character",
        FP,
        f("source: survey", "source: sur\x07vey"),
        "source:",
        12,
        ("control character (U+0007)",),
    ),
    Case(
        "not-utf-8",
        CP,
        c("lead: Short Breaks Team", "lead: Short Breaks Team \xe9")
        .encode("utf-8")
        .replace(b"\xc3\xa9", b"\xe9"),
        "lead:",
        25,
        ("not saved as UTF-8", "0xe9"),
    ),
    Case("empty-file", CP, "", 1, 1, ("the file is empty",)),
    Case("whitespace-file", FP, "\n  \n", 1, 1, ("the file is empty",)),
    Case(
        "front-matter-missing",
        CP,
        "title: Short breaks\n\nSome text.\n",
        1,
        1,
        ("must start with front matter", "'---'"),
    ),
    Case("front-matter-not-first", CP, "\n" + C, 2, 1, ("must be the very first line",)),
    Case(
        "front-matter-not-closed",
        CP,
        C.split("---\n## What")[0],
        1,
        1,
        ("front matter is never closed",),
    ),
    Case("front-matter-empty", CP, "---\n---\nText.\n", 2, 1, ("front matter is empty",)),
    Case(
        "front-matter-list",
        CP,
        "---\n- title: x\n- summary: y\n---\nText.\n",
        2,
        1,
        ("front matter must be a set of fields", "but it is a list"),
    ),
    Case(
        "front-matter-scalar",
        CP,
        "---\nShort breaks statement\n---\nText.\n",
        2,
        1,
        ("front matter must be a set of fields", "a single value"),
    ),
    Case(
        "yaml-file-is-a-list",
        FP,
        "- title: x\n- source: survey\n",
        1,
        1,
        ("the file must be a set of fields", "but it is a list"),
    ),
    Case(
        "yml-in-consultations",
        "consultations/short-breaks-statement-2027.yml",
        F,
        1,
        1,
        ("this file is not read", "consultation files end in .md"),
    ),
    Case(
        "md-in-responses",
        "responses/local-offer-survey-spring-2026.md",
        C,
        1,
        1,
        ("this file is not read", "feedback round files end in .yml or .yaml"),
    ),
    Case(
        "record-in-the-wrong-folder",
        "events/short-breaks-statement-2027.md",
        C,
        1,
        1,
        ("this is a consultation, not an event", "move it to the consultations/ folder"),
    ),
    Case(
        "feedback-in-events",
        "events/local-offer-survey-spring-2026.yml",
        F,
        1,
        1,
        ("event files end in .md", "feedback round files go in responses/"),
    ),
    Case(
        "field-of-another-kind",
        CP,
        c("lead: Short Breaks Team", "lead: Short Breaks Team\norganiser: Short Breaks Team"),
        "organiser:",
        1,
        ("unknown field 'organiser': it is a field of events, not of consultations",),
    ),
    Case("alias-loop", CP, c("lead: Short Breaks Team", "lead: &a [*a]"), "lead:", 7, ("alias",)),
    Case(
        "deep-nesting",
        CP,
        c("lead: Short Breaks Team", "lead: " + "[" * 500 + "]" * 500),
        "lead:",
        207,
        ("nested too deeply",),
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_bad_input_is_reported_where_it_is(
    case: Case, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    kit = SiteKit(tmp_path / "site")
    for rel, text in case.others.items():
        kit.write(rel, text)
    kit.write(case.path, case.text)

    code = main(["check", "--site", str(kit.root), "--today", TODAY])

    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    assert code == 1, out
    errors = [line for line in out.splitlines() if ": error: " in line]
    assert len(errors) == 1, out
    location, message = errors[0].split(": error: ")
    assert location == f"{case.path}:{case.line}:{case.column}", errors[0]
    for words in case.words:
        assert words in message, errors[0]


def test_there_are_many_kinds_of_bad_input() -> None:
    assert len(CASES) >= 25
    assert len({case.name for case in CASES}) == len(CASES)


def test_every_problem_of_a_site_is_reported_at_once_in_order(tmp_path: Path) -> None:
    """One site with many broken files: every error is reported, sorted by file and line."""
    kit = SiteKit(tmp_path / "site")
    chosen = [case for case in CASES if not case.others and case.path in (CP, EP, FP)][:30]
    for number, case in enumerate(chosen):
        folder, name = case.path.split("/")
        stem, suffix = name.rsplit(".", 1)
        kit.write(f"{folder}/{stem}-{number:02d}.{suffix}", case.text)

    errors = kit.errors()

    assert len(errors) == len(chosen)
    keys = [(p.path, p.line, p.column) for p in errors]
    assert keys == sorted(keys)
    for number, case in enumerate(chosen):
        folder, name = case.path.split("/")
        stem, suffix = name.rsplit(".", 1)
        path = f"{folder}/{stem}-{number:02d}.{suffix}"
        found = [p for p in errors if p.path == path]
        assert [(p.line, p.column) for p in found] == [(case.line, case.column)], case.name


def test_reserved_ids_are_errors_only_in_the_folder_whose_address_they_take(
    tmp_path: Path,
) -> None:
    """Near misses, and reserved names in another folder, are ordinary ids."""
    kit = SiteKit(tmp_path / "site")
    kit.write("consultations/engagement.md", C)
    kit.write("consultations/2026.md", CLOSED_CONSULTATION)
    kit.write("events/2026.md", E)
    kit.write("events/past-papers-workshop.md", E)
    kit.write(
        "events/engagement-forum.md",
        e(
            "organiser: Short Breaks Team",
            "organiser: Short Breaks Team\nprevious_ids: [engagement-2025, month-of-fun]",
        ),
    )
    kit.write("responses/engagement.yml", F)
    kit.write("responses/past.yml", F)
    kit.write("responses/year.yml", F)
    kit.write("responses/survey-2025.yml", F)
    kit.write("responses/20255.yml", F)

    assert [p.format() for p in kit.errors()] == []
