"""The accessibility statement, generated from site settings and what the checker found.

It follows the structure of the GOV.UK model accessibility statement for public sector
websites, and lists automatically every PDF that is not tagged and not marked accessible.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from functools import partial

from localoffer.core.models.base import RecordModel
from localoffer.core.models.documents import DocumentRef
from localoffer.core.rules.documents import documents_of
from localoffer.core.site import Site
from localoffer.plan.keys import site_keys
from localoffer.plan.model import Embed, PagePlan, PlanItem

EMBEDS: dict[str, Embed] = {}
COMPLIANCE = {
    "full": "fully compliant",
    "partial": "partially compliant",
    "none": "not compliant",
}


@dataclass(frozen=True)
class InaccessibleDocument:
    title: str
    file: str
    record_title: str
    record_url: str


def inaccessible_documents(site: Site) -> list[InaccessibleDocument]:
    """Every PDF the checker warned about: not tagged, and not marked ``accessible: true``."""
    keys = site_keys(site)
    found: dict[str, InaccessibleDocument] = {}
    # The documents that are files, of every record (kept while no record file changes);
    # the facts about the files themselves are looked up on every plan.
    candidates = keys.memo.get("documents", "", keys.every_record(), partial(_files, site))
    for document, record_title, record_url in candidates:
        info = keys.file_info(document)
        if document.file is None or info is None or document.accessible:
            continue
        if info.format == "PDF" and not info.tagged and document.file not in found:
            found[document.file] = InaccessibleDocument(
                title=document.title,
                file=document.file,
                record_title=record_title,
                record_url=record_url,
            )
    return sorted(found.values(), key=lambda item: (item.record_title, item.title))


def _files(site: Site) -> list[tuple[DocumentRef, str, str]]:
    """Every document that is a file, with its record's title and address, in record order."""
    records: list[tuple[str, Mapping[str, RecordModel]]] = [
        ("consultations", site.consultations),
        ("events", site.events),
        ("you-said-we-did", site.feedback),
    ]
    return [
        (document, str(getattr(record, "title", record_id)), f"/{folder}/{record_id}/")
        for folder, by_id in records
        for record_id, record in by_id.items()
        for _, document in documents_of(record)
        if document.file is not None
    ]


def _date(site: Site, key: str) -> date | None:
    value = site.settings.accessibility.get(key)
    return value if isinstance(value, date) else None


def plan(site: Site) -> Iterator[PlanItem]:
    settings = site.settings
    options = settings.accessibility
    compliance = str(options.get("compliance", "partial"))
    yield PagePlan(
        src_uri="accessibility.md",
        title="Accessibility statement",
        template="localoffer/accessibility.html",
        html_title=f"Accessibility statement – {settings.site_name}",
        description=f"How accessible the {settings.site_name} website is, and how to get "
        "information in another format.",
        sanitise=False,
        context={
            "statement": {
                "site_name": settings.site_name,
                "site_url": settings.site_url,
                "authority": settings.authority,
                "email": settings.contact_email,
                "phone": settings.contact_phone,
                "response_days": int(options.get("response_days", 5)),
                "compliance": COMPLIANCE.get(compliance, COMPLIANCE["partial"]),
                "fully_compliant": compliance == "full",
                "known_issues": [str(item) for item in options.get("known_issues", [])],
                "prepared": _date(site, "prepared"),
                "reviewed": _date(site, "reviewed"),
                "tested": _date(site, "tested"),
                "documents": inaccessible_documents(site),
            }
        },
    )
