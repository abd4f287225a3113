"""The action the council takes about a comment or a theme of a feedback round."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import BeforeValidator, ValidationInfo, field_validator

from localoffer.core.models.base import EditorDate, StrictModel, Text

ActionStatus = Literal["planned", "in-progress", "done", "not-planned"]
ACTION_STATUSES: tuple[ActionStatus, ...] = ("planned", "in-progress", "done", "not-planned")


def _lower(value: object) -> object:
    return value.strip().lower() if isinstance(value, str) else value


class Action(StrictModel):
    status: Annotated[ActionStatus, BeforeValidator(_lower)]
    due: EditorDate | None = None
    completed: EditorDate | None = None
    owner: Text | None = None

    @field_validator("completed")
    @classmethod
    def _only_when_done(cls, completed: date | None, info: ValidationInfo) -> date | None:
        status = info.data.get("status")
        if completed is not None and status is not None and status != "done":
            raise ValueError(
                f"'completed' is only for actions that are done (this one is '{status}'): "
                "change the status to done, or remove the completed date"
            )
        return completed
