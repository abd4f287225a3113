"""The shared open-data writers."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime

from localoffer.core.timezone import LONDON
from localoffer.export.data import csv_bytes, json_bytes


def test_json_has_items_and_iso_dates() -> None:
    when = datetime(2026, 10, 27, 16, 0, tzinfo=LONDON)
    data = json.loads(json_bytes([{"day": date(2026, 3, 1), "at": when}]))
    assert data == {"items": [{"day": "2026-03-01", "at": "2026-10-27T16:00:00+00:00"}]}


def test_csv_rows_bom_crlf_and_formula_guard() -> None:
    raw = csv_bytes(
        ["said", "count", "when", "flag"],
        [
            ["=HYPERLINK(\"https://example.org\")", 3, date(2026, 1, 2), True],
            ["- the bus was late, again", -1, None, False],
            ["plain, with a comma", 0, None, None],
        ],
    )
    assert raw.startswith("\ufeff".encode())
    text = raw.decode("utf-8-sig")
    assert text.count("\r\n") == 4
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["said", "count", "when", "flag"]
    assert rows[1] == ["'=HYPERLINK(\"https://example.org\")", "3", "2026-01-02", "true"]
    assert rows[2] == ["'- the bus was late, again", "-1", "", "false"]
    assert rows[3] == ["plain, with a comma", "0", "", ""]
