"""The kit as a format-free document: what the reader gets, in order, before any markup.

``formats.walk`` builds a :class:`Document` from a kit (visible sections only, defaults
filled in, smart quotes applied); each writer (HTML e-mail, plain text, Markdown) turns it
into its own markup and nothing else. Text here is cleaned but never escaped: escaping is the
writer's job, for its own format. A :class:`Run` holds a piece of a paragraph with its
emphasis; ``\\n`` inside a run is a line break. A run's ``url`` is only ever an http, https or
mailto address (``model.text.linkable``) or a contact's ``tel:`` number
(``model.text.phone_uri``, digits only); anything else stays plain text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from presskit.model import Where


@dataclass(frozen=True)
class Run:
    text: str
    bold: bool = False
    italic: bool = False
    url: str = ""
    #: The language tag of words marked as in another language (``[…]{lang=fr}``), else "".
    lang: str = ""


#: One paragraph: its runs in reading order.
Paragraph = tuple[Run, ...]


@dataclass(frozen=True)
class Masthead:
    series: str
    organisation: str
    logo: Path | None = None


@dataclass(frozen=True)
class Person:
    """An expert as printed beside a quote or a bio."""

    name: str  # the display name: honorific and name
    pronouns: str
    title: str
    initials: str  # for the placeholder when there is no usable photo
    photo: Path | None = None
    where: Where = ()  # where the photo is set in the kit, for a warning about it


@dataclass(frozen=True)
class Lead:
    paragraphs: list[Paragraph]


@dataclass(frozen=True)
class ContactBox:
    paragraphs: list[Paragraph]


@dataclass(frozen=True)
class ResourceRef:
    title: str
    author: str
    url: str  # "" when the resource has no linkable address


@dataclass(frozen=True)
class Callout:
    heading: str
    resource: ResourceRef | None
    paragraphs: list[Paragraph]


@dataclass(frozen=True)
class QuoteEntry:
    person: Person
    paragraphs: list[Paragraph]  # quotation marks included


@dataclass(frozen=True)
class Quotes:
    heading: str
    photos: bool
    entries: list[QuoteEntry]


@dataclass(frozen=True)
class TextSection:
    heading: str
    paragraphs: list[Paragraph]


@dataclass(frozen=True)
class Bio:
    person: Person
    paragraphs: list[Paragraph]


@dataclass(frozen=True)
class Bios:
    heading: str
    photos: bool  # one photo column for all, as in the PDF, if anyone has a photo
    bios: list[Bio]


@dataclass(frozen=True)
class About:
    heading: str
    paragraphs: list[Paragraph]


Block = Lead | ContactBox | Callout | Quotes | TextSection | Bios | About


@dataclass
class Document:
    """Everything a reader sees, top to bottom."""

    #: One line, the status first: "DRAFT · EMBARGOED until … · Series: Headline".
    subject: str
    masthead: Masthead
    dateline: str
    headline: str
    embargo: str  # "EMBARGOED until 06:00 CEST (04:00 UTC), 14 July 2026" or ""
    draft: bool
    draft_banner: str = "DRAFT · NOT FOR DISTRIBUTION"  # in the kit's language
    blocks: list[Block] = field(default_factory=list)
    footer: str = ""
    website: str = ""  # a linkable address or ""
    language: str = "en"  # a BCP 47 tag: what screen readers read the document in


def plain_text(paragraph: Paragraph) -> str:
    """The paragraph's text without emphasis or links."""
    return "".join(run.text for run in paragraph)
