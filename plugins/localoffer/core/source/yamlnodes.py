"""YAML with positions: parse a document into Python data, and say where each value was typed.

A validation error at ``('documents', 0, 'file')`` is reported at the line and column where the
editor typed it. Duplicate keys, which YAML parsers silently accept, are reported too. PyYAML's
C parser is used when it is available.

Positions come from the document's node tree, which is composed only when a problem must be
placed (``YamlSource.root``): reading a ten-year archive composed 14,000 trees to place a few
hundred problems. Data is built straight from the parser's events (``_fast_data``), and any
document the fast reader does not handle exactly as the node-tree reader would (duplicate keys,
anchors and aliases, explicit tags, merge keys, keys that are not plain values, more than one
document, syntax errors, very deep or very large documents) is read by the node-tree reader,
which explains it.

Both readers take unquoted values as ``yaml_schema`` says: ``No``, ``on`` and ``1:20`` are text,
as the CMS, which writes YAML 1.2, means them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml
from yaml.events import (
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from localoffer.core.source.yaml_errors import (
    Position,
    YamlSyntaxError,
    reader_error,
    syntax_error,
)
from localoffer.core.source.yaml_schema import RecordResolver

__all__ = [
    "DuplicateKey",
    "Position",
    "YamlDocument",
    "YamlSource",
    "YamlSyntaxError",
    "parse_yaml",
]

try:  # pragma: no cover - depends on how PyYAML was built
    from yaml import CSafeLoader as _SafeLoader
    from yaml._yaml import CParser as _Parser
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Parser  # type: ignore[assignment]
    from yaml import SafeLoader as _SafeLoader  # type: ignore[assignment]


class _Loader(_SafeLoader):
    """The node-tree reader: PyYAML's safe loader, reading plain values as the fast one does."""

    yaml_implicit_resolvers = RecordResolver.yaml_implicit_resolvers


_constructor = yaml.constructor.SafeConstructor()


@dataclass(frozen=True)
class DuplicateKey:
    key: str
    position: Position
    first: Position


_UNSET: Any = object()


class YamlSource:
    """Where each value of one YAML document was typed.

    Keeps the YAML text, not its node tree: the tree is composed on first use, when a problem
    must be placed, and kept from then on.
    """

    __slots__ = ("_root", "line_offset", "text")

    def __init__(self, text: str, line_offset: int = 0, root: Node | None = _UNSET) -> None:
        self.text = text
        self.line_offset = line_offset
        self._root = root

    @property
    def composed(self) -> bool:
        """Whether the node tree has been composed (once a position was asked for)."""
        return self._root is not _UNSET

    @property
    def root(self) -> Node | None:
        if self._root is _UNSET:
            self._root = _compose_root(self.text)
        root: Node | None = self._root
        return root

    def position_of(self, node: Node) -> Position:
        mark = node.start_mark
        return Position(mark.line + 1 + self.line_offset, mark.column + 1)

    def start(self) -> Position:
        root = self.root
        if root is None:
            return Position(1 + self.line_offset, 1)
        return self.position_of(root)

    def locate(self, loc: tuple[int | str, ...], *, key: bool = False) -> Position:
        """The position of the value at ``loc`` (or of its key, with ``key=True``).

        Where the path runs out (a missing field), the nearest existing parent is given: the
        key of the mapping the field is missing from, so the editor lands on the right block.
        """
        node = self.root
        if node is None:
            return self.start()
        key_node: Node | None = None
        for part in loc:
            found = _child(node, part)
            if found is None:
                return self.position_of(key_node or node)
            key_node, node = found
        if key and key_node is not None:
            return self.position_of(key_node)
        return self.position_of(node)

    def is_group(self, loc: tuple[int | str, ...]) -> bool:
        """Whether the value at ``loc`` is a block of fields (a mapping) that has a key."""
        node = self.root
        key_node: Node | None = None
        for part in loc:
            if node is None:
                return False
            found = _child(node, part)
            if found is None:
                return False
            key_node, node = found
        return isinstance(node, MappingNode) and key_node is not None


