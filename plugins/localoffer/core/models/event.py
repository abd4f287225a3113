"""An event: ``events/<id>.md``, possibly a repeating series."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import (
    BeforeValidator,
    Field,
    PlainValidator,
    PrivateAttr,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
    model_validator,
)

from localoffer.core.dates import parse_when
from localoffer.core.holidays import NO_HOLIDAYS, SchoolHolidays
from localoffer.core.models.access import Provisions, WhoCanCome
from localoffer.core.models.base import (
    Areas,
    Audiences,
    EditorDate,
    Email,
    EventKind,
    Flag,
    IdList,
    Phone,
    RecordId,
    RecordModel,
    StrictModel,
    Text,
    Url,
    When,
    _as_list,
)
from localoffer.core.models.documents import Documents

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
EVENT_STATUSES = ("scheduled", "cancelled", "postponed", "moved-online", "rescheduled")
MAX_OCCURRENCES = 1000

Weekday = Literal["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
EventStatus = Literal["scheduled", "cancelled", "postponed", "moved-online", "rescheduled"]


def _lower(value: Any) -> Any:
    return value.strip().lower() if isinstance(value, str) else value


_WEEKS = {
    "1": 1, "1st": 1, "first": 1,
    "2": 2, "2nd": 2, "second": 2,
    "3": 3, "3rd": 3, "third": 3,
    "4": 4, "4th": 4, "fourth": 4,
    "last": "last", "final": "last",
}  # fmt: skip


def _week(value: Any) -> Any:
    """``week: 2``, and the ways people write it: "2nd", "second", "Last"."""
    if isinstance(value, str):
        return _WEEKS.get(value.strip().lower(), value.strip().lower())
    return value


class Repeat(StrictModel):
    """A series in words: weekly, fortnightly or monthly (the nth or last weekday)."""

    frequency: Annotated[Literal["weekly", "fortnightly", "monthly"], BeforeValidator(_lower)]
    weekday: Annotated[Weekday | None, BeforeValidator(_lower)] = None
    week: Annotated[Literal[1, 2, 3, 4, "last"] | None, BeforeValidator(_week)] = None
    until: EditorDate | None = None
    count: Annotated[int | None, Field(ge=1, le=MAX_OCCURRENCES)] = None
    except_: Annotated[list[EditorDate], BeforeValidator(_as_list)] = Field(
        default_factory=list, alias="except"
    )
    # Skip the school holidays (or keep only them): the holidays are the site's, in mkdocs.yml
    # (core/holidays.py). Skipped dates count towards 'count', as 'except' dates do.
    term_time_only: Flag = False
    school_holidays_only: Flag = False

    @field_validator("school_holidays_only")
    @classmethod
    def _one_pattern(cls, holidays_only: bool, info: ValidationInfo) -> bool:
        if holidays_only and info.data.get("term_time_only"):
            raise ValueError(
                "a series is either 'term_time_only: true' (never in the school holidays) or "
                "'school_holidays_only: true' (only in them), not both: remove one"
            )
        return holidays_only

    @property
    def by_school_holidays(self) -> bool:
        """Whether the school holidays decide some of its dates."""
        return self.term_time_only or self.school_holidays_only

    @model_validator(mode="after")
    def _rules(self) -> Repeat:
        if (self.until is None) == (self.count is None):
            raise ValueError(
                "a repeat needs exactly one of 'until:' (the last possible date) or "
                "'count:' (how many times it happens)"
            )
        if self.week is not None and self.frequency != "monthly":
            raise ValueError("'week:' is only for monthly repeats (the 2nd Tuesday of each month)")
        return self


class Ages(StrictModel):
    from_: Annotated[int, Field(ge=0, le=25, alias="from")]
    to: Annotated[int, Field(ge=0, le=25)]

    @field_validator("to")
    @classmethod
    def _order(cls, to: int, info: ValidationInfo) -> int:
        start = info.data.get("from_")
        if start is not None and to < start:
            raise ValueError(f"'to' ({to}) must not be less than 'from' ({start})")
        return to


class Location(StrictModel):
    name: Text
    address: Text | None = None
    postcode: Text | None = None
    accessibility: Text | None = None


class Online(StrictModel):
    platform: Text
    url: Url | None = None


class Booking(StrictModel):
    required: Flag = False
    url: Url | None = None
    email: Email | None = None
    phone: Phone | None = None
    deadline: EditorDate | None = None


MAX_MEETS = 200
MAX_SESSIONS = 100
MAX_NOTE = 200


def _timed(value: Any, info: ValidationInfo) -> datetime:
    """A session's ``starts`` or ``ends``: a date and a time, in UK time."""
    when = parse_when(value)
    if not isinstance(when, datetime):
        what = "end" if info.field_name == "ends" else "start"
        raise ValueError(
            f"a session needs its {what} time as well as its date: write YYYY-MM-DD HH:MM "
            f"({when.isoformat()} 10:00)"
        )
    return when


