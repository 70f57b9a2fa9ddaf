"""``presskit request``: ask experts of a kit for quotes, one ``.eml`` draft per expert in a
folder, and a pending quote per expert recorded in the kit.

The drafts are written first, all or none (``replace_all``), each inside the folder given and
never through a link; then the kit is saved with the new quotes (atomic, as the app saves).
The kit is refused while another presskit has it open: that editor would write its own copy
over the recorded requests.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
from pathlib import Path
from typing import Any

from presskit.cli.guard import EXIT_ERRORS, EXIT_OK, guarded, plural, say, show
from presskit.formats.requests import drafts
from presskit.library.requests import Ask, add_requests, letters, pending_quotes
from presskit.model.requests import deadline_words
from presskit.storage import dumps_kit, format_problem, load_kit, replace_all, save_kit
from presskit.storage.bundle.inputs import input_clash
from presskit.storage.locks.kit import KitLock
from presskit.storage.reader import read_yaml_file

_DEADLINE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2}))?$")


def add_commands(subparsers: argparse._SubParsersAction[Any]) -> None:
    request = subparsers.add_parser(
        "request",
        help="ask experts for quotes: e-mail drafts, and pending quotes in the kit",
        description="Write one personal request for a quote per expert, as .eml drafts in "
        "FOLDER (open each in your mail client and send it), and record a pending quote per "
        "expert in KIT with the day asked and the deadline. Paste each answer into its quote "
        "in the app, or into the quote's text in the file.",
    )
    request.add_argument("kit", type=Path, metavar="KIT", help="the .presskit file")
    request.add_argument("--experts", nargs="+", required=True, metavar="ID",
                         help="the ids of the kit's experts to ask")
    request.add_argument("--topic", required=True, metavar="TEXT",
                         help="what to comment on, e.g. 'the talks in Hanoi'")
    request.add_argument("--deadline", metavar="YYYY-MM-DD[THH:MM]",
                         help="when the answer is needed (a day, or a day and a time)")
    request.add_argument("--length", type=int, default=0, metavar="WORDS",
                         help="about how many words the quote should have")
    request.add_argument("--ask", default="", metavar="TEXT",
                         help="the news to tell the experts (default: the lead's first "
                         "paragraph)")
    request.add_argument("--from", dest="from_address", default="", metavar="ADDRESS",
                         help="the sender when the kit has no media contact with an e-mail "
                         "address")
    request.add_argument("-o", "--output", type=Path, required=True, metavar="FOLDER",
                         help="the folder the drafts go into (made if missing)")
    request.add_argument("--dry-run", action="store_true",
                         help="say what would be written and recorded, change nothing")
    request.set_defaults(handler=guarded(_request))


def parse_deadline(text: str | None) -> dt.date | dt.datetime | None:
    """``2026-12-05`` or ``2026-12-05T17:00`` (a space works too); ``ValueError`` else."""
    if text is None:
        return None
    match = _DEADLINE.match(text.strip())
    if match is None:
        raise ValueError(f"--deadline {text!r} is not a date; write it as 2026-12-05 or "
                         "2026-12-05T17:00")
    year, month, day, hour, minute = match.groups()
    try:
        if hour is None:
            return dt.date(int(year), int(month), int(day))
        return dt.datetime(int(year), int(month), int(day), int(hour), int(minute))
    except ValueError:
        raise ValueError(f"--deadline {text!r}: there is no such day or time") from None


def _request(args: argparse.Namespace) -> int:
    kit_path: Path = args.kit
    folder: Path = args.output
    try:
        deadline = parse_deadline(args.deadline)
    except ValueError as exc:
        say(f"presskit: error: {exc}")
        return EXIT_ERRORS
    lock = None if args.dry_run else KitLock(kit_path)
    other = lock.acquire() if lock is not None else None
    if other is not None:
        say(f"presskit: error: {kit_path} is open in presskit ({other.describe()}); ask "
            "there with Request Quotes, or close it first")
        return EXIT_ERRORS
    try:
        return _ask(args, kit_path, folder, deadline)
    finally:
        if lock is not None:
            lock.release()


def _ask(args: argparse.Namespace, kit_path: Path, folder: Path,
         deadline: dt.date | dt.datetime | None) -> int:
    loaded = load_kit(kit_path)  # its own warnings are for ``validate``: not repeated here
    kit = loaded.kit
    ask = Ask(topic=args.topic, asked=dt.date.today(), deadline=deadline, length=args.length,
              news=args.ask)
    made, warnings = letters(kit, ask, args.experts)
    for problem in warnings:
        say(format_problem(problem, loaded.path, loaded.source_map))
    quotes = pending_quotes(kit, ask, args.experts)
    written = drafts(kit, made, from_address=args.from_address)
    if folder.is_symlink() or (os.path.lexists(folder) and not folder.is_dir()):
        say(f"presskit: error: {folder} is not a folder (a link or a file); the drafts go "
            "into a folder of their own")
        return EXIT_ERRORS
    targets = {folder / d.filename: d.data for d in written}
    clash = input_clash([*targets, folder], loaded.path, kit)
    if clash is not None:
        say(f"presskit: error: {clash}; choose another folder for the drafts")
        return EXIT_ERRORS
    by = f", by {deadline_words(deadline, weekday=True)}" if deadline is not None else ""
    if args.dry_run:
        for target in targets:
            show(f"would write {target}")
        for quote in quotes:
            show(f"would record quote {quote.id!r}: a request to {quote.expert}{by}")
        return EXIT_OK
    hand_written = dumps_kit(kit, loaded.path) != read_yaml_file(loaded.path)
    folder.mkdir(parents=True, exist_ok=True)
    replace_all(targets)
    add_requests(kit, quotes)
    save_kit(kit, loaded.path)
    if hand_written:
        say(f"presskit: note: {kit_path} was rewritten in presskit's own layout (comments "
            "and hand formatting are not kept)")
    for target in targets:
        show(target)
    say(f"presskit: recorded {plural(len(quotes), 'pending quote')} in {kit_path}{by}")
    return EXIT_OK
