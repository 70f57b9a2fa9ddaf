"""The kit as an e-mail: HTML and plain-text bodies, their pictures, a draft ``.eml`` message.

:func:`email_parts` walks the kit once (``formats.walk``) and writes both bodies from the same
document. The logo and headshots are prepared by the PDF's own image code
(``render.images``: checked before decoding, downsampled, a broken file a warning and a
placeholder), at twice their displayed size for sharp screens; an SVG logo is drawn as a PNG
(``render.images.svg_raster``), since no mail client shows SVG. Each picture gets a readable
file name (``logo.png``, ``photo-duyeon-kim.jpg``) and the HTML refers to it either as a
``cid:`` part of the message or as that name after a base: a folder beside the HTML file, a
web address where the pictures are hosted, or a ``file://`` folder for the clipboard. Never
as a ``data:`` URI: Gmail and Outlook for Windows do not show them, and e-mail service
providers strip them. :func:`draft_message` puts it all into one MIME message built with the
standard :mod:`email` package — ``multipart/alternative`` with the text and a
``multipart/related`` holding the HTML and its images, inside a ``multipart/mixed`` with the
PDF when that is attached — with the headers a client expects of a message (From, Date,
Message-ID; the status in the Subject), marked ``X-Unsent: 1`` so Outlook opens it as a draft
ready to address and send.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass, field
from email import policy
from email.errors import HeaderParseError
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid, parseaddr
from pathlib import Path
from typing import Literal
from urllib.parse import quote, urlsplit

from presskit.formats.document import Bios, Document, Quotes
from presskit.formats.html import HEADSHOT, LOGO_HEIGHT, LOGO_WIDTH, Look, Picture, html_body
from presskit.formats.plain import plain_text
from presskit.formats.walk import build_document
from presskit.model import Brand, HeadshotShape, Kit, Problem, Severity, Where
from presskit.model.ids import slugify, unique_id
from presskit.model.text import looks_like_email, one_line
from presskit.render.images.cache import (
    TARGET_DPI,
    ImageCache,
    ImageProblem,
    PreparedImage,
    largest_prepared,
)
from presskit.render.images.prepare import prepare_headshot, prepare_logo
from presskit.render.images.svg import is_svg
from presskit.render.images.svg_raster import rasterise_svg
from presskit.render.styles import hex_of, palette

#: Pixels per displayed CSS pixel: sharp on high-density screens, still small to send.
DENSITY = 2
_SERIF = "Georgia, 'Times New Roman', Times, serif"
_SANS = "'Helvetica Neue', Helvetica, Arial, sans-serif"


@dataclass(frozen=True)
class InlineImage:
    """A picture of the e-mail: a part of the message referenced from the HTML as ``cid:`` +
    ``cid``, or the file ``filename`` beside it."""

    cid: str
    mime_type: str
    data: bytes
    filename: str


@dataclass(frozen=True)
class Attachment:
    """A file sent with the message, e.g. the kit's PDF."""

    filename: str
    data: bytes


@dataclass
class EmailParts:
    """Both bodies of the e-mail and what the HTML needs besides itself."""

    subject: str  # "DRAFT · EMBARGOED until … · Series: Headline"
    html: str
    text: str
    #: The pictures the HTML refers to, by ``cid:`` or by file name.
    images: list[InlineImage] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)


def _font_stack(font: str | Path) -> str:
    """A CSS font stack close to the brand's face; a mail client has only its own fonts."""
    name = font.stem if isinstance(font, Path) else font
    return _SERIF if "serif" in name.lower() and "sans" not in name.lower() else _SANS


def look(brand: Brand) -> tuple[Look, list[Problem]]:
    """The brand's colours (as the PDF derives them) and fonts as e-mail styles."""
    colors, problems = palette(brand.colors)
    return Look(
        primary=hex_of(colors.primary), accent=hex_of(colors.accent), text=hex_of(colors.text),
        muted=hex_of(colors.muted), heading_ink=hex_of(colors.heading_ink),
        rule=hex_of(colors.rule),
        primary_tint=hex_of(colors.primary_tint), accent_tint=hex_of(colors.accent_tint),
        on_accent=hex_of(colors.on_accent), accent_ink=hex_of(colors.accent_ink),
        link=hex_of(colors.link),
        body_font=_font_stack(brand.fonts.body), heading_font=_font_stack(brand.fonts.heading),
        round_photos=brand.headshots == HeadshotShape.CIRCLE,
    ), problems