SessionTime = Annotated[
    datetime,
    PlainValidator(_timed),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": r"^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2})?",
            "description": "YYYY-MM-DD HH:MM in UK time",
        }
    ),
]


class Session(StrictModel):
    """One session of an event that has several (``sessions:``): when it starts and ends, where
    (its own ``location:`` or ``online:``, or else the event's), and an optional note."""

    starts: SessionTime
    ends: SessionTime
    location: Location | None = None
    online: Online | None = None
    note: Annotated[Text, Field(max_length=MAX_NOTE)] | None = None

    @field_validator("ends")
    @classmethod
    def _ends_after_starts(cls, ends: datetime, info: ValidationInfo) -> datetime:
        starts = info.data.get("starts")
        if isinstance(starts, datetime) and ends <= starts:
            raise ValueError(
                f"the session ends ({ends:%Y-%m-%d %H:%M}) before it starts "
                f"({starts:%Y-%m-%d %H:%M}): check the times"
            )
        return ends

    @property
    def has_place(self) -> bool:
        return self.location is not None or self.online is not None


#: What ``sessions:`` replaces: the field, and why it cannot be there as well.
_SESSIONS_REPLACE = {
    "starts": "the first session is when the event starts",
    "ends": "each session has its own 'ends:'",
    "repeat": "list each date as a session instead, or make the series its own event",
    "meets": "'meets:' is for a group with no fixed dates",
    "time_tbc": "every session has its time",
}


