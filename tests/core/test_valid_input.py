"""Input that is right, even if it looks unusual, is read without complaint, and means what the
contract says it means."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from localoffer.core.problems import Severity
from localoffer.core.timezone import LONDON

from core.sitekit import (
    CLOSED_CONSULTATION,
    CONSULTATION,
    EVENT,
    FEEDBACK,
    SiteKit,
    line_of,
    replace,
    write_pdf,
)

CP = "consultations/short-breaks-statement-2027.md"
EP = "events/short-breaks-drop-in-anbury.md"
FP = "responses/local-offer-survey-spring-2026.yml"


@pytest.fixture
def kit(tmp_path: Path) -> SiteKit:
    return SiteKit(tmp_path / "site")


def test_the_valid_records_have_no_problems_at_all(kit: SiteKit) -> None:
    kit.write(CP, CONSULTATION)
    kit.write("consultations/home-to-school-transport-2026.md", CLOSED_CONSULTATION)
    kit.write(EP, EVENT)
    kit.write(FP, FEEDBACK)

    result = kit.check()

    assert result.problems == []
    assert set(result.site.consultations) == {
        "short-breaks-statement-2027",
        "home-to-school-transport-2026",
    }
    assert set(result.site.events) == {"short-breaks-drop-in-anbury"}
    assert set(result.site.feedback) == {"local-offer-survey-spring-2026"}


def test_a_single_value_is_accepted_where_a_list_is_expected(kit: SiteKit) -> None:
    kit.write(
        CP,
        replace(
            replace(CONSULTATION, "[parents-carers, young-people]", "parents-carers"),
            "topics: [short-breaks]",
            "topics: short-breaks\nareas: north\nrelated: home-to-school-transport-2026",
        ),
    )
    kit.write("consultations/home-to-school-transport-2026.md", CLOSED_CONSULTATION)
    kit.write(
        EP,
        replace(
            EVENT,
            "engagement: true",
            "engagement: true\nrepeat:\n  frequency: weekly\n  count: 3\n  except: 2026-12-08",
        ),
    )
    kit.write(
        FP,
        replace(
            FEEDBACK,
            "comments:\n  - from: parents-carers",
            "comments:\n  from: parents-carers",
        ).replace("\n    ", "\n  "),
    )

    result = kit.check()

    assert result.problems == []
    consultation = result.site.consultations["short-breaks-statement-2027"]
    assert consultation.audiences == ["parents-carers"]
    assert consultation.topics == ["short-breaks"]
    assert consultation.areas == ["north"]
    assert consultation.related == ["home-to-school-transport-2026"]
    event = result.site.events["short-breaks-drop-in-anbury"]
    assert event.repeat is not None and event.repeat.except_ == [date(2026, 12, 8)]
    assert len(result.site.feedback["local-offer-survey-spring-2026"].comments) == 1


def test_areas_default_to_countywide_for_consultations(kit: SiteKit) -> None:
    kit.write(CP, CONSULTATION)
    consultation = kit.check().site.consultations["short-breaks-statement-2027"]
    assert consultation.areas == ["countywide"]


def test_a_byte_order_mark_is_accepted(kit: SiteKit) -> None:
    kit.write(CP, "\ufeff" + CONSULTATION)
    kit.write(FP, "\ufeff" + FEEDBACK)
    result = kit.check()
    assert result.problems == []
    assert result.site.consultations["short-breaks-statement-2027"].title == (
        "Short breaks statement 2027"
    )


def test_windows_line_endings_are_accepted_and_lines_still_count(kit: SiteKit) -> None:
    kit.write(CP, CONSULTATION.replace("\n", "\r\n"))
    kit.write(FP, FEEDBACK.replace("\n", "\r\n"))
    broken = replace(EVENT, "kind: drop-in", "kind: dropin").replace("\n", "\r\n")
    kit.write(EP, broken)

    problems = kit.problems()

    assert [(p.path, p.line, p.column) for p in problems] == [(EP, line_of(EVENT, "kind:"), 7)]
    body = kit.check().site.consultations["short-breaks-statement-2027"].body
    assert "## What we are proposing" in body


def test_the_body_is_the_text_after_the_front_matter(kit: SiteKit) -> None:
    kit.write(CP, CONSULTATION)
    body = kit.check().site.consultations["short-breaks-statement-2027"].body
    assert body == "## What we are proposing\n\nMore short breaks in the north and west.\n"


def test_front_matter_may_close_with_dots(kit: SiteKit) -> None:
    kit.write(CP, CONSULTATION.replace("---\n## What", "...\n## What"))
    assert kit.problems() == []


def test_a_yaml_file_may_start_and_end_with_dashes(kit: SiteKit) -> None:
    kit.write(FP, "---\n" + FEEDBACK + "---\n")
    kit.write("responses/another-round.yaml", FEEDBACK)
    result = kit.check()
    assert result.problems == []
    assert set(result.site.feedback) == {"local-offer-survey-spring-2026", "another-round"}


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("2026-12-01 16:00", datetime(2026, 12, 1, 16, 0, tzinfo=LONDON)),
        ("2026-12-01T16:00", datetime(2026, 12, 1, 16, 0, tzinfo=LONDON)),
        ("2026-12-01 16:00:00", datetime(2026, 12, 1, 16, 0, tzinfo=LONDON)),
        ("2026-12-01T16:00:00Z", datetime(2026, 12, 1, 16, 0, tzinfo=LONDON)),
        ("2026-12-01 16:00+00:00", datetime(2026, 12, 1, 16, 0, tzinfo=LONDON)),
        ("2026-12-01 17:00 +01:00", datetime(2026, 12, 1, 16, 0, tzinfo=LONDON)),
        ('"2026-12-01 16:00"', datetime(2026, 12, 1, 16, 0, tzinfo=LONDON)),
    ],
)
def test_date_times_in_every_accepted_form(kit: SiteKit, typed: str, expected: datetime) -> None:
    kit.write(
        EP,
        replace(
            replace(EVENT, "starts: 2026-12-01 16:00", f"starts: {typed}"),
            "ends: 2026-12-01 18:00\n",
            "",
        ),
    )
    result = kit.check()
    assert result.problems == []
    starts = result.site.events["short-breaks-drop-in-anbury"].starts
    assert isinstance(starts, datetime)
    assert starts == expected
    assert starts.utcoffset() == timedelta(0)  # December is GMT


def test_a_summer_date_time_is_british_summer_time(kit: SiteKit) -> None:
    kit.write(EP, EVENT.replace("2026-12-01", "2026-07-01"))
    kit.write(CP, CONSULTATION)
    event = kit.check().site.events["short-breaks-drop-in-anbury"]
    assert isinstance(event.starts, datetime)
    assert event.starts.utcoffset() == timedelta(hours=1)
    assert event.starts.astimezone(UTC).hour == 15


def test_an_autumn_time_that_happens_twice_is_the_first_one(kit: SiteKit) -> None:
    """01:30 on 25 October 2026 happens in BST and again in GMT: the first (BST) is meant."""
    kit.write(
        EP,
        EVENT.replace("2026-12-01 16:00", "2026-10-25 01:30").replace(
            "2026-12-01 18:00", "2026-10-25 03:00"
        ),
    )
    event = kit.check(today="2026-10-01").site.events["short-breaks-drop-in-anbury"]
    assert isinstance(event.starts, datetime)
    assert event.starts.astimezone(UTC) == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)


def test_a_closed_consultation_needs_no_way_to_respond(kit: SiteKit) -> None:
    closed = CLOSED_CONSULTATION.replace(
        "outcome:\n  published: 2026-06-30\n  summary: We kept the current policy.\n", ""
    )
    kit.write("consultations/home-to-school-transport-2026.md", closed)
    problems = kit.problems(today="2026-05-01")
    assert [p.severity for p in problems] == []
    status_errors = [p for p in kit.problems(today="2026-04-15") if p.is_error]
    assert [p.message for p in status_errors] == [
        "this consultation is open, so it needs 'respond:': how people can take part (online, "
        "email, post, phone or event)"
    ]


def test_a_withdrawn_consultation_needs_no_way_to_respond(kit: SiteKit) -> None:
    withdrawn = replace(
        CONSULTATION,
        "respond:\n  - online: https://haveyoursay.anyshire.example/short-breaks-2027\n"
        "  - email: shortbreaks@anyshire.example\n",
        "withdrawn:\n  date: 2026-11-20\n  reason: The plans are being rewritten.\n",
    )
    kit.write(CP, withdrawn)
    assert kit.problems() == []


def test_sites_can_add_their_own_vocabulary_terms(kit: SiteKit) -> None:
    (kit.root / "mkdocs.yml").write_text(
        (kit.root / "mkdocs.yml").read_text()
        + "      vocabularies:\n        areas:\n          dales: The Dales\n"
        "        topics: [play]\n",
        encoding="utf-8",
    )
    kit.write(CP, replace(CONSULTATION, "topics: [short-breaks]", "topics: [play]\nareas: dales"))
    result = kit.check()
    assert result.problems == []
    assert result.site.settings.vocabularies.label("areas", "dales") == "The Dales"
    assert result.site.settings.vocabularies.label("topics", "play") == "Play"


def test_records_in_sub_folders_keep_their_plain_id(kit: SiteKit) -> None:
    kit.write("events/2026/december/short-breaks-drop-in-anbury.md", EVENT)
    result = kit.check()
    assert result.problems == []
    event = result.site.events["short-breaks-drop-in-anbury"]
    assert event.path == "events/2026/december/short-breaks-drop-in-anbury.md"


def test_readme_and_hidden_files_in_record_folders_are_ignored(kit: SiteKit) -> None:
    kit.write("events/README.md", "How to write events.\n")
    kit.write("events/.DS_Store", b"\x00\x01")
    kit.write("consultations/.gitkeep", "")
    assert kit.problems() == []


def test_numbers_are_kept_as_text_where_text_is_expected(kit: SiteKit) -> None:
    kit.write(
        EP,
        replace(EVENT, "organiser:", "booking:\n  phone: 01632960123\ncost: 5\norganiser:"),
    )
    event = kit.check().site.events["short-breaks-drop-in-anbury"]
    assert event.booking is not None and event.booking.phone == "01632960123"
    assert event.cost == "5"


# Documents.

EASY_READ_URL = "  url: https://haveyoursay.anyshire.example/short-breaks-2027/easy-read"


def with_easy_read_file(name: str, extra: str = "") -> str:
    return replace(CONSULTATION, EASY_READ_URL, f"  file: documents/{name}{extra}")


def test_an_untagged_pdf_is_a_warning_only(kit: SiteKit) -> None:
    write_pdf(kit.root / "content/documents/easy-read.pdf", pages=3)
    kit.write(CP, with_easy_read_file("easy-read.pdf"))

    result = kit.check()

    assert result.ok
    [problem] = result.problems
    assert problem.severity is Severity.WARNING
    assert (problem.path, problem.line, problem.column) == (
        CP,
        line_of(with_easy_read_file("easy-read.pdf"), "file:"),
        9,
    )
    assert "'documents/easy-read.pdf' is not a tagged PDF" in problem.message
    assert "accessible: true" in problem.message


def test_a_tagged_pdf_or_one_marked_accessible_has_no_warning(kit: SiteKit) -> None:
    write_pdf(kit.root / "content/documents/tagged.pdf", tagged=True)
    write_pdf(kit.root / "content/documents/checked.pdf")
    kit.write(CP, with_easy_read_file("tagged.pdf"))
    kit.write(
        "consultations/another-2027.md",
        with_easy_read_file("checked.pdf", "\n  accessible: true"),
    )
    assert kit.problems() == []


def test_a_pdf_that_cannot_be_read_is_an_error(kit: SiteKit) -> None:
    kit.write("content/documents/broken.pdf", b"%PDF-1.7 this is not really a PDF")
    kit.write(CP, with_easy_read_file("broken.pdf"))
    [problem] = kit.problems()
    assert problem.is_error
    assert "'documents/broken.pdf' cannot be read as a PDF" in problem.message


def test_a_document_path_may_start_at_the_site_root(kit: SiteKit) -> None:
    kit.write("content/documents/easy-read.docx", b"PK\x03\x04 not checked")
    kit.write(
        CP, with_easy_read_file("easy-read.docx").replace("file: documents/", "file: /documents/")
    )
    result = kit.check()
    assert result.problems == []
    easy_read = result.site.consultations["short-breaks-statement-2027"].easy_read
    assert easy_read is not None and easy_read.file == "documents/easy-read.docx"


def test_other_document_formats_need_only_exist(kit: SiteKit) -> None:
    kit.write("content/documents/easy-read.docx", b"PK\x03\x04 not checked")
    kit.write(CP, with_easy_read_file("easy-read.docx"))
    assert kit.problems() == []


def test_every_document_place_is_checked(kit: SiteKit) -> None:
    """documents, easy_read and the outcome's documents of consultations; events; feedback."""
    outcome = replace(
        CLOSED_CONSULTATION,
        "  summary: We kept the current policy.",
        "  summary: We kept the current policy.\n  documents:\n    - title: Decision\n"
        "      file: documents/decision.pdf",
    )
    kit.write("consultations/home-to-school-transport-2026.md", outcome)
    kit.write(
        EP,
        replace(
            EVENT,
            "organiser:",
            "documents:\n  - title: Notes\n    file: documents/notes.pdf\norganiser:",
        ),
    )
    kit.write(
        FP,
        replace(
            FEEDBACK,
            "comments:",
            "documents:\n  title: Report\n  file: documents/report.pdf\ncomments:",
        ),
    )
    problems = kit.problems()
    assert [(p.path, p.line, p.column, p.is_error) for p in problems] == [
        (
            "consultations/home-to-school-transport-2026.md",
            line_of(outcome, "decision.pdf"),
            13,
            True,
        ),
        (EP, 15, 11, True),
        (FP, 6, 9, True),
    ]
    assert all("does not exist" in p.message for p in problems)


