"""The ``presskit`` command: the parser, the dispatch to each command group's handler, and
the desktop app when no command is given.

Each group lives in a module of its own (``export``: export and validate; ``roster``;
``brand``; ``import_text``; ``bundle``; ``request``) that registers its subcommands with a guarded
handler. It drives the same engine as the desktop app. Problems are printed as
``file:line:column: severity: message``; the exit code says how it went: 0 done, 1 warnings
only (``validate``), 2 errors or bad input. No traceback reaches the user for a bad input.
"""

from __future__ import annotations

import argparse
import atexit
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import presskit
from presskit.cli.guard import EXIT_ERRORS, EXIT_OK
from presskit.storage import PROJECT_SUFFIXES

#: When this process began to run presskit (``--self-test`` counts from here).
STARTED = time.monotonic()

#: Commands that need only the engine: for them the roster and import commands (and the
#: library modules behind them, a tenth of a second to import) are not even registered.
ENGINE_COMMANDS = ("export", "validate")


class _Parser(argparse.ArgumentParser):
    """argparse, but usage errors exit with the same code as every other bad input."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_ERRORS, f"{self.prog}: error: {message}\n")


def build_parser(*, library: bool = True) -> argparse.ArgumentParser:
    parser = _Parser(
        prog="presskit",
        description="Build branded PDF press kits from .presskit project files.",
        epilog="Without a command, presskit opens the desktop app; 'presskit KIT.presskit' "
        "opens the app on that kit.",
    )
    parser.add_argument("--version", action="version",
                        version=f"presskit {presskit.__version__}")
    parser.add_argument(
        "--self-test", action="store_true",
        help="check this installation: open the example kit in the app, render its preview, "
        "say how long that took and exit (0 if it worked; offscreen with "
        "QT_QPA_PLATFORM=offscreen)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    # Imported here: the desktop app's start (no command) does without the renderer it imports.
    from presskit.cli.export import add_commands as add_export_commands

    add_export_commands(commands)
    # The library and bundle commands are registered (and their modules imported) only when
    # the command line is not an export or a validation.
    if library:
        from presskit.cli import brand, bundle, import_text, request, roster

        for module in (roster, brand, import_text, bundle, request):
            module.add_commands(commands)
    return parser


def _command_names(parser: argparse.ArgumentParser) -> set[str]:
    # argparse keeps its subcommands in a private action; reading them here means a new
    # subcommand is never mistaken for a kit to open.
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return set(action.choices)
    return set()


def _wants_gui(arguments: Sequence[str], parser: argparse.ArgumentParser) -> bool:
    """No arguments, or a first argument that is a kit rather than a command or option.

    A word that is neither a command nor a kit (``presskit exprot``) goes to argparse, which
    names the valid commands, instead of opening a window on a file that is not there.
    """
    if not arguments:
        return True
    first = arguments[0]
    if first.startswith("-") or first in _command_names(parser):
        return False
    return Path(first).suffix.lower() in PROJECT_SUFFIXES or Path(first).is_file()


def _names_a_kit(first: str) -> bool:
    """``first`` can only be a kit to open (no command or option has a kit's suffix)."""
    return not first.startswith("-") and Path(first).suffix.lower() in PROJECT_SUFFIXES


def _run_gui(arguments: Sequence[str], *, self_test: bool = False) -> int:
    # Qt is imported here only, so exporting on a server never needs (or loads) PySide6.
    try:
        from presskit.gui.app import run

        if self_test:  # not otherwise: it reads the version (importlib.metadata) on import
            from presskit.gui.self_test import run_self_test
    except ImportError as exc:
        print(
            f"presskit: error: the desktop app needs PySide6 ({exc}); install it with "
            "pip install PySide6-Essentials PySide6-Addons, or use 'presskit export' / "
            "'presskit validate'",
            file=sys.stderr,
        )
        return EXIT_ERRORS
    return run_self_test(started=STARTED) if self_test else run(arguments)


def _frozen_roles() -> int | None:
    """In the packaged app (PyInstaller), the executable is also every child process
    presskit starts: the spreadsheet reader's (multiprocessing, told by its arguments) and
    the preview's render process (told by ``PRESSKIT_RENDER_CHILD``). The exit status
    after serving as one, else ``None`` (this is the app or the command)."""
    import multiprocessing

    multiprocessing.freeze_support()  # returns only when this is no multiprocessing child
    if os.environ.pop("PRESSKIT_RENDER_CHILD", "") == "1":  # render_process.CHILD_VARIABLE
        from presskit.gui.preview import render_process

        render_process.main()
        return EXIT_OK
    return None


def main(argv: Sequence[str] | None = None) -> int:
    if getattr(sys, "frozen", False):
        served = _frozen_roles()
        if served is not None:
            return served
    arguments = list(sys.argv[1:] if argv is None else argv)
    if not arguments or _names_a_kit(arguments[0]):
        # The desktop app, started without building the parser: that imports every
        # command's module (the renderer, the roster library), a tenth of its start.
        return _run_gui(arguments)
    parser = build_parser(library=not arguments or arguments[0] not in ENGINE_COMMANDS)
    if _wants_gui(arguments, parser):
        return _run_gui(arguments)
    args = parser.parse_args(arguments)
    if args.self_test:
        return _run_gui([], self_test=True)
    if args.command is None:
        parser.print_help()
        return EXIT_OK
    status = int(args.handler(args))  # each handler is guarded: one line, never a traceback
    if argv is None and args.command in ENGINE_COMMANDS:
        _exit_now(status)
    return status


def _exit_now(status: int) -> None:
    """End the ``presskit export`` or ``validate`` process now, with ``status``.

    Its files are written and closed; what is left is the interpreter's teardown, which
    frees every object and module one by one (a tenth of a small export's CPU time, more
    for a large kit) only for the operating system to take the memory back anyway. The
    exit functions still run and the output is flushed, as on a normal exit; should the
    first flush fail (a closed pipe), the normal exit runs and reports it. Only when
    ``main`` runs as the program (``argv`` not given): a caller in the same process gets
    the status back.
    """
    if not _flushed():
        return
    atexit._run_exitfuncs()
    if not _flushed():  # what the exit functions wrote
        status = 120  # what Python's own exit gives when its final flush fails
    os._exit(status)


def _flushed() -> bool:
    try:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:  # no console (a windowed launcher)
                stream.flush()
    except (OSError, ValueError):
        return False
    return True
