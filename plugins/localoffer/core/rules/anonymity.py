"""The anonymity rule for published comments.

A ``said`` text must not contain an email address, a UK phone number, a full UK postcode, an
NHS number or a date of birth. These are found by pattern; names and rare details cannot be, so
editors still read every comment (see the editor guide).

The patterns lean towards catching too much, but each has an easy way out for the ordinary text
that looks like them: ordinal words ("KS2 3rd") are not postcodes, dates written in words are
only taken for a date of birth next to words such as "born" or "DOB", and any date written in
figures can be written in words instead ("12 March 2026").
"""

from __future__ import annotations

import re
from datetime import date

_EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")
_EMAIL_SPELT_OUT = re.compile(
    r"\b[\w.+-]+\s*(?:\(at\)|\[at\]|\sat\s)\s*[\w-]+\s*(?:\(dot\)|\[dot\]|\sdot\s)\s*"
    r"(?:com|org|net|gov|nhs|ac|co|uk|example)\b",
    re.IGNORECASE,
)
# A run of digits with the separators people use in phone numbers, optionally starting with +.
_NUMBERISH = re.compile(r"(?<![\w+])\+?[\d(][\d\s().-]{7,}\d(?!\w)")
# Any full postcode shape (outward code, inward code). Deliberately wider than the Royal Mail
# letter rules, so that made-up postcodes are caught too.
_POSTCODE = re.compile(r"\b(?:GIR\s?0AA|[A-Z]{1,2}\d[A-Z\d]?\s?(\d)([A-Z]{2}))\b", re.IGNORECASE)
_ORDINAL = {"1": "st", "2": "nd", "3": "rd"}
_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_NUMERIC_DATE = r"(?:\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})|\d{4}-\d{1,2}-\d{1,2})"
_WORDY_DATE = (
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTHS}\.?(?:,?\s+\d{{4}})?"
    rf"|{_MONTHS}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?)"
)
_DATE_OF_BIRTH = re.compile(
    rf"\b(?:date\s+of\s+birth|d\.?o\.?b|birth\s*day|born)\b\W{{0,3}}(?:[\w']+\s+){{0,4}}?"
    rf"(?:on\s+|is\s+|was\s+)?(?:{_NUMERIC_DATE}|{_WORDY_DATE})(?!\d)",
    re.IGNORECASE,
)
_BARE_NUMERIC_DATE = re.compile(
    r"(?<![\d/.-])(?:(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})|(\d{4})-(\d{1,2})-(\d{1,2}))"
    r"(?![\d/.-]*\d)"
)


def identifying_details(text: str) -> list[str]:
    """What in ``text`` could identify someone, described for an editor (empty when clean)."""
    found: list[str] = []
    if _EMAIL.search(text) or _EMAIL_SPELT_OUT.search(text):
        found.append("an email address")
    for match in _NUMBERISH.finditer(text):
        kind = _number_kind(match.group())
        if kind and kind not in found:
            found.append(kind)
    if any(_is_postcode(match) for match in _POSTCODE.finditer(text)):
        found.append("a full postcode")
    if _DATE_OF_BIRTH.search(text):
        found.append("a date of birth")
    else:
        bare = next((m for m in _BARE_NUMERIC_DATE.finditer(text) if _real_date(m)), None)
        if bare is not None:
            found.append(f"{FIGURES_DATE} ({bare.group()})")
    return found


#: How a date in figures is described; it may be a date of birth.
FIGURES_DATE = "a date in figures that may be a date of birth"


def anonymity_message(found: list[str]) -> str:
    """The message for a comment with identifying details."""
    listed = found[0] if len(found) == 1 else ", ".join(found[:-1]) + " and " + found[-1]
    pronoun = "it" if len(found) == 1 else "them"
    message = (
        f"contains {listed}: remove {pronoun} before publishing, because comments are "
        "published and no one may be identifiable from them"
    )
    if any(item.startswith(FIGURES_DATE) for item in found):
        message += ". If the date is not a date of birth, write it in words (12 March 2026)"
    return message


def _is_postcode(match: re.Match[str]) -> bool:
    """A postcode shape, unless it is ordinary text such as "KS2 3rd" or "page A4 1st"."""
    digit, letters = match.group(1), match.group(2)
    if digit is None:
        return True  # GIR 0AA
    if letters.isupper():
        return True
    lowered = letters.lower()
    if any(letter in "cikmov" for letter in lowered):
        return False  # no real inward code uses these letters ("B1 2pm" is a time)
    return lowered != _ORDINAL.get(digit, "th")


def _real_date(match: re.Match[str]) -> bool:
    """Whether a numeric date-like match is a real calendar date (12/03/2015, 2015-03-12)."""
    groups = match.groups()
    if groups[0] is not None:
        if "." in match.group() and len(groups[2]) == 2 and min(map(len, groups[:2])) < 2:
            return False  # a version number such as 1.2.10
        day, month, year = (int(part) for part in groups[:3])
    else:
        year, month, day = (int(part) for part in groups[3:])
    if year < 100:
        year += 2000
    try:
        date(year, month, day)
    except ValueError:
        try:  # the American order, 03/12/2015
            date(year, day, month)
        except ValueError:
            return False
    return True


def _number_kind(candidate: str) -> str | None:
    text = candidate.strip().replace("(0)", "")
    digits = re.sub(r"\D", "", text)
    if text.startswith("+"):
        if digits.startswith("44") and len(digits) in (11, 12):
            return "a phone number"
        return None
    if digits.startswith("0044") and len(digits) in (13, 14):
        return "a phone number"
    if digits.startswith("0") and len(digits) in (10, 11):
        return "a phone number"
    if len(digits) == 10 and re.fullmatch(r"\d{3}[\s-]?\d{3}[\s-]?\d{4}", text):
        return "an NHS number"
    return None
