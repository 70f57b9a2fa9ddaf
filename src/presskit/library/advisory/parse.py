"""A pasted plain-text advisory → a kit, in the order the text says things.

``parse_advisory(text)`` reads, in order: release labels, an embargo line and the dateline;
the headline (``Series: Headline`` gives the series label); then the body, paragraph by
paragraph (``advisory.text``):

- an expert line, ``NAME, TITLE: "QUOTE"`` (``advisory.patterns``), or a ``NAME, TITLE`` line
  followed by a quoted paragraph → the expert and the quote, into a ``quotes`` section;
  consecutive expert lines share one section;
- a ``Heading:`` line → the heading of the text (or quotes) that follows;
- a paragraph naming a person before an e-mail address or phone number → a ``contact``
  section (the last paragraph of the text is the closing line, id ``closing``);
- a short question pointing at a quoted title or a link → a ``callout`` with a resource;
- any other paragraph → the lead (before anything else), else a ``text`` section.

Experts already in the roster are matched by name and copied with their roster id (linked), so
"Update from roster" works on them later; a quote the roster banks for them with the same text
keeps its id and approval. Nothing is dropped: a line that looks like an expert line but cannot
be read is kept in a text section, and it, like everything else worth a look (an address the
web page hid, a label left out), is reported with its line number in ``problems``.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field

from presskit.library.advisory.contacts import (
    Callout,
    ContactMention,
    contact_block,
    find_contact,
    parse_callout,
)
from presskit.library.advisory.patterns import (
    ExpertLine,
    PersonName,
    heading_of,
    is_embargo_line,
    is_label,
    parse_attribution,
    parse_dateline,
    parse_embargo,
    parse_expert_line,
    parse_quote_first,
    starts_quote,
    unquote,
    unread_expert_line,
)
from presskit.library.advisory.text import Paragraph, paragraphs
from presskit.library.names import name_key
from presskit.library.roster import Roster
from presskit.model.ids import slugify, unique_id
from presskit.model.kit import (
    Approval,
    ApprovalState,
    Brand,
    Contact,
    Embargo,
    Expert,
    Kit,
    Quote,
    Resource,
    Status,
)
from presskit.model.problems import Severity
from presskit.model.sections import (
    CalloutSection,
    ContactSection,
    LeadSection,
    QuotesSection,
    Section,
    TextSection,
)
from presskit.storage.errors import LocatedProblem

#: A headline no longer than this; a longer first paragraph is the lead of a text without one.
MAX_HEADLINE = 250
_SERIES = re.compile(r"^(?P<series>[^:：]{2,40})[:：]\s+(?P<title>\S.*)$")
_END_MARK = re.compile(r"^(?:#{3,}|-+\s*30\s*-+|-*\s*ends?\s*-*)$", re.IGNORECASE)
_HIDDEN_HINT = ("give the contact's address (the Contact e-mail field in the app, "
                "--contact-email ADDRESS on the command line)")


@dataclass
class AdvisoryResult:
    kit: Kit
    #: Warnings with the line they are about, in line order.
    problems: list[LocatedProblem] = field(default_factory=list)
    #: Ids of the kit's experts that were taken from the roster.
    linked: list[str] = field(default_factory=list)


def parse_advisory(
    text: str,
    *,
    roster: Roster | None = None,
    brand: Brand | None = None,
    contact_email: str = "",
    approved: bool = False,
) -> AdvisoryResult:
    """The kit ``text`` describes.

    ``roster``: experts to match by name. ``brand``: the house style for the kit (a copy is
    used). ``contact_email``: the media contact's address where the text has none or a hidden
    one. ``approved``: the quotes are approved as printed (e.g. from a published advisory);
    otherwise they are drafts, and the kit's checks say so until someone approves them.
    """
    builder = _Builder(roster or Roster(), copy.deepcopy(brand) if brand else Brand(),
                       contact_email.strip(), approved)
    return builder.build(paragraphs(text))


class _Builder:
    def __init__(self, roster: Roster, brand: Brand, contact_email: str, approved: bool):
        self.roster = roster
        self.contact_email = contact_email
        self.approved = approved
        # A draft, as File ▸ New starts: the quotes and wording still need a look.
        self.kit = Kit(title="", brand=brand, status=Status.DRAFT)
        self.result = AdvisoryResult(self.kit)
        self.pending_heading: str = ""
        #: The section plain paragraphs go on into (the lead or a text section), if any.
        self.open_text: LeadSection | TextSection | None = None
        self.open_quotes: QuotesSection | None = None
        self.unparsed: TextSection | None = None
        self.hidden_reported: set[str] = set()
        self.labels: list[tuple[int, str]] = []

    def warn(self, line: int, message: str) -> None:
        self.result.problems.append(
            LocatedProblem(Severity.WARNING, message, line=line, column=1))

    def build(self, found: list[Paragraph]) -> AdvisoryResult:
        body = self._header(found)
        self._body(body)
        self._flush_heading()
        self._credit_authors()
        self.result.problems.sort(key=lambda p: p.line)
        return self.result

    # -- before the body ---------------------------------------------------------------------

    def _header(self, found: list[Paragraph]) -> list[Paragraph]:
        """Read labels, embargo, dateline and headline; the paragraphs after them."""
        kit, early = self.kit, []
        names = {kit.brand.organisation.strip().casefold(), kit.brand.short_name.strip().casefold()}
        index = 0
        while index < len(found):
            paragraph = found[index]
            text = paragraph.text
            if is_label(text):
                self._label(paragraph)
            elif is_embargo_line(text):
                self._embargo(paragraph)
            elif kit.date is None and (dateline := parse_dateline(text)) is not None:
                kit.date = dateline.date
                if dateline.rest:
                    self.warn(paragraph.line, f"the place {dateline.rest!r} in the dateline is "
                              "not part of a kit and was left out")
            elif text.strip().casefold() in names - {""}:
                pass  # the organisation's name as letterhead: the brand prints it
            elif find_contact(text) is not None and parse_expert_line(text) is None:
                early.append(paragraph)  # a contact block above the headline
            else:
                break
            index += 1
        rest = found[index:]
        if len(rest) > 1 and self._letterhead(rest[0], rest[1]):
            rest.pop(0)
        if rest and len(rest[0].text) <= MAX_HEADLINE and not self._structural(rest[0].text):
            headline = rest.pop(0).text
            match = _SERIES.match(headline)
            if match and len(match["series"].split()) <= 5:
                kit.series, kit.title = match["series"].strip(), match["title"].strip()
            else:
                kit.title = headline.strip()
            if rest and kit.date is None and (dateline := parse_dateline(rest[0].text)):
                kit.date = dateline.date
                rest.pop(0)
        else:
            line = rest[0].line if rest else 1
            self.warn(line, "no headline found (a short line before the first paragraph); "
                      "the kit has none yet")
        self._use_labels()
        return early + rest

    def _letterhead(self, first: Paragraph, second: Paragraph) -> bool:
        """``Center for a New American Security`` above ``CNAS Responds: …``: the organisation
        (kept as the brand's, if it has none), not the headline."""
        text = first.text.strip()
        if (len(text) > 80 or text.endswith((".", "?", "!", ":")) or _SERIES.match(text)
                or heading_of(text) is not None or not _SERIES.match(second.text)
                or len(second.text) > MAX_HEADLINE or self._structural(second.text)):
            return False
        brand = self.kit.brand
        if not brand.organisation:
            brand.organisation = text
        elif brand.organisation.strip().casefold() != text.casefold():
            self.warn(first.line, f"{text!r} above the headline was taken as letterhead and "
                      f"left out: the brand's organisation is {brand.organisation!r}")
        return True

    @staticmethod
    def _structural(text: str) -> bool:
        return (parse_expert_line(text) is not None or heading_of(text) is not None
                or bool(unread_expert_line(text)))

    def _label(self, paragraph: Paragraph) -> None:
        text = paragraph.text.strip().rstrip(":.")
        if "immediate" in text.casefold():
            self.warn(paragraph.line, f"{text!r} left out: a kit marked final is for release")
        else:
            self.labels.append((paragraph.line, text))

    def _use_labels(self) -> None:
        """The first label ("MEDIA ADVISORY") is the series label unless the headline has one."""
        for line, text in self.labels:
            if not self.kit.series:
                self.kit.series = text.title() if text.isupper() else text
            else:
                self.warn(line, f"{text!r} left out: the kit's series label is "
                          f"{self.kit.series!r}")

    def _embargo(self, paragraph: Paragraph) -> None:
        found = parse_embargo(paragraph.text)
        if found is None:
            self.warn(paragraph.line, f"could not read a date and time in {paragraph.text!r}; "
                      "the kit is not embargoed — set the embargo before sending it")
            return
        until, zone = found
        if not zone:
            self.warn(paragraph.line, "the embargo names no time zone; UTC is assumed — "
                      "check it before sending the kit")
        self.kit.embargo = Embargo(until=until, zone=zone or "UTC")

    # -- the body ----------------------------------------------------------------------------

    def _body(self, body: list[Paragraph]) -> None:
        index = 0
        while index < len(body):
            paragraph = body[index]
            text = paragraph.text
            if _END_MARK.match(text.strip()):
                self.warn(paragraph.line, f"the end mark {text.strip()!r} was left out")
                index += 1
                continue
            taken = self._expert(body, index)
            if taken:
                index += taken
                continue
            block = contact_block([p.text for p in body[index:index + 5]])
            if block is not None:
                mention, taken = block
                index += taken
                self._contact(mention, paragraph, closing=index == len(body))
                continue
            index += 1
            unread = unread_expert_line(text)
            if unread:
                self._keep_unparsed(paragraph, unread)
                continue
            heading = heading_of(text)
            if heading is not None:
                self._flush_heading()
                self.pending_heading = heading
                continue
            contact = find_contact(text)
            if contact is not None:
                self._contact(contact, paragraph, closing=index == len(body))
                continue
            callout = parse_callout(text)
            if callout is not None:
                self._callout(callout)
                continue
            self._paragraph(text)

    def _add(self, section: Section) -> None:
        self.kit.sections.append(section)
        self.open_text = section if isinstance(section, LeadSection | TextSection) else None
        self.open_quotes = section if isinstance(section, QuotesSection) else None
        if section is not self.unparsed:
            self.unparsed = None

    def _section_id(self, base: str) -> str:
        return unique_id(base, {s.id for s in self.kit.sections})

    def _flush_heading(self) -> None:
        """A heading with nothing under it is kept as an empty text section."""
        if self.pending_heading:
            heading, self.pending_heading = self.pending_heading, ""
            self._add(TextSection(id=self._section_id(slugify(heading, "text")),
                                  heading=heading))

    def _paragraph(self, text: str) -> None:
        if self.pending_heading:
            heading, self.pending_heading = self.pending_heading, ""
            self._add(TextSection(id=self._section_id(slugify(heading, "text")),
                                  heading=heading, text=text))
        elif self.open_text is not None:
            self.open_text.text += "\n\n" + text
        elif all(isinstance(s, ContactSection) for s in self.kit.sections):
            # Before anything but a contact block: the lead.
            self._add(LeadSection(id=self._section_id("lead"), text=text))
        else:
            self._add(TextSection(id=self._section_id("text"), text=text))

    def _keep_unparsed(self, paragraph: Paragraph, reason: str) -> None:
        if self.unparsed is not None and self.kit.sections[-1] is self.unparsed:
            self.unparsed.text += "\n\n" + paragraph.text
        else:
            self._flush_heading()
            self.unparsed = TextSection(id=self._section_id("unread-text"), text=paragraph.text)
            self._add(self.unparsed)
        self.warn(paragraph.line, f"{reason}; kept as text in section {self.unparsed.id!r}")

    # -- experts and quotes ------------------------------------------------------------------

    def _expert(self, body: list[Paragraph], index: int) -> int:
        """Read an expert line at ``body[index]``; how many paragraphs it took (0: none)."""
        paragraph = body[index]
        line = parse_expert_line(paragraph.text)
        taken = 1
        following = body[index + 1].text if index + 1 < len(body) else ""
        if line is None and following:
            line = self._attribution_then_quote(paragraph.text, following)
            taken = 2
        if line is None:
            quote_first = parse_quote_first(paragraph.text, following)
            if quote_first is None:
                return 0
            line, used_following = quote_first
            taken = 2 if used_following else 1
        parts = [line.quote]
        closed = line.closed
        while not closed and index + taken < len(body):
            following = body[index + taken].text
            opener = starts_quote(following)
            if not opener or parse_expert_line(following) is not None:
                break
            more, closed = unquote(following.lstrip()[1:], opener)
            parts.append(more)
            taken += 1
        self._add_quote(line.person, line.title, "\n\n".join(parts), paragraph.line)
        return taken

    @staticmethod
    def _attribution_then_quote(text: str, following: str) -> ExpertLine | None:
        """``Duyeon Kim, Adjunct Senior Fellow`` then a paragraph in quotation marks."""
        opener = starts_quote(following)
        if not opener or len(text) > 200 or text.rstrip().endswith((".", "?", "!")):
            return None
        head = parse_attribution(text.lstrip("-–—•* "))
        if head is None or len(head[0].name.split()) < 2 and not text.rstrip().endswith(":"):
            return None
        quote, closed = unquote(following.lstrip()[1:], opener)
        return ExpertLine(head[0], head[1], quote, closed, opener) if quote else None

    def _add_quote(self, person: PersonName, title: str, text: str, line: int) -> None:
        expert = self._kit_expert(person, title, line)
        kit = self.kit
        banked = next((q for q in self.roster.quotes_by(expert.id)
                       if " ".join(q.text.split()) == " ".join(text.split())), None)
        taken = {q.id for q in kit.quotes}
        if banked is not None and expert.id in self.result.linked:
            quote = copy.deepcopy(banked)
            quote.id = unique_id(banked.id, taken)
        else:
            words = person.name.split(",")[0].split()
            base = slugify(words[-1] if words else "", "quote")
            quote = Quote(id=unique_id(f"{base}-quote" if base != "quote" else base, taken),
                          expert=expert.id, text=text, date=kit.date)
            if self.approved:
                quote.approval = Approval(ApprovalState.APPROVED, by=expert.name, date=kit.date)
        kit.quotes.append(quote)
        if self.pending_heading or self.open_quotes is None:
            heading, self.pending_heading = self.pending_heading, ""
            self._add(QuotesSection(id=self._section_id("experts"), heading=heading))
        assert self.open_quotes is not None
        self.open_quotes.quotes.append(quote.id)

    def _kit_expert(self, person: PersonName, title: str, line: int) -> Expert:
        kit = self.kit
        key = name_key(person.name)
        existing = next((e for e in kit.experts if name_key(e.name) == key), None)
        if existing is not None:
            if title and title != existing.title:
                self.warn(line, f"{existing.name} is quoted again with the title {title!r}; "
                          f"the kit keeps the first one, {existing.title!r}")
            return existing
        from_roster = self.roster.find(name=person.name)
        if from_roster is not None:
            expert = copy.deepcopy(from_roster)
            expert.id = unique_id(from_roster.id, {e.id for e in kit.experts})
            expert.title = title or expert.title
            expert.honorific = person.honorific or expert.honorific
            expert.pronouns = person.pronouns or expert.pronouns
            self.result.linked.append(expert.id)
        else:
            expert = Expert(
                id=unique_id(slugify(person.name, "expert"), {e.id for e in kit.experts}),
                name=person.name, honorific=person.honorific, pronouns=person.pronouns,
                title=title, program=_program_of(title),
            )
        kit.experts.append(expert)
        return expert

    # -- contacts and callouts ---------------------------------------------------------------

    def _contact(self, mention: ContactMention, paragraph: Paragraph, *, closing: bool) -> None:
        kit = self.kit
        email = mention.email or (self.contact_email if mention.hidden_email else "")
        # By name only: colleagues often share one press address.
        contact = next((c for c in kit.contacts if name_key(c.name) == name_key(mention.name)),
                       None)
        if contact is None:
            contact = Contact(id=unique_id(slugify(mention.name, "contact"),
                                           {c.id for c in kit.contacts}),
                              name=mention.name, email=email, phone=mention.phone)
            kit.contacts.append(contact)
        template = mention.template
        for key, value in (("email", email), ("phone", mention.phone), ("role", mention.role)):
            if value and getattr(contact, key) and getattr(contact, key) != value:
                # Another number for the same person: print this one as it was written.
                template = template.replace("{" + key + "}", value)
            elif value:
                setattr(contact, key, value)
        if mention.hidden_email and not contact.email and contact.id not in self.hidden_reported:
            self.hidden_reported.add(contact.id)
            self.warn(paragraph.line, f"the e-mail address of {contact.name} was hidden by the "
                      f"web page the text was copied from ('[email protected]'); "
                      f"{_HIDDEN_HINT}")
        if self.pending_heading:  # "Media contact:" above the details belongs in the box
            template = f"{self.pending_heading}:\n{template}"
            self.pending_heading = ""
        base = "closing" if closing else "contact"
        self._add(ContactSection(id=self._section_id(base), contact=contact.id, text=template))

    def _callout(self, callout: Callout) -> None:
        kit = self.kit
        resource = Resource(
            id=unique_id(slugify(callout.title, "resource")[:24].rstrip("-"),
                         {r.id for r in kit.resources}),
            title=callout.title, url=callout.url,
        )
        kit.resources.append(resource)
        self._flush_heading()
        self._add(CalloutSection(id=self._section_id(slugify(callout.heading, "callout")),
                                 heading=callout.heading, resource=resource.id,
                                 text=callout.template))

    def _credit_authors(self) -> None:
        """A callout naming one of the kit's experts credits them as the resource's author."""
        for section in self.kit.sections:
            if not isinstance(section, CalloutSection):
                continue
            resource = self.kit.resource(section.resource)
            author = next((e for e in self.kit.experts if e.name in section.text), None)
            if resource is not None and author is not None and not resource.author:
                resource.author, resource.expert = author.name, author.id


def _program_of(title: str) -> str:
    """``"Senior Fellow for Energy, Economics, and Security"`` → the program after "for"."""
    _before, found, after = title.partition(" for ")
    return after.strip() if found and len(after.split()) <= 8 else ""
