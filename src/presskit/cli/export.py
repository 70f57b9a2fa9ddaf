"""``presskit export`` and ``presskit validate``: a kit to PDF (or e-mail, ``.eml``,
Markdown), and every problem in a kit with its place in the file.

These two need only the engine: ``cli.main`` registers the library commands only for other
commands, so an export never imports the roster, spreadsheet or bundle code.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from presskit import long_lived
from presskit.cli.guard import EXIT_ERRORS, EXIT_OK, EXIT_WARNINGS, guarded, say, show
from presskit.model import Problem
from presskit.render import RenderedPdf, render_pdf
from presskit.storage import (
    LoadedKit,
    format_problem,
    load_kit,
    replace_all,
    replace_with_folder,
)
from presskit.storage.bundle.inputs import input_clash
from presskit.storage.errors import position_of

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


def add_commands(commands: argparse._SubParsersAction[Any]) -> None:
    """Register ``export`` and ``validate`` on ``presskit``'s commands."""
    export = commands.add_parser(
        "export",
        help="export a kit to PDF, an e-mail or Markdown",
        description="Export KIT to a branded PDF (the default), an e-mail body (OUT.html and "
        "OUT.txt, with its pictures in OUT_files/), a draft message to open in a mail "
        "client (OUT.eml) or a Markdown page (OUT.md). Warnings go to standard error.",
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
        "--attach-pdf", action="store_true",
        help="eml only: attach the kit's PDF to the draft",
    )
    export.add_argument(
        "--from", dest="from_address", metavar="ADDRESS", default="",
        help="eml only: the sender (\"Name <address>\" or an address) when the kit has no "
        "media contact with an e-mail address; the first contact's is used otherwise",
    )
    export.add_argument(
        "--image-base-url", metavar="URL", default="",
        help="email only: the web address (http or https) where the pictures of OUT_files/ "
        "will be hosted; the HTML then refers to URL/logo.png … instead of the folder",
    )
    export.add_argument(
        "--strict", action="store_true",
        help="treat warnings (unapproved quotes, missing images, …) as errors",
    )
    export.set_defaults(handler=guarded(_export))

    validate = commands.add_parser(
        "validate",
        help="check a kit and list every problem",
        description="List every error and warning in KIT with its location. "
        "Exit status: 0 clean, 1 warnings only, 2 errors.",
    )
    validate.add_argument("kit", type=Path, metavar="KIT", help="the .presskit file")
    validate.set_defaults(handler=guarded(_validate))


def _check(path: Path) -> tuple[LoadedKit, RenderedPdf, list[Problem]]:
    """Load and render ``path``; every warning either step found, load's first."""
    with long_lived.reading():  # frozen before the collector is back: it never walks the kit
        loaded = load_kit(path)
        froze = long_lived.freeze_unless_frozen()  # the kit lives until its PDF is made
    try:
        with long_lived.building(set_aside=froze):
            rendered = render_pdf(loaded.kit)
    finally:
        if froze:  # a caller in the same process (a script, the tests) is left as it was
            long_lived.release()
    return loaded, rendered, [*loaded.problems, *rendered.warnings]


def _report(loaded: LoadedKit, problems: Sequence[Problem]) -> None:
    """Print ``problems`` in the order of the file, whichever step found them."""
    for problem in sorted(problems, key=lambda p: position_of(p, loaded.source_map) or (0, 0)):
        say(format_problem(problem, loaded.path, loaded.source_map))