# Records as an editor outside the project might write them: every optional field, in the
# different styles YAML allows.

FULL_CONSULTATION = """\
---
title: "Home to school transport: policy for 2027"
summary: >-
  We want to hear what you think about our plans for home to school transport
  for children and young people with SEND.
opens: 2026-11-02 09:00
closes: 2027-01-15T17:00
audiences:
  - parents-carers
  - young-people
topics: [transport, preparing-for-adulthood]
areas: [north, south]
lead: SEND Transport Team
contact: SEND.Transport@anyshire.example
respond:
  - online: https://consult.anyshire.example/transport-2027?ref=local-offer
  - email: send.transport@anyshire.example
  - post: |
      SEND Transport Team
      County Hall, Market Street
      Anbury AY1 1AA
  - phone: (01632) 960123
  - phone: +44 1632 960124 ext. 12
  - event: transport-drop-in
easy_read:
  title: Easy Read version
  url: https://consult.anyshire.example/transport-2027/easy-read
  easy_read: true
documents:
  - title: Consultation document
    url: https://consult.anyshire.example/transport-2027/document
    accessible: true
  - {title: Equality impact assessment, url: "https://consult.anyshire.example/eia"}
related: [transport-2026]
previous_ids: [school-transport-2027, transport-policy-2027]
---
# What we are proposing

Text with a horizontal rule below.

---

More text.
"""

