"""Finding the media contact in a paragraph, and the related-reading callout.

A contact is a person's name right before an e-mail address (or a phone number): "contact
Cole Stevens at press@example.org", "Media contact: Cole Stevens, press@example.org",
"Cole Stevens (press@example.org, +1 202 555 0100)". The paragraph becomes the contact
section's text with ``{name}``, ``{email}`` and ``{phone}`` where they were, so the PDF says
the same words and the address becomes a live ``mailto:`` link.

Web pages that hide addresses from spam robots (Cloudflare) leave ``[email protected]`` in
copied text; that is recognised as "an address was here" (``hidden_email``), never taken as
the address.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from presskit.library.advisory.patterns import NAME_PARTICLES, looks_like_name

# The look-behind holds every character the local part may start with, so a search tries
# each run of them once: with ' and % missing, a 100,000-character run of "'" took 80 s
# (found by a hostile-input test).
EMAIL = re.compile(
    r"(?<![\w.%+'-])(?:mailto:)?(?P<address>[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*"
    r"\.[A-Za-z]{2,})"
)
HIDDEN_EMAIL = re.compile(r"\[\s*email(?:\s|&#160;|\u00a0)*protected\s*\]", re.IGNORECASE)
PHONE = re.compile(
    r"(?<![\w/.-])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,4}\)[\s.-]?)?\d{2,4}(?:[\s.-]\d{2,4}){1,3}"
    r"(?![\w/-])"
)
#: Words that come before a contact's name and are not part of it, even capitalised.
_TRIGGERS = {"contact", "contacts", "email", "e-mail", "mail", "call", "reach", "write", "phone",
             "tel", "tel.", "telephone", "text", "message", "ring", "please", "to", "for", "or",
             "and", "with", "contacting"}
#: A line with one of these is a sentence or a quote, not someone's role.
_ROLE_BREAKERS = re.compile(r"[:;\"“”«»„「]")
_CONNECTORS = re.compile(
    r"(?:\s*(?:\bat\b|\bvia\b|\bon\b|\bby\b|\be-?mail\b|[:,(\[<|/–—-]))*\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class ContactMention:
    name: str
    email: str
    #: The address was replaced by ``[email protected]`` before the text was copied.
    hidden_email: bool
    phone: str
    #: The paragraph with ``{name}``, ``{email}`` and ``{phone}`` in place of the details.
    template: str
    role: str = ""


def find_contact(text: str) -> ContactMention | None:
    """The first person named right before an e-mail address or phone number in ``text``."""
    email = EMAIL.search(text)
    hidden = HIDDEN_EMAIL.search(text)
    anchor = min((m for m in (email, hidden) if m is not None), key=lambda m: m.start(),
                 default=None)
    phone = None
    if anchor is None:
        phone = _phone(text, 0)
        if phone is None:
            return None
        anchor_start, anchor_end = phone.span()
    else:
        anchor_start, anchor_end = anchor.span()
    name_span = _name_before(text, anchor_start)
    if name_span is None:
        return None
    spans = [(name_span, "{name}")]
    address = ""
    if anchor is not None:
        spans.append(((anchor_start, anchor_end), "{email}"))
        address = anchor["address"] if anchor is email else ""
        phone = _phone(text, anchor_end)
        if phone is not None and phone.start() - anchor_end > 40:
            phone = None
    if phone is not None:
        spans.append((phone.span(), "{phone}"))
    template = text
    for (start, end), field in sorted(spans, reverse=True):
        template = template[:start] + field + template[end:]
    return ContactMention(
        name=text[name_span[0]:name_span[1]],
        email=address,
        hidden_email=anchor is not None and anchor is hidden,
        phone=phone.group(0) if phone is not None else "",
        template=template,
    )


def _phone(text: str, start: int) -> re.Match[str] | None:
    for match in PHONE.finditer(text, start):
        if sum(ch.isdigit() for ch in match.group(0)) >= 7:
            return match
    return None


def _name_before(text: str, position: int) -> tuple[int, int] | None:
    before = text[:position]
    connectors = _CONNECTORS.search(before)
    end = connectors.start() if connectors else len(before)
    chosen: list[re.Match[str]] = []
    for word in reversed(list(re.finditer(r"\S+", before[:end]))):
        value = word.group()
        if (value.endswith((":", ",", ";", ".")) and not _initial(value)) \
                or value.casefold() in _TRIGGERS \
                or not (value.lower() in NAME_PARTICLES or looks_like_name(value)):
            break
        chosen.insert(0, word)
        if len(chosen) == 5:
            break
    while chosen and chosen[0].group()[:1].islower():  # a particle cannot start a name
        chosen.pop(0)
    if not chosen:
        return None
    start = chosen[0].start()
    name = text[start:end]
    return (start, end) if looks_like_name(name, max_words=5) else None


def _initial(word: str) -> bool:
    """``J.``, ``Dr.``, ``Jr.``: a word whose period does not end a sentence."""
    return bool(re.fullmatch(r"(?:[A-Z]\.)+|Dr\.|Mr\.|Ms\.|Mrs\.|Mx\.|Prof\.|Jr\.|Sr\.|St\.",
                             word))


def _ends_a_sentence(line: str) -> bool:
    """``THE UTILITY DECLINED TO COMMENT.``: capitals pass for a name, but a full stop no
    initial or suffix explains (``J.``, ``Jr.``, ``Ph.D.``) ends a sentence."""
    last = line.split()[-1] if line.split() else ""
    return last.endswith(".") and not (_initial(last) or last in ("Ph.D.", "Esq."))


def contact_block(lines: list[str]) -> tuple[ContactMention, int] | None:
    """A contact written one detail per line, as at the top of a press release::

        Jane Doe
        Communications Manager
        202-555-0100
        jane@example.org

    ``lines`` are the paragraphs from the name on; the mention and how many lines it took.
    """
    name = lines[0].strip() if lines else ""
    if (len(name) > 60 or len(name.split()) < 2 or _ends_a_sentence(name)
            or not looks_like_name(name, max_words=5)):
        return None
    template, role, email, phone, hidden = ["{name}"], "", "", "", False
    for line in (line.strip() for line in lines[1:5]):
        address = EMAIL.search(line) or HIDDEN_EMAIL.search(line)
        number = _phone(line, 0)
        if address is not None and not email and not hidden:
            hidden = address.re is HIDDEN_EMAIL
            email = "" if hidden else address["address"]
            template.append(line[: address.start()] + "{email}" + line[address.end():])
        elif number is not None and not phone:
            phone = number.group(0)
            template.append(line[: number.start()] + "{phone}" + line[number.end():])
        elif not role and not email and not phone and len(line) <= 60 \
                and not line.endswith((".", "?", "!")) and not _ROLE_BREAKERS.search(line):
            role = line
            template.append("{role}")
        else:
            break
    if not (email or phone or hidden):
        return None
    mention = ContactMention(name=name, email=email, hidden_email=hidden, phone=phone,
                             template="\n".join(template), role=role)
    return mention, len(template)


# -- callouts ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Callout:
    """"Need a cheat sheet? Read … “Title,” …": a short question, then a pointer to reading."""

    heading: str
    #: The rest, with ``{title}`` (and ``{url}``) where the resource's title (and address) were.
    template: str
    title: str
    url: str


_QUESTION = re.compile(r"^(?P<question>[^.?!:\n]{2,80}\?)\s+(?P<rest>\S.*)$", re.DOTALL)
_TITLE = re.compile(r"[“\"](?P<title>[^”\"]{4,250}?)(?P<punct>[,.]?)[”\"]")
_URL = re.compile(r"https?://[^\s<>()\"”’]+[^\s<>()\"”’.,;:!?]")


def parse_callout(text: str) -> Callout | None:
    """A paragraph opening with a short question and pointing at a quoted title or a link."""
    match = _QUESTION.match(text.strip())
    if match is None or len(match["question"].split()) > 8:
        return None
    rest = match["rest"]
    title = _TITLE.search(rest)
    url = _URL.search(rest)
    if title is not None and len(title["title"].split()) < 2:
        title = None
    if title is None and url is None:
        return None
    spans = []
    if title is not None:
        spans.append((title.span("title"), "{title}"))
    if url is not None and (title is None or url.start() > title.end()
                            or url.end() < title.start()):
        spans.append((url.span(), "{url}" if title is not None else "{title}"))
    template = rest
    for (start, end), field in sorted(spans, reverse=True):
        template = template[:start] + field + template[end:]
    return Callout(
        heading=match["question"].strip(),
        template=template,
        title=title["title"].strip() if title is not None else url.group(0),  # type: ignore[union-attr]
        url=url.group(0) if url is not None else "",
    )
