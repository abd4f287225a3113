""" "Last updated" on every record and content page, from the git history of its file; the
"Get updates" ways to follow each register and content page; the feedback feed."""

from __future__ import annotations

import json
import os
import subprocess
from datetime import date
from pathlib import Path

import feedparser
import pytest
from bs4 import BeautifulSoup
from localoffer.core.history import fallback_date, parse_log, read_history

from .conftest import copy_sample, mkdocs

REPOSITORY = "https://github.com/anyshire-county-council/local-offer"
RECORD = "events/2026/send-youth-forum-christmas-social.md"
CONTENT = "content/co-production.md"


def git(site: Path, *args: str, when: str = "2026-01-05T12:00:00+00:00") -> None:
    env = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.invalid", *args],
        cwd=site,
        env=env,
        check=True,
        capture_output=True,
    )


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample site in a git repository (inside a sub-folder, as a council's might be):
    everything committed on 5 January 2026, one event and one content page changed later (the
    event late on 1 July 2026 UTC, which is already 2 July in London), and one new record
    never committed."""
    repo = tmp_path_factory.mktemp("repo")
    (repo / "site").mkdir()
    site = copy_sample(repo / "site")
    if not (site / RECORD).is_file():
        pytest.fail(f"the sample has no {RECORD}")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "first")
    with (site / RECORD).open("a", encoding="utf-8") as handle:
        handle.write("\nA line added later.\n")
    git(repo, "commit", "-q", "-am", "event", when="2026-07-01T23:30:00+00:00")
    with (site / CONTENT).open("a", encoding="utf-8") as handle:
        handle.write("\nA line added later.\n")
    git(repo, "commit", "-q", "-am", "page", when="2026-09-14T09:00:00+01:00")
    (site / "events" / "new-untracked-forum.md").write_text(
        (site / RECORD).read_text(encoding="utf-8"), encoding="utf-8"
    )
    os.environ["SOURCE_DATE_EPOCH"] = "1795000000"  # 18 November 2026
    try:
        result = mkdocs(site, "build", "-d", str(site / "out"))
    finally:
        del os.environ["SOURCE_DATE_EPOCH"]
    assert result.returncode == 0, result.stdout + result.stderr
    return site / "out"


def updated_line(page: Path) -> tuple[str, str, str | None]:
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    (line,) = soup.select("article .lo-updated")
    time = line.find("time")
    assert time is not None
    link = line.find("a")
    return str(time["datetime"]), line.p.get_text(" ", strip=True), link and str(link["href"])


def modified(page: Path) -> list[str]:
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    found = []
    for script in soup.find_all("script", type="application/ld+json"):
        data = json.loads(script.string)
        if data.get("@type") == "WebPage":
            found.append(data["dateModified"])
    return found


def test_a_record_page_is_dated_by_the_last_commit_to_its_file_in_london(built: Path) -> None:
    iso, words, link = updated_line(built / "events/send-youth-forum-christmas-social/index.html")
    assert iso == "2026-07-02"
    assert words.startswith("Last updated 2 July 2026")
    assert link == f"{REPOSITORY}/commits/main/site/{RECORD}"
    assert modified(built / "events/send-youth-forum-christmas-social/index.html") == ["2026-07-02"]


def test_content_pages_and_untouched_records_have_their_own_dates(built: Path) -> None:
    iso, words, link = updated_line(built / "co-production/index.html")
    assert (iso, link) == ("2026-09-14", f"{REPOSITORY}/commits/main/site/{CONTENT}")
    assert "14 September 2026" in words
    assert modified(built / "co-production/index.html") == ["2026-09-14"]
    for file in Path(built.parent, "consultations").rglob("*.md"):
        assert updated_line(built / "consultations" / file.stem / "index.html")[0] == "2026-01-05"


def test_every_record_and_content_page_has_the_line(built: Path) -> None:
    sources = {
        "consultations": sorted(Path(built.parent, "consultations").rglob("*.md")),
        "events": sorted(Path(built.parent, "events").rglob("*.md")),
        "you-said-we-did": sorted(Path(built.parent, "responses").rglob("*.yml")),
    }
    for section, files in sources.items():
        for file in files:
            page = built / section / file.stem / "index.html"
            assert updated_line(page)[0], page
    for markdown in Path(built.parent, "content").glob("*.md"):
        name = "" if markdown.stem == "index" else f"{markdown.stem}/"
        assert updated_line(built / name / "index.html")[0], markdown


def test_a_file_git_does_not_know_is_dated_by_source_date_epoch_without_a_link(
    built: Path,
) -> None:
    iso, words, link = updated_line(built / "events/new-untracked-forum/index.html")
    assert iso == "2026-11-18" and "18 November 2026" in words
    assert link is None


def test_the_dates_come_from_git_not_from_the_build(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "a.md").write_text("one\n", encoding="utf-8")
    git(site, "init", "-q", "-b", "main")
    git(site, "add", ".")
    git(
        site, "commit", "-q", "-m", "a", when="2025-03-30T00:30:00+00:00"
    )  # GMT still: BST starts at 01:00
    history = read_history(site, date(2030, 1, 1))
    assert history.updated("a.md") == date(2025, 3, 30)
    assert history.updated("missing.md") == date(2030, 1, 1)
    assert history.repository_path("a.md") == "a.md"
    assert history.repository_path("missing.md") is None
    assert read_history(site, date(2030, 1, 1)) == history  # the same for the same commit


def test_outside_git_every_file_has_the_fallback(tmp_path: Path) -> None:
    history = read_history(tmp_path, date(2026, 12, 6))
    assert history.prefix is None and history.updated("anything.md") == date(2026, 12, 6)
    assert fallback_date(date(2026, 12, 6), {}) == date(2026, 12, 6)
    assert fallback_date(date(2026, 12, 6), {"SOURCE_DATE_EPOCH": "0"}) == date(1970, 1, 1)
    assert fallback_date(date(2026, 12, 6), {"SOURCE_DATE_EPOCH": "soon"}) == date(2026, 12, 6)


def test_the_log_parser_keeps_each_paths_newest_commit() -> None:
    log = "\x011796000000\0\nb.md\0a.md\0\0\x011700000000\0\na.md\0c d.md\0"
    assert parse_log(log) == {
        "b.md": date(2026, 11, 30),
        "a.md": date(2026, 11, 30),
        "c d.md": date(2023, 11, 14),
    }


def follow_links(page: Path) -> dict[str, str]:
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    (aside,) = soup.select("div.lo-follow")
    heading = aside.find("h2")
    assert heading is not None and heading.get_text(strip=True) == "Get updates"
    return {a.get_text(strip=True): str(a["href"]) for a in aside.find_all("a")}


def test_registers_and_content_pages_offer_the_ways_to_follow_that_exist(built: Path) -> None:
    email = "https://updates.anyshire.example/local-offer"
    assert follow_links(built / "consultations/index.html") == {
        "Consultations feed (Atom)": "feed.xml",
        "Sign up for email updates": email,
    }
    assert follow_links(built / "you-said-we-did/index.html") == {
        "You said, we did feed (Atom)": "feed.xml",
        "Sign up for email updates": email,
    }
    assert follow_links(built / "events/index.html") == {"Sign up for email updates": email}
    home = follow_links(built / "index.html")
    assert home["New consultations and outcomes (Atom feed)"] == "consultations/feed.xml"
    assert home["Engagement opportunities (calendar)"] == (
        "webcal://localoffer.anyshire.example/events/engagement.ics"
    )
    assert home["You said, we did (Atom feed)"] == "you-said-we-did/feed.xml"
    for href in home.values():  # every link in the block leads to a file the build published
        if not href.startswith(("webcal:", "https:")):
            assert (built / href).is_file(), href
    assert follow_links(built / "youth-forum/index.html")["Sign up for email updates"] == email


def test_without_an_email_service_nothing_offers_email(tmp_path: Path) -> None:
    (tmp_path / "site").mkdir()
    site = copy_sample(tmp_path / "site")
    config = site / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    kept = [line for line in text.splitlines() if "email_updates:" not in line]
    assert len(kept) == len(text.splitlines()) - 1
    config.write_text("\n".join(kept) + "\n", encoding="utf-8")
    result = mkdocs(site, "build", "-d", str(site / "out"))
    assert result.returncode == 0, result.stderr
    out = site / "out"
    assert "Sign up for email updates" not in follow_links(out / "index.html")
    assert "lo-follow" not in (out / "events/index.html").read_text(encoding="utf-8")
    assert "Sign up for email updates" not in follow_links(out / "consultations/index.html")


def test_the_feedback_feed_has_each_round_and_each_action_done(built: Path) -> None:
    feed = feedparser.parse((built / "you-said-we-did/feed.xml").read_bytes())
    assert not feed.bozo, feed.bozo_exception
    assert feed.feed.title.startswith("You said, we did")
    ids = [entry.id for entry in feed.entries]
    base = "https://localoffer.anyshire.example/you-said-we-did/"
    responses = sorted(Path(built.parent, "responses").rglob("*.yml"))
    for file in responses:
        assert f"{base}{file.stem}/" in ids
    done = [entry for entry in feed.entries if "#done-" in entry.id]
    assert done and all(entry.title.startswith("Done: ") for entry in done)
    for entry in done:  # each links to its comment on the round page
        page, anchor = entry.link.removeprefix(base).split("#")
        soup = BeautifulSoup(
            (built / "you-said-we-did" / page / "index.html").read_text(), "html.parser"
        )
        assert soup.find(id=anchor) is not None, entry.link
    assert len(ids) == len(set(ids))
    register = BeautifulSoup((built / "you-said-we-did/index.html").read_text(), "html.parser")
    link = register.find("link", type="application/atom+xml")
    assert link is not None and link["href"] == "feed.xml"
    assert link["rel"] == ["alternate", "feed"]


def test_redirect_pages_name_the_absolute_canonical_address(built: Path) -> None:
    redirects = [
        page
        for page in [*built.glob("consultations/*/index.html"), *built.glob("events/*/index.html")]
        if 'http-equiv="refresh"' in page.read_text(encoding="utf-8")
    ]
    assert redirects, "the sample has a renamed record"
    for page in redirects:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        canonical = soup.find("link", rel="canonical")
        assert canonical is not None
        href = str(canonical["href"])
        assert href.startswith("https://localoffer.anyshire.example/"), href
        moved_to = soup.find("a")
        assert moved_to is not None
        target = (page.parent / str(moved_to["href"])).resolve().relative_to(built.resolve())
        assert href == f"https://localoffer.anyshire.example/{target.as_posix()}/"


def test_the_home_page_links_to_each_register_once(built: Path) -> None:
    soup = BeautifulSoup((built / "index.html").read_text(encoding="utf-8"), "html.parser")
    article = soup.find("article")
    assert article is not None
    # Links in hidden elements are not links anyone is shown: the embeds write the next items
    # of their lists hidden, for lists.js (a series there again at its next date).
    hrefs = [
        str(a["href"])
        for a in article.find_all("a")
        if not a.find_parent(class_="lo-follow") and not a.find_parent(attrs={"hidden": True})
    ]
    repeated = sorted({href for href in hrefs if hrefs.count(href) > 1})
    assert repeated == []
