"""``localoffer new consultation|event|feedback|service TITLE``: a ready-made record file.

Its placeholder texts come from ``core/placeholders.py``, and the checker reports each one left
in the file as an error naming its field, so an unedited file cannot be published.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Protocol

from localoffer.cli.new_service import service_template
from localoffer.cli.options import ClockError, add_site_options, resolve_now
from localoffer.core import placeholders as p
from localoffer.core.settings import CONFIG_FILE, read_settings
from localoffer.core.source.comments import read_comments

EXIT_OK, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2
MAX_TITLE = 120
FOLDERS = {
    "consultation": ("consultations", ".md"),
    "event": ("events", ".md"),
    "feedback": ("responses", ".yml"),
    "service": ("services", ".md"),
}


class Template(Protocol):
    """A new record's text, from its title (quoted for YAML), today and the site's settings."""

    def __call__(self, *, title: str, today: date, email: str, authority: str = "") -> str: ...


def add_parser(commands: Any) -> None:
    parser: argparse.ArgumentParser = commands.add_parser(
        "new",
        help="write a new record file with every field explained",
        description="Write a new, valid record file whose comments explain every field, and "
        "print its path. The id (file name) is made from the title.",
    )
    parser.add_argument("kind", choices=tuple(FOLDERS), help="what to create")
    parser.add_argument("title", nargs="+", help="the title, such as 'Short breaks review 2027'")
    add_site_options(parser)
    parser.set_defaults(run=run)


def slugify(title: str) -> str:
    """``Short breaks: review 2027!`` → ``short-breaks-review-2027``."""
    text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    text = text.replace("&", " and ").replace("'", "").replace("’", "")
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug[:80].rstrip("-") or "untitled"


def run(args: argparse.Namespace) -> int:
    title = " ".join(args.title).strip()
    if not title:
        print("localoffer new: give a title", file=sys.stderr)
        return EXIT_USAGE
    try:
        today = resolve_now(args.today).date()
    except ClockError as exc:
        print(f"localoffer new: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if len(title) > MAX_TITLE:
        print(
            f"localoffer new: the title is {len(title)} characters long: keep it to {MAX_TITLE} "
            "or fewer",
            file=sys.stderr,
        )
        return EXIT_USAGE
    root: Path = args.site
    if not (root / CONFIG_FILE).is_file():
        print(
            f"localoffer new: there is no {CONFIG_FILE} in {root.resolve()}: run it in the site "
            "folder, or give --site FOLDER",
            file=sys.stderr,
        )
        return EXIT_USAGE
    settings, _ = read_settings(root)
    folder, suffix = FOLDERS[args.kind]
    record_id = slugify(title)
    path = root / folder / f"{record_id}{suffix}"
    if path.exists() or any((root / folder).rglob(f"{record_id}{suffix}")):
        print(
            f"localoffer new: {folder}/…/{record_id}{suffix} already exists: choose another "
            "title, or edit that file",
            file=sys.stderr,
        )
        return EXIT_ERRORS
    email = settings.contact_email or "send@example.org"
    text = TEMPLATES[args.kind](
        title=_quote(title), today=today, email=email, authority=settings.authority
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    print(path.relative_to(root).as_posix() if not path.is_absolute() else path)
    return EXIT_OK


def _quote(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def _consultation(*, title: str, today: date, email: str, authority: str = "") -> str:
    opens = today + timedelta(days=14)
    closes = opens + timedelta(weeks=8)
    return f"""---
# A consultation. Every line starting with # is an explanation: delete it or leave it.
# Run `localoffer check` after editing: it names the line of any mistake.

