"""The warnings for characters no font can draw, or draw right, read word for word at their
field: one character or several, five named and the rest counted, and the scripts of
right-to-left text named in order."""

from __future__ import annotations

import datetime as dt

from support.pdf_reading import text
from support.render_fixtures import seed_kit

from presskit.model import BiosSection, Embargo, Expert
from presskit.render import render_pdf

FALLBACKS = "the fallback fonts DejaVu Sans and WenQuanYi Micro Hei"


def test_each_field_gets_its_own_message_naming_what_no_font_has() -> None:
    kit = seed_kit()
    kit.experts[0].name = "Kim \U0001F923"
    kit.quotes[0].text += " \U0001F923\U0001F970\U0001F973\U0001F984\U0001F9E1\U0001FA90\U0001FAE0"
    kit.experts[1].name = "Sara \u05e9\u05e8\u05d4 \u0645\u062d\u0645\u062f"
    found = {p.where: p.message for p in render_pdf(kit).warnings}
    assert found == {
        ("experts", 0, "name"):
            f"no font has a glyph for \U0001F923 (U+1F923) (neither the body font nor "
            f"{FALLBACKS}): it prints as an empty box",
        ("quotes", 0, "text"):
            "no font has a glyph for \U0001F923 (U+1F923), \U0001F970 (U+1F970), \U0001F973 "
            "(U+1F973), \U0001F984 (U+1F984), \U0001F9E1 (U+1F9E1) and 2 more (neither the "
            f"body font nor {FALLBACKS}): they print as empty boxes",
        ("experts", 1, "name"):
            "right-to-left text (Arabic, Hebrew: \u05e9 (U+05E9), \u05e8 (U+05E8), \u05d4 "
            "(U+05D4), \u0645 (U+0645), \u062d (U+062D) and 1 more) is not supported: it prints "
            "with its letters unjoined and in left-to-right order; write the name in Latin "
            "letters or leave it out",
    }


def test_two_characters_no_font_has_print_as_two_boxes() -> None:
    kit = seed_kit()
    kit.experts[0].name = "Kim \U0001F970\U0001F973"
    [warning] = render_pdf(kit).warnings
    assert warning.where == ("experts", 0, "name")
    assert warning.message.startswith(
        "no font has a glyph for \U0001F970 (U+1F970), \U0001F973 (U+1F973) (neither")
    assert warning.message.endswith("): they print as empty boxes")


def test_every_printed_field_is_looked_at_and_named_with_its_font() -> None:
    """Fields of the heading font and the body font, the embargo's zone, a section after a
    hidden one, an expert only quoted and one only in the bios."""
    box = "\U0001F923"
    kit = seed_kit()
    kit.series = f"Flash {box}"
    kit.embargo = Embargo(until=dt.datetime(2019, 9, 20, 9), zone=f"Seoul {box}")
    kit.sections[1].hidden = True
    kit.sections[4].text += f" {box}"
    kit.experts[0].name += f" {box}"
    kit.experts.append(Expert(id="extra", name="Extra Expert", bio=f"Writes {box}."))
    kit.sections.append(BiosSection(id="bios", experts=["extra"]))
    found = {p.where: p.message for p in render_pdf(kit).warnings}
    assert sorted(found) == sorted([
        ("kit", "series"), ("kit", "embargo", "zone"), ("sections", 4, "text"),
        ("experts", 0, "name"), ("experts", 5, "bio")])
    assert "(neither the heading font nor" in found[("kit", "series")]
    for where in [("kit", "embargo", "zone"), ("sections", 4, "text"), ("experts", 0, "name"),
                  ("experts", 5, "bio")]:
        assert "(neither the body font nor" in found[where], where


def test_a_mark_with_no_composed_form_stays_on_its_letter_beside_another_script() -> None:
    """"x" with an acute has no precomposed character: the mark is drawn by the font of the
    letter before it, in a name that needs the CJK font as well."""
    kit = seed_kit()
    kit.experts[0].name = "Qx\u0301 \uae40\ubbfc\uc900"
    pdf = render_pdf(kit)
    assert pdf.warnings == []
    assert "Qx\u0301 \uae40\ubbfc\uc900" in text(pdf.data)
