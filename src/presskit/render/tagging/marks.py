"""Marked content on the canvas: each element's drawing in ``BDC … EMC``, the rest artifacts.

A :class:`Tagger` rides on the canvas of one tagged render (``canvas.tagger``). ``tagged``
wraps what a flowable draws in ``/P <</MCID n>> BDC … EMC`` and records ``n`` on the
flowable's node; ``artifact`` wraps running heads, footers, folios, rules, box backgrounds
and watermarks in ``/Artifact <</Type /Pagination>> BDC … EMC``. Both go through the canvas's
public ``addLiteral``. On a canvas without a tagger both do nothing, so an untagged export is
byte for byte what it was before tagging existed.

Marked content never nests here: a tagged or artifact sequence opened inside another one adds
nothing (its content belongs to the outer one), which keeps every MCID in exactly one
sequence.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from reportlab.pdfbase.pdfdoc import PDFString

from presskit.render.tagging.tree import MarkedContent, Node, ObjectRef, StructTree

#: What an artifact is (ISO 32000-1, 14.8.2.2.2): page furniture, or layout decoration.
PAGINATION = "Pagination"
LAYOUT = "Layout"


@dataclass
class PageRecord:
    """A finished page: its reference, its parent-tree key, the node of each of its MCIDs."""

    ref: Any
    key: int
    nodes: list[Node]


@dataclass
class Tagger:
    """The marked-content bookkeeping of one tagged render."""

    tree: StructTree
    pages: list[PageRecord] = field(default_factory=list)
    #: Parent-tree keys of the link annotations, each with its ``Link`` element.
    annotations: list[tuple[int, Node]] = field(default_factory=list)
    next_key: int = 0
    _page_nodes: list[Node] = field(default_factory=list)
    _open: list[Node | None] = field(default_factory=list)  # None: an artifact is open
    _page_links: int = 0
    #: Links whose text is being drawn (:mod:`~presskit.render.tagging.inline`), waiting for
    #: their annotations: ``[url, Link element, still open]``.
    pending: list[list[Any]] = field(default_factory=list)
    #: The paragraph being drawn with its elements inside its text object, and its element.
    inline: tuple[Any, Node] | None = None

    # -- marked content ---------------------------------------------------------------------

    def mark(self, node: Node, canv: Any) -> str:
        """A new marked-content id on this page for ``node``; the operator that opens it."""
        mcid = len(self._page_nodes)
        self._page_nodes.append(node)
        node.kids.append(MarkedContent(canv._doc.thisPageRef(), mcid))
        return f"/{node.role} <</MCID {mcid}>> BDC"

    def unmark(self, node: Node, canv: Any) -> None:
        """Take back the id :meth:`mark` just gave ``node``: its content went elsewhere."""
        self._page_nodes.pop()
        node.kids.pop()

    def begin(self, canv: Any, node: Node) -> bool:
        if self._open:
            return False
        canv.addLiteral(self.mark(node, canv))
        self._open.append(node)
        return True

    def begin_inline(self, paragraph: Any, node: Node) -> bool:
        """``paragraph`` (of ``node``) is about to be drawn with its elements inside its text
        object; False if it is inside other marked content, which it cannot be nested in."""
        if self._open:
            return False
        self.inline = (paragraph, node)
        self._open.append(node)
        return True

    def end_inline(self) -> None:
        self._open.pop()
        self.inline = None
        self.pending.clear()

    def begin_artifact(self, canv: Any, kind: str) -> bool:
        if self._open:
            return False
        canv.addLiteral(f"/Artifact <</Type /{kind}>> BDC")
        self._open.append(None)
        return True

    def end(self, canv: Any) -> None:
        self._open.pop()
        canv.addLiteral("EMC")

    # -- links and pages --------------------------------------------------------------------

    def link_entries(self, url: str) -> tuple[dict[str, Any], Node | None]:
        """Extra entries for a link annotation about to be made, and its ``Link`` element
        (None outside tagged content, where the link gets only its description)."""
        entries: dict[str, Any] = {"Contents": PDFString(link_description(url))}
        link: Node | None = None
        for index, (address, drawn, still_open) in enumerate(self.pending):
            if address == url:
                link = drawn
                if not still_open:
                    del self.pending[index]
                break
        if link is None:
            owner = self._open[-1] if self._open else None
            if owner is None:
                return entries, None
            link = owner.add("Link")
        entries["StructParent"] = self.next_key
        self.annotations.append((self.next_key, link))
        self.next_key += 1
        return entries, link

    def link_made(self, canv: Any, link: Node | None, annotation: Any) -> None:
        self._page_links += 1
        if link is not None:
            link.kids.append(ObjectRef(annotation, canv._doc.thisPageRef()))

    def page_ending(self, canv: Any) -> tuple[int, bool]:
        """Called just before the page is shown: its parent-tree key, and whether it has
        annotations (its page dictionary then says ``/Tabs /S``)."""
        key = self.next_key
        self.next_key += 1
        self.pages.append(PageRecord(canv._doc.thisPageRef(), key, self._page_nodes))
        has_links = self._page_links > 0
        self._page_nodes, self._page_links = [], 0
        return key, has_links


def link_description(url: str) -> str:
    """What a link annotation's ``/Contents`` says: where the link goes."""
    if url.lower().startswith("mailto:"):
        return f"E-mail {url[7:]}"
    if url.lower().startswith("tel:"):
        return f"Call {url[4:]}"
    return f"Link to {url}"


def tagger_of(canv: Any) -> Tagger | None:
    tagger: Tagger | None = getattr(canv, "tagger", None)
    return tagger


@contextmanager
def tagged(canv: Any, node: Node | None) -> Iterator[None]:
    """What is drawn inside belongs to ``node`` (nothing happens without a tagger or node)."""
    tagger = tagger_of(canv)
    opened = tagger is not None and node is not None and tagger.begin(canv, node)
    try:
        yield
    finally:
        if opened:
            assert tagger is not None
            tagger.end(canv)


@contextmanager
def artifact(canv: Any, kind: str = PAGINATION) -> Iterator[None]:
    """What is drawn inside is an artifact of ``kind`` (pagination or layout)."""
    tagger = tagger_of(canv)
    opened = tagger is not None and tagger.begin_artifact(canv, kind)
    try:
        yield
    finally:
        if opened:
            assert tagger is not None
            tagger.end(canv)
