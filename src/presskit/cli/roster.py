"""``presskit roster list|import|export``: the per-user roster of experts.

- ``roster list [WORDS…]``: the experts in the roster (matching WORDS), with brand presets;
- ``roster import FILE [--sheet NAME]``: merge a spreadsheet's experts (.csv, .xlsx, .ods)
  into the roster;
- ``roster export FILE.csv``: write the roster's experts as a spreadsheet.

Every library command (these, ``brand`` and ``import-text``) takes ``--roster PATH``
(default: ``$PRESSKIT_ROSTER``, else the per-user data folder), from :func:`roster_option`.
Handlers return the exit code: 0 done, 1 done with warnings, 2 errors; results go to standard
output, messages to standard error as ``file:line:col: severity: message``. Text from the roster
or a spreadsheet is printed through ``printable`` (no control character reaches the terminal);
``roster import`` changes the roster inside its lock (``modify_roster``), so colleagues
importing into one shared roster at the same time keep every expert.
"""

from __future__ import annotations

import argparse
import functools
import sys
from collections.abc import Sequence
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
from presskit.library.csv_columns import FIELD_LABELS, FIELDS
from presskit.library.csv_export import export_csv, refuse_roster_target
from presskit.library.csv_import import (
    CsvPreview,
    ImportResult,
    import_rows,
    mapping_problems,
    sniff,
)
from presskit.library.paths import ROSTER_ENV, roster_path
from presskit.library.roster import Roster, search
from presskit.library.roster_file import LoadedRoster, load_roster, modify_roster
from presskit.storage.errors import StorageError

_IGNORE = ("ignore", "-", "none", "")


def roster_option() -> argparse.ArgumentParser:
    """The ``--roster PATH`` option every library command takes (an argparse parent)."""
    option = argparse.ArgumentParser(add_help=False)
    option.add_argument(
        "--roster", type=Path, metavar="PATH",
        help=f"the roster file (default: ${ROSTER_ENV}, else {roster_path(None)})",
    )
    return option


def load_roster_of(args: argparse.Namespace) -> LoadedRoster:
    """The roster ``--roster`` names, its problems reported."""
    loaded = load_roster(roster_path(args.roster))
    report(loaded.problems, loaded.path)
    return loaded


def missing_action(parser: argparse.ArgumentParser, _args: argparse.Namespace) -> int:
    """``presskit roster`` (or ``brand``) without an action."""
    parser.print_usage(sys.stderr)
    say(f"{parser.prog}: error: choose an action: list, import or export")
    return EXIT_ERRORS


def add_commands(subparsers: argparse._SubParsersAction[Any]) -> None:
    """Register ``roster list|import|export`` on ``presskit``'s commands."""
    roster_option_ = roster_option()
    roster = subparsers.add_parser(
        "roster", help="list, import or export the expert roster",
        description="The roster keeps the experts, their past quotes and the brand presets "
        "shared by every kit.",
    )
    actions = roster.add_subparsers(dest="roster_command", metavar="ACTION",
                                    parser_class=type(roster))
    roster.set_defaults(handler=functools.partial(missing_action, roster))

    listing = actions.add_parser(
        "list", parents=[roster_option_], help="list the experts in the roster",
        description="List the roster's experts (those matching every WORD in their name, "
        "title, program or topics) and its brand presets.",
    )
    listing.add_argument("words", nargs="*", metavar="WORD", help="search words")
    listing.set_defaults(handler=guarded(_roster_list))

    importing = actions.add_parser(
        "import", parents=[roster_option_], help="merge experts from a spreadsheet",
        description="Merge the experts in a spreadsheet (.xlsx, .ods, or CSV from Excel, "
        "LibreOffice, Google Sheets or Numbers) into the roster: a row with the e-mail address "
        "or name of a roster expert updates them; others are added. Columns are recognised by "
        "their headings.",
    )
    importing.add_argument("csv", type=Path, metavar="FILE")
    importing.add_argument("--sheet", metavar="NAME",
                           help="the sheet of a workbook to import (default: the first)")
    importing.add_argument(
        "--column", action="append", default=[], metavar="HEADING=FIELD",
        help="read the column HEADING (or its number, from 1) as FIELD, one of "
        f"{', '.join(FIELDS)}, or 'ignore'; may be repeated",
    )
    importing.add_argument("--dry-run", action="store_true",
                           help="report what would change without saving the roster")
    importing.set_defaults(handler=guarded(_roster_import))

    exporting = actions.add_parser(
        "export", parents=[roster_option_], help="write the roster's experts to a CSV file",
        description="Write the roster's experts to a CSV spreadsheet (UTF-8) that 'roster "
        "import' reads back to the same experts.",
    )
    exporting.add_argument("csv", type=Path, metavar="FILE.csv")
    exporting.set_defaults(handler=guarded(_roster_export))


