"""Rules for a feedback round's themes and figures, which need the whole round to check.

- a theme's id is unique in its round, and each ``theme:`` of a comment or quote names one;
- a theme's ``count`` is at least the number of the round's comments shown under it;
- the figures of one ``set`` are all counts or all percentages, and percentages (the parts of
  one whole) add up to 100, give or take rounding.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence

from localoffer.core.models.feedback import FeedbackRound, Figure
from localoffer.core.problems import Problem, Severity
from localoffer.core.site import Site

#: Each percentage of a set may be rounded by up to half a point.
ROUNDING_PER_FIGURE = 0.5


def check_feedback_parts(site: Site) -> Iterator[Problem]:
    for feedback in site.feedback.values():
        yield from _themes(site, feedback)
        yield from _sets(site, feedback)


def _listing(ids: Sequence[str]) -> str:
    return ", ".join(ids) if ids else "none of its themes has an id yet"


def _themes(site: Site, feedback: FeedbackRound) -> Iterator[Problem]:
    seen: set[str] = set()
    for index, theme in enumerate(feedback.themes):
        if theme.id is None:
            continue
        if theme.id in seen:
            yield site.problem(
                feedback,
                ("themes", index, "id"),
                Severity.ERROR,
                f"two themes in this round have the id '{theme.id}': give each theme its own id",
            )
        seen.add(theme.id)
    ids = list(dict.fromkeys(theme.id for theme in feedback.themes if theme.id))
    parts = [("comments", index, item.theme) for index, item in enumerate(feedback.comments)]
    parts += [("quotes", index, item.theme) for index, item in enumerate(feedback.quotes)]
    for field, index, theme_id in parts:
        if theme_id is not None and theme_id not in seen:
            yield site.problem(
                feedback,
                (field, index, "theme"),
                Severity.ERROR,
                f"there is no theme with the id '{theme_id}' in this round's themes: use the id "
                f"of one of them ({_listing(ids)}), or add the theme",
            )
    shown = Counter(comment.theme for comment in feedback.comments if comment.theme)
    for index, theme in enumerate(feedback.themes):
        count, published = theme.count, shown.get(theme.id or "", 0)
        if count is not None and count < published:
            yield site.problem(
                feedback,
                ("themes", index, "count"),
                Severity.ERROR,
                f"this theme's count is {count}, but {published} of this round's comments are "
                "shown under it: the count is how many comments were about the theme in all, "
                "so it cannot be fewer than those published",
            )


def _number(value: float) -> str:
    return f"{value:g}"


def _sets(site: Site, feedback: FeedbackRound) -> Iterator[Problem]:
    sets: dict[str, list[tuple[int, Figure]]] = {}
    for index, figure in enumerate(feedback.figures):
        if figure.set is not None:
            sets.setdefault(figure.set, []).append((index, figure))
    for name, members in sets.items():
        kinds = {figure.percent is None for _, figure in members}
        if len(kinds) > 1:
            index = next(
                i for i, f in members if (f.percent is None) != (members[0][1].percent is None)
            )
            yield site.problem(
                feedback,
                ("figures", index, "set"),
                Severity.ERROR,
                f"the figures of the set '{name}' mix counts and percentages: a set is the "
                "parts of one whole, so give them all as counts or all as percentages",
            )
            continue
        percents = [figure.percent for _, figure in members if figure.percent is not None]
        if not percents:
            continue
        total = sum(percents)
        if abs(total - 100) > ROUNDING_PER_FIGURE * len(percents):
            yield site.problem(
                feedback,
                ("figures", members[-1][0], "percent"),
                Severity.ERROR,
                f"the percentages of the set '{name}' add up to {_number(total)}%, not 100%: "
                "a set is the parts of one whole (the answers to one question), so check the "
                "figures; percentages that are not parts of one whole (people could give more "
                "than one answer) should have no set",
            )
