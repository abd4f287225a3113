"""Every rule for services, through the real ``localoffer check``: each bad input is one error
(or warning) at PATH:LINE:COLUMN with a message an editor understands, and all of them are
reported in one run."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from localoffer.cli.main import main

from tests.core.sitekit import CONSULTATION, EVENT, FEEDBACK, TODAY, column_of, line_of, replace

from .records import CP, EP, MINIMAL, SERVICE, SP, s, service_kit


@dataclass(frozen=True)
class Case:
    name: str
    path: str
    text: str
    at: str  # the fragment the problem points at: its line, and the column where it starts
    message: str  # the whole message
    #: Where the problem is in ``at``'s line, when not at its start: characters further on.
    offset: int = 0
    #: The line and column, for a fragment on more than one line (the file's first line).
    position: tuple[int, int] | None = None

    @property
    def line(self) -> int:
        return self.position[0] if self.position else line_of(self.text, self.at)

    @property
    def column(self) -> int:
        return self.position[1] if self.position else column_of(self.text, self.at) + self.offset


VOCAB_CATEGORIES = (
    "education, health, social-care, short-breaks, transport, preparing-for-adulthood, "
    "advice-and-support, leisure, childcare, mental-health"
)
VOCAB_NEEDS = (
    "communication-and-interaction, cognition-and-learning, social-emotional-and-mental-health, "
    "sensory-and-physical"
)

CASES = [
    Case(
        "unknown-category",
        SP,
        s("categories: [advice-and-support]", "categories: [advice-and-suport]"),
        "advice-and-suport",
        "categories (item 1): 'advice-and-suport' is not a known service category. Did you mean "
        f"'advice-and-support'? The service categories are: {VOCAB_CATEGORIES}",
    ),
    Case(
        "unknown-need",
        SP,
        s("needs: [communication-and-interaction]", "needs: [communication, sensory]"),
        "sensory",
        "needs (item 2): 'sensory' is not a known need. Did you mean 'sensory-and-physical'? "
        f"The needs are: {VOCAB_NEEDS}",
        # (the first, 'communication', is its own error on the same line: see the test)
    ),
    Case(
        "no-category",
        SP,
        s("categories: [advice-and-support]", "categories: []"),
        "[]",
        "categories needs at least 1 entry",
    ),
    Case(
        "missing-reviewed",
        SP,
        s("reviewed: 2026-10-12\n", ""),
        "title:",
        "the field 'reviewed' is required but missing",
    ),
    Case(
        "reviewed-in-the-future",
        SP,
        s("reviewed: 2026-10-12", "reviewed: 2026-12-01"),
        "2026-12-01",
        "'reviewed' is 1 December 2026, after today (23 November 2026): give the day the "
        "details were last checked",
    ),
    Case(
        "reviewed-not-a-date",
        SP,
        s("reviewed: 2026-10-12", "reviewed: last week"),
        "last week",
        "reviewed: 'last week' is not a date: write dates as YYYY-MM-DD (2026-04-12) and "
        "date-times as YYYY-MM-DD HH:MM (2026-04-12 17:00)",
    ),
    Case(
        "personal-email",
        SP,
        s("email: sendiass@anyshire.example", "email: jane.smith@anyshire.example"),
        "jane.smith@anyshire.example",
        "contact → email: 'jane.smith@anyshire.example' looks like a person's own email "
        "address: a service's contact is published, so give the service's shared address (such "
        "as sendiass@anyshire.example), never a named person's",
    ),
    Case(
        "personal-email-initial",
        SP,
        s("email: sendiass@anyshire.example", "email: j.smith@anyshire.example"),
        "j.smith@anyshire.example",
        "contact → email: 'j.smith@anyshire.example' looks like a person's own email "
        "address: a service's contact is published, so give the service's shared address (such "
        "as sendiass@anyshire.example), never a named person's",
    ),
    Case(
        "contact-with-nothing",
        SP,
        s(
            "contact:\n  email: sendiass@anyshire.example\n  phone: 01632 960 400\n"
            "  url: https://sendiass.anyshire.example/\n",
            "contact: {}\n",
        ),
        "contact:",
        "contact: a contact needs at least one of 'email:', 'phone:' or 'url:' (the service's "
        "web page)",
    ),
    Case(
        "contact-missing",
        SP,
        s(
            "contact:\n  email: sendiass@anyshire.example\n  phone: 01632 960 400\n"
            "  url: https://sendiass.anyshire.example/\n",
            "",
        ),
        "title:",
        "the field 'contact' is required but missing",
    ),
    Case(
        "contact-a-name",
        SP,
        s("  phone: 01632 960 400", "  name: Jane Smith"),
        "name: Jane Smith",
        "unknown field 'name'. The fields here are: email, phone, url.",
    ),
    Case(
        "bad-phone",
        SP,
        s("phone: 01632 960 400", "phone: ring us"),
        "ring us",
        "contact → phone: 'ring us' is not a phone number (like 01632 960000)",
    ),
    Case(
        "negative-amount",
        SP,
        s("amount: 3.50", "amount: -2"),
        "-2",
        "cost → amount must be 0 or more (it is -2)",
    ),
    Case(
        "unknown-cost-field",
        SP,
        s("  per: session", "  per: session\n  currency: GBP"),
        "currency:",
        "unknown field 'currency'. The fields here are: amount, per, note.",
    ),
    Case(
        "per-without-amount",
        SP,
        s("  amount: 3.50\n", ""),
        "cost:",
        "cost: 'per:' says what the amount is for: give 'amount:' with it",
    ),
    Case(
        "cost-a-number",
        SP,
        s("cost:\n  amount: 3.50\n  per: session\n  note: Carers go free.\n", "cost: 5\n"),
        "cost: 5",
        "cost is a number (5): say what it is for, as text ('£5 a session') or as "
        "'amount: 5' with 'per: session'",
        offset=len("cost: "),
    ),
    Case(
        "cost-a-list",
        SP,
        s("cost:\n  amount: 3.50\n  per: session\n  note: Carers go free.\n", "cost: [3, 5]\n"),
        "[3, 5]",
        "cost is neither text nor a group of fields: write it as text ('Free', '£3.50 a "
        "session'), or as amount, per and note indented below it",
    ),
    Case(
        "cost-empty",
        SP,
        s("cost:\n  amount: 3.50\n  per: session\n  note: Carers go free.\n", "cost:\n"),
        "cost:",
        "cost is empty: write the cost, or remove the line (it is then Free)",
        offset=len("cost:"),  # where the value would be
    ),
    Case(
        "bad-referral",
        SP,
        s("referral: both", "referral: profesional"),
        "profesional",
        "referral must be one of 'self', 'professional' or 'both', not 'profesional'. Did you "
        "mean 'professional'?",
    ),
    Case(
        "typo-field",
        SP,
        s("categories:", "categorys:"),
        "categorys:",
        "unknown field 'categorys'. Did you mean 'categories'?",
    ),
    Case(
        "organisation-without-name",
        SP,
        s("  name: Anyshire County Council\n", ""),
        "organisation:",
        "the field 'name' is required in organisation but missing",
    ),
    Case(
        "ages-the-wrong-way-round",
        SP,
        s("ages: {from: 0, to: 25}", "ages: {from: 16, to: 5}"),
        "5}",
        "ages → to: 'to' (5) must not be less than 'from' (16)",
    ),
    Case(
        "location-without-name",
        SP,
        s("  - name: County Hall\n    address:", "  - address:"),
        "address: Market Street",
        "the field 'name' is required in locations (item 1) but missing",
    ),
    Case(
        "unknown-area",
        SP,
        s("areas: [countywide]", "areas: [dales]"),
        "dales",
        "areas (item 1): 'dales' is not a known area. The areas are: countywide, north, south, "
        "east, west, online, national",
    ),
    Case(
        "summary-too-long",
        SP,
        s(
            "summary: Free, impartial advice about SEND for families and young people.",
            "summary: " + "word " * 70,
        ),
        "word word",
        "summary is 349 characters long: keep it to 300 characters or fewer",
    ),
    Case(
        "missing-document",
        SP,
        s(
            "reviewed: 2026-10-12",
            "reviewed: 2026-10-12\ndocuments:\n  - title: Leaflet\n    file: documents/leaflet.pdf",
        ),
        "documents/leaflet.pdf",
        "the file 'documents/leaflet.pdf' does not exist: put it in content/documents/leaflet.pdf"
        ", or correct the path",
    ),
    Case(
        "reserved-id",
        "services/index.md",
        SERVICE,
        "---",
        "'index' cannot be the id of a service: /services/ is the services directory (its "
        "page is services/index.html). Rename the file to a descriptive name, such as "
        "'sendiass-anyshire.md'",
        position=(1, 1),
    ),
    Case(
        "dangling-event-service",
        EP,
        replace(
            EVENT,
            "organiser: Short Breaks Team",
            "organiser: Short Breaks Team\nservice: sendias-anyshire",
        ),
        "sendias-anyshire",
        "there is no service with the id 'sendias-anyshire'. Did you mean 'sendiass-anyshire'?",
    ),
    Case(
        "dangling-consultation-services",
        CP,
        replace(
            CONSULTATION,
            "lead: Short Breaks Team",
            "lead: Short Breaks Team\nservices: [sendiass-anyshire, short-breaks-clubs]",
        ),
        "short-breaks-clubs",
        "there is no service with the id 'short-breaks-clubs'. The id is the file name without "
        ".md or .yml.",
    ),
    Case(
        "dangling-consultation-service-single",
        CP,
        replace(
            CONSULTATION, "lead: Short Breaks Team", "lead: Short Breaks Team\nservices: sendiass"
        ),
        "sendiass",
        "there is no service with the id 'sendiass'. Did you mean 'sendiass-anyshire'?",
    ),
    Case(
        "service-field-in-a-consultation",
        CP,
        replace(
            CONSULTATION,
            "lead: Short Breaks Team",
            "lead: Short Breaks Team\nservice: sendiass-anyshire",
        ),
        "service:",
        "unknown field 'service'. Did you mean 'services'?",
    ),
    Case(
        "dangling-comment-service",
        "responses/local-offer-survey-2026.yml",
        replace(
            FEEDBACK, "    said: It is hard", "    service: sendiass-anyshir\n    said: It is hard"
        ),
        "sendiass-anyshir",
        "there is no service with the id 'sendiass-anyshir'. Did you mean 'sendiass-anyshire'?",
    ),
    *(
        Case(
            f"reserved-id-{name}",
            f"services/{name}.md",
            SERVICE,
            "---",
            f"'{name}' cannot be the id of a service: /services/{name}/ is where the directory "
            f"lists services by {what}. Rename the file to a descriptive name, such as "
            "'sendiass-anyshire.md'",
            position=(1, 1),
        )
        for name, what in (("category", "type"), ("need", "area of need"))
    ),
]


def run_check(root: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["check", "--site", str(root), "--today", TODAY])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_bad_service_input_is_reported_where_it_is(
    case: Case, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = {case.path: case.text}
    kit = service_kit(tmp_path / "site", SERVICE if case.path != SP else case.text, files)
    if case.name.startswith("reserved-id"):  # the same service, under a reserved name
        (kit.root / SP).unlink()

    code, out, _ = run_check(kit.root, capsys)

    assert code == 1, out
    errors = [line for line in out.splitlines() if ": error: " in line]
    expected = f"{case.path}:{case.line}:{case.column}: error: {case.message}"
    assert expected in errors, out
    if case.name == "unknown-need":  # 'communication' is its own error, on the same line
        assert (
            len(errors) == 2
            and "'communication' is not a known need. Did you mean 'communication-and-interaction'?"
            in errors[0]
        ), out
    else:
        assert errors == [expected], out


def test_a_valid_service_passes_and_is_counted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    kit = service_kit(tmp_path / "site", files={"services/portage.md": MINIMAL})
    code, out, err = run_check(kit.root, capsys)
    assert code == 0, out
    assert out == ""
    assert (
        "Checked 4 records (1 consultation, 1 event, 0 feedback rounds, 2 services): "
        "0 errors, 0 warnings." in err
    )


def test_a_site_without_services_is_not_told_of_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The folder is optional, and the summary stays as it was for a site without one."""
    kit = service_kit(tmp_path / "site")
    (kit.root / SP).unlink()
    (kit.root / "services").rmdir()
    code, _, err = run_check(kit.root, capsys)
    assert code == 0
    assert "Checked 2 records (1 consultation, 1 event, 0 feedback rounds): 0 errors" in err


