"""What every ``presskit`` command's handler shares: exit codes, messages on standard error,
and the guard that turns a failure into one line there instead of a traceback.

Each command module registers its commands with ``set_defaults(handler=guarded(…))``; a kit
or roster file with errors prints each problem as ``file:line:column: error: message``.

Text from a file (a roster, a spreadsheet, a kit) may hold control characters: an escape
sequence printed raw clears the screen, retitles the window or worse. Everything such text
reaches the terminal through ``printable``: every message ``say`` writes, and each command's
results that quote a file (``roster list``, ``brand list``).
"""

from __future__ import annotations

import argparse
import functools
import sys
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path

from presskit.model.problems import PresskitError, Problem
from presskit.storage import ProjectFileError, format_problem

EXIT_OK = 0
EXIT_WARNINGS = 1
EXIT_ERRORS = 2

Handler = Callable[[argparse.Namespace], int]


#: Characters shown escaped although not control characters: they reorder or hide text
#: (bidirectional overrides and isolates, line and paragraph separators).
_DECEPTIVE = frozenset("\u2028\u2029\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _escape(char: str) -> str:
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """``text`` safe to print on a terminal: control characters (C0, DEL, C1), lone
    surrogates and text-reordering characters shown as visible escapes (``\\x1b``,
    ``\\u202e``); everything else, any script or emoji, as it is."""
    return "".join(
        _escape(c) if c in _DECEPTIVE or unicodedata.category(c) in ("Cc", "Cs") else c
        for c in text
    )


def say(message: str) -> None:
    """A line for the user on standard error (standard output is for results); text quoted
    from files is escaped (``printable``), line breaks of the message itself kept."""
    print("\n".join(printable(line) for line in message.split("\n")), file=sys.stderr)


def show(result: object) -> None:
    """A result on standard output, escaped as ``say`` escapes: paths and names in it may come
    from a stranger's kit or bundle."""
    print("\n".join(printable(line) for line in str(result).split("\n")))


def guarded(handler: Handler) -> Handler:
    """Turn every failure into a one-line message and exit code 2."""
    @functools.wraps(handler)
    def run(args: argparse.Namespace) -> int:
        try:
            return handler(args)
        except ProjectFileError as exc:  # a kit or roster file with errors, each located
            for problem in exc.problems:
                say(format_problem(problem, exc.path, exc.source_map))
            return EXIT_ERRORS
        except PresskitError as exc:
            say(f"presskit: error: {exc}")
            return EXIT_ERRORS
        except KeyboardInterrupt:
            return 130
        except Exception as exc:  # a bug; still one line, not a traceback
            say(f"presskit: internal error: {type(exc).__name__}: {exc} (please report "
                "this, with the kit if you can)")
            return EXIT_ERRORS
    return run


def report(problems: Sequence[Problem], path: Path | str) -> None:
    """Each problem as ``file: severity: message`` on standard error."""
    for problem in problems:
        say(format_problem(problem, path, None))


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")
