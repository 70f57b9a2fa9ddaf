"""Document → plain text: the ``text/plain`` half of the e-mail, wrapped at 72 columns.

A plain-text reader has no links, bold or boxes, so a link becomes a numbered reference,
``title [1]`` in the sentence and ``[1] https://…`` on its own line after the paragraph (an
address that is its own title stays as it is), headings are underlined, boxes sit between
rules, and each quote is followed by its attribution, ``— Name, Title``. Lines are wrapped
with :mod:`textwrap` without breaking words, addresses, phone numbers ("+47 22 00 00 00") or
quoted titles that fit on a line: their spaces are glued for the wrapper and given back
after. An address longer than a line stays whole on a line of its own, where a mail client
can still recognise it.
"""

from __future__ import annotations

import re
import textwrap

from presskit.formats.document import (
    About,
    Bios,
    Block,
    Callout,
    ContactBox,
    Document,
    Lead,
    Paragraph,
    Person,
    QuoteEntry,
    Quotes,
    TextSection,
)
from presskit.model.text import SENTINEL_OPEN

WIDTH = 72
RULE = "-" * WIDTH


#: Glues the words of a span that must not be broken; a private-use character that
#: ``model.text.clean`` keeps out of user text, so it never meets one typed by the user.
_GLUE = SENTINEL_OPEN
#: A phone number written with spaces: "+47 22 00 00 00", "(202) 555 0100".
_PHONE = re.compile(r"(?<![\w+])\+?\(?\d[\d().\-/]*(?: \(?\d[\d().\-/]*)+(?!\w)")
_PHONE_DIGITS = 7  # fewer digits is a date or a count, not a number to dial
#: A quoted title: "…", “…”, „…“, «…», ‘…’ on one line.
_QUOTED = re.compile(r"“[^“”\n]+”|\"[^\"\n]+\"|„[^„“\n]+“|«[^«»\n]+»|‘[^‘’\n]+’")


class References:
    """Links as numbered references: ``title [1]`` in the text, ``[1] https://…`` after
    the paragraph. A plain-text reader cannot follow a link; an address inline breaks the
    sentence (and, inside a quoted title, the title). Numbers run through the message and
    an address linked twice keeps its number."""

    def __init__(self) -> None:
        self.numbers: dict[str, int] = {}

    def text(self, paragraph: Paragraph) -> tuple[str, list[str]]:
        """The paragraph's words with reference marks, and its reference lines."""
        out: list[str] = []
        listed: list[str] = []
        for run in paragraph:
            url = run.url
            out.append(run.text)
            if not url or url in (run.text, f"mailto:{run.text}") or url.startswith("tel:"):
                continue  # the address (or the number to dial) is its own title: as it is
            number = self.numbers.setdefault(url, len(self.numbers) + 1)
            out.append(f"{_GLUE}[{number}]")
            line = f"[{number}]{_GLUE}{url.removeprefix('mailto:')}"
            if line not in listed:
                listed.append(line)
        return "".join(out), listed


def _glued(text: str, room: int) -> str:
    """``text`` with the spaces inside phone numbers and quoted titles made unbreakable,
    where the span fits on a line of ``room`` columns (a longer one has to break)."""

    def glue(match: re.Match[str]) -> str:
        span = match.group(0)
        return span if len(span) > room else span.replace(" ", _GLUE)

    def phone(match: re.Match[str]) -> str:
        digits = sum(c.isdigit() for c in match.group(0))
        return glue(match) if digits >= _PHONE_DIGITS else match.group(0)

    return _QUOTED.sub(glue, _PHONE.sub(phone, text))


def wrap(text: str, indent: str = "", hanging: str = "") -> list[str]:
    """``text`` wrapped at :data:`WIDTH`; its own line breaks are kept, and no line breaks
    inside a phone number, an address, a URL or a quoted title that fits on a line."""
    lines: list[str] = []
    room = WIDTH - max(len(indent), len(hanging)) - 2  # the span and its punctuation
    for number, line in enumerate(text.split("\n")):
        first = indent if number == 0 else hanging or indent
        lines += textwrap.wrap(
            _glued(line, room), WIDTH, initial_indent=first,
            subsequent_indent=hanging or indent, break_long_words=False,
            break_on_hyphens=False,
        ) or [first.rstrip()]
    return [line.replace(_GLUE, " ") for line in lines]


