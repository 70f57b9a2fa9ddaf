"""Paragraph markup parsed once per shape, not once per paragraph.

ReportLab turns a paragraph's markup into fragments (runs of text in one font, size and
colour) with an HTML parser, which took a tenth of a 1,000-quote export: a thousand names
``<nobr><b>…</b></nobr>, <font color="#767676"><i>…</i></font>`` differ only in their text.
So the markup's tags with each run of text replaced by a numbered slot (its *shape*) is
parsed once per style, and every paragraph of that shape gets copies of those fragments with
its own text in the slots, cut where ReportLab's parser cuts it (at each character
reference): the fragments are the ones parsing the whole markup gives, attribute for
attribute (``tests/render/test_markup_shapes.py`` checks this on arbitrary text).

Only what maps one to one is reused: a shape whose parse does not give exactly one fragment
per slot, and text with character references other than the five ``html.escape`` writes, are
parsed whole as before.
"""

from __future__ import annotations

import html
import re
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus.paragraph import cleanBlockQuotedText, textTransformFrags
from reportlab.platypus.paraparser import ParaParser

_TAG = re.compile(r"<[^<>]*>")
#: A character reference ``html.escape`` does not write: ReportLab's own table of names
#: could read it differently from ``html.unescape``.
_OTHER_REFERENCE = re.compile(r"&(?!(?:amp|lt|gt|quot|#x27);)")
#: The references it does write, each kept as a piece of its own (``re.split`` keeps them).
_REFERENCES = re.compile(r"(&(?:amp|lt|gt|quot|#x27);)")


def _slot(index: int) -> str:
    return f"PRESSKITSLOT{index}X"


class MarkupShapes:
    """The fragments of each shape parsed so far, for one render (styles are per render)."""

    def __init__(self) -> None:
        self._shapes: dict[tuple[int, str], tuple[list[Any], list[int]] | None] = {}
        self._styles: list[ParagraphStyle] = []  # keeps each style (and so its id) alive

    def frags(self, markup: str, style: ParagraphStyle) -> list[Any] | None:
        """Fragments for ``Paragraph(markup, style, frags=…)``, or ``None`` to parse it whole."""
        cleaned = clean_block(markup)  # what ReportLab does to markup first
        texts = _TAG.split(cleaned)
        if "&" in cleaned and any(_OTHER_REFERENCE.search(text) for text in texts):
            return None
        tags = _TAG.findall(cleaned)
        shape = "".join(
            (_slot(index) if text else "") + (tags[index] if index < len(tags) else "")
            for index, text in enumerate(texts)
        )
        key = (id(style), shape)
        if key not in self._shapes:
            self._shapes[key] = _parse(shape, style, texts)
            self._styles.append(style)
        known = self._shapes[key]
        if known is None:
            return None
        frags, slots = known
        made = []
        for frag, slot in zip(frags, slots, strict=True):
            if slot < 0:
                made.append(_copy(frag, frag.text))
                continue
            # ReportLab's parser ends a fragment at every character reference, which is then
            # a fragment of its own: the same pieces make the same lines, word spacing and all.
            text = texts[slot]
            if "&" not in text:  # no reference: one piece, the text as it is
                made.append(_copy(frag, text))
                continue
            for piece in _REFERENCES.split(text):
                if piece:
                    made.append(_copy(frag, html.unescape(piece)))
        textTransformFrags(made, style)
        return made


def clean_block(markup: str) -> str:
    """``cleanBlockQuotedText(markup)``: ReportLab's clean-up of a paragraph's white space
    (runs of spaces, line ends and the like made single spaces, the ends trimmed), skipped
    for markup it would leave as it is: one line whose only white space is single spaces
    inside it and no-break spaces (the others are all unprintable). Its splitting and
    joining, with a regular expression wherever a no-break space is, took a third of the
    fragments' time."""
    if (markup.isprintable() or markup.replace("\xa0", "").isprintable()) and (
            "  " not in markup and markup[:1] != " " and markup[-1:] != " "):
        return markup
    cleaned: str = cleanBlockQuotedText(markup)
    return cleaned


def _copy(frag: Any, text: str) -> Any:
    """``frag`` with ``text``: what ``frag.clone(text=text)`` makes, in a third of the time;
    its lists (links, underlines) are its own."""
    copy = object.__new__(type(frag))
    attributes = vars(copy)
    attributes.update(vars(frag))
    for name, value in attributes.items():
        if type(value) is list:
            attributes[name] = list(value)
    attributes["text"] = text
    return copy


def _parse(shape: str, style: ParagraphStyle, texts: list[str]
           ) -> tuple[list[Any], list[int]] | None:
    """The shape's fragments and, for each, the slot whose text it holds (-1: none)."""
    try:
        parsed_style, frags, bullet = ParaParser().parse(shape, style)
    except ValueError:
        return None
    if frags is None or bullet or parsed_style is not style:
        return None
    slots = {_slot(index): index for index, text in enumerate(texts) if text}
    order = []
    for frag in frags:
        if frag.text in slots:
            order.append(slots[frag.text])
        elif frag.text == "":
            order.append(-1)
        else:
            return None  # a slot split or joined: this shape is parsed whole
    if sorted(i for i in order if i >= 0) != sorted(slots.values()):
        return None
    return frags, order
