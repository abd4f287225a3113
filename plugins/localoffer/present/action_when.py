"""When a "You said, we did" action is due or was done: "Due 1 March 2027", "Done 3 June 2026"."""

from __future__ import annotations

from localoffer.core.models.feedback import Action
from localoffer.present.dates import govuk_date


def action_when(action: Action | None) -> str:
    """The action's date as words: its completed date once done, otherwise its due date.

    Empty when there is no date to give (no action, or no due or completed date).
    """
    if action is None:
        return ""
    if action.status == "done":
        return f"Done {govuk_date(action.completed)}" if action.completed else ""
    return f"Due {govuk_date(action.due)}" if action.due else ""


FILTERS = {"action_when": action_when}
