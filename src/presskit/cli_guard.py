"""What every ``presskit`` subcommand's handler shares: exit codes and the guard that turns a
failure into one line on standard error instead of a traceback.

The command modules that set a ``handler`` (``cli_library``, ``cli_bundle``) wrap it with
:func:`guarded`; a kit or roster file with errors prints each problem as
``file:line:column: error: message``.
"""

from __future__ import annotations

import argparse
import functools
import sys
from collections.abc import Callable

from presskit.model.problems import PresskitError
from presskit.storage import ProjectFileError, format_problem

EXIT_OK = 0
EXIT_WARNINGS = 1
EXIT_ERRORS = 2

Handler = Callable[[argparse.Namespace], int]


def say(message: str) -> None:
    """A line for the user on standard error (standard output is for results)."""
    print(message, file=sys.stderr)


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
            say(f"presskit: internal error: {type(exc).__name__}: {exc} (please report this)")
            return EXIT_ERRORS
    return run
