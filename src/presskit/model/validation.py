"""The rules a kit must follow (errors) and the things a press officer should look at before
sending it (warnings). Pure functions of the kit; the one check that needs the disk (does an
image file exist?) is handed in by the caller.

Errors are what makes a kit contradict itself (a duplicate id, a reference to nothing, a
colour that is not one): a file with them is refused on open. A blank field is only
unfinished work, so it is a warning: a kit saved half-done from the app must reopen.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from presskit.model.ids import is_valid_id
from presskit.model.kit import FONT_FACES, ApprovalState, Kit, Status, font_file
from presskit.model.markings import is_language_tag, language_spans
from presskit.model.printable import one_line
from presskit.model.problems import Problem, error, warning
from presskit.model.requests import day_words, deadline_day, deadline_words, unanswered
from presskit.model.sections import (
    AboutSection,
    BiosSection,
    CalloutSection,
    ContactSection,
    LeadSection,
    QuotesSection,
    Section,
    TextSection,
)

COLOR_PATTERN = re.compile(r"^#[0-9A-Fa-f]{6}$")
SAFE_URL_SCHEMES = ("http://", "https://", "mailto:")
__all__ = ["is_language_tag", "is_safe_url", "validate"]
EMAIL_PATTERN = re.compile(r"^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$")
def is_safe_url(url: str) -> bool:
    """Only web and mail links may become live links in a PDF."""
    return url.strip().lower().startswith(SAFE_URL_SCHEMES)


def validate(kit: Kit, exists: Callable[[Path], bool] | None = None) -> list[Problem]:
    """Every problem in ``kit``, errors first in document order, then warnings.

    ``exists`` checks asset files (logo, photos, fonts); without it they are not checked.
    """
    problems = [
        *_check_ids(kit),
        *_check_kit(kit),
        *_check_brand(kit, exists),
        *_check_people(kit, exists),
        *_check_quotes(kit),
        *_check_sections(kit),
        *_check_language_spans(kit),
    ]
    return sorted(problems, key=lambda p: not p.is_error)


def _check_ids(kit: Kit) -> Iterator[Problem]:
    lists: Sequence[tuple[str, Sequence[Any]]] = (
        ("contacts", kit.contacts),
        ("experts", kit.experts),
        ("quotes", kit.quotes),
        ("resources", kit.resources),
        ("sections", kit.sections),
    )
    for key, items in lists:
        first_at: dict[str, int] = {}
        for index, item in enumerate(items):
            if not is_valid_id(item.id):
                yield error(
                    f"id {item.id!r} is not valid: use letters, digits, '-', '_' or '.'",
                    key, index, "id",
                )
            if item.id in first_at:
                yield error(
                    f"duplicate id {item.id!r} in {key}: item {index + 1} has the same id "
                    f"as item {first_at[item.id] + 1}",
                    key, index, "id",
                )
            else:
                first_at[item.id] = index


def _check_kit(kit: Kit) -> Iterator[Problem]:
    if not kit.title.strip():
        yield warning("the kit has no headline", "kit", "title", plain="The kit has no headline")
    if kit.embargo is not None:
        import zoneinfo  # here: most kits have no embargo, and every export validates

        try:
            zoneinfo.ZoneInfo(kit.embargo.zone)
        # A zone name that is a folder of the tz database ("Europe") raises
        # IsADirectoryError, an OSError (found by fuzzing).
        except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
            yield error(
                f"unknown time zone {kit.embargo.zone!r}: use a name like "
                "'America/New_York', 'Europe/Brussels' or 'UTC'",
                "kit", "embargo", "zone",
            )
    if kit.language.strip() and not is_language_tag(kit.language.strip()):
        yield warning(
            f"unknown language {kit.language!r}: use a language tag like 'en', 'fr', "
            "'de-CH', 'pt-BR' or 'zh-Hant'; until then the outputs say English ('en')",
            "kit", "language",
        )
    if not kit.contacts:
        yield warning("the kit has no media contact", "contacts",
                      plain="The kit has no media contact for journalists to call or write to")


def _check_brand(kit: Kit, exists: Callable[[Path], bool] | None) -> Iterator[Problem]:
    brand = kit.brand
    for name in ("primary", "accent", "text"):
        value = getattr(brand.colors, name)
        if not COLOR_PATTERN.match(value):
            yield error(
                f"colour {value!r} is not a colour: write it as #rrggbb, e.g. #1F3A5F",
                "brand", "colors", name,
            )
    if brand.website and not is_safe_url(brand.website):
        yield warning(
            f"website {brand.website!r} is not an http(s) address and will not be a link",
            "brand", "website",
        )
    if exists is not None:
        if brand.logo is not None and not exists(brand.logo):
            yield warning(f"logo file not found: {brand.logo}", "brand", "logo")
        for role in ("body", "heading"):
            font = getattr(brand.fonts, role)
            if isinstance(font, Path) and not exists(font_file(font)[0]):
                yield warning(
                    f"{role} font file not found: {font}; DejaVu Sans is used instead",
                    "brand", "fonts", role,
                )
            for face in FONT_FACES:
                file = brand.fonts.face(role, face)
                if file is not None and not exists(font_file(file)[0]):
                    yield warning(
                        f"{role} {face.replace('_', ' ')} font file not found: {file}; the "
                        f"{role} font's regular face is used instead",
                        "brand", "fonts", f"{role}_{face}",
                    )


def _check_people(kit: Kit, exists: Callable[[Path], bool] | None) -> Iterator[Problem]:
    for index, contact in enumerate(kit.contacts):
        if not contact.name.strip():
            yield warning(f"contact {contact.id!r} has no name", "contacts", index, "name",
                          plain=f"Media contact {index + 1} has no name")
        if contact.email and not EMAIL_PATTERN.match(contact.email):
            yield warning(
                f"contact {contact.id!r}: {contact.email!r} does not look like an e-mail address",
                "contacts", index, "email",
                plain=f"{_contact(contact.name, index)}'s e-mail address "
                f"“{one_line(contact.email, 60)}” does not look like one",
            )
        if not contact.email and not contact.phone:
            yield warning(
                f"contact {contact.id!r} has neither an e-mail address nor a phone number",
                "contacts", index,
                plain=f"{_contact(contact.name, index)} has neither an e-mail address nor a "
                "phone number",
            )
    quoted = {q.expert for q in kit.quotes}
    for index, expert in enumerate(kit.experts):
        who = repr(expert.name.strip() or expert.id)
        if not expert.name.strip():
            yield warning(f"expert {expert.id!r} has no name", "experts", index, "name",
                          plain=f"Expert {index + 1} has no name")
        name = _expert(expert.name, index)
        if not expert.title.strip() and expert.id in quoted:
            yield warning(f"expert {who} has no title", "experts", index, "title",
                          plain=f"{name} has no title (quotes print it under the name)")
        if expert.photo is not None and exists is not None and not exists(expert.photo):
            yield warning(f"photo of {who} not found: {expert.photo}", "experts", index, "photo",
                          plain=f"{name}'s photo is not at {expert.photo} any more")
    expert_ids = {e.id for e in kit.experts}
    for index, resource in enumerate(kit.resources):
        if not resource.title.strip():
            yield warning(f"resource {resource.id!r} has no title", "resources", index, "title",
                          plain=f"Resource {index + 1} has no title")
        if resource.url and not is_safe_url(resource.url):
            yield warning(
                f"resource {resource.id!r}: {resource.url!r} is not an http(s) address "
                "and will not be a link",
                "resources", index, "url",
                plain=f"The address of “{one_line(resource.title, 60)}” is not a web address, so "
                "it will not be a link",
            )
        if resource.expert and resource.expert not in expert_ids:
            yield _dangling("resource", resource.id, "expert", resource.expert,
                            "resources", index, "expert",
                            plain=f"The resource “{one_line(resource.title, 60)}” names an "
                            "author who is not among the kit's experts")


def _check_quotes(kit: Kit) -> Iterator[Problem]:
    expert_ids = {e.id for e in kit.experts}
    used = {
        quote_id
        for section in kit.visible_sections()
        if isinstance(section, QuotesSection)
        for quote_id in section.quotes
    }
    for index, quote in enumerate(kit.quotes):
        if quote.expert not in expert_ids:
            yield _dangling("quote", quote.id, "expert", quote.expert, "quotes", index, "expert",
                            plain=f"The quote “{excerpt(quote.text)}” is by an expert who is "
                            "not in the kit")
        if quote.request is not None:
            yield from _check_request(kit, index)
        elif not quote.text.strip():
            yield warning(f"quote {quote.id!r} is empty", "quotes", index, "text",
                          plain=f"A quote by {_quoted(kit, quote.expert)} has no words yet")
        if quote.id in used and quote.approval.state is not ApprovalState.APPROVED:
            state = ("is pending approval" if quote.approval.state is ApprovalState.PENDING
                     else "is a draft, not yet approved")
            yield warning(
                f"quote {quote.id!r} is used in the kit but is {quote.approval.state.value}, "
                "not approved",
                "quotes", index, "approval",
                plain=f"{_quoted(kit, quote.expert)}'s quote “{excerpt(quote.text)}” {state}",
            )


def _check_request(kit: Kit, index: int) -> Iterator[Problem]:
    """A request whose deadline comes before it was asked is a slip; one not answered yet is
    unfinished work, said in plain words (an empty quote with a request is not "empty")."""
    quote = kit.quotes[index]
    request = quote.request
    assert request is not None
    day = deadline_day(request)
    if day is not None and day < request.asked:
        yield error(
            f"quote {quote.id!r}: the request's deadline ({deadline_words(day)}) comes before "
            f"the day it was asked ({day_words(request.asked)})",
            "quotes", index, "request", "deadline",
        )
    if request.length < 0:
        yield error(f"quote {quote.id!r}: the request's length must be a number of words, "
                    f"not {request.length}", "quotes", index, "request", "length")
    waiting = unanswered(kit, index)
    if waiting is not None:
        yield warning(waiting.sentence, *waiting.where, plain=waiting.sentence)


def _check_sections(kit: Kit) -> Iterator[Problem]:
    ids = {
        "quote": {q.id for q in kit.quotes},
        "expert": {e.id for e in kit.experts},
        "contact": {c.id for c in kit.contacts},
        "resource": {r.id for r in kit.resources},
    }
    has_contact_section = False
    hidden_contact: int | None = None
    for index, section in enumerate(kit.sections):
        here = ("sections", index)
        label = f"section {section.id!r}"
        named = section_name(section)
        empty = False
        match section:
            case LeadSection() | TextSection():
                empty = not section.text.strip()
            case ContactSection():
                has_contact_section = has_contact_section or not section.hidden
                if section.hidden and hidden_contact is None:
                    hidden_contact = index
                if not section.contact:
                    yield warning(f"{label} does not name a contact yet", *here, "contact",
                                  plain=f"{named} does not say whom to contact yet")
                elif section.contact not in ids["contact"]:
                    yield _dangling(label, None, "contact", section.contact, *here, "contact",
                                    plain=f"{named} names a contact who is not in the kit")
            case CalloutSection():
                if section.resource and section.resource not in ids["resource"]:
                    yield _dangling(label, None, "resource", section.resource, *here,
                                    "resource",
                                    plain=f"{named} points to a resource that is not in the kit")
                empty = not (section.text.strip() or section.resource)
            case QuotesSection():
                for n, quote_id in enumerate(section.quotes):
                    if quote_id not in ids["quote"]:
                        yield _dangling(label, None, "quote", quote_id, *here, "quotes", n,
                                        plain=f"{named} lists a quote that is not in the kit "
                                        f"(number {n + 1})")
                empty = not section.quotes
            case BiosSection():
                for n, expert_id in enumerate(section.experts):
                    if expert_id not in ids["expert"]:
                        yield _dangling(label, None, "expert", expert_id, *here, "experts", n,
                                        plain=f"{named} lists an expert who is not in the kit "
                                        f"(number {n + 1})")
                empty = not (section.experts or kit.quotes)
            case AboutSection():
                empty = not (section.text.strip() or kit.brand.boilerplate.strip())
        if empty and not section.hidden:
            yield warning(f"{label} ({section.TYPE.value}) is empty", *here,
                          plain=f"{named} is empty")
    if kit.contacts and not has_contact_section:
        if hidden_contact is None:
            yield warning("no visible section tells journalists whom to contact", "sections",
                          plain="No section tells journalists whom to contact")
        else:  # the way to it is the hidden one
            hidden = section_name(kit.sections[hidden_contact])
            yield warning("no visible section tells journalists whom to contact",
                          "sections", hidden_contact, "hidden",
                          plain=f"{hidden} is hidden, so no section tells journalists whom "
                          "to contact")


def _texts_with_markup(kit: Kit) -> Iterator[tuple[str, tuple[str | int, ...]]]:
    """Every text field whose inline markup is printed, with where it is."""
    yield kit.brand.boilerplate, ("brand", "boilerplate")
    for index, expert in enumerate(kit.experts):
        yield expert.bio, ("experts", index, "bio")
    for index, quote in enumerate(kit.quotes):
        yield quote.text, ("quotes", index, "text")
    for index, resource in enumerate(kit.resources):
        yield resource.blurb, ("resources", index, "blurb")
    for index, section in enumerate(kit.sections):
        text = getattr(section, "text", None)
        if isinstance(text, str):
            yield text, ("sections", index, "text")


def _check_language_spans(kit: Kit) -> Iterator[Problem]:
    for text, where in _texts_with_markup(kit):
        if "]{lang=" not in text:
            continue
        for words, tag in language_spans(text):
            if not is_language_tag(tag):
                yield warning(
                    f"[{words}]{{lang={tag}}}: {tag!r} is no language tag (use one like "
                    "'fr', 'de-CH' or 'zh-Hant'); the words are printed without marking "
                    "their language",
                    *where,
                    plain=f"“{one_line(words)[:60]}” is marked with {tag!r}, which is no "
                    "language; it prints without saying its language to screen readers",
                )


def _dangling(
    owner: str, owner_id: str | None, kind: str, target: str, *where: str | int,
    plain: str = "",
) -> Problem:
    who = f"{owner} {owner_id!r}" if owner_id is not None else owner
    return error(f"{who} refers to {kind} {target!r}, which is not defined", *where,
                 plain=plain)


# -- the same, in a press officer's words (``Problem.plain``) -------------------------------


def excerpt(text: str, words: int = 4) -> str:
    """The first few words of ``text`` on one line, "…" marking that more follows."""
    head = one_line(text, 200).split(" ")
    if len(head) <= words:
        return " ".join(head)
    return " ".join(head[:words]).rstrip(",.;:—–-") + "…"


def section_name(section: Section) -> str:
    """"The Lead section", or "The section “What our experts say”" when it has a heading."""
    heading = str(getattr(section, "heading", "") or "").strip()
    if heading:
        return f"The section “{one_line(heading, 60)}”"
    return f"The {section.LABEL} section"


def _quoted(kit: Kit, expert_id: str) -> str:
    expert = kit.expert(expert_id)
    return one_line(expert.name, 80) if expert and expert.name.strip() else "an unnamed expert"


def _expert(name: str, index: int) -> str:
    return one_line(name, 80) if name.strip() else f"Expert {index + 1}"


def _contact(name: str, index: int) -> str:
    return one_line(name, 80) if name.strip() else f"Media contact {index + 1}"


def export_notes(kit: Kit) -> list[Problem]:
    """What to say before a kit goes out that is no fault in it: it is still a draft (every
    page then says DRAFT)."""
    if kit.status is Status.DRAFT:
        return [warning(
            "the kit is still marked draft: every page says DRAFT", "kit", "status",
            plain="The kit is still marked Draft, so every page says DRAFT")]
    return []
