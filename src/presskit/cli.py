"""The ``presskit`` command: export and check kits from a terminal or a server.

It drives the same engine as the desktop app. Problems are printed as
``file:line:column: severity: message``; the exit code says how it went: 0 done, 1 warnings
only (``validate``), 2 errors or bad input. No traceback reaches the user for a bad input.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from presskit import __version__, long_lived
from presskit.model import PresskitError, Problem
from presskit.render import RenderedPdf, render_pdf
from presskit.storage import (
    PROJECT_SUFFIXES,
    LoadedKit,
    ProjectFileError,
    atomic_write,
    format_problem,
    load_kit,
)
from presskit.storage.errors import position_of

EXIT_OK = 0
EXIT_WARNINGS = 1
EXIT_ERRORS = 2
#: Commands that need only the engine: for them the roster and import commands (and the
#: library modules behind them, a tenth of a second to import) are not even registered.
ENGINE_COMMANDS = ("export", "validate")
#: Export format → the extensions of the files it writes.
EXPORT_SUFFIXES: dict[str, tuple[str, ...]] = {
    "pdf": (".pdf",), "email": (".html", ".txt"), "eml": (".eml",), "markdown": (".md",),
}
EXPORT_FORMATS = tuple(EXPORT_SUFFIXES)
#: An extension in ``-o`` that is one of these is replaced by the format's own.
_KNOWN_SUFFIXES = frozenset(
    {suffix for suffixes in EXPORT_SUFFIXES.values() for suffix in suffixes}
    | {".htm", ".text", ".markdown"}
)


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
    parser.add_argument("--version", action="version", version=f"presskit {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    export = commands.add_parser(
        "export",
        help="export a kit to PDF, an e-mail or Markdown",
        description="Export KIT to a branded PDF (the default), an e-mail body (OUT.html and "
        "OUT.txt), a draft message to open in a mail client (OUT.eml) or a Markdown page "
        "(OUT.md). Warnings go to standard error.",
    )
    export.add_argument("kit", type=Path, metavar="KIT", help="the .presskit file")
    export.add_argument(
        "-f", "--format", choices=EXPORT_FORMATS, default="pdf",
        help="pdf (default); email: HTML body with inline styles + plain text; "
        "eml: draft message with both and the images; markdown: for a website or CMS",
    )
    export.add_argument(
        "-o", "--output", type=Path, metavar="OUT",
        help="where to write, with or without the extension, which the format sets "
        "(default: beside the kit, same name; a folder puts it there under the kit's name)",
    )
    export.add_argument(
        "--strict", action="store_true",
        help="treat warnings (unapproved quotes, missing images, …) as errors",
    )

    validate = commands.add_parser(
        "validate",
        help="check a kit and list every problem",
        description="List every error and warning in KIT with its location. "
        "Exit status: 0 clean, 1 warnings only, 2 errors.",
    )
    validate.add_argument("kit", type=Path, metavar="KIT", help="the .presskit file")
    # The roster, text-import and bundle commands live in modules of their own (they set a
    # handler); an export does not even import them.
    if library:
        from presskit.cli_bundle import add_commands as add_bundle_commands
        from presskit.cli_library import add_commands as add_library_commands

        add_library_commands(commands)
        add_bundle_commands(commands)
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


def _run_gui(arguments: Sequence[str]) -> int:
    # Qt is imported here only, so exporting on a server never needs (or loads) PySide6.
    try:
        from presskit.gui.app import run
    except ImportError as exc:
        print(
            f"presskit: error: the desktop app needs PySide6 ({exc}); install it with "
            "pip install PySide6-Essentials PySide6-Addons, or use 'presskit export' / "
            "'presskit validate'",
            file=sys.stderr,
        )
        return EXIT_ERRORS
    return run(arguments)


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(library=not arguments or arguments[0] not in ENGINE_COMMANDS)
    if _wants_gui(arguments, parser):
        return _run_gui(arguments)
    args = parser.parse_args(arguments)
    if args.command is None:
        parser.print_help()
        return EXIT_OK
    try:
        if hasattr(args, "handler"):
            return int(args.handler(args))
        if args.command == "export":
            return _export(args.kit, args.output, args.format, strict=args.strict)
        return _validate(args.kit)
    except ProjectFileError as exc:
        for problem in exc.problems:
            print(format_problem(problem, exc.path, exc.source_map), file=sys.stderr)
        return EXIT_ERRORS
    except PresskitError as exc:
        print(f"presskit: error: {exc}", file=sys.stderr)
        return EXIT_ERRORS
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a bug, but the user still gets one line, not a traceback
        print(f"presskit: internal error: {type(exc).__name__}: {exc} (please report this, "
              "with the kit if you can)", file=sys.stderr)
        return EXIT_ERRORS


def _check(path: Path) -> tuple[LoadedKit, RenderedPdf, list[Problem]]:
    """Load and render ``path``; every warning either step found, load's first."""
    with long_lived.reading():  # frozen before the collector is back: it never walks the kit
        loaded = load_kit(path)
        froze = long_lived.freeze_unless_frozen()  # the kit lives until its PDF is made
    try:
        rendered = render_pdf(loaded.kit)
    finally:
        if froze:  # a caller in the same process (a script, the tests) is left as it was
            long_lived.release()
    return loaded, rendered, [*loaded.problems, *rendered.warnings]


