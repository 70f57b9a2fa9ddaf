"""The command line's kit-bundle commands, registered by ``add_commands``:

- ``presskit bundle KIT [-o FILE.presskitz]``: the kit with its pictures, fonts and exported
  PDF in one file (default: beside the kit, same name, ``.presskitz``), for a colleague who
  takes the kit over;
- ``presskit unbundle FILE.presskitz -d FOLDER``: unpack one into FOLDER and print the path
  of the kit file there; nothing is written if the bundle is refused or would overwrite a file.

Each handler is set with ``set_defaults(handler=…)``, takes the parsed arguments and returns
the exit code: 0 done, 1 done with warnings (a file that could not be bundled), 2 errors.
Results go to standard output, messages to standard error; never a traceback.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from presskit.cli.guard import EXIT_ERRORS, EXIT_OK, EXIT_WARNINGS, guarded, say, show
from presskit.formats.bundle import read_bundle, write_bundle
from presskit.storage.bundle.format import BUNDLE_SUFFIX, megabytes


def add_commands(subparsers: argparse._SubParsersAction[Any]) -> None:
    """Register ``bundle`` and ``unbundle`` on ``presskit``'s commands."""
    bundle = subparsers.add_parser(
        "bundle", help=f"pack a kit with its pictures, fonts and PDF into one {BUNDLE_SUFFIX}",
        description="Write the kit, every picture and font file it uses, its exported PDF and "
        f"a manifest of checksums to one {BUNDLE_SUFFIX} file, so a colleague can take the "
        "kit over with 'presskit unbundle'.",
    )
    bundle.add_argument("kit", type=Path, metavar="KIT", help="the kit file")
    bundle.add_argument("-o", "--output", type=Path, metavar=f"FILE{BUNDLE_SUFFIX}",
                        help=f"the bundle to write (default: beside KIT, KIT{BUNDLE_SUFFIX})")
    bundle.set_defaults(handler=guarded(_bundle))

    unbundle = subparsers.add_parser(
        "unbundle", help="unpack a kit bundle into a folder",
        description=f"Unpack a {BUNDLE_SUFFIX} file into FOLDER and print the path of its kit "
        "file. A bundle that is damaged, altered or would write outside FOLDER is refused, "
        "and so is one whose files would overwrite files in FOLDER; nothing is written then.",
    )
    unbundle.add_argument("bundle", type=Path, metavar=f"FILE{BUNDLE_SUFFIX}")
    unbundle.add_argument("-d", "--directory", type=Path, required=True, metavar="FOLDER",
                          help="the folder to unpack into (made if missing)")
    unbundle.set_defaults(handler=guarded(_unbundle))





def default_output(kit: Path) -> Path:
    """``briefing.presskit`` → ``briefing.presskitz`` beside it."""
    return kit.with_suffix(BUNDLE_SUFFIX)


def _bundle(args: argparse.Namespace) -> int:
    kit: Path = args.kit
    output: Path = args.output or default_output(kit)
    report = write_bundle(kit, output)
    for message in report.messages():
        say(message)
    files = len(report.entries) - 2  # the kit and its PDF are not "files" to the user
    show(f"{output}: {report.kit}, its PDF and {files} file{'' if files == 1 else 's'} "
          f"({megabytes(report.size)})")
    return EXIT_WARNINGS if report.warnings else EXIT_OK


def _unbundle(args: argparse.Namespace) -> int:
    show(read_bundle(args.bundle, args.directory))
    return EXIT_OK


__all__ = ["EXIT_ERRORS", "EXIT_OK", "EXIT_WARNINGS", "add_commands", "default_output"]
