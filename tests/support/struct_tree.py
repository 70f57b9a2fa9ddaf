"""Reading a tagged PDF the way a screen reader does: the structure tree, its marked content,
the parent tree and the artifacts, with pikepdf (independent of the ReportLab objects that
wrote them)."""

from __future__ import annotations

import io
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pikepdf

#: Content-stream operators that put marks on the page: text, paths, images, shadings, forms.
PAINTING = frozenset({
    "Tj", "TJ", "'", '"', "Do", "S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "sh",
    "INLINE IMAGE",
})


@dataclass
class Element:
    role: str
    alt: str | None
    kids: list[Element] = field(default_factory=list)
    #: (page number from 1, MCID) of each marked-content item, in order.
    content: list[tuple[int, int]] = field(default_factory=list)
    #: Annotation objects referred to by OBJR.
    annotations: list[Any] = field(default_factory=list)
    obj: Any = None

    def walk(self) -> list[Element]:
        found = [self]
        for kid in self.kids:
            found += kid.walk()
        return found


class TaggedPdf:
    """A PDF opened with pikepdf, its tree read into :class:`Element`s."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.pdf = pikepdf.open(io.BytesIO(data))
        self.page_numbers = {page.obj.objgen: n for n, page in enumerate(self.pdf.pages, 1)}
        root = self.pdf.Root.get("/StructTreeRoot")
        self.root = None if root is None else self._element(root, "StructTreeRoot")

    def _element(self, obj: Any, role: str | None = None) -> Element:
        alt = obj.get("/Alt")
        element = Element(role or str(obj.get("/S"))[1:], None if alt is None else str(alt),
                          obj=obj)
        page = obj.get("/Pg")
        kids = obj.get("/K")
        if kids is None:
            kids = []
        elif not isinstance(kids, pikepdf.Array):
            kids = [kids]
        for kid in kids:
            if isinstance(kid, int):
                element.content.append((self.page_numbers[page.objgen], int(kid)))
            elif kid.get("/Type") == "/MCR":
                element.content.append((self.page_numbers[kid.Pg.objgen], int(kid.MCID)))
            elif kid.get("/Type") == "/OBJR":
                element.annotations.append(kid.Obj)
            else:
                element.kids.append(self._element(kid))
        return element

    # -- the parent tree --------------------------------------------------------------------

    def parent_tree(self) -> dict[int, Any]:
        """The number tree flattened: key → array (a page) or element (an annotation)."""
        found: dict[int, Any] = {}

        def walk(node: Any) -> None:
            nums = node.get("/Nums")
            if nums is not None:
                for index in range(0, len(nums), 2):
                    found[int(nums[index])] = nums[index + 1]
            for kid in node.get("/Kids", []):
                walk(kid)

        walk(self.pdf.Root.StructTreeRoot.ParentTree)
        return found

    # -- content streams --------------------------------------------------------------------

    def marked_content(self, page_number: int) -> tuple[list[int], list[str]]:
        """The MCIDs a page's content stream opens, and every painting operator found outside
        both tagged content and artifacts (with its position), which should be none."""
        page = self.pdf.pages[page_number - 1]
        # "mcid", "artifact" or "other" for each open sequence, "text" for a text object
        stack: list[str] = []
        mcids: list[int] = []
        loose: list[str] = []
        for n, (operands, operator) in enumerate(pikepdf.parse_content_stream(page)):
            name = str(operator)
            if name in ("BDC", "BMC"):
                tag = str(operands[0])
                props = operands[1] if name == "BDC" else None
                if tag == "/Artifact":
                    stack.append("artifact")
                elif isinstance(props, pikepdf.Dictionary) and "/MCID" in props:
                    assert "mcid" not in stack, f"page {page_number}: MCID nested in MCID"
                    mcids.append(int(props.MCID))
                    stack.append("mcid")
                else:
                    stack.append("other")
            elif name == "EMC":
                # Marked content and text objects nest (ISO 32000-1, 14.6): no EMC closes a
                # sequence opened outside the text object it is in.
                assert stack and stack[-1] != "text", f"page {page_number} op {n}: EMC crosses BT"
                stack.pop()
            elif name == "BT":
                stack.append("text")
            elif name == "ET":
                assert stack and stack[-1] == "text", f"page {page_number} op {n}: ET crosses BDC"
                stack.pop()
            elif name in PAINTING and not ({"mcid", "artifact"} & set(stack)):
                loose.append(f"page {page_number} op {n}: {name}")
        assert not stack, f"page {page_number}: unclosed marked content {stack}"
        return mcids, loose

    def struct_text(self) -> str:
        """``pdfinfo -struct-text`` of the PDF (poppler's reading of the tree)."""
        return struct_text(self.data)


def struct_text(data: bytes) -> str:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "kit.pdf"
        path.write_bytes(data)
        return subprocess.run(["pdfinfo", "-struct-text", str(path)], check=True,
                              capture_output=True, text=True).stdout