# The title (up to 120 characters).
title: {title}
# One or two plain sentences (up to 300 characters), shown in lists, feeds and search results.
summary: {_quote(p.CONSULTATION_SUMMARY.text)}
# When it opens and closes: YYYY-MM-DD, or YYYY-MM-DD HH:MM in UK time.
# A date alone opens at the start of the day and closes at the end of the day.
# If the opening date was never published, write `opens: unknown`: the page then shows no
# opening date, and it counts as open until it closes.
opens: {opens.isoformat()}
closes: {closes.isoformat()}
# Who is being asked: children, young-people, children-in-care, parents-carers, professionals,
# everyone.
audiences: [parents-carers, young-people]
# Optional: education, health, social-care, short-breaks, transport, preparing-for-adulthood,
# send-support, ehc-plans, mental-health, local-offer, bullying, safeguarding, housing.
topics: [send-support]
# Optional (default countywide): countywide, north, south, east, west, online, national.
areas: [countywide]
# Optional: the organisation running it, when it is not the council (for example a national
# consultation by the Department for Education, or one by the NHS). The page then says
# "Run by" that organisation, and never says the outcome is overdue: they publish it.
# organisation: Department for Education
# The team or service running it.
lead: SEND Service
# Optional: an email address for questions and accessible formats.
contact: {email}
# How to respond (needed while it is upcoming or open; hidden once it closes).
# One way a line: online: URL, email: ADDRESS, post: ADDRESS, phone: NUMBER, event: EVENT-ID,
# competition: WHAT TO MAKE AND WHERE TO SEND IT (or its URL), school_pack: FILE OR URL,
# pinboard: URL, recording: WHERE TO SEND A VOICE OR VIDEO RECORDING, form: FILE OR URL (a form
# to fill in and send back: give post: or email: too). Files are under content/.
respond:
  - email: {email}
# Optional but strongly advised: the Easy Read version, a file under content/ or a url.
# easy_read:
#   title: Easy Read version
#   file: documents/my-consultation-easy-read.pdf
# Optional: documents, each with a title and a file (under content/) or a url.
# documents:
#   - title: Consultation document
#     file: documents/my-consultation.pdf
#     accessible: true   # only once it has been checked for accessibility
# Optional: ids of related consultations (their file names without .md).
# related: [another-consultation-id]
# Optional: the services of the directory it is about (their file names without .md).
# services: [service-id]
# If the closing date is moved later, change `closes` and list each earlier closing date
# (`from`, earliest first) with the day the change was announced (`on`, not after `from`):
# extended:
#   - from: YYYY-MM-DD
#     on: YYYY-MM-DD
# If it is paused (responses already sent still count), from `date` until `resumes`
# (leave `resumes` out until you know it). The ways to respond are hidden meanwhile.
# paused:
#   date: YYYY-MM-DD
#   reason: Why it is paused.
#   resumes: YYYY-MM-DD
# When it has closed and a decision is made, add the outcome:
# outcome:
#   published: YYYY-MM-DD
#   summary: What we decided and why.
#   feedback: [feedback-round-id]   # the "You said, we did" rounds for it
# If it is withdrawn:
# withdrawn:
#   date: YYYY-MM-DD
#   reason: Why it was withdrawn.
# If you rename this file, list the old name so old links keep working:
# previous_ids: [old-file-name]
---

## What we are proposing

{p.CONSULTATION_BODY[0].text}

## Why

{p.CONSULTATION_BODY[1].text}

## What happens next

{p.CONSULTATION_BODY[2].text}
"""


def _event(*, title: str, today: date, email: str, authority: str = "") -> str:
    day = today + timedelta(days=21)
    return f"""---
# An event. Every line starting with # is an explanation: delete it or leave it.
# Run `localoffer check` after editing: it names the line of any mistake.

