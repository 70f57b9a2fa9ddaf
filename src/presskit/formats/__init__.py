"""The kit in every channel besides the PDF: an e-mail body, a draft message, Markdown.

One walk (``formats.walk``) turns the kit into a format-free :class:`Document`; each format
is a small writer over it (``html``, ``plain``, ``commonmark``), so the e-mail, the text and
the web page say the same things in the same order as the PDF. No Qt.

- :func:`email_parts` → :class:`EmailParts` (``.html``, ``.text``, ``.images``, warnings)
- :func:`draft_message` → the ``.eml`` bytes of a draft ready to open in a mail client (From
  the kit's first media contact or ``from_address``; the PDF attached when given one as an
  :class:`Attachment`)
- :func:`markdown` → a Markdown page for a website or a CMS
- :func:`export` → the files of one format, as the command line writes them
- ``formats.bundle``: the kit with its pictures, fonts and PDF in one ``.presskitz`` file
"""

from __future__ import annotations

from presskit.formats.commonmark import markdown_text
from presskit.formats.document import Document
from presskit.formats.exports import FORMATS, Exported, export
from presskit.formats.mail import (
    Attachment,
    EmailParts,
    InlineImage,
    draft_message,
    email_parts,
)
from presskit.formats.walk import build_document
from presskit.model import Kit


def markdown(kit: Kit) -> str:
    """The kit as a Markdown (CommonMark) page."""
    return markdown_text(build_document(kit)[0])


__all__ = [
    "FORMATS", "Attachment", "Document", "EmailParts", "Exported", "InlineImage", "build_document",
    "draft_message", "email_parts", "export", "markdown",
]
