"""Text drawn in a TrueType font gets the subset codes ReportLab's own loop gives it, whether it
is made of characters the document has used already (the short cut) or not."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.pdfbase.pdfdoc import PDFDocument
from reportlab.pdfbase.ttfonts import TTFont

from presskit import resources_path
from presskit.render.fonts.subsets import FastSubsetTTFont

DEJAVU = resources_path() / "fonts" / "DejaVuSans.ttf"
_FAST = FastSubsetTTFont("PK-test-fast", str(DEJAVU))
_PLAIN = TTFont("PK-test-plain", str(DEJAVU))

#: Latin text with the no-break space and typographic marks presskit prints, a few characters
#: from far in the font (so past the first subset of 256), and some the font lacks.
_CHARS = st.sampled_from(
    [*"abc ABC.,’“”—\u00a0é", "\u0416", "\u05d0", "\u4e2d", "\U0001f600"])


@settings(max_examples=40, deadline=None)
@given(st.lists(st.text(_CHARS, max_size=12), max_size=60))
def test_runs_get_the_codes_reportlabs_loop_gives_them(runs: list[str]) -> None:
    # Each font draws the same runs into a document of its own, in the same order, so both
    # assign the same codes; hundreds of distinct characters would spill into later subsets.
    # The block of Cyrillic fills the first subset; drawn again, it is known and spans two.
    fast_doc, plain_doc = PDFDocument(), PDFDocument()
    block = "".join(map(chr, range(0x400, 0x520)))
    for text in [*runs, block, *runs, block]:
        assert _FAST.splitString(text, fast_doc) == _PLAIN.splitString(text, plain_doc)


def test_a_character_new_to_the_document_is_assigned_a_code_not_taken_for_known() -> None:
    doc = PDFDocument()
    first = _FAST.splitString("aab", doc)
    assert _FAST.splitString("ba", doc) == [(0, bytes([first[0][1][2], first[0][1][0]]))]
    # "c" is new: it gets the next code, the known ones keep theirs.
    again = _FAST.splitString("abc", doc)
    assert again[0][1][:2] == bytes([first[0][1][0], first[0][1][2]])
    assert again[0][1][2] not in first[0][1]
    # A no-break space prints as the space, once the space has a code.
    assert _FAST.splitString("a\u00a0", doc) == _FAST.splitString("a ", doc)


def test_text_of_known_characters_and_no_break_spaces_skips_reportlabs_loop(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The short cut is taken for a run with a no-break space once the document has used it
    (a name kept on one line with one, as "Kim Min-jun" often is)."""
    doc, plain_doc = PDFDocument(), PDFDocument()
    for font, into in ((_FAST, doc), (_PLAIN, plain_doc)):
        for text in ("Kim", "Kim\u00a0Min"):  # the first run only makes the document's state
            font.splitString(text, into)
    expected = _PLAIN.splitString("Min\u00a0Kim", plain_doc)
    looped: list[str] = []
    plain = TTFont.splitString

    def counted(self: TTFont, text: str, *args: object) -> object:
        looped.append(text)
        return plain(self, text, *args)

    monkeypatch.setattr(TTFont, "splitString", counted)
    assert _FAST.splitString("Min\u00a0Kim", doc) == expected
    assert looped == []