@pytest.mark.parametrize(
    ("reviewed", "warned"),
    [
        ("2025-11-24", False),  # 12 months less a day
        ("2025-11-23", True),  # 12 months to the day
        ("2024-02-29", True),
        ("2026-11-23", False),  # today
    ],
)
def test_a_service_not_reviewed_for_12_months_gets_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], reviewed: str, warned: bool
) -> None:
    text = s("reviewed: 2026-10-12", f"reviewed: {reviewed}")
    kit = service_kit(tmp_path / "site", text)
    code, out, _ = run_check(kit.root, capsys)
    assert code == 0, out
    warnings = [line for line in out.splitlines() if ": warning: " in line]
    if not warned:
        assert warnings == []
        return
    line, column = line_of(text, f"reviewed: {reviewed}"), len("reviewed: ") + 1
    [warning] = warnings
    assert warning.startswith(f"{SP}:{line}:{column}: warning: not reviewed for 12 months: ")


def test_the_review_warning_says_when_it_was_last_checked_in_govuk_style(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    kit = service_kit(tmp_path / "site", s("reviewed: 2026-10-12", "reviewed: 2024-02-29"))
    _, out, _ = run_check(kit.root, capsys)
    assert out.strip().endswith(
        "warning: not reviewed for 12 months: the details were last checked on 29 February 2024 "
        "and were due to be checked again by 28 February 2025. Check them with the service, "
        "then change 'reviewed:' to the day you did"
    )


def test_every_bad_input_is_reported_in_one_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Many broken services, and the records that name them: every problem, in file order."""
    chosen = [case for case in CASES if case.path == SP and case.name != "unknown-need"]
    kit = service_kit(tmp_path / "site")
    for number, case in enumerate(chosen):
        kit.write(f"services/broken-{number:02d}.md", case.text)

    code, out, _ = run_check(kit.root, capsys)

    assert code == 1
    errors = [line for line in out.splitlines() if ": error: " in line]
    assert len(errors) == len(chosen), out
    for number, case in enumerate(chosen):
        path = f"services/broken-{number:02d}.md"
        message = case.message.replace("'sendiass-anyshire.md'", f"'{path}'")
        found = [line for line in errors if line.startswith(f"{path}:")]
        assert found == [f"{path}:{case.line}:{case.column}: error: {message}"], case.name


def test_old_ids_of_services_must_not_clash(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    renamed = s("reviewed: 2026-10-12", "reviewed: 2026-10-12\nprevious_ids: [portage, sendiass]")
    kit = service_kit(tmp_path / "site", renamed, {"services/portage.md": MINIMAL})
    _, out, _ = run_check(kit.root, capsys)
    line = line_of(renamed, "previous_ids:")
    assert out.splitlines() == [
        f"{SP}:{line}:16: error: 'portage' is the id of another service (services/portage.md), "
        "so its address cannot redirect here"
    ]


def test_the_sites_own_terms_are_allowed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    kit = service_kit(
        tmp_path / "site",
        s("categories: [advice-and-support]", "categories: [advice-and-support, respite-care]"),
    )
    config = kit.root / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8")
        + "      vocabularies:\n        service_categories: {respite-care: Respite care}\n"
        + "        needs: [medical]\n",
        encoding="utf-8",
    )
    code, out, _ = run_check(kit.root, capsys)
    assert code == 0, out


def test_events_and_consultations_that_name_a_service_pass(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    event = replace(
        EVENT,
        "organiser: Short Breaks Team",
        "organiser: Short Breaks Team\nservice: sendiass-anyshire",
    )
    consultation = replace(
        CONSULTATION,
        "lead: Short Breaks Team",
        "lead: Short Breaks Team\nservices: sendiass-anyshire",
    )
    kit = service_kit(tmp_path / "site", files={EP: event, CP: consultation})
    code, out, _ = run_check(kit.root, capsys)
    assert code == 0, out
    result = kit.check()
    assert result.site.events["short-breaks-drop-in-anbury"].service == "sendiass-anyshire"
    assert result.site.consultations["short-breaks-statement-2027"].services == [
        "sendiass-anyshire"
    ]


@pytest.mark.parametrize(
    "address",
    [
        "sendiass@anyshire.example",
        "short.breaks@anyshire.example",
        "send-team@anyshire.example",
        "local.offer@anyshire.example",
        "hello@littleoaks.example",
        "info2@anyshire.example",
    ],
)
def test_shared_addresses_are_not_taken_for_a_persons(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], address: str
) -> None:
    kit = service_kit(tmp_path / "site", s("email: sendiass@anyshire.example", f"email: {address}"))
    code, out, _ = run_check(kit.root, capsys)
    assert code == 0, out


def test_a_service_in_the_wrong_folder_is_told_where_it_goes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    kit = service_kit(tmp_path / "site", files={"events/sendiass.md": SERVICE})
    code, out, _ = run_check(kit.root, capsys)
    assert code == 1
    assert out.splitlines() == [
        "events/sendiass.md:1:1: error: this is a service, not an event: move it to the "
        "services/ folder"
    ]


def test_a_field_of_services_in_an_event_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    event = replace(
        EVENT, "organiser: Short Breaks Team", "organiser: Short Breaks Team\nreferral: self"
    )
    kit = service_kit(tmp_path / "site", files={EP: event})
    _, out, _ = run_check(kit.root, capsys)
    assert out.splitlines() == [
        f"{EP}:{line_of(event, 'referral:')}:1: error: unknown field 'referral': it is a field "
        "of services, not of events. The fields here are: title, summary, starts, meets, "
        "time_tbc, ends, repeat, engagement, kind, audiences, ages, who_can_come, provisions, "
        "areas, location, online, sessions, cost, booking, organiser, contact, consultation, "
        "service, status, status_note, documents, previous_ids."
    ]
