"""Document → the HTML body of a press e-mail, built for what mail clients really render.

Outlook for Windows lays e-mail out with Word's engine: it ignores ``max-width``, ``margin``
on tables and padding or borders on ``<div>``s, and reads only the first font of a stack.
Gmail's apps with a non-Google account drop the ``<style>`` block. So everything that must
hold is a table with inline styles: spacing is cell padding and spacer rows, the 640 px
column is fixed for Outlook by a "ghost" table inside ``<!--[if mso]>`` comments, and the
few rules in ``<style>`` (narrower side padding on phones, Outlook's font and line-height
fixes) only improve a layout that reads well without them. The person's headshot sits
beside their name, not beside the quote, so a quote keeps the full column at any width (at
least 260 px on a 375 px phone). Colours are the PDF's palette (every text at least 4.5:1),
declared light-only so Apple Mail keeps them, and set on every cell so a client that
inverts them keeps each ink with its ground. A hidden preheader (the lead's first sentence)
is what the inbox list shows beside the subject. Every piece of user text goes through
:func:`html.escape`, and links are the document's own (http, https, mailto, or tel: digits). Images
are given by the caller as ``src`` values, so this module does no I/O. docs/email-layout.md
says which client ignores what, from caniemail.com's data.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from pathlib import Path

from presskit.formats.document import (
    About,
    Bio,
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
    plain_text,
)
from presskit.model.wording import logo_description, photo_description

WIDTH = 640  # px: the message column
PADDING = 32  # px: left and right of the content
NARROW_PADDING = 20  # px: the same on a phone, where the <style> block is read
NARROW = 480  # px: screens up to this wide are phones
BODY_SIZE = 16  # px: the body text
HEADSHOT = 48  # px: displayed size of a headshot, beside the name
LOGO_HEIGHT = 44  # px: the logo's largest displayed height
LOGO_WIDTH = 260
_SIDE_LOGO = 120  # px: a logo up to this wide sits beside the series, a wider one above it
PAGE_GROUND = "#f1f2f4"  # around the message column
WHITE = "#ffffff"
#: Outlook for Windows uses only the first font of a stack, Times New Roman if it is missing.
_WINDOWS_SANS = "Arial,sans-serif"
_WINDOWS_SERIF = "Georgia,serif"
#: A phone number written with spaces: "+47 22 00 00 00", "(202) 555 0100" (as ``plain``).
_PHONE = re.compile(r"(?<![\w+])\+?\(?\d[\d().\-/]*(?: \(?\d[\d().\-/]*)+(?!\w)")
_PHONE_DIGITS = 7  # fewer digits is a date or a count, not a number to dial
#: Words whose full stop does not end a sentence.
_ABBREVIATIONS = frozenset({"dr", "mr", "mrs", "ms", "prof", "st", "no", "vs", "etc", "e.g",
                            "i.e", "jr", "sr", "gen", "col", "sen", "rep", "gov", "hon"})
_PREHEADER_LIMIT = 200  # characters: inbox lists show about 40 to 140
#: After the preheader: invisible characters, so the list shows nothing of the body after it.
_PREHEADER_FILL = "&#847;&zwnj;&nbsp;" * 30


@dataclass(frozen=True)
class Picture:
    """An image the HTML may show: its ``src`` and its displayed size in CSS pixels."""

    src: str
    width: int
    height: int


#: ``(file, kind)`` → the picture, or ``None`` if the file cannot be used; kind is
#: ``"logo"`` or ``"headshot"``.
Pictures = Callable[[Path, str], Picture | None]


@dataclass(frozen=True)
class Look:
    """The brand as e-mail styles: ``#rrggbb`` colours and CSS font stacks."""

    primary: str
    accent: str
    text: str
    muted: str
    heading_ink: str
    rule: str
    primary_tint: str
    accent_tint: str
    on_accent: str
    accent_ink: str
    link: str
    body_font: str
    heading_font: str
    round_photos: bool


