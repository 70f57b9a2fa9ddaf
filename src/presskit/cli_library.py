"""The command line's roster and text-import commands, registered by ``add_commands``:

- ``presskit roster list [WORDS…]``: the experts in the roster (matching WORDS), with brand
  presets;
- ``presskit roster import FILE.csv``: merge a spreadsheet's experts into the roster;
- ``presskit roster export FILE.csv``: write the roster's experts as a spreadsheet;
- ``presskit import-text FILE.txt -o KIT.presskit``: make a kit from a plain-text advisory;
- ``presskit brand list`` / ``brand export NAME -o FILE`` / ``brand import FILE``: the roster's
  brand presets, and single ``.presskit-brand`` files holding one with its logo and fonts.

Every command takes ``--roster PATH`` (default: ``$PRESSKIT_ROSTER``, else the per-user data
folder). Each handler is set with ``set_defaults(handler=…)``, takes the parsed arguments and
returns the exit code: 0 done, 1 done with warnings, 2 errors. Results go to standard output,
messages to standard error as ``file:line:col: severity: message``; never a traceback.
"""

from __future__ import annotations

import argparse
import functools
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from presskit.cli_guard import EXIT_ERRORS, EXIT_OK, EXIT_WARNINGS, guarded, say
from presskit.library.advisory import parse_advisory
from presskit.library.brand_presets import (
    PRESET_SUFFIX,
    brand_files,
    export_preset,
    import_preset,
    preset_name,
    with_preset,
)
from presskit.library.csv_columns import FIELD_LABELS, FIELDS
from presskit.library.csv_export import export_csv
from presskit.library.csv_import import CsvPreview, import_rows, mapping_problems, sniff
from presskit.library.paths import ROSTER_ENV, roster_path
from presskit.library.roster import Roster, search
from presskit.library.roster_file import LoadedRoster, RosterFileError, load_roster, save_roster
from presskit.library.text_files import read_text_file
from presskit.model.kit import ApprovalState, Brand
from presskit.model.problems import Problem
from presskit.storage import format_problem, save_kit

_IGNORE = ("ignore", "-", "none", "")


def add_commands(subparsers: argparse._SubParsersAction[Any]) -> None:
    """Register ``roster list|import|export`` and ``import-text`` on ``presskit``'s commands."""
    roster_option = argparse.ArgumentParser(add_help=False)
    roster_option.add_argument(
        "--roster", type=Path, metavar="PATH",
        help=f"the roster file (default: ${ROSTER_ENV}, else {roster_path(None)})",
    )

    roster = subparsers.add_parser(
        "roster", help="list, import or export the expert roster",
        description="The roster keeps the experts, their past quotes and the brand presets "
        "shared by every kit.",
    )
    actions = roster.add_subparsers(dest="roster_command", metavar="ACTION",
                                    parser_class=type(roster))
    roster.set_defaults(handler=functools.partial(_missing_action, roster))

    listing = actions.add_parser(
        "list", parents=[roster_option], help="list the experts in the roster",
        description="List the roster's experts (those matching every WORD in their name, "
        "title, program or topics) and its brand presets.",
    )
    listing.add_argument("words", nargs="*", metavar="WORD", help="search words")
    listing.set_defaults(handler=guarded(_roster_list))

    importing = actions.add_parser(
        "import", parents=[roster_option], help="merge experts from a CSV spreadsheet",
        description="Merge the experts in a CSV file (from Excel, LibreOffice, Google Sheets or "
        "Numbers) into the roster: a row with the e-mail address or name of a roster expert "
        "updates them; others are added. Columns are recognised by their headings.",
    )
    importing.add_argument("csv", type=Path, metavar="FILE.csv")
    importing.add_argument(
        "--column", action="append", default=[], metavar="HEADING=FIELD",
        help="read the column HEADING (or its number, from 1) as FIELD, one of "
        f"{', '.join(FIELDS)}, or 'ignore'; may be repeated",
    )
    importing.add_argument("--dry-run", action="store_true",
                           help="report what would change without saving the roster")
    importing.set_defaults(handler=guarded(_roster_import))

    exporting = actions.add_parser(
        "export", parents=[roster_option], help="write the roster's experts to a CSV file",
        description="Write the roster's experts to a CSV spreadsheet (UTF-8) that 'roster "
        "import' reads back to the same experts.",
    )
    exporting.add_argument("csv", type=Path, metavar="FILE.csv")
    exporting.set_defaults(handler=guarded(_roster_export))

    _add_brand_commands(subparsers, roster_option)

    text = subparsers.add_parser(
        "import-text", parents=[roster_option], help="make a kit from a plain-text advisory",
        description="Turn a plain-text advisory (pasted from an e-mail or a web page) into a "
        "kit: dateline, headline, lead, media contact, expert quotes, titled sections and the "
        "closing line. Experts already in the roster are linked. Whatever cannot be read is "
        "kept as text and reported.",
    )
    text.add_argument("text", type=Path, metavar="FILE.txt", help="the advisory ('-': stdin)")
    text.add_argument("-o", "--output", type=Path, required=True, metavar="KIT.presskit",
                      help="the kit to write")
    text.add_argument("--brand", metavar="NAME", help="start the kit with this brand preset")
    text.add_argument(
        "--contact-email", default="", metavar="ADDRESS",
        help="the media contact's e-mail address, where the text hides it "
        "('[email protected]') or gives none",
    )
    text.add_argument("--approved", action="store_true",
                      help="mark the quotes approved (the text is a published advisory)")
    text.add_argument("--no-roster", action="store_true",
                      help="do not look experts up in the roster")
    text.add_argument("--force", action="store_true", help="replace KIT if it exists")
    text.set_defaults(handler=guarded(_import_text))


