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
from presskit.model.kit import FONT_FACES, ApprovalState, Kit, font_file
from presskit.model.problems import Problem, error, warning
from presskit.model.requests import day_words, deadline_day, deadline_words, unanswered
from presskit.model.sections import (
    AboutSection,
    BiosSection,
    CalloutSection,
    ContactSection,
    LeadSection,
    QuotesSection,
    TextSection,
)

COLOR_PATTERN = re.compile(r"^#[0-9A-Fa-f]{6}$")
SAFE_URL_SCHEMES = ("http://", "https://", "mailto:")
EMAIL_PATTERN = re.compile(r"^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$")
#: A well-formed BCP 47 language tag (RFC 5646's syntax; the primary language of two or
#: three letters, as every registered one is, so "English" or "german" are caught): extended
#: languages, script, region, variants, extensions, private use.
_LANGUAGE_TAG = re.compile(
    r"[A-Za-z]{2,3}(?:-[A-Za-z]{3}){0,3}"
    r"(?:-[A-Za-z]{4})?(?:-(?:[A-Za-z]{2}|[0-9]{3}))?"
    r"(?:-(?:[A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*"
    r"(?:-[0-9A-WY-Za-wy-z](?:-[A-Za-z0-9]{2,8})+)*"
    r"(?:-[Xx](?:-[A-Za-z0-9]{1,8})+)?"
)


def is_language_tag(tag: str) -> bool:
    """Whether ``tag`` is a well-formed BCP 47 language tag (``en``, ``de-CH``, ``zh-Hant``)."""
    return _LANGUAGE_TAG.fullmatch(tag) is not None


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
        yield warning("the kit has no headline", "kit", "title")
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
        yield warning("the kit has no media contact", "contacts")


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
            yield warning(f"contact {contact.id!r} has no name", "contacts", index, "name")
        if contact.email and not EMAIL_PATTERN.match(contact.email):
            yield warning(
                f"contact {contact.id!r}: {contact.email!r} does not look like an e-mail address",
                "contacts", index, "email",
            )
        if not contact.email and not contact.phone:
            yield warning(
                f"contact {contact.id!r} has neither an e-mail address nor a phone number",
                "contacts", index,
            )
    quoted = {q.expert for q in kit.quotes}
    for index, expert in enumerate(kit.experts):
        who = repr(expert.name.strip() or expert.id)
        if not expert.name.strip():
            yield warning(f"expert {expert.id!r} has no name", "experts", index, "name")
        if not expert.title.strip() and expert.id in quoted:
            yield warning(f"expert {who} has no title", "experts", index, "title")
        if expert.photo is not None and exists is not None and not exists(expert.photo):
            yield warning(f"photo of {who} not found: {expert.photo}", "experts", index, "photo")
    expert_ids = {e.id for e in kit.experts}
    for index, resource in enumerate(kit.resources):
        if not resource.title.strip():
            yield warning(f"resource {resource.id!r} has no title", "resources", index, "title")
        if resource.url and not is_safe_url(resource.url):
            yield warning(
                f"resource {resource.id!r}: {resource.url!r} is not an http(s) address "
                "and will not be a link",
                "resources", index, "url",
            )
        if resource.expert and resource.expert not in expert_ids:
            yield _dangling("resource", resource.id, "expert", resource.expert,
                            "resources", index, "expert")


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
            yield _dangling("quote", quote.id, "expert", quote.expert, "quotes", index, "expert")
        if quote.request is not None:
            yield from _check_request(kit, index)
        elif not quote.text.strip():
            yield warning(f"quote {quote.id!r} is empty", "quotes", index, "text")
        if quote.id in used and quote.approval.state is not ApprovalState.APPROVED:
            yield warning(
                f"quote {quote.id!r} is used in the kit but is {quote.approval.state.value}, "
                "not approved",
                "quotes", index, "approval",
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
        yield warning(waiting.sentence, *waiting.where)


def _check_sections(kit: Kit) -> Iterator[Problem]:
    ids = {
        "quote": {q.id for q in kit.quotes},
        "expert": {e.id for e in kit.experts},
        "contact": {c.id for c in kit.contacts},
        "resource": {r.id for r in kit.resources},
    }
    has_contact_section = False
    for index, section in enumerate(kit.sections):
        here = ("sections", index)
        label = f"section {section.id!r}"
        empty = False
        match section:
            case LeadSection() | TextSection():
                empty = not section.text.strip()
            case ContactSection():
                has_contact_section = has_contact_section or not section.hidden
                if not section.contact:
                    yield warning(f"{label} does not name a contact yet", *here, "contact")
                elif section.contact not in ids["contact"]:
                    yield _dangling(label, None, "contact", section.contact, *here, "contact")
            case CalloutSection():
                if section.resource and section.resource not in ids["resource"]:
                    yield _dangling(label, None, "resource", section.resource, *here, "resource")
                empty = not (section.text.strip() or section.resource)
            case QuotesSection():
                for n, quote_id in enumerate(section.quotes):
                    if quote_id not in ids["quote"]:
                        yield _dangling(label, None, "quote", quote_id, *here, "quotes", n)
                empty = not section.quotes
            case BiosSection():
                for n, expert_id in enumerate(section.experts):
                    if expert_id not in ids["expert"]:
                        yield _dangling(label, None, "expert", expert_id, *here, "experts", n)
                empty = not (section.experts or kit.quotes)
            case AboutSection():
                empty = not (section.text.strip() or kit.brand.boilerplate.strip())
        if empty and not section.hidden:
            yield warning(f"{label} ({section.TYPE.value}) is empty", *here)
    if kit.contacts and not has_contact_section:
        yield warning("no visible section tells journalists whom to contact", "sections")


def _dangling(
    owner: str, owner_id: str | None, kind: str, target: str, *where: str | int
) -> Problem:
    who = f"{owner} {owner_id!r}" if owner_id is not None else owner
    return error(f"{who} refers to {kind} {target!r}, which is not defined", *where)
