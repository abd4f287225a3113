"""Facts about document files: format, size, and for a PDF its page count and tagging."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

FORMATS = {
    ".pdf": "PDF",
    ".docx": "MS Word Document",
    ".doc": "MS Word Document",
    ".odt": "OpenDocument Text",
    ".xlsx": "MS Excel Spreadsheet",
    ".ods": "OpenDocument Spreadsheet",
    ".csv": "CSV",
    ".pptx": "MS PowerPoint Presentation",
    ".txt": "Plain text",
    ".rtf": "Rich Text Format",
    ".html": "HTML",
    ".mp3": "MP3 audio",
    ".mp4": "MP4 video",
    ".jpg": "JPEG image",
    ".jpeg": "JPEG image",
    ".png": "PNG image",
}


@dataclass(frozen=True)
class FileInfo:
    format: str
    size: int
    pages: int | None = None
    tagged: bool | None = None
    readable: bool = True


def file_info(path: Path) -> FileInfo:
    """Format, size and PDF facts for a file (cached while the file is unchanged)."""
    stat = path.stat()
    return _cached_info(str(path), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=4096)
def _cached_info(path: str, mtime_ns: int, size: int) -> FileInfo:
    suffix = Path(path).suffix.lower()
    kind = FORMATS.get(suffix, suffix.lstrip(".").upper() or "File")
    if suffix != ".pdf":
        return FileInfo(kind, size)
    return _pdf_info(Path(path), size)


def _pdf_info(path: Path, size: int) -> FileInfo:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError
    from pypdf.generic import DictionaryObject

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(path)
        pages = len(reader.pages)
        root = reader.root_object
        mark_info = root.get("/MarkInfo")
        mark_info = mark_info.get_object() if mark_info is not None else None
        marked = isinstance(mark_info, DictionaryObject) and bool(mark_info.get("/Marked", False))
        tagged = marked and "/StructTreeRoot" in root
    except (PyPdfError, OSError, KeyError, ValueError, TypeError, AttributeError):
        return FileInfo("PDF", size, readable=False)
    return FileInfo("PDF", size, pages=pages, tagged=tagged)
