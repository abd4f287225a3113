"""What an unquoted value means: YAML 1.2's booleans and numbers, with YAML 1.1's dates.

Editors write records by hand and through the CMS (Decap CMS, whose YAML writer follows YAML
1.2's core schema). That writer quotes text only where YAML 1.2 would read it as something else,
so ``said: No``, ``title: Yes``, ``x: on`` or ``time: 1:20`` are written unquoted and must be read
back as the text they are. PyYAML reads YAML 1.1, where those are booleans and the number 80.

So a plain value is read as a boolean or a number only when YAML 1.1 and YAML 1.2 agree on it,
and on what it is:

- booleans are ``true`` and ``false`` (also ``True``, ``TRUE``, ``False``, ``FALSE``); ``yes``,
  ``no``, ``on`` and ``off``, in any case, are text (``y`` and ``n`` always were). A true/false
  field still takes them (``Flag`` in ``models/base.py``), as published records may say so;
- whole numbers are ``0``, or digits not starting with 0, with an optional sign, or ``0x`` and
  hexadecimal digits. ``010`` is text: YAML 1.1 reads it as octal 8, YAML 1.2 as 10, and the
  leading zero of a code or phone number (``01632960000``) is kept. Sexagesimal ``1:20``,
  binary ``0b1010`` and ``1_000`` (not numbers in YAML 1.2), ``-0x1F`` (nor is that) and
  ``0o17`` (not a number in YAML 1.1) are text;
- decimals have a point (``1.5``, ``-0.25``, ``1.``, ``.5``) and, optionally, an exponent with a
  sign (``1.5e+3``), or are ``.inf``, ``-.inf`` or ``.nan``. ``1e3``, ``1.5e3`` and ``-.5``
  are text (YAML 1.1 reads them so, as it always has here), and so are ``1_000.5`` and
  ``1:20.5``.

Empty values, ``~`` and ``null`` are empty, and dates and date-times (``2027-03-12``,
``2027-03-12T10:00:00``, but not ``2027-03-12 10:00``, which stays text for the date fields to
read) are read exactly as PyYAML reads them: its own patterns are kept.
"""

from __future__ import annotations

import re
from typing import Any

from yaml.resolver import Resolver

BOOL = "tag:yaml.org,2002:bool"
INT = "tag:yaml.org,2002:int"
FLOAT = "tag:yaml.org,2002:float"

# In PyYAML's order (booleans, then decimals, then whole numbers): the first pattern that
# matches a value decides it.
_PATTERNS: list[tuple[str, re.Pattern[str], str]] = [
    (BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), "tTfF"),
    (
        FLOAT,
        re.compile(
            r"""^(?:[-+]?[0-9]+\.[0-9]*(?:[eE][-+][0-9]+)?
                |\.[0-9]+(?:[eE][-+][0-9]+)?
                |[-+]?\.(?:inf|Inf|INF)
                |\.(?:nan|NaN|NAN))$""",
            re.VERBOSE,
        ),
        "-+0123456789.",
    ),
    (INT, re.compile(r"^(?:[-+]?(?:0|[1-9][0-9]*)|0x[0-9a-fA-F]+)$"), "-+0123456789"),
]


def _implicit_resolvers() -> dict[Any, list[tuple[str, re.Pattern[str]]]]:
    """PyYAML's table of patterns by first character, with ours for booleans and numbers."""
    table: dict[Any, list[tuple[str, re.Pattern[str]]]] = {}
    for tag, regexp, first in _PATTERNS:
        for character in first:
            table.setdefault(character, []).append((tag, regexp))
    replaced = {tag for tag, _, _ in _PATTERNS}
    for character, resolvers in Resolver.yaml_implicit_resolvers.items():
        for tag, regexp in resolvers:
            if tag not in replaced:  # empty values, dates, '<<', '=': PyYAML's own
                table.setdefault(character, []).append((tag, regexp))
    return table


class RecordResolver(Resolver):
    """PyYAML's resolver, reading plain values as this module says."""

    yaml_implicit_resolvers = _implicit_resolvers()
