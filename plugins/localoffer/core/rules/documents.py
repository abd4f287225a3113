"""Document references: files must exist; untagged PDFs get a warning."""

from __future__ import annotations

from collections.abc import Iterator

from localoffer.core.models.base import RecordModel
from localoffer.core.models.documents import DocumentRef
from localoffer.core.problems import Problem, Severity
from localoffer.core.site import Site
from localoffer.core.source.links import leads_outside

Loc = tuple[int | str, ...]


def documents_of(record: RecordModel) -> Iterator[tuple[Loc, DocumentRef]]:
    """Every document a record refers to, with where it is written."""
    easy_read = getattr(record, "easy_read", None)
    if isinstance(easy_read, DocumentRef):
        yield ("easy_read",), easy_read
    for index, document in enumerate(getattr(record, "documents", [])):
        yield ("documents", index), document
    outcome = getattr(record, "outcome", None)
    if outcome is not None:
        for index, document in enumerate(outcome.documents):
            yield ("outcome", "documents", index), document
    # A school pack or a form to respond with (``respond: - form: documents/form.pdf``).
    for index, way in enumerate(getattr(record, "respond", [])):
        document = way.document
        if document is not None:
            yield ("respond", index, way.kind), document


def _file_loc(loc: Loc) -> Loc:
    """Where a document's file is written: its ``file:``, or the way to respond itself."""
    return loc if loc[0] == "respond" else (*loc, "file")


def check_documents(site: Site) -> Iterator[Problem]:
    records: list[RecordModel] = [
        *site.consultations.values(),
        *site.events.values(),
        *site.feedback.values(),
        *site.services.values(),
    ]
    for record in records:
        for loc, document in documents_of(record):
            if document.file is None:
                continue
            path = site.document_path(document)
            target = leads_outside(path, site.settings.root) if path is not None else None
            if target is not None:
                yield site.problem(
                    record,
                    _file_loc(loc),
                    Severity.ERROR,
                    f"the file '{document.file}' is a link to {target}, which is outside the "
                    "site folder: nothing from outside the site folder is read or published. "
                    "Put a copy of the file in the site folder instead of the link",
                )
                continue
            if path is None or not path.is_file():
                docs_dir = site.settings.docs_dir.strip("/")
                inner = document.file.removeprefix(f"{docs_dir}/")
                if inner != document.file and (site.settings.content_dir / inner).is_file():
                    hint = f"paths start inside {docs_dir}/, so write 'file: {inner}'"
                else:
                    hint = f"put it in {docs_dir}/{document.file}, or correct the path"
                yield site.problem(
                    record,
                    _file_loc(loc),
                    Severity.ERROR,
                    f"the file '{document.file}' does not exist: {hint}",
                )
                continue
            info = site.file_info(document)
            if info is None or info.format != "PDF" or document.accessible:
                continue
            if not info.readable:
                yield site.problem(
                    record,
                    _file_loc(loc),
                    Severity.ERROR,
                    f"'{document.file}' cannot be read as a PDF: export it again",
                )
            elif not info.tagged:
                yield site.problem(
                    record,
                    _file_loc(loc),
                    Severity.WARNING,
                    f"'{document.file}' is not a tagged PDF, so screen readers may not read it "
                    "well: export it again with tags, or set 'accessible: true' if it has been "
                    "checked. Until then the page offers an accessible format on request",
                )
