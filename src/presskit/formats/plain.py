"""Document → plain text: the ``text/plain`` half of the e-mail, wrapped at 72 columns.

A plain-text reader has no links, bold or boxes, so a link is written out as ``title <url>``
(once, if the title is the address itself), headings are underlined, boxes sit between
rules, and each quote is followed by its attribution, ``— Name, Title``. Lines are wrapped
with :mod:`textwrap` without breaking words or addresses: an address longer than a line
stays whole on a line of its own, where a mail client can still recognise it.
"""

from __future__ import annotations

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
    Quotes,
    TextSection,
)

WIDTH = 72
RULE = "-" * WIDTH


def run_text(paragraph: Paragraph) -> str:
    """The paragraph's words, each link as ``title <url>``."""
    out: list[str] = []
    for run in paragraph:
        url = run.url
        if not url or url in (run.text, f"mailto:{run.text}"):
            out.append(run.text)
        else:
            out.append(f"{run.text} <{url}>")
    return "".join(out)


def wrap(text: str, indent: str = "", hanging: str = "") -> list[str]:
    """``text`` wrapped at :data:`WIDTH`; its own line breaks are kept."""
    lines: list[str] = []
    for number, line in enumerate(text.split("\n")):
        first = indent if number == 0 else hanging or indent
        lines += textwrap.wrap(
            line, WIDTH, initial_indent=first, subsequent_indent=hanging or indent,
            break_long_words=False, break_on_hyphens=False,
        ) or [first.rstrip()]
    return lines


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


def _paragraphs(paragraphs: list[Paragraph], indent: str = "") -> list[list[str]]:
    return [wrap(run_text(p), indent) for p in paragraphs]


def _boxed(paragraphs: list[list[str]]) -> list[str]:
    """Paragraphs between two rules, as one chunk."""
    lines = [RULE]
    for number, para in enumerate(paragraphs):
        lines += ([""] if number else []) + para
    return [*lines, RULE]


def _block(block: Block) -> list[list[str]]:
    """The block as paragraphs of lines (a blank line goes between paragraphs)."""
    if isinstance(block, Lead):
        return _paragraphs(block.paragraphs)
    if isinstance(block, ContactBox):
        return [_boxed(_paragraphs(block.paragraphs))]
    if isinstance(block, Callout):
        head = [wrap(block.heading)] if block.heading else []
        return [_boxed([*head, *_paragraphs(block.paragraphs)])]
    if isinstance(block, Quotes):
        out = [_heading(block.heading)] if block.heading else []
        for entry in block.entries:
            quote = _paragraphs(entry.paragraphs)
            if quote:
                quote[-1] += wrap(attribution(entry.person), hanging="  ")
            out += quote
        return out
    if isinstance(block, TextSection):
        head = [_heading(block.heading)] if block.heading else []
        return head + _paragraphs(block.paragraphs)
    if isinstance(block, Bios):
        out = [_heading(block.heading)]
        for bio in block.bios:
            name = wrap(person_line(bio.person))
            body = _paragraphs(bio.paragraphs)
            out += [name + body[0], *body[1:]] if body else [name]
        return out
    if isinstance(block, About):
        return [_heading(block.heading), *_paragraphs(block.paragraphs)]
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
    for block in document.blocks:
        chunks += _block(block)
    footer = [line for part in (document.footer, document.website) if part
              for line in wrap(part)]
    if footer:
        chunks += [[RULE, *footer]]
    return "\n\n".join("\n".join(chunk) for chunk in chunks if chunk) + "\n"