title: {title}
# One or two plain sentences (up to 300 characters).
summary: {_quote(p.EVENT_SUMMARY.text)}
# A date (an all-day event) or YYYY-MM-DD HH:MM in UK time.
starts: {day.isoformat()} 16:00
# Optional: when the date is known but the time is not published yet, give starts as a date
# alone and add this line. The page then says "Time to be confirmed".
# time_tbc: true
# For a group that meets without fixed dates, delete starts, ends and repeat, and say when it
# meets in words instead. It is listed under "Groups that meet regularly", not in calendars.
# meets: Saturday mornings in term time, and in the school holidays
# Optional: the same kind as starts. Timed events default to one hour.
# For all-day events, ends is the last day (inclusive).
ends: {day.isoformat()} 18:00
# Optional: a repeating series.
# repeat:
#   frequency: weekly      # weekly, fortnightly or monthly
#   weekday: tuesday       # defaults to the weekday of starts
#   week: 2                # monthly only: 1-4 or last (the 2nd Tuesday of each month)
#   until: YYYY-MM-DD      # the last possible date, or instead:
#   count: 10              # how many dates in the series (dates in except count too)
#   except: [YYYY-MM-DD]   # dates it does not happen
#   term_time_only: true   # not in the school holidays (school_holidays in mkdocs.yml), or:
#   school_holidays_only: true   # only in the school holidays
# true if this is a chance for children, young people or families to give their views.
engagement: true
# forum, drop-in, workshop, activity, training, information-session, young-inspectors,
# consultation-event, meeting.
kind: drop-in
# Who it is for: children, young-people, children-in-care, parents-carers, professionals,
# everyone.
audiences: [parents-carers]
# Optional: the ages of the children or young people, in years (0 to 25), never the parents'
# ages: with audiences [parents-carers] the page says "Parents and carers of children aged ...".
# ages: {{from: 11, to: 25}}
# Optional (default open): who can come: open (anyone it is for), members, invitation or
# referral.
# who_can_come: invitation
# Optional: what helps people take part, only what there will be for sure: bsl, creche,
# large-print, paper-copies, easy-read, quiet-room, step-free, hearing-loop, changing-places,
# captions.
# provisions: [step-free, hearing-loop]
# Optional: countywide, north, south, east, west, online, national.
areas: [countywide]
# Where: a location, an online meeting, or both (hybrid).
location:
  name: {p.VENUE_NAME.text}
  address: {p.VENUE_ADDRESS.text}
  postcode: {p.VENUE_POSTCODE.text}
  # What helps people get in and take part: step-free access, hearing loop, quiet room, parking.
  accessibility: {_quote(p.VENUE_ACCESSIBILITY.text)}
# online:
#   platform: Microsoft Teams
#   url: https://example.org/join   # optional: leave out if the link is sent when people book
# Optional: for an event on several dates, times or places ("six drop-ins in four rooms"),
# delete starts, ends and repeat and list the sessions instead, in the order they happen. A
# session without location or online is at the event's location and online.
# sessions:
#   - starts: YYYY-MM-DD 10:00
#     ends: YYYY-MM-DD 12:00
#     note: With a creche   # optional, up to 200 characters
#   - starts: YYYY-MM-DD 16:00
#     ends: YYYY-MM-DD 18:00
#     location:
#       name: Another place
#       postcode: AA1 1AA
# Optional, default Free.
cost: Free
# Optional: booking details.
# booking:
#   required: true
#   url: https://example.org/book
#   email: {email}
#   phone: 01632 960000
#   deadline: YYYY-MM-DD
organiser: SEND Participation Team
# Optional: an email address for questions.
contact: {email}
# Optional: the id of a consultation this event is part of.
# consultation: consultation-id
# Optional: the id of the service (in services/) that runs it.
# service: service-id
# Optional: scheduled (default), cancelled, postponed, moved-online, rescheduled,
# with status_note saying what people should do.
# status: scheduled
# status_note: ""
# Optional: documents, such as the notes of a past meeting.
# documents:
#   - title: Meeting notes
#     file: documents/meeting-notes.pdf
# If you rename this file, list the old name so old links keep working:
# previous_ids: [old-file-name]
---

