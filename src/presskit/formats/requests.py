"""Requests for quotes as e-mail: one ``.eml`` draft per expert, and the HTML and text one
expert's request puts on the clipboard.

Each draft is the project's own draft message (``formats.mail.message``: From, Date,
Message-ID, ``X-Unsent: 1``, text and HTML alternatives) with the expert as its To: opened in
Outlook, Thunderbird or Apple Mail it is ready to read over and send. The HTML is plain on
purpose: a personal letter, not a newsletter, so it looks written by hand in every client.
"""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass
from email import policy

from presskit.formats.mail import EmailParts, address, message, sender
from presskit.library.requests import Letter
from presskit.model.ids import slugify, unique_id
from presskit.model.kit import Kit


@dataclass(frozen=True)
class Draft:
    """One expert's draft: the file name to save it under and the message's bytes."""

    expert_id: str
    filename: str
    data: bytes


def letter_html(letter: Letter) -> str:
    """The letter as a small HTML document: paragraphs, the signature's lines broken."""
    paragraphs = "".join(f"<p>{_escaped(p)}</p>\n" for p in letter.paragraphs)
    signed = "<br>\n".join(html.escape(line) for line in letter.signature)
    return (
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
        f"<title>{html.escape(letter.subject)}</title></head>\n"
        "<body style=\"font-family: Arial, Helvetica, sans-serif; font-size: 15px; "
        "line-height: 1.5; color: #222222;\">\n"
        f"{paragraphs}<p>{signed}</p>\n</body></html>\n"
    )


def _escaped(paragraph: str) -> str:
    return "<br>\n".join(html.escape(line) for line in paragraph.split("\n"))


def letter_parts(letter: Letter) -> EmailParts:
    return EmailParts(subject=letter.subject, html=letter_html(letter), text=letter.text)


def draft(kit: Kit, letter: Letter, *, from_address: str = "",
          now: dt.datetime | None = None) -> bytes:
    """``letter`` as a complete ``.eml`` draft addressed to the expert (no To when the
    expert has no usable address); the sender as ``formats.mail.sender`` chooses it."""
    built = message(letter_parts(letter), sender=sender(kit, from_address), now=now)
    to = address(letter.name, letter.to)
    if to is not None:
        # Right after From, where a reader of the raw file looks for it.
        built["To"] = to
    return built.as_bytes(policy=policy.SMTP)


def drafts(kit: Kit, letters: list[Letter], *, from_address: str = "",
           now: dt.datetime | None = None) -> list[Draft]:
    """A draft per letter, named ``request-<expert-id>.eml`` (unique, safe on every file
    system: the id made a slug)."""
    taken: set[str] = set()
    found = []
    for letter in letters:
        stem = unique_id(f"request-{slugify(letter.expert_id, 'expert')}", taken)
        taken.add(stem)
        found.append(Draft(letter.expert_id, f"{stem}.eml",
                           draft(kit, letter, from_address=from_address, now=now)))
    return found
