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
from collections.abc import Callable, Sequence
from pathlib import Path

from presskit.model.printable import printable as printable  # re-exported for the commands
from presskit.model.printable import printable_lines
from presskit.model.problems import PresskitError, Problem
from presskit.storage import ProjectFileError, format_problem

EXIT_OK = 0
EXIT_WARNINGS = 1
EXIT_ERRORS = 2

Handler = Callable[[argparse.Namespace], int]


def say(message: str) -> None:
    """A line for the user on standard error (standard output is for results); text quoted
    from files is escaped (``printable``), line breaks of the message itself kept."""
    print(printable_lines(message), file=sys.stderr)


def show(result: object) -> None:
    """A result on standard output, escaped as ``say`` escapes: paths and names in it may come
    from a stranger's kit or bundle."""
    print(printable_lines(str(result)))


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