{p.EVENT_BODY[0].text}
"""


def _feedback(*, title: str, today: date, email: str, authority: str = "") -> str:
    return f"""# A feedback round for "You said, we did". Every line starting with # is an
# explanation. Comments are published: remove anything that could identify someone
# (names, emails, phone numbers, postcodes, NHS numbers, dates of birth, schools).
# Run `localoffer check` after editing: it names the line of any mistake.

title: {title}
# survey, youth-forum, young-inspectors, parent-carer-forum, consultation,
# local-offer-feedback, event, complaints-and-compliments.
source: survey
# The date the comments were gathered (or the last day of gathering).
received: {today.isoformat()}
# Optional: a short description of the round.
summary: {_quote(p.FEEDBACK_SUMMARY.text)}
# Optional: the id of a related consultation or event.
# consultation: consultation-id
# event: event-id
# Optional: documents, such as a Young Inspectors report. A round published as a report
# only has its documents and a summary, and no comments.
# documents:
#   - title: Young Inspectors report
#     file: documents/report.pdf
# Optional: how many of each group took part (whole numbers).
# respondents:
#   children: 82
#   parents-carers: 1100
# Optional: figures, each a count or a percent (0 to 100) with what it counts (label).
# Figures with the same set are the answers to one question: they add up to 100%.
# figures:
#   - label: responses
#     count: 1200
#   - label: agreed the plan was clear
#     percent: 83
#     set: Was the plan clear?
#   - label: disagreed
#     percent: 17
#     set: Was the plan clear?
# Optional: themes that sum many comments up. id is for comments and quotes to name the
# theme (theme: waiting-times); count is how many comments were about it in all; response
# and action are as for a comment; topics as for consultations.
# themes:
#   - id: waiting-times
#     title: Waiting times
#     summary: Families told us that waiting for an assessment takes too long.
#     count: 214
#     response: Every family waiting now has a named contact.
#     topics: [ehc-plans]
#     action:
#       status: planned
# Optional: quotes, in people's own words, that need no response (anonymised too).
# quotes:
#   - said: The summer club is the best bit of the holidays.
#     from: children
#     theme: waiting-times
# The comments, each with our response (optional when the round has themes or quotes).
comments:
  # from: children, young-people, parents-carers, professionals.
  - from: parents-carers
    # Optional: content (what the Local Offer contains or lacks), accessibility (how easy
    # it is to find and use), development (how it is developed or reviewed).
    regarding: content
    # Optional: topics, as for consultations.
    topics: [short-breaks]
    # Optional: the id of the service in the directory it is about (services/<id>.md).
    # service: service-id
    # Optional: the id of one of the round's themes, to show it under that theme.
    # theme: waiting-times
    # What was said, anonymised.
    said: {_quote(p.SAID.text)}
    # What the council says or does in reply ("we did").
    response: {_quote(p.RESPONSE.text)}
    # Optional: the action. status: planned, in-progress, done or not-planned;
    # due and completed are dates (completed only when done); owner is a team.
    action:
      status: planned
      due: {(today + timedelta(weeks=12)).isoformat()}
      owner: Local Offer Team
"""


TEMPLATES: dict[str, Template] = {
    "consultation": _consultation,
    "event": _event,
    "feedback": _feedback,
    "service": service_template,
}


def explanations(root: Path) -> frozenset[str]:
    """The explanations (``# ...``) that ``localoffer new`` writes in a site's new records.

    They only say what each field is for, so a change that drops them (the web editor drops
    every comment) loses nothing: ``localoffer check --base`` does not count them.
    """
    settings, _ = read_settings(root)
    email = settings.contact_email or "send@example.org"
    found: set[str] = set()
    for kind, template in TEMPLATES.items():
        text = template(
            title=_quote("Title"), today=date(2027, 1, 1), email=email, authority=settings.authority
        )
        notes = read_comments(text, markdown=FOLDERS[kind][1] == ".md")
        found.update(note.key for note in notes.comments)
    return frozenset(found)
