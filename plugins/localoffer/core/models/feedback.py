"""A feedback round ("You said, we did"): ``responses/<id>.yml``."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import BeforeValidator, Field, ValidationInfo, field_validator

from localoffer.core.models.base import (
    EditorDate,
    FeedbackSource,
    RecordId,
    RecordModel,
    RespondentGroup,
    StrictModel,
    Text,
    Topics,
    _as_list,
)
from localoffer.core.models.documents import Documents
from localoffer.core.rules.anonymity import anonymity_message, identifying_details

ActionStatus = Literal["planned", "in-progress", "done", "not-planned"]
ACTION_STATUSES: tuple[ActionStatus, ...] = ("planned", "in-progress", "done", "not-planned")
Regarding = Literal["content", "accessibility", "development"]


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


def _anonymous(text: str) -> str:
    found = identifying_details(text)
    if found:
        raise ValueError(anonymity_message(found))
    return text


class Comment(StrictModel):
    from_: Annotated[RespondentGroup, Field(alias="from")]
    regarding: Annotated[Regarding | None, BeforeValidator(_lower)] = None
    topics: Topics = Field(default_factory=list)
    said: Text
    response: Text
    action: Action | None = None
    # The service (services/<id>.md) it is about: its page shows the comment.
    service: RecordId | None = None

    @field_validator("said")
    @classmethod
    def _said_is_anonymous(cls, said: str) -> str:
        return _anonymous(said)


class FeedbackRound(RecordModel):
    title: Annotated[Text, Field(max_length=120)]
    source: FeedbackSource
    received: EditorDate
    summary: Text | None = None
    consultation: RecordId | None = None
    event: RecordId | None = None
    documents: Documents = Field(default_factory=list)
    comments: Annotated[list[Comment], BeforeValidator(_as_list), Field(min_length=1)]