def _attr(value: str) -> str:
    return escape(value, quote=True)


def _unbroken(match: re.Match[str]) -> str:
    number = match.group(0)
    if sum(c.isdigit() for c in number) < _PHONE_DIGITS:
        return number
    stop = number[len(number.rstrip(".")):]  # the sentence's full stop, not the number's
    number = number.rstrip(".")
    # Non-breaking spaces hold in every client; nowrap also holds a "-" or "/" (not in
    # Outlook for Windows, which ignores white-space).
    return f'<span style="white-space:nowrap;">{number.replace(" ", "&nbsp;")}</span>{stop}'


def _text(value: str) -> str:
    """User text as HTML: escaped, line breaks as ``<br>``, phone numbers unbreakable."""
    return "<br>".join(_PHONE.sub(_unbroken, escape(line, quote=False))
                       for line in value.split("\n"))


def first_sentence(text: str) -> str:
    """The first sentence of ``text``: up to a full stop, ! or ? followed by a space and a
    capital or a digit (not after an abbreviation or an initial such as "U.S."), at most
    :data:`_PREHEADER_LIMIT` characters, cut at a word."""
    text = " ".join(text.split())
    for match in re.finditer(r"[.!?][\"'\u201d\u2019)]*(?= [\"'\u201c\u2018(]?(\w))", text):
        following = match.group(1)
        if not (following.isupper() or following.isdigit()):
            continue
        word = text[:match.start()].rsplit(" ", 1)[-1].lstrip("(").lower()
        if match.group(0)[0] == "." and (word in _ABBREVIATIONS or len(word) == 1
                                         or "." in word):
            continue
        text = text[:match.end()]
        break
    if len(text) > _PREHEADER_LIMIT:
        text = text[:_PREHEADER_LIMIT].rsplit(" ", 1)[0] + "\u2026"
    return text


def preheader(document: Document) -> str:
    """What the inbox list shows after the subject: the lead's first sentence, or ``""``."""
    for block in document.blocks:
        if isinstance(block, Lead) and block.paragraphs:
            return first_sentence(plain_text(block.paragraphs[0]))
    return ""


def _spacer(height: int, color: str = "", colspan: int = 1) -> str:
    """A row ``height`` px tall: the spacing Outlook keeps (it ignores margins on tables)."""
    ground = f' bgcolor="{color}"' if color else ""
    style = f"background-color:{color};" if color else ""
    span = f' colspan="{colspan}"' if colspan > 1 else ""
    return (f'<tr><td{span} height="{height}"{ground} style="height:{height}px;{style}'
            f'font-size:1px;line-height:1px;">&nbsp;</td></tr>')


def _table(rows: str, width: str = "100%", hidden: bool = False) -> str:
    """A layout table (``role="presentation"``: screen readers read its text, not a grid)."""
    style = f' style="width:{width};"' if width.endswith("%") else ""
    aria = ' aria-hidden="true"' if hidden else ""
    return (f'<table role="presentation"{aria} width="{width}" cellpadding="0" '
            f'cellspacing="0" border="0"{style}>{rows}</table>')


