"""Templates read without the indentation of their source: smaller pages, at no cost per page.

mkdocs-material's templates and ours are indented for people to read, and every page carried
that indentation: about a ninth of an event page was spaces and blank lines. HTML shows a run
of whitespace between words as one space wherever ``white-space`` is ``normal`` or ``nowrap``
(all that the theme and our stylesheets use outside code), so a run that holds a line break
is read the same as that line break alone. This extension rewrites each HTML template's source
that way before Jinja compiles it, once per template, so no page pays for it.

Kept exactly as written: Jinja's own tags (``{{ }}``, ``{% %}``, ``{# #}``, and everything in
``{% raw %}``), and the elements whose whitespace can show or matter (``pre``, ``textarea``,
``code``, ``kbd``, ``script``, ``style``). What the templates print (page bodies, record text)
is not touched. Templates that are not HTML (``sitemap.xml``) are left as they are.
"""

from __future__ import annotations

import re

from jinja2.ext import Extension

_KEPT = re.compile(
    r"""
    \{%-?\s*raw\s*-?%\}.*?\{%-?\s*endraw\s*-?%\}
    | \{\{.*?\}\} | \{%.*?%\} | \{\#.*?\#\}
    | <(?P<element>pre|textarea|code|kbd|script|style)\b.*?</(?P=element)\s*>
    """,
    re.DOTALL | re.IGNORECASE | re.VERBOSE,
)
_RUN = re.compile(r"[ \t\r\f\v]*\n\s*")


def compact(source: str) -> str:
    """``source`` with each run of whitespace that holds a line break made one line break,
    outside Jinja's tags and the elements whose whitespace is kept."""
    out: list[str] = []
    position = 0
    for kept in _KEPT.finditer(source):
        out.append(_RUN.sub("\n", source[position : kept.start()]))
        out.append(kept.group())
        position = kept.end()
    out.append(_RUN.sub("\n", source[position:]))
    return "".join(out)


class CompactTemplates(Extension):
    """Jinja extension: HTML templates are compiled from :func:`compact` source."""

    def preprocess(self, source: str, name: str | None, filename: str | None = None) -> str:
        if name is None or not name.endswith(".html"):
            return source
        return compact(source)
