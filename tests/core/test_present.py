"""GOV.UK style for dates, times, file sizes and attachments, and the file facts behind them."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from pathlib import Path

import pytest
from localoffer.core.documents import FileInfo, file_info
from localoffer.core.timezone import LONDON
from localoffer.present.attachment import attachment_meta
from localoffer.present.dates import govuk_date, govuk_date_with_weekday
from localoffer.present.filesize import govuk_filesize
from localoffer.present.filters import FILTERS
from localoffer.present.times import govuk_time

from core.sitekit import write_pdf


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (date(2019, 7, 12), "12 July 2019"),
        (date(2026, 3, 1), "1 March 2026"),
        (datetime(2026, 10, 27, 16, 0, tzinfo=LONDON), "27 October 2026"),
        # 11:30pm UTC on 30 June is already 1 July in London.
        (datetime(2026, 6, 30, 23, 30, tzinfo=UTC), "1 July 2026"),
    ],
)
def test_govuk_date(value: date, expected: str) -> None:
    assert govuk_date(value) == expected


def test_govuk_date_with_weekday() -> None:
    assert govuk_date_with_weekday(date(2026, 10, 27)) == "Tuesday 27 October 2026"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (time(17, 0), "5pm"),
        (time(10, 30), "10:30am"),
        (time(12, 0), "midday"),
        (time(0, 0), "midnight"),
        (time(0, 15), "12:15am"),
        (time(12, 5), "12:05pm"),
        (time(9, 0), "9am"),
        (datetime(2026, 7, 1, 15, 0, tzinfo=UTC), "4pm"),  # BST
        (datetime(2026, 12, 1, 16, 0, tzinfo=UTC), "4pm"),  # GMT
        (datetime(2026, 12, 1, 16, 45), "4:45pm"),
    ],
)
def test_govuk_time(value: time | datetime, expected: str) -> None:
    assert govuk_time(value) == expected


@pytest.mark.parametrize(
    ("size", "expected"),
    [
        (1, "1 byte"),
        (900, "900 bytes"),
        (1024, "1 KB"),
        (366 * 1024, "366 KB"),
        (int(1.2 * 1024 * 1024), "1.2 MB"),
        (2 * 1024 * 1024, "2 MB"),
        (15 * 1024 * 1024, "15 MB"),
        (1024 * 1024 - 1, "1 MB"),  # not "1024 KB"
    ],
)
def test_govuk_filesize(size: int, expected: str) -> None:
    assert govuk_filesize(size) == expected


def test_attachment_meta() -> None:
    assert attachment_meta(FileInfo("PDF", 366 * 1024, pages=3)) == "PDF, 366 KB, 3 pages"
    assert attachment_meta(FileInfo("PDF", 2048, pages=1)) == "PDF, 2 KB, 1 page"
    assert attachment_meta(FileInfo("MS Word Document", 20480)) == "MS Word Document, 20 KB"


def test_file_info_of_real_files(tmp_path: Path) -> None:
    pdf = write_pdf(tmp_path / "report.pdf", pages=3, tagged=True)
    info = file_info(pdf)
    assert (info.format, info.pages, info.tagged, info.readable) == ("PDF", 3, True, True)
    assert info.size == pdf.stat().st_size
    assert file_info(write_pdf(tmp_path / "plain.pdf")).tagged is False
    (tmp_path / "notes.docx").write_bytes(b"x" * 3000)
    assert attachment_meta(file_info(tmp_path / "notes.docx")) == "MS Word Document, 3 KB"
    (tmp_path / "data.geojson").write_bytes(b"{}")
    assert file_info(tmp_path / "data.geojson").format == "GEOJSON"


def test_file_info_sees_a_changed_file(tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "report.pdf", pages=1)
    assert file_info(path).pages == 1
    write_pdf(path, pages=4)
    assert file_info(path).pages == 4


def test_the_filters_are_offered_to_templates_by_name() -> None:
    assert FILTERS["govuk_date"] is govuk_date
    assert FILTERS["govuk_date_with_weekday"] is govuk_date_with_weekday
