"""One flowable builder per section type, plus the front matter (masthead, dateline, headline).

Each builder turns one section into a list of flowables, escaping every user string through
``render.text``. The story opens with an :class:`OutlineMark` per visible section (and one per
quoted expert, nested under its quotes section) that the document turns into bookmarks. A
reference to something that is not in the kit (validation reports it as an error) is skipped
with a warning rather than crashing the render.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from presskit.model import (
    AboutSection,
    BiosSection,
    CalloutSection,
    ContactSection,
    Expert,
    LeadSection,
    QuotesSection,
    Section,
    SectionType,
    TextSection,
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
from presskit.render.context import RenderContext
from presskit.render.flowables import (
    BalancedParagraph,
    Beside,
    Box,
    KeepHeadTogether,
    Masthead,
    OutlineMark,
    Rule,
)
from presskit.render.fonts.fallback import Face
from presskit.render.styles import STEP, hex_of
from presskit.render.tagging import Node
from presskit.render.text import (
    clean,
    email_link,
    escape,
    link,
    long_date,
    one_line,
    paragraphs,
    phone_link,
    plain,
    split_paragraphs,
)

HEADSHOT_QUOTE = 50.0  # points: headshot beside a quote
HEADSHOT_BIO = 58.0
PHOTO_GAP = 14.0  # points between a headshot and the text beside it
BOX_PADDING = 15.0  # points between a box's edge and its text


def _paras(text: str, style: ParagraphStyle, ctx: RenderContext,
           fields: dict[str, str] | None = None, parent: Node | None = None) -> list[Flowable]:
    """Each paragraph of ``text`` a ``P`` element under ``parent`` (the document if none)."""
    raws = split_paragraphs(text)  # same split as paragraphs(): the fallback for each
    return [ctx.tree.mark(ctx.paragraph(markup, style, raw), "P", parent)
            for markup, raw in zip(paragraphs(text, fields), raws, strict=True)]


def heading(text: str, ctx: RenderContext) -> list[Flowable]:
    """A short accent rule (decoration) over the heading (``H2``); both keep with what
    follows."""
    thickness = 2.2
    tab = Rule(width=26, thickness=thickness, color=ctx.colors.accent, hAlign="LEFT",
               spaceBefore=4 * STEP, spaceAfter=2 * STEP - thickness)  # rule + gap: 2 steps
    tab.keepWithNext = 1
    tab.indent = ctx.styles.rail
    return [tab, ctx.tree.mark(ctx.paragraph(plain(text), ctx.styles.heading), "H2")]


def _box(content: list[Flowable], ctx: RenderContext, *, background: Any, bar: Any) -> Table:
    """A tinted box with a coloured bar on the left, its text lined up with the text column
    (the bar and padding in the rail); it may split across pages, once its heading (if any)
    and two lines of text fit."""
    head = sum(p.style.leading + p.style.spaceAfter for p in content[:1]
               if isinstance(p, Paragraph) and p.style is ctx.styles.box_heading)
    inset = max(ctx.styles.rail - BOX_PADDING, 0.0)
    table = Box([[content]], colWidths=[ctx.geometry.frame_width - inset], splitInRow=1,
                min_start=10 + head + 2 * ctx.styles.box_body.leading + 7)
    table.setStyle(TableStyle([
        # Tables set a cell font even when cells hold flowables; never let it be Helvetica.
        ("FONTNAME", (0, 0), (-1, -1), ctx.fonts.body.regular),
        ("BACKGROUND", (0, 0), (-1, -1), background),
        ("LINEBEFORE", (0, 0), (0, -1), 3.5, bar),
        ("LEFTPADDING", (0, 0), (-1, -1), BOX_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), BOX_PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), 10),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]))
    table.hAlign = "RIGHT"
    table.spaceBefore = 2 * STEP
    table.spaceAfter = 3 * STEP
    return table


# -- front matter ------------------------------------------------------------------------------

def front_matter(ctx: RenderContext) -> list[Flowable]:
    kit, styles = ctx.kit, ctx.styles
    story: list[Flowable] = []
    brand = kit.brand
    logo = ctx.logo(Masthead.LOGO_HEIGHT)
    series, organisation = clean(kit.series).strip(), clean(brand.organisation).strip()
    tree = ctx.tree
    if logo is not None or series or organisation:
        masthead = Masthead(
            logo=logo, series=series, organisation=organisation, colors=ctx.colors,
            glyphs=ctx.glyphs, series_face=Face(ctx.fonts.heading, bold=True),
            face=Face(ctx.fonts.body),
        )
        if logo is not None:
            name = " ".join(organisation.split()) or " ".join(clean(brand.short_name).split())
            masthead.logo_tag = tree.group("Figure", alt=f"{name} logo" if name else "Logo")
        masthead.text_tags = (tree.group("P") if series or organisation else None,
                              tree.group("P") if series and organisation else None)
        story.append(masthead)
    if kit.date is not None:
        dateline = escape(long_date(kit.date, kit.language))
        story.append(tree.mark(ctx.paragraph(dateline, styles.dateline), "P"))
    story.append(tree.mark(
        ctx.paragraph(plain(kit.title), styles.headline, cls=BalancedParagraph), "H1"))
    return story


# -- sections ----------------------------------------------------------------------------------

def _lead(section: LeadSection, index: int, ctx: RenderContext) -> list[Flowable]:
    return _paras(section.text, ctx.styles.lead, ctx)


def _contact(section: ContactSection, index: int, ctx: RenderContext) -> list[Flowable]:
    contact = ctx.kit.contact(section.contact)
    if contact is None:
        ctx.warn(f"section {section.id!r} refers to contact {section.contact!r}, which is not "
                 "defined; the section is left out", "sections", index, "contact")
        return []
    fields = {
        "name": plain(contact.name),
        "role": plain(contact.role),
        "email": email_link(contact.email, ctx.link_color),
        "phone": phone_link(contact.phone, ctx.link_color),
    }
    box = ctx.tree.group("Div")
    content = _paras(contact_text(section.text, contact), ctx.styles.box_body, ctx, fields,
                     box)
    return [_box(content, ctx, background=ctx.colors.primary_tint, bar=ctx.colors.primary)]


def _callout(section: CalloutSection, index: int, ctx: RenderContext) -> list[Flowable]:
    kit, styles = ctx.kit, ctx.styles
    resource = kit.resource(section.resource) if section.resource else None
    if section.resource and resource is None:
        ctx.warn(f"section {section.id!r} refers to resource {section.resource!r}, which is not "
                 "defined", "sections", index, "resource")
    fields: dict[str, str] = {"title": "", "author": "", "url": ""}
    blurb = ""
    if resource is not None:
        author = resource_author(resource, kit)
        fields = {
            "title": link(resource.url, plain(resource.title), ctx.link_color),
            "author": plain(author),
            "url": link(resource.url, plain(resource.url), ctx.link_color),
        }
        blurb = resource.blurb
        default = callout_default(author)
    content: list[Flowable] = []
    box = ctx.tree.group("Div")
    if section.heading.strip():
        content.append(ctx.tree.mark(ctx.paragraph(plain(section.heading), styles.box_heading),
                                     "H2", box))
    if section.text.strip():
        content += _paras(section.text, styles.box_body, ctx, fields, box)
    elif resource is not None:
        content += _paras(default, styles.box_body, ctx, fields, box)
        content += _paras(blurb, styles.box_body, ctx, parent=box)
    if not content:
        return []
    return [_box(content, ctx, background=ctx.colors.accent_tint, bar=ctx.colors.accent)]


def _quote_paragraphs(text: str, ctx: RenderContext, parent: Node) -> list[Flowable]:
    """The quote in typographic quotation marks (unless the user typed their own), each
    paragraph a ``P`` under ``parent``."""
    raws = split_paragraphs(text)
    marked = paragraphs(text, parts=raws)
    if not marked:
        return []
    styles = ctx.styles
    if has_own_quote_marks(text):
        return [ctx.tree.mark(ctx.paragraph(m, styles.quote, raw), "P", parent)
                for m, raw in zip(marked, raws, strict=True)]
    marked[0] = "“" + marked[0]
    marked[-1] = marked[-1] + "”"
    return [ctx.tree.mark(ctx.paragraph(m, styles.quote_first if n == 0 else styles.quote, raw),
                          "P", parent)
            for n, (m, raw) in enumerate(zip(marked, raws, strict=True))]


def name_markup(expert: Expert) -> str:
    """The display name in bold, never hyphenated or split into syllables (``<nobr>``)."""
    return f"<nobr><b>{plain(display_name(expert))}</b></nobr>"


def person_line(expert: Expert, ctx: RenderContext) -> str:
    """``<b>Dr. Duyeon Kim</b> (she/her), <i>Adjunct Senior Fellow …</i>`` as markup."""
    markup = name_markup(expert)
    if expert.pronouns.strip():
        markup += f" ({plain(expert.pronouns)})"
    title = affiliation(expert, ctx.kit.brand)
    if title:
        muted = hex_of(ctx.colors.muted)
        markup += f', <font color="{muted}"><i>{plain(title)}</i></font>'
    return markup


def _with_photo(photo: Flowable | None, size: float, content: list[Flowable], head: int,
                ctx: RenderContext) -> Beside:
    """``content`` (its text in the column) with a ``size``-point headshot in the rail, right
    beside the text; where the rail is too narrow for it the text moves over. Splits across
    pages, never after the first ``head`` flowables (the name)."""
    rail = ctx.styles.rail
    return Beside(photo, content, max(size + PHOTO_GAP - rail, 0.0),
                  slot_x=max(rail - size - PHOTO_GAP, 0.0), head=head,
                  space_before=3 * STEP, space_after=STEP)


def _entry(head: list[Flowable], name: list[Flowable], body: list[Flowable],
           photo: Flowable | None, size: float, ctx: RenderContext) -> KeepHeadTogether:
    """One person's entry: bookmark(s), name, body, optionally beside a headshot."""
    if photo is not None:
        beside = _with_photo(photo, size, [*name, *body], len(name), ctx)
        return KeepHeadTogether([*head, beside], head=len(head))
    return KeepHeadTogether([*head, *name, *body], head=len(head) + len(name))


