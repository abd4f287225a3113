"""mkdocs.yml: the settings a site cannot do without, read without MkDocs, with positions."""

from __future__ import annotations

from pathlib import Path

import pytest
from localoffer.core.settings import check_settings, read_settings, settings_from

from core.sitekit import CONSULTATION, SiteKit

GOOD = """\
site_name: Anyshire Local Offer
site_url: https://localoffer.anyshire.example/
docs_dir: content
plugins:
  - search
  - localoffer:
      authority: Anyshire County Council
      contact_email: localoffer@anyshire.example
"""


def problems_for(tmp_path: Path, text: str | bytes) -> list[str]:
    kit = SiteKit(tmp_path / "site")
    kit.write("mkdocs.yml", text)
    return [p.format() for p in kit.errors()]


def test_good_settings_are_read(tmp_path: Path) -> None:
    kit = SiteKit(tmp_path / "site")
    kit.write("mkdocs.yml", GOOD + "      contact_phone: 01632 960000\n")
    settings, problems = read_settings(kit.root)
    assert problems == []
    assert settings.authority == "Anyshire County Council"
    assert settings.contact_email == "localoffer@anyshire.example"
    assert settings.contact_phone == "01632 960000"
    assert settings.base_url == "https://localoffer.anyshire.example"
    assert settings.content_dir == kit.root / "content"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            GOOD.replace("site_url: https://localoffer.anyshire.example/\n", ""),
            "mkdocs.yml:1:1: error: site_url is not set",
        ),
        (
            GOOD.replace("https://localoffer.anyshire.example/", "localoffer.anyshire.example"),
            "mkdocs.yml:2:1: error: site_url 'localoffer.anyshire.example' must be a full address",
        ),
        (
            GOOD.replace("      authority: Anyshire County Council\n", ""),
            "mkdocs.yml:6:5: error: the localoffer setting 'authority' (the council's name) is "
            "missing",
        ),
        (
            GOOD.replace("localoffer@anyshire.example", "localoffer.anyshire.example"),
            "mkdocs.yml:8:22: error: the localoffer setting 'contact_email' is "
            "'localoffer.anyshire.example', which is not an email address",
        ),
        (
            GOOD + "      contact_emial: send@anyshire.example\n",
            "mkdocs.yml:9:7: error: unknown localoffer setting 'contact_emial'. Did you mean "
            "'contact_email'?",
        ),
        (
            GOOD.split("  - localoffer:")[0],
            "mkdocs.yml:4:1: error: the localoffer plugin is not in mkdocs.yml",
        ),
        (
            GOOD.split("  - localoffer:")[0] + "  - localoffer: yes\n",
            "mkdocs.yml:6:17: error: the localoffer settings must be indented 'name: value' lines",
        ),
        (
            GOOD + "      vocabularies:\n        area: [dales]\n",
            "mkdocs.yml:9:7: error: unknown vocabulary 'area' (the vocabularies are areas,",
        ),
        (
            GOOD + "      vocabularies:\n        areas: [The Dales]\n",
            "mkdocs.yml:9:7: error: 'The Dales' in vocabulary 'areas' is not a valid term",
        ),
        (
            GOOD + "      vocabularies: [dales]\n",
            "mkdocs.yml:9:7: error: the localoffer setting 'vocabularies' must be a group of "
            "vocabularies",
        ),
        (
            GOOD + "      accessibility: yes\n",
            "mkdocs.yml:9:22: error: the localoffer setting 'accessibility' must be indented",
        ),
        (
            GOOD.replace("docs_dir: content", "docs_dir: [content"),
            "mkdocs.yml:3:11: error: mkdocs.yml: the bracket '[' opened here is never closed",
        ),
        (
            "- site_name\n- site_url\n",
            "mkdocs.yml:1:1: error: mkdocs.yml must be a set of settings",
        ),
        (
            GOOD.replace("Anyshire Local Offer", "Anyshire Local Offer \xe9").encode("latin-1"),
            "mkdocs.yml:1:33: error: mkdocs.yml: the file is not saved as UTF-8 text",
        ),
    ],
)
def test_bad_settings_are_reported_on_their_line(
    tmp_path: Path, text: str | bytes, expected: str
) -> None:
    errors = problems_for(tmp_path, text)
    assert len(errors) == 1, errors
    assert errors[0].startswith(expected), errors[0]


