"""The Atom feed of "You said, we did": ``/you-said-we-did/feed.xml``.

An entry when a feedback round is published (dated its ``received`` date, the day the comments
were gathered: the page does not know when it was merged) and an entry when one of its actions is
done (dated ``completed``), so that someone who gave their views hears what changed because of
them. Entry ids are the round page's address, and that address with ``#done-<n>`` for the n-th
comment, so they do not change between builds; the feed's ``updated`` is the newest entry's.
"""

from __future__ import annotations

from datetime import date

from localoffer.core.dates import start_of
from localoffer.core.models.feedback import FeedbackRound
from localoffer.core.models.feedback_action import Action
from localoffer.core.site import Site
from localoffer.export.atom import Entry, Feed, atom_bytes
from localoffer.present.dates import govuk_date

FEED_PATH = "you-said-we-did/feed.xml"
SECTION = "you-said-we-did"
_SAID_LENGTH = 80


def _short(text: str) -> str:
    text = " ".join(text.split())
    if len(text) <= _SAID_LENGTH:
        return text
    return text[: _SAID_LENGTH - 1].rsplit(" ", 1)[0] + "…"


def _plural(number: int, noun: str) -> str:
    return f"{number:,} {noun}" + ("" if number == 1 else "s")


def _what(feedback: FeedbackRound) -> str:
    """What the round publishes, in a sentence: "3 comments, gathered by 14 October 2026, each
    with our response." (a round of comments, as before), with its themes, quotes and who took
    part, or "A report, gathered by ..." for a round published as a document only."""
    received = govuk_date(feedback.received)
    count = len(feedback.comments)
    if count and not (feedback.themes or feedback.quotes or feedback.respondents):
        return f"{_plural(count, 'comment')}, gathered by {received}, each with our response."
    parts = [_plural(len(feedback.themes), "theme")] if feedback.themes else []
    parts += [_plural(count, "comment")] if count else []
    parts += [_plural(len(feedback.quotes), "quote")] if feedback.quotes else []
    people = sum(feedback.respondents.values())
    took_part = f" from {people:,} {'person' if people == 1 else 'people'}" if people else ""
    if not parts:
        return f"A report of what we heard{took_part}, gathered by {received}."
    listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    return f"{listed}{took_part}, gathered by {received}, with our response."


def round_entries(site: Site, feedback: FeedbackRound) -> list[Entry]:
    page = f"{site.settings.base_url}/{SECTION}/{feedback.id}/"
    entries = [
        Entry(
            id=page,
            title=feedback.title,
            link=page,
            updated=start_of(feedback.received),
            summary=f"{_what(feedback)} {feedback.summary or ''}".strip(),
            category="published",
        )
    ]
    for number, theme in enumerate(feedback.themes, start=1):
        completed = _done_by(theme.action, site.today)
        if completed is None:
            continue
        entries.append(
            Entry(
                id=f"{page}#theme-done-{number}",
                title=f"Done: {_short(theme.response or theme.title)}",
                link=f"{page}#theme-{theme.id or number}",
                updated=start_of(completed),
                summary=f"You said ({theme.title}): {theme.summary} We did: "
                f"{theme.response or ''}".strip(),
                category="done",
            )
        )
    for number, comment in enumerate(feedback.comments, start=1):
        completed = _done_by(comment.action, site.today)
        if completed is None:
            continue
        entries.append(
            Entry(
                id=f"{page}#done-{number}",
                title=f"Done: {_short(comment.response)}",
                link=f"{page}#comment-{number}",
                updated=start_of(completed),
                summary=f"You said: {comment.said} We did: {comment.response}",
                category="done",
            )
        )
    return entries


def feedback_feed(site: Site) -> bytes:
    settings = site.settings
    base = settings.base_url
    publisher = settings.authority or settings.site_name
    entries = [
        entry for feedback in site.feedback.values() for entry in round_entries(site, feedback)
    ]
    feed = Feed(
        id=f"{base}/{FEED_PATH}",
        title=f"You said, we did – {settings.site_name}",
        subtitle=f"Comments from children, young people and parents, with {publisher}'s "
        "response, and each action when it is done",
        self_link=f"{base}/{FEED_PATH}",
        alternate_link=f"{base}/{SECTION}/",
        author=publisher,
        entries=entries,
        fallback_updated=start_of(site.today),
    )
    return atom_bytes(feed)


def _done_by(action: Action | None, today: date) -> date | None:
    """When the action was completed, if it is done by ``today`` (a later date is not news yet)."""
    if action is None or action.status != "done" or action.completed is None:
        return None
    return action.completed if action.completed <= today else None
