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
