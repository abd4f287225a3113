"""Checking a site: settings, every record, every cross-reference and rule, all in one run."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from localoffer.core.problems import Problem, sort_problems
from localoffer.core.rules.bodies import check_bodies
from localoffer.core.rules.consultations import check_consultations
from localoffer.core.rules.documents import check_documents
from localoffer.core.rules.events import check_events
from localoffer.core.rules.feedback import check_feedback
from localoffer.core.rules.links import check_content_links
from localoffer.core.rules.placeholders import check_placeholders
from localoffer.core.rules.references import check_previous_ids, check_references
from localoffer.core.rules.reserved import check_reserved_ids
from localoffer.core.rules.services import check_services
from localoffer.core.settings import SiteSettings, read_settings
from localoffer.core.site import Site
from localoffer.core.source.cache import RECORDS, RecordCache
from localoffer.core.source.loader import load_records

RULES = (
    check_references,
    check_previous_ids,
    check_reserved_ids,
    check_documents,
    check_consultations,
    check_events,
    check_feedback,
    check_services,
    check_bodies,
    check_content_links,
    check_placeholders,
)


@dataclass
class CheckResult:
    site: Site
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.is_error]

    @property
    def ok(self) -> bool:
        return not self.errors


def check_loaded(
    settings: SiteSettings,
    now: datetime,
    problems: list[Problem],
    *,
    cache: RecordCache | None = RECORDS,
) -> CheckResult:
    """Load and check the records of a site whose settings are already read.

    Records whose files are unchanged since the last load in this process come from ``cache``
    (None: read every file afresh, and keep nothing, as a one-off check should).
    """
    site = Site(settings=settings, now=now)
    found = list(problems)
    found += load_records(site, cache)
    for rule in RULES:
        found.extend(rule(site))
    return CheckResult(site, sort_problems(found))


def check_site(root: Path, now: datetime, *, cache: RecordCache | None = RECORDS) -> CheckResult:
    """Read ``mkdocs.yml`` in ``root`` and check everything."""
    settings, problems = read_settings(root)
    return check_loaded(settings, now, problems, cache=cache)
