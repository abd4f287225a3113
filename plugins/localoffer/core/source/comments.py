"""The comments in a record file, and those a new version of the file no longer has.

A comment is a YAML comment (``# keep until the tribunal decides``) in a ``.yml`` file or in a
Markdown file's front matter, or an HTML comment (``<!-- … -->``) in a Markdown file's page text.
People keep notes in them. The web editor (Decap CMS) writes the whole YAML of a file again when
it saves one and drops every YAML comment, so ``core/changes.py`` compares a change with the
version before it, and reports each comment the change loses.

YAML comments are found with PyYAML's scanner, not by pattern: a ``#`` starts a comment only
outside every scalar token, and only at the start of a line or after a space or tab. So the
``#`` of ``"a # b"``, of a block scalar's lines (``|``, ``>``), of ``C# club`` and of
``https://x/#part`` is text. A block scalar's token starts at its ``|``, so its first line
(``description: |  # a note``) is looked at too. In the page text, HTML comments inside code
(between backticks, or in a fenced block) are text.

Comments are compared by their text, with ``#`` or ``<!--``/``-->`` taken off and runs of
whitespace made one space, as a multiset: a comment moved elsewhere in the file (even from the
YAML into the page text) is kept; one of two identical comments removed is lost.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.tokens import AliasToken, AnchorToken, ScalarToken, TagToken

from localoffer.core.source.reader import ReadError, split_front_matter

#: Where a YAML entry is: its keys and list positions from the top (``("respond", 0)``).
EntryPath = tuple[str | int, ...]


class CommentsUnreadable(ValueError):
    """The file's comments cannot be told apart from its text: its YAML cannot be scanned, or
    a Markdown file has no front matter. The checker reports that file's problem itself."""


@dataclass(frozen=True)
class Comment:
    #: As written, on one line: ``# keep until the tribunal decides``, ``<!-- check dates -->``.
    text: str
    line: int
    column: int
    #: True for an HTML comment in the page text, False for a YAML comment.
    in_body: bool
    #: A YAML comment's entry: the one on its line, else the next one (else the one before).
    anchor: EntryPath = ()
    #: An HTML comment's next line with text, to find the same place in another version.
    follows: str = ""

    @property
    def key(self) -> str:
        """What is compared: the text without its markers, whitespace made single spaces."""
        if self.in_body:
            inner = self.text.removeprefix("<!--").removesuffix("-->")
        else:
            inner = self.text.lstrip("#")
        return " ".join(inner.split())


@dataclass(frozen=True)
class RecordComments:
    """The comments of one version of a file, and where things are in it."""

    comments: tuple[Comment, ...]
    #: The line of each YAML entry (its key, or a list item's first line).
    entries: Mapping[EntryPath, int]
    #: Each line of the page text that has text: (line, its text stripped).
    body_lines: tuple[tuple[int, str], ...] = ()
    #: The first line of the page text with text, or the front matter's closing line.
    body_line: int = 1

    def line_for(self, comment: Comment) -> int:
        """The line of this version nearest to where ``comment`` was in another version: the
        line of its entry (or of the nearest entry above it that is still here) for a YAML
        comment, the line that followed it for an HTML comment; else the top of that part."""
        if comment.in_body:
            for line, text in self.body_lines:
                if comment.follows and text == comment.follows:
                    return line
            return self.body_line
        path = comment.anchor
        while path:
            if path in self.entries:
                return self.entries[path]
            path = path[:-1]
        return 1


@dataclass(frozen=True)
class LostComment:
    #: Where it was, in the old version.
    comment: Comment
    #: The nearest line of the new version.
    line: int


def lost_comments(old: str, new: str, *, markdown: bool) -> list[LostComment]:
    """The comments of ``old`` that ``new`` does not have, in the order of ``old``.

    Raises CommentsUnreadable when either version cannot be read.
    """
    before = read_comments(old, markdown=markdown)
    after = read_comments(new, markdown=markdown)
    left = Counter(comment.key for comment in after.comments)
    lost = []
    for comment in before.comments:
        if not comment.key:
            continue  # a bare '#' or '<!---->' says nothing
        if left[comment.key]:
            left[comment.key] -= 1
        else:
            lost.append(LostComment(comment, after.line_for(comment)))
    return lost


def read_comments(text: str, *, markdown: bool) -> RecordComments:
    """Every comment of a record file's text (``markdown``: front matter and page text)."""
    text = text.removeprefix("\ufeff")
    if not markdown:
        return _yaml_comments(text)
    try:
        front, body = split_front_matter(text)
    except (ReadError, IndexError):
        raise CommentsUnreadable("the file has no front matter") from None
    found = _yaml_comments(front)
    start = len(text) - len(body)
    lines = _Lines(text)
    body_start = lines.position(start)[0]
    comments = list(found.comments)
    for offset, written, follows in _html_comments(body):
        line, column = lines.position(start + offset)
        comments.append(Comment(written, line, column, in_body=True, follows=follows))
    body_lines = tuple(
        (body_start + number, stripped)
        for number, written in enumerate(body.split("\n"))
        if (stripped := written.strip())
    )
    closing = lines.position(start - 1)[0] if start else 1  # the front matter's last line
    return RecordComments(
        tuple(comments), found.entries, body_lines, body_lines[0][0] if body_lines else closing
    )


class _Lines:
    """Line and column (from 1) of each index of a text."""

    def __init__(self, text: str) -> None:
        self.starts = [0, *(match.end() for match in re.finditer("\n", text))]

    def position(self, index: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, index)
        return line, index - self.starts[line - 1] + 1


