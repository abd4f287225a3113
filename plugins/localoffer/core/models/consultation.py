"""A consultation: ``consultations/<id>.md``."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BeforeValidator,
    Field,
    PlainValidator,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
    model_validator,
)

from localoffer.core.dates import end_of, parse_when, start_of
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
    _check_email,
    _check_url,
)
from localoffer.core.models.documents import DocumentRef, Documents, _check_file

RESPOND_KINDS = (
    "online",
    "email",
    "post",
    "phone",
    "event",
    # Issue 18: the other ways real consultations ask for views.
    "competition",
    "school_pack",
    "pinboard",
    "recording",
    "form",
)
#: The ways to respond whose value is a document: a path under content/ or a web address.
DOCUMENT_KINDS = ("school_pack", "form")
#: The title such a document is given on the page and in requests for an accessible format.
DOCUMENT_TITLES = {"school_pack": "School pack", "form": "Response form"}


def _text_or_url(value: str) -> str:
    """Text, or, when it is written as a web address, a valid one."""
    if value.lower().startswith(("http://", "https://", "www.")) and " " not in value:
        return _check_url(value)
    return value


def _file_or_url(value: str) -> str:
    """A document: a path under content/ (``documents/pack.pdf``) or a web address."""
    if value.lower().startswith(("http://", "https://")):
        return _check_url(value)
    return _check_file(value)


def _address(value: str) -> str:
    """Where to send a recording: an email address, a phone number, a web address or words.

    A value that is only an email address, or only a web address, must be a valid one."""
    if "@" in value and " " not in value:
        return _check_email(value)
    return _text_or_url(value)


TextOrUrl = Annotated[Text, AfterValidator(_text_or_url)]
FileOrUrl = Annotated[
    str,
    AfterValidator(_file_or_url),
    WithJsonSchema(
        {
            "type": "string",
            "description": "a document: a path under content/ (documents/x.pdf) or a web address",
        }
    ),
]
SendTo = Annotated[Text, AfterValidator(_address)]


class RespondOption(StrictModel):
    """One way to respond: exactly one of online, email, post, phone, event, competition,
    school_pack, pinboard, recording or form."""

    online: Url | None = None
    email: Email | None = None
    post: Text | None = None
    phone: Phone | None = None
    event: RecordId | None = None
    # What the competition is and how to enter, or the web page that says so.
    competition: TextOrUrl | None = None
    # A pack for schools to take part as a class: a document (path or web address).
    school_pack: FileOrUrl | None = None
    # An online pinboard (Padlet, say) to add notes to: a web address.
    pinboard: Url | None = None
    # Where to send a voice or video recording: an email address, a number, a web address.
    recording: SendTo | None = None
    # A form to download, fill in and send back (by post or email: see the other ways).
    form: FileOrUrl | None = None

    @model_validator(mode="after")
    def _exactly_one(self) -> RespondOption:
        given = [kind for kind in RESPOND_KINDS if getattr(self, kind) is not None]
        if len(given) != 1:
            raise ValueError(
                "each way to respond is one line: 'online: URL', 'email: ADDRESS', "
                "'post: ADDRESS', 'phone: NUMBER', 'event: EVENT-ID', 'competition: TEXT or "
                "URL', 'school_pack: FILE or URL', 'pinboard: URL', 'recording: WHERE TO SEND "
                "IT' or 'form: FILE or URL'"
                + (f" (this one has {', '.join(given)})" if given else "")
            )
        return self

    @property
    def kind(self) -> str:
        return next(kind for kind in RESPOND_KINDS if getattr(self, kind) is not None)

    @property
    def value(self) -> str:
        return str(getattr(self, self.kind))

    @property
    def document(self) -> DocumentRef | None:
        """The document of a school pack or a form, as other documents are (checked to exist,
        with its format and size on the page); ``None`` for the other ways."""
        if self.kind not in DOCUMENT_KINDS:
            return None
        value, title = self.value, DOCUMENT_TITLES[self.kind]
        if value.lower().startswith(("http://", "https://")):
            return DocumentRef(title=title, url=value)
        return DocumentRef(title=title, file=value)


class Withdrawn(StrictModel):
    date: EditorDate
    reason: Text


#: What an editor writes for an opening date that was never published.
UNKNOWN = "unknown"


def _parse_opens(value: Any) -> date | datetime | None:
    """A date or date-time, or ``unknown`` (kept as ``None``: the opening date is not known)."""
    if isinstance(value, str) and value.strip().casefold() == UNKNOWN:
        return None
    return parse_when(value)


Opens = Annotated[
    date | datetime | None,
    PlainValidator(_parse_opens),
    WithJsonSchema(
        {
            "anyOf": [
                {
                    "type": "string",
                    "pattern": r"^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2})?)?",
                },
                {"const": UNKNOWN},
            ],
            "description": "YYYY-MM-DD, or YYYY-MM-DD HH:MM in UK time, or 'unknown' when the "
            "opening date was never published",
        }
    ),
]


class Paused(StrictModel):
    """A pause: from ``date`` until ``resumes`` (when known). Responses already sent count."""

    date: EditorDate
    reason: Text
    resumes: EditorDate | None = None

    @field_validator("resumes")
    @classmethod
    def _resumes_after_pause(
        cls, resumes: EditorDate | None, info: ValidationInfo
    ) -> EditorDate | None:
        paused = info.data.get("date")
        if resumes is not None and paused is not None and resumes <= paused:
            raise ValueError("the consultation must resume after the day it was paused ('date')")
        return resumes


class Extension(StrictModel):
    """One extension of the closing date: the closing date it replaced, and when it was said."""

    from_: Annotated[When, Field(alias="from")]
    on: EditorDate

    @model_validator(mode="before")
    @classmethod
    def _on_is_a_key(cls, data: Any) -> Any:
        # The records' reader takes an unquoted key ``on`` as the text "on"; YAML 1.1 (PyYAML's
        # own loaders, which data may come from) reads it as the boolean true: take it as ``on``.
        if isinstance(data, dict) and True in data and "on" not in data:
            data = {("on" if key is True else key): value for key, value in data.items()}
        return data

    @model_validator(mode="after")
    def _announced_before_the_old_date(self) -> Extension:
        if self.on > end_of(self.from_).date():
            raise ValueError(
                "'on' (when the extension was announced) must not be after the earlier closing "
                "date ('from')"
            )
        return self


class Outcome(StrictModel):
    published: EditorDate
    summary: Text
    documents: Documents = Field(default_factory=list)
    feedback: IdList = Field(default_factory=list)


class Consultation(RecordModel):
    title: Annotated[Text, Field(max_length=120)]
    summary: Annotated[Text, Field(max_length=300)]
    opens: Opens
    closes: When
    audiences: Annotated[Audiences, Field(min_length=1)]
    topics: Topics = Field(default_factory=list)
    areas: Areas = Field(
        default_factory=lambda: ["countywide"], json_schema_extra={"default": ["countywide"]}
    )
    organisation: Text | None = None
    lead: Text
    contact: Email | None = None
    respond: Annotated[list[RespondOption], BeforeValidator(_as_list)] = Field(default_factory=list)
    easy_read: DocumentRef | None = None
    documents: Documents = Field(default_factory=list)
    related: IdList = Field(default_factory=list)
    # The services (services/<id>.md) it is about.
    services: IdList = Field(default_factory=list)
    extended: Annotated[list[Extension], BeforeValidator(_as_list)] = Field(default_factory=list)
    paused: Paused | None = None
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

    @field_validator("extended")
    @classmethod
    def _extensions_in_order(
        cls, extended: list[Extension], info: ValidationInfo
    ) -> list[Extension]:
        closes = info.data.get("closes")
        earlier: Extension | None = None
        for extension in extended:
            if closes is not None and end_of(extension.from_) >= end_of(closes):
                raise ValueError(
                    "each earlier closing date ('from') must be before the closing date "
                    "('closes'): 'closes' is the latest date"
                )
            if earlier is not None and end_of(extension.from_) <= end_of(earlier.from_):
                raise ValueError(
                    "list the extensions in order, earliest first: each 'from' must be after "
                    "the one before"
                )
            earlier = extension
        return extended

    @field_validator("paused")
    @classmethod
    def _pause_inside_the_consultation(
        cls, paused: Paused | None, info: ValidationInfo
    ) -> Paused | None:
        opens, closes = info.data.get("opens"), info.data.get("closes")
        if paused is None or closes is None:
            return paused
        if opens is not None and paused.date < start_of(opens).date():
            raise ValueError("paused before it opened: 'paused: date' must be on or after 'opens'")
        if paused.date > end_of(closes).date():
            raise ValueError("paused after it closed: 'paused: date' must be on or before 'closes'")
        if paused.resumes is not None and paused.resumes > end_of(closes).date():
            raise ValueError(
                "it resumes after the closing date: if the closing date moved, change 'closes' "
                "and add the old date under 'extended:'"
            )
        return paused

    @field_validator("withdrawn")
    @classmethod
    def _withdrawn_after_a_pause(
        cls, withdrawn: Withdrawn | None, info: ValidationInfo
    ) -> Withdrawn | None:
        # Paused, then withdrawn, is something that happens: allowed, and withdrawn wins.
        paused = info.data.get("paused")
        if withdrawn is not None and paused is not None and withdrawn.date < paused.date:
            raise ValueError(
                "withdrawn before it was paused: 'withdrawn: date' must be on or after "
                "'paused: date'"
            )
        return withdrawn

    @property
    def opens_at(self) -> datetime | None:
        """When it opens: a date alone means from the start of that day; ``None`` when the
        opening date is unknown."""
        return start_of(self.opens) if self.opens is not None else None

    @property
    def areas_given(self) -> bool:
        """Whether the editor wrote ``areas:`` (the default is for the council's own)."""
        return "areas" in self.model_fields_set

    @property
    def closes_at(self) -> datetime:
        """When it closes: a date alone means until the end of that day (23:59:59)."""
        return end_of(self.closes)
