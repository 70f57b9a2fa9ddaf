"""The warning for a brand font file that cannot be used, word for word: which font and face,
the file, the reason, and what prints instead (a built-in family's own face, the regular face
of a brand's family, or DejaVu Sans); and the face bold italic text takes in a family of
files without a bold italic one."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from support.font_files import SERIF_FACES, SHIPPED, with_damaged_glyph

from presskit.model import Fonts, Severity
from presskit.render.fonts.registry import resolve

SERIF = {face: SHIPPED / file for face, file in SERIF_FACES.items()}


def test_a_missing_bold_file_for_a_built_in_family_falls_back_to_its_own_bold(
        tmp_path: Path) -> None:
    missing = tmp_path / "Display-Bold.ttf"
    fonts, problems = resolve(Fonts(heading="DejaVu Serif", heading_bold=missing))
    [problem] = problems
    assert problem.severity is Severity.WARNING
    assert problem.where == ("brand", "fonts", "heading_bold")
    assert problem.message == (f"heading bold font file {missing} cannot be used: file not "
                               "found; the heading font's own bold face is used instead")
    assert fonts.heading.bold == "PK-DejaVuSerif-Bold"


def test_a_woff2_file_is_named_a_web_font(tmp_path: Path) -> None:
    web = tmp_path / "House.woff2"
    web.write_bytes(b"wOF2" + b"\0" * 400)
    fonts, problems = resolve(Fonts(body=web))
    [problem] = problems
    assert problem.where == ("brand", "fonts", "body")
    assert problem.message == (f"body font file {web} cannot be used: a web font (WOFF); use "
                               "the TrueType (.ttf) version of the font; DejaVu Sans is used "
                               "instead")
    assert fonts.body.regular == "PK-DejaVuSans"


def test_an_unknown_built_in_font_name_lists_the_built_in_ones() -> None:
    fonts, problems = resolve(Fonts(body="Comic Sans"))
    [problem] = problems
    assert problem.where == ("brand", "fonts", "body")
    assert problem.message == ("body font 'Comic Sans' is not a built-in font (use 'DejaVu "
                               "Sans' or 'DejaVu Serif' or a .ttf file); DejaVu Sans is used "
                               "instead")
    assert fonts.body.regular == "PK-DejaVuSans"


def test_a_bold_file_whose_glyphs_are_damaged_falls_back_to_the_regular_face(
        tmp_path: Path) -> None:
    """The file passes the first checks (tables, character map) and fails only when ReportLab
    reads its glyphs."""
    bold = tmp_path / "House-Bold.ttf"
    with_damaged_glyph(SERIF["bold"], bold, past=0)
    fonts, problems = resolve(Fonts(body=SERIF["regular"], body_bold=bold))
    [problem] = problems
    assert problem.where == ("brand", "fonts", "body_bold")
    assert problem.message == (
        f"body bold font file {bold} cannot be used: not a usable TrueType font (its glyphs "
        "are damaged (IndexError: list index out of range)); the body font's regular face is "
        "used instead")
    assert fonts.body.bold == fonts.body.regular


def test_bold_italic_text_takes_the_bold_file_else_the_italic_file_of_a_family() -> None:
    with_bold, problems = resolve(Fonts(body=SERIF["regular"], body_bold=SERIF["bold"]))
    assert problems == []
    assert with_bold.body.face(bold=True, italic=True) == with_bold.body.bold != \
        with_bold.body.regular
    with_italic, problems = resolve(Fonts(body=SERIF["regular"], body_italic=SERIF["italic"]))
    assert problems == []
    assert with_italic.body.face(bold=True, italic=True) == with_italic.body.italic != \
        with_italic.body.regular


@pytest.mark.parametrize("copy", ["House copy.ttf", "House_.ttf", "sub/House.ttf"])
def test_a_bold_italic_file_is_used_as_given_whatever_its_name(tmp_path: Path,
                                                               copy: str) -> None:
    """A copy of the regular file given as the bold italic one prints bold italic text in that
    copy, as the user named it, however the copy's name is spelt: it once took the bold face
    instead when the name differed from the regular file's only in punctuation or folder."""
    regular = Path(shutil.copy(SERIF["regular"], tmp_path / "House.ttf"))
    (tmp_path / copy).parent.mkdir(exist_ok=True)
    bold_italic = Path(shutil.copy(regular, tmp_path / copy))
    fonts, problems = resolve(Fonts(body=regular, body_bold=SERIF["bold"],
                                    body_bold_italic=bold_italic))
    assert problems == []
    assert fonts.body.face(bold=True, italic=True) not in (fonts.body.bold, fonts.body.regular)
    # The same file named again is the regular face itself: bold italic text then takes the
    # bold face, as in a family given no bold italic file.
    again, _problems = resolve(Fonts(body=regular, body_bold=SERIF["bold"],
                                     body_bold_italic=regular))
    assert again.body.face(bold=True, italic=True) == again.body.bold
