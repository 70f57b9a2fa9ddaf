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
from reportlab.pdfbase.pdfdoc import format as pdf_format

from presskit.render.tagging.marks import Tagger
from presskit.render.tagging.packing import pack
from presskit.render.tagging.tree import MarkedContent, Node, ObjectRef
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
        if isinstance(kid, MarkedContent | ObjectRef):
            return kid.page
    return None


class StructElem(PDFObject):  # type: ignore[misc]  # ReportLab has no type stubs
    """One structure element, written compactly.

    A long kit has thousands of elements, each an indirect object of a few keys: formatted
    by hand (no optional ``/Type``, no line breaks) they cost a third fewer bytes than
    ReportLab's general dictionary and take a fraction of its time.
    """

    def __init__(self, role: str, parent: Any) -> None:
        self.role = role
        self.parent = parent
        self.page: Any = None
        self.alt = ""
        self.lang = ""
        self.kids: Any = None

    def format(self, document: Any) -> bytes:
        parts = [b"<</S/", self.role.encode("ascii"), b"/P ", self.parent.format(document)]
        if self.page is not None:
            parts += [b"/Pg ", self.page.format(document)]
        if self.alt:
            parts += [b"/Alt", PDFString(self.alt).format(document)]
        if self.lang:
            parts += [b"/Lang", PDFString(self.lang).format(document)]
        if self.kids is not None:
            parts += [b"/K ", pdf_format(self.kids, document)]
        parts.append(b">>")
        return b"".join(parts)


def _element(node: Node, parent: Any, doc: Any, refs: dict[int, Any]) -> Any:
    element = StructElem(node.role, parent)
    ref = doc.Reference(element)
    refs[id(node)] = ref
    page = _page_of(node)
    element.page = page
    element.alt = node.alt
    element.lang = node.lang
    kids: list[Any] = []
    for kid in node.kids:
        if isinstance(kid, Node):
            if kid.has_content():
                kids.append(_element(kid, ref, doc, refs))
        elif isinstance(kid, MarkedContent):
            if kid.page == page:
                kids.append(kid.mcid)
            else:
                kids.append(PDFDictionary({"Type": PDFName("MCR"), "Pg": kid.page,
                                           "MCID": kid.mcid}))
        else:
            kids.append(PDFDictionary({"Type": PDFName("OBJR"), "Pg": kid.page,
                                       "Obj": kid.annotation}))
    # One kid stands alone (a heading's one MCID), as most writers do: some checkers read
    # ``/K`` only that way.
    element.kids = kids[0] if len(kids) == 1 else PDFArray(kids)
    return ref


def write(canv: Any, tagger: Tagger, metadata: Metadata) -> None:
    """Put the tree, the parent tree, ``/MarkInfo`` and the XMP metadata into the PDF."""
    doc = canv._doc
    root = PDFDictionary({"Type": PDFName("StructTreeRoot")})
    root_ref = doc.Reference(root)
    refs: dict[int, Any] = {}
    root["K"] = PDFArray([_element(tagger.tree.root, root_ref, doc, refs)])
    numbers: list[tuple[int, Any]] = [
        (page.key, PDFArray([refs[id(node)] for node in page.nodes])) for page in tagger.pages
    ]
    numbers += [(key, refs[id(link)]) for key, link in tagger.annotations if id(link) in refs]
    nums: list[Any] = []
    for key, value in sorted(numbers, key=lambda entry: entry[0]):
        nums += [key, value]
    parent_tree = doc.Reference(PDFDictionary({"Nums": PDFArray(nums)}))
    root["ParentTree"] = parent_tree
    root["ParentTreeNextKey"] = tagger.next_key
    pack(doc, {root_ref.name, parent_tree.name, *(ref.name for ref in refs.values())})
    canv.setCatalogEntry("StructTreeRoot", root)
    canv.setCatalogEntry("MarkInfo", PDFDictionary({"Marked": "true"}))
    canv.setCatalogEntry("Metadata", XMP(creator=lambda _doc: packet(metadata).encode("utf-8")))
