"""Actions promised in "You said, we did": whether each is overdue at "now"."""

from __future__ import annotations

from datetime import date

from localoffer.core.models.feedback import Action


def action_overdue(action: Action, today: date) -> bool:
    """An action past its due date and not done is overdue (the contract's rule)."""
    if action.due is None or action.status == "done":
        return False
    return today > action.due
