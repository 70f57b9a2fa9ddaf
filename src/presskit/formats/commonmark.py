"""Document → Markdown (CommonMark) for a website or a CMS.

The headline is the one ``#`` heading, section and box headings are ``##`` (so the levels
never skip one, as screen readers and outline views expect); quotes are blockquotes ending
in their attribution. User text is escaped so
that what was typed is what the page shows: every character Markdown could read as syntax
(``*``, ``_``, ``[``, ``<``, a ``#`` or a list marker at the start of a line…) gets a backslash,
and ``&`` one where it would start an entity. Emphasis becomes ``**``/``*``, links
``[title](url)``, line breaks inside a paragraph a backslash at the end of the line. Images
are left out: a headshot's path on this computer means nothing on a website.
"""

from __future__ import annotations

import re

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
    Run,
    TextSection,
)

#: Characters that are syntax anywhere in a line (``#`` too, for a heading's closing hashes).
_ANYWHERE = re.compile(r"([\\`*_\[\]<>|~#])")
#: ``&`` that would start a character reference such as ``&amp;`` or ``&#42;``.
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
#: What is syntax only at the start of a line: block quote, list and heading underline marks,
#: and the dot or bracket of an ordered list number.
_LINE_START = re.compile(r"^(\s*)([>+=\-])|^(\s*\d+)([.)])", re.MULTILINE)
#: Characters a link target may not hold bare.
_URL_UNSAFE = re.compile(r"[()<>\\\s\"']")


def escape(text: str) -> str:
    """``text`` as Markdown that shows exactly ``text``."""
    text = _ENTITY.sub(r"\\&", _ANYWHERE.sub(r"\\\1", text))
    return _LINE_START.sub(_escape_line_start, text)


def _escape_line_start(match: re.Match[str]) -> str:
    if match.group(2) is not None:
        return f"{match.group(1)}\\{match.group(2)}"
    return f"{match.group(3)}\\{match.group(4)}"


def _url(url: str) -> str:
    return _URL_UNSAFE.sub(lambda m: f"%{ord(m.group(0)):02X}", url)


def _run(run: Run) -> str:
    text = escape(run.text).replace("\n", "\\\n")
    if run.url:
        text = f"[{text}]({_url(run.url)})"
    return text


def inline(paragraph: Paragraph) -> str:
    """The paragraph's runs with ``**bold**`` and ``*italic*`` around runs of each.

    Neighbouring runs share their delimiters (``**a *b* c**``), so emphasis that spans a link
    or a nested italic stays one piece, as CommonMark needs it.
    """
    out: list[str] = []
    opened: list[str] = []  # the delimiters open now, innermost last
    for run in paragraph:
        wanted = {"**": run.bold, "*": run.italic}
        # Close inner delimiters first, down to the last one this run no longer wants (one
        # it still wants that was closed on the way is opened again below).
        while any(not wanted[mark] for mark in opened):
            out.append(opened.pop())
        for mark in ("**", "*"):
            if wanted[mark] and mark not in opened:
                out.append(mark)
                opened.append(mark)
        out.append(_run(run))
    out += reversed(opened)
    return "".join(out)


def _one_line(text: str) -> str:
    return escape(" ".join(text.split()))


def _paras(paragraphs: list[Paragraph]) -> list[str]:
    return [inline(p) for p in paragraphs]


def _person(person: Person) -> str:
    line = f"**{_one_line(person.name)}**"
    if person.pronouns:
        line += f" ({_one_line(person.pronouns)})"
    if person.title:
        line += f", *{_one_line(person.title)}*"
    return line


def _quoted(lines: list[str]) -> str:
    """Markdown paragraphs inside one blockquote."""
    return "\n>\n".join("\n".join(f"> {line}" for line in p.split("\n")) for p in lines)


def _block(block: Block) -> list[str]:
    if isinstance(block, (Lead, ContactBox)):
        return _paras(block.paragraphs)
    if isinstance(block, Callout):
        head = [f"## {_one_line(block.heading)}"] if block.heading else []
        return head + _paras(block.paragraphs)
    if isinstance(block, Quotes):
        out = [f"## {_one_line(block.heading)}"] if block.heading else []
        for entry in block.entries:
            out.append(_quoted([*_paras(entry.paragraphs), f"— {_person(entry.person)}"]))
        return out
    if isinstance(block, TextSection):
        head = [f"## {_one_line(block.heading)}"] if block.heading else []
        return head + _paras(block.paragraphs)
    if isinstance(block, Bios):
        out = [f"## {_one_line(block.heading)}"]
        for bio in block.bios:
            out.append(_person(bio.person))
            out += _paras(bio.paragraphs)
        return out
    if isinstance(block, About):
        return [f"## {_one_line(block.heading)}", *_paras(block.paragraphs)]
    raise TypeError(f"no Markdown for {type(block).__name__}")  # a new block type, unwritten


def markdown_text(document: Document) -> str:
    """The document as a Markdown page, blocks separated by blank lines."""
    out: list[str] = []
    masthead = document.masthead
    label = [f"**{_one_line(masthead.series)}**"] if masthead.series else []
    if masthead.organisation:
        label.append(_one_line(masthead.organisation))
    if label:
        out.append(" · ".join(label))
    markings = [escape(document.embargo)] if document.embargo else []
    if document.draft:
        markings.append(escape(document.draft_banner))
    if markings:
        out.append(" · ".join(f"**{marking}**" for marking in markings))
    if document.dateline:
        out.append(f"*{escape(document.dateline)}*")
    out.append(f"# {_one_line(document.headline)}")
    for block in document.blocks:
        out += _block(block)
    footer = [_one_line(document.footer)] if document.footer else []
    if document.website:
        footer.append(f"[{escape(document.website)}]({_url(document.website)})")
    if footer:
        out += ["---", " · ".join(footer)]
    return "\n\n".join(out) + "\n"
