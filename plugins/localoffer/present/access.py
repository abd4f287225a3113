"""Who an event is for, and who may come, in words (issue 18, item 5).

``ages:`` is always the ages of the children or young people, never of the parents: "Parents
and carers of children aged 3 to 4", not "Parents and carers, ages 3 to 4".
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

#: The audiences who are the children or young people themselves.
YOUNG = ("children", "young-people", "children-in-care")
_ADULTS = ("parents-carers", "professionals")

#: What ``who_can_come:`` says on the page ("" for ``open``, the default: the audience says it).
WHO_CAN_COME_WORDS = {
    "open": "",
    "members": "Members only: contact the organiser to find out how to join.",
    "invitation": "By invitation only: the organiser invites the people who can come.",
    "referral": (
        "By referral only: someone who works with you, such as a teacher, health visitor or "
        "social worker, needs to refer you. Contact the organiser to find out more."
    ),
}
#: A short tag for lists of events ("" for ``open``).
WHO_CAN_COME_TAGS = {
    "open": "",
    "members": "Members only",
    "invitation": "Invitation only",
    "referral": "Referral only",
}


def _and(parts: Sequence[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    if len(parts) <= 1:
        return "".join(parts)
    return f"{', '.join(parts[:-1])} and {parts[-1]}"


def _young(terms: Sequence[str], label: Callable[[str], str], start: int, end: int) -> str:
    """The children or young people the ages are of: as the audiences name them, or else by
    the ages."""
    if terms:
        return _and([lower(label(term)) for term in terms])
    if end <= 12:
        return "children"
    if start >= 13:
        return "young people"
    return "children and young people"


def lower(text: str) -> str:
    """ "Young people" → "young people", but "SEND staff" stays."""
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]


def who_for(
    audiences: Sequence[str], label: Callable[[str], str], start: int | None, end: int | None
) -> str:
    """Who an event is for, with the ages of the children or young people when given:

    - ``[young-people]``, 11 to 25: "Young people aged 11 to 25";
    - ``[parents-carers]``, 3 to 4: "Parents and carers of children aged 3 to 4";
    - ``[children, parents-carers]``, 0 to 5: "Children aged 0 to 5 and their parents and carers".
    """
    if start is None or end is None:
        return ", ".join(label(term) for term in audiences)
    span = f"aged {start}" if start == end else f"aged {start} to {end}"
    young = [term for term in audiences if term in YOUNG]
    who = f"{_young(young, label, start, end)} {span}"
    parents, staff = "parents-carers" in audiences, "professionals" in audiences
    others = [label(t) for t in audiences if t not in YOUNG and t not in _ADULTS]
    if young:
        parts = [who]
        if parents:
            parts.append("their parents and carers")
        if staff:
            parts.append("professionals who work with them")
    elif parents and staff:
        parts = [f"parents, carers and professionals supporting {who}"]
    elif parents:
        parts = [f"parents and carers of {who}"]
    elif staff:
        parts = [f"professionals who work with {who}"]
    else:
        parts = []
    if others:  # everyone, or a site's own audiences: named, then the ages
        text = ", ".join(others) + (f" ({_and(parts)})" if young else f" (for {who})")
    else:
        text = _and(parts) if len(parts) < 3 else f"{parts[0]}, {parts[1]}, and {parts[2]}"
    return text[:1].upper() + text[1:]
