"""Bold and italic in every script: a Korean or Chinese name in a bold heading prints bold next
to its bold Latin, an italic title slants its CJK too, and the words come out as typed.

The PDF's content streams are read with pikepdf, tracking the text render mode (``Tr``), the
line width (``w``) and the text matrix (``Tm``) in effect for every piece of text shown in the
bundled CJK font (WenQuanYi Micro Hei, which has only a regular face).
"""

from __future__ import annotations

import io
from dataclasses import dataclass

import pikepdf
import pytest
from support.pdf_reading import squash, text
from support.render_fixtures import seed_kit

from presskit.model import Kit, LeadSection
from presskit.render import RenderedPdf, render_pdf

NAME = "김민준 (Kim Min-jun)"
OTHER = "山田 花子 (Hanako Yamada)"


@dataclass(frozen=True)
class Shown:
    """One text-showing operator: the font's name, and the state it was drawn in."""

    font: str
    mode: int
    line_width: float
    skew: float  # the text matrix's c / d: 0 upright, tan(12°) slanted


def _shown(pdf: pikepdf.Pdf, stream: object, resources: pikepdf.Dictionary) -> list[Shown]:
    fonts = {str(k): str(v.get("/BaseFont", "")) for k, v in resources.get("/Font", {}).items()}
    stack: list[tuple[int, float]] = []
    mode, width, skew, font = 0, 1.0, 0.0, ""
    found: list[Shown] = []
    for operands, op in pikepdf.parse_content_stream(stream):
        name = str(op)
        if name == "q":
            stack.append((mode, width))
        elif name == "Q":
            mode, width = stack.pop()
        elif name == "Tr":
            mode = int(operands[0])
        elif name == "w":
            width = float(operands[0])
        elif name == "Tm":
            a, b, c, d = (float(x) for x in operands[:4])
            skew = c / d if d else 0.0
        elif name == "Tf":
            font = fonts.get(str(operands[0]), "")
        elif name in ("Tj", "TJ", "'", '"'):
            found.append(Shown(font, mode, width, skew))
    return found


def shown(data: bytes) -> list[Shown]:
    """Every piece of text on every page, and in the forms the pages draw."""
    pdf = pikepdf.open(io.BytesIO(data))
    found: list[Shown] = []
    for page in pdf.pages:
        found += _shown(pdf, page.obj, page.Resources)
        for xobject in page.Resources.get("/XObject", {}).values():
            if xobject.get("/Subtype") == "/Form":
                found += _shown(pdf, xobject, xobject.get("/Resources", page.Resources))
    return found


def _cjk(found: list[Shown]) -> list[Shown]:
    return [s for s in found if "WenQuanYi" in s.font]


def _kit() -> Kit:
    kit = seed_kit()
    kit.experts[0].name = NAME  # names print bold
    kit.experts[1].name = OTHER
    kit.experts[0].title = "Senior Fellow, 東京 office"  # titles print italic
    lead = next(s for s in kit.sections if isinstance(s, LeadSection))
    lead.text = f"Our experts {NAME} and 山田 花子 comment. " + lead.text  # regular text
    return kit


@pytest.fixture(scope="module")
def bold_cjk_pdf() -> RenderedPdf:
    return render_pdf(_kit(), invariant=True)


def test_cjk_in_a_bold_name_is_drawn_bold_and_in_regular_text_regular(
        bold_cjk_pdf: RenderedPdf) -> None:
    cjk = _cjk(shown(bold_cjk_pdf.data))
    bold = [s for s in cjk if s.mode == 2]
    regular = [s for s in cjk if s.mode == 0]
    assert bold and regular
    # Filled and stroked, with a stroke that grows with the type size (1/30 em: 0.3–1 pt).
    assert all(0.2 < s.line_width < 1.5 for s in bold)
    # The Latin of the same names has a real bold face, drawn filled as ever.
    assert all(s.mode == 0 for s in shown(bold_cjk_pdf.data) if "Bold" in s.font)


def test_cjk_in_an_italic_title_is_slanted_and_upright_text_is_not(
        bold_cjk_pdf: RenderedPdf) -> None:
    cjk = _cjk(shown(bold_cjk_pdf.data))
    assert any(abs(s.skew - 0.2126) < 0.001 for s in cjk)  # tan(12°)
    assert any(s.skew == 0 for s in cjk)
    assert all(s.skew == 0 for s in shown(bold_cjk_pdf.data) if "WenQuanYi" not in s.font)


def test_bold_and_slanted_cjk_copies_out_as_typed(bold_cjk_pdf: RenderedPdf) -> None:
    copied = text(bold_cjk_pdf.data)
    assert f"{NAME}, Senior Fellow, 東京 office" in copied
    assert OTHER in copied
    assert f"Our experts {NAME} and 山田 花子 comment." in copied
    # The same words, slanted and stroked, in the untagged render (no tree to lean on).
    untagged = render_pdf(_kit(), invariant=True, tagged=False)
    assert _cjk(shown(untagged.data)) == _cjk(shown(bold_cjk_pdf.data))
    assert squash(text(untagged.data)) == squash(copied)  # tagging handles line ends itself