def _attach(story: list[Flowable], lead_in: list[Flowable]) -> list[Flowable]:
    """Put ``lead_in`` (a heading) in front of the first entry so they never part."""
    if story and isinstance(story[0], KeepHeadTogether):
        story[0].prepend(lead_in)
        return story
    return [*lead_in, *story]


def _quotes(section: QuotesSection, index: int, ctx: RenderContext) -> list[Flowable]:
    styles = ctx.styles
    # The heading is made first: the structure tree is in the order things are made.
    lead_in = heading(section.heading, ctx) if section.heading.strip() else []
    entries: list[Flowable] = []
    bookmarked: set[str] = set()
    for n, quote_id in enumerate(section.quotes):
        quote = ctx.quote(quote_id)
        expert = ctx.expert(quote.expert) if quote is not None else None
        if quote is None or expert is None:
            missing = (f"quote {quote_id!r}" if quote is None
                       else f"expert {quote.expert!r} of quote {quote_id!r}")
            ctx.warn(f"section {section.id!r}: {missing} is not defined; it is left out",
                     "sections", index, "quotes", n)
            continue
        head: list[Flowable] = []
        if expert.id not in bookmarked:
            bookmarked.add(expert.id)
            head.append(OutlineMark(f"s{index}-q{n}", expert.name.strip() or expert.id, 1))
        block = ctx.tree.group("BlockQuote")
        photo = ctx.headshot(expert, HEADSHOT_QUOTE, block) if section.photos else None
        name = [ctx.tree.mark(ctx.paragraph(person_line(expert, ctx), styles.name, expert.name),
                              "P", block)]
        body = _quote_paragraphs(quote.text, ctx, block)
        entries.append(_entry(head, name, body, photo, HEADSHOT_QUOTE, ctx))
    if lead_in:
        return _attach(entries, lead_in)
    return entries


