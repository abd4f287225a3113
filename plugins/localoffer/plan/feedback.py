"""The "You said, we did" section of the site plan (pages, data files and the embed).

- ``/you-said-we-did/``: the register, every round newest first, with yearly figures and
  filters over the comments;
- ``/you-said-we-did/<id>/``: one feedback round;
- ``/you-said-we-did/<year>/``: every comment received that year with its response (the
  statutory yearly publication, printable);
- ``/data/feedback.json``, ``/data/feedback.csv``, ``/data/feedback-details.csv`` and
  ``/data/feedback.schema.json``;
- the ``latest-feedback`` embed for content pages.

Other sections link to feedback with :func:`feedback_for_event` and
:func:`feedback_for_consultation`, and can show a list of rounds with the partial
``localoffer/partials/feedback-summary.html``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from functools import partial
from urllib.parse import urlsplit

from localoffer.core.models.feedback import FeedbackRound
from localoffer.core.site import Site
from localoffer.export import feedback_data
from localoffer.export.feedback_feed import FEED_PATH, feedback_feed
from localoffer.export.feedback_parts_data import DETAILS_CSV_PATH
from localoffer.plan.feedback_charts import figure_charts
from localoffer.plan.feedback_view import (
    ACTION_LABELS,
    NO_ACTION,
    NO_ACTION_LABEL,
    NOT_STATED,
    REGARDING_LABELS,
    SECTION,
    SECTION_TITLE,
    CommentView,
    RoundView,
    Term,
    newest_first,
    round_path,
    round_view,
    year_figures,
    year_path,
)
from localoffer.plan.keys import SiteKeys, record_id, site_keys
from localoffer.plan.model import Embed, EmbedPlan, OutputFile, PagePlan, PlanItem, keyed
from localoffer.present.dates import govuk_date

REGISTER_TEMPLATE = "localoffer/feedback-register.html"
ROUND_TEMPLATE = "localoffer/feedback-round.html"
YEAR_TEMPLATE = "localoffer/feedback-year.html"
EMBED_TEMPLATE = "localoffer/embeds/latest-feedback.html"
LIST_ID = "lo-feedback-list"
DEFAULT_LIMIT = 3
MAX_LIMIT = 50

# Python-Markdown's backslash escapes: text for the search index is escaped for HTML first,
# then these characters are escaped so that nothing in a comment is read as Markdown.
_UNSAFE_IN_ATTRIBUTE = re.compile(r"[<>\"&]")


def feedback_for_event(site: Site, event_id: str) -> list[FeedbackRound]:
    """The rounds gathered at an event (``event: <id>``), newest first."""
    return newest_first(r for r in site.feedback.values() if r.event == event_id)


def feedback_for_consultation(site: Site, consultation_id: str) -> list[FeedbackRound]:
    """The rounds of a consultation, newest first.

    Those its outcome lists (``outcome.feedback``) and those that name it
    (``consultation: <id>``).
    """
    consultation = site.consultations.get(consultation_id)
    listed = set(consultation.outcome.feedback) if consultation and consultation.outcome else set()
    return newest_first(
        r for r in site.feedback.values() if r.id in listed or r.consultation == consultation_id
    )


def _search_text(view: RoundView) -> str:
    """The round's search entry: its summary, themes, comments, responses and quotes, so that
    what children, young people and parents said can be found."""
    parts: list[str] = []
    if view.summary:
        parts.append(view.summary)
    for theme in view.parts.themes if view.parts else ():
        parts.append(f"{theme.title}: {theme.summary}")
        if theme.response:
            parts.append(f"We did: {theme.response}")
    for comment in view.comments:
        parts.append(f"You said: {comment.said}")
        parts.append(f"We did: {comment.response}")
    for quote in view.parts.quotes if view.parts else ():
        parts.append(quote.said)
    return " ".join(" ".join(part.split()) for part in parts)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


def _round_description(view: RoundView) -> str:
    """The page's meta description: the summary, or a sentence made from the round's facts.

    mkdocs-material writes the description into an attribute without escaping it, so a summary
    with characters that would need escaping is not used there.
    """
    text = view.summary if view.summary and not _UNSAFE_IN_ATTRIBUTE.search(view.summary) else ""
    text = text or (
        f"A report of feedback received {govuk_date(view.received)} ({view.source.label})."
        if view.document_only
        else f"{_count(view.comment_count, 'comment')} received {govuk_date(view.received)} "
        f"({view.source.label}), with our response."
    )
    return " ".join(text.split())[:300]


def _site_root(site: Site) -> str:
    """The site's path on its host ("/" or "/localoffer/"), for links in embeds."""
    path = urlsplit(site.settings.site_url).path or "/"
    return path if path.endswith("/") else path + "/"


