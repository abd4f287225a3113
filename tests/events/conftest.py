"""One real build of a crafted events site, shared by the events tests.

"Now" is the start of Monday 23 November 2026. The events cover what the calendar must get
right: series across the clock changes of 25 October 2026 and 28 March 2027 (weekly,
fortnightly, monthly nth and last weekday, COUNT and UNTIL, skipped dates), all-day events
over several days, every status, online and hybrid events, events old enough to drop out of
the feeds, and a hostile event whose fields try to break out of HTML, JSON and iCalendar.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .sitebuild import build_site

TODAY = "2026-11-23"

HOSTILE_TITLE = (
    'Café; "quotes", back\\slash </script><script>alert(1)</script> – Ŵêlsh 𝄞 日本語 élève'
)


EVENTS: dict[str, str] = {
    # Weekly on Tuesdays at 4pm London time, over both clock changes.
    "weekly-tuesday-forum": """\
        ---
        title: Weekly Tuesday youth forum
        summary: A weekly forum for young people.
        starts: 2026-10-06 16:00
        ends: 2026-10-06 18:00
        repeat:
          frequency: weekly
          until: 2027-04-27
          except: [2026-11-03, 2027-03-30]
        engagement: true
        kind: forum
        audiences: [young-people]
        ages: {from: 11, to: 25}
        areas: [east]
        location:
          name: Sallowmouth Youth Hub
          address: 3 Harbour Row, Sallowmouth
          postcode: AY8 1JB
          accessibility: Step-free entrance and a hearing loop.
        organiser: Anyshire Participation Team
        contact: youthforum@anyshire.example
        documents:
          - title: Forum agenda
            file: documents/forum-agenda.pdf
        ---
        Come and have your say.
        """,
    "fortnightly-sensory-play": """\
        ---
        title: Fortnightly sensory play
        summary: Sensory play every other Monday.
        starts: 2026-10-12 10:00
        ends: 2026-10-12 11:30
        repeat:
          frequency: fortnightly
          count: 12
        kind: activity
        audiences: [children, parents-carers]
        ages: {from: 0, to: 5}
        areas: [north]
        location:
          name: The Kestleford Centre
          postcode: AY4 2QT
        cost: £2 per family
        organiser: Kestleford Family Hub
        ---
        """,
    "last-friday-coffee-morning": """\
        ---
        title: Last Friday coffee morning
        summary: Parents and carers meet on the last Friday of each month.
        starts: 2026-09-25 10:00
        ends: 2026-09-25 12:00
        repeat:
          frequency: monthly
          week: last
          weekday: friday
          until: 2027-07-30
          except: [2026-12-25]
        engagement: true
        kind: drop-in
        audiences: parents-carers
        areas: [north]
        location:
          name: The Kestleford Centre
          postcode: AY4 2QT
        organiser: Anyshire Parent Carer Forum
        ---
        """,
    "second-tuesday-online-group": """\
        ---
        title: Second Tuesday online group
        summary: An online group on the second Tuesday of each month.
        starts: 2026-09-08 19:00
        ends: 2026-09-08 20:00
        repeat:
          frequency: monthly
          week: 2
          count: 10
        kind: meeting
        audiences: [professionals]
        online:
          platform: Microsoft Teams
          url: https://meet.anyshire.example/second-tuesday
        organiser: SEND Service
        ---
        """,
    "summer-activity-camp": """\
        ---
        title: Summer activity camp
        summary: Five days of outdoor activities.
        starts: 2027-08-02
        ends: 2027-08-06
        kind: activity
        audiences: [children, young-people]
        ages: {from: 8, to: 16}
        areas: [south]
        location:
          name: Brackenfold Country Park
          address: Brackenfold Lane, Brackenfold
          postcode: AY14 6XW
        cost: £15 a day
        booking:
          required: true
          url: https://www.anyshire.example/book
          deadline: 2027-07-09
        organiser: Short Breaks Team
        ---
        """,
    "information-fair": """\
        ---
        title: SEND information fair
        summary: Stalls from schools, colleges and services.
        starts: 2027-01-30
        kind: information-session
        audiences: [everyone]
        areas: [countywide]
        location:
          name: County Hall
          address: Market Street, Anbury
          postcode: AY1 1AA
        organiser: Local Offer team
        ---
        """,
    "cancelled-evening": """\
        ---
        title: Moving on from school evening
        summary: An information evening about college and apprenticeships.
        starts: 2026-12-10 18:00
        ends: 2026-12-10 20:00
        kind: information-session
        audiences: [young-people, parents-carers]
        location:
          name: Kestleford Academy
          postcode: AY4 3BW
        organiser: Preparing for Adulthood Team
        status: cancelled
        status_note: Cancelled because of flood damage to the hall.
        ---
        """,
    "moved-online-session": """\
        ---
        title: Preparing for adulthood session
        summary: Hear about the draft pathway and tell us what you think.
        starts: 2027-02-09 18:30
        ends: 2027-02-09 20:00
        engagement: true
        kind: consultation-event
        audiences: [parents-carers]
        location:
          name: Westerholm Sports Centre
          postcode: AY11 4RL
        online:
          platform: Zoom
          url: https://meet.anyshire.example/pfa
        organiser: Preparing for Adulthood Team
        status: moved-online
        status_note: It is now online only.
        ---
        """,
    "postponed-launch": """\
        ---
        title: Dads group launch
        summary: A new group for dads and male carers.
        starts: 2027-01-16 10:00
        ends: 2027-01-16 12:00
        kind: drop-in
        audiences: [parents-carers]
        location:
          name: Marrowby Family Hub
        organiser: Anyshire Parent Carer Forum
        status: postponed
        status_note: We are looking for a bigger room.
        ---
        """,
    # Postponed before its date, which has now passed: not "finished", and not on the calendar
    # at that date. An engagement opportunity, for the engagement page and the filters.
    "postponed-forum": """\
        ---
        title: Short breaks listening event
        summary: Tell us what short breaks work for your family.
        starts: 2026-11-12 18:00
        ends: 2026-11-12 19:30
        engagement: true
        kind: consultation-event
        consultation: short-breaks-statement-2027
        audiences: [parents-carers]
        areas: [south]
        location:
          name: Brackenfold Library
          address: Church Street, Brackenfold
          postcode: AY14 2PL
        organiser: Short Breaks Team
        status: postponed
        status_note: The speakers could not come. We will email everyone who booked.
        ---
        """,
    # A date whose time is not published yet: an all-day date that says so, never "all day".
    "time-tbc-workshop": """\
        ---
        title: Transition to secondary school workshop
        summary: What to expect when your child moves to secondary school.
        starts: 2027-01-23
        time_tbc: true
        kind: workshop
        audiences: [parents-carers]
        areas: [west]
        location:
          name: Brackenfold Library
          address: Church Street, Brackenfold
          postcode: AY14 2PL
        organiser: SEND Information, Advice and Support Service
        contact: sendiass@anyshire.example
        ---
        """,
    # A group that meets without fixed dates, at a venue given only when you join (no address,
    # so no map): a standing entry, not a calendar event.
    "saturday-sports-club": """\
        ---
        title: Saturday inclusive sports club
        summary: Sports for disabled young people, with support staff.
        meets: Saturday mornings in term time, and some days in the school holidays
        kind: activity
        audiences: [young-people]
        ages: {from: 8, to: 18}
        location:
          name: Venue confirmed when you join
        booking:
          required: true
          email: sportsclub@anyshire.example
        organiser: Anyshire Short Breaks Team
        ---
        """,
    "rescheduled-afternoon": """\
        ---
        title: Family afternoon
        summary: A family afternoon with activities.
        starts: 2026-12-12 13:00
        ends: 2026-12-12 16:00
        engagement: true
        kind: consultation-event
        audiences: [parents-carers, children]
        location:
          name: The Kestleford Centre
        online:
          platform: Microsoft Teams
        organiser: Short Breaks Team
        status: rescheduled
        status_note: Moved from 5 December to 12 December.
        ---
        """,
    "old-meeting": """\
        ---
        title: Old meeting
        summary: A meeting in July, long over.
        starts: 2026-07-16 18:30
        ends: 2026-07-16 20:30
        engagement: true
        kind: forum
        audiences: [parents-carers]
        location:
          name: The Kestleford Centre
        organiser: Anyshire Parent Carer Forum
        ---
        """,
    "recent-meeting": """\
        ---
        title: Recent meeting
        summary: A meeting in September, less than three months ago.
        starts: 2026-09-17 18:30
        ends: 2026-09-17 20:30
        engagement: true
        kind: forum
        consultation: short-breaks-statement-2027
        documents:
          - title: Notes of the meeting
            file: documents/meeting-notes.txt
          - title: Slides
            url: https://www.anyshire.example/slides
        audiences: [parents-carers]
        location:
          name: The Kestleford Centre
        organiser: Anyshire Parent Carer Forum
        ---
        """,
    "hostile-event": f"""\
        ---
        title: {json.dumps(HOSTILE_TITLE, ensure_ascii=False)}
        summary: "Line one; with, punctuation\\nline two \\\\ and </script> again"
        starts: 2027-01-20 16:00
        ends: 2027-01-20 18:00
        engagement: true
        kind: workshop
        audiences: [young-people]
        location:
          name: "<b>Hub</b> & \\"friends\\""
          address: "1 <i>Main</i> Street"
          postcode: AY1 1AA
          accessibility: "<img src=x onerror=alert(1)>"
        organiser: "<script>alert('organiser')</script>"
        status: rescheduled
        status_note: "<script>alert('note')</script>"
        ---
        <script>alert('body')</script>

        [Click me](javascript:alert(1)) and <img src="x" onerror="alert(1)"> and
        <a href="#" onclick="alert(1)">a link</a>.

        A proper paragraph stays.
        """,
}


#: Postponed, awaiting a new date: listed apart, never past, in no calendar feed.
HELD = {"postponed-launch", "postponed-forum"}
#: Dated, with the time to be confirmed; and meeting without fixed dates (a standing entry).
TIME_TBC = "time-tbc-workshop"
STANDING = "saturday-sports-club"


@pytest.fixture(scope="session")
def events_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The crafted site, built once with "now" at the start of 23 November 2026."""
    return build_site(tmp_path_factory.mktemp("events-site"), EVENTS, TODAY)