def _points(pixels: int) -> float:
    """The printed size ``render.images`` prepares ``pixels`` pixels for."""
    return pixels * 72 / TARGET_DPI


def _mime_type(data: bytes) -> str:
    return "image/jpeg" if data[:2] == b"\xff\xd8" else "image/png"


def picture_base(folder_name: str) -> str:
    """The ``src`` prefix for pictures in the folder ``folder_name`` beside the HTML file:
    a relative URL, each character a URL needs escaped (``"My kit_files"`` →
    ``"My%20kit_files/"``)."""
    return quote(folder_name, safe="") + "/"


def hosted_base(url: str) -> str:
    """``url``, where the pictures are hosted, as the ``src`` prefix of their names (ending in
    ``/``); ``ValueError`` with the reason if it is not an ``http``/``https`` address with a
    host and no query, fragment, user name, spaces or quotes (each would break the HTML or
    the address of every picture; Gmail's image proxy also drops addresses with a query)."""
    text = url.strip()
    parts = urlsplit(text)
    if parts.scheme.lower() not in ("http", "https"):
        raise ValueError(f"{url!r} is not a web address; give one starting with https://")
    if not parts.hostname:
        raise ValueError(f"{url!r} names no host; write it as https://example.org/press/")
    if parts.query or parts.fragment or "?" in text or "#" in text:
        raise ValueError(f"{url!r} has a query or a fragment (? or #); give the folder's "
                         "address alone")
    if parts.username is not None or parts.password is not None:
        raise ValueError(f"{url!r} holds a user name or password; give a public address")
    if any(c.isspace() or c in "\"'<>\\`" or ord(c) < 32 or ord(c) == 127 for c in text):
        raise ValueError(f"{url!r} holds spaces, quotes or other characters an address "
                         "cannot have")
    if not text.isascii():  # a bidi override would disguise every picture's address
        raise ValueError(f"{url!r} holds characters outside ASCII; write them %-encoded "
                         "(and a host name in its xn-- form)")
    return text.rstrip("/") + "/"