def _print_url(site: Site, path: str) -> str:
    return f"{site.settings.base_url}/{path}" if site.settings.base_url else f"/{path}"


def _options(vocabulary: Mapping[str, str], used: set[str]) -> list[Term]:
    """Filter choices: the terms that occur, in the vocabulary's order."""
    return [Term(term, label) for term, label in vocabulary.items() if term in used]


def _filters(site: Site, comments: list[CommentView]) -> dict[str, list[Term]]:
    vocab = site.settings.vocabularies
    used_groups = {c.group.term for c in comments}
    used_regarding = {c.regarding.term if c.regarding else NOT_STATED for c in comments}
    used_topics = {t.term for c in comments for t in c.topics}
    used_sources = {c.source.term for c in comments}
    used_actions = {c.action_term for c in comments}
    years = sorted({c.year for c in comments}, reverse=True)

    def labels(name: str) -> dict[str, str]:
        return {term: vocab.label(name, term) for term in vocab.allowed(name)}

    return {
        "year": [Term(str(year), str(year)) for year in years],
        "from": _options(labels("respondent_groups"), used_groups),
        "regarding": _options({**REGARDING_LABELS, NOT_STATED: "Not stated"}, used_regarding),
        "topic": _options(labels("topics"), used_topics),
        "source": _options(labels("feedback_sources"), used_sources),
        "action": _options({**ACTION_LABELS, NO_ACTION: NO_ACTION_LABEL}, used_actions),
    }


def _groups(site: Site) -> list[Term]:
    vocab = site.settings.vocabularies
    return [
        Term(term, vocab.label("respondent_groups", term))
        for term in vocab.allowed("respondent_groups")
    ]


def _base_context(site: Site) -> dict[str, object]:
    return {
        "lo_section": SECTION,
        "lo_section_title": SECTION_TITLE,
        "lo_authority": site.settings.authority,
        "lo_contact_email": site.settings.contact_email,
        "lo_groups": _groups(site),
        "lo_action_labels": ACTION_LABELS,
        "lo_today": site.today,
    }


def _round(
    site: Site, keys: SiteKeys, base: Mapping[str, object], feedback: FeedbackRound
) -> tuple[RoundView, PagePlan]:
    """A round's view and page, kept between builds while nothing they show changes: the
    round, the consultation and event it names, its documents' files, the settings and today
    (which actions are overdue)."""
    round_id = record_id(feedback)
    key = "|".join(
        (
            f"{round_id}:{keys.digest(feedback)}",
            keys.ref(site.consultations, feedback.consultation),
            keys.ref(site.events, feedback.event),
            keys.files(feedback.documents),
            keys.settings,
            keys.today,
        )
    )

    def make() -> tuple[RoundView, PagePlan]:
        view = round_view(site, feedback)
        figures = year_figures(site, [view])
        name = site.settings.site_name
        page = PagePlan(
            src_uri=f"{SECTION}/{view.id}/index.md",
            title=view.title,
            template=ROUND_TEMPLATE,
            search=False,  # rendered with the record pages, found through its own entry
            search_text=_search_text(view),
            html_title=f"{view.title} – {SECTION_TITLE} – {name}",
            description=_round_description(view),
            context={
                **base,
                "lo_round": view,
                "lo_year_path": year_path(view.year),
                "lo_round_figures": figures,
                "lo_charts": figure_charts(figures, _groups(site), scope="in this round"),
            },
        )
        return view, keyed(page, key)

    return keys.memo.get("feedback-round", round_id, key, make)