def _roster_list(args: argparse.Namespace) -> int:
    loaded = load_roster_of(args)
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
            details.append(plural(banked, "banked quote"))
        print(printable(" · ".join(details)))
    if args.words and roster.experts and not experts:
        say(f"presskit: no expert in the roster matches {' '.join(args.words)!r}")
    if roster.brands and not args.words:
        print(printable("brand presets: " + ", ".join(b.name for b in roster.brands)))
    return EXIT_WARNINGS if loaded.problems else EXIT_OK


#: How many updated experts a dry run names one by one.
_LISTED = 20


def _roster_import(args: argparse.Namespace) -> int:
    preview = sniff(args.csv, sheet=args.sheet)
    mapping = _mapping(preview, args.column)
    if mapping is None:
        return EXIT_ERRORS

    def merge(loaded: LoadedRoster) -> tuple[Roster | None, tuple[LoadedRoster, ImportResult]]:
        report(loaded.problems, loaded.path)
        result = import_rows(preview, mapping, loaded.roster)
        return (None if args.dry_run else result.roster), (loaded, result)

    path = roster_path(args.roster)
    loaded, result = (merge(load_roster(path))[1] if args.dry_run
                      else modify_roster(path, merge))
    notes = [(n, True) for n in result.skipped] + [(n, False) for n in result.notes]
    for note, skipped in notes:
        column = 1
        if preview.is_workbook and note.column is not None:
            column = preview.first_column + note.column
        place = (preview.where(note.row, note.line, note.column) if preview.is_workbook
                 else f"row {note.row}")
        say(f"{args.csv}:{note.line}:{column}: warning: {place}"
            f"{' skipped' if skipped else ''}: {note.message}")
    ignored = [h for h, f in zip(preview.headers, mapping, strict=False) if f is None and h]
    where = "would be merged into" if args.dry_run else "merged into"
    show(f"{args.csv}: {result.summary()} ({preview.layout}); {where} {loaded.path}")
    if args.dry_run:  # who would change, so a match ("Rosenberg, Elizabeth") can be checked
        for expert_id in result.updated[:_LISTED]:
            expert = result.roster.expert(expert_id)
            fields = ", ".join(FIELD_LABELS.get(c.field, c.field)
                               for c in result.changes.get(expert_id, []))
            show(f"  would update {expert.name if expert else expert_id} ({expert_id}): "
                 f"{fields}")
        if len(result.updated) > _LISTED:
            show(f"  … and {len(result.updated) - _LISTED} more updated")
    if ignored:
        print(printable("columns not imported: " + ", ".join(repr(h) for h in ignored)))
    warned = result.skipped or result.notes or loaded.problems
    return EXIT_WARNINGS if warned else EXIT_OK


def _mapping(preview: CsvPreview, overrides: Sequence[str]) -> list[str | None] | None:
    """The detected mapping with ``--column`` overrides; ``None`` (reported) if unusable."""
    mapping = list(preview.detected_mapping)
    where = f"{preview.source}:{preview.header_line}:1" + (
        f": sheet {preview.sheet!r}, row {preview.header_line}" if preview.is_workbook else "")
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
    path = roster_path(args.roster)
    try:
        refuse_roster_target(args.csv, path)  # before the roster is even read
    except StorageError as exc:
        say(f"presskit: error: {exc}")
        return EXIT_ERRORS
    loaded = load_roster_of(args)
    export_csv(loaded.roster, args.csv, roster_file=loaded.path)
    show(f"{args.csv}: {plural(len(loaded.roster.experts), 'expert')} from {loaded.path}")
    return EXIT_WARNINGS if loaded.problems else EXIT_OK
