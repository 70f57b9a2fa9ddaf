"""The logical structure of one kit: struct elements in reading order, and what each one holds.

A :class:`Node` is one structure element (``H1``, ``P``, ``BlockQuote``, ``Figure``…). The
section builders create the nodes in the order a reader reads the kit and hang each on the
flowable that draws it (:meth:`StructTree.mark`); drawing then adds to each node the
marked-content ids (:class:`MarkedContent`) and link annotations (:class:`ObjectRef`) that
belong to it, wherever on whatever page that happens — a paragraph split across two pages is
one node with content on both. Pure data: no ReportLab, no PDF objects (``tagging.writer``
turns the tree into those).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class MarkedContent:
    """One ``BDC … EMC`` sequence: its id on its page, and that page (a PDF reference)."""

    page: Any
    mcid: int


@dataclass(frozen=True)
class ObjectRef:
    """An annotation (a link) that belongs to the node, on ``page``."""

    annotation: Any
    page: Any


@dataclass(eq=False)
class Node:
    """A structure element. Copies of a flowable (ReportLab copies some) share the node."""

    role: str
    parent: Node | None = None
    alt: str = ""
    kids: list[Node | MarkedContent | ObjectRef] = field(default_factory=list)
    #: ``/Lang`` of an element in another language than the document's (a ``Span``).
    lang: str = ""

    def add(self, role: str, alt: str = "") -> Node:
        node = Node(role, self, alt)
        self.kids.append(node)
        return node

    # A node is an identity, not a value: a deep copy of a flowable must keep pointing at it.
    def __copy__(self) -> Node:
        return self

    def __deepcopy__(self, memo: dict[int, Any]) -> Node:
        return self


class StructTree:
    """The tree of one render, rooted in a ``Document`` element."""

    def __init__(self) -> None:
        self.root = Node("Document")

    def group(self, role: str, parent: Node | None = None, alt: str = "") -> Node:
        """A new element under ``parent`` (the document if none), after its other kids."""
        return (parent or self.root).add(role, alt)

    def mark(self, flowable: Any, role: str, parent: Node | None = None,
             alt: str = "") -> Any:
        """Give ``flowable`` a new element of ``role``: what it draws becomes that element."""
        flowable.tag = self.group(role, parent, alt)
        return flowable
