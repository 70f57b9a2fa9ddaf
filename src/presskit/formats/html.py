"""Document → the HTML body of a press e-mail, as mail clients render it.

Mail clients drop ``<style>`` blocks and scripts and ignore most layout CSS, so everything
here is a table with inline styles, at most 640 px wide (the width most clients show without
scrolling), in the brand's colours (the PDF's palette: tints for the boxes, a readable link
colour) and with its logo. Every piece of user text goes through :func:`html.escape`, and
links are the document's own (http, https or mailto only). Images are given by the caller as
``src`` values (``cid:`` for a message, ``data:`` for the clipboard), so this module does
no I/O.
"""

from __future__ import annotations

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
)
from presskit.model.wording import logo_description, photo_description

WIDTH = 640  # px: the message column
PADDING = 40  # px: left and right of the content
HEADSHOT = 64  # px: displayed size of a headshot
LOGO_HEIGHT = 44  # px: the logo's largest displayed height
LOGO_WIDTH = 260


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


def _text(value: str) -> str:
    """User text as HTML: escaped, line breaks as ``<br>``."""
    return "<br>".join(escape(line, quote=False) for line in value.split("\n"))


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

    def para(self, paragraph: Paragraph, *, size: int = 16, color: str = "",
             margin: str = "0 0 14px 0") -> str:
        color = color or self.look.text
        return (f'<p style="margin:{margin};font-family:{self.look.body_font};'
                f'font-size:{size}px;line-height:1.6;color:{color};">'
                f"{self.runs(paragraph)}</p>")

    def paras(self, paragraphs: list[Paragraph], *, size: int = 16, color: str = "",
              margin: str = "0 0 14px 0") -> str:
        return "".join(self.para(p, size=size, color=color, margin=margin) for p in paragraphs)

    # -- building blocks ---------------------------------------------------------------------

    def row(self, content: str, padding: str = f"0 {PADDING}px") -> str:
        return f'<tr><td style="padding:{padding};">{content}</td></tr>'

    def heading(self, text: str) -> str:
        look = self.look
        rule = ('<table role="presentation" cellpadding="0" cellspacing="0" border="0">'
                f'<tr><td width="28" height="3" style="width:28px;height:3px;font-size:0;'
                f'line-height:0;background-color:{look.accent};">&nbsp;</td></tr></table>')
        return (f'<div style="padding-top:14px;">{rule}</div>'
                f'<h2 style="margin:10px 0 14px 0;font-family:{look.heading_font};'
                f'font-size:20px;line-height:1.3;font-weight:bold;color:{look.heading_ink};">'
                f"{_text(text)}</h2>")

    def box(self, content: str, background: str, bar: str) -> str:
        return ('<table role="presentation" width="100%" cellpadding="0" cellspacing="0" '
                f'border="0" style="width:100%;background-color:{background};'
                f'border-left:4px solid {bar};margin:4px 0 22px 0;"><tr>'
                f'<td style="padding:16px 20px 4px 20px;">{content}</td></tr></table>')

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
        return ('<table role="presentation" aria-hidden="true" cellpadding="0" '
                'cellspacing="0" border="0"><tr>'
                f'<td width="{HEADSHOT}" height="{HEADSHOT}" align="center" valign="middle" '
                f'style="width:{HEADSHOT}px;height:{HEADSHOT}px;background-color:{look.rule};'
                f'{radius}font-family:{look.body_font};font-size:20px;font-weight:bold;'
                f'color:{look.muted};">{_text(person.initials)}</td></tr></table>')

    def beside_photo(self, person: Person | None, content: str) -> str:
        """``content`` with the person's headshot to its left (or alone, without one)."""
        cells = ""
        if person is not None:
            cells = (f'<td width="{HEADSHOT}" valign="top" style="width:{HEADSHOT}px;'
                     f'padding:0 18px 0 0;">{self.photo(person)}</td>')
        return ('<table role="presentation" width="100%" cellpadding="0" cellspacing="0" '
                'border="0" style="width:100%;margin:0 0 18px 0;"><tr>'
                f'{cells}<td valign="top">{content}</td></tr></table>')

    def name_line(self, person: Person, *, with_title: bool) -> str:
        look = self.look
        line = (f'<strong style="color:{look.text};">{_text(person.name)}</strong>')
        if person.pronouns:
            line += f' <span style="color:{look.muted};">({_text(person.pronouns)})</span>'
        html = (f'<p style="margin:0;font-family:{look.body_font};font-size:16px;'
                f'line-height:1.4;color:{look.text};">{line}</p>')
        if with_title and person.title:
            html += (f'<p style="margin:2px 0 8px 0;font-family:{look.body_font};'
                     f'font-size:14px;line-height:1.4;font-style:italic;color:{look.muted};">'
                     f"{_text(person.title)}</p>")
        return html

    # -- sections ----------------------------------------------------------------------------

    def block(self, block: Block) -> str:
        look = self.look
        if isinstance(block, Lead):
            return self.row(self.paras(block.paragraphs, size=18))
        if isinstance(block, ContactBox):
            return self.row(self.box(self.paras(block.paragraphs, size=15),
                                     look.primary_tint, look.primary))
        if isinstance(block, Callout):
            content = ""
            if block.heading:
                content += (f'<p style="margin:0 0 6px 0;font-family:{look.heading_font};'
                            f'font-size:16px;line-height:1.4;font-weight:bold;'
                            f'color:{look.text};">{_text(block.heading)}</p>')
            content += self.paras(block.paragraphs, size=15)
            return self.row(self.box(content, look.accent_tint, look.accent))
        if isinstance(block, Quotes):
            return self.row(self.quotes(block))
        if isinstance(block, TextSection):
            head = self.heading(block.heading) if block.heading else ""
            return self.row(head + self.paras(block.paragraphs))
        if isinstance(block, Bios):
            return self.row(self.heading(block.heading)
                            + "".join(self.bio(bio, block.photos) for bio in block.bios))
        if isinstance(block, About):
            return self.row(self.heading(block.heading)
                            + self.paras(block.paragraphs, size=15, color=look.muted))
        raise TypeError(f"no HTML for {type(block).__name__}")  # a new block type, unwritten

    def quotes(self, block: Quotes) -> str:
        head = self.heading(block.heading) if block.heading else '<div style="height:8px;"></div>'
        return head + "".join(self.quote(entry, block.photos) for entry in block.entries)

    def quote(self, entry: QuoteEntry, photos: bool) -> str:
        look = self.look
        quote = self.paras(entry.paragraphs, margin="0 0 10px 0")
        body = (f'<div style="border-left:3px solid {look.rule};padding:2px 0 0 14px;'
                f'margin-top:6px;">{quote}</div>')
        return self.beside_photo(entry.person if photos else None,
                                 self.name_line(entry.person, with_title=True) + body)

    def bio(self, bio: Bio, photos: bool) -> str:
        content = self.name_line(bio.person, with_title=True)
        content += self.paras(bio.paragraphs, size=15, margin="0 0 8px 0")
        return self.beside_photo(bio.person if photos else None, content)

    # -- the page ----------------------------------------------------------------------------

    def masthead(self, document: Document) -> str:
        look = self.look
        masthead = document.masthead
        logo = self.pictures(masthead.logo, "logo") if masthead.logo else None
        left = ""
        if logo is not None:
            alt = _attr(logo_description(masthead.organisation))
            left = (f'<img src="{_attr(logo.src)}" width="{logo.width}" height="{logo.height}" '
                    f'alt="{alt}" style="display:block;border:0;'
                    f'width:{logo.width}px;height:{logo.height}px;">')
        right = ""
        if masthead.series:
            right += (f'<div style="font-family:{look.heading_font};font-size:13px;'
                      f'line-height:1.4;font-weight:bold;letter-spacing:1.5px;'
                      f'text-transform:uppercase;color:{look.heading_ink};">'
                      f"{_text(masthead.series)}</div>")
        if masthead.organisation:
            right += (f'<div style="font-family:{look.body_font};font-size:12px;'
                      f'line-height:1.4;color:{look.muted};">'
                      f"{_text(masthead.organisation)}</div>")
        if not left and not right:
            return ""
        align = "right" if left else "left"
        cells = f'<td valign="middle">{left}</td>' if left else ""
        cells += f'<td valign="middle" align="{align}" style="text-align:{align};">{right}</td>'
        table = ('<table role="presentation" width="100%" cellpadding="0" cellspacing="0" '
                 f'border="0" style="width:100%;border-bottom:1px solid {look.rule};">'
                 f'<tr>{cells}</tr><tr><td height="18" style="height:18px;font-size:0;'
                 f'line-height:0;">&nbsp;</td></tr></table>')
        return self.row(table, f"28px {PADDING}px 0 {PADDING}px")

    def markings(self, document: Document) -> str:
        look = self.look
        rows = ""
        if document.embargo:
            rows += (f'<tr><td align="center" style="padding:10px {PADDING}px;'
                     f'background-color:{look.accent};font-family:{look.body_font};'
                     f'font-size:13px;line-height:1.4;font-weight:bold;letter-spacing:1px;'
                     f'color:{look.on_accent};">{_text(document.embargo)}</td></tr>')
        if document.draft:
            rows += (f'<tr><td align="center" style="padding:8px {PADDING}px;'
                     f'border-bottom:1px solid {look.rule};font-family:{look.body_font};'
                     f'font-size:12px;line-height:1.4;font-weight:bold;letter-spacing:1px;'
                     f'color:{look.accent_ink};">{_text(document.draft_banner)}</td></tr>')
        return rows

    def front(self, document: Document) -> str:
        look = self.look
        out = ""
        if document.dateline:
            out += (f'<p style="margin:22px 0 6px 0;font-family:{look.body_font};'
                    f'font-size:13px;line-height:1.4;font-weight:bold;letter-spacing:0.5px;'
                    f'color:{look.accent_ink};">{_text(document.dateline)}</p>')
        top = "6px" if document.dateline else "24px"
        out += (f'<h1 style="margin:{top} 0 18px 0;font-family:{look.heading_font};'
                f'font-size:28px;line-height:1.25;font-weight:bold;color:{look.heading_ink};">'
                f"{_text(document.headline)}</h1>")
        return self.row(out)

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
        return (f'<tr><td style="padding:20px {PADDING}px 24px {PADDING}px;'
                f'background-color:{look.primary_tint};border-top:1px solid {look.rule};'
                f'font-family:{look.body_font};font-size:12px;line-height:1.6;'
                f'color:{look.muted};">{"<br>".join(lines)}</td></tr>')

    def page(self, document: Document) -> str:
        look = self.look
        body = "".join([
            f'<tr><td height="6" style="height:6px;font-size:0;line-height:0;'
            f'background-color:{look.primary};">&nbsp;</td></tr>',
            self.markings(document),
            self.masthead(document),
            self.front(document),
            *(self.block(block) for block in document.blocks),
            '<tr><td height="12" style="height:12px;font-size:0;line-height:0;">&nbsp;</td></tr>',
            self.footer(document),
        ])
        return (
            f'<!DOCTYPE html>\n<html lang="{_attr(document.language)}">\n<head>\n'
            '<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{_text(document.subject)}</title>\n</head>\n"
            '<body style="margin:0;padding:0;background-color:#f1f2f4;">\n'
            '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" '
            'border="0" style="width:100%;background-color:#f1f2f4;"><tr>'
            '<td align="center" style="padding:24px 8px;">\n'
            f'<table role="presentation" width="{WIDTH}" cellpadding="0" cellspacing="0" '
            f'border="0" style="width:100%;max-width:{WIDTH}px;background-color:#ffffff;'
            f'border-collapse:collapse;text-align:left;">\n{body}\n</table>\n'
            "</td></tr></table>\n</body>\n</html>\n"
        )


def html_body(document: Document, look: Look, pictures: Pictures) -> str:
    """The document as a complete HTML page for the body of an e-mail."""
    return _Writer(look, pictures).page(document)
