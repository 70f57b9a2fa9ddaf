"""A brand's own font family: regular, bold, italic and bold italic files used where the text
says so; a font file that cannot be used gives a warning that says which and why, and a
fallback, never a crash and never boxes."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
from support.font_files import SERIF_FACES, SHIPPED, font_collection
from support.pdf_reading import fonts, reader
from support.render_fixtures import seed_kit

from presskit.model import Fonts, Kit, LeadSection
from presskit.render import RenderError, render_pdf


def house_family(folder: Path) -> dict[str, Path]:
    """A "house" family: the four DejaVu Serif faces under a brand's file names."""
    faces = {}
    for face, file in SERIF_FACES.items():
        faces[face] = Path(shutil.copy(SHIPPED / file, folder / f"House-{face}.ttf"))
    return faces




def runs_by_font(kit: Kit) -> list[tuple[str, str]]:
    """``(base font, text)`` of every piece of text on the first page."""
    found: list[tuple[str, str]] = []

    def visit(chunk: str, _cm: object, _tm: object, font: object, _size: object) -> None:
        if chunk.strip() and font:
            name = str(font["/BaseFont"]).split("+")[-1]  # type: ignore[index]
            found.append((re.sub(r"-[0-9a-f]{8}$", "", name), chunk))  # the bytes' hash

    reader(render_pdf(kit).data).pages[0].extract_text(visitor_text=visit)
    return found


def font_of(runs: list[tuple[str, str]], words: str) -> str:
    return next(font for font, chunk in runs if words in chunk)


def test_a_custom_family_prints_bold_and_italic_in_its_own_faces(tmp_path: Path) -> None:
    house = house_family(tmp_path)
    kit = seed_kit()
    kit.brand.fonts = Fonts(body=house["regular"], body_bold=house["bold"],
                            body_italic=house["italic"], body_bold_italic=house["bold_italic"])
    kit.sections = [LeadSection(id="lead",
                                text="Plain, **firm**, *leaning* and *all **both** here*.")]
    runs = runs_by_font(kit)
    assert font_of(runs, "Plain,") == "DejaVuSerif"
    assert font_of(runs, "firm") == "DejaVuSerif-Bold"
    assert font_of(runs, "leaning") == "DejaVuSerif-Italic"
    assert font_of(runs, "both") == "DejaVuSerif-BoldItalic"
    assert all(fonts(render_pdf(kit).data).values())


def test_a_family_given_only_as_a_regular_file_prints_everything_in_it(tmp_path: Path) -> None:
    house = house_family(tmp_path)
    kit = seed_kit()
    kit.brand.fonts.body = house["regular"]
    kit.sections = [LeadSection(id="lead", text="Plain and **firm**.")]
    runs = runs_by_font(kit)
    assert render_pdf(kit).warnings == []
    assert font_of(runs, "firm") == "DejaVuSerif"


def test_a_bold_face_added_to_a_built_in_family_replaces_only_its_bold(tmp_path: Path) -> None:
    house = house_family(tmp_path)
    kit = seed_kit()
    kit.brand.fonts = Fonts(body="DejaVu Sans", body_bold=house["bold"])
    kit.sections = [LeadSection(id="lead", text="Plain, **firm** and *leaning*.")]
    runs = runs_by_font(kit)
    assert font_of(runs, "Plain,") == "DejaVuSans"
    assert font_of(runs, "firm") == "DejaVuSerif-Bold"
    assert font_of(runs, "leaning") == "DejaVuSans-Oblique"


def test_two_brands_sharing_a_regular_file_keep_their_own_bold(tmp_path: Path) -> None:
    house = house_family(tmp_path)
    with_bold, without = seed_kit(), seed_kit()
    with_bold.brand.fonts = Fonts(body=house["regular"], body_bold=house["bold"])
    without.brand.fonts = Fonts(body=house["regular"])
    for kit in (with_bold, without):
        kit.sections = [LeadSection(id="lead", text="Plain and **firm**.")]
    runs_by_font(without)  # registered in between: must not take over the first brand's <b>
    assert font_of(runs_by_font(with_bold), "firm") == "DejaVuSerif-Bold"
    assert font_of(runs_by_font(without), "firm") == "DejaVuSerif"


