"""``localoffer new``: a new record file, named from its title, that passes the check."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from localoffer.cli.main import main
from localoffer.cli.new import TEMPLATES, slugify
from localoffer.core.models.consultation import Consultation
from localoffer.core.models.event import Event, Location
from localoffer.core.models.feedback import Comment, FeedbackRound, Figure, Quote, Theme
from localoffer.core.models.service import Cost, Organisation, Service, ServiceContact

from cli.clitools import TODAY, fill_placeholders, localoffer, sitekit


@pytest.fixture
def site(tmp_path: Path) -> Path:
    kit = sitekit.SiteKit(tmp_path / "site")
    return kit.root  # type: ignore[no-any-return]


def test_new_records_of_every_kind_pass_the_check_once_filled_in(site: Path) -> None:
    """Once its placeholders are replaced (tests/cli/test_new_placeholders.py): no errors."""
    made = {
        kind: localoffer("new", kind, title, cwd=site)
        for kind, title in [
            ("consultation", "Short breaks: review 2027!"),
            ("event", "Parent carer forum – spring term"),
            ("feedback", "Young Inspectors' visit & report"),
        ]
    }
    assert {kind: (done.returncode, done.stdout.strip()) for kind, done in made.items()} == {
        "consultation": (0, "consultations/short-breaks-review-2027.md"),
        "event": (0, "events/parent-carer-forum-spring-term.md"),
        "feedback": (0, "responses/young-inspectors-visit-and-report.yml"),
    }
    for done in made.values():
        fill_placeholders(site / done.stdout.strip())

    check = localoffer("check", cwd=site)

    assert check.returncode == 0, check.stdout + check.stderr
    assert ": error: " not in check.stdout
    assert "Checked 3 records (1 consultation, 1 event, 1 feedback round): 0 errors" in (
        check.stderr
    )
    text = (site / "consultations/short-breaks-review-2027.md").read_text(encoding="utf-8")
    assert 'title: "Short breaks: review 2027!"' in text


def test_new_records_once_filled_in_pass_the_check_later_in_their_life(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Made today, checked when the consultation is open, closed, and when actions are due."""
    for kind in ("consultation", "event", "feedback"):
        assert main(["new", kind, "Later", "--site", str(site), "--today", TODAY]) == 0
    for path in sorted(site.rglob("later.*")):
        fill_placeholders(path)
    for later in ("2026-12-20", "2027-03-01", "2027-06-01"):
        capsys.readouterr()
        assert main(["check", "--site", str(site), "--today", later]) == 0
        assert ": error: " not in capsys.readouterr().out


def test_new_refuses_to_overwrite(site: Path) -> None:
    path = site / "events" / "send-youth-forum.md"
    path.write_text("---\ntitle: Mine\n---\n", encoding="utf-8")

    done = localoffer("new", "event", "SEND Youth Forum", cwd=site)

    assert done.returncode == 1
    assert "events/…/send-youth-forum.md already exists" in done.stderr
    assert path.read_text(encoding="utf-8") == "---\ntitle: Mine\n---\n"


def test_new_refuses_an_id_already_used_in_a_sub_folder(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (site / "events" / "2026").mkdir()
    (site / "events" / "2026" / "send-youth-forum.md").write_text("x", encoding="utf-8")
    assert main(["new", "event", "SEND Youth Forum", "--site", str(site)]) == 1
    assert not (site / "events" / "send-youth-forum.md").exists()
    assert "already exists" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["new", "event", "x" * 121], "the title is 121 characters long"),
        (["new", "event", "   "], "give a title"),
    ],
)
def test_new_refuses_a_title_it_cannot_use(
    site: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    assert main([*args, "--site", str(site)]) == 2
    assert message in capsys.readouterr().err
    assert list((site / "events").iterdir()) == []


def test_new_needs_a_site_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "event", "Drop-in", "--site", str(tmp_path)]) == 2
    assert "there is no mkdocs.yml" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_new_uses_today_for_its_dates(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "feedback", "Survey", "--site", str(site), "--today", "2027-02-01"]) == 0
    text = (site / "responses" / "survey.yml").read_text(encoding="utf-8")
    assert "received: 2027-02-01" in text


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Short breaks: review 2027!", "short-breaks-review-2027"),
        ("Café & crèche drop-in", "cafe-and-creche-drop-in"),
        ("  Lots   of   spaces  ", "lots-of-spaces"),
        ("Parents’ evening", "parents-evening"),
        ("!!!", "untitled"),
        ("a" * 100, "a" * 80),
    ],
)
def test_ids_are_made_from_titles(title: str, slug: str) -> None:
    assert slugify(title) == slug


@pytest.mark.parametrize(
    ("kind", "model"),
    [("consultation", Consultation), ("event", Event), ("feedback", FeedbackRound)],
)
def test_every_field_is_explained_in_the_new_file(kind: str, model: type) -> None:
    text = TEMPLATES[kind](title='"T"', today=sitekit.now(TODAY).date(), email="a@b.example")
    written = set(re.findall(r"^[#\s-]*([a-z_]+):", text, flags=re.MULTILINE))
    fields = {info.alias or name for name, info in model.model_fields.items()}
    if model is FeedbackRound:
        for part in (Comment, Theme, Figure, Quote):
            fields |= {info.alias or name for name, info in part.model_fields.items()}
    assert fields <= written, sorted(fields - written)


def test_every_field_of_a_service_is_explained_in_the_new_file() -> None:
    text = TEMPLATES["service"](
        title='"T"', today=sitekit.now(TODAY).date(), email="a@b.example", authority="A"
    )
    written = set(re.findall(r"^[#\s-]*([a-z_]+):", text, flags=re.MULTILINE))
    # (ages are written inline, {from: 0, to: 25}, as in the event's file)
    for model in (Service, Organisation, Cost, ServiceContact, Location):
        fields = {info.alias or name for name, info in model.model_fields.items()}
        assert fields <= written, (model.__name__, sorted(fields - written))
