"""Where a warning for characters no font has points: a section's own heading, the brand's
boilerplate an "About us" section prints, the bio of an expert a bios section lists only by
being quoted, and a heading character that only the heading's regular file has (headings
print bold). Read as the render hands them out, from the check the render runs."""

from __future__ import annotations

from pathlib import Path

from support.font_files import SERIF_FACES, SHIPPED, with_cmap_group
from support.render_fixtures import seed_kit

from presskit.model import AboutSection, BiosSection, Expert, Fonts, Kit, Problem, TextSection
from presskit.render.fonts.coverage import missing_glyphs
from presskit.render.fonts.fallback import Glyphs
from presskit.render.fonts.registry import resolve

BOX = "\U0001F923"  # no shipped font has it
FALLBACKS = "the fallback fonts DejaVu Sans and WenQuanYi Micro Hei"


def warnings(kit: Kit) -> dict[tuple[object, ...], str]:
    fonts, problems = resolve(kit.brand.fonts)
    assert problems == []
    found: list[Problem] = missing_glyphs(kit, Glyphs(fonts))
    return {p.where: p.message for p in found}


def box_message(font: str) -> str:
    return (f"no font has a glyph for {BOX} (U+1F923) (neither the {font} font nor "
            f"{FALLBACKS}): it prints as an empty box")


def test_a_section_heading_is_checked_in_the_heading_font() -> None:
    kit = seed_kit()
    kit.sections.append(TextSection(id="more", heading=f"Further {BOX}", text="Plain."))
    assert warnings(kit) == {("sections", len(kit.sections) - 1, "heading"):
                             box_message("heading")}


def test_the_brand_boilerplate_is_checked_where_an_empty_about_section_prints_it() -> None:
    kit = seed_kit()
    kit.brand.boilerplate = f"We think {BOX}."
    assert warnings(kit) == {}  # not printed: no "About us" section
    kit.sections.append(AboutSection(id="about"))
    assert warnings(kit) == {("brand", "boilerplate"): box_message("body")}


def test_a_bios_section_listing_no_one_checks_the_bios_of_the_quoted_experts() -> None:
    kit = seed_kit()
    kit.experts.append(Expert(id="unquoted", name="Not Quoted"))  # in no bios then
    for expert in kit.experts:
        expert.bio = f"Writes {BOX}."
    assert warnings(kit) == {}  # bios print only in a bios section
    kit.sections.append(BiosSection(id="bios", experts=[]))
    quoted = {quote.expert for quote in kit.quotes}
    assert len(quoted) > 1
    assert warnings(kit) == {("experts", n, "bio"): box_message("body")
                             for n, expert in enumerate(kit.experts) if expert.id in quoted}


def test_a_heading_character_only_the_regular_heading_file_has_is_warned_of(
        tmp_path: Path) -> None:
    """Headings print in the bold face: a character the brand's regular heading file has but
    its bold file lacks prints as a box there, and is named."""
    regular = with_cmap_group(SHIPPED / SERIF_FACES["regular"], tmp_path / "Display.ttf",
                              ord(BOX), ord(BOX))
    kit = seed_kit()
    kit.brand.fonts = Fonts(heading=regular, heading_bold=SHIPPED / SERIF_FACES["bold"])
    kit.title = f"Flash {BOX}"
    assert warnings(kit) == {("kit", "title"): box_message("heading")}
    kit.title = "Flash"
    kit.experts[0].name += f" {BOX}"  # the body font is DejaVu Sans: a box there
    assert warnings(kit) == {("experts", 0, "name"): box_message("body")}
