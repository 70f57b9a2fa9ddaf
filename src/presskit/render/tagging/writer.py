"""The structure tree as PDF objects, written into the document when the canvas is saved.

Each :class:`~presskit.render.tagging.tree.Node` with content becomes a ``StructElem``
dictionary (``/S`` role, ``/P`` parent, ``/Pg`` its first page, ``/K`` its kids: child
elements, MCIDs — as plain integers on ``/Pg``, as ``MCR`` dictionaries on other pages — and
``OBJR``s to link annotations, ``/Alt`` for figures). The ``/ParentTree`` number tree maps each
page's ``/StructParents`` key to the array of elements by MCID, and each link annotation's
``/StructParent`` key to its ``Link`` element. Everything is made of ReportLab's ``pdfdoc``
objects and registered with the canvas's document; the catalog gets ``/StructTreeRoot``,
``/MarkInfo`` and the XMP ``/Metadata`` through ``Canvas.setCatalogEntry``.
"""

from __future__ import annotations

from typing import Any

from reportlab.pdfbase.pdfdoc import (
    XMP,
    PDFArray,
    PDFDictionary,
    PDFName,
    PDFObject,
    PDFPage,
    PDFString,
)

from presskit.render.tagging.marks import Tagger
from presskit.render.tagging.packing import pack
from presskit.render.tagging.tree import MarkedContent, Node
from presskit.render.tagging.xmp import Metadata, packet

#: The page dictionary keys ReportLab writes, and the two tagging adds.
_PAGE_KEYS = [*PDFPage.__NoDefault__, "StructParents", "Tabs"]


def mark_page(page: PDFPage, key: int, has_links: bool) -> None:
    """Give a shown page its ``/StructParents`` key (and ``/Tabs /S`` if it has links)."""
    page.__NoDefault__ = _PAGE_KEYS  # ReportLab writes exactly the keys this list names
    page.StructParents = key
    if has_links:
        page.Tabs = PDFName("S")


def _page_of(node: Node) -> Any:
    for kid in node.kids:
        if not isinstance(kid, Node):  # marked content or a link annotation
            return kid.page
    return None


def _ref(reference: Any, document: Any) -> bytes:
    """``n 0 R`` for a ``PDFObjectReference``: what its ``format`` writes, without the trip
    through ReportLab's PDFDocEncoding codec (a tenth of tagging's time in a long kit)."""
    return b"%d %d R" % document.idToObjectNumberAndVersion[reference.name]


def _kid_bytes(kid: Any, document: Any) -> bytes:
    if type(kid) is int:
        return b"%d" % kid
    if type(kid) is tuple:  # ("MCR", page, mcid) or ("OBJR", page, annotation)
        kind, page, item = kid
        if kind == "MCR":
            return b"<</Type/MCR/Pg %s/MCID %d>>" % (_ref(page, document), item)
        return b"<</Type/OBJR/Pg %s/Obj %s>>" % (_ref(page, document), _ref(item, document))
    return _ref(kid, document)


class StructElem(PDFObject):  # type: ignore[misc]  # ReportLab has no type stubs
    """One structure element, written compactly.

    A long kit has thousands of elements, each an object of a few keys: formatted by hand
    (no optional ``/Type``, no line breaks) they cost a third fewer bytes than ReportLab's
    general dictionary and take a fraction of its time.
    """

    def __init__(self, role: str, parent: Any) -> None:
        self.role = role
        self.parent = parent
        self.page: Any = None
        self.alt = ""
        self.lang = ""
        #: Child elements' references, MCIDs (ints) and ("MCR"|"OBJR", page, …) tuples.
        self.kids: list[Any] = []

    def format(self, document: Any) -> bytes:
        parts = [b"<</S/", self.role.encode("ascii"), b"/P ", _ref(self.parent, document)]
        if self.page is not None:
            parts += [b"/Pg ", _ref(self.page, document)]
        if self.alt:
            parts += [b"/Alt", PDFString(self.alt).format(document)]
        if self.lang:
            parts += [b"/Lang", PDFString(self.lang).format(document)]
        kids = [_kid_bytes(kid, document) for kid in self.kids]
        # One kid stands alone (a heading's one MCID), as most writers do: some checkers
        # read ``/K`` only that way.
        parts += [b"/K ", kids[0] if len(kids) == 1 else b"[" + b" ".join(kids) + b"]", b">>"]
        return b"".join(parts)