@dataclass
class YamlDocument:
    """Parsed data, where it was typed (``source``), and the keys given twice."""

    data: Any
    source: YamlSource
    duplicates: list[DuplicateKey]

    @property
    def root(self) -> Node | None:
        return self.source.root

    @property
    def line_offset(self) -> int:
        return self.source.line_offset

    def position_of(self, node: Node) -> Position:
        return self.source.position_of(node)

    def start(self) -> Position:
        return self.source.start()

    def locate(self, loc: tuple[int | str, ...], *, key: bool = False) -> Position:
        return self.source.locate(loc, key=key)

    def is_group(self, loc: tuple[int | str, ...]) -> bool:
        return self.source.is_group(loc)


def _child(node: Node, part: int | str) -> tuple[Node | None, Node] | None:
    if isinstance(node, SequenceNode):
        if isinstance(part, int) and 0 <= part < len(node.value):
            return None, node.value[part]
        return None
    if part == 0 and isinstance(part, int):
        return None, node  # a single value (or one group of fields) given where a list is expected
    if isinstance(node, MappingNode):
        found = None
        for key_node, value_node in _merge_keys(node):
            if isinstance(key_node, ScalarNode) and str(key_node.value) == str(part):
                found = key_node, value_node  # the last one wins, as in the data
        return found
    return None


MAX_NODES = 100_000
MAX_DEPTH = 200


def parse_yaml(text: str, line_offset: int = 0) -> YamlDocument:
    """Parse one YAML document. Raises YamlSyntaxError with a plain message and a position."""
    try:
        data = _fast_data(text)
    except Exception:  # anything unusual, syntax errors too: the node-tree reader explains it
        return _parse_with_nodes(text, line_offset)
    return YamlDocument(data, YamlSource(text, line_offset), [])


def _parse_with_nodes(text: str, line_offset: int) -> YamlDocument:
    try:
        nodes = list(yaml.compose_all(text, Loader=_Loader))
    except yaml.MarkedYAMLError as exc:
        raise syntax_error(exc, text, line_offset) from None
    except yaml.reader.ReaderError as exc:
        raise reader_error(exc, text, line_offset) from None
    except RecursionError:
        raise YamlSyntaxError(
            "the YAML is nested too deeply to read: check the brackets and indentation",
            Position(1 + line_offset, 1),
        ) from None
    except yaml.YAMLError as exc:  # pragma: no cover - unmarked errors are rare
        raise YamlSyntaxError(
            f"this is not valid YAML ({exc})", Position(1 + line_offset, 1)
        ) from None
    documents = [node for node in nodes if not _is_empty_document(node)]
    if len(documents) > 1:
        second = documents[1].start_mark.line + 1 + line_offset
        raise YamlSyntaxError(
            f"a line '---' splits this into more than one set of fields (the second starts on "
            f"line {second}): a record is one set of fields, so remove the extra '---'",
            Position(second, 1),
        )
    root = documents[0] if documents else None
    source = YamlSource(text, line_offset, root)
    duplicates: list[DuplicateKey] = []
    data = None if root is None else _Builder(source, duplicates).build(root)
    return YamlDocument(data, source, duplicates)


def _compose_root(text: str) -> Node | None:
    """The node tree of a document that has already been read once (so it is valid)."""
    nodes = yaml.compose_all(text, Loader=_Loader)
    documents = [node for node in nodes if not _is_empty_document(node)]
    return documents[0] if documents else None


def _is_empty_document(node: Node | None) -> bool:
    """An empty document, such as the nothing after a closing '---' at the end of a file."""
    return node is None or (
        isinstance(node, ScalarNode) and node.tag == "tag:yaml.org,2002:null" and node.value == ""
    )


