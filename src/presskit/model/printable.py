"""Text from a file shown to a person: control and text-reordering characters made visible.

A kit, roster, spreadsheet, lock file or file name may hold an escape sequence (``ESC ]0;…``
retitles a terminal), a line break that starts a fake second line in a dialog ("This kit is
verified safe"), or a bidirectional override that shows ``report‮ftp.exe`` as
``reportexe.ptf``. The command line prints such text through ``printable``
(``cli.guard``); the app shows it in titles, menus and dialogs the same way
(``gui.widgets.shown``). Plain functions only, no I/O.
"""

from __future__ import annotations

import unicodedata

#: Characters shown escaped although not control characters: they reorder or hide text
#: (bidirectional overrides and isolates, line and paragraph separators).
DECEPTIVE = frozenset("\u2028\u2029\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _escape(char: str) -> str:
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """``text`` safe to show: control characters (C0 including line breaks, DEL, C1), lone
    surrogates and text-reordering characters as visible escapes (``\\x1b``, ``\\u202e``);
    everything else, any script or emoji, as it is."""
    return "".join(
        _escape(c) if c in DECEPTIVE or unicodedata.category(c) in ("Cc", "Cs") else c
        for c in text
    )


def printable_lines(text: str) -> str:
    """``printable`` for each line of a message, keeping the message's own line breaks."""
    return "\n".join(printable(line) for line in text.split("\n"))


def shortened(text: str, max_chars: int) -> str:
    """``text`` cut to ``max_chars`` characters (an ellipsis ending it) if it is longer."""
    return text if len(text) <= max_chars else text[: max(max_chars - 1, 0)] + "…"


#: The most characters one cell of a list or table, a tab or a label shows of a kit's text.
MAX_CELL_CHARS = 200
#: The most characters a tooltip shows of a kit's text (a whole quote, usually).
MAX_TIP_CHARS = 2000


def one_line(text: str, max_chars: int = MAX_CELL_CHARS) -> str:
    """``text`` as one line of a list, table, tab or label: runs of white space (line breaks
    included) one space, other control and reordering characters visible escapes, at most
    ``max_chars`` characters (an ellipsis ending it). Only the first few times ``max_chars``
    characters of ``text`` are looked at, so a 10 MB name costs what a short one does."""
    head = text[: max_chars * 4 + 1]
    flat = " ".join(head.split())
    if len(head) < len(text) or len(flat) > max_chars:
        flat = flat[: max(max_chars - 1, 0)].rstrip() + "…"
    return shortened(printable(flat), max_chars)


def tip(text: str, max_chars: int = MAX_TIP_CHARS) -> str:
    """``text`` as a tooltip shows it: its own line breaks kept, other control and
    reordering characters visible escapes, at most ``max_chars`` characters."""
    return shortened(printable_lines(shortened(text, max_chars)), max_chars)