# -- plumbing ----------------------------------------------------------------------------------




def _add_brand_commands(
    subparsers: argparse._SubParsersAction[Any], roster_option: argparse.ArgumentParser
) -> None:
    brand = subparsers.add_parser(
        "brand", help="list, export or import brand presets",
        description="Brand presets are kept in the roster. A preset exported as a "
        f"{PRESET_SUFFIX} file carries its logo and fonts, so a colleague who imports it "
        "prints kits with the same look.",
    )
    actions = brand.add_subparsers(dest="brand_command", metavar="ACTION",
                                   parser_class=type(brand))
    brand.set_defaults(handler=functools.partial(_missing_action, brand))
    listing = actions.add_parser("list", parents=[roster_option],
                                 help="list the roster's brand presets")
    listing.set_defaults(handler=guarded(_brand_list))
    exporting = actions.add_parser(
        "export", parents=[roster_option], help="write a preset with its logo and fonts",
        description=f"Write the brand preset NAME, its logo and font files to one "
        f"{PRESET_SUFFIX} file.",
    )
    exporting.add_argument("name", metavar="NAME", help="the preset's name")
    exporting.add_argument("-o", "--output", type=Path, metavar="FILE", help="the file to "
                           f"write (default: NAME{PRESET_SUFFIX} in the current folder)")
    exporting.add_argument("--force", action="store_true", help="replace FILE if it exists")
    exporting.set_defaults(handler=guarded(_brand_export))
    importing = actions.add_parser(
        "import", parents=[roster_option], help="add a preset from a preset file",
        description="Unpack a preset file's logo and fonts into the per-user data folder "
        "and add the preset to the roster.",
    )
    importing.add_argument("file", type=Path, metavar=f"FILE{PRESET_SUFFIX}")
    importing.add_argument("--name", metavar="NAME", help="save the preset under this name")
    importing.add_argument("--replace", action="store_true",
                           help="replace a roster preset of the same name")
    importing.set_defaults(handler=guarded(_brand_import))


def _missing_action(parser: argparse.ArgumentParser, _args: argparse.Namespace) -> int:
    parser.print_usage(sys.stderr)
    say(f"{parser.prog}: error: choose an action: list, import or export")  # same for brand
    return EXIT_ERRORS


def _load(args: argparse.Namespace) -> LoadedRoster:
    loaded = load_roster(roster_path(args.roster))
    _report(loaded.problems, loaded.path)
    return loaded


def _report(problems: Sequence[Problem], path: Path | str) -> None:
    for problem in problems:
        say(format_problem(problem, path, None))


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")


# -- roster ------------------------------------------------------------------------------------

