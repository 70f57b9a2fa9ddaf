"""Recognising the parts of an advisory, one paragraph at a time: datelines, labels, expert
lines, headings, media contacts and callouts. Each recogniser takes a paragraph's text and
returns what it found, or ``None``; ``advisory`` decides what to do with it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from presskit.library.advisory.text import BULLET, is_short_heading
from presskit.library.names import split_honorific

# -- dates -------------------------------------------------------------------------------------

_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"
_DATES = (
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b"),            # September 20, 2019
    re.compile(rf"\b{_DAY}\s+{_MONTH},?\s+{_YEAR}\b"),            # 20 September 2019
    re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})\b"),      # 2019-09-20
    re.compile(r"\b(?P<month>\d{1,2})/(?P<day>\d{1,2})/(?P<year>\d{4})\b"),      # 09/20/2019
    re.compile(r"\b(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4})\b"),    # 20.09.2019
)
_WEEKDAY = re.compile(r"\b(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\b\.?",
                      re.IGNORECASE)


@dataclass(frozen=True)
class FoundDate:
    date: dt.date
    start: int
    end: int


def find_date(text: str) -> FoundDate | None:
    """The first calendar date written in ``text`` in a common English or numeric form."""
    for pattern in _DATES:
        for match in pattern.finditer(text):
            month_text = match["month"]
            month = (int(month_text) if month_text.isdigit()
                     else _MONTHS.get(month_text.lower()))
            if month is None:
                continue
            try:
                day = dt.date(int(match["year"]), month, int(match["day"]))
            except ValueError:
                continue
            return FoundDate(day, match.start(), match.end())
    return None


@dataclass(frozen=True)
class Dateline:
    date: dt.date
    #: What else the line says (a place: ``WASHINGTON``), without the date and punctuation.
    rest: str


def parse_dateline(text: str) -> Dateline | None:
    """A short line that is a date, perhaps with a weekday or a place (``WASHINGTON —``)."""
    if len(text) > 80:
        return None
    found = find_date(text)
    if found is None:
        return None
    rest = _WEEKDAY.sub(" ", text[: found.start] + " " + text[found.end:])
    rest = re.sub(r"^[\s,.;:–—-]+|[\s,;:–—-]+$", "", rest)
    rest = "" if not any(ch.isalnum() for ch in rest) else rest
    if len(rest.split()) > 4 or rest.endswith(("?", "!")):
        return None
    return Dateline(found.date, re.sub(r"\s+", " ", rest))


# -- labels and embargoes ----------------------------------------------------------------------

_LABEL = re.compile(
    r"^(?:for immediate release|immediate release|(?:media|press|news) (?:advisory|release)"
    r"|advisory|press statement|statement|news)\.?:?$", re.IGNORECASE)
_EMBARGO = re.compile(r"^\W*embargo(?:ed)?\b", re.IGNORECASE)
_TIME = re.compile(
    r"\b(?P<hour>\d{1,2})(?:[:.h](?P<minute>\d{2}))?\s*(?P<ampm>[ap]\.?\s?m\.?)?(?=\W|$)"
    r"(?!\s*[,/.-]?\s*\d{4})", re.IGNORECASE)
_ZONES = {
    "ET": "America/New_York", "EST": "America/New_York", "EDT": "America/New_York",
    "CT": "America/Chicago", "CST": "America/Chicago", "CDT": "America/Chicago",
    "MT": "America/Denver", "MST": "America/Denver", "MDT": "America/Denver",
    "PT": "America/Los_Angeles", "PST": "America/Los_Angeles", "PDT": "America/Los_Angeles",
    "GMT": "UTC", "UTC": "UTC", "Z": "UTC", "BST": "Europe/London", "CET": "Europe/Brussels",
    "CEST": "Europe/Brussels", "EET": "Europe/Athens", "EEST": "Europe/Athens",
    "JST": "Asia/Tokyo", "KST": "Asia/Seoul", "AEST": "Australia/Sydney",
    "AEDT": "Australia/Sydney",
}


def is_label(text: str) -> bool:
    """``FOR IMMEDIATE RELEASE``, ``MEDIA ADVISORY``: a release label, not content."""
    return bool(_LABEL.match(text.strip()))


def is_embargo_line(text: str) -> bool:
    return bool(_EMBARGO.match(text)) and len(text) <= 160


def parse_embargo(text: str) -> tuple[dt.datetime, str] | None:
    """``EMBARGOED UNTIL 9:00 a.m. ET, September 20, 2019`` → (wall-clock time, IANA zone).

    ``None`` unless both a date and a time are found; a missing zone gives ``""``.
    """
    found = find_date(text)
    if found is None:
        return None
    rest = text[: found.start] + " " + text[found.end:]
    time = next((m for m in _TIME.finditer(rest) if m["minute"] or m["ampm"]), None)
    if time is None:
        return None
    hour, minute = int(time["hour"]), int(time["minute"] or 0)
    ampm = (time["ampm"] or "").lower().replace(".", "").replace(" ", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return None
    zone = next((_ZONES[word] for word in re.findall(r"[A-Za-z]+", rest) if word in _ZONES), "")
    zone = zone or next(iter(re.findall(r"\b[A-Z][a-z]+/[A-Za-z_]+\b", rest)), "")
    return dt.datetime.combine(found.date, dt.time(hour, minute)), zone


# -- names -------------------------------------------------------------------------------------

#: Lower-case words that belong inside names (``Jan van der Berg``, ``Ibn al-Haytham``).
NAME_PARTICLES = {"van", "von", "der", "den", "de", "da", "di", "del", "della", "du", "la", "le",
              "bin", "bint", "ibn", "al", "el", "y", "e", "dos", "das", "do", "ten", "ter", "zu",
              "af", "av", "st."}
_NOT_IN_NAMES = re.compile(r"[\d:;!?@/\\\"“”«»„<>{}\[\]=+#%^*|~]")
_PRONOUNS = re.compile(r"\s*\(\s*((?:she|he|they|ze|xe|it|any)\s*/\s*\w+(?:\s*/\s*\w+)?)\s*\)\s*$",
                       re.IGNORECASE)
_SUFFIXES = re.compile(r"^\s*(?:Jr\.?|Sr\.?|II|III|IV|Ph\.?\s?D\.?|M\.?D\.?|Esq\.?|OBE|CBE|MBE)"
                       r"(?=\s*(?:,|$))")


def looks_like_name(text: str, max_words: int = 7) -> bool:
    """A person's name in any script: a few words, each capitalised (or from a script without
    letter case), with apostrophes, hyphens, periods and parentheses allowed."""
    text = text.strip()
    if not text or len(text) > 80 or _NOT_IN_NAMES.search(text):
        return False
    words = text.replace("(", " ").replace(")", " ").split()
    if not words or len(words) > max_words:
        return False
    if not (text[0].isalpha() or text[0] == "("):
        return False
    for word in words:
        first = word.lstrip("'’‘.-")[:1]
        if not first:
            continue
        if first.islower() and word.lower() not in NAME_PARTICLES \
                and not re.match(r"^[a-z]{1,3}['’-]", word):
            return False
    return any(w[:1].isupper() or (w[:1].isalpha() and not w[:1].islower()) for w in words)


@dataclass(frozen=True)
class PersonName:
    name: str
    honorific: str = ""
    pronouns: str = ""


def split_person(text: str) -> PersonName:
    """``"Dr. Jane Doe (she/her)"`` → name, honorific and pronouns."""
    pronouns = ""
    match = _PRONOUNS.search(text)
    if match:
        pronouns = re.sub(r"\s+", "", match[1])
        text = text[: match.start()]
    honorific, name = split_honorific(text)
    return PersonName(name.strip(), honorific, pronouns)


# -- expert lines ------------------------------------------------------------------------------

#: Each opening quotation mark and the marks that may close it.
_CLOSERS = {
    '"': '"”“', "“": "”“\"", "”": "”\"", "„": "“”\"", "«": "»", "»": "«»",
    "‘": "’‘'", "’": "’'", "'": "'’", "‚": "‘’'", "「": "」", "『": "』", "‹": "›",
}
OPENING_QUOTES = "".join(_CLOSERS)
_OPENING = re.compile(rf"[:：]\s*(?=[{re.escape(OPENING_QUOTES)}])")


@dataclass(frozen=True)
class ExpertLine:
    person: PersonName
    title: str
    quote: str
    #: False when the quotation mark was never closed (it may go on in the next paragraphs).
    closed: bool
    opener: str


def strip_bullet(text: str) -> tuple[bool, str]:
    match = BULLET.match(text)
    return (True, text[match.end():]) if match else (False, text)


def parse_expert_line(text: str) -> ExpertLine | None:
    """``- NAME, TITLE: "QUOTE"`` (bullet optional; any quotation marks; a title that may
    hold commas, ``&`` and colons) → its parts, or ``None``."""
    _bullet, body = strip_bullet(text.strip())
    match = _OPENING.search(body)
    if match is None:
        return None
    head = parse_attribution(body[: match.start()])
    if head is None:
        return None
    person, title = head
    opener = body[match.end()]
    quote, closed = unquote(body[match.end() + 1:], opener)
    if not quote:
        return None
    return ExpertLine(person, title, quote, closed, opener)


def parse_attribution(head: str) -> tuple[PersonName, str] | None:
    """``"Duyeon Kim, Adjunct Senior Fellow"`` → (name, title); ``None`` if not a person."""
    head = head.strip().rstrip(":：").strip()
    name, _sep, title = head.replace("，", ",").partition(",")
    while title:  # "Martin Luther King, Jr., Pastor": the suffix is part of the name
        suffix = _SUFFIXES.match(title)
        if suffix is None:
            break
        name = f"{name}, {suffix.group(0).strip()}"
        title = title[suffix.end():].lstrip()
        title = title[1:] if title.startswith(",") else title
    person = split_person(name)
    if not looks_like_name(person.name):
        return None
    return person, " ".join(title.split())


def unquote(text: str, opener: str) -> tuple[str, bool]:
    """The quote without its closing mark (and whether it had one)."""
    text = text.strip()
    closers = _CLOSERS.get(opener, "")
    match = re.search(rf"[{re.escape(closers)}]([.,;]?)\s*$", text) if closers else None
    if match is None:
        return text, False
    inner = text[: match.start()].rstrip()
    trailing = match.group(1)
    if trailing == "." and not inner.endswith((".", "!", "?", "…")):
        inner += "."
    return inner, True


def starts_quote(text: str) -> str:
    """The opening quotation mark ``text`` starts with, or ``""``."""
    stripped = text.lstrip()
    return stripped[0] if stripped and stripped[0] in OPENING_QUOTES else ""


def unread_expert_line(text: str) -> str:
    """Why a bulleted line that ``parse_expert_line`` refused still looks like an expert line
    (``""`` if it does not): a person's name and title before a colon."""
    bullet, body = strip_bullet(text)
    if not bullet:
        return ""
    if _OPENING.search(body):
        return ("this looks like an expert line but the part before the first comma is not a "
                "person's name")
    head, colon, rest = body.partition(": ")
    found = parse_attribution(head) if colon and rest.strip() else None
    if found is not None and found[1] and len(found[0].name.split()) >= 2:
        return ("this looks like an expert line (NAME, TITLE: QUOTE) but the quote is not in "
                "quotation marks")
    return ""


