"""The text object that draws synthetic bold and oblique, as ReportLab drives it: a slanted run
starts where the text has got to (after a cursor move, a new line, a transform set outright),
and a bold run is outlined in the colour it is filled with. Read from the content it writes."""

from __future__ import annotations

import io
import re

import pytest
from reportlab.lib.colors import black, red
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from presskit.render.fonts.fallback import Face, Glyphs
from presskit.render.fonts.registry import BrandFonts, builtin_family
from presskit.render.fonts.synthetic import StyledText, synthetic_font

SIZE = 10.0


@pytest.fixture
def text() -> StyledText:
    canvas = Canvas(io.BytesIO())
    return StyledText(canvas, 100, 700)


def regular() -> str:
    return builtin_family().regular


def slanted_starts(code: str) -> list[float]:
    """Where each slanted run starts: x, y of every skewed text matrix, one after another."""
    return [float(n) for match in re.findall(r"1 0 \.2\d* 1 (-?[\d.]+) (-?[\d.]+) Tm", code)
            for n in match]


def width(text: str) -> float:
    return float(pdfmetrics.getFont(regular()).stringWidth(text, SIZE))


def test_a_slanted_run_after_a_cursor_move_starts_where_the_text_has_got_to(
    text: StyledText,
) -> None:
    text.setFont(synthetic_font(regular(), bold=False, italic=True), SIZE)
    text.moveCursor(20, 0)  # as a centred or indented paragraph line begins
    text.textOut("ab")
    text.textOut("cd")
    starts = slanted_starts(text.getCode())
    assert starts == pytest.approx([120, 700, 120 + width("ab"), 700], abs=0.01)


def test_a_slanted_line_is_followed_by_the_next_at_the_start_of_the_line(
    text: StyledText,
) -> None:
    text.setFont(synthetic_font(regular(), bold=False, italic=True), SIZE, leading=12)
    text.textLine("ab")
    text.textOut("cd")
    assert slanted_starts(text.getCode()) == pytest.approx([100, 700, 100, 688], abs=0.01)


def test_a_slanted_run_starts_at_a_transform_set_outright(text: StyledText) -> None:
    text.setFont(synthetic_font(regular(), bold=False, italic=True), SIZE)
    text.textOut("ab")
    text.setTextTransform(1, 0, 0, 1, 50, 60)
    text.textOut("cd")
    code = text.getCode()
    assert "1 0 0 1 50 60 Tm" in code
    assert slanted_starts(code)[-2:] == pytest.approx([50, 60])


def matrix_before(code: str, shown: str) -> list[float]:
    """The text matrix in effect where ``(shown) Tj`` draws: the last one set before it."""
    before = code[:code.index(f"({shown}) Tj")]
    *_, last = re.findall(r"(\S+) (\S+) (\S+) (\S+) (\S+) (\S+) Tm", before)
    return [float(n) for n in last]


def test_upright_text_after_a_slanted_run_goes_on_upright_where_the_run_ended(
    text: StyledText,
) -> None:
    """A Korean word slanted by presskit, then Latin in a face of its own: the Latin is
    neither slanted too nor drawn over the word."""
    text.setFont(synthetic_font(regular(), bold=False, italic=True), SIZE)
    text.textOut("ab")
    text.setFont(regular(), SIZE)  # a face of its own: never slanted by presskit
    text.textOut("cd")
    code = text.getCode()
    assert slanted_starts(code) == pytest.approx([100, 700])
    assert matrix_before(code, "cd") == pytest.approx([1, 0, 0, 1, 100 + width("ab"), 700])


def test_a_bold_run_is_outlined_in_the_colour_the_text_is_filled_with(
    text: StyledText,
) -> None:
    text._canvas.setFillColor(black)
    text.setFillColor(red)  # as a paragraph's coloured run sets it on the text object
    text.setFont(synthetic_font(regular(), bold=True, italic=False), SIZE)
    text.textOut("ab")
    code = text.getCode()
    stroke = re.search(r"(\S+ \S+ \S+) RG", code)
    assert stroke is not None and stroke.group(1) == "1 0 0", code  # red, like the fill


@pytest.mark.parametrize(("align", "shift"), [("left", 0.0), ("centre", 0.5), ("right", 1.0)])
def test_a_line_in_several_fonts_starts_where_its_alignment_puts_it(
    align: str, shift: float
) -> None:
    """As the DRAFT mark is drawn when the heading font lacks a letter of the word: the line
    of runs in their own fonts is measured whole and placed once."""
    family = builtin_family()
    glyphs = Glyphs(BrandFonts(body=family, heading=family))
    words = "Ab \uae40\ubbfc\uc900"
    canvas = Canvas(io.BytesIO())
    canvas.drawText = lambda line: drawn.append(line.getCode())  # type: ignore[method-assign]
    drawn: list[str] = []
    glyphs.draw(canvas, 200, 100, words, Face(family), SIZE, align=align)
    total = glyphs.width(words, Face(family), SIZE)
    [code] = drawn
    start = re.match(r"BT 1 0 0 1 (-?[\d.]+) 100 Tm", code)
    assert start is not None, code
    assert float(start.group(1)) == pytest.approx(200 - shift * total, abs=0.01)


def test_cjk_inside_italic_and_bold_markup_is_set_in_the_slanted_and_stroked_alias() -> None:
    """``*김민준*`` in a bio: the Korean is drawn by the CJK font slanted (it has no italic of
    its own), up to the end of the italic and no further; bold is stroked alike."""
    family = builtin_family()
    glyphs = Glyphs(BrandFonts(body=family, heading=family))
    cjk = "PK-WenQuanYiMicroHei"
    marked = glyphs.markup("<i>김민준</i> and 김 <b>Kim <i>김</i></b> 김", Face(family))
    assert marked == (f'<i><font face="{cjk}+SynI">김민준</font></i> and '
                      f'<font face="{cjk}">김</font> <b>Kim <i>'
                      f'<font face="{cjk}+SynBI">김</font></i></b> <font face="{cjk}">김</font>')