def _export(args: argparse.Namespace) -> int:
    kit_path: Path = args.kit
    output: Path | None = args.output
    format_name: str = args.format
    strict: bool = args.strict
    attach_pdf: bool = args.attach_pdf
    from_address: str = args.from_address
    image_base_url: str = args.image_base_url
    if format_name != "email" and image_base_url:
        say(f"presskit: error: --image-base-url is for --format email (an e-mail body), "
            f"not {format_name}")
        return EXIT_ERRORS
    if image_base_url:
        from presskit.formats.mail import hosted_base

        try:
            image_base_url = hosted_base(image_base_url)
        except ValueError as exc:
            say(f"presskit: error: --image-base-url: {exc}")
            return EXIT_ERRORS
    if format_name != "eml" and (attach_pdf or from_address):
        option = "--attach-pdf" if attach_pdf else "--from"
        say(f"presskit: error: {option} is for --format eml (a draft message), "
            f"not {format_name}")
        return EXIT_ERRORS
    if from_address:
        from presskit.formats.mail import parse_address

        if parse_address(from_address) is None:
            say(f"presskit: error: --from {from_address!r} is not an e-mail address; write "
                "it as name@example.org or \"Your Name <name@example.org>\"")
            return EXIT_ERRORS
    pictures: dict[str, bytes] = {}
    folder: Path | None = None  # where the e-mail's pictures go
    if format_name == "pdf":
        loaded, rendered, warnings = _check(kit_path)
        files = {".pdf": rendered.data}
    elif attach_pdf:
        from presskit.formats import Attachment, export

        loaded, rendered, warnings = _check(kit_path)
        pdf = Attachment(kit_path.with_suffix(".pdf").name, rendered.data)
        exported = export(loaded.kit, format_name, from_address=from_address, pdf=pdf)
        files = exported.files
        # The PDF and the e-mail prepare the same pictures: a photo missing is said once.
        warnings += [w for w in exported.warnings if w not in warnings]
    else:
        # Imported for these formats only: a PDF export, timed as a whole process by the
        # benchmark, does not load the e-mail and Markdown writers.
        from presskit.formats import export
        from presskit.formats.exports import picture_folder
        from presskit.formats.mail import picture_base

        loaded = load_kit(kit_path)
        html_target = _output_path(kit_path, output, ".html")
        image_base = image_base_url or picture_base(picture_folder(html_target).name)
        exported = export(loaded.kit, format_name, from_address=from_address,
                          image_base=image_base)
        files, warnings = exported.files, [*loaded.problems, *exported.warnings]
        pictures = exported.pictures
        folder = picture_folder(html_target) if pictures else None
    _report(loaded, warnings)
    if strict and warnings:
        noun = "warning" if len(warnings) == 1 else "warnings"
        say(f"presskit: error: {len(warnings)} {noun} with --strict; nothing written")
        return EXIT_ERRORS
    targets = {suffix: _output_path(kit_path, output, suffix) for suffix in files}
    # -o naming the kit or a picture it uses is a slip of the finger, refused even where the
    # format's extension would have saved it; so is a picture written over one of them.
    named = [*targets.values(), *([output] if output is not None else []),
             *([folder, *(folder / name for name in pictures)] if folder and pictures else [])]
    clash = input_clash(named, loaded.path, loaded.kit)
    if clash is not None:
        say(f"presskit: error: {clash}; choose another name for the export")
        return EXIT_ERRORS
    # The set is replaced whole or not at all: an e-mail's HTML never pairs with an old text
    # or old pictures.
    outputs = {target: files[suffix] for suffix, target in targets.items()}
    if folder is not None and pictures:
        replace_with_folder(outputs, folder, pictures)
    else:
        replace_all(outputs)
    for target in [*targets.values(), *([folder] if folder is not None and pictures else [])]:
        show(target)  # one path a line, for scripts: the pictures' folder last
    return EXIT_OK


def _output_path(kit_path: Path, output: Path | None, suffix: str) -> Path:
    """Where the file with ``suffix`` goes: ``output`` with that extension (a folder: the
    kit's name in it; nothing: beside the kit)."""
    if output is None:
        return kit_path.with_suffix(suffix)
    if os.path.isdir(output):  # False, not an error, for a name too long to exist
        return output / kit_path.with_suffix(suffix).name
    if output.suffix.lower() == suffix:
        return output  # as given, in the case the user typed it
    if output.suffix.lower() in _KNOWN_SUFFIXES:
        return output.with_suffix(suffix)
    return output.with_name(output.name + suffix)


def _validate(args: argparse.Namespace) -> int:
    kit_path: Path = args.kit
    loaded, _rendered, warnings = _check(kit_path)
    _report(loaded, warnings)
    if warnings:
        return EXIT_WARNINGS
    show(f"{kit_path}: no problems found")
    return EXIT_OK
