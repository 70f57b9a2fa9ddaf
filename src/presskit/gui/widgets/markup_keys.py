"""Ctrl+B and Ctrl+I in a text box: wrap the selection in the kit's markup, or take it off.

The kit's only inline markup is ``**bold**`` and ``*italic*``, and a star only counts where it
touches a word (``model.text.spans``). So the toggle works on words: an empty selection takes
the word at the cursor, spaces at the ends of a selection stay outside the stars (a Word user
double-clicks "word " with its space), and each paragraph of a selection that crosses a blank
line is marked on its own, since markup never runs over a paragraph break. Pressing the key
again on marked words takes the stars off, as Word's Bold button does. There is no bold
italic (``***word***`` prints its stars), so Ctrl+I on a bold word is refused with a word why.

``toggle`` is pure text in, text out, so its cases are tested without a widget; ``apply``
puts the result into a ``QPlainTextEdit`` as one edit (one undo step in the kit's history).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QPlainTextEdit

BOLD = "**"
ITALIC = "*"
#: Set on the text box while a command edits it: the kit's undo history names the command
#: ("Undo Bold text") and keeps it a step of its own (``gui.editors.binding``).
COMMAND_PROPERTY = "presskitCommand"
#: One line for the status bar while a text box that takes markup has the focus.
HINT = "**bold** (Ctrl+B) and *italic* (Ctrl+I); a blank line starts a new paragraph"

_WORD = re.compile(r"[\w'’\-]+")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


@dataclass(frozen=True)
class Edit:
    """Replace ``text[start:end]`` with ``replacement``; select ``selection`` afterwards."""

    start: int
    end: int
    replacement: str
    selection: tuple[int, int]


def _stars(text: str, at: int, step: int) -> int:
    """How many ``*`` run from ``at`` in direction ``step`` (-1 left, +1 right), up to 3."""
    count, i = 0, at if step > 0 else at - 1
    while count < 3 and 0 <= i < len(text) and text[i] == "*":
        count += 1
        i += step
    return count


def _word_at(text: str, cursor: int) -> tuple[int, int]:
    for match in _WORD.finditer(text):
        if match.start() <= cursor <= match.end():
            return match.start(), match.end()
    return cursor, cursor


def _toggle_piece(piece: str, marker: str) -> str | None:
    """``piece`` (one paragraph's selected words) with ``marker`` added or, if it is wholly
    marked so already, taken off; ``None`` where that would need bold italic."""
    lead = len(piece) - len(piece.lstrip())
    trail = len(piece) - len(piece.rstrip())
    core = piece[lead:len(piece) - trail]
    if not core:
        return piece
    left, right = _stars(core, 0, 1), _stars(core, len(core), -1)
    if left == right == len(marker) and len(core) > 2 * len(marker):
        core = core[len(marker):len(core) - len(marker)]
    elif left or right:
        return None  # "***word***" is not markup: the stars would print
    else:
        core = f"{marker}{core}{marker}"
    return piece[:lead] + core + piece[len(piece) - trail:]


def toggle(text: str, start: int, end: int, marker: str) -> Edit | None:
    """The edit that marks (or unmarks) ``text[start:end]`` with ``marker``; see the module
    docstring for the rules. ``None`` when the words are marked with the other marker: the
    kit's markup has no bold italic (three stars would print as stars)."""
    start, end = sorted((max(0, min(start, len(text))), max(0, min(end, len(text)))))
    if start == end:
        start, end = _word_at(text, start)
        if start == end:  # no word here: a pair of markers to type between
            return Edit(start, end, marker * 2, (start + len(marker),) * 2)
    # Stars just outside the selection: the user selected the marked words, not the stars.
    left, right = _stars(text, start, -1), _stars(text, end, 1)
    if left or right:
        if left != right or "\n" in text[start:end].strip():
            return None
        if left != len(marker):
            return None
        cut = len(marker)
        return Edit(start - cut, end + cut, text[start:end], (start - cut, end - cut))
    selected = text[start:end]
    pieces = _PARAGRAPH_BREAK.split(selected)
    breaks = _PARAGRAPH_BREAK.findall(selected)
    marked = [_toggle_piece(piece, marker) for piece in pieces]
    if any(piece is None for piece in marked):
        return None
    out = str(marked[0])
    for gap, piece in zip(breaks, marked[1:], strict=True):
        out += gap + str(piece)
    return Edit(start, end, out, (start, start + len(out)))


def _index(text: str, position: int) -> int:
    """The ``str`` index of Qt's UTF-16 ``position`` in ``text`` (they differ after any
    character outside the Basic Multilingual Plane: an emoji, a rare CJK ideograph)."""
    units = 0
    for index, char in enumerate(text):
        if units >= position:
            return index
        units += 2 if ord(char) > 0xFFFF else 1
    return len(text)


def _position(text: str, index: int) -> int:
    """Qt's UTF-16 position of ``text[index]``."""
    return len(text[:index].encode("utf-16-le")) // 2


def apply(box: QPlainTextEdit, marker: str) -> bool:
    """Toggle ``marker`` on the selection (or the word at the cursor) in ``box``; ``False``
    if that cannot be done (read-only, or bold italic asked for)."""
    if box.isReadOnly():
        return False
    text, cursor = box.toPlainText(), box.textCursor()
    edit = toggle(text, _index(text, cursor.selectionStart()),
                  _index(text, cursor.selectionEnd()), marker)
    if edit is None:
        return False
    after = text[:edit.start] + edit.replacement + text[edit.end:]
    change = QTextCursor(box.document())
    change.setPosition(_position(text, edit.start))
    change.setPosition(_position(text, edit.end), QTextCursor.MoveMode.KeepAnchor)
    box.setProperty(COMMAND_PROPERTY, "Bold" if marker == BOLD else "Italic")
    try:
        change.insertText(edit.replacement)
    finally:
        box.setProperty(COMMAND_PROPERTY, None)
    first, last = edit.selection
    cursor.setPosition(_position(after, first))
    cursor.setPosition(_position(after, last), QTextCursor.MoveMode.KeepAnchor)
    box.setTextCursor(cursor)
    return True
