"""The GOV.UK filters the consultation pages use: one test (or a few) per filter module."""

from __future__ import annotations

from datetime import date, datetime
from urllib.parse import parse_qs, unquote, urlsplit

from localoffer.core.timezone import LONDON
from localoffer.present.date_or_time import govuk_date_or_time
from localoffer.present.filters import FILTERS
from localoffer.present.mailto import mailto_href
from localoffer.present.postal_address import address_lines
from localoffer.present.telephone import tel_href


def test_date_or_time_shows_a_date_alone_without_a_time() -> None:
    assert govuk_date_or_time(date(2026, 4, 12)) == "12 April 2026"


def test_date_or_time_shows_the_time_in_uk_time() -> None:
    assert govuk_date_or_time(datetime(2027, 1, 15, 17, 0, tzinfo=LONDON)) == (
        "5pm on 15 January 2027"
    )
    # 09:30 UTC in July is 10:30am in London (BST).
    summer = datetime.fromisoformat("2026-07-01T09:30:00+00:00")
    assert govuk_date_or_time(summer) == "10:30am on 1 July 2026"


def test_tel_href_keeps_only_digits_and_drops_an_extension() -> None:
    assert tel_href("01632 960 123") == "tel:01632960123"
    assert tel_href("+44 (0)1632 960123") == "tel:+4401632960123"
    assert tel_href("01632 960 000 ext. 4021") == "tel:01632960000"


def test_mailto_href_percent_encodes_subject_and_body_with_spaces_as_percent_20() -> None:
    href = mailto_href("send@anyshire.example", subject="Request: A & B", body="Line one?")
    parts = urlsplit(href)
    assert parts.scheme == "mailto"
    assert parts.path == "send@anyshire.example"
    assert "+" not in parts.query
    query = parse_qs(parts.query)
    assert query == {"subject": ["Request: A & B"], "body": ["Line one?"]}
    assert unquote(href).startswith("mailto:send@anyshire.example?subject=Request: A & B")
    assert mailto_href("send@anyshire.example") == "mailto:send@anyshire.example"


def test_address_lines_split_at_commas_or_at_line_breaks() -> None:
    assert address_lines("Team, County Hall, Anbury AY1 1AA") == [
        "Team",
        "County Hall",
        "Anbury AY1 1AA",
    ]
    # Line breaks win, so a comma inside a line stays.
    assert address_lines("Team, SEND Service\nCounty Hall,\n\nAnbury AY1 1AA\n") == [
        "Team, SEND Service",
        "County Hall",
        "Anbury AY1 1AA",
    ]


def test_the_filters_are_offered_to_templates() -> None:
    for name in ("govuk_date_or_time", "tel_href", "mailto_href", "address_lines"):
        assert name in FILTERS