class _Pictures:
    """Prepares each image once, names it, and gives the HTML its ``src``: ``cid:`` + a part
    of the message, or ``base`` + its file name (a folder beside the HTML, a web address, a
    ``file://`` folder). Failures become warnings."""

    def __init__(self, inline: Literal["cid", "files"], cache: ImageCache,
                 base: str = "") -> None:
        self.inline = inline
        self.cache = cache
        self.base = base
        self.parts: dict[str, InlineImage] = {}
        self.warnings: list[Problem] = []
        self._done: dict[tuple[Path, str], Picture | None] = {}
        self._photo_where: dict[Path, tuple[str, Where]] = {}
        self._names: dict[bytes, str] = {}  # content → its file name: the same picture once

    def note_person(self, path: Path, name: str, where: Where) -> None:
        self._photo_where.setdefault(path, (name, where))

    def __call__(self, path: Path, kind: str) -> Picture | None:
        if (path, kind) not in self._done:
            self._done[(path, kind)] = self._picture(path, kind)
        return self._done[(path, kind)]

    def _picture(self, path: Path, kind: str) -> Picture | None:
        try:
            if kind == "logo":
                prepared = self._logo(path)
            else:
                size = _points(HEADSHOT * DENSITY)
                prepared = self.cache.get(path, ("email-photo", size),
                                         lambda: prepare_headshot(path, size),
                                         largest_prepared(size, size))
        except ImageProblem as exc:
            self._warn(path, kind, str(exc))
            return None
        if kind == "logo":
            scale = min(LOGO_WIDTH / prepared.width_px, LOGO_HEIGHT / prepared.height_px)
            shown = (max(1, round(prepared.width_px * scale)),
                     max(1, round(prepared.height_px * scale)))
        else:
            shown = (HEADSHOT, HEADSHOT)
        return Picture(self._src(prepared.data, self._stem(path, kind)), *shown)

    def _logo(self, path: Path) -> PreparedImage:
        width, height = LOGO_WIDTH * DENSITY, LOGO_HEIGHT * DENSITY
        if is_svg(path):
            # Mail clients show no SVG: the logo is drawn as a PNG of the size it is shown at.
            return self.cache.get(path, ("email-logo-svg", width, height),
                                  lambda: rasterise_svg(path, width, height), (width, height))
        box = _points(width), _points(height)
        return self.cache.get(path, ("email-logo", *box), lambda: prepare_logo(path, *box),
                              largest_prepared(*box))

    def _stem(self, path: Path, kind: str) -> str:
        """A readable file name without extension: ``logo``, ``photo-duyeon-kim``."""
        if kind == "logo":
            return "logo"
        name = self._photo_where.get(path, ("", ("experts",)))[0]
        # A name in another script folds to nothing readable ("Dr. Ελένη …" → "dr"): the
        # photo's own file name says more then.
        latin = all(_is_latin(c) for c in name if c.isalpha())
        return f"photo-{slugify(name if latin and name else path.stem, 'expert')}"

    def _src(self, data: bytes, stem: str) -> str:
        mime = _mime_type(data)
        filename = self._names.get(data)
        if filename is None:  # a new picture: its own name (two Ann Lees: -2 for the second)
            taken = {image.filename.rsplit(".", 1)[0] for image in self.parts.values()}
            extension = "jpg" if mime == "image/jpeg" else "png"
            filename = f"{unique_id(stem, taken)}.{extension}"
            self._names[data] = filename
            cid = _cid(filename)
            self.parts[cid] = InlineImage(cid, mime, data, filename)
        if self.inline == "cid":
            return f"cid:{_cid(filename)}"
        return self.base + quote(filename)

    def _warn(self, path: Path, kind: str, reason: str) -> None:
        reason = " ".join(reason.split())  # one line, whatever a library said
        if kind == "logo":
            message = f"logo {path} cannot be used: {reason}; the masthead is shown without it"
            where: Where = ("brand", "logo")
        else:
            name, where = self._photo_where.get(path, ("", ("experts",)))
            message = (f"photo of {name!r}: {path} cannot be used: {reason}; "
                       "a placeholder is shown")
        problem = Problem(Severity.WARNING, message, where)
        if problem not in self.warnings:
            self.warnings.append(problem)


def _is_latin(letter: str) -> bool:
    return letter.isascii() or "LATIN" in unicodedata.name(letter, "")


def _cid(filename: str) -> str:
    """The Content-ID of the picture named ``filename``: ``photo-ann-lee-jpg@presskit``."""
    return f"{filename.replace('.', '-')}@presskit"


def _note_photos(document: Document, pictures: _Pictures) -> None:
    """Tell ``pictures`` whose photo each file is, for the warning if it is unusable."""
    for block in document.blocks:
        people = ([e.person for e in block.entries] if isinstance(block, Quotes)
                  else [b.person for b in block.bios] if isinstance(block, Bios) else [])
        for person in people:
            if person.photo is not None:
                pictures.note_person(person.photo, person.name, person.where)


def email_parts(kit: Kit, inline_images: Literal["cid", "files"] = "cid", *,
                image_base: str = "", image_cache: ImageCache | None = None) -> EmailParts:
    """The kit as an e-mail body in HTML and plain text, with its pictures.

    ``inline_images="cid"`` refers to each picture as ``cid:…``, a part of the message;
    ``"files"`` as ``image_base`` + its file name (``image_base`` is ``"advisory_files/"``
    for a folder beside the HTML, ``"https://…/"`` where they are hosted, or a ``file://``
    folder's URL ending in ``/``). Either way :attr:`EmailParts.images` holds the pictures,
    each with its file name. A caller that makes the e-mail again and again (the GUI) may
    pass the ``ImageCache`` it renders the PDF with, so photos are prepared once.
    """
    if inline_images not in ("cid", "files"):
        raise ValueError(f"inline_images must be 'cid' or 'files', not {inline_images!r}")
    if inline_images == "files" and image_base and not image_base.endswith("/"):
        raise ValueError(f"image_base must end with '/', not {image_base!r}")
    document, warnings = build_document(kit)
    styles, color_problems = look(kit.brand)
    pictures = _Pictures(inline_images, image_cache or ImageCache(), image_base)
    _note_photos(document, pictures)
    html = html_body(document, styles, pictures)
    return EmailParts(
        subject=document.subject,
        html=html,
        text=plain_text(document),
        images=list(pictures.parts.values()),
        warnings=[*color_problems, *warnings, *pictures.warnings],
    )


