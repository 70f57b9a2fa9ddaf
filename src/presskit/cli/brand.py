"""``presskit brand list|export|import``: the roster's brand presets, and single
``.presskit-brand`` files holding one with its logo and fonts, for a colleague.
"""

from __future__ import annotations

import argparse
import functools
from pathlib import Path
from typing import Any

from presskit.cli.guard import (
    EXIT_ERRORS,
    EXIT_OK,
    EXIT_WARNINGS,
    guarded,
    plural,
    printable,
    report,
    say,
    show,
)
from presskit.cli.roster import load_roster_of, missing_action, roster_option
from presskit.library.brand_presets import (
    PRESET_SUFFIX,
    brand_files,
    export_preset,
    import_preset,
    preset_file_name,
    preset_name,
    with_preset,
)
from presskit.library.roster_file import modify_roster


def add_commands(subparsers: argparse._SubParsersAction[Any]) -> None:
    """Register ``brand list|export|import`` on ``presskit``'s commands."""
    roster_option_ = roster_option()
    brand = subparsers.add_parser(
        "brand", help="list, export or import brand presets",
        description="Brand presets are kept in the roster. A preset exported as a "
        f"{PRESET_SUFFIX} file carries its logo and fonts, so a colleague who imports it "
        "prints kits with the same look.",
    )
    actions = brand.add_subparsers(dest="brand_command", metavar="ACTION",
                                   parser_class=type(brand))
    brand.set_defaults(handler=functools.partial(missing_action, brand))
    listing = actions.add_parser("list", parents=[roster_option_],
                                 help="list the roster's brand presets")
    listing.set_defaults(handler=guarded(_brand_list))
    exporting = actions.add_parser(
        "export", parents=[roster_option_], help="write a preset with its logo and fonts",
        description=f"Write the brand preset NAME, its logo and font files to one "
        f"{PRESET_SUFFIX} file.",
    )
    exporting.add_argument("name", metavar="NAME", help="the preset's name")
    exporting.add_argument("-o", "--output", type=Path, metavar="FILE", help="the file to "
                           f"write (default: NAME{PRESET_SUFFIX} in the current folder)")
    exporting.add_argument("--force", action="store_true", help="replace FILE if it exists")
    exporting.set_defaults(handler=guarded(_brand_export))
    importing = actions.add_parser(
        "import", parents=[roster_option_], help="add a preset from a preset file",
        description="Unpack a preset file's logo and fonts into the per-user data folder "
        "and add the preset to the roster.",
    )
    importing.add_argument("file", type=Path, metavar=f"FILE{PRESET_SUFFIX}")
    importing.add_argument("--name", metavar="NAME", help="save the preset under this name")
    importing.add_argument("--replace", action="store_true",
                           help="replace a roster preset of the same name")
    importing.set_defaults(handler=guarded(_brand_import))


def _brand_list(args: argparse.Namespace) -> int:
    loaded = load_roster_of(args)
    if not loaded.roster.brands:
        say(f"presskit: the roster {loaded.path} has no brand presets yet; add one with "
             f"'presskit brand import FILE{PRESET_SUFFIX}' or from the app")
    for preset in loaded.roster.brands:
        brand = preset.brand
        details = [preset.name]
        details += [part for part in (brand.organisation, brand.short_name) if part]
        details += [f"{name}: {path.name}" for name, path in brand_files(brand)]
        print(printable(" · ".join(details)))
    return EXIT_WARNINGS if loaded.problems else EXIT_OK


def _brand_export(args: argparse.Namespace) -> int:
    loaded = load_roster_of(args)
    preset = loaded.roster.brand(args.name)
    if preset is None:
        names = ", ".join(repr(b.name) for b in loaded.roster.brands) or "none yet"
        say(f"presskit: error: no brand preset called {args.name!r} in the roster "
             f"(presets: {names})")
        return EXIT_ERRORS
    # The name may come from a stranger's preset ("../../x"): the default is always a plain
    # file of the current folder.
    output: Path = args.output or Path(preset_file_name(preset.name))
    if output.exists() and not args.force:
        say(f"presskit: error: {output} already exists; use --force to replace it")
        return EXIT_ERRORS
    export_preset(preset, output)
    show(f"{output}: brand preset {preset.name!r} with "
          f"{plural(len({p for _n, p in brand_files(preset.brand)}), 'file')}")
    return EXIT_WARNINGS if loaded.problems else EXIT_OK


def _brand_import(args: argparse.Namespace) -> int:
    loaded = load_roster_of(args)
    name = (args.name or "").strip() or preset_name(args.file)
    if loaded.roster.brand(name) is not None and not args.replace:
        say(f"presskit: error: there is already a brand preset called {name!r}; use "
             "--replace to replace it or --name to choose another name")
        return EXIT_ERRORS
    imported = import_preset(args.file, name=name)
    preset = imported.preset
    # Re-read inside the roster's lock: a colleague's change since is kept.
    modify_roster(loaded.path, lambda now: (
        with_preset(now.roster, preset, replace=args.replace), None))
    report(imported.problems, args.file)
    show(f"{args.file}: brand preset {preset.name!r} added to {loaded.path} "
          f"(files in {imported.folder})")
    return EXIT_WARNINGS if loaded.problems or imported.problems else EXIT_OK
