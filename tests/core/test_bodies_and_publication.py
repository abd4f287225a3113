"""Warnings about record bodies, and about feedback that has not been published for a year."""

from __future__ import annotations

from pathlib import Path

from localoffer.present.sanitise import sanitise_html

from core.sitekit import CONSULTATION, FEEDBACK, SiteKit, line_of

FC = "consultations/short-breaks-statement-2027.md"
FP = "responses/local-offer-survey-spring-2026.yml"


def _warnings(kit: SiteKit, path: str, today: str = "2026-11-23 12:00") -> list[str]:
    result = kit.check(today)
    assert result.ok, [p.format() for p in result.errors]
    return [p.format() for p in result.warnings if p.path == path]


def test_an_image_without_alt_text_is_a_warning_on_its_line(tmp_path: Path) -> None:
    kit = SiteKit(tmp_path)
    text = CONSULTATION + '\nA map of the routes:\n\n<img src="map.png">\n'
    kit.write(FC, text)
    found = [w for w in _warnings(kit, FC) if "no alt text" in w]
    assert found == [f"{FC}:{line_of(text, '<img')}:1: warning: " + found[0].split("warning: ")[1]]
    kit.write(FC, CONSULTATION + '\n<img src="map.png" alt="A map of the bus routes">\n')
    assert not [w for w in _warnings(kit, FC) if "alt text" in w]


def test_markup_the_sanitiser_removes_is_a_warning(tmp_path: Path) -> None:
    kit = SiteKit(tmp_path)
    text = (
        CONSULTATION + '\n<script>track()</script>\n\n<iframe src="https://example.org"></iframe>\n'
    )
    kit.write(FC, text)
    found = [w for w in _warnings(kit, FC) if "is removed when the page is published" in w]
    assert len(found) == 2
    assert found[0].startswith(f"{FC}:{line_of(text, '<script>')}:1: warning: '<script'")
    assert found[1].startswith(f"{FC}:{line_of(text, '<iframe')}:1: warning: '<iframe'")


def test_a_feedback_round_older_than_a_year_is_a_warning(tmp_path: Path) -> None:
    kit = SiteKit(tmp_path)
    kit.write(FP, FEEDBACK)  # received 2026-05-31
    assert not [w for w in _warnings(kit, FP, "2027-05-31 12:00") if "more than a year ago" in w]
    found = [w for w in _warnings(kit, FP, "2027-06-02 12:00") if "more than a year ago" in w]
    assert len(found) == 1
    assert found[0].startswith(f"{FP}:{line_of(FEEDBACK, 'received:')}:")
    assert "31 May 2026" in found[0]


def test_sanitiser_keeps_prose_and_drops_everything_else() -> None:
    html = (
        '<p onclick="steal()">Hi <strong>there</strong> <script>alert(1)</script>'
        '<a href="javascript:alert(1)">bad</a> <a href="../events/x/" target="_blank">ok</a>'
        '<iframe src="https://example.org"></iframe><img src="a.png" alt="A" onerror="x()"></p>'
    )
    assert sanitise_html(html) == (
        '<p>Hi <strong>there</strong> <a>bad</a> <a href="../events/x/">ok</a>'
        '<img src="a.png" alt="A"></p>'
    )