def _heading(text: str, underline: str = "-") -> list[str]:
    lines = wrap(" ".join(text.split()))
    return [*lines, underline * min(WIDTH, max(len(line) for line in lines))]


def person_line(person: Person) -> str:
    """``Dr. Name (she/her), Title`` on one line."""
    line = " ".join(person.name.split())
    if person.pronouns:
        line += f" ({' '.join(person.pronouns.split())})"
    if person.title:
        line += f", {' '.join(person.title.split())}"
    return line


def attribution(person: Person) -> str:
    """``— Dr. Name (she/her), Title``: the line under a quote."""
    return f"— {person_line(person)}"


def _paragraphs(paragraphs: list[Paragraph], refs: References) -> list[list[str]]:
    """Each paragraph wrapped, followed by its references (a paragraph of their own)."""
    out: list[list[str]] = []
    for paragraph in paragraphs:
        text, listed = refs.text(paragraph)
        out.append(wrap(text))
        if listed:
            out.append(_reference_lines(listed))
    return out


def _reference_lines(listed: list[str]) -> list[str]:
    """``[1] https://…`` lines: never wrapped, so the address stays whole and clickable."""
    return [line.replace(_GLUE, " ") for line in listed]


def _boxed(paragraphs: list[list[str]]) -> list[str]:
    """Paragraphs between two rules, as one chunk."""
    lines = [RULE]
    for number, para in enumerate(paragraphs):
        lines += ([""] if number else []) + para
    return [*lines, RULE]


def _quote(entry: QuoteEntry, refs: References) -> list[list[str]]:
    """The quote's paragraphs, its attribution under the last, then its references: the
    words and whose they are stay together."""
    paras: list[list[str]] = []
    listed: list[str] = []
    for paragraph in entry.paragraphs:
        text, found = refs.text(paragraph)
        paras.append(wrap(text))
        listed += [line for line in found if line not in listed]
    if paras:
        paras[-1] += wrap(attribution(entry.person), hanging="  ")
    return paras + ([_reference_lines(listed)] if listed else [])


def _block(block: Block, refs: References) -> list[list[str]]:
    """The block as paragraphs of lines (a blank line goes between paragraphs)."""
    if isinstance(block, Lead):
        return _paragraphs(block.paragraphs, refs)
    if isinstance(block, ContactBox):
        return [_boxed(_paragraphs(block.paragraphs, refs))]
    if isinstance(block, Callout):
        head = [wrap(block.heading)] if block.heading else []
        return [_boxed([*head, *_paragraphs(block.paragraphs, refs)])]
    if isinstance(block, Quotes):
        out = [_heading(block.heading)] if block.heading else []
        for entry in block.entries:
            out += _quote(entry, refs)
        return out
    if isinstance(block, TextSection):
        head = [_heading(block.heading)] if block.heading else []
        return head + _paragraphs(block.paragraphs, refs)
    if isinstance(block, Bios):
        out = [_heading(block.heading)]
        for bio in block.bios:
            # A long name line wraps indented, so that the bio under it reads apart.
            name = wrap(person_line(bio.person), hanging="  ")
            body = _paragraphs(bio.paragraphs, refs)
            out += [name + body[0], *body[1:]] if body else [name]
        return out
    if isinstance(block, About):
        return [_heading(block.heading), *_paragraphs(block.paragraphs, refs)]
    raise TypeError(f"no plain text for {type(block).__name__}")  # a new block type, unwritten


def plain_text(document: Document) -> str:
    """The document as plain text, paragraphs separated by blank lines."""
    top: list[str] = []
    masthead = document.masthead
    label = " · ".join(" ".join(part.split()) for part in (masthead.series, masthead.organisation)
                       if part)
    if label:
        top += wrap(label)
    if document.embargo:
        top += wrap(document.embargo)
    if document.draft:
        top += wrap(document.draft_banner)
    if document.dateline:
        top.append(document.dateline)
    chunks: list[list[str]] = [top] if top else []
    chunks.append(_heading(document.headline, "="))
    refs = References()
    for block in document.blocks:
        chunks += _block(block, refs)
    footer = [line for part in (document.footer, document.website) if part
              for line in wrap(part)]
    if footer:
        chunks += [[RULE, *footer]]
    return "\n\n".join("\n".join(chunk) for chunk in chunks if chunk) + "\n"