def _report(loaded: LoadedKit, problems: Sequence[Problem]) -> None:
    """Print ``problems`` in the order of the file, whichever step found them."""
    for problem in sorted(problems, key=lambda p: position_of(p, loaded.source_map) or (0, 0)):
        print(format_problem(problem, loaded.path, loaded.source_map), file=sys.stderr)


def _export(kit_path: Path, output: Path | None, format_name: str, *, strict: bool) -> int:
    if format_name == "pdf":
        loaded, rendered, warnings = _check(kit_path)
        files = {".pdf": rendered.data}
    else:
        # Imported for these formats only: a PDF export, timed as a whole process by the
        # benchmark, does not load the e-mail and Markdown writers.
        from presskit.formats import export

        loaded = load_kit(kit_path)
        exported = export(loaded.kit, format_name)
        files, warnings = exported.files, [*loaded.problems, *exported.warnings]
    _report(loaded, warnings)
    if strict and warnings:
        noun = "warning" if len(warnings) == 1 else "warnings"
        print(
            f"presskit: error: {len(warnings)} {noun} with --strict; nothing written",
            file=sys.stderr,
        )
        return EXIT_ERRORS
    targets = {suffix: _output_path(kit_path, output, suffix) for suffix in files}
    # -o naming the kit itself is a slip of the finger, even where the extension would save it.
    for target in [*targets.values(), *([output] if output is not None else [])]:
        if target.exists() and target.samefile(kit_path):
            print(f"presskit: error: {target} is the kit itself; choose another name for the "
                  "export", file=sys.stderr)
            return EXIT_ERRORS
    for suffix, target in targets.items():
        atomic_write(target, files[suffix])
        print(target)
    return EXIT_OK


def _output_path(kit_path: Path, output: Path | None, suffix: str) -> Path:
    """Where the file with ``suffix`` goes: ``output`` with that extension (a folder: the
    kit's name in it; nothing: beside the kit)."""
    if output is None:
        return kit_path.with_suffix(suffix)
    if output.is_dir():
        return output / kit_path.with_suffix(suffix).name
    if output.suffix.lower() == suffix:
        return output  # as given, in the case the user typed it
    if output.suffix.lower() in _KNOWN_SUFFIXES:
        return output.with_suffix(suffix)
    return output.with_name(output.name + suffix)


def _validate(kit_path: Path) -> int:
    loaded, _rendered, warnings = _check(kit_path)
    _report(loaded, warnings)
    if warnings:
        return EXIT_WARNINGS
    print(f"{kit_path}: no problems found")
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
