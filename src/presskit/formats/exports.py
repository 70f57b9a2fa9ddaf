"""Each non-PDF export format as the files it writes: ``email`` (``.html`` and ``.txt``, and
its pictures in a folder beside them), ``eml`` (one draft message) and ``markdown``
(``.md``). The caller picks the paths and writes the files as one set with
``storage.replace_all`` (all of them or none: an e-mail's HTML never pairs with the text or
the pictures of an older export); nothing is written here."""

from __future__ import annotations

from dataclasses import dataclass, field
from email import policy
from pathlib import Path

from presskit.formats.commonmark import markdown_text
from presskit.formats.mail import Attachment, email_parts, message, sender
from presskit.formats.walk import build_document
from presskit.model import Kit, Problem

#: Format name → the file extensions it writes, in order.
FORMATS: dict[str, tuple[str, ...]] = {
    "email": (".html", ".txt"),
    "eml": (".eml",),
    "markdown": (".md",),
}


def picture_folder(html: Path) -> Path:
    """Where an e-mail's pictures go, beside its HTML file: ``advisory.html`` →
    ``advisory_files`` (the name browsers give a saved page's files)."""
    return html.with_name(f"{html.stem}_files")


@dataclass
class Exported:
    """The files of one export, by extension, and the warnings found making them."""

    files: dict[str, bytes]
    warnings: list[Problem] = field(default_factory=list)
    #: ``email`` only: the pictures, by file name, for the folder the HTML refers to.
    pictures: dict[str, bytes] = field(default_factory=dict)


def export(kit: Kit, format_name: str, *, from_address: str = "",
           pdf: Attachment | None = None, image_base: str = "") -> Exported:
    """The kit in ``format_name`` (a key of :data:`FORMATS`). For ``eml``: ``from_address``
    is the sender when the kit has no media contact with an address, and ``pdf`` is
    attached. For ``email``: the HTML refers to each picture as ``image_base`` + its file
    name (``"advisory_files/"``, see ``mail.picture_base``, or a web address ending in
    ``/``)."""
    if format_name == "markdown":
        document, warnings = build_document(kit)
        return Exported({".md": markdown_text(document).encode("utf-8")}, warnings)
    if format_name == "eml":
        parts = email_parts(kit)
        draft = message(parts, sender=sender(kit, from_address), pdf=pdf)
        return Exported({".eml": draft.as_bytes(policy=policy.SMTP)}, parts.warnings)
    if format_name == "email":
        # The pictures are files beside the HTML (or hosted): a cid: reference only means
        # something inside a message, and data: URIs are shown by neither Gmail nor Outlook.
        parts = email_parts(kit, inline_images="files", image_base=image_base)
        return Exported({".html": parts.html.encode("utf-8"), ".txt": parts.text.encode("utf-8")},
                        parts.warnings, {image.filename: image.data for image in parts.images})
    raise ValueError(f"unknown format {format_name!r}; choose one of {', '.join(FORMATS)}")
