"""The ways to respond beyond online, email, post, phone and event (issue 18): a competition,
a school pack, an online pinboard, a recording and a form to send back.

``consultation.html`` words each one; here is what the words link to. A school pack and a form
are documents (``RespondOption.document``), shown with their format and size as other documents
are, by ``consultation_view.respond_view``.
"""

from __future__ import annotations

from collections.abc import Iterable

from localoffer.core.models.base import _check_phone, is_email
from localoffer.present.mailto import mailto_href
from localoffer.present.telephone import tel_href

OTHER_WAYS = ("competition", "school_pack", "pinboard", "recording", "form")
#: How a form goes back, by the other ways the consultation gives.
_SEND_BACK = {"post": "by post", "email": "by email"}


def send_back(kinds: Iterable[str]) -> str:
    """``by post``, ``by email`` or ``by post or email``: how a form goes back."""
    given = set(kinds)
    return " or ".join(words for kind, words in _SEND_BACK.items() if kind in given)


def other_href(kind: str, value: str) -> str:
    """The link of a competition, a pinboard or a recording: its web address, or for a
    recording its email address or phone number; "" when it is words only."""
    if kind == "recording" and is_email(value):
        return mailto_href(value)
    if kind == "recording" and _is_phone(value):
        return tel_href(value)
    if value.lower().startswith(("http://", "https://")) and " " not in value:
        return value
    return ""


def _is_phone(value: str) -> bool:
    try:
        _check_phone(value)
    except ValueError:
        return False
    return True
