"""Attachment metadata in GOV.UK style: "PDF, 366 KB, 3 pages"."""

from __future__ import annotations

from localoffer.core.documents import FileInfo
from localoffer.present.filesize import govuk_filesize


def attachment_meta(info: FileInfo) -> str:
    parts = [info.format, govuk_filesize(info.size)]
    if info.pages is not None:
        parts.append(f"{info.pages} page" + ("" if info.pages == 1 else "s"))
    return ", ".join(parts)


FILTERS = {"attachment_meta": attachment_meta}
