"""Characters the brand's fonts cannot draw, found before they print as empty boxes.

The shipped DejaVu families cover Latin, Greek and Cyrillic, but not emoji, CJK or many other
scripts, and neither do most brand fonts; a PDF viewer shows each such character as an empty
box. ReportLab does not say so, so every text the PDF prints is checked against the font it is
printed in, and each field with missing characters gets a warning at its place in the file
(``--strict`` then refuses the export rather than send a kit with a broken name).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from reportlab.pdfbase import pdfmetrics

from presskit.model import (
    AboutSection,
    BiosSection,
    CalloutSection,
    ContactSection,
    Kit,
    Problem,
    QuotesSection,
    Severity,
    Where,
)
from presskit.render.fonts import BrandFonts
from presskit.render.text import clean

_SHOWN = 5  # missing characters named in one message


def missing_glyphs(kit: Kit, fonts: BrandFonts) -> list[Problem]:
    """A warning for every printed field with characters its font has no glyph for."""
    charsets = {
        False: pdfmetrics.getFont(fonts.body.regular).face.charToGlyph,
        True: pdfmetrics.getFont(fonts.heading.regular).face.charToGlyph,
    }
    problems: list[Problem] = []
    seen: set[Where] = set()
    for where, text, heading in printed_text(kit):
        if where in seen:
            continue
        seen.add(where)
        missing = dict.fromkeys(
            ch for ch in clean(text) if not ch.isspace() and ord(ch) not in charsets[heading]
        )
        if missing:
            problems.append(Problem(Severity.WARNING, _message(list(missing), heading), where))
    return problems


def _message(missing: list[str], heading: bool) -> str:
    named = ", ".join(f"{ch} (U+{ord(ch):04X})" for ch in missing[:_SHOWN])
    more = f" and {len(missing) - _SHOWN} more" if len(missing) > _SHOWN else ""
    font = "heading" if heading else "body"
    effect = "it prints as an empty box" if len(missing) == 1 else "they print as empty boxes"
    return f"the {font} font has no glyph for {named}{more}: {effect}"


def printed_text(kit: Kit) -> Iterator[tuple[Where, str, bool]]:
    """``(where, text, in the heading font?)`` for every user text the PDF prints."""
    brand = kit.brand
    yield ("kit", "title"), kit.title, True
    yield ("kit", "series"), kit.series, True
    for key in ("organisation", "short_name", "footer"):
        yield ("brand", key), getattr(brand, key), False
    if kit.embargo is not None:
        yield ("kit", "embargo", "zone"), kit.embargo.zone, False
    quoted = [
        quote.expert
        for section in kit.visible_sections() if isinstance(section, QuotesSection)
        for quote_id in section.quotes if (quote := kit.quote(quote_id)) is not None
    ]
    for index, section in enumerate(kit.sections):
        if section.hidden:
            continue
        here: Where = ("sections", index)
        yield (*here, "heading"), getattr(section, "heading", ""), True
        yield (*here, "text"), getattr(section, "text", ""), False
        match section:
            case ContactSection():
                yield from _fields(kit.contacts, section.contact, "contacts",
                                   ("name", "role", "email", "phone"))
            case CalloutSection():
                yield from _fields(kit.resources, section.resource, "resources",
                                   ("title", "author", "url", "blurb"))
            case QuotesSection():
                for quote_id in section.quotes:
                    yield from _fields(kit.quotes, quote_id, "quotes", ("text",))
                    quote = kit.quote(quote_id)
                    if quote is not None:
                        yield from _fields(kit.experts, quote.expert, "experts",
                                           ("name", "honorific", "pronouns", "title"))
            case BiosSection():
                for expert_id in section.experts or quoted:
                    yield from _fields(kit.experts, expert_id, "experts",
                                       ("name", "honorific", "title", "bio"))
            case AboutSection() if not section.text.strip():
                yield ("brand", "boilerplate"), brand.boilerplate, False


def _fields(items: Sequence[Any], item_id: str, key: str, names: tuple[str, ...]
            ) -> Iterator[tuple[Where, str, bool]]:
    """The named text fields of the item ``item_id`` of the list ``key``, if it exists."""
    for index, item in enumerate(items):
        if getattr(item, "id", None) == item_id:
            for name in names:
                yield (key, index, name), getattr(item, name), False
            return