def _bios(section: BiosSection, index: int, ctx: RenderContext) -> list[Flowable]:
    styles = ctx.styles
    if section.experts:
        experts = []
        for n, expert_id in enumerate(section.experts):
            expert = ctx.expert(expert_id)
            if expert is None:
                ctx.warn(f"section {section.id!r} refers to expert {expert_id!r}, which is not "
                         "defined; it is left out", "sections", index, "experts", n)
            else:
                experts.append(expert)
    else:
        experts = quoted_experts(ctx.kit)
    # One photo column for all, if anyone has a photo, so names line up down the page.
    photos = any(expert.photo is not None for expert in experts)
    lead_in = heading(bios_heading(section), ctx)  # first: the tree is in the order made
    entries: list[Flowable] = []
    tree = ctx.tree
    for expert in experts:
        entry = tree.group("Div")
        photo = ctx.headshot(expert, HEADSHOT_BIO, entry) if photos else None
        # Each name heads its bio under the section's H2: a screen reader jumps between them.
        name = [tree.mark(ctx.paragraph(name_markup(expert), styles.name, expert.name), "H3",
                          entry)]
        title = affiliation(expert, ctx.kit.brand)
        if title:
            name.append(tree.mark(ctx.paragraph(plain(title), styles.person_title), "P", entry))
        body = _paras(expert.bio, styles.bio, ctx, parent=entry)
        entries.append(_entry([], name, body, photo, HEADSHOT_BIO, ctx))
    return _attach(entries, lead_in)