class _Builder:
    """Python data from a node tree, reporting duplicate keys and refusing runaway aliases."""

    def __init__(self, source: YamlSource, duplicates: list[DuplicateKey]) -> None:
        self.source = source
        self.duplicates = duplicates
        self.count = 0
        self.path: list[int] = []

    def build(self, node: Node) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise YamlSyntaxError(
                "the file is too large to read, or its aliases (*name) repeat it too many times",
                self.source.position_of(node),
            )
        if id(node) in self.path or len(self.path) > MAX_DEPTH:
            raise YamlSyntaxError(
                "the YAML is nested too deeply (or an alias *name refers to itself): "
                "check the brackets and indentation",
                self.source.position_of(node),
            )
        self.path.append(id(node))
        try:
            return self._build(node)
        finally:
            self.path.pop()

    def _build(self, node: Node) -> Any:
        source = self.source
        if isinstance(node, MappingNode):
            result: dict[Any, Any] = {}
            seen: dict[Any, Node] = {}
            for key_node, value_node in _merge_keys(node):
                key = self.build(key_node)
                if not isinstance(key, (str, int, float, bool)) and key is not None:
                    key = str(key)
                if key in seen:
                    self.duplicates.append(
                        DuplicateKey(
                            str(key),
                            source.position_of(key_node),
                            source.position_of(seen[key]),
                        )
                    )
                seen[key] = key_node
                result[key] = self.build(value_node)
            return result
        if isinstance(node, SequenceNode):
            return [self.build(child) for child in node.value]
        if isinstance(node, ScalarNode):
            return _scalar(node)
        return None  # pragma: no cover


_SCALAR_TAGS = {
    f"tag:yaml.org,2002:{name}" for name in ("null", "bool", "int", "float", "timestamp", "str")
}
_STR_TAG = "tag:yaml.org,2002:str"
_MERGE_TAG = "tag:yaml.org,2002:merge"


class _Unusual(Exception):
    """Something the fast reader leaves to the node-tree reader."""


def _fast_data(text: str) -> Any:
    """The data of a document read from the parser's events, with no node tree.

    Gives exactly what ``_Builder`` gives from the node tree, or raises for anything unusual
    (see the module's docstring), and for syntax errors.
    """
    parser = _Parser(text)
    try:
        get = parser.get_event
        get()  # the start of the stream
        if isinstance(get(), StreamEndEvent):
            return None  # no document at all (only comments)
        events = _Events(get, _plain_values())
        data = events.value(get(), 0)
        get()  # the end of the document
        if not isinstance(get(), StreamEndEvent) or events.count > MAX_NODES // 2:
            raise _Unusual  # a second document, or a very large one
        return data
    finally:
        parser.dispose()


class _PlainValues:
    """What each plain (unquoted) value means, as the node-tree reader would take it.

    YAML reads unquoted ``true``, ``2026-11-23`` or ``12`` as a boolean, a date or a number,
    by the first character and a pattern (``yaml_schema``'s), then constructs the value. Every
    value that could be one starts with one of a few characters; the others are text as they
    are. Read values are immutable (None, bool, int, float, str, date, datetime) so they are
    shared between files, and forgotten whenever the patterns change.
    """

    LIMIT = 50_000

    def __init__(self) -> None:
        self.resolver = RecordResolver()
        self.signature: tuple[int, int] = (0, 0)
        self.known: dict[str, Any] = {}

    def starts(self) -> dict[Any, Any]:
        """The table of patterns by first character (refreshing the cache if it changed)."""
        table: dict[Any, Any] = self.resolver.yaml_implicit_resolvers
        signature = (id(table), sum(map(len, table.values())))
        if signature != self.signature or len(self.known) > self.LIMIT:
            self.known = {}
            self.signature = signature
        if None in table or self.resolver.yaml_path_resolvers:
            raise _Unusual  # patterns for every value, or by path: not in PyYAML's safe set
        return table

    def read(self, value: str) -> Any:
        tag = self.resolver.resolve(ScalarNode, value, (True, False))  # type: ignore[no-untyped-call]
        if tag == _MERGE_TAG:
            raise _Unusual
        result: Any = value
        if tag != _STR_TAG and tag in _SCALAR_TAGS:
            result = _scalar(ScalarNode(tag, value))
        self.known[value] = result
        return result