class Event(RecordModel):
    """An event: ``starts`` (a date or date-time), ``sessions`` (several, each with its own
    times and perhaps place), or, for a group that meets without fixed dates (a standing entry,
    not a calendar event), ``meets`` in words instead."""

    title: Annotated[Text, Field(max_length=120)]
    summary: Annotated[Text, Field(max_length=300)]
    starts: When | None = None
    # "In the school holidays or on Saturday mornings": instead of starts, never with ends or
    # repeat. Declared before them, so that their own rules can point at them.
    meets: Annotated[Text, Field(max_length=MAX_MEETS)] | None = None
    # The date is set but the time is not published yet (only with a date-only starts).
    time_tbc: Flag = False
    ends: When | None = None
    repeat: Repeat | None = None
    engagement: Flag = False
    kind: EventKind
    audiences: Annotated[Audiences, Field(min_length=1)]
    # Always the children's or young people's ages, never the parents' (present/ages.py).
    ages: Ages | None = None
    # Who may come (open, members, invitation, referral) and what helps people take part
    # (bsl, creche, large-print...): core/models/access.py.
    who_can_come: WhoCanCome = "open"
    provisions: Provisions = Field(default_factory=list)
    areas: Areas = Field(default_factory=list)
    location: Location | None = None
    online: Online | None = None
    # Several dates, times or places ("six drop-ins at three times in four rooms"): instead of
    # starts, ends and repeat; ``starts`` is then the first session's start. Declared after
    # location and online, the place of a session that names none of its own.
    sessions: Annotated[list[Session], Field(max_length=MAX_SESSIONS)] = Field(default_factory=list)
    cost: Text = "Free"
    booking: Booking | None = None
    organiser: Text
    contact: Email | None = None
    consultation: RecordId | None = None
    # The service (services/<id>.md) that runs it.
    service: RecordId | None = None
    status: Annotated[EventStatus, BeforeValidator(_lower)] = "scheduled"
    status_note: Text | None = None
    documents: Documents = Field(default_factory=list)
    previous_ids: IdList = Field(default_factory=list)
    _holidays: SchoolHolidays = PrivateAttr(default=NO_HOLIDAYS)

    @field_validator("meets")
    @classmethod
    def _meets_or_starts(cls, meets: str | None, info: ValidationInfo) -> str | None:
        if meets is not None and info.data.get("starts") is not None:
            raise ValueError(
                "an event has either 'starts:' (its date) or 'meets:' (when a group meets, in "
                "words, if it has no fixed dates), not both: remove one"
            )
        return meets

    @field_validator("time_tbc")
    @classmethod
    def _time_tbc_with_a_date(cls, time_tbc: bool, info: ValidationInfo) -> bool:
        if not time_tbc:
            return time_tbc
        if info.data.get("meets") is not None:
            raise ValueError(
                "'time_tbc:' is for an event with a date: remove it, 'meets:' says when"
            )
        if isinstance(info.data.get("starts"), datetime):
            raise ValueError(
                "'time_tbc: true' says the time is not known yet, but 'starts' has a time: "
                "remove the time from 'starts' (YYYY-MM-DD) or remove 'time_tbc'"
            )
        return time_tbc

    @field_validator("repeat")
    @classmethod
    def _no_repeat_with_meets(cls, repeat: Repeat | None, info: ValidationInfo) -> Repeat | None:
        if repeat is not None and info.data.get("meets") is not None:
            raise ValueError(
                "'repeat:' needs dates, and this event has 'meets:' instead of 'starts:': "
                "remove 'repeat', or give 'starts:' (the first date) instead of 'meets'"
            )
        return repeat

    @field_validator("sessions")
    @classmethod
    def _sessions_alone(cls, sessions: list[Session], info: ValidationInfo) -> list[Session]:
        if not sessions:
            return sessions
        for name, why in _SESSIONS_REPLACE.items():
            if info.data.get(name) not in (None, False):
                raise ValueError(
                    f"an event with 'sessions:' has no '{name}:' ({why}): remove '{name}:'"
                )
        if info.data.get("location") is None and info.data.get("online") is None:
            for number, session in enumerate(sessions, start=1):
                if not session.has_place:
                    raise ValueError(
                        f"session {number} has no place: give it 'location:' or 'online:', "
                        "or give the event a 'location:' or 'online:' for the sessions "
                        "that have none of their own"
                    )
        return sessions

    @field_validator("ends")
    @classmethod
    def _ends_like_starts(
        cls, ends: date | datetime | None, info: ValidationInfo
    ) -> date | datetime | None:
        if ends is not None and info.data.get("meets") is not None:
            raise ValueError(
                "'ends:' needs a date to end after, and this event has 'meets:' instead of "
                "'starts:': remove 'ends'"
            )
        starts = info.data.get("starts")
        if ends is None or starts is None:
            return ends
        if isinstance(starts, datetime) != isinstance(ends, datetime):
            if isinstance(starts, datetime):
                raise ValueError("'starts' has a time, so 'ends' needs one too (YYYY-MM-DD HH:MM)")
            raise ValueError(
                "'starts' is a date (an all-day event), so 'ends' must be a date too: the last day"
            )
        if ends < starts:
            raise ValueError("'ends' is before 'starts'")
        return ends

    @model_validator(mode="after")
    def _where(self) -> Event:
        if self.sessions:
            return self._sessions_where()
        if self.starts is None and self.meets is None:
            raise ValueError(
                "an event needs 'starts:' (a date, or a date and time), 'sessions:' (a list "
                "of sessions, each with 'starts:' and 'ends:'), or, for a group with no fixed "
                "dates, 'meets:' (when it meets, in words)"
            )
        if self.location is None and self.online is None:
            raise ValueError(
                "an event needs 'location:' (a place), 'online:' (how to join), or both"
            )
        return self

    def bind_holidays(self, holidays: SchoolHolidays) -> None:
        """The site's school holidays, which a term-time series skips (set by the loader)."""
        self._holidays = holidays

    @property
    def school_holidays(self) -> SchoolHolidays:
        return self._holidays

    def _sessions_where(self) -> Event:
        """``starts`` is the first session's (each has a place: see ``_sessions_alone``)."""
        self.starts = self.sessions[0].starts
        return self

    @property
    def standing(self) -> bool:
        """A group that meets without fixed dates (``meets``): a standing entry, with no
        occurrences, never past, in no calendar feed."""
        return self.starts is None

    @property
    def first_day(self) -> date:
        """The day of ``starts`` (in UK time). Only for an event with dates."""
        assert self.starts is not None, "a standing entry (meets:) has no dates"
        return self.starts.date() if isinstance(self.starts, datetime) else self.starts

    @property
    def all_day(self) -> bool:
        """``starts`` is a date (false for a standing entry, which has none)."""
        return self.starts is not None and not isinstance(self.starts, datetime)

    @property
    def is_hybrid(self) -> bool:
        return self.location is not None and self.online is not None

    @property
    def is_online_only(self) -> bool:
        return self.location is None and self.online is not None

    @property
    def is_free(self) -> bool:
        return self.cost.strip().lower() in {"free", "free of charge", "no charge", "£0", "0"}