OLD_CONSULTATION = """\
---
title: Transport 2026
summary: Last year's consultation.
opens: 2026-01-05
closes: 2026-02-27
audiences: parents-carers
lead: SEND Transport Team
outcome:
  published: 2026-04-01
  summary: We kept the current policy, with two changes.
  documents:
    - title: Decision report
      url: https://www.anyshire.example/decision
  feedback: transport-responses-2026
---
"""

FULL_EVENT = """\
---
title: Transport drop-in
summary: Ask us about the transport consultation.
starts: 2026-12-01 16:00
ends: 2026-12-01 18:30
repeat:
  frequency: Fortnightly
  weekday: Tuesday
  until: 2027-01-12
  except: [2026-12-29]
engagement: yes
kind: consultation-event
audiences: [parents-carers, young-people]
ages: {from: 14, to: 25}
areas: [north]
location:
  name: Anbury Library
  address: 1 High Street, Anbury
  postcode: AY1 1AA
  accessibility: Step-free access, hearing loop and a quiet room.
online:
  platform: Microsoft Teams
  url: https://teams.example/transport
cost: £2 (free for young people)
booking:
  required: true
  url: https://book.anyshire.example/transport
  email: bookings@anyshire.example
  phone: 01632 960125
  deadline: 2026-11-30
organiser: SEND Transport Team
contact: send.transport@anyshire.example
consultation: transport-2027
status: rescheduled
status_note: Moved from Monday to Tuesday.
documents:
  - title: Slides
    url: https://www.anyshire.example/slides
---
"""

