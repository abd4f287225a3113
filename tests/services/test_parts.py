"""The smaller parts of the directory: costs in GOV.UK style, review dates, personal addresses,
``localoffer new service``, the CMS collection, and the site plan's files."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from localoffer.core.derive.review import add_months
from localoffer.core.models.service import Cost
from localoffer.core.rules.contacts import names_a_person
from localoffer.core.vocabulary import Vocabularies
from localoffer.export.cms_config import CmsSettings, cms_config
from localoffer.plan import keys, services_data
from localoffer.plan.memo import Memo
from localoffer.plan.site_plan import plan_site
from localoffer.present.cost import govuk_cost
from localoffer.present.filters import FILTERS

from tests.cli.clitools import fill_placeholders, localoffer
from tests.core.sitekit import SiteKit

from .records import MINIMAL, SP, s, service_kit


@pytest.mark.parametrize(
    ("cost", "shown"),
    [
        ("Free", "Free"),
        ("£2 a morning, siblings free", "£2 a morning, siblings free"),
        (Cost(amount=3.5, per="session"), "£3.50 a session"),
        (Cost(amount=12, per="per hour"), "£12 an hour"),
        (
            Cost(amount=45, per="a term", note="bursaries available."),
            "£45 a term. Bursaries available.",
        ),
        (Cost(amount=1250), "£1,250"),
        (Cost(amount=0, note="for siblings too"), "Free. For siblings too"),
        (Cost(note="Ask the club"), "Ask the club"),
        (Cost(amount=2, per="unit"), "£2 a unit"),
    ],
)
def test_costs_in_govuk_style(cost: str | Cost, shown: str) -> None:
    assert govuk_cost(cost) == shown
    assert FILTERS["govuk_cost"] is govuk_cost


@pytest.mark.parametrize(
    ("day", "later"),
    [
        (date(2026, 1, 31), date(2027, 1, 31)),
        (date(2024, 2, 29), date(2025, 2, 28)),
        (date(2025, 12, 1), date(2026, 12, 1)),
    ],
)
def test_twelve_months_later(day: date, later: date) -> None:
    assert add_months(day, 12) == later
    assert add_months(date(2026, 8, 31), 6) == date(2027, 2, 28)


@pytest.mark.parametrize(
    ("address", "personal"),
    [
        ("jane.smith@anyshire.example", True),
        ("j.smith@anyshire.example", True),
        ("jane_smith2@anyshire.example", True),
        ("mary-jane.smith-jones@anyshire.example", False),  # three names: not the pattern
        ("sendiass@anyshire.example", False),
        ("short.breaks@anyshire.example", False),
        ("send-team@anyshire.example", False),
        ("info@anyshire.example", False),
        ("local.offer@anyshire.example", False),
    ],
)
def test_addresses_that_name_a_person(address: str, personal: bool) -> None:
    assert names_a_person(address) is personal


def test_a_new_service_fails_until_filled_in_then_passes(tmp_path: Path) -> None:
    site = SiteKit(tmp_path / "site").root
    made = localoffer("new", "service", "Portage home visiting", cwd=site)
    assert made.returncode == 0, made.stderr
    assert made.stdout.strip() == "services/portage-home-visiting.md"
    path = site / made.stdout.strip()
    text = path.read_text(encoding="utf-8")
    assert 'title: "Portage home visiting"' in text
    assert 'name: "Anyshire County Council"' in text  # the site's authority
    assert "reviewed: 2026-11-23" in text  # today
    done = localoffer("check", cwd=site)
    assert done.returncode == 1
    assert "'summary' still has the placeholder text" in done.stdout
    assert "'locations.name' still has the placeholder text" in done.stdout
    fill_placeholders(path)
    done = localoffer("check", cwd=site)
    assert done.returncode == 0, done.stdout
    assert "Checked 1 record (0 consultations, 0 events, 0 feedback rounds, 1 service): " in (
        done.stderr
    )


def test_the_cms_has_a_services_collection_and_relations_to_it() -> None:
    config = cms_config(Vocabularies(), CmsSettings())
    collections = {c["name"]: c for c in config["collections"]}
    services = collections["services"]
    assert (services["folder"], services["extension"], services["format"]) == (
        "services",
        "md",
        "frontmatter",
    )
    assert services["fields"][-1]["name"] == "body"
    fields = {f["name"]: f for f in services["fields"]}
    assert fields["cost"]["widget"] == "object"
    assert [f["name"] for f in fields["cost"]["fields"]] == ["amount", "per", "note"]
    assert fields["cost"]["fields"][0]["value_type"] == "float"
    assert fields["reviewed"]["widget"] == "datetime" and fields["reviewed"]["required"] is True
    assert fields["contact"]["required"] is True
    assert fields["languages"]["field"]["label"] == "Language"

    def relation(collection: str, name: str) -> Any:
        return next(f for f in collections[collection]["fields"] if f["name"] == name)

    service = relation("events", "service")
    assert (service["widget"], service["collection"], service["multiple"]) == (
        "relation",
        "services",
        False,
    )
    linked = relation("consultations", "services")
    assert (linked["widget"], linked["collection"], linked["multiple"]) == (
        "relation",
        "services",
        True,
    )


def test_the_plan_has_the_data_files_and_the_feed(tmp_path: Path) -> None:
    kit = service_kit(tmp_path / "site", files={"services/portage.md": MINIMAL})
    result = kit.check()
    assert result.ok
    plan = plan_site(result.site, keep=False)
    for path in (
        "data/services.json",
        "data/services.csv",
        "data/services.schema.json",
        "services/feed.xml",
    ):
        assert path in plan.files, path
    assert b'"id": "portage"' in plan.files["data/services.json"].content


def test_a_services_data_is_made_again_only_when_it_changes(tmp_path: Path) -> None:
    """Between plans (``mkdocs serve``), a service's item is kept while its file is unchanged;
    an edited service's item, and the feed, are made again."""
    kit = service_kit(tmp_path / "site", files={"services/portage.md": MINIMAL})
    memo = Memo()
    first = _plan(kit, memo)
    assert (memo.hits, memo.misses) == (0, 3)  # two services' parts and the feed
    kit.write(SP, s("hours: Monday to Friday, 9am to 5pm", "hours: Monday to Friday, 9am to 4pm"))
    second = _plan(kit, memo)
    assert (memo.hits, memo.misses) == (1, 2)  # the unchanged service's parts are kept
    assert b"9am to 4pm" in second["data/services.json"]
    assert (
        first["data/services.json"].replace(b"9am to 5pm", b"9am to 4pm")
        == (second["data/services.json"])
    )
    assert _plan(kit, memo) == second and (memo.hits, memo.misses) == (3, 0)


def _plan(kit: SiteKit, memo: Memo) -> dict[str, bytes]:
    result = kit.check()
    keys.start(result.site, memo)
    memo.begin()
    files = {item.path: item.content for item in services_data.plan(result.site)}
    memo.end()
    keys.forget()
    return files
