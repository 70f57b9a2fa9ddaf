"""``presskit import-text FILE.txt -o KIT.presskit``: a kit from a plain-text advisory.

Experts already in the roster (``--roster``) are linked; ``--brand NAME`` starts the kit with
one of the roster's brand presets. Whatever cannot be read is kept as text and reported.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from presskit.cli.guard import (
    EXIT_ERRORS,
    EXIT_OK,
    EXIT_WARNINGS,
    guarded,
    plural,
    report,
    say,
    show,
)
from presskit.cli.roster import load_roster_of, roster_option
from presskit.library.advisory.parse import parse_advisory
from presskit.library.paths import roster_path
from presskit.library.roster import Roster
from presskit.library.text_files import read_text_file, read_text_stream
from presskit.model.kit import ApprovalState, Brand
from presskit.storage import save_kit
from presskit.storage.bundle.inputs import same_file


def add_commands(subparsers: argparse._SubParsersAction[Any]) -> None:
    """Register ``import-text`` on ``presskit``'s commands."""
    roster_option_ = roster_option()
    text = subparsers.add_parser(
        "import-text", parents=[roster_option_], help="make a kit from a plain-text advisory",
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


def _import_text(args: argparse.Namespace) -> int:
    output: Path = args.output
    if output.exists() and not args.force:
        say(f"presskit: error: {output} already exists; use --force to replace it")
        return EXIT_ERRORS
    # --force replaces a kit, never one of the command's own inputs.
    inputs = {"the advisory": args.text, "the roster": roster_path(args.roster)}
    for what, path in inputs.items():
        if str(path) != "-" and same_file(output, path):
            say(f"presskit: error: {output} is {what} ({path}); writing the kit there would "
                "replace it: choose another file name")
            return EXIT_ERRORS
    if str(args.text) == "-":
        source, (text, _encoding) = "<stdin>", read_text_stream(sys.stdin.buffer)
    else:
        source, (text, _encoding) = str(args.text), read_text_file(args.text, "advisory")
    roster, roster_problems = Roster(), []
    if not args.no_roster or args.brand:
        loaded = load_roster_of(args)
        roster, roster_problems = loaded.roster, loaded.problems
    brand = _brand(roster, args.brand)
    if brand is None:
        return EXIT_ERRORS
    result = parse_advisory(text, roster=Roster() if args.no_roster else roster, brand=brand,
                            contact_email=args.contact_email, approved=args.approved)
    report(result.problems, source)
    save_kit(result.kit, output)
    kit = result.kit
    drafts = sum(1 for q in kit.quotes if q.approval.state is not ApprovalState.APPROVED)
    summary = (f"{output}: {plural(len(kit.sections), 'section')}, "
               f"{plural(len(kit.experts), 'expert')}")
    if result.linked:
        summary += f" ({len(result.linked)} from the roster)"
    summary += f", {plural(len(kit.quotes), 'quote')}"
    if drafts:
        summary += " (drafts: approve them before sending, or import with --approved)"
    show(summary)
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
