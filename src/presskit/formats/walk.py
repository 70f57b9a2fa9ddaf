"""Kit → :class:`~presskit.formats.document.Document`: the one walk every non-PDF format uses.

It follows the PDF's rules (``model.wording``, ``model.text``) section by section: visible
sections in the kit's order, ``{name}``/``{email}``/``{title}`` placeholders filled, default
contact and callout lines, quotation marks around quotes, the about section's heading and
the bios' experts. The kit is typeset first (smart quotes, when the brand asks for them), on
a copy. A reference to something the kit does not define is left out with a warning, as the
PDF does.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from presskit.formats.document import (
    About,
    Bio,
    Bios,
    Block,
    Callout,
    ContactBox,
    Document,
    Lead,
    Masthead,
    Paragraph,
    Person,
    QuoteEntry,
    Quotes,
    ResourceRef,
    Run,
    TextSection,
)
from presskit.model import (
    AboutSection,
    BiosSection,
    CalloutSection,
    ContactSection,
    Expert,
    Kit,
    LeadSection,
    Problem,
    Quote,
    QuotesSection,
    SectionType,
    Severity,
    Status,
)
from presskit.model import (
    TextSection as TextSectionModel,
)
from presskit.model.markings import phrases, subject_line
from presskit.model.text import (
    clean,
    embargo_line,
    initials,
    language,
    linkable,
    long_date,
    looks_like_email,
    one_line,
    phone_uri,
    spans,
    split_paragraphs,
)
from presskit.model.wording import (
    about_heading,
    about_text,
    affiliation,
    bios_heading,
    callout_default,
    contact_text,
    display_name,
    has_own_quote_marks,
    quoted_experts,
    resource_author,
    visible_sections,
)
from presskit.render.typography import typeset

#: Placeholder name → the runs it stands for.
Fields = Mapping[str, Sequence[Run]]


def short(text: str) -> str:
    """A name, title or heading: cleaned and trimmed, line breaks kept."""
    return clean(text).strip()


def paragraphs(text: str, fields: Fields | None = None) -> list[Paragraph]:
    """``text`` split into paragraphs of runs, emphasis applied and placeholders filled."""
    fields = fields or {}
    result: list[Paragraph] = []
    for para in split_paragraphs(text):
        runs: list[Run] = []
        for span in spans(para, fields.keys()):
            if span.field is None:
                runs.append(Run(span.text, span.bold, span.italic, lang=span.lang))
                continue
            # Emphasis around a placeholder applies to its value: **{email}** is a bold link;
            # so does a language span.
            runs += [Run(r.text, r.bold or span.bold, r.italic or span.italic, r.url,
                         r.lang or span.lang)
                     for r in fields[span.field]]
        result.append(_joined(runs))
    return [para for para in result if para]


def _joined(runs: list[Run]) -> Paragraph:
    """Empty runs dropped, neighbours of the same emphasis and link made one run."""
    joined: list[Run] = []
    for run in runs:
        if not run.text:
            continue
        last = joined[-1] if joined else None
        if last is not None and (last.bold, last.italic, last.url, last.lang) == (
                run.bold, run.italic, run.url, run.lang):
            joined[-1] = Run(last.text + run.text, run.bold, run.italic, run.url, run.lang)
        else:
            joined.append(run)
    return tuple(joined)


def link_runs(url: str, label: str) -> list[Run]:
    """``label`` as a link to ``url`` if that may be a live link, else as plain text."""
    return [Run(label, url=linkable(url))]


def email_runs(address: str) -> list[Run]:
    address = short(address)
    return link_runs(f"mailto:{address}" if looks_like_email(address) else "", address)


class _Walk:
    """One walk over one (typeset) kit, collecting warnings as it goes."""

    def __init__(self, kit: Kit) -> None:
        self.kit = kit
        self.warnings: list[Problem] = []
        self._positions = {id(e): i for i, e in enumerate(kit.experts)}
        # Indexes, so a kit of a thousand quotes is not walked a thousand times over; the
        # first item with an id wins, as with the kit's own look-ups.
        self._quotes: dict[str, Quote] = {}
        for quote in kit.quotes:
            self._quotes.setdefault(quote.id, quote)
        self._experts: dict[str, Expert] = {}
        for expert in kit.experts:
            self._experts.setdefault(expert.id, expert)

    def warn(self, message: str, *where: str | int) -> None:
        problem = Problem(Severity.WARNING, message, tuple(where))
        if problem not in self.warnings:
            self.warnings.append(problem)

    def person(self, expert: Expert, photo: bool) -> Person:
        index = self._positions.get(id(expert))
        return Person(
            name=short(display_name(expert)),
            pronouns=short(expert.pronouns),
            title=short(affiliation(expert, self.kit.brand)),
            initials=initials(expert.name),
            photo=expert.photo if photo else None,
            where=("experts", index, "photo") if index is not None else ("experts",),
        )

    # -- one method per section type -----------------------------------------------------

    def lead(self, section: LeadSection, index: int) -> Block | None:
        body = paragraphs(section.text)
        return Lead(body) if body else None

    def contact(self, section: ContactSection, index: int) -> Block | None:
        contact = self.kit.contact(section.contact)
        if contact is None:
            self.warn(f"section {section.id!r} refers to contact {section.contact!r}, which "
                      "is not defined; the section is left out", "sections", index, "contact")
            return None
        fields = {
            "name": [Run(short(contact.name))],
            "role": [Run(short(contact.role))],
            "email": email_runs(contact.email),
            "phone": [Run(short(contact.phone), url=phone_uri(contact.phone))],
        }
        return ContactBox(paragraphs(contact_text(section.text, contact), fields))

    def callout(self, section: CalloutSection, index: int) -> Block | None:
        resource = self.kit.resource(section.resource) if section.resource else None
        if section.resource and resource is None:
            self.warn(f"section {section.id!r} refers to resource {section.resource!r}, which "
                      "is not defined", "sections", index, "resource")
        ref = None
        content: list[Paragraph] = []
        if resource is not None:
            author = resource_author(resource, self.kit)
            url = linkable(resource.url)
            ref = ResourceRef(short(resource.title), short(author), url)
            fields = {
                "title": link_runs(url, short(resource.title)),
                "author": [Run(short(author))],
                "url": link_runs(url, short(resource.url)),
            }
            if section.text.strip():
                content = paragraphs(section.text, fields)
            else:
                content = paragraphs(callout_default(author), fields)
                content += paragraphs(resource.blurb)
        elif section.text.strip():
            # The placeholders have nothing to stand for; the PDF prints them as empty.
            content = paragraphs(section.text, {"title": [], "author": [], "url": []})
        heading = short(section.heading)
        if not heading and not content:
            return None
        return Callout(heading, ref, content)

    def quotes(self, section: QuotesSection, index: int) -> Block | None:
        entries: list[QuoteEntry] = []
        for n, quote_id in enumerate(section.quotes):
            quote = self._quotes.get(quote_id)
            expert = self._experts.get(quote.expert) if quote is not None else None
            if quote is None or expert is None:
                missing = (f"quote {quote_id!r}" if quote is None
                           else f"expert {quote.expert!r} of quote {quote_id!r}")
                self.warn(f"section {section.id!r}: {missing} is not defined; it is left out",
                          "sections", index, "quotes", n)
                continue
            body = paragraphs(quote.text)
            if body and not has_own_quote_marks(quote.text):
                body[0] = (Run("“"), *body[0])
                body[-1] = (*body[-1], Run("”"))
            entries.append(QuoteEntry(self.person(expert, section.photos), body))
        if not entries and not section.heading.strip():
            return None
        return Quotes(short(section.heading), section.photos, entries)

    def text(self, section: TextSectionModel, index: int) -> Block | None:
        body = paragraphs(section.text)
        if not body and not section.heading.strip():
            return None
        return TextSection(short(section.heading), body)

    def bios(self, section: BiosSection, index: int) -> Block | None:
        experts: list[Expert] = []
        if section.experts:
            for n, expert_id in enumerate(section.experts):
                found = self._experts.get(expert_id)
                if found is None:
                    self.warn(f"section {section.id!r} refers to expert {expert_id!r}, which "
                              "is not defined; it is left out", "sections", index, "experts", n)
                else:
                    experts.append(found)
        else:
            experts = quoted_experts(self.kit)
        photos = any(expert.photo is not None for expert in experts)
        bios = [Bio(self.person(e, photos), paragraphs(e.bio)) for e in experts]
        return Bios(short(bios_heading(section)), photos, bios)

    def about(self, section: AboutSection, index: int) -> Block | None:
        return About(short(about_heading(section, self.kit)),
                     paragraphs(about_text(section, self.kit)))


_BUILDERS: dict[SectionType, Callable[[_Walk, Any, int], Block | None]] = {
    SectionType.LEAD: _Walk.lead,
    SectionType.CONTACT: _Walk.contact,
    SectionType.CALLOUT: _Walk.callout,
    SectionType.QUOTES: _Walk.quotes,
    SectionType.TEXT: _Walk.text,
    SectionType.BIOS: _Walk.bios,
    SectionType.ABOUT: _Walk.about,
}


def build_document(kit: Kit) -> tuple[Document, list[Problem]]:
    """The kit as the reader will get it, and warnings about what had to be left out."""
    kit = typeset(kit)
    walk = _Walk(kit)
    brand = kit.brand
    title, series = one_line(kit.title), one_line(kit.series)
    tag = language(kit.language)
    embargo = embargo_line(kit.embargo.until, kit.embargo.zone, tag) if kit.embargo else ""
    draft = kit.status == Status.DRAFT
    document = Document(
        subject=subject_line(f"{series}: {title}" if series else title, embargo=embargo,
                             draft=draft, tag=tag),
        masthead=Masthead(short(kit.series), short(brand.organisation), brand.logo),
        dateline=long_date(kit.date, kit.language) if kit.date is not None else "",
        headline=short(kit.title),
        embargo=embargo,
        draft=draft,
        draft_banner=phrases(tag).draft_banner,
        footer=short(brand.footer),
        website=linkable(brand.website),
        language=tag,
    )
    for index, section in visible_sections(kit):
        block = _BUILDERS[section.type](walk, section, index)
        if block is not None:
            document.blocks.append(block)
    return document, walk.warnings