def _roster_list(args: argparse.Namespace) -> int:
    loaded = _load(args)
    roster = loaded.roster
    experts = search(roster, " ".join(args.words))
    if not roster.experts:
        say(f"presskit: the roster {loaded.path} has no experts yet; add some with "
             "'presskit roster import FILE.csv'")
    for expert in experts:
        about = ", ".join(part for part in (expert.title, expert.program) if part)
        details = [f"{expert.honorific} {expert.name}".strip() + f" ({expert.id})"]
        details += [part for part in (about, expert.email) if part]
        if expert.topics:
            details.append("topics: " + "; ".join(expert.topics))
        banked = len(roster.quotes_by(expert.id))
        if banked:
            details.append(_plural(banked, "banked quote"))
        print(" · ".join(details))
    if args.words and roster.experts and not experts:
        say(f"presskit: no expert in the roster matches {' '.join(args.words)!r}")
    if roster.brands and not args.words:
        print("brand presets: " + ", ".join(b.name for b in roster.brands))
    return EXIT_WARNINGS if loaded.problems else EXIT_OK


def _roster_import(args: argparse.Namespace) -> int:
    loaded = _load(args)
    preview = sniff(args.csv)
    mapping = _mapping(preview, args.column)
    if mapping is None:
        return EXIT_ERRORS
    result = import_rows(preview, mapping, loaded.roster)
    for note in result.skipped:
        say(f"{args.csv}:{note.line}:1: warning: row {note.row} skipped: {note.message}")
    for note in result.notes:
        say(f"{args.csv}:{note.line}:1: warning: row {note.row}: {note.message}")
    if not args.dry_run:
        save_roster(result.roster, loaded.path)
    ignored = [h for h, f in zip(preview.headers, mapping, strict=False) if f is None and h]
    where = "would be merged into" if args.dry_run else "merged into"
    print(f"{args.csv}: {result.summary()} ({preview.delimiter_name}-separated, "
          f"{preview.encoding}); {where} {loaded.path}")
    if ignored:
        print("columns not imported: " + ", ".join(repr(h) for h in ignored))
    warned = result.skipped or result.notes or loaded.problems
    return EXIT_WARNINGS if warned else EXIT_OK


def _mapping(preview: CsvPreview, overrides: Sequence[str]) -> list[str | None] | None:
    """The detected mapping with ``--column`` overrides; ``None`` (reported) if unusable."""
    mapping = list(preview.detected_mapping)
    where = f"{preview.source}:{preview.header_line}:1"
    for override in overrides:
        heading, sep, field = override.partition("=")
        field = field.strip().lower().replace(" ", "_")
        column = _column(preview, heading.strip())
        if not sep or column is None or (field not in FIELDS and field not in _IGNORE):
            say(f"{where}: error: --column {override!r}: expected HEADING=FIELD with a "
                 f"heading of this file ({', '.join(repr(h) for h in preview.headers)}) "
                 f"and a field among {', '.join(FIELDS)} or 'ignore'")
            return None
        chosen = None if field in _IGNORE else field
        mapping = [None if chosen is not None and f == chosen else f for f in mapping]
        mapping[column] = chosen
    problems = mapping_problems(preview, mapping)
    if problems:
        found = ", ".join(
            f"{h!r} → {FIELD_LABELS[f] if f else 'not imported'}"
            for h, f in zip(preview.headers, mapping, strict=False)
        )
        say(f"{where}: error: {'; '.join(problems)}; the columns read as: {found}; "
             "use --column HEADING=FIELD to say which is which")
        return None
    return mapping


def _column(preview: CsvPreview, heading: str) -> int | None:
    if heading.isdigit() and 1 <= int(heading) <= len(preview.headers):
        return int(heading) - 1
    wanted = heading.casefold()
    return next((i for i, h in enumerate(preview.headers) if h.casefold() == wanted), None)


def _roster_export(args: argparse.Namespace) -> int:
    loaded = _load(args)
    export_csv(loaded.roster, args.csv)
    print(f"{args.csv}: {_plural(len(loaded.roster.experts), 'expert')} from {loaded.path}")
    return EXIT_WARNINGS if loaded.problems else EXIT_OK


# -- brand presets -----------------------------------------------------------------------------

