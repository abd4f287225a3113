"""``ages:`` are the children's or young people's ages, never the parents': how an event page
words who it is for (present/access.py)."""

from __future__ import annotations

import pytest
from localoffer.core.vocabulary import DEFAULT_VOCABULARIES, Vocabularies
from localoffer.present.access import who_for


def label(term: str) -> str:
    return DEFAULT_VOCABULARIES.label("audiences", term)


@pytest.mark.parametrize(
    ("audiences", "ages", "words"),
    [
        (["parents-carers"], (3, 4), "Parents and carers of children aged 3 to 4"),
        (["parents-carers"], (16, 25), "Parents and carers of young people aged 16 to 25"),
        (
            ["parents-carers"],
            (5, 18),
            "Parents and carers of children and young people aged 5 to 18",
        ),
        (
            ["professionals"],
            (0, 25),
            "Professionals who work with children and young people aged 0 to 25",
        ),
        (
            ["parents-carers", "professionals"],
            (2, 2),
            "Parents, carers and professionals supporting children aged 2",
        ),
        (
            ["children", "parents-carers"],
            (0, 5),
            "Children aged 0 to 5 and their parents and carers",
        ),
        (["young-people"], (11, 25), "Young people aged 11 to 25"),
        (["children", "young-people"], (6, 19), "Children and young people aged 6 to 19"),
        (["children-in-care"], (11, 18), "Children in care aged 11 to 18"),
        (
            ["young-people", "parents-carers", "professionals"],
            (14, 25),
            "Young people aged 14 to 25, their parents and carers, and professionals who work "
            "with them",
        ),
        (["everyone"], (0, 5), "Everyone (for children aged 0 to 5)"),
        (["parents-carers", "young-people"], None, "Parents and carers, Young people"),
    ],
)
def test_ages_are_the_childrens(
    audiences: list[str], ages: tuple[int, int] | None, words: str
) -> None:
    start, end = ages if ages else (None, None)
    assert who_for(audiences, label, start, end) == words


def test_a_sites_own_audience_is_named_before_the_ages() -> None:
    vocab = Vocabularies.with_additions({"audiences": {"foster-carers": "Foster carers"}})
    words = who_for(["foster-carers"], lambda term: vocab.label("audiences", term), 0, 11)
    assert words == "Foster carers (for children aged 0 to 11)"
