"""YAML with positions: parse a document into Python data and keep its node tree.

The node tree lets a validation error at ``('documents', 0, 'file')`` be reported at the line
and column where the editor typed it. Duplicate keys, which YAML parsers silently accept, are
reported too. PyYAML's C parser is used when it is available.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

try:  # pragma: no cover - depends on how PyYAML was built
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

_constructor = yaml.constructor.SafeConstructor()


@dataclass(frozen=True)
class Position:
    """A 1-based line and column in the file."""

    line: int
    column: int


@dataclass(frozen=True)
class DuplicateKey:
    key: str
    position: Position
    first: Position


class YamlSyntaxError(ValueError):
    def __init__(self, message: str, position: Position) -> None:
        super().__init__(message)
        self.position = position


@dataclass
class YamlDocument:
    """Parsed data, its node tree, and where in the file the YAML starts."""

    data: Any
    root: Node | None
    line_offset: int
    duplicates: list[DuplicateKey]

    def position_of(self, node: Node) -> Position:
        mark = node.start_mark
        return Position(mark.line + 1 + self.line_offset, mark.column + 1)

    def start(self) -> Position:
        if self.root is None:
            return Position(1 + self.line_offset, 1)
        return self.position_of(self.root)

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


def _child(node: Node, part: int | str) -> tuple[Node | None, Node] | None:
    if isinstance(node, MappingNode):
        for key_node, value_node in node.value:
            if isinstance(key_node, ScalarNode) and str(key_node.value) == str(part):
                return key_node, value_node
        return None
    if isinstance(node, SequenceNode) and isinstance(part, int):
        if 0 <= part < len(node.value):
            return None, node.value[part]
        return None
    if isinstance(node, ScalarNode) and part == 0:
        return None, node  # a single value given where a list is expected
    return None


def parse_yaml(text: str, line_offset: int = 0) -> YamlDocument:
    """Parse one YAML document. Raises YamlSyntaxError with a plain message and a position."""
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        raise _syntax_error(exc, text, line_offset) from None
    except yaml.YAMLError as exc:  # pragma: no cover - unmarked errors are rare
        raise YamlSyntaxError(
            f"this is not valid YAML ({exc})", Position(1 + line_offset, 1)
        ) from None
    duplicates: list[DuplicateKey] = []
    document = YamlDocument(None, root, line_offset, duplicates)
    if root is not None:
        document.data = _construct(root, document)
    return document


def _construct(node: Node, document: YamlDocument) -> Any:
    if isinstance(node, MappingNode):
        result: dict[Any, Any] = {}
        seen: dict[Any, Node] = {}
        merged = _merge_keys(node)
        for key_node, value_node in merged:
            key = _construct(key_node, document)
            if not isinstance(key, (str, int, float, bool)) and key is not None:
                key = str(key)
            if key in seen:
                document.duplicates.append(
                    DuplicateKey(
                        str(key), document.position_of(key_node), document.position_of(seen[key])
                    )
                )
            seen[key] = key_node
            result[key] = _construct(value_node, document)
        return result
    if isinstance(node, SequenceNode):
        return [_construct(child, document) for child in node.value]
    if isinstance(node, ScalarNode):
        constructor = _constructor.yaml_constructors.get(node.tag)
        if constructor is None:
            return node.value
        return constructor(_constructor, node)
    return None  # pragma: no cover


def _merge_keys(node: MappingNode) -> list[tuple[Node, Node]]:
    pairs: list[tuple[Node, Node]] = []
    for key_node, value_node in node.value:
        if key_node.tag == "tag:yaml.org,2002:merge":
            sources = value_node.value if isinstance(value_node, SequenceNode) else [value_node]
            for source in sources:
                if isinstance(source, MappingNode):
                    pairs.extend(_merge_keys(source))
        else:
            pairs.append((key_node, value_node))
    return pairs


def _syntax_error(exc: yaml.MarkedYAMLError, text: str, line_offset: int) -> YamlSyntaxError:
    mark = exc.problem_mark or exc.context_mark
    line = (mark.line if mark else 0) + 1
    column = (mark.column if mark else 0) + 1
    problem = (exc.problem or "").strip()
    lines = text.splitlines()
    source_line = lines[line - 1] if 0 < line <= len(lines) else ""
    if "\t" in problem or "'\\t'" in problem or ("\t" in source_line and "tab" not in problem):
        tab_col = source_line.find("\t")
        if tab_col >= 0:
            column = tab_col + 1
        message = "this line has a tab character: YAML needs spaces for indentation, not tabs"
    elif "mapping values are not allowed" in problem:
        message = (
            "there is a colon ':' the YAML cannot read here. If a value contains ': ', "
            "put the whole value in quotes"
        )
    elif "cannot start any token" in problem:
        message = (
            "a value cannot start with this character (such as @, ` or %): put the value in quotes"
        )
    elif "found unexpected end of stream" in problem or "did not find expected ',' or" in problem:
        message = "a quote or bracket opened here is never closed"
    elif "could not find expected ':'" in problem:
        message = "a line here is missing its ':' (every field is written as name: value)"
    elif "found undefined alias" in problem or "found unhashable key" in problem:
        message = f"{problem}: if you meant text starting with * or a list as a key, use quotes"
    elif "expected <block end>" in problem or "did not find expected key" in problem:
        message = (
            "the indentation is not consistent here: lines at the same level must start in the "
            "same column"
        )
    else:
        message = f"the YAML cannot be read here: {problem or exc}"
    return YamlSyntaxError(message, Position(line + line_offset, column))