def plan(site: Site) -> Iterator[PlanItem]:
    keys = site_keys(site)
    name = site.settings.site_name
    base = _base_context(site)
    made = [_round(site, keys, base, feedback) for feedback in newest_first(site.feedback.values())]
    rounds = [view for view, _ in made]
    figures = year_figures(site, rounds)
    comments = [comment for view in rounds for comment in view.comments]

    yield PagePlan(
        src_uri=f"{SECTION}/index.md",
        title=SECTION_TITLE,
        template=REGISTER_TEMPLATE,
        markdown=(
            "Comments from children, young people and parents about the Local Offer, "
            "and what we did about them.\n"
        ),
        html_title=f"{SECTION_TITLE} – {name}",
        description=(
            "Comments from children, young people and parents about the Local Offer, with "
            f"{site.settings.authority or 'the council'}'s response and the action taken."
        ),
        context={
            **base,
            "lo_rounds": rounds,
            "lo_figures": figures,
            "lo_charts": figure_charts(
                figures,
                _groups(site),
                scope="received each year"
                if len(figures) > 1
                else f"received in {figures[0].year}"
                if figures
                else "received",
            ),
            "lo_comment_total": len(comments),
            "lo_filters": _filters(site, comments),
            "lo_list_id": LIST_ID,
            "lo_data": {
                "json": feedback_data.JSON_PATH,
                "csv": feedback_data.CSV_PATH,
                "schema": feedback_data.SCHEMA_PATH,
                "details": DETAILS_CSV_PATH,
            },
        },
    )

    for _, page in made:
        yield page

    for figure in figures:
        year_rounds = sorted(
            (view for view in rounds if view.year == figure.year),
            key=lambda view: (view.received, view.title.casefold(), view.id),
        )
        yield PagePlan(
            src_uri=f"{year_path(figure.year)}index.md",
            title=f"{SECTION_TITLE}: {figure.year}",
            template=YEAR_TEMPLATE,
            html_title=f"{figure.year} – {SECTION_TITLE} – {name}",
            description=(
                f"Every comment received in {figure.year} from children, young people and "
                "parents about the Local Offer, with our response."
            ),
            search=False,
            context={
                **base,
                "lo_year": figure.year,
                "lo_figures": figure,
                "lo_charts": figure_charts(
                    [figure], _groups(site), scope=f"received in {figure.year}"
                ),
                "lo_year_rounds": year_rounds,
                "lo_other_years": [f for f in figures if f.year != figure.year],
                "lo_print_base": _print_url(site, ""),
                "lo_year_in_progress": figure.year >= site.today.year,
            },
        )

    texts = [
        keys.memo.get(
            "feedback-data",
            record_id(feedback),
            # An item shows the round, and which of its actions are overdue today.
            (keys.digest(feedback), keys.today),
            partial(feedback_data.round_parts, feedback, site.today),
        )
        for feedback in feedback_data.ordered(site)
    ]
    json_file, csv_file, details_file = feedback_data.feedback_files(texts)
    yield OutputFile(feedback_data.JSON_PATH, json_file)
    yield OutputFile(feedback_data.CSV_PATH, csv_file)
    yield OutputFile(DETAILS_CSV_PATH, details_file)
    yield OutputFile(feedback_data.SCHEMA_PATH, feedback_data.feedback_schema_json(site))
    yield OutputFile(FEED_PATH, feedback_feed(site))


def latest_feedback(site: Site, arguments: Mapping[str, str]) -> EmbedPlan:
    """``<!-- localoffer:latest-feedback limit=3 -->``: the latest rounds, newest first."""
    try:
        limit = int(arguments.get("limit", DEFAULT_LIMIT))
    except ValueError:
        limit = DEFAULT_LIMIT
    limit = max(1, min(limit, MAX_LIMIT))
    rounds = newest_first(site.feedback.values())[:limit]
    root = _site_root(site)
    vocab = site.settings.vocabularies
    return EmbedPlan(
        EMBED_TEMPLATE,
        {
            "lo_latest": [
                {
                    "title": item.title,
                    "href": root + round_path(item.id),
                    "received": item.received,
                    "source": vocab.label("feedback_sources", item.source),
                    "comments": len(item.comments),
                    "report": not (item.comments or item.themes or item.quotes),
                }
                for item in rounds
            ],
            "lo_register_href": root + f"{SECTION}/",
            "lo_total": len(site.feedback),
        },
    )


EMBEDS: dict[str, Embed] = {"latest-feedback": latest_feedback}
