"""Who can come to an event and what helps people take part (issue 18, item 5).

``provisions:`` is a list of terms from the ``provisions`` vocabulary (``core/vocabulary.py``:
BSL interpretation, a crèche, large print...; a site can add its own), ``who_can_come:`` one of
four fixed answers. ``ages:`` (``event.Ages``) is always the ages of the children or young
people, never of the parents: the page words it so (``present/ages.py``).
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BeforeValidator

from localoffer.core.models.base import _as_list, _term

#: Who may come: anyone it is for (the default), members of a group, people who are invited,
#: or people who are referred (by a school, a health visitor, a social worker...).
WHO_CAN_COME = ("open", "members", "invitation", "referral")
_WHO_SAID = {
    "anyone": "open",
    "everyone": "open",
    "public": "open",
    "members-only": "members",
    "member": "members",
    "invite": "invitation",
    "invited": "invitation",
    "invite-only": "invitation",
    "invitation-only": "invitation",
    "by-invitation": "invitation",
    "referral-only": "referral",
    "referred": "referral",
    "by-referral": "referral",
}


def _who(value: Any) -> Any:
    """``who_can_come: Invitation only``, and the ways people write the four answers."""
    if not isinstance(value, str):
        return value
    said = value.strip().lower().replace(" ", "-")
    return _WHO_SAID.get(said, said)


def _once_each(terms: list[str]) -> list[str]:
    """The provisions in the editor's order, each once."""
    return list(dict.fromkeys(terms))


WhoCanCome = Annotated[Literal["open", "members", "invitation", "referral"], BeforeValidator(_who)]
Provision = Annotated[str, *_term("provisions")]
Provisions = Annotated[list[Provision], BeforeValidator(_as_list), AfterValidator(_once_each)]
