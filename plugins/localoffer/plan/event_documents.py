"""An event page's documents, with a request for an accessible format where a file needs one."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

from localoffer.core.models.documents import DocumentRef
from localoffer.core.site import Site
from localoffer.plan.keys import site_keys
from localoffer.present.attachment import attachment_meta


@dataclass(frozen=True)
class DocumentView:
    title: str
    href: str  # a site path for files ("documents/x.pdf"), else the link
    is_file: bool
    meta: str
    easy_read: bool
    needs_accessible_format: bool
    request_href: str


def document_views(
    site: Site, documents: list[DocumentRef], record_title: str
) -> list[DocumentView]:
    """The documents of an event; a request for an accessible format names the document and
    the event (``record_title``), so whoever answers knows which one is meant."""
    views = []
    for document in documents:
        info = site_keys(site).file_info(document)  # once per file in a plan
        meta = attachment_meta(info) if info is not None else ""
        untagged_pdf = info is not None and info.format == "PDF" and info.tagged is not True
        subject = quote(f"Accessible format request: {document.title}, {record_title}")
        views.append(
            DocumentView(
                title=document.title,
                href=document.file or document.url or "",
                is_file=document.file is not None,
                meta=meta,
                easy_read=document.easy_read,
                needs_accessible_format=untagged_pdf and not document.accessible,
                request_href=f"mailto:{site.settings.contact_email}?subject={subject}",
            )
        )
    return views
