"""The placeholder texts ``localoffer new`` writes, in one place for the templates and the check.

``cli/new.py`` writes these texts into a new record file, and ``core/rules/placeholders.py``
reports each one still there as an error naming its field, so that an unedited file cannot be
published. Both read this table, so they cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass

#: Where a placeholder is: the field's names from the top of the record ("*" for every item of
#: a list), or ``BODY`` for the page text after the front matter.
BODY: tuple[str, ...] = ()


@dataclass(frozen=True)
class Placeholder:
    loc: tuple[str, ...]
    text: str
    advice: str  # what to write instead, for the message

    @property
    def field(self) -> str:
        """How the message names the field: ``summary``, ``location.name``, ``said``."""
        if self.loc == BODY:
            return "the page text"
        return ".".join(part for part in self.loc if part != "*").removeprefix("comments.")


CONSULTATION_SUMMARY = Placeholder(
    ("summary",),
    "Replace this with a short summary: what is proposed, and who it affects.",
    "write one or two plain sentences saying what is proposed and who it affects",
)
CONSULTATION_BODY = (
    Placeholder(
        BODY,
        "Say what is proposed, in plain English.",
        "say what is proposed, in plain English",
    ),
    Placeholder(
        BODY,
        "Say why the change is being considered.",
        "say why the change is being considered",
    ),
    Placeholder(
        BODY,
        "Say when a decision will be made and how people will hear about it.",
        "say when a decision will be made and how people will hear about it",
    ),
)
EVENT_SUMMARY = Placeholder(
    ("summary",),
    "Replace this with a short summary of the event.",
    "write one or two plain sentences about the event",
)
VENUE_NAME = Placeholder(
    ("location", "name"), "Venue name", "give the name of the place it is held"
)
VENUE_ADDRESS = Placeholder(
    ("location", "address"),
    "Street, Town",
    "give the street and town, or remove the line for an online event",
)
VENUE_POSTCODE = Placeholder(
    ("location", "postcode"), "Postcode", "give the postcode, or remove the line"
)
VENUE_ACCESSIBILITY = Placeholder(
    ("location", "accessibility"),
    "Replace this with what helps people get in and take part.",
    "say what helps people get in and take part (step-free access, a hearing loop, a quiet "
    "room, parking), or remove the line",
)
EVENT_BODY = (
    Placeholder(
        BODY,
        "Say what will happen at the event, who it is for and how to get there.",
        "say what will happen at the event, who it is for and how to get there",
    ),
)
FEEDBACK_SUMMARY = Placeholder(
    ("summary",),
    "Replace this with a short description of how the comments were gathered.",
    "say how the comments were gathered, or remove the line",
)
SAID = Placeholder(
    ("comments", "*", "said"),
    "Replace this with what was said, with nothing that could identify anyone.",
    "write what was said, with nothing that could identify anyone",
)
RESPONSE = Placeholder(
    ("comments", "*", "response"),
    "Replace this with our response.",
    "write what the council says or does in reply",
)
SERVICE_SUMMARY = Placeholder(
    ("summary",),
    "Replace this with one sentence saying what the service does and who it is for.",
    "write one plain sentence saying what the service does and who it is for",
)
SERVICE_LOCATION_NAME = Placeholder(
    ("locations", "*", "name"),
    "Place name",
    "give the name of the place, or remove the location if the service has no place to visit",
)
SERVICE_LOCATION_ADDRESS = Placeholder(
    ("locations", "*", "address"),
    "Street, Town",
    "give the street and town, or remove the line",
)
SERVICE_LOCATION_POSTCODE = Placeholder(
    ("locations", "*", "postcode"), "Postcode", "give the postcode, or remove the line"
)
SERVICE_BODY = (
    Placeholder(
        BODY,
        "Say what the service does and what a family can expect from it.",
        "say what the service does and what a family can expect from it",
    ),
    Placeholder(
        BODY,
        "Say who can use it and how to get it: ask directly, or through a professional.",
        "say who can use it and how to get it",
    ),
)

#: Every placeholder of each kind of record, by the kind's name in ``localoffer new``.
PLACEHOLDERS: dict[str, tuple[Placeholder, ...]] = {
    "consultation": (CONSULTATION_SUMMARY, *CONSULTATION_BODY),
    "event": (
        EVENT_SUMMARY,
        VENUE_NAME,
        VENUE_ADDRESS,
        VENUE_POSTCODE,
        VENUE_ACCESSIBILITY,
        *EVENT_BODY,
    ),
    "feedback": (FEEDBACK_SUMMARY, SAID, RESPONSE),
    "service": (
        SERVICE_SUMMARY,
        SERVICE_LOCATION_NAME,
        SERVICE_LOCATION_ADDRESS,
        SERVICE_LOCATION_POSTCODE,
        *SERVICE_BODY,
    ),
}


#: Placeholders this long are found inside a longer text too (the editor wrote after them);
#: shorter ones ("Venue name") only as the whole value, so "High Street, Townsend" is no match.
FOUND_INSIDE = 30


def left_in(placeholder: Placeholder, value: str) -> bool:
    """True when ``value`` still has ``placeholder``'s text (spaces and line breaks aside)."""
    text, value = " ".join(placeholder.text.split()), " ".join(value.split())
    return value == text or (len(text) >= FOUND_INSIDE and text in value)


def message(placeholder: Placeholder) -> str:
    field = "the page text" if placeholder.loc == BODY else f"'{placeholder.field}'"
    return (
        f"{field} still has the placeholder text from `localoffer new` "
        f'("{placeholder.text}"): {placeholder.advice}'
    )
