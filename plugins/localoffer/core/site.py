"""A loaded site: its settings, "now", and every record by id."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from localoffer.core.documents import FileInfo, file_info
from localoffer.core.history import FileHistory, fallback_date, read_history
from localoffer.core.models.base import RecordModel
from localoffer.core.models.consultation import Consultation
from localoffer.core.models.documents import DocumentRef
from localoffer.core.models.event import Event
from localoffer.core.models.feedback import FeedbackRound
from localoffer.core.models.service import Service
from localoffer.core.problems import Problem, Severity
from localoffer.core.settings import SiteSettings
from localoffer.core.source.links import leads_outside
from localoffer.core.source.yamlnodes import Position, YamlSource


@dataclass
class Site:
    settings: SiteSettings
    now: datetime
    consultations: dict[str, Consultation] = field(default_factory=dict)
    events: dict[str, Event] = field(default_factory=dict)
    feedback: dict[str, FeedbackRound] = field(default_factory=dict)
    #: The Local Offer directory (``services/``, optional).
    services: dict[str, Service] = field(default_factory=dict)
    #: Where each record file's values were typed, by the file's path in the site (node trees
    #: are composed only when a problem is placed).
    sources: dict[str, YamlSource] = field(default_factory=dict)
    #: The SHA-256 (hex) of each record file's bytes, by the file's path in the site: a key for
    #: anything kept per record between builds.
    digests: dict[str, str] = field(default_factory=dict)
    _paths: dict[str, Path] = field(default_factory=dict, init=False, repr=False, compare=False)
    _files: dict[str, FileInfo | None] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    _history: FileHistory | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def today(self) -> date:
        return self.now.date()

    @property
    def history(self) -> FileHistory:
        """When each file last changed (read from git once, when first asked for)."""
        if self._history is None:
            self._history = read_history(self.settings.root, fallback_date(self.today))
        return self._history

    def document_path(self, document: DocumentRef) -> Path | None:
        if document.file is None:
            return None
        path = self._paths.get(document.file)
        if path is None:
            path = self._paths[document.file] = self.settings.content_dir / document.file
        return path

    def file_info(self, document: DocumentRef) -> FileInfo | None:
        """Facts about a document's file, or None for a link or a missing file.

        Looked up once per file for this site: many records share a file.
        """
        if document.file is None:
            return None
        try:
            return self._files[document.file]
        except KeyError:
            pass
        path = self.document_path(document)
        readable = (
            path is not None
            and leads_outside(path, self.settings.root) is None  # never read what is outside
            and path.is_file()
        )
        info = file_info(path) if path is not None and readable else None
        self._files[document.file] = info
        return info

    def problem(
        self,
        record: RecordModel,
        loc: tuple[int | str, ...],
        severity: Severity,
        message: str,
        *,
        key: bool = False,
    ) -> Problem:
        """A problem at the place in ``record``'s file where ``loc`` was typed."""
        source = self.sources.get(record.path)
        position = source.locate(loc, key=key) if source else Position(1, 1)
        return Problem(record.path, position.line, position.column, severity, message)