FULL_FEEDBACK = """\
# Comments gathered at the transport drop-ins.
title: Transport drop-ins, winter 2026
source: consultation
received: 2026-11-12
summary: What parents and young people told us at the drop-ins.
consultation: transport-2027
event: transport-drop-in
documents:
  - title: Full notes
    url: https://www.anyshire.example/notes
comments:
  - from: young-people
    regarding: accessibility
    topics: transport
    said: >
      The bus pass form is really hard to fill in on a phone, and it
      timed out twice.
    response: We have made the form work on phones and given it more time.
    action:
      status: done
      due: 2026-12-01
      completed: 2026-11-20
      owner: Digital Team
  - from: parents-carers
    said: "Could you tell us the driver's name before the first day? It helps a lot."
    response: Yes. From September the letter will name the driver and escort.
    action: {status: planned, due: 2027-09-01}
  - from: professionals
    regarding: development
    said: Schools were not asked about the new pick-up times.
    response: We will ask every school before we change times again.
    action:
      status: not-planned
  - from: children
    said: I like the minibus but it is too cold in the mornings.
    response: We have asked the operator to check the heating in every minibus.
"""


def test_records_using_every_field_in_different_styles_are_valid(kit: SiteKit) -> None:
    kit.write("consultations/transport-2027.md", FULL_CONSULTATION)
    kit.write("consultations/2026/transport-2026.md", OLD_CONSULTATION)
    kit.write("events/transport-drop-in.md", FULL_EVENT)
    kit.write("responses/transport-responses-2026.yaml", FULL_FEEDBACK)

    result = kit.check()

    assert result.problems == []
    consultation = result.site.consultations["transport-2027"]
    assert [way.kind for way in consultation.respond] == [
        "online",
        "email",
        "post",
        "phone",
        "phone",
        "event",
    ]
    assert consultation.respond[2].value.splitlines()[-1] == "Anbury AY1 1AA"
    assert consultation.body.endswith("More text.\n")
    event = result.site.events["transport-drop-in"]
    assert event.engagement is True and event.is_hybrid and not event.is_free
    assert event.repeat is not None and event.repeat.weekday == "tuesday"
    feedback = result.site.feedback["transport-responses-2026"]
    assert [c.from_ for c in feedback.comments] == [
        "young-people",
        "parents-carers",
        "professionals",
        "children",
    ]