_DASH = "-–—―"


def parse_quote_first(text: str, following: str = "") -> tuple[ExpertLine, bool] | None:
    """``“QUOTE” — NAME, TITLE`` in one paragraph, or ``“QUOTE”`` and then a paragraph
    ``— NAME, TITLE``; with whether the following paragraph was used."""
    opener = starts_quote(text)
    if not opener:
        return None
    body = text.strip()[1:]
    closers = re.escape(_CLOSERS[opener])
    same_line = re.search(rf"[{closers}]([.,]?)\s*[{_DASH}]+\s*(?P<who>[^{closers}]+)$", body)
    if same_line is not None:
        head = parse_attribution(same_line["who"].rstrip("."))
        if head is not None:
            quote, _closed = unquote(body[: same_line.end(1)], opener)
            return ExpertLine(head[0], head[1], quote, True, opener), False
    dash = re.match(rf"^\s*[{_DASH}]+\s*(?P<who>\S.*)$", following)
    if dash is not None and re.search(rf"[{closers}][.,]?\s*$", body):
        head = parse_attribution(dash["who"].rstrip("."))
        if head is not None:
            quote, _closed = unquote(body, opener)
            return ExpertLine(head[0], head[1], quote, True, opener), True
    return None


# -- headings ----------------------------------------------------------------------------------

def heading_of(text: str) -> str | None:
    """``"Sharper:"``, ``"## Sharper"``, ``"**Sharper**"`` or ``"BACKGROUND"`` → the heading."""
    stripped = text.strip()
    if any(ch in stripped for ch in OPENING_QUOTES.replace("'", "").replace("’", "")):
        return None
    markdown = re.match(r"^#{1,6}\s+(.+?)\s*#*$", stripped)
    if markdown:
        return markdown[1].rstrip(":")
    bold = re.match(r"^\*\*(.+?)\*\*:?$", stripped)
    if bold and len(bold[1]) <= 80:
        return bold[1].rstrip(":")
    if is_short_heading(stripped) and "," not in stripped and ". " not in stripped:
        return stripped[:-1].strip()
    letters = [ch for ch in stripped if ch.isalpha()]
    if (len(letters) >= 3 and all(ch.isupper() for ch in letters) and len(stripped) <= 60
            and len(stripped.split()) <= 8 and not stripped.endswith((".", "?", "!"))):
        return stripped
    return None
