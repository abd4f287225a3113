"""``localoffer check`` end to end: a subprocess in a site folder, its output and exit code."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from localoffer.cli.main import main

from cli.clitools import localoffer, sitekit

CONSULTATION, EVENT, FEEDBACK = sitekit.CONSULTATION, sitekit.EVENT, sitekit.FEEDBACK
SiteKit, line_of, replace, write_pdf = (
    sitekit.SiteKit,
    sitekit.line_of,
    sitekit.replace,
    sitekit.write_pdf,
)

LINE = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+):(?P<column>\d+): (?P<kind>error|warning): .+$")
CP = "consultations/short-breaks-statement-2027.md"
EP = "events/short-breaks-drop-in-anbury.md"
FP = "responses/local-offer-survey-spring-2026.yml"
UNTAGGED = replace(
    CONSULTATION,
    "  url: https://haveyoursay.anyshire.example/short-breaks-2027/easy-read",
    "  file: documents/easy-read.pdf",
)


@pytest.fixture
def kit(tmp_path: Path) -> SiteKit:
    return SiteKit(tmp_path / "site")


def test_a_clean_site_with_warnings_exits_0(kit: SiteKit) -> None:
    kit.write(CP, UNTAGGED)
    write_pdf(kit.root / "content/documents/easy-read.pdf")
    kit.write(EP, EVENT)
    kit.write(FP, FEEDBACK)

    done = localoffer("check", cwd=kit.root)

    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.splitlines() == [
        f"{CP}:{line_of(UNTAGGED, 'file:')}:9: warning: 'documents/easy-read.pdf' is not a tagged "
        "PDF, so screen readers may not read it well: export it again with tags, or set "
        "'accessible: true' if it has been checked. Until then the page offers an accessible "
        "format on request"
    ]
    assert done.stderr.strip() == (
        "Checked 3 records (1 consultation, 1 event, 1 feedback round): 0 errors, 1 warning."
    )


def test_a_site_with_errors_exits_1_and_lists_every_problem_sorted(kit: SiteKit) -> None:
    kit.write(CP, replace(CONSULTATION, "closes:", "closse:"))
    kit.write(EP, replace(EVENT, "kind: drop-in", "kind: dropin"))
    kit.write(FP, replace(FEEDBACK, "source: survey", "source: surveys"))
    kit.write("events/2027/bad.md", "---\ntitle: [unclosed\n---\n")

    done = localoffer("check", cwd=kit.root)

    assert done.returncode == 1
    assert "Traceback" not in done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert all(LINE.match(line) for line in lines), lines
    assert [line.split(": error: ")[0] for line in lines] == [
        f"{CP}:5:1",
        "events/2027/bad.md:2:8",
        f"{EP}:7:7",
        f"{FP}:2:9",
    ]
    assert "unknown field 'closse'. Did you mean 'closes'?" in lines[0]
    assert "4 errors, 0 warnings" in done.stderr


def test_paths_are_relative_to_the_site_folder_given_with_site(
    kit: SiteKit, tmp_path: Path
) -> None:
    kit.write(CP, replace(CONSULTATION, "closes:", "closse:"))
    done = localoffer("check", "--site", kit.root, cwd=tmp_path)
    assert done.returncode == 1
    assert done.stdout.startswith(f"{CP}:5:1: error: ")


def test_github_format_prints_annotations(kit: SiteKit) -> None:
    kit.write(CP, UNTAGGED)
    write_pdf(kit.root / "content/documents/easy-read.pdf")
    kit.write("events/a, b: 100%.md", EVENT.replace("kind: drop-in", "kind: dropin"))

    done = localoffer("check", "--format", "github", cwd=kit.root)

    assert done.returncode == 1
    assert done.stdout.splitlines() == [
        f"::warning file={CP},line={line_of(UNTAGGED, 'file:')},col=9::'documents/easy-read.pdf' "
        "is not a tagged PDF, so screen readers may not read it well: export it again with tags, "
        "or set 'accessible: true' if it has been checked. Until then the page offers an "
        "accessible format on request",
        "::error file=events/a%2C b%3A 100%25.md,line=1,col=1::the file name 'a, b: 100%25.md' "
        "cannot be an id: use lowercase letters, digits and hyphens, such as 'a-b-100.md'",
        "::error file=events/a%2C b%3A 100%25.md,line=7,col=7::kind: 'dropin' is not a known "
        "event kind. Did you mean 'drop-in'? The event kinds are: forum, drop-in, workshop, "
        "activity, training, information-session, young-inspectors, consultation-event, meeting",
    ]


def test_today_comes_from_the_option_or_the_environment(kit: SiteKit) -> None:
    """Without ways to respond, a consultation is fine once closed, an error while open."""
    kit.write(
        CP,
        replace(
            CONSULTATION,
            "respond:\n  - online: https://haveyoursay.anyshire.example/short-breaks-2027\n"
            "  - email: shortbreaks@anyshire.example\n",
            "",
        ),
    )
    assert localoffer("check", cwd=kit.root, today="2027-01-16").returncode == 0
    assert localoffer("check", cwd=kit.root, today="2027-01-15 23:59").returncode == 1
    assert localoffer("check", "--today", "2027-01-16", cwd=kit.root, today=None).returncode == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["check", "--colour"], "unrecognized arguments: --colour"),
        (["check", "--today", "23/11/2026"], "--today '23/11/2026' is not a date"),
        (["check", "--format", "json"], "invalid choice: 'json'"),
    ],
)
def test_usage_errors_exit_2(kit: SiteKit, args: list[str], message: str) -> None:
    done = localoffer(*args, cwd=kit.root)
    assert done.returncode == 2
    assert message in done.stderr
    assert "Traceback" not in done.stderr
    assert done.stdout == ""


def test_a_bad_localoffer_today_is_a_usage_error(kit: SiteKit) -> None:
    done = localoffer("check", cwd=kit.root, today="next tuesday")
    assert done.returncode == 2
    assert "LOCALOFFER_TODAY='next tuesday' is not a date" in done.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["check"], "there is no mkdocs.yml in"),
        ([], "usage: localoffer"),
        (["publish"], "invalid choice: 'publish'"),
        (["new", "page", "Title"], "invalid choice: 'page'"),
    ],
)
def test_other_usage_errors_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    code = main([*args, "--site", str(tmp_path)] if args else [])
    assert code == 2
    assert message in capsys.readouterr().err


def test_help_and_version_exit_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    assert "check" in capsys.readouterr().out
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.startswith("localoffer ")


def test_a_fault_in_one_file_is_reported_and_the_rest_still_checked(
    kit: SiteKit, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """If localoffer itself fails on a file, the editor gets a line, not a traceback."""
    from localoffer.core.source import loader

    real = loader.read_record

    def faulty(path: Path, *args):  # type: ignore[no-untyped-def]
        if path.name == "broken.md":
            raise RuntimeError("simulated fault")
        return real(path, *args)

    monkeypatch.setattr(loader, "read_record", faulty)
    kit.write("events/broken.md", EVENT)
    kit.write(EP, replace(EVENT, "kind: drop-in", "kind: dropin"))

    code = main(["check", "--site", str(kit.root)])

    out = capsys.readouterr().out.splitlines()
    assert code == 1
    assert out[0].startswith("events/broken.md:1:1: error: localoffer could not check this file")
    assert "simulated fault" in out[0]
    assert out[1].startswith(f"{EP}:7:7: error: ")
