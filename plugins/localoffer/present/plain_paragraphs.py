"""Plain text as HTML paragraphs, exactly as typed: nothing in it is read as markup.

Comments in "You said, we did" are shown as people wrote them. The text is escaped (``<``,
``>``, ``&``, quotes and apostrophes), blank lines start a new paragraph and single line breaks
are kept.
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape

_BLANK_LINES = re.compile(r"\n\s*\n")


def plain_paragraphs(text: str | None) -> Markup:
    if not text:
        return Markup("")
    normalised = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    paragraphs = [part.strip() for part in _BLANK_LINES.split(normalised) if part.strip()]
    html = "".join(
        "<p>" + "<br>\n".join(str(escape(line)) for line in part.split("\n")) + "</p>"
        for part in paragraphs
    )
    return Markup(html)


FILTERS = {"plain_paragraphs": plain_paragraphs}
