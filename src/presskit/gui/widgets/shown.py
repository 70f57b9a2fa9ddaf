"""Text from a file or a stranger, as the app shows it in titles, menus and dialogs.

A file name, an expert's name or the user and host a lock file names may hold control
characters, line breaks and bidirectional overrides: a lock whose "user" is
``IT support\\nThis kit is verified safe. Click Open Anyway.`` would otherwise add its own
line to the "Kit already open" dialog, and ``report\\u202eftp.presskit`` would read as
``reportpresskit.ptf``. Everything such text reaches the screen through ``shown`` (one line,
escaped as the command line escapes it: ``model.printable``, and bounded in length) or
``shown_lines`` (a message whose own line breaks are kept). A cell of a list or table, a tab
or a box title shows a kit's text through ``model.printable.one_line`` (white space one space,
at most 200 characters) and a tooltip through ``model.printable.tip``; the kit keeps it whole.
"""

from __future__ import annotations

from presskit.model.printable import printable, printable_lines, shortened

#: The most characters of one quoted name or stranger's text a title, menu or dialog shows.
MAX_SHOWN_CHARS = 200
#: The most characters of a whole message (an error's details) a dialog shows.
MAX_SHOWN_MESSAGE_CHARS = 5000


def shown(text: object, max_chars: int = MAX_SHOWN_CHARS) -> str:
    """``text`` on one line, every control or reordering character a visible escape
    (``\\n``, ``\\x1b``, ``\\u202e``), at most ``max_chars`` characters."""
    return shortened(printable(shortened(str(text), max_chars)), max_chars)


def shown_lines(text: object, max_chars: int = MAX_SHOWN_MESSAGE_CHARS) -> str:
    """``shown`` for a message of several lines: its own line breaks kept."""
    return shortened(printable_lines(shortened(str(text), max_chars)), max_chars)
