"""``localoffer new`` explains the fields issue 18 added, and its examples of them, once
uncommented, pass the check: who can come and the access provisions of an event, and the
children's ages."""

from __future__ import annotations

from pathlib import Path

from cli.clitools import fill_placeholders, localoffer, sitekit


def test_the_new_event_explains_access_and_its_examples_pass(tmp_path: Path) -> None:
    site = sitekit.SiteKit(tmp_path / "site").root
    made = localoffer("new", "event", "Family fair", cwd=site)
    assert made.returncode == 0, made.stderr
    path = site / made.stdout.strip()
    fill_placeholders(path)
    text = path.read_text(encoding="utf-8")
    assert "never the parents'" in text
    assert "bsl, creche,\n# large-print, paper-copies, easy-read" in text
    assert "open (anyone it is for), members, invitation or\n# referral" in text
    for example in (
        "# ages: {from: 11, to: 25}",
        "# who_can_come: invitation",
        "# provisions: [step-free, hearing-loop]",
    ):
        assert text.count(example) == 1, example
        text = text.replace(example, example.removeprefix("# "))
    path.write_text(text, encoding="utf-8")
    check = localoffer("check", cwd=site)
    assert check.returncode == 0 and ": error: " not in check.stdout, check.stdout


def test_the_new_consultation_names_the_other_ways_to_respond(tmp_path: Path) -> None:
    site = sitekit.SiteKit(tmp_path / "site").root
    made = localoffer("new", "consultation", "Feeling safe", cwd=site)
    text = (site / made.stdout.strip()).read_text(encoding="utf-8")
    for way in ("competition:", "school_pack:", "pinboard:", "recording:", "form:"):
        assert way in text, way
    assert "children-in-care" in text and "bullying, safeguarding, housing" in text
