"""The TrueType font presskit registers: ReportLab's, with a quicker way to subset codes.

Every run of text drawn in a TrueType font is turned into the codes of the font's subsets by
``TTFont.splitString``, which looks each character up in a Python loop: about a tenth of the
CPU time of a 1,000-quote export, the single largest step after line breaking. Once a
document has used a character its code never changes, and nearly every run is made only of
characters already used, all in the first subset (the first 256 distinct characters), so
:class:`FastSubsetTTFont` answers such a run with one ``str.translate`` instead; a run with
any other character (new to the document, in a later subset, not in the font) goes through
ReportLab's own loop, which assigns its codes as before. The answer is the same either way,
byte for byte (``tests/render/test_fonts_subsets.py``).
"""

from __future__ import annotations

from itertools import islice
from typing import Any

from reportlab.pdfbase.ttfonts import TTFont

#: ReportLab draws a no-break space with the space's glyph (its ``splitString`` maps U+00A0
#: to U+0020 before the look-up).
_NBSP, _SPACE = 0xA0, 0x20


class _FirstSubset:
    """The characters of one document's first subset of one font, and their codes, as
    ``str.translate`` and a set test use them; brought up to date as codes are assigned
    (ReportLab only ever adds to its ``assignments``, in order)."""

    __slots__ = ("seen", "chars", "table")

    def __init__(self) -> None:
        self.seen = 0  # how many of the state's assignments are taken into account
        self.chars: set[str] = set()
        self.table: dict[int, int] = {}

    def update(self, assignments: dict[int, int]) -> None:
        for code, n in islice(assignments.items(), self.seen, None):
            if n < 256 and code != _NBSP:  # ReportLab never looks U+00A0 itself up
                self.chars.add(chr(code))
                self.table[code] = n
                if code == _SPACE:
                    self.chars.add(chr(_NBSP))
                    self.table[_NBSP] = n
        self.seen = len(assignments)


class FastSubsetTTFont(TTFont):  # type: ignore[misc]  # ReportLab has no type stubs
    """``TTFont`` whose ``splitString`` takes a short cut for runs of known characters."""

    def splitString(self, text: Any, doc: Any, encoding: str = "utf-8") -> Any:  # noqa: N802
        state = self.state.get(doc) if isinstance(text, str) else None
        if state is not None:
            first: _FirstSubset | None = state.__dict__.get("_presskit_first")
            if first is None:
                first = state.__dict__["_presskit_first"] = _FirstSubset()
            if first.seen != len(state.assignments):
                first.update(state.assignments)
            if first.chars.issuperset(text):
                return [(0, text.translate(first.table).encode("latin-1"))] if text else []
        return super().splitString(text, doc, encoding)
