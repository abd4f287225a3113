"""The placeholders ``localoffer new`` writes are errors until replaced, each naming its field.

A real ``localoffer new`` for each kind of record, then a real ``localoffer check``: every
placeholder of that kind (``core/placeholders.py``, the table the templates are written from)
must be reported, on its own line, naming its field. The templates cannot gain a placeholder
the check does not know: every "Replace this" value and every line of page text is in the table.
A real ``mkdocs build`` refuses an unedited file too.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from localoffer.cli.new import TEMPLATES
from localoffer.core.placeholders import BODY, PLACEHOLDERS, message

from cli.clitools import TODAY, fill_placeholders, localoffer, sitekit
from tests.build.conftest import mkdocs

LINE = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+):(?P<column>\d+): error: (?P<message>.+)$")
KINDS = {
    "consultation": "consultations",
    "event": "events",
    "feedback": "responses",
    "service": "services",
}


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return sitekit.SiteKit(tmp_path / "site").root  # type: ignore[no-any-return]


def errors_by_line(output: str) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {}
    for line in output.splitlines():
        match = LINE.match(line)
        if match:
            found.setdefault(int(match["line"]), []).append(match["message"])
    return found


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_placeholder_of_a_new_file_is_an_error_naming_its_field(
    site: Path, kind: str
) -> None:
    made = localoffer("new", kind, "Placeholders left in", cwd=site)
    assert made.returncode == 0, made.stderr
    rel = made.stdout.strip()
    text = (site / rel).read_text(encoding="utf-8")
    done = localoffer("check", cwd=site)
    assert done.returncode == 1, done.stdout
    found = errors_by_line(done.stdout)
    assert all(
        rel == line.split(":")[0] for line in done.stdout.splitlines() if ": error: " in line
    )
    for placeholder in PLACEHOLDERS[kind]:
        line = sitekit.line_of(text, placeholder.text)
        assert message(placeholder) in found.get(line, []), (placeholder, done.stdout)
        if placeholder.loc != BODY:
            assert message(placeholder).startswith(f"'{placeholder.field}' still has the ")
    assert sum(map(len, found.values())) == len(PLACEHOLDERS[kind])


def test_the_message_names_the_field_and_the_text(site: Path) -> None:
    localoffer("new", "event", "Drop-in", cwd=site)
    done = localoffer("check", cwd=site)
    assert (
        "events/drop-in.md:" in done.stdout
        and "error: 'location.name' still has the placeholder text from `localoffer new` "
        '("Venue name"): give the name of the place it is held'
        in done.stdout
    )
    assert (
        "error: 'summary' still has the placeholder text from `localoffer new` "
        '("Replace this with a short summary of the event."): ' in done.stdout
    )


def test_a_placeholder_the_editor_only_added_to_is_still_an_error(site: Path) -> None:
    made = localoffer("new", "feedback", "Survey", cwd=site).stdout.strip()
    fill_placeholders(site / made)
    path = site / made
    text = path.read_text(encoding="utf-8")
    said = next(item for item in PLACEHOLDERS["feedback"] if item.field == "said")
    text = text.replace(
        'said: "Families told us what they needed here."',
        f'said: "{said.text} Families told us what they needed."',
    )
    path.write_text(text, encoding="utf-8")
    done = localoffer("check", cwd=site)
    assert done.returncode == 1
    assert f"error: {message(said)}" in done.stdout


def test_a_short_placeholder_inside_a_real_value_is_not_an_error(site: Path) -> None:
    made = localoffer("new", "event", "Forum", cwd=site).stdout.strip()
    fill_placeholders(site / made)
    path = site / made
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("address: 1 High Street, Anbury", "address: 2 High Street, Townsend"),
        encoding="utf-8",
    )
    done = localoffer("check", cwd=site)
    assert done.returncode == 0, done.stdout


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_the_templates_have_no_placeholder_the_check_does_not_know(kind: str) -> None:
    text = TEMPLATES[kind](title='"T"', today=sitekit.now(TODAY).date(), email="a@b.example")
    known = {placeholder.text for placeholder in PLACEHOLDERS[kind]}
    for placeholder in PLACEHOLDERS[kind]:
        assert placeholder.text in text, placeholder
    replace_this = set(re.findall(r'"(Replace this[^"]*)"', text))
    assert replace_this <= known
    if kind != "feedback":  # the page text: every line but headings
        body = text.split("\n---\n", 1)[1]
        lines = {line for line in body.splitlines() if line and not line.startswith("#")}
        assert lines <= known, lines - known


def test_the_build_refuses_an_unedited_new_file(site: Path) -> None:
    """The same errors stop a real ``mkdocs build``; once filled in, it builds."""
    config = site / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8") + "theme:\n  name: material\n  font: false\n",
        encoding="utf-8",
    )
    made = localoffer("new", "event", "Drop-in", cwd=site).stdout.strip()
    out = site / "out"
    done = mkdocs(site, "build", "-d", str(out))
    assert done.returncode == 1
    assert "error: 'location.name' still has the placeholder text from `localoffer new`" in (
        done.stdout + done.stderr
    )
    assert not out.exists()
    fill_placeholders(site / made)
    done = mkdocs(site, "build", "-d", str(out))
    assert done.returncode == 0, done.stdout + done.stderr
    assert (out / "events" / "drop-in" / "index.html").is_file()