class _Writer:
    def __init__(self, look: Look, pictures: Pictures) -> None:
        self.look = look
        self.pictures = pictures

    # -- inline ------------------------------------------------------------------------------

    def runs(self, paragraph: Paragraph) -> str:
        out = []
        for run in paragraph:
            html = _text(run.text)
            if run.italic:
                html = f"<em>{html}</em>"
            if run.bold:
                html = f"<strong>{html}</strong>"
            if run.url:
                html = (f'<a href="{_attr(run.url)}" style="color:{self.look.link};'
                        f'text-decoration:underline;">{html}</a>')
            if run.lang:  # a valid language tag (model.text): letters, digits and hyphens
                html = f'<span lang="{_attr(run.lang)}">{html}</span>'
            out.append(html)
        return "".join(out)

    def para(self, paragraph: Paragraph, *, margin: str, size: int = BODY_SIZE,
             color: str = "") -> str:
        # The body's font, size, line height and colour are inherited from the column's
        # cell, and Outlook for Windows (which does not inherit into nested tables) gets
        # them from its own <style>; a paragraph says only how it differs.
        style = f"margin:{margin};"
        style += f"font-size:{size}px;" if size != BODY_SIZE else ""
        style += f"color:{color};" if color else ""
        return f'<p style="{style}">{self.runs(paragraph)}</p>'

    def paras(self, paragraphs: list[Paragraph], *, margin: str = "0 0 14px",
              size: int = BODY_SIZE, color: str = "") -> str:
        return "".join(self.para(p, margin=margin, size=size, color=color) for p in paragraphs)

    # -- building blocks ---------------------------------------------------------------------

    def row(self, content: str, top: int = 0, bottom: int = 0, style: str = "") -> str:
        """A row of the column: ``content`` between the side paddings (narrower on phones)."""
        return (f'<tr><td class="pk-side" style="padding:{top}px {PADDING}px {bottom}px;'
                f'{style}">{content}</td></tr>')

    def heading(self, text: str) -> str:
        look = self.look
        rule = _table(_spacer(3, look.accent), width="28")
        return (f'{rule}<h2 class="pk-head" style="margin:10px 0 14px;'
                f'font-family:{look.heading_font};font-size:20px;line-height:1.3;'
                f'font-weight:bold;color:{look.heading_ink};">{_text(text)}</h2>')

    def box(self, content: str, background: str, bar: str) -> str:
        # A border on a cell is the one Outlook for Windows draws (not on a div).
        return _table(f'<tr><td bgcolor="{background}" style="padding:16px 20px 4px;'
                      f'background-color:{background};border-left:4px solid {bar};">'
                      f"{content}</td></tr>")

    def photo(self, person: Person) -> str:
        look = self.look
        radius = "border-radius:50%;" if look.round_photos else ""
        picture = self.pictures(person.photo, "headshot") if person.photo else None
        if picture is not None:
            alt = _attr(photo_description(person.name))
            return (f'<img src="{_attr(picture.src)}" width="{HEADSHOT}" height="{HEADSHOT}" '
                    f'alt="{alt}" style="display:block;width:{HEADSHOT}px;'
                    f'height:{HEADSHOT}px;border:0;{radius}">')
        # No usable photo: the initials on a grey disc or square, as the PDF's placeholder;
        # decoration (the name follows), so screen readers skip it.
        return _table(f'<tr><td width="{HEADSHOT}" height="{HEADSHOT}" align="center" '
                      f'valign="middle" bgcolor="{look.rule}" style="width:{HEADSHOT}px;'
                      f'height:{HEADSHOT}px;background-color:{look.rule};{radius}'
                      f'font-size:16px;font-weight:bold;color:{look.muted};">'
                      f"{_text(person.initials)}</td></tr>",
                      width=str(HEADSHOT), hidden=True)

    def person(self, person: Person, with_photo: bool) -> str:
        """The first row of a quote or bio: the name (pronouns) and title, with the
        headshot in a cell to their left when asked (then the rows below span two)."""
        look = self.look
        line = f"<strong>{_text(person.name)}</strong>"
        if person.pronouns:
            line += f' <span style="color:{look.muted};">({_text(person.pronouns)})</span>'
        html = f'<p style="margin:0;font-size:16px;line-height:1.4;">{line}</p>'
        if person.title:
            html += (f'<p style="margin:2px 0 0;font-size:14px;line-height:1.4;'
                     f'font-style:italic;color:{look.muted};">{_text(person.title)}</p>')
        cell = f'<td valign="middle" style="padding:0 0 10px;">{html}</td>'
        if not with_photo:
            return f"<tr>{cell}</tr>"
        return (f'<tr><td width="{HEADSHOT}" valign="middle" style="width:{HEADSHOT}px;'
                f'padding:0 12px 10px 0;">{self.photo(person)}</td>{cell}</tr>')

    def entry(self, person: Person, photos: bool, body: str, style: str, after: int) -> str:
        """One quote or bio as one table: the person, ``body`` under them across the
        column, then ``after`` px of space."""
        span = ' colspan="2"' if photos else ""
        style = f' style="{style}"' if style else ""
        return _table(f"{self.person(person, photos)}<tr><td{span}{style}>{body}"
                      f"</td></tr>{_spacer(after, colspan=2 if photos else 1)}")

    # -- sections ----------------------------------------------------------------------------

    def block(self, block: Block) -> str:
        look = self.look
        if isinstance(block, Lead):
            return self.row(self.paras(block.paragraphs, size=18))
        if isinstance(block, ContactBox):
            return self.row(self.box(self.paras(block.paragraphs, size=15), look.primary_tint,
                                     look.primary), top=4, bottom=22)
        if isinstance(block, Callout):
            content = ""
            if block.heading:
                content += (f'<p class="pk-head" style="margin:0 0 6px;'
                            f'font-family:{look.heading_font};font-size:16px;line-height:1.4;'
                            f'font-weight:bold;">{_text(block.heading)}</p>')
            content += self.paras(block.paragraphs, size=15)
            return self.row(self.box(content, look.accent_tint, look.accent), top=4,
                            bottom=22)
        if isinstance(block, Quotes):
            return self.row(self.quotes(block), top=14 if block.heading else 8)
        if isinstance(block, TextSection):
            head = self.heading(block.heading) if block.heading else ""
            return self.row(head + self.paras(block.paragraphs), top=14 if head else 0)
        if isinstance(block, Bios):
            return self.row(self.heading(block.heading)
                            + "".join(self.bio(bio, block.photos) for bio in block.bios),
                            top=14, style="font-size:15px;")
        if isinstance(block, About):
            return self.row(self.heading(block.heading)
                            + self.paras(block.paragraphs, size=15, color=look.muted), top=14)
        raise TypeError(f"no HTML for {type(block).__name__}")  # a new block type, unwritten

    def quotes(self, block: Quotes) -> str:
        head = self.heading(block.heading) if block.heading else ""
        return head + "".join(self.quote(entry, block.photos) for entry in block.entries)

    def quote(self, entry: QuoteEntry, photos: bool) -> str:
        """The person, then the quote under them at the column's full width, ruled on the
        left by the cell's border (which Outlook draws, unlike a div's)."""
        paras = [self.para(p, margin="0 0 10px") for p in entry.paragraphs]
        if paras:
            paras[-1] = paras[-1].replace('margin:0 0 10px;', 'margin:0;', 1)
        return self.entry(entry.person, photos, "".join(paras), f"padding:2px 0 2px 14px;"
                          f"border-left:3px solid {self.look.rule};", 20)

    def bio(self, bio: Bio, photos: bool) -> str:
        return self.entry(bio.person, photos,
                          self.paras(bio.paragraphs, margin="0 0 8px", size=15), "", 12)

    # -- the page ----------------------------------------------------------------------------

    def masthead(self, document: Document) -> str:
        look = self.look
        masthead = document.masthead
        logo = self.pictures(masthead.logo, "logo") if masthead.logo else None
        left = ""
        if logo is not None:
            alt = _attr(logo_description(masthead.organisation))
            # max-width lets a wide logo shrink on a narrow phone; Outlook keeps the width.
            left = (f'<img src="{_attr(logo.src)}" width="{logo.width}" height="{logo.height}" '
                    f'alt="{alt}" style="display:block;border:0;width:{logo.width}px;'
                    f'max-width:100%;height:auto;">')
        right = ""
        if masthead.series:
            right += (f'<p class="pk-head" style="margin:0;font-family:{look.heading_font};'
                      f'font-size:13px;line-height:1.4;font-weight:bold;letter-spacing:1.5px;'
                      f'text-transform:uppercase;color:{look.heading_ink};">'
                      f"{_text(masthead.series)}</p>")
        if masthead.organisation:
            right += (f'<p style="margin:0;font-size:12px;line-height:1.4;'
                      f'color:{look.muted};">{_text(masthead.organisation)}</p>')
        if not left and not right:
            return ""
        span = 1
        if logo is None or not right:
            rows = f"<tr><td>{left or right}</td></tr>"
        elif logo.width > _SIDE_LOGO:
            # A wide logo has its own row: beside it the series would be squeezed to a
            # few letters a line on a phone, and no <style> is needed to stack them.
            rows = f'<tr><td style="padding:0 0 12px;">{left}</td></tr><tr><td>{right}</td></tr>'
        else:
            # The logo's cell keeps the logo's width; the series takes the rest, right.
            span = 2
            rows = (f'<tr><td width="{logo.width}" valign="middle" style="padding:0 12px 0 0;">'
                    f'{left}</td><td valign="middle" align="right" style="text-align:right;">'
                    f"{right}</td></tr>")
        # The rule under it is a 1 px row of colour, which every client draws alike.
        table = _table(rows + _spacer(18, colspan=span) + _spacer(1, look.rule, colspan=span))
        return self.row(table, top=28)

    def markings(self, document: Document) -> str:
        look = self.look
        rows = ""
        if document.embargo:
            # Dark text on a pale tint under an accent stripe, not on the accent itself: a
            # client that darkens light grounds and lightens dark text for dark mode keeps
            # that pair readable, while light text on a mid-tone accent would not be.
            rows += (_spacer(4, look.accent)
                     + f'<tr><td class="pk-side" align="center" bgcolor="{look.accent_tint}" '
                     f'style="padding:10px {PADDING}px;background-color:{look.accent_tint};'
                     f'border-bottom:1px solid {look.accent};font-size:13px;line-height:1.4;'
                     f'font-weight:bold;letter-spacing:1px;color:{look.text};">'
                     f"{_text(document.embargo)}</td></tr>")
        if document.draft:
            rows += (f'<tr><td class="pk-side" align="center" style="padding:8px {PADDING}px;'
                     f'border-bottom:1px solid {look.rule};font-size:12px;line-height:1.4;'
                     f'font-weight:bold;letter-spacing:1px;color:{look.accent_ink};">'
                     f"{_text(document.draft_banner)}</td></tr>")
        return rows

    def front(self, document: Document) -> str:
        look = self.look
        out = ""
        if document.dateline:
            out += (f'<p style="margin:0 0 6px;font-size:13px;line-height:1.4;'
                    f'font-weight:bold;letter-spacing:0.5px;color:{look.accent_ink};">'
                    f"{_text(document.dateline)}</p>")
        out += (f'<h1 class="pk-head pk-title" style="margin:0 0 18px;'
                f'font-family:{look.heading_font};font-size:28px;line-height:1.25;'
                f'font-weight:bold;color:{look.heading_ink};">{_text(document.headline)}</h1>')
        return self.row(out, top=28 if document.dateline else 30)

    def footer(self, document: Document) -> str:
        look = self.look
        lines = []
        if document.footer:
            lines.append(_text(document.footer))
        if document.website:
            lines.append(f'<a href="{_attr(document.website)}" style="color:{look.link};'
                         f'text-decoration:underline;">{_text(document.website)}</a>')
        if not lines:
            return ""
        return (f'<tr><td class="pk-side" bgcolor="{look.primary_tint}" '
                f'style="padding:20px {PADDING}px 24px;background-color:{look.primary_tint};'
                f'border-top:1px solid {look.rule};font-size:12px;line-height:1.6;'
                f'color:{look.muted};">{"<br>".join(lines)}</td></tr>')

    def style(self) -> str:
        """The <style> block: improvements only, the layout holds without it. Outlook for
        Windows reads the conditional part (fonts it has, exact line heights)."""
        look = self.look
        body = _WINDOWS_SERIF if _serif(look.body_font) else _WINDOWS_SANS
        heading = _WINDOWS_SERIF if _serif(look.heading_font) else _WINDOWS_SANS
        return (
            "<style>\n"
            ":root{color-scheme:light;supported-color-schemes:light;}\n"
            f"@media screen and (max-width:{NARROW}px){{"
            f".pk-side{{padding-left:{NARROW_PADDING}px!important;"
            f"padding-right:{NARROW_PADDING}px!important;}}"
            ".pk-page{padding:0!important;}"
            ".pk-title{font-size:24px!important;}}\n"
            "</style>\n"
            "<!--[if mso]>\n<style>\n"
            f"td,p,a,span,strong,em{{font-family:{body}!important;"
            "mso-line-height-rule:exactly;}\n"
            f"td,p{{font-size:{BODY_SIZE}px;line-height:1.6;color:{look.text};}}\n"
            f".pk-head{{font-family:{heading}!important;}}\n"
            "</style>\n<![endif]-->\n"
        )

    def page(self, document: Document) -> str:
        look = self.look
        body = "".join([
            _spacer(6, look.primary),
            self.markings(document),
            self.masthead(document),
            self.front(document),
            *(self.block(block) for block in document.blocks),
            _spacer(12),
            self.footer(document),
        ])
        hidden = preheader(document)
        if hidden:
            hidden = ('<div style="display:none;max-height:0;overflow:hidden;mso-hide:all;'
                      f'font-size:1px;line-height:1px;color:{PAGE_GROUND};opacity:0;">'
                      f"{_text(hidden)}{_PREHEADER_FILL}</div>\n")
        return (
            f'<!DOCTYPE html>\n<html lang="{_attr(document.language)}">\n<head>\n'
            '<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            '<meta name="x-apple-disable-message-reformatting">\n'
            '<meta name="color-scheme" content="light">\n'
            '<meta name="supported-color-schemes" content="light">\n'
            f"<title>{escape(document.subject, quote=False)}</title>\n{self.style()}</head>\n"
            f'<body bgcolor="{PAGE_GROUND}" style="margin:0;padding:0;'
            f'background-color:{PAGE_GROUND};">\n{hidden}'
            f'<table role="presentation" width="100%" cellpadding="0" cellspacing="0" '
            f'border="0" bgcolor="{PAGE_GROUND}" style="width:100%;'
            f'background-color:{PAGE_GROUND};"><tr>'
            '<td class="pk-page" align="center" style="padding:24px 8px;">\n'
            # Outlook for Windows ignores max-width: a fixed-width table only it reads.
            f'<!--[if mso]><table role="presentation" width="{WIDTH}" align="center" '
            'cellpadding="0" cellspacing="0" border="0"><tr><td><![endif]-->\n'
            f'<table role="presentation" width="100%" cellpadding="0" cellspacing="0" '
            f'border="0" bgcolor="{WHITE}" style="width:100%;max-width:{WIDTH}px;'
            f'background-color:{WHITE};border-collapse:collapse;text-align:left;">\n'
            # word-break: a long address in a quote breaks rather than widening the
            # column past a phone's screen (most clients already break such words).
            f'<tr><td style="font-family:{look.body_font};font-size:{BODY_SIZE}px;'
            f'line-height:1.6;color:{look.text};word-break:break-word;">\n'
            f"{_table(body)}\n</td></tr>\n</table>\n"
            "<!--[if mso]></td></tr></table><![endif]-->\n"
            "</td></tr></table>\n</body>\n</html>\n"
        )


def _serif(stack: str) -> bool:
    """Whether a CSS font stack ends in the generic ``serif``."""
    generic = stack.rsplit(",", 1)[-1].strip().lower()
    return generic == "serif"


def html_body(document: Document, look: Look, pictures: Pictures) -> str:
    """The document as a complete HTML page for the body of an e-mail."""
    return _Writer(look, pictures).page(document)
