"""The seven kinds of section a kit is made of, in the order the user chose.

Sections refer to quotes, experts, contacts and resources by id and never copy them, so an
edit to an expert's title shows everywhere the expert appears. Every section has a stable
``id`` and can be hidden without being deleted.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, ClassVar


class SectionType(StrEnum):
    LEAD = "lead"
    CONTACT = "contact"
    CALLOUT = "callout"
    QUOTES = "quotes"
    TEXT = "text"
    BIOS = "bios"
    ABOUT = "about"


@dataclass(kw_only=True)
class Section:
    """What every section has; concrete sections add their own fields."""

    TYPE: ClassVar[SectionType]
    #: Shown in the outline and the PDF bookmarks when the section has no heading.
    LABEL: ClassVar[str]

    id: str
    hidden: bool = False
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def type(self) -> SectionType:
        return self.TYPE

    @property
    def title(self) -> str:
        """The section's heading if it has one, else a label for its type."""
        heading = getattr(self, "heading", "")
        return heading.strip() or self.LABEL


@dataclass(kw_only=True)
class LeadSection(Section):
    """The news, in one or more paragraphs, right under the headline."""

    TYPE = SectionType.LEAD
    LABEL = "Lead"
    text: str = ""


@dataclass(kw_only=True)
class ContactSection(Section):
    """A line of text that tells journalists whom to contact, shown in a box.

    In ``text``, ``{name}``, ``{role}``, ``{email}`` and ``{phone}`` stand for the contact's
    fields; ``{email}`` becomes a ``mailto:`` link.
    """

    TYPE = SectionType.CONTACT
    LABEL = "Media contact"
    contact: str = ""
    text: str = ""


@dataclass(kw_only=True)
class CalloutSection(Section):
    """A resource in a coloured box with a heading such as "Need a cheat sheet?".

    In ``text``, ``{title}`` (a link to the resource), ``{author}`` and ``{url}`` stand for
    the resource's fields.
    """

    TYPE = SectionType.CALLOUT
    LABEL = "Callout"
    heading: str = ""
    resource: str = ""
    text: str = ""


@dataclass(kw_only=True)
class QuotesSection(Section):
    """Expert quotes in the chosen order; ``photos`` shows each expert's headshot."""

    TYPE = SectionType.QUOTES
    LABEL = "Expert quotes"
    heading: str = ""
    quotes: list[str] = field(default_factory=list)
    photos: bool = False


@dataclass(kw_only=True)
class TextSection(Section):
    """A titled section of free text, such as a backgrounder."""

    TYPE = SectionType.TEXT
    LABEL = "Text"
    heading: str = ""
    text: str = ""


@dataclass(kw_only=True)
class BiosSection(Section):
    """Short biographies with headshots; an empty ``experts`` list means every quoted expert."""

    TYPE = SectionType.BIOS
    LABEL = "About the experts"
    heading: str = ""
    experts: list[str] = field(default_factory=list)


@dataclass(kw_only=True)
class AboutSection(Section):
    """The organisation's boilerplate; ``text`` overrides the brand's when not empty."""

    TYPE = SectionType.ABOUT
    LABEL = "About us"
    heading: str = ""
    text: str = ""


SECTION_CLASSES: dict[SectionType, type[Section]] = {
    cls.TYPE: cls
    for cls in (
        LeadSection,
        ContactSection,
        CalloutSection,
        QuotesSection,
        TextSection,
        BiosSection,
        AboutSection,
    )
}
