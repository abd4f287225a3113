"""The anonymity rule for published comments.

A ``said`` text must not contain an email address, a UK phone number, a full UK postcode, an
NHS number or a date of birth. These are found by pattern; names and rare details cannot be, so
editors still read every comment (see the editor guide).
"""

from __future__ import annotations

import re

_EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")
_NUMBERISH = re.compile(r"(?<![\w+])\+?[\d(][\d\s().-]{7,}\d(?!\w)")
# Any full postcode shape (outward code, inward code), in capitals as postcodes are written.
# Deliberately wider than the Royal Mail letter rules, so that made-up postcodes are caught too.
_POSTCODE = re.compile(r"\b(?:GIR\s?0AA|[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2})\b")
_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_NUMERIC_DATE = r"\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})"
_WORDY_DATE = rf"\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTHS}\.?(?:,?\s+\d{{4}})?"
_DATE_OF_BIRTH = re.compile(
    rf"\b(?:date\s+of\s+birth|d\.?o\.?b\.?|birth\s*day|born)\b\W{{0,3}}(?:\w+\s+){{0,3}}?"
    rf"(?:on\s+)?(?:{_NUMERIC_DATE}|{_WORDY_DATE}|{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}})",
    re.IGNORECASE,
)
_BARE_NUMERIC_DATE = re.compile(rf"(?<![\d/.-]){_NUMERIC_DATE}(?![\d/.-])")


def identifying_details(text: str) -> list[str]:
    """What in ``text`` could identify someone, described for an editor (empty when clean)."""
    found: list[str] = []
    if _EMAIL.search(text):
        found.append("an email address")
    for match in _NUMBERISH.finditer(text):
        kind = _number_kind(match.group())
        if kind and kind not in found:
            found.append(kind)
    if _POSTCODE.search(text):
        found.append("a full postcode")
    if _DATE_OF_BIRTH.search(text):
        found.append("a date of birth")
    elif _BARE_NUMERIC_DATE.search(text):
        found.append("a date that may be a date of birth")
    return found


def _number_kind(candidate: str) -> str | None:
    digits = re.sub(r"\D", "", candidate)
    if candidate.lstrip().startswith("+"):
        if digits.startswith("44") and len(digits) in (11, 12):
            return "a phone number"
        return None
    if digits.startswith("0") and len(digits) in (10, 11):
        return "a phone number"
    if len(digits) == 10 and re.fullmatch(r"\d{3}[\s-]?\d{3}[\s-]?\d{4}", candidate.strip()):
        return "an NHS number"
    return None
