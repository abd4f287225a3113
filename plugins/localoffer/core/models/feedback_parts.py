"""The parts of a feedback round beside its comments: themes, figures, quotes, respondents.

Real "You said, we did" reports group comments by theme ("Waiting times: 214 comments"), give
figures ("83% agreed", "1,200 responses"), publish quotes that need no response, and say how
many of each group took part. Each is optional; a round with none of them is as before.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BeforeValidator, Field, WithJsonSchema, field_validator, model_validator

from localoffer.core.models.base import (
    RecordId,
    RespondentGroup,
    StrictModel,
    Text,
    Topics,
)
from localoffer.core.models.feedback_action import Action
from localoffer.core.rules.anonymity import anonymity_message, identifying_details


def anonymous(text: str) -> str:
    """``text``, or an error naming what in it could identify someone."""
    found = identifying_details(text)
    if found:
        raise ValueError(anonymity_message(found))
    return text


def _whole_number(value: object) -> object:
    """``1,200`` typed as text is 1200; other text is left for the type's own message."""
    if isinstance(value, str):
        cleaned = value.strip().replace(",", "")
        if cleaned.isdigit():
            return int(cleaned)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


_NOT_A_PERCENTAGE = "must be a percentage from 0 to 100, like 83 (the % sign is optional)"


def _percentage(value: object) -> object:
    """``83%`` is 83; anything but a number is an error in an editor's words."""
    if isinstance(value, str):
        try:
            return float(value.strip().removesuffix("%").strip())
        except ValueError:
            raise ValueError(f"is '{value}', but {_NOT_A_PERCENTAGE}") from None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError(_NOT_A_PERCENTAGE.replace("must be", "is not a number: it must be"))
    return value


Count = Annotated[
    int,
    BeforeValidator(_whole_number),
    Field(ge=0, strict=True),
    WithJsonSchema({"type": "integer", "minimum": 0}),
]
Percent = Annotated[
    float,
    BeforeValidator(_percentage),
    Field(ge=0, le=100),
    WithJsonSchema({"type": "number", "minimum": 0, "maximum": 100}),
]


class Theme(StrictModel):
    """What many comments were about, summed up, with the council's response to all of them."""

    #: Comments and quotes name the theme by this id (``theme: waiting-times``).
    id: RecordId | None = None
    title: Annotated[Text, Field(max_length=120)]
    summary: Text
    #: How many comments were about it (more than the round publishes, often).
    count: Count | None = None
    response: Text | None = None
    action: Action | None = None
    topics: Topics = Field(default_factory=list)


class Quote(StrictModel):
    """Something said, published in the person's words, that needs no response of its own."""

    said: Text
    from_: Annotated[RespondentGroup | None, Field(alias="from")] = None
    theme: RecordId | None = None

    @field_validator("said")
    @classmethod
    def _said_is_anonymous(cls, said: str) -> str:
        return anonymous(said)


class Figure(StrictModel):
    """A number and what it counts: ``{label: responses, count: 1200}`` or
    ``{label: agreed the plan was clear, percent: 83}``. Figures with the same ``set`` are the
    parts of one whole (the answers to one question): their percentages add up to 100."""

    label: Annotated[Text, Field(max_length=120)]
    count: Count | None = None
    percent: Percent | None = None
    set: Annotated[Text, Field(max_length=120)] | None = None

    @model_validator(mode="after")
    def _one_number(self) -> Figure:
        if (self.count is None) == (self.percent is None):
            raise ValueError(
                "give exactly one of count (a number of people or comments) and percent "
                "(a percentage, 0 to 100)"
            )
        return self


#: How many of each respondent group took part: ``{children: 82, parents-carers: 1100}``.
Respondents = Annotated[
    dict[RespondentGroup, Count],
    WithJsonSchema(
        {
            "type": "object",
            "x-vocabulary-keys": "respondent_groups",
            "additionalProperties": {"type": "integer", "minimum": 0},
        }
    ),
]