_PLAIN = _PlainValues()


def _plain_values() -> _PlainValues:
    if _Loader.yaml_implicit_resolvers is not RecordResolver.yaml_implicit_resolvers:
        raise _Unusual  # someone added patterns to the loader: leave it to the node-tree reader
    return _PLAIN


class _Events:
    """Data from a stream of parser events, counted as ``_Builder`` counts nodes."""

    __slots__ = ("count", "get", "known", "plain", "starts")

    def __init__(self, get: Any, plain: _PlainValues) -> None:
        self.get = get
        self.plain = plain
        self.starts = plain.starts()
        self.known = plain.known
        self.count = 0

    def scalar(self, event: Any) -> Any:
        if event.anchor is not None or event.tag is not None:
            raise _Unusual
        value: str = event.value
        if not event.implicit[0] or (value and value[0] not in self.starts):
            return value  # quoted, a block of text, or plain text that cannot be anything else
        result = self.known.get(value, _UNSET)
        if result is _UNSET:
            return self.plain.read(value)
        return result

    def value(self, event: Any, depth: int) -> Any:
        kind = event.__class__
        if kind is ScalarEvent:
            self.count += 1
            return self.scalar(event)
        if depth > MAX_DEPTH // 2 or event.anchor is not None or event.tag is not None:
            raise _Unusual
        get = self.get
        scalar = self.scalar
        count = 1
        if kind is MappingStartEvent:
            mapping: dict[Any, Any] = {}
            while True:
                event = get()
                kind = event.__class__
                if kind is MappingEndEvent:
                    self.count += count
                    return mapping
                if kind is not ScalarEvent:
                    raise _Unusual  # a key that is a list or a group of fields
                key = scalar(event)
                if key.__class__ is not str and not isinstance(key, str | int | float | bool):
                    key = key if key is None else str(key)
                if key in mapping:
                    raise _Unusual  # given twice: the node-tree reader says where
                event = get()
                if event.__class__ is ScalarEvent:
                    count += 2
                    mapping[key] = scalar(event)
                else:
                    count += 1
                    mapping[key] = self.value(event, depth + 1)
        if kind is SequenceStartEvent:
            items: list[Any] = []
            append = items.append
            while True:
                event = get()
                kind = event.__class__
                if kind is SequenceEndEvent:
                    self.count += count
                    return items
                if kind is ScalarEvent:
                    count += 1
                    append(scalar(event))
                else:
                    append(self.value(event, depth + 1))
        raise _Unusual  # an alias (*name)


def _scalar(node: ScalarNode) -> Any:
    """The scalar's value; text as typed when YAML's own reading of it fails (2026-02-30)."""
    constructor = _constructor.yaml_constructors.get(node.tag)
    if constructor is None or node.tag not in _SCALAR_TAGS:
        return node.value
    try:
        return constructor(_constructor, node)
    except Exception:  # any failure keeps the text as typed, which validation then explains
        return node.value


def _merge_keys(node: MappingNode) -> list[tuple[Node, Node]]:
    pairs: list[tuple[Node, Node]] = []
    for key_node, value_node in node.value:
        if key_node.tag == "tag:yaml.org,2002:merge":
            sources = value_node.value if isinstance(value_node, SequenceNode) else [value_node]
            for source in sources:
                if isinstance(source, MappingNode) and source is not node:
                    pairs.extend(_merge_keys(source))
        else:
            pairs.append((key_node, value_node))
    return pairs
