"""`localoffer check` on the ways to respond issue 18 added: ``competition``, ``school_pack``,
``pinboard``, ``recording`` and ``form``. Each bad value is one error at ``PATH:LINE:COLUMN``
with a plain message; a school pack or a form is a document, checked as other documents are."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.core.sitekit import CONSULTATION, SiteKit, column_of, line_of, replace, write_pdf

PATH = "consultations/short-breaks-statement-2027.md"
ONLINE = "  - online: https://haveyoursay.anyshire.example/short-breaks-2027\n"
EMAIL = "  - email: shortbreaks@anyshire.example\n"


def with_ways(*lines: str, keep_email: bool = True) -> str:
    text = replace(CONSULTATION, ONLINE, ONLINE + "".join(f"  - {line}\n" for line in lines))
    return text if keep_email else replace(text, EMAIL, "")


@dataclass(frozen=True)
class Case:
    name: str
    text: str
    at: str  # where the error is: the start of this fragment
    words: tuple[str, ...]


CASES = [
    Case(
        "pinboard-not-a-web-address",
        with_ways("pinboard: padlet.example/short-breaks"),
        "padlet.example/short-breaks",
        ("'padlet.example/short-breaks' is not a web address", "https://"),
    ),
    Case(
        "competition-with-a-broken-address",
        with_ways("competition: www.anyshire.example/art"),
        "www.anyshire.example/art",
        ("is not a web address",),
    ),
    Case(
        "recording-to-a-broken-email",
        with_ways("recording: voices@anyshire"),
        "voices@anyshire",
        ("'voices@anyshire' is not an email address",),
    ),
    Case(
        "school-pack-that-does-not-exist",
        with_ways("school_pack: documents/missing-pack.pdf"),
        "documents/missing-pack.pdf",
        ("the file 'documents/missing-pack.pdf' does not exist", "content/documents/"),
    ),
    Case(
        "school-pack-outside-the-site",
        with_ways("school_pack: ../pack.pdf"),
        "../pack.pdf",
        ("must be a path inside content/",),
    ),
    Case(
        "form-with-nowhere-to-send-it",
        with_ways("form: documents/form.pdf", keep_email=False),
        "documents/form.pdf",
        ("no address to send it to", "'post: ADDRESS'"),
    ),
    Case(
        "way-called-as-people-say-it",
        with_ways("padlet: https://padlet.example/short-breaks"),
        "padlet:",
        ("unknown field 'padlet'", "Did you mean 'pinboard'?"),
    ),
    Case(
        "two-ways-on-one-line",
        replace(
            with_ways("pinboard: https://padlet.example/x"),
            "  - pinboard: https://padlet.example/x\n",
            "  - pinboard: https://padlet.example/x\n    recording: voices@anyshire.example\n",
        ),
        "pinboard: https://padlet.example/x",
        ("each way to respond is one line", "'school_pack: FILE or URL'", "pinboard, recording"),
    ),
]


def kit(root: Path, text: str) -> SiteKit:
    site = SiteKit(root)
    site.write(PATH, text)
    write_pdf(root / "content" / "documents" / "form.pdf", tagged=True)
    return site


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_bad_ways_to_respond_are_reported_where_they_are(case: Case, tmp_path: Path) -> None:
    error = kit(tmp_path, case.text).only_error(PATH)
    assert (error.line, error.column) == (
        line_of(case.text, case.at),
        column_of(case.text, case.at),
    )
    for words in case.words:
        assert words in error.message, error.format()


def test_an_untagged_school_pack_is_a_warning_on_its_line(tmp_path: Path) -> None:
    text = with_ways("school_pack: documents/pack.pdf")
    site = kit(tmp_path, text)
    write_pdf(tmp_path / "content" / "documents" / "pack.pdf", tagged=False)
    problems = [p for p in site.problems() if p.path == PATH]
    assert [(p.severity.value, p.line, p.column) for p in problems] == [
        ("warning", line_of(text, "pack.pdf"), column_of(text, "documents/pack.pdf"))
    ]
    assert "not a tagged PDF" in problems[0].message


@pytest.mark.parametrize(
    "lines",
    [
        (
            "competition: Draw what a good short break looks like and post it to us by 10 January",
            "school_pack: documents/form.pdf",
            "pinboard: https://padlet.example/short-breaks",
            "recording: voices@anyshire.example",
            "form: documents/form.pdf",
        ),
        (
            "competition: https://www.anyshire.example/short-breaks-art",
            "school_pack: https://www.anyshire.example/school-pack.pdf",
            "recording: 07700 900123 (WhatsApp)",
            "form: https://www.anyshire.example/form.docx",
        ),
        ("recording: https://upload.anyshire.example/voices",),
    ],
    ids=["texts-and-files", "web-addresses", "recording-link"],
)
def test_good_ways_to_respond_pass(lines: tuple[str, ...], tmp_path: Path) -> None:
    site = kit(tmp_path, with_ways(*lines))
    assert [p.format() for p in site.errors()] == []
