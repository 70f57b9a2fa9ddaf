"""Characters the PDF cannot draw, or not draw right, found before they reach the reader.

Every character is drawn by the brand's font or, when it lacks the glyph, by a fallback font
(``render.fallback``: DejaVu Sans, then WenQuanYi Micro Hei for Chinese, Japanese and Korean),
so Latin with diacritics, Greek, Cyrillic and CJK print as real glyphs. What no font has
(emoji, many scripts of South and South-East Asia…) would print as an empty box, and ReportLab
does not say so; right-to-left scripts (Arabic, Hebrew…) would print with their letters
unjoined and in left-to-right order, because presskit does no bidirectional layout or shaping.
Each printed field with such characters gets one warning at its place in the file, naming the
characters (``--strict`` then refuses the export rather than send a kit with a broken name).
The characters are still printed as typed, never silently replaced or dropped.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Sequence
from typing import Any

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
from presskit.render.fonts.fallback import FALLBACK_NAMES, Face, Glyphs
from presskit.render.text import clean

_SHOWN = 5  # characters named in one message
#: Bidirectional classes of right-to-left letters (Hebrew: R; Arabic, Syriac, Thaana: AL).
_RIGHT_TO_LEFT = frozenset({"R", "AL"})
#: No character below Hebrew's block is right-to-left: most texts need no look-up at all.
_FIRST_RIGHT_TO_LEFT = "\u0590"


def missing_glyphs(kit: Kit, glyphs: Glyphs) -> list[Problem]:
    """A warning for every printed field with characters no font has, or right-to-left ones."""
    faces = {False: Face(glyphs.fonts.body), True: Face(glyphs.fonts.heading, bold=True)}
    problems: list[Problem] = []
    seen: set[Where] = set()
    for where, text, heading in printed_text(kit):
        if where in seen or not text:
            continue
        seen.add(where)
        # Each distinct character once, in the order of first appearance: a quote of 600
        # characters has about 50, and the curly quotes and dashes most texts have are past
        # Hebrew's block, so looking up and comparing every character cost a 1,000-quote
        # export a tenth of a second.
        chars = "".join(dict.fromkeys(text))
        # The text as printed is ``clean(text)``; a text that cleaning leaves as it is (its
        # distinct characters need none, and it is composed already) skips it: that is
        # nearly every field, and cleaning each quote whole took a third of this check.
        if clean(chars) != chars or not unicodedata.is_normalized("NFC", text):
            chars = "".join(dict.fromkeys(clean(text)))
        rtl = [] if not chars or max(chars) < _FIRST_RIGHT_TO_LEFT else [
            ch for ch in chars
            if ch >= _FIRST_RIGHT_TO_LEFT and unicodedata.bidirectional(ch) in _RIGHT_TO_LEFT]
        if rtl:
            problems.append(Problem(Severity.WARNING, _rtl_message(rtl), where))
        missing = [ch for ch in glyphs.missing(chars, faces[heading]) if ch not in rtl]
        if missing:
            problems.append(Problem(Severity.WARNING, _missing_message(missing, heading), where))
    return problems


def _named(chars: list[str]) -> str:
    named = ", ".join(f"{ch} (U+{ord(ch):04X})" for ch in chars[:_SHOWN])
    return named + (f" and {len(chars) - _SHOWN} more" if len(chars) > _SHOWN else "")


def _missing_message(missing: list[str], heading: bool) -> str:
    font = "heading" if heading else "body"
    effect = "it prints as an empty box" if len(missing) == 1 else "they print as empty boxes"
    return (f"no font has a glyph for {_named(missing)} (neither the {font} font nor the "
            f"fallback fonts {' and '.join(FALLBACK_NAMES)}): {effect}")


def _rtl_message(chars: list[str]) -> str:
    scripts = sorted({unicodedata.name(ch, "right-to-left").split()[0].title() for ch in chars})
    return (f"right-to-left text ({', '.join(scripts)}: {_named(chars)}) is not supported: it "
            "prints with its letters unjoined and in left-to-right order; write the name in "
            "Latin letters or leave it out")


def printed_text(kit: Kit) -> Iterator[tuple[Where, str, bool]]:
    """``(where, text, in the heading font?)`` for every user text the PDF prints."""
    brand = kit.brand
    yield ("kit", "title"), kit.title, True
    yield ("kit", "series"), kit.series, True
    for key in ("organisation", "short_name", "footer"):
        yield ("brand", key), getattr(brand, key), False
    if kit.embargo is not None:
        yield ("kit", "embargo", "zone"), kit.embargo.zone, False
    # Items by id, built once: a scan per quote made a 1,000-quote kit quadratic.
    contacts, resources = _indexed(kit.contacts), _indexed(kit.resources)
    quotes, experts = _indexed(kit.quotes), _indexed(kit.experts)
    quoted = [
        quotes[quote_id][1].expert
        for section in kit.visible_sections() if isinstance(section, QuotesSection)
        for quote_id in section.quotes if quote_id in quotes
    ]
    for index, section in enumerate(kit.sections):
        if section.hidden:
            continue
        here: Where = ("sections", index)
        yield (*here, "heading"), getattr(section, "heading", ""), True
        yield (*here, "text"), getattr(section, "text", ""), False
        match section:
            case ContactSection():
                yield from _fields(contacts, section.contact, "contacts",
                                   ("name", "role", "email", "phone"))
            case CalloutSection():
                yield from _fields(resources, section.resource, "resources",
                                   ("title", "author", "url", "blurb"))
            case QuotesSection():
                for quote_id in section.quotes:
                    yield from _fields(quotes, quote_id, "quotes", ("text",))
                    if quote_id in quotes:
                        yield from _fields(experts, quotes[quote_id][1].expert, "experts",
                                           ("name", "honorific", "pronouns", "title"))
            case BiosSection():
                for expert_id in section.experts or quoted:
                    yield from _fields(experts, expert_id, "experts",
                                       ("name", "honorific", "title", "bio"))
            case AboutSection() if not section.text.strip():
                yield ("brand", "boilerplate"), brand.boilerplate, False


def _indexed(items: Sequence[Any]) -> dict[str, tuple[int, Any]]:
    """``{id: (position, item)}``; the first item with an id wins, as in ``Kit.quote``."""
    found: dict[str, tuple[int, Any]] = {}
    for index, item in enumerate(items):
        found.setdefault(item.id, (index, item))
    return found


def _fields(items: dict[str, tuple[int, Any]], item_id: str, key: str, names: tuple[str, ...]
            ) -> Iterator[tuple[Where, str, bool]]:
    """The named text fields of the item ``item_id`` of the list ``key``, if it exists."""
    if item_id in items:
        index, item = items[item_id]
        for name in names:
            yield (key, index, name), getattr(item, name), False