class ParentTree(PDFObject):  # type: ignore[misc]  # ReportLab has no type stubs
    """The parent tree, one flat number tree: each key with an element or an array of them."""

    def __init__(self, entries: list[tuple[int, Any]]) -> None:
        self.entries = entries

    def format(self, document: Any) -> bytes:
        parts = [b"<</Nums["]
        for key, value in self.entries:
            if isinstance(value, list):
                refs = b" ".join(_ref(ref, document) for ref in value)
                parts.append(b"%d [%s] " % (key, refs))
            else:
                parts.append(b"%d %s " % (key, _ref(value, document)))
        parts.append(b"]>>")
        return b"".join(parts)


def _drawn(root: Node) -> set[int]:
    """The ids of the nodes with content somewhere below them (one pass, leaves first)."""
    order, stack = [], [root]
    while stack:
        node = stack.pop()
        order.append(node)
        stack.extend(kid for kid in node.kids if isinstance(kid, Node))
    drawn: set[int] = set()
    for node in reversed(order):
        if any(not isinstance(kid, Node) or id(kid) in drawn for kid in node.kids):
            drawn.add(id(node))
    return drawn


def _element(node: Node, parent: Any, doc: Any, refs: dict[int, Any], drawn: set[int]) -> Any:
    element = StructElem(node.role, parent)
    ref = doc.Reference(element)
    refs[id(node)] = ref
    page = _page_of(node)
    element.page = page
    element.alt = node.alt
    element.lang = node.lang
    kids = element.kids
    for kid in node.kids:
        if isinstance(kid, Node):
            if id(kid) in drawn:
                kids.append(_element(kid, ref, doc, refs, drawn))
        elif isinstance(kid, MarkedContent):
            # Page references are made afresh for each mark (``thisPageRef``) and compare
            # by identity: the page is the same if its name is.
            same = kid.page.name == page.name
            kids.append(kid.mcid if same else ("MCR", kid.page, kid.mcid))
        else:
            kids.append(("OBJR", kid.page, kid.annotation))
    return ref


def write(canv: Any, tagger: Tagger, metadata: Metadata) -> None:
    """Put the tree, the parent tree, ``/MarkInfo`` and the XMP metadata into the PDF."""
    doc = canv._doc
    root = PDFDictionary({"Type": PDFName("StructTreeRoot")})
    root_ref = doc.Reference(root)
    refs: dict[int, Any] = {}
    drawn = _drawn(tagger.tree.root)
    root["K"] = PDFArray([_element(tagger.tree.root, root_ref, doc, refs, drawn)])
    numbers: list[tuple[int, Any]] = [
        (page.key, [refs[id(node)] for node in page.nodes]) for page in tagger.pages
    ]
    numbers += [(key, refs[id(link)]) for key, link in tagger.annotations if id(link) in refs]
    parent_tree = doc.Reference(ParentTree(sorted(numbers, key=lambda entry: entry[0])))
    root["ParentTree"] = parent_tree
    root["ParentTreeNextKey"] = tagger.next_key
    pack(doc, {root_ref.name, parent_tree.name, *(ref.name for ref in refs.values())})
    canv.setCatalogEntry("StructTreeRoot", root)
    canv.setCatalogEntry("MarkInfo", PDFDictionary({"Marked": "true"}))
    canv.setCatalogEntry("Metadata", XMP(creator=lambda _doc: packet(metadata).encode("utf-8")))
