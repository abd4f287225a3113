"""A round's themes, figures, quotes and respondents in the open data.

In ``/data/feedback.json`` each round carries ``respondents``, ``themes``, ``figures`` and
``quotes`` under the contract's names (empty for a round of comments only). Because
``/data/feedback.csv`` has one row per comment, these parts have their own file,
``/data/feedback-details.csv``: one row per theme, figure, quote and respondent group, with the
round it belongs to and a ``part`` column saying which it is.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from localoffer.core.derive.actions import action_overdue
from localoffer.core.models.feedback import Action, FeedbackRound
from localoffer.core.site import Site

DETAILS_CSV_PATH = "data/feedback-details.csv"
PARTS = ("respondents", "theme", "figure", "quote")

DETAILS_HEADER = (
    "id",
    "url",
    "title",
    "received",
    "part",
    "number",
    "theme",
    "set",
    "label",
    "from",
    "text",
    "count",
    "percent",
    "response",
    "action_status",
    "action_due",
    "action_completed",
    "action_owner",
    "action_overdue",
)


def _number(value: float | None) -> float | int | None:
    """A percentage as written: 83, not 83.0."""
    return int(value) if value is not None and value.is_integer() else value


def action_item(action: Action | None, today: date) -> dict[str, Any] | None:
    if action is None:
        return None
    return {
        "status": action.status,
        "due": action.due,
        "completed": action.completed,
        "owner": action.owner,
        "overdue": action_overdue(action, today),
    }


def parts_item(feedback: FeedbackRound, today: date) -> dict[str, Any]:
    """The round's parts beside its comments, for its item in ``feedback.json``."""
    return {
        "respondents": dict(feedback.respondents),
        "themes": [
            {
                "id": theme.id,
                "title": theme.title,
                "summary": theme.summary,
                "count": theme.count,
                "response": theme.response,
                "action": action_item(theme.action, today),
                "topics": list(theme.topics),
            }
            for theme in feedback.themes
        ],
        "figures": [
            {
                "label": figure.label,
                "count": figure.count,
                "percent": _number(figure.percent),
                "set": figure.set,
            }
            for figure in feedback.figures
        ],
        "quotes": [
            {"said": quote.said, "from": quote.from_, "theme": quote.theme}
            for quote in feedback.quotes
        ],
    }


def details_rows(feedback: FeedbackRound, today: date, url: str) -> list[list[Any]]:
    """The round's rows in ``feedback-details.csv``."""
    head = [feedback.id, url, feedback.title, feedback.received]
    rows: list[list[Any]] = []

    def row(part: str, number: int, **cells: Any) -> None:
        action = cells.pop("action", None)
        rows.append(
            [
                *head,
                part,
                number,
                *(cells.get(name) for name in DETAILS_HEADER[6:14]),
                action.status if action else None,
                action.due if action else None,
                action.completed if action else None,
                action.owner if action else None,
                action_overdue(action, today) if action else None,
            ]
        )

    for number, (group, people) in enumerate(feedback.respondents.items(), start=1):
        row("respondents", number, **{"from": group, "count": people})
    for number, theme in enumerate(feedback.themes, start=1):
        row(
            "theme",
            number,
            theme=theme.id,
            label=theme.title,
            text=theme.summary,
            count=theme.count,
            response=theme.response,
            action=theme.action,
        )
    for number, figure in enumerate(feedback.figures, start=1):
        row(
            "figure",
            number,
            set=figure.set,
            label=figure.label,
            count=figure.count,
            percent=_number(figure.percent),
        )
    for number, quote in enumerate(feedback.quotes, start=1):
        row("quote", number, theme=quote.theme, text=quote.said, **{"from": quote.from_})
    return rows


def parts_schema(site: Site, text: dict[str, Any], action: dict[str, Any]) -> dict[str, Any]:
    """The JSON Schema of the parts' properties in a round's item (``feedback_schema``)."""
    groups = list(site.settings.vocabularies.allowed("respondent_groups"))
    topics = list(site.settings.vocabularies.allowed("topics"))
    theme_id = {"anyOf": [{"type": "string", "pattern": r"^[a-z0-9][a-z0-9-]*$"}, {"type": "null"}]}
    count = {"type": "integer", "minimum": 0}
    percent = {"type": "number", "minimum": 0, "maximum": 100}

    def strict(properties: dict[str, Any]) -> dict[str, Any]:
        return {
            "type": "object",
            "properties": properties,
            "required": list(properties),
            "additionalProperties": False,
        }

    def nullable(schema: dict[str, Any]) -> dict[str, Any]:
        return {"anyOf": [schema, {"type": "null"}]}

    return {
        "respondents": {
            "type": "object",
            "description": "how many of each respondent group took part",
            "propertyNames": {"enum": groups},
            "additionalProperties": count,
        },
        "themes": {
            "type": "array",
            "items": strict(
                {
                    "id": theme_id,
                    "title": text,
                    "summary": text,
                    "count": nullable(count),
                    "response": nullable(text),
                    "action": nullable(action),
                    "topics": {"type": "array", "items": {"enum": topics}},
                }
            ),
        },
        "figures": {
            "type": "array",
            "items": strict(
                {
                    "label": text,
                    "count": nullable(count),
                    "percent": nullable(percent),
                    "set": nullable(text),
                }
            ),
        },
        "quotes": {
            "type": "array",
            "items": strict({"said": text, "from": {"enum": [*groups, None]}, "theme": theme_id}),
        },
    }
