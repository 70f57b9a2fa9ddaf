"""The lines of text on each page of a PDF, with where they sit and how big they are: what a
print designer measures with a ruler (characters per line, the empty space at a page's foot,
a lone word on a paragraph's last line), read back from the PDF with pypdf."""

from __future__ import annotations

import io
from dataclasses import dataclass

from pypdf import PdfReader


@dataclass(frozen=True)
class Line:
    """One line of text: its baseline (points from the page's foot), left edge, font size."""

    y: float
    x: float
    size: float
    text: str


def _matrix(a: list[float], b: list[float]) -> list[float]:
    return [a[0] * b[0] + a[1] * b[2], a[0] * b[1] + a[1] * b[3],
            a[2] * b[0] + a[3] * b[2], a[2] * b[1] + a[3] * b[3],
            a[4] * b[0] + a[5] * b[2] + b[4], a[4] * b[1] + a[5] * b[3] + b[5]]


def page_lines(pdf: bytes) -> list[list[Line]]:
    """Each page's lines, top to bottom; runs on one baseline (a bold name, a link) are one
    line, joined in the order they are drawn."""
    pages: list[list[Line]] = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        runs: dict[float, list[tuple[float, float, str]]] = {}

        def visit(text: str, cm: list[float], tm: list[float], _font: object, size: float,
                  runs: dict[float, list[tuple[float, float, str]]] = runs) -> None:
            if not text.strip("\n"):
                return
            m = _matrix(list(tm), list(cm))
            y = round(m[5] * 2) / 2
            runs.setdefault(y, []).append((m[4], size * abs(m[3]), text.replace("\n", "")))

        page.extract_text(visitor_text=visit)
        lines = [Line(y, min(x for x, _s, _t in parts), max(s for _x, s, _t in parts),
                      "".join(t for _x, _s, t in parts).strip())
                 for y, parts in runs.items()]
        pages.append(sorted((line for line in lines if line.text), key=lambda line: -line.y))
    return pages


def paragraphs(lines: list[Line], size: float, leading: float) -> list[list[Line]]:
    """The lines set at ``size`` grouped into paragraphs: lines one ``leading`` apart belong
    together."""
    found: list[list[Line]] = []
    for line in lines:
        if abs(line.size - size) > 0.05:
            continue
        if found and abs(found[-1][-1].y - line.y - leading) < 0.6:
            found[-1].append(line)
        else:
            found.append([line])
    return found


#: Page furniture (running header, footer, folio, embargo band) is set at 8.5 pt or less,
#: the draft watermark far larger than any text: neither is the story.
FURNITURE_SIZES = (8.6, 60.0)


def story_text(pdf: bytes) -> str:
    """The story's text in reading order, page after page, without the page furniture: a
    sentence split across two pages reads on without the footer and header in between."""
    low, high = FURNITURE_SIZES
    return "\n".join(line.text for page in page_lines(pdf) for line in page
                     if low < line.size < high)
