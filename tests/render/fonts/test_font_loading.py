"""A brand font file is tried out whole when it is loaded: a glyph damaged far into the font
(past the first two subsets of 256 characters) gives a warning then, not a failed export when
a PDF using that character is saved; and ``load_font`` names what it refuses as a font file."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from reportlab.pdfgen.canvas import Canvas
from support.font_files import SHIPPED, with_damaged_glyph

from presskit.model import Fonts
from presskit.render.fonts.cache import load_font
from presskit.render.fonts.registry import resolve


def test_a_glyph_damaged_far_into_the_font_is_found_when_it_is_loaded(tmp_path: Path) -> None:
    house = tmp_path / "House.ttf"
    code = with_damaged_glyph(SHIPPED / "DejaVuSerif.ttf", house, past=1024)
    fonts, problems = resolve(Fonts(body=house))
    [problem] = problems
    assert problem.where == ("brand", "fonts", "body")
    assert problem.message == (
        f"body font file {house} cannot be used: not a usable TrueType font (its glyphs are "
        "damaged (IndexError: list index out of range)); DejaVu Sans is used instead")
    # What is used instead embeds that very character.
    canvas = Canvas(io.BytesIO())
    canvas.setFont(fonts.body.regular, 11)
    canvas.drawString(10, 10, f"House {chr(code)}")
    canvas.save()


def test_load_font_refuses_a_folder_as_not_a_font_file(tmp_path: Path) -> None:
    with pytest.raises(ValueError) as refused:
        load_font("PK-test-folder", tmp_path)
    assert str(refused.value).endswith("is a folder, not a font file")
