"""A quoted value followed by more text on its line: say so, where the extra text starts.

``title: "Youth forum" March 2027`` used to be reported as "the indentation is not consistent
here", which sent editors looking at the indentation.
"""

from __future__ import annotations

from pathlib import Path

from core.sitekit import EVENT, FEEDBACK, SiteKit, column_of, line_of, replace

EP = "events/short-breaks-drop-in-anbury.md"
FP = "responses/local-offer-survey-spring-2026.yml"


def test_a_title_with_text_after_its_quotes(tmp_path: Path) -> None:
    kit = SiteKit(tmp_path / "site")
    text = replace(EVENT, "title: Short breaks drop-in, Anbury", 'title: "Youth forum" March 2027')
    kit.write(EP, text)
    problem = kit.only_error(EP)
    assert (problem.line, problem.column) == (line_of(text, "March 2027"), column_of(text, "March"))
    assert problem.message == (
        "the value in quotes ends at its closing quote, so the text after it ('March 2027') "
        'cannot be read: put the quotes around the whole value, as in title: "Youth forum '
        'March 2027", or, to keep the quote marks in the text, put it all in the other kind of '
        "quotes, as in title: '\"Youth forum\" March 2027'"
    )
    assert "indentation" not in problem.message


def test_single_quotes_and_a_nested_field(tmp_path: Path) -> None:
    kit = SiteKit(tmp_path / "site")
    text = replace(FEEDBACK, "    response: We have added", "    response: 'We have' added")
    kit.write(FP, text)
    problem = kit.only_error(FP)
    assert (problem.line, problem.column) == (
        line_of(text, "'We have' added"),
        column_of(text, "added"),
    )
    assert problem.message.startswith(
        "the value in quotes ends at its closing quote, so the text after it ('added a list"
    )
    assert 'as in response: "We have added a list' in problem.message


def test_a_list_item_with_text_after_its_quotes(tmp_path: Path) -> None:
    kit = SiteKit(tmp_path / "site")
    text = replace(EVENT, "audiences: [parents-carers]", 'audiences:\n  - "parents" carers')
    kit.write(EP, text)
    problem = kit.only_error(EP)
    assert (problem.line, problem.column) == (
        line_of(text, '"parents" carers'),
        column_of(text, "carers"),
    )
    assert 'as in - "parents carers"' in problem.message


def test_a_quoted_value_with_a_comment_after_it_is_fine(tmp_path: Path) -> None:
    kit = SiteKit(tmp_path / "site")
    text = replace(
        EVENT,
        "title: Short breaks drop-in, Anbury",
        'title: "Short breaks drop-in, Anbury"  # the name on the poster',
    )
    kit.write(EP, text)
    assert kit.errors() == []


def test_bad_indentation_is_still_reported_as_such(tmp_path: Path) -> None:
    kit = SiteKit(tmp_path / "site")
    text = replace(EVENT, "  address: 1 High Street, Anbury", " address: 1 High Street, Anbury")
    kit.write(EP, text)
    assert "indent" in kit.only_error(EP).message
