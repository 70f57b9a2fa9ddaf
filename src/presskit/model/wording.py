"""What a kit prints and in which order, the same in the PDF and every other format: the
visible sections in order, and the words printed where the user left them out (the default
contact line, the callout's line about its resource, quotation marks around a quote, a
person's display name and affiliation, the about section's heading, whom the bios cover, and
what a screen reader says for a picture).
"""

from __future__ import annotations

from collections.abc import Iterator

from presskit.model.kit import Brand, Contact, Expert, Kit, Resource
from presskit.model.sections import AboutSection, BiosSection, QuotesSection, Section


def visible_sections(kit: Kit) -> Iterator[tuple[int, Section]]:
    """Every section that is not hidden, in the kit's order, with its index in
    ``kit.sections`` (the place a problem with it is reported at)."""
    for index, section in enumerate(kit.sections):
        if not section.hidden:
            yield index, section


DEFAULT_CONTACT_TEXT = "To arrange an interview, contact {name} at {email}."
_OPEN_QUOTES = ('"', "“", "„", "«")
_CLOSE_QUOTES = ('"', "”", "“", "»")


def contact_text(text: str, contact: Contact) -> str:
    """The contact section's text, or the default line (with the phone number when the
    contact has no e-mail address but a phone)."""
    if text.strip():
        return text
    if not contact.email.strip() and contact.phone.strip():
        return DEFAULT_CONTACT_TEXT.replace("{email}", "{phone}")
    return DEFAULT_CONTACT_TEXT


def resource_author(resource: Resource, kit: Kit) -> str:
    """The resource's author as typed, else the name of the expert who wrote it."""
    if resource.author or not resource.expert:
        return resource.author
    expert = kit.expert(resource.expert)
    return expert.name if expert else ""


def callout_default(author: str) -> str:
    """What a callout with a resource and no text of its own says."""
    return "Read “{title}”" + (" by {author}" if author.strip() else "") + "."


def has_own_quote_marks(text: str) -> bool:
    """Whether the user typed the quotation marks; otherwise the formats add “ and ”."""
    stripped = text.strip()
    return stripped.startswith(_OPEN_QUOTES) and stripped.endswith(_CLOSE_QUOTES)


def display_name(expert: Expert) -> str:
    """``"Dr. Duyeon Kim"``: the honorific, if any, and the name."""
    return " ".join(part for part in (expert.honorific.strip(), expert.name.strip()) if part)


def affiliation(expert: Expert, brand: Brand) -> str:
    """The line under a person's name: the title, then the program unless the brand leaves
    programs out or the title names it already ("Fellow, Nordic Policy · Europe"; but
    "Adjunct Senior Fellow for Asia-Pacific Security" with the program "Asia-Pacific
    Security" stays as it is)."""
    title, program = expert.title.strip(), expert.program.strip()
    if not program or not brand.show_program or program.casefold() in title.casefold():
        return title
    return f"{title} · {program}" if title else program


def about_heading(section: AboutSection, kit: Kit) -> str:
    organisation = kit.brand.organisation.strip()
    return section.heading.strip() or (f"About {organisation}" if organisation else "About us")


def about_text(section: AboutSection, kit: Kit) -> str:
    """The section's own text, or the brand's boilerplate."""
    return section.text if section.text.strip() else kit.brand.boilerplate


def quoted_experts(kit: Kit) -> list[Expert]:
    """Every expert quoted in a visible quotes section, in order of first quote (the first
    quote and the first expert with an id win, as the kit's own look-ups find them)."""
    quotes: dict[str, str] = {}
    for quote in kit.quotes:
        quotes.setdefault(quote.id, quote.expert)
    experts: dict[str, Expert] = {}
    for person in kit.experts:
        experts.setdefault(person.id, person)
    seen: dict[str, Expert] = {}
    for section in kit.visible_sections():
        if isinstance(section, QuotesSection):
            for quote_id in section.quotes:
                expert_id = quotes.get(quote_id)
                expert = experts.get(expert_id) if expert_id is not None else None
                if expert is not None and expert.id not in seen:
                    seen[expert.id] = expert
    return list(seen.values())


def bios_heading(section: BiosSection) -> str:
    return section.heading.strip() or section.LABEL


def photo_description(name: str) -> str:
    """What a screen reader says for an expert's headshot: ``Photo of Duyeon Kim``."""
    return f"Photo of {name}" if name.strip() else "Photo"


def logo_description(organisation: str) -> str:
    """What a screen reader says for the brand's logo: ``Center for … Security logo``."""
    return f"{organisation} logo" if organisation.strip() else "Logo"