def test_no_mkdocs_yml_is_reported(tmp_path: Path) -> None:
    settings, problems = read_settings(tmp_path)
    assert [p.format() for p in problems] == ["mkdocs.yml:1:1: error: there is no mkdocs.yml here"]
    assert settings.root == tmp_path


def test_records_are_still_checked_when_the_settings_are_wrong(tmp_path: Path) -> None:
    kit = SiteKit(tmp_path / "site")
    kit.write("mkdocs.yml", GOOD + "      vocabularies: [dales]\n")
    kit.write("consultations/x.md", CONSULTATION.replace("closes:", "closse:"))
    paths = [p.path for p in kit.errors()]
    assert paths == ["consultations/x.md", "mkdocs.yml"]


def test_mkdocs_own_tags_are_understood(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    kit = SiteKit(tmp_path / "site")
    text = GOOD.replace("docs_dir: content", "docs_dir: !ENV [LOCALOFFER_TEST_DOCS, content]")
    text += "markdown_extensions:\n  - pymdownx.emoji:\n"
    text += "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
    kit.write("mkdocs.yml", text)
    monkeypatch.delenv("LOCALOFFER_TEST_DOCS", raising=False)
    settings, problems = read_settings(kit.root)
    assert problems == []
    assert settings.docs_dir == "content"
    monkeypatch.setenv("LOCALOFFER_TEST_DOCS", "pages")
    assert read_settings(kit.root)[0].docs_dir == "pages"


def test_the_build_gets_the_same_checks_without_raising(tmp_path: Path) -> None:
    """The MkDocs layer reads settings through settings_from and check_settings."""
    settings = settings_from(
        tmp_path,
        {"site_url": "https://localoffer.anyshire.example/"},
        {"authority": "Anyshire", "contact_email": "x", "vocabularies": {"areas": ["Bad Term"]}},
    )
    messages = [p.message for p in check_settings(settings)]
    assert len(messages) == 2
    assert "'x', which is not an email address" in messages[0]
    assert "'Bad Term' in vocabulary 'areas' is not a valid term" in messages[1]
    assert "north" in settings.vocabularies.allowed("areas")


def test_a_missing_docs_dir_is_a_warning_when_content_exists(tmp_path: Path) -> None:
    kit = SiteKit(tmp_path / "site")
    kit.write("mkdocs.yml", GOOD.replace("docs_dir: content\n", ""))
    settings, problems = read_settings(kit.root)
    assert [p.format() for p in problems] == [
        "mkdocs.yml:1:1: warning: docs_dir is not set, so MkDocs will look for the pages in "
        "docs/: add 'docs_dir: content' to mkdocs.yml"
    ]
    assert settings.docs_dir == "content"


ODD_VALUES = ["", "5", "[a, b]", "{a: 1}", "yes", "~", "!ENV X", "!!python/name:os.system",
              "'unclosed", "2026-02-30", "&a [*a]", "- x", "@x"]  # fmt: skip


@pytest.mark.parametrize("value", ODD_VALUES)
def test_odd_settings_never_break_the_checker(tmp_path: Path, value: str) -> None:
    lines = GOOD.splitlines()
    for index, line in enumerate(lines):
        if ":" not in line:
            continue
        name = line.split(":")[0]
        kit = SiteKit(tmp_path / f"site-{index}")
        kit.write(
            "mkdocs.yml", "\n".join([*lines[:index], f"{name}: {value}", *lines[index + 1 :]])
        )
        kit.write("consultations/x.md", CONSULTATION)
        for problem in kit.problems():
            assert problem.line >= 1 and problem.column >= 1
