"""A consultation: ``consultations/<id>.md``."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

from pydantic import BeforeValidator, Field, ValidationInfo, field_validator, model_validator

from localoffer.core.dates import end_of, start_of
from localoffer.core.models.base import (
    Areas,
    Audiences,
    EditorDate,
    Email,
    IdList,
    Phone,
    RecordId,
    RecordModel,
    StrictModel,
    Text,
    Topics,
    Url,
    When,
    _as_list,
)
from localoffer.core.models.documents import DocumentRef, Documents

RESPOND_KINDS = ("online", "email", "post", "phone", "event")


class RespondOption(StrictModel):
    """One way to respond: exactly one of online, email, post, phone or event."""

    online: Url | None = None
    email: Email | None = None
    post: Text | None = None
    phone: Phone | None = None
    event: RecordId | None = None

    @model_validator(mode="after")
    def _exactly_one(self) -> RespondOption:
        given = [kind for kind in RESPOND_KINDS if getattr(self, kind) is not None]
        if len(given) != 1:
            raise ValueError(
                "each way to respond is one line: 'online: URL', 'email: ADDRESS', "
                "'post: ADDRESS', 'phone: NUMBER' or 'event: EVENT-ID'"
                + (f" (this one has {', '.join(given)})" if given else "")
            )
        return self

    @property
    def kind(self) -> str:
        return next(kind for kind in RESPOND_KINDS if getattr(self, kind) is not None)

    @property
    def value(self) -> str:
        return str(getattr(self, self.kind))


class Withdrawn(StrictModel):
    date: EditorDate
    reason: Text


class Outcome(StrictModel):
    published: EditorDate
    summary: Text
    documents: Documents = Field(default_factory=list)
    feedback: IdList = Field(default_factory=list)


class Consultation(RecordModel):
    title: Annotated[Text, Field(max_length=120)]
    summary: Annotated[Text, Field(max_length=300)]
    opens: When
    closes: When
    audiences: Annotated[Audiences, Field(min_length=1)]
    topics: Topics = Field(default_factory=list)
    areas: Areas = Field(
        default_factory=lambda: ["countywide"], json_schema_extra={"default": ["countywide"]}
    )
    lead: Text
    contact: Email | None = None
    respond: Annotated[list[RespondOption], BeforeValidator(_as_list)] = Field(default_factory=list)
    easy_read: DocumentRef | None = None
    documents: Documents = Field(default_factory=list)
    related: IdList = Field(default_factory=list)
    withdrawn: Withdrawn | None = None
    outcome: Outcome | None = None
    previous_ids: IdList = Field(default_factory=list)

    @field_validator("closes")
    @classmethod
    def _closes_after_opens(cls, closes: date | datetime, info: ValidationInfo) -> date | datetime:
        opens = info.data.get("opens")
        if opens is not None and end_of(closes) <= start_of(opens):
            raise ValueError("the closing date must be after the opening date ('opens')")
        return closes

    @property
    def opens_at(self) -> datetime:
        """When it opens: a date alone means from the start of that day."""
        return start_of(self.opens)

    @property
    def closes_at(self) -> datetime:
        """When it closes: a date alone means until the end of that day (23:59:59)."""
        return end_of(self.closes)
