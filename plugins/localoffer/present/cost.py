"""A service's cost in GOV.UK style: "Free", "£3.50 a session", "£12 an hour. Carers go free."

GOV.UK style writes amounts with a pound sign, no pence for whole pounds (£12, not £12.00) and
"a" or "an" rather than "per". A cost written as text is shown as the editor wrote it.
"""

from __future__ import annotations

from localoffer.core.models.service import FREE, Cost

_VOWEL_SOUNDS = ("a", "e", "i", "o", "u", "hour", "honour")
_NOT_VOWEL_SOUNDS = ("uni", "use", "one", "eu")


def pounds(amount: float) -> str:
    """``£3.50``, ``£12``, ``£1,250``."""
    if amount == int(amount):
        return f"£{int(amount):,}"
    return f"£{amount:,.2f}"


def _article(word: str) -> str:
    lowered = word.lower()
    vowel = lowered.startswith(_VOWEL_SOUNDS) and not lowered.startswith(_NOT_VOWEL_SOUNDS)
    return "an" if vowel else "a"


def _per(per: str) -> str:
    """``session`` -> ``a session``; ``per session``, ``a session``, ``each`` as they are meant."""
    text = " ".join(per.split())
    lowered = text.lower()
    for prefix in ("per ", "a ", "an ", "each "):
        if lowered.startswith(prefix):
            text = text[len(prefix) :]
            break
    if not text:
        return ""
    return f"{_article(text)} {text}"


def govuk_cost(cost: str | Cost) -> str:
    """The cost as a family reads it: the amount, then the note as a sentence of its own."""
    if isinstance(cost, str):
        return cost
    if cost.amount is None:
        return cost.note or FREE
    if cost.amount == 0:
        main = FREE
    else:
        main = pounds(cost.amount) + (f" {_per(cost.per)}" if cost.per else "")
    if not cost.note:
        return main
    return f"{main}. {cost.note[:1].upper()}{cost.note[1:]}"


FILTERS = {"govuk_cost": govuk_cost}