BROKEN = {
    "missing": (None, "file not found"),
    "corrupt": (b"\x00\x01\x00\x00" + b"garbage" * 200, "not a usable TrueType font"),
    "postscript outlines": (b"OTTO" + b"\0" * 400, "PostScript (CFF) outlines"),
    "web font": (b"wOFF" + b"\0" * 400, "web font"),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_a_broken_bold_face_warns_and_bold_falls_back_to_the_regular_face(
        tmp_path: Path, case: str) -> None:
    content, reason = BROKEN[case]
    house = house_family(tmp_path)
    broken = tmp_path / "House-Bold-broken.ttf"
    if content is not None:
        broken.write_bytes(content)
    kit = seed_kit()
    kit.brand.fonts = Fonts(body=house["regular"], body_bold=broken)
    kit.sections = [LeadSection(id="lead", text="Plain and **firm**.")]
    pdf = render_pdf(kit)
    [warning] = pdf.warnings
    assert warning.where == ("brand", "fonts", "body_bold")
    assert str(broken) in warning.message and reason in warning.message
    assert "regular face is used instead" in warning.message
    assert font_of(runs_by_font(kit), "firm") == "DejaVuSerif"
    with pytest.raises(RenderError, match="House-Bold-broken.ttf"):
        render_pdf(kit, strict=True)


def test_a_broken_heading_font_falls_back_to_dejavu_sans_and_the_text_still_prints(
        tmp_path: Path) -> None:
    broken = tmp_path / "Display.ttf"
    broken.write_bytes(b"OTTO" + b"\0" * 400)
    kit = seed_kit()
    kit.brand.fonts.heading = broken
    pdf = render_pdf(kit)
    assert [p.where for p in pdf.warnings] == [("brand", "fonts", "heading")]
    assert "DejaVu Sans is used instead" in pdf.warnings[0].message
    assert "U.S., North Korea" in reader(pdf.data).pages[0].extract_text()


def test_a_font_collection_uses_the_font_its_index_names(tmp_path: Path) -> None:
    collection = font_collection([SHIPPED / "DejaVuSerif.ttf", SHIPPED / "DejaVuSerif-Bold.ttf"],
                                 tmp_path / "House.ttc")
    kit = seed_kit()
    kit.brand.fonts.body = collection
    assert any("DejaVuSerif-" in name for name in fonts(render_pdf(kit).data))
    kit.brand.fonts.body = tmp_path / "House.ttc#1"
    pdf = render_pdf(kit)
    assert pdf.warnings == []
    assert any("DejaVuSerif-Bold" in name for name in fonts(pdf.data))


def test_a_font_collection_without_the_font_asked_for_warns_with_the_choices(
        tmp_path: Path) -> None:
    font_collection([SHIPPED / "DejaVuSerif.ttf", SHIPPED / "DejaVuSerif-Bold.ttf"],
                    tmp_path / "House.ttc")
    kit = seed_kit()
    kit.brand.fonts.body = tmp_path / "House.ttc#4"
    [warning] = render_pdf(kit).warnings
    assert warning.where == ("brand", "fonts", "body")
    assert "collection of 2 fonts and has no font #4" in warning.message
    assert "House.ttc#0 to House.ttc#1" in warning.message
    assert "DejaVu Sans is used instead" in warning.message


def test_an_edited_font_file_is_used_not_the_copy_read_before(tmp_path: Path) -> None:
    """Two files with the same internal font name (an edited file, two brands' "House Sans")
    each print in their own glyphs: ReportLab alone would reuse the first one read."""
    first, second = tmp_path / "a" / "House.ttf", tmp_path / "b" / "House.ttf"
    first.parent.mkdir()
    second.parent.mkdir()
    shutil.copy(SHIPPED / "DejaVuSerif.ttf", first)
    second.write_bytes((SHIPPED / "DejaVuSerif.ttf").read_bytes() + b"\0" * 4)  # edited
    names = []
    for path in (first, second):
        kit = seed_kit()
        kit.brand.fonts.body = path
        names.append({name for name in fonts(render_pdf(kit).data) if "Serif" in name})
    assert names[0] and names[1] and names[0] != names[1]


def test_a_font_file_replaced_in_place_between_renders_is_read_again(tmp_path: Path) -> None:
    """The preview does not re-read an unchanged font file, but one the user replaces (the
    same path, other bytes) prints in its new glyphs at the next render."""
    house = tmp_path / "House.ttf"
    shutil.copy(SHIPPED / "DejaVuSerif.ttf", house)
    kit = seed_kit()
    kit.brand.fonts.body = house
    before = {name for name in fonts(render_pdf(kit).data) if "Serif" in name}
    assert before == {name for name in fonts(render_pdf(kit).data) if "Serif" in name}
    house.write_bytes((SHIPPED / "DejaVuSerif.ttf").read_bytes() + b"\0" * 4)
    stamp = house.stat().st_mtime_ns + 2_000_000_000  # as a later save would leave it
    os.utime(house, ns=(stamp, stamp))
    after = {name for name in fonts(render_pdf(kit).data) if "Serif" in name}
    assert after and after != before
