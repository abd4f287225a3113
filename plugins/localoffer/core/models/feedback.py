"""A feedback round ("You said, we did"): ``responses/<id>.yml``."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import (
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

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
from localoffer.core.models.feedback_action import ACTION_STATUSES, Action, ActionStatus, _lower
from localoffer.core.models.feedback_parts import (
    Figure,
    Quote,
    Respondents,
    Theme,
    anonymous,
)

__all__ = [
    "ACTION_STATUSES",
    "Action",
    "ActionStatus",
    "Comment",
    "FeedbackRound",
    "Figure",
    "Quote",
    "Regarding",
    "Theme",
]

Regarding = Literal["content", "accessibility", "development"]


class Comment(StrictModel):
    from_: Annotated[RespondentGroup, Field(alias="from")]
    regarding: Annotated[Regarding | None, BeforeValidator(_lower)] = None
    topics: Topics = Field(default_factory=list)
    said: Text
    response: Text
    action: Action | None = None
    # The service (services/<id>.md) it is about: its page shows the comment.
    service: RecordId | None = None
    # The theme (an ``id`` in the round's ``themes``) it is shown under.
    theme: RecordId | None = None

    @field_validator("said")
    @classmethod
    def _said_is_anonymous(cls, said: str) -> str:
        return anonymous(said)


def _has_other_content(data: Any) -> bool:
    """Whether a round has something to publish besides comments: themes or quotes, or a
    report (documents) with its summary."""
    if not isinstance(data, dict):
        return False
    return bool(
        data.get("themes") or data.get("quotes") or (data.get("documents") and data.get("summary"))
    )


def _comments_optional(schema: dict[str, Any]) -> None:
    """Editors' schema: a round may leave comments out (the checker says when it may not)."""
    required = schema.get("required")
    if isinstance(required, list) and "comments" in required:
        required.remove("comments")


class FeedbackRound(RecordModel):
    model_config = ConfigDict(**RecordModel.model_config, json_schema_extra=_comments_optional)

    title: Annotated[Text, Field(max_length=120)]
    source: FeedbackSource
    received: EditorDate
    summary: Text | None = None
    consultation: RecordId | None = None
    event: RecordId | None = None
    documents: Documents = Field(default_factory=list)
    # How many of each respondent group took part ({children: 82, parents-carers: 1100}).
    respondents: Respondents = Field(default_factory=dict)
    themes: Annotated[list[Theme], BeforeValidator(_as_list)] = Field(default_factory=list)
    figures: Annotated[list[Figure], BeforeValidator(_as_list)] = Field(default_factory=list)
    quotes: Annotated[list[Quote], BeforeValidator(_as_list)] = Field(default_factory=list)
    # Required unless the round has themes or quotes, or is a report with a summary.
    comments: Annotated[list[Comment], BeforeValidator(_as_list)]

    @model_validator(mode="before")
    @classmethod
    def _comments_may_be_left_out(cls, data: Any) -> Any:
        if not isinstance(data, dict) or "comments" in data:
            return data
        if _has_other_content(data):
            return {**data, "comments": []}
        if data.get("documents"):
            raise ValueError(
                "this round has no comments, so it is published as a report: give it a "
                "summary of what the report found (summary:), or add comments"
            )
        raise ValueError(
            "this round has nothing to publish: add comments (what was said, each with our "
            "response), themes or quotes, or publish it as a report with documents and a summary"
        )

    @field_validator("comments")
    @classmethod
    def _something_to_publish(cls, comments: list[Comment], info: ValidationInfo) -> list[Comment]:
        if comments or _has_other_content(info.data):
            return comments
        raise PydanticCustomError(
            "too_short",
            "comments needs at least 1 entry, unless the round has themes or quotes, or is "
            "published as a report (documents and a summary)",
            {"min_length": 1},
        )
