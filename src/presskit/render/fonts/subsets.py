"""The TrueType font presskit registers: ReportLab's, with a quicker way to subset codes.

Every run of text drawn in a TrueType font is turned into the codes of the font's subsets by
``TTFont.splitString``, which looks each character up in a Python loop: about a tenth of the
CPU time of a 1,000-quote export, the single largest step after line breaking. Once a
document has used a character its code never changes, and nearly every run is made only of
characters already used, all in the first subset (the first 256 distinct characters), so
:class:`FastSubsetTTFont` answers such a run with one ``str.translate`` instead; a run with
any other character (new to the document, in a later subset, not in the font) goes through
ReportLab's own loop, which assigns its codes as before. The answer is the same either way,
byte for byte (``tests/render/fonts/test_subsets.py``).
"""

from __future__ import annotations

from typing import Any

from reportlab.pdfbase.ttfonts import TTFont

#: ReportLab draws a no-break space with the space's glyph (its ``splitString`` maps U+00A0
#: to U+0020 before the look-up).
_NBSP, _SPACE = "\u00a0", 0x20


class _FirstSubset:
    """Characters of one document's first subset of one font whose codes are known, and the
    codes, as ``str.translate`` and a set test use them. A character is learnt from a run
    that went through ReportLab's loop, once it has a code there; codes are never taken back
    or changed (ReportLab only ever adds to a document's ``assignments``)."""

    __slots__ = ("chars", "table")

    def __init__(self) -> None:
        self.chars: set[str] = set()
        self.table: dict[int, int] = {}

    def learn(self, text: str, assignments: dict[int, int]) -> None:
        """Take in the characters of ``text`` that now have a code in the first subset."""
        for char in set(text).difference(self.chars):
            n = assignments.get(_SPACE if char == _NBSP else ord(char))
            if n is not None and n < 256:
                self.chars.add(char)
                self.table[ord(char)] = n


class FastSubsetTTFont(TTFont):  # type: ignore[misc]  # ReportLab has no type stubs
    """``TTFont`` whose ``splitString`` takes a short cut for runs of known characters."""

    def splitString(self, text: Any, doc: Any, encoding: str = "utf-8") -> Any:  # noqa: N802
        state = self.state.get(doc) if isinstance(text, str) else None
        if state is None:
            return super().splitString(text, doc, encoding)
        first: _FirstSubset | None = state.__dict__.get("_presskit_first")
        if first is None:
            first = state.__dict__["_presskit_first"] = _FirstSubset()
        if first.chars.issuperset(text):
            return [(0, text.translate(first.table).encode("latin-1"))] if text else []
        split = super().splitString(text, doc, encoding)
        first.learn(text, state.assignments)
        return split
