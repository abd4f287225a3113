"""Rules for feedback rounds: overdue actions, comments and quotes that read badly, yearly
publication (themes and figures: ``feedback_parts``)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

from localoffer.core.derive.actions import action_overdue
from localoffer.core.models.feedback import Action, FeedbackRound
from localoffer.core.problems import Problem, Severity, warning
from localoffer.core.rules.feedback_parts import check_feedback_parts
from localoffer.core.settings import CONFIG_FILE, plugin_position
from localoffer.core.site import Site
from localoffer.core.wording import govuk_date

STALE_AFTER = timedelta(days=366)
MIN_WORDS = 4


def check_feedback(site: Site) -> Iterator[Problem]:
    for feedback in site.feedback.values():
        for index, comment in enumerate(feedback.comments):
            loc: tuple[int | str, ...] = ("comments", index)
            yield from action_problems(site, feedback, loc, comment.action)
            yield from said_problems(site, feedback, (*loc, "said"), comment.said, "comment")
        for index, theme in enumerate(feedback.themes):
            yield from action_problems(site, feedback, ("themes", index), theme.action)
        for index, quote in enumerate(feedback.quotes):
            yield from said_problems(site, feedback, ("quotes", index, "said"), quote.said, "quote")
    yield from check_feedback_parts(site)
    yield from _yearly_publication(site)


def action_problems(
    site: Site, feedback: FeedbackRound, loc: tuple[int | str, ...], action: Action | None
) -> Iterator[Problem]:
    """A completed date after today (an error) and an overdue action (a warning)."""
    if action is None:
        return
    completed = action.completed
    if completed is not None and completed > site.today:
        yield site.problem(
            feedback,
            (*loc, "action", "completed"),
            Severity.ERROR,
            f"this action is marked completed on {govuk_date(completed)}, "
            f"which is after today ({govuk_date(site.today)}): give the date it "
            "was done, or until it is done use the status in-progress and a due date",
        )
    if action_overdue(action, site.today) and action.due:
        yield site.problem(
            feedback,
            (*loc, "action", "due"),
            Severity.WARNING,
            f"this action was due on {govuk_date(action.due)} and is not done: update "
            "its status, or give a new due date and say why in the response",
        )


def said_problems(
    site: Site, feedback: FeedbackRound, loc: tuple[int | str, ...], said: str, what: str
) -> Iterator[Problem]:
    """What someone said that reads badly: a few words only, or all in capitals."""
    if len(said.split()) < MIN_WORDS:
        yield site.problem(
            feedback,
            loc,
            Severity.WARNING,
            f"this {what} is only a few words: give enough of what was said for readers "
            "to understand it",
        )
    letters = [ch for ch in said if ch.isalpha()]
    if len(letters) >= 8 and all(ch.isupper() for ch in letters):
        yield site.problem(
            feedback,
            loc,
            Severity.WARNING,
            f"this {what} is all in capitals, which is hard to read: write it in sentence case",
        )


def _yearly_publication(site: Site) -> Iterator[Problem]:
    """The law asks for comments to be published at least every year: one warning for the gaps,
    on mkdocs.yml (no one round's file is at fault)."""
    if not site.feedback:
        return
    rounds = sorted(site.feedback.values(), key=lambda item: item.received)
    years = {item.received.year for item in rounds}
    missing = [
        year for year in range(rounds[0].received.year, site.today.year) if year not in years
    ]
    latest = rounds[-1]
    if site.today - latest.received > STALE_AFTER:
        yield site.problem(
            latest,
            ("received",),
            Severity.WARNING,
            f"the latest feedback round was received on {govuk_date(latest.received)}, more than "
            "a year ago: comments from children, young people and parents must be published at "
            "least every year, so add a newer round",
        )
    if not missing:
        return
    if len(missing) == 1:
        when = str(missing[0])
    elif len(missing) <= 5:
        when = ", ".join(map(str, missing[:-1])) + f" or {missing[-1]}"
    else:
        when = f"{len(missing)} of the years from {missing[0]} to {missing[-1]}"
    # About the site as a whole, not any one round: on the plugin's entry in mkdocs.yml.
    yield warning(
        CONFIG_FILE,
        *plugin_position(site.settings.root),
        f"no feedback round was received in {when}: comments from children, young people and "
        "parents must be published at least every year, so add a round to responses/ for "
        f"{'that year' if len(missing) == 1 else 'each of those years'}",
    )