def _yaml_comments(text: str) -> RecordComments:
    try:
        tokens = list(yaml.scan(text, Loader=yaml.SafeLoader))
    except yaml.YAMLError as exc:
        raise CommentsUnreadable(f"the YAML cannot be read: {exc}") from None
    spans: list[tuple[int, int]] = []
    for token in tokens:
        if isinstance(token, ScalarToken | TagToken | AnchorToken | AliasToken):
            start, end = token.start_mark.index, token.end_mark.index
            if isinstance(token, ScalarToken) and token.style in ("|", ">"):
                # The indicator's line may end with a comment; the text starts on the next line.
                header_end = text.find("\n", start)
                start = end if header_end < 0 else min(header_end, end)
            spans.append((start, end))
    lines = _Lines(text)
    entries = _entries(text)
    starts = [start for start, _ in spans]
    found: list[Comment] = []
    taken = 0  # the end of the last comment: a '#' inside one is part of it
    for match in re.finditer("#", text):
        index = match.start()
        if index < taken or (index and text[index - 1] not in " \t\r\n"):
            continue
        span = bisect.bisect_right(starts, index) - 1
        if span >= 0 and index < spans[span][1]:
            continue
        end = _line_end(text, index)
        taken = end
        line, column = lines.position(index)
        own_line = not text[lines.starts[line - 1] : index].strip()
        anchor = _anchor(entries, index, lines.starts[line - 1], own_line)
        found.append(Comment(text[index:end].rstrip(), line, column, False, anchor))
    first_lines: dict[EntryPath, int] = {}
    for index, _, path in entries:
        first_lines.setdefault(path, lines.position(index)[0])
    return RecordComments(tuple(found), first_lines)


def _line_end(text: str, index: int) -> int:
    ends = [end for end in (text.find("\n", index), text.find("\r", index)) if end >= 0]
    return min(ends, default=len(text))


def _entries(text: str) -> list[tuple[int, int, EntryPath]]:
    """Every mapping entry and list item: (where it starts, its depth, its path), in order.

    Empty when the YAML has no single tree (the comments are still found; they are then placed
    on line 1).
    """
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except (yaml.YAMLError, RecursionError):
        return []
    found: list[tuple[int, int, EntryPath]] = []
    if root is not None:
        found.extend(_walk(root, (), set()))
    found.sort(key=lambda entry: (entry[0], entry[1]))
    return found


def _walk(node: Node, path: EntryPath, seen: set[int]) -> Iterator[tuple[int, int, EntryPath]]:
    if id(node) in seen:  # an alias of a node being walked already
        return
    seen = seen | {id(node)}
    if isinstance(node, MappingNode):
        for key, value in node.value:
            label = key.value if isinstance(key, ScalarNode) else f"@{key.start_mark.index}"
            here = (*path, label)
            yield key.start_mark.index, len(here), here
            yield from _walk(value, here, seen)
    elif isinstance(node, SequenceNode):
        for position, item in enumerate(node.value):
            here = (*path, position)
            yield item.start_mark.index, len(here), here
            yield from _walk(item, here, seen)


def _anchor(
    entries: list[tuple[int, int, EntryPath]], index: int, line_start: int, own_line: bool
) -> EntryPath:
    """The entry a comment at ``index`` is about: for a comment after text, the innermost
    entry that starts on its line; otherwise, the next entry; at the end, the last one."""
    if not entries:
        return ()
    after = bisect.bisect_left([start for start, _, _ in entries], index)
    if not own_line and after and entries[after - 1][0] >= line_start:
        return entries[after - 1][2]
    if after < len(entries):
        return entries[after][2]
    return entries[after - 1][2]


# In the page text: a code span (a run of backticks, up to the same run, within a paragraph)
# or an HTML comment, whichever starts first.
_CODE_OR_COMMENT = re.compile(
    r"(?<!`)(`+)(?!`)(?:(?!\n[ \t]*\n)[\s\S])*?(?<!`)\1(?!`)|<!--([\s\S]*?)-->"
)
_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")


def _html_comments(body: str) -> Iterator[tuple[int, str, str]]:
    """Each HTML comment of a page text: (where it starts, its text on one line, the next line
    with text after it)."""
    masked = _mask_fences(body)
    for match in _CODE_OR_COMMENT.finditer(masked):
        if match.group(2) is None:
            continue  # code: what looks like a comment in it is shown as it is
        written = " ".join(body[match.start() : match.end()].split())
        yield match.start(), written, _next_text(body, match.end())


def _next_text(body: str, index: int) -> str:
    line_end = body.find("\n", index)
    if line_end < 0:
        return ""
    for line in body[line_end + 1 :].split("\n"):
        if line.strip():
            return line.strip()
    return ""


def _mask_fences(body: str) -> str:
    """``body`` with every fenced code block (``` or ~~~) blanked out, lengths unchanged."""
    out: list[str] = []
    fence = ""
    for line in body.splitlines(keepends=True):
        match = _FENCE.match(line)
        if not fence:
            opens = match is not None and not (
                match.group(1)[0] == "`" and "`" in line[match.end() :]
            )
            if not opens or match is None:
                out.append(line)
                continue
            fence = match.group(1)
        elif (
            match is not None
            and match.group(1)[0] == fence[0]
            and len(match.group(1)) >= len(fence)
            and not line[match.end() :].strip()
        ):
            fence = ""
        out.append(re.sub(r"[^\r\n]", " ", line))
    return "".join(out)
