"""A space at the end of each wrapped line of a tagged paragraph, so its text reads as words.

ReportLab ends a line with a move to the next line and no space: a reader that takes the
marked content's text as it comes (poppler's structure dump; assistive technology that does
not guess word breaks from glyph positions) reads "North KoreaConsider". In a tagged render
each line that ReportLab broke at a space gets that space back at its end: drawn after the
last glyph, it moves nothing on the page. A line ended by a typed line break gets one too
(else "first line" and "second line" read as "linesecond"); a line that ends inside a web
address (``render.urls`` breaks a long one with the same line break) and the pieces of a word
too long for a line are left as they are, and so is a line whose font has no space glyph.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from reportlab.pdfbase import pdfmetrics

#: How a web address starts (what ``render.urls.URL`` matches; that module imports this one's
#: package, so it cannot be imported here).
_ADDRESS = re.compile(r"(?:https?://|mailto:|www\.)", re.IGNORECASE)


@lru_cache(maxsize=64)
def _has_space(font_name: str) -> bool:
    try:
        font = pdfmetrics.getFont(font_name)
    except (KeyError, ValueError):
        return False
    face = getattr(font, "face", None)
    char_to_glyph = getattr(face, "charToGlyph", None)
    return True if char_to_glyph is None else 32 in char_to_glyph  # standard fonts have it


def space_line_ends(paragraph: Any) -> None:
    """Give every line but the last of ``paragraph`` (laid out, about to be drawn) a trailing
    space where ReportLab broke the line at one; once."""
    layout = paragraph.__dict__.get("blPara")
    if layout is None or paragraph.__dict__.get("_line_ends_spaced"):
        return
    paragraph.__dict__["_line_ends_spaced"] = True
    lines = layout.lines
    if layout.kind == 0:
        font = paragraph.style.fontName
        if not _has_space(font):
            return
        for line in lines[:-1]:
            words = line[1]
            if words and type(words[-1]) is str and not words[-1].endswith(" "):
                words[-1] += " "
        return
    in_address = False  # the line before ended inside a web address
    for line in lines[:-1]:
        if not getattr(line, "words", None):
            continue
        if getattr(line, "lineBreak", False):
            # A typed break, or one inside a web address: its last word starts an address,
            # or the whole line is the middle of one.
            words = "".join(getattr(word, "text", None) or "" for word in line.words).split()
            in_address = bool(words) and (_ADDRESS.match(words[-1]) is not None
                                          or (in_address and len(words) == 1))
            if in_address:
                continue
        else:
            in_address = False
        last = line.words[-1]
        if hasattr(last, "cbDefn") or not getattr(last, "text", None):
            # The last piece of text, before a zero-width mark (a language span's end).
            texts = [word for word in line.words
                     if not hasattr(word, "cbDefn") and getattr(word, "text", None)]
            if not texts:
                continue
            last = texts[-1]
        text = getattr(last, "text", None)
        if (type(text) is str and text and not text[-1].isspace()
                and not hasattr(last, "cbDefn") and _has_space(last.fontName)):
            last.text = text + " "
