"""Where each part of a loaded document is in its file, so a problem's path becomes line:col.

The map records, for every path in the document (``("quotes", 2, "expert")``), the 1-based
position of the value and, for mapping entries, of the key. ``locate`` answers with the
deepest recorded ancestor-or-self, so a problem about a field that is missing points at the
mapping that lacks it, and a problem about a list item's reference points at that item.
"""

from __future__ import annotations

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from presskit.model.problems import Where
from presskit.storage.composer import REFUSED_TAG

Position = tuple[int, int]


class SourceMap:
    """Positions (1-based line, column) of values and keys, by document path."""

    def __init__(self) -> None:
        self._values: dict[Where, Position] = {}
        self._keys: dict[Where, Position] = {}

    def add(self, where: Where, value: Position, key: Position | None = None) -> None:
        """Record ``where``; the first record of a path wins (later ones are duplicates)."""
        self._values.setdefault(where, value)
        if key is not None:
            self._keys.setdefault(where, key)

    def locate(self, where: Where) -> Position | None:
        """The value position of ``where`` or of its deepest recorded ancestor."""
        for depth in range(len(where), -1, -1):
            found = self._values.get(where[:depth])
            if found is not None:
                return found
        return None

    def locate_key(self, where: Where) -> Position | None:
        """The position of the key of the mapping entry ``where``, if it is one."""
        return self._keys.get(where)

    def __contains__(self, where: object) -> bool:
        return where in self._values

    def __len__(self) -> int:
        return len(self._values)

    @classmethod
    def from_node(cls, root: Node | None) -> SourceMap:
        """Map every path under ``root`` (refused nodes and their contents are left out)."""
        source_map = cls()
        if root is None:
            return source_map
        # The two tables filled in directly, and only collections stacked (a scalar has
        # nothing below it): two thirds of a kit's nodes are scalars, and this walk took a
        # tenth of reading a 1,000-quote kit.
        values, keys = source_map._values, source_map._keys
        stack: list[tuple[Where, Node]] = [((), root)]
        values[()] = _position(root)
        while stack:
            where, node = stack.pop()
            if node.tag == REFUSED_TAG:
                continue
            if isinstance(node, SequenceNode):
                for index, item in enumerate(node.value):
                    path: Where = (*where, index)
                    if path not in values:
                        mark = item.start_mark
                        values[path] = (mark.line + 1, mark.column + 1)
                    if not isinstance(item, ScalarNode):
                        stack.append((path, item))
            elif isinstance(node, MappingNode):
                for key, value in node.value:
                    if not isinstance(key, ScalarNode) or key.tag == REFUSED_TAG:
                        continue
                    path = (*where, key.value)
                    if path not in values:
                        mark = value.start_mark
                        values[path] = (mark.line + 1, mark.column + 1)
                    if path not in keys:
                        mark = key.start_mark
                        keys[path] = (mark.line + 1, mark.column + 1)
                    if not isinstance(value, ScalarNode):
                        stack.append((path, value))
        return source_map


def _position(node: Node) -> Position:
    return node.start_mark.line + 1, node.start_mark.column + 1
