"""A round's themes, figures, quotes and respondents, ready for templates, with their charts.

Themes group the round's comments (those that name them) and quotes; figures are shown a set
at a time, each set as a chart (``plan/charts.py``) with a table of the same numbers;
respondents are the number of each respondent group that took part, also a chart and a table.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from localoffer.core.models.feedback import FeedbackRound, Figure
from localoffer.core.site import Site
from localoffer.plan.charts import BarChart, bar_chart
from localoffer.plan.feedback_view import ActionView, CommentView, Term, action_view

#: The heading of the figures that belong to no set.
OTHER_FIGURES = "Totals"
OTHER_PERCENTAGES = "Percentages"
PEOPLE = ("person", "people")


def count_text(number: float) -> str:
    """A count in GOV.UK style: 1,200."""
    return f"{number:,.0f}" if float(number).is_integer() else f"{number:,}"


def percent_text(number: float) -> str:
    """A percentage as people write it: 83%, 12.5%."""
    return f"{number:g}%"


def plural(number: int, singular: str, plural_form: str = "") -> str:
    """ "1 comment", "1,200 comments"."""
    noun = singular if number == 1 else (plural_form or singular + "s")
    return f"{count_text(number)} {noun}"


@dataclass(frozen=True)
class QuoteView:
    said: str
    group: Term | None
    theme: str | None


@dataclass(frozen=True)
class ThemeView:
    id: str | None
    anchor: str
    title: str
    summary: str
    count: int | None
    response: str | None
    action: ActionView | None
    topics: tuple[Term, ...]
    comments: tuple[CommentView, ...]
    quotes: tuple[QuoteView, ...]

    @property
    def count_text(self) -> str:
        """ "214 comments", or "" when the round does not say how many."""
        return plural(self.count, "comment") if self.count is not None else ""


@dataclass(frozen=True)
class FigureView:
    label: str
    value: float
    shown: str
    percent: bool


@dataclass(frozen=True)
class FigureSet:
    #: The set's name (the question), or "Figures" for those in no set.
    title: str
    anchor: str
    figures: tuple[FigureView, ...]
    chart: BarChart

    @property
    def percent(self) -> bool:
        return all(figure.percent for figure in self.figures)


@dataclass(frozen=True)
class RespondentsView:
    rows: tuple[tuple[Term, int], ...]
    chart: BarChart

    @property
    def total(self) -> int:
        return sum(number for _, number in self.rows)

    @property
    def total_text(self) -> str:
        return plural(self.total, "person", "people")


def _term(site: Site, vocabulary: str, term: str) -> Term:
    return Term(term, site.settings.vocabularies.label(vocabulary, term))


def quote_views(site: Site, feedback: FeedbackRound) -> tuple[QuoteView, ...]:
    return tuple(
        QuoteView(
            said=quote.said,
            group=_term(site, "respondent_groups", quote.from_) if quote.from_ else None,
            theme=quote.theme,
        )
        for quote in feedback.quotes
    )


def theme_views(
    site: Site,
    feedback: FeedbackRound,
    comments: Sequence[CommentView],
    quotes: Sequence[QuoteView],
) -> tuple[ThemeView, ...]:
    themes = []
    for index, theme in enumerate(feedback.themes, start=1):
        themes.append(
            ThemeView(
                id=theme.id,
                anchor=f"theme-{theme.id or index}",
                title=theme.title,
                summary=theme.summary,
                count=theme.count,
                response=theme.response,
                action=action_view(theme.action, site.today) if theme.action else None,
                topics=tuple(_term(site, "topics", topic) for topic in theme.topics),
                comments=tuple(
                    c
                    for c, model in zip(comments, feedback.comments, strict=True)
                    if theme.id and model.theme == theme.id
                ),
                quotes=tuple(q for q in quotes if theme.id and q.theme == theme.id),
            )
        )
    return tuple(themes)


def _figure(figure: Figure) -> FigureView:
    if figure.percent is not None:
        return FigureView(figure.label, figure.percent, percent_text(figure.percent), True)
    count = figure.count or 0
    return FigureView(figure.label, count, count_text(count), False)


def _set_chart(chart_id: str, title: str, figures: Sequence[FigureView]) -> BarChart:
    percent = all(figure.percent for figure in figures)
    return bar_chart(
        chart_id,
        title,
        [("", [(figure.label, figure.value) for figure in figures])],
        number=percent_text if percent else count_text,
        largest=100 if percent else None,
    )


def figure_sets(feedback: FeedbackRound, prefix: str) -> tuple[FigureSet, ...]:
    """The round's figures a set at a time, in the order they are first given; figures in no
    set (a count of responses, say) come first, as one set. Counts and percentages in no set
    are charted apart, because one scale does not fit both."""
    order: dict[str, list[FigureView]] = {}
    loose_counts: list[FigureView] = []
    loose_percents: list[FigureView] = []
    for figure in feedback.figures:
        view = _figure(figure)
        if figure.set is not None:
            order.setdefault(figure.set, []).append(view)
        elif view.percent:
            loose_percents.append(view)
        else:
            loose_counts.append(view)
    named = [(OTHER_FIGURES, loose_counts), (OTHER_PERCENTAGES, loose_percents)]
    named = [item for item in named if item[1]] + list(order.items())
    sets = []
    for number, (title, figures) in enumerate(named, start=1):
        anchor = f"{prefix}-figures-{number}"
        sets.append(FigureSet(title, anchor, tuple(figures), _set_chart(anchor, title, figures)))
    return tuple(sets)


def respondents_view(site: Site, feedback: FeedbackRound, prefix: str) -> RespondentsView | None:
    """Who took part, in the vocabulary's order, or None when the round does not say."""
    if not feedback.respondents:
        return None
    vocab = site.settings.vocabularies
    rows = tuple(
        (_term(site, "respondent_groups", term), feedback.respondents[term])
        for term in vocab.allowed("respondent_groups")
        if term in feedback.respondents
    )
    chart = bar_chart(
        f"{prefix}-chart-respondents",
        "Who took part",
        [("", [(term.label, number) for term, number in rows])],
        unit=PEOPLE,
        number=count_text,
    )
    return RespondentsView(rows, chart)


@dataclass(frozen=True)
class RoundParts:
    """Everything a round has beside its comments (all empty for a round of comments only)."""

    themes: tuple[ThemeView, ...] = ()
    #: The comments no theme holds, and the quotes no theme holds.
    other_comments: tuple[CommentView, ...] = ()
    other_quotes: tuple[QuoteView, ...] = ()
    quotes: tuple[QuoteView, ...] = ()
    figure_sets: tuple[FigureSet, ...] = ()
    respondents: RespondentsView | None = None

    @property
    def any(self) -> bool:
        return bool(self.themes or self.quotes or self.figure_sets or self.respondents)


def round_parts(site: Site, feedback: FeedbackRound, comments: Sequence[CommentView]) -> RoundParts:
    prefix = f"lo-{feedback.id}"
    quotes = quote_views(site, feedback)
    themes = theme_views(site, feedback, comments, quotes)
    held = {theme.id for theme in themes if theme.id}
    return RoundParts(
        themes=themes,
        other_comments=tuple(
            c
            for c, model in zip(comments, feedback.comments, strict=True)
            if model.theme not in held
        ),
        other_quotes=tuple(q for q in quotes if q.theme not in held),
        quotes=quotes,
        figure_sets=figure_sets(feedback, prefix),
        respondents=respondents_view(site, feedback, prefix),
    )