def _about(section: AboutSection, index: int, ctx: RenderContext) -> list[Flowable]:
    return [*heading(about_heading(section, ctx.kit), ctx),
            *_paras(about_text(section, ctx.kit), ctx.styles.body, ctx)]


def _text(section: TextSection, index: int, ctx: RenderContext) -> list[Flowable]:
    story: list[Flowable] = []
    if section.heading.strip():
        story += heading(section.heading, ctx)
    return story + _paras(section.text, ctx.styles.body, ctx)


_BUILDERS: dict[SectionType, Callable[[Any, int, RenderContext], list[Flowable]]] = {
    SectionType.LEAD: _lead,
    SectionType.CONTACT: _contact,
    SectionType.CALLOUT: _callout,
    SectionType.QUOTES: _quotes,
    SectionType.TEXT: _text,
    SectionType.BIOS: _bios,
    SectionType.ABOUT: _about,
}


#: Characters of a section's text an outline entry quotes when it has no other name.
SNIPPET = 48


def _snippet(text: str) -> str:
    """The start of ``text`` for a bookmark: whole words, an ellipsis if cut."""
    words = one_line(text).replace("*", "").split()
    taken: list[str] = []
    for word in words:
        if taken and len(" ".join([*taken, word])) > SNIPPET:
            return " ".join(taken).rstrip(",;:.") + "…"
        taken.append(word)
    return " ".join(taken)


def _section_text(section: Section, ctx: RenderContext) -> str:
    """What a section without a heading says, placeholders filled in, for its bookmark."""
    if isinstance(section, ContactSection):
        contact = ctx.kit.contact(section.contact)
        if contact is None:
            return ""
        text = contact_text(section.text, contact)
        for key in ("name", "role", "email", "phone"):
            text = text.replace("{" + key + "}", getattr(contact, key))
        return text
    return str(getattr(section, "text", ""))


def outline_title(section: Section, ctx: RenderContext) -> str:
    """A bookmark that says what the section is: its heading; the headline for the lead;
    "Media contact: Cole Stevens"; "Text: The first words…" for text without a heading."""
    if isinstance(section, AboutSection):
        return about_heading(section, ctx.kit)
    heading_text = one_line(str(getattr(section, "heading", "")))
    if heading_text:
        return heading_text
    if isinstance(section, LeadSection) and one_line(ctx.kit.title):
        return one_line(ctx.kit.title)
    if isinstance(section, ContactSection):
        contact = ctx.kit.contact(section.contact)
        name = one_line(contact.name) if contact is not None else ""
        return f"{section.LABEL}: {name}" if name else section.LABEL
    snippet = _snippet(_section_text(section, ctx))
    return f"{section.LABEL}: {snippet}" if snippet else section.LABEL


def _distinct(title: str, section: Section, ctx: RenderContext, taken: set[str]) -> str:
    """``title``, or, if an earlier bookmark has it, one that tells the two apart: the
    section's id and the start of its text ("Closing: All CNAS experts are available…"),
    else a number."""
    if title.casefold() not in taken:
        return title
    label = " ".join(section.id.replace("-", " ").replace("_", " ").split()).capitalize()
    snippet = _snippet(_section_text(section, ctx))
    candidate = f"{label or section.LABEL}: {snippet}" if snippet else title
    number = 2
    while candidate.casefold() in taken:
        candidate = f"{title} ({number})"
        number += 1
    return candidate


def story(ctx: RenderContext) -> Iterator[Flowable]:
    """The whole document: front matter, then every visible section in order."""
    yield from front_matter(ctx)
    taken: set[str] = set()
    for index, section in visible_sections(ctx.kit):
        flowables = _BUILDERS[section.type](section, index, ctx)
        if flowables:
            title = _distinct(outline_title(section, ctx), section, ctx, taken)
            taken.add(title.casefold())
            mark = OutlineMark(f"s{index}", title, 0)
            yield from _attach(flowables, [mark])