def address(name: str, addr_spec: str) -> Address | None:
    """``name <addr_spec>`` as a header address, or ``None`` if it cannot be one."""
    name, addr_spec = one_line(name), one_line(addr_spec)
    if not addr_spec or not looks_like_email(addr_spec):
        return None
    try:
        return Address(display_name=name, addr_spec=addr_spec)
    except (ValueError, IndexError, HeaderParseError):
        return None  # an address the header grammar refuses


def parse_address(text: str) -> Address | None:
    """``"Name <address>"`` or ``"address"`` as a header address, or ``None``."""
    return address(*parseaddr(one_line(text)))


def sender(kit: Kit, fallback: str = "") -> Address | None:
    """Whom the draft is from: the kit's first media contact with a usable e-mail address,
    else ``fallback`` (``"Name <address>"`` or an address: the user's own, from the app's
    Preferences or ``--from``), else nobody (the mail client fills in its account)."""
    for contact in kit.contacts:
        found = address(contact.name, contact.email)
        if found is not None:
            return found
    return parse_address(fallback)


def message(parts: EmailParts, *, sender: Address | None = None,
            pdf: Attachment | None = None, now: dt.datetime | None = None) -> EmailMessage:
    """``parts`` as a complete draft: From, Date, Subject and Message-ID; text and HTML
    alternatives, images related to the HTML; the PDF attached when given (the message is
    then ``multipart/mixed`` around the alternatives). ``X-Unsent: 1`` makes Outlook (and
    Thunderbird since 91) open it as an unsent message to address and send."""
    draft = EmailMessage()
    if sender is not None:
        draft["From"] = sender
    draft["Date"] = format_datetime(now or dt.datetime.now().astimezone())
    draft["Subject"] = parts.subject
    domain = sender.domain if sender is not None and sender.domain else "presskit.invalid"
    draft["Message-ID"] = make_msgid("presskit", domain=domain)
    draft["MIME-Version"] = "1.0"
    draft["X-Unsent"] = "1"
    # What Apple Mail writes into the drafts it saves (undocumented by Apple); other clients
    # ignore it. Mail may still open the file to read: Message ▸ Send Again edits it.
    draft["X-Uniform-Type-Identifier"] = "com.apple.mail-draft"
    draft.set_content(parts.text)
    draft.add_alternative(parts.html, subtype="html")
    html_part = draft.get_payload()[1]  # type: ignore[index]  # multipart: a list of parts
    assert isinstance(html_part, EmailMessage)  # add_alternative made it one
    for image in parts.images:
        maintype, subtype = image.mime_type.split("/")
        html_part.add_related(image.data, maintype=maintype, subtype=subtype,
                              cid=f"<{image.cid}>", filename=image.filename,
                              disposition="inline")
    if pdf is not None:
        draft.add_attachment(pdf.data, maintype="application", subtype="pdf",
                             filename=pdf.filename)
    return draft


def draft_message(kit: Kit, *, from_address: str = "", pdf: Attachment | None = None,
                  image_cache: ImageCache | None = None,
                  now: dt.datetime | None = None) -> bytes:
    """The kit as a complete ``.eml`` draft (RFC 5322, CRLF line ends); ``from_address`` is
    the sender when the kit has no media contact with an address (see :func:`sender`)."""
    parts = email_parts(kit, image_cache=image_cache)
    return message(parts, sender=sender(kit, from_address), pdf=pdf,
                   now=now).as_bytes(policy=policy.SMTP)