def _brand_list(args: argparse.Namespace) -> int:
    loaded = _load(args)
    if not loaded.roster.brands:
        say(f"presskit: the roster {loaded.path} has no brand presets yet; add one with "
             f"'presskit brand import FILE{PRESET_SUFFIX}' or from the app")
    for preset in loaded.roster.brands:
        brand = preset.brand
        details = [preset.name]
        details += [part for part in (brand.organisation, brand.short_name) if part]
        details += [f"{name}: {path.name}" for name, path in brand_files(brand)]
        print(" · ".join(details))
    return EXIT_WARNINGS if loaded.problems else EXIT_OK


def _brand_export(args: argparse.Namespace) -> int:
    loaded = _load(args)
    preset = loaded.roster.brand(args.name)
    if preset is None:
        names = ", ".join(repr(b.name) for b in loaded.roster.brands) or "none yet"
        say(f"presskit: error: no brand preset called {args.name!r} in the roster "
             f"(presets: {names})")
        return EXIT_ERRORS
    output: Path = args.output or Path(preset.name + PRESET_SUFFIX)
    if output.exists() and not args.force:
        say(f"presskit: error: {output} already exists; use --force to replace it")
        return EXIT_ERRORS
    export_preset(preset, output)
    print(f"{output}: brand preset {preset.name!r} with "
          f"{_plural(len({p for _n, p in brand_files(preset.brand)}), 'file')}")
    return EXIT_WARNINGS if loaded.problems else EXIT_OK


def _brand_import(args: argparse.Namespace) -> int:
    loaded = _load(args)
    name = (args.name or "").strip() or preset_name(args.file)
    if loaded.roster.brand(name) is not None and not args.replace:
        say(f"presskit: error: there is already a brand preset called {name!r}; use "
             "--replace to replace it or --name to choose another name")
        return EXIT_ERRORS
    imported = import_preset(args.file, name=name)
    preset = imported.preset
    save_roster(with_preset(loaded.roster, preset, replace=args.replace), loaded.path)
    _report(imported.problems, args.file)
    print(f"{args.file}: brand preset {preset.name!r} added to {loaded.path} "
          f"(files in {imported.folder})")
    return EXIT_WARNINGS if loaded.problems or imported.problems else EXIT_OK


# -- import-text -------------------------------------------------------------------------------

def _import_text(args: argparse.Namespace) -> int:
    output: Path = args.output
    if output.exists() and not args.force:
        say(f"presskit: error: {output} already exists; use --force to replace it")
        return EXIT_ERRORS
    if str(args.text) == "-":
        source, text = "<stdin>", sys.stdin.read()
    else:
        source, (text, _encoding) = str(args.text), read_text_file(args.text, "advisory")
    roster, roster_problems = Roster(), []
    if not args.no_roster or args.brand:
        loaded = _load(args)
        roster, roster_problems = loaded.roster, loaded.problems
    brand = _brand(roster, args.brand)
    if brand is None:
        return EXIT_ERRORS
    result = parse_advisory(text, roster=Roster() if args.no_roster else roster, brand=brand,
                            contact_email=args.contact_email, approved=args.approved)
    _report(result.problems, source)
    save_kit(result.kit, output)
    kit = result.kit
    drafts = sum(1 for q in kit.quotes if q.approval.state is not ApprovalState.APPROVED)
    summary = (f"{output}: {_plural(len(kit.sections), 'section')}, "
               f"{_plural(len(kit.experts), 'expert')}")
    if result.linked:
        summary += f" ({len(result.linked)} from the roster)"
    summary += f", {_plural(len(kit.quotes), 'quote')}"
    if drafts:
        summary += " (drafts: approve them before sending, or import with --approved)"
    print(summary)
    return EXIT_WARNINGS if result.problems or roster_problems else EXIT_OK


def _brand(roster: Roster, name: str | None) -> Brand | None:
    if not name:
        return Brand()
    preset = roster.brand(name)
    if preset is None:
        names = ", ".join(repr(b.name) for b in roster.brands) or "none yet"
        say(f"presskit: error: no brand preset called {name!r} in the roster "
             f"(presets: {names})")
        return None
    return preset.brand


__all__ = ["EXIT_ERRORS", "EXIT_OK", "EXIT_WARNINGS", "RosterFileError", "add_commands"]
