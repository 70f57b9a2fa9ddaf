"""What the text a user types into a kit means, whatever it is printed in: paragraphs, the small
inline markup, placeholders and dates.

Text fields are plain text: paragraphs are separated by blank lines, a single newline inside a
paragraph is a line break, ``**bold**``, ``*italic*`` (the star touching the word) and
``[words]{lang=fr}`` (words in another language, Pandoc's bracketed span) are the only markup,
and ``{name}``-style placeholders stand for fields of a contact or a resource.
Everything else is literal. The PDF (``render.text``, which turns this into ReportLab markup)
and the other formats (``formats``, which turn it into :class:`Span` lists) share these rules,
so a kit reads the same in every channel. No I/O, no ReportLab.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Collection
from dataclasses import dataclass

from presskit.model import markings
from presskit.model.markings import LANG_SPAN, is_language_tag
from presskit.model.validation import is_safe_url

# Private-use characters mark where a placeholder goes while the text is marked up.
SENTINEL_OPEN, SENTINEL_CLOSE = "\ue000", "\ue001"
#: A parked placeholder: ``\ue000`` + its number + ``\ue001``.
SENTINEL = re.compile(f"{SENTINEL_OPEN}(\\d+){SENTINEL_CLOSE}")
# C0/C1 control characters (except tab and newline) and the sentinels themselves are dropped:
# no format can show them and a user cannot see them. So are lone surrogates (text pasted from
# a broken source): they are no character at all, and UTF-8 cannot encode them (found by
# fuzzing: one in the title stopped the PDF).
_INVISIBLE = re.compile(
    f"[\x00-\x08\x0b-\x1f\x7f-\x9f{SENTINEL_OPEN}{SENTINEL_CLOSE}\ufffe\uffff\ud800-\udfff]")
_BLANK_LINE = re.compile(r"\n[ \t]*\n\s*")
BOLD = re.compile(r"(?<![*\w])\*\*(?=[^\s*])([^\n]+?)(?<=[^\s*])\*\*(?![*\w])")
ITALIC = re.compile(r"(?<![*\w])\*(?=[^\s*])([^\n]+?)(?<=[^\s*])\*(?![*\w])")
_EMAIL_SAFE = re.compile(r"^[^\s<>\"'()\\,;:]+@[^\s<>\"'()\\,;:]+$")
#: ``{name}`` style placeholders: only these words, anything else stays as typed.
PLACEHOLDER = re.compile(r"\{([a-z]+)\}")

# Emphasis while a line is parsed into spans: sentinel-wrapped letters, which ``clean`` has
# made impossible in user text. Like the tags the PDF inserts at the same places, they are
# neither word characters, stars nor spaces, so the emphasis patterns match identically.
_BOLD_ON, _BOLD_OFF = f"{SENTINEL_OPEN}B{SENTINEL_CLOSE}", f"{SENTINEL_OPEN}b{SENTINEL_CLOSE}"
_ITALIC_ON, _ITALIC_OFF = f"{SENTINEL_OPEN}I{SENTINEL_CLOSE}", f"{SENTINEL_OPEN}i{SENTINEL_CLOSE}"
_LANG_OFF = f"{SENTINEL_OPEN}l{SENTINEL_CLOSE}"
_MARK = re.compile(f"{SENTINEL_OPEN}(\\d+|[BbIil]|L[A-Za-z0-9-]+){SENTINEL_CLOSE}")


def clean(text: str) -> str:
    """Normalise line ends, drop characters that cannot be printed (controls, sentinels), and
    compose accents (Unicode NFC): "e" + combining "̂" + "̃" prints as the font's own "ễ",
    not as two marks stacked by guesswork; a reader copies the composed, equivalent text."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    return unicodedata.normalize("NFC", _INVISIBLE.sub("", text))


def one_line(text: str) -> str:
    """User text for a single line (metadata, running header, footer, a subject): cleaned,
    with every run of whitespace, line breaks included, made one space."""
    return " ".join(clean(text).split())


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs of ``text`` (blank-line separated), trimmed, empty ones dropped."""
    parts = _BLANK_LINE.split(clean(text).strip())
    return [p.strip() for p in parts if p.strip()]


def linkable(url: str) -> str:
    """``url`` cleaned and trimmed if it may be a live link (http, https or mailto, no
    spaces), else ``""``: a ``javascript:`` or ``file:`` address is only ever shown as text."""
    url = clean(url).strip()
    if not url or not is_safe_url(url) or any(c.isspace() for c in url):
        return ""
    return url


#: A phone number as people write it: digits, spaces and the usual separators.
_PHONE_NUMBER = re.compile(r"\+?[\d\s().\-/]+")


def phone_uri(number: str) -> str:
    """``"+47 22 00 00 00"`` → ``"tel:+4722000000"`` (its digits, with the leading ``+`` if
    it has one); ``""`` when it is not a number to dial (an extension in words, a note)."""
    number = clean(number).strip()
    digits = re.sub(r"\D", "", number)
    if not _PHONE_NUMBER.fullmatch(number) or not 3 <= len(digits) <= 20:
        return ""
    return "tel:" + ("+" if number.startswith("+") else "") + digits


def looks_like_email(address: str) -> bool:
    """Whether ``address`` (cleaned and trimmed) can safely become a ``mailto:`` link."""
    return _EMAIL_SAFE.match(address) is not None


def with_language_spans(text: str, span: Callable[[str, str], str],
                        words: Callable[[str], str] = str) -> str:
    """``text`` with each language span given to ``span(words, tag)`` where the tag is a
    language tag, and left as ``words(words)`` (no markup) where it is not; ``validate``
    warns of those."""

    def replace(match: re.Match[str]) -> str:
        tag = match.group(2)
        return span(match.group(1), tag) if is_language_tag(tag) else words(match.group(1))

    return LANG_SPAN.sub(replace, text)


@dataclass(frozen=True)
class Span:
    """A piece of one paragraph with its emphasis; ``text`` may hold ``\\n`` (a line break).

    A placeholder named in the fields given to :func:`spans` is a span of its own with
    ``field`` set and no text: the caller puts the field's value there, in this emphasis.
    ``lang`` is the language tag of words marked as in another language, else ``""``.
    """

    text: str
    bold: bool = False
    italic: bool = False
    field: str | None = None
    lang: str = ""


def _italic(match: re.Match[str]) -> str:
    inner = match.group(1)
    # Bold was applied first; an italic run that would cross a bold one stays literal.
    if inner.count(_BOLD_ON) != inner.count(_BOLD_OFF):
        return match.group(0)
    return f"{_ITALIC_ON}{inner}{_ITALIC_OFF}"


def spans(paragraph: str, fields: Collection[str] = ()) -> list[Span]:
    """One paragraph (an item of :func:`split_paragraphs`) as spans of text and fields.

    The rules are those of the PDF's ``render.text.paragraphs``: each line trimmed,
    ``**bold**`` before ``*italic*``, an italic run crossing a bold one left literal, and
    ``{placeholder}`` filled only for the names in ``fields``.
    """
    names: list[str] = []

    def park(match: re.Match[str]) -> str:
        if match.group(1) not in fields:
            return match.group(0)
        names.append(match.group(1))
        return f"{SENTINEL_OPEN}{len(names) - 1}{SENTINEL_CLOSE}"

    result: list[Span] = []
    parked = PLACEHOLDER.sub(park, clean(paragraph))
    for number, line in enumerate(parked.split("\n")):
        if number:
            result.append(Span("\n"))
        marked = ITALIC.sub(_italic, BOLD.sub(f"{_BOLD_ON}\\1{_BOLD_OFF}", line.strip()))
        marked = with_language_spans(
            marked, lambda words, tag: f"{SENTINEL_OPEN}L{tag}{SENTINEL_CLOSE}{words}{_LANG_OFF}")
        bold = italic = False
        lang = ""
        position = 0
        for mark in _MARK.finditer(marked):
            if mark.start() > position:
                result.append(Span(marked[position:mark.start()], bold, italic, lang=lang))
            code = mark.group(1)
            if code.isdigit():
                result.append(Span("", bold, italic, names[int(code)], lang))
            elif code in "Bb":
                bold = code == "B"
            elif code in "Ii":
                italic = code == "I"
            else:
                lang = code[1:]
            position = mark.end()
        if position < len(marked):
            result.append(Span(marked[position:], bold, italic, lang=lang))
    return _merged(result)


def _merged(items: list[Span]) -> list[Span]:
    """Neighbouring text spans of the same emphasis joined (a line break joins them too)."""
    merged: list[Span] = []
    for item in items:
        last = merged[-1] if merged else None
        if (last is not None and last.field is None and item.field is None
                and (last.bold, last.italic, last.lang) == (item.bold, item.italic, item.lang)):
            merged[-1] = Span(last.text + item.text, item.bold, item.italic, lang=item.lang)
        elif item.text or item.field is not None:
            merged.append(item)
    return merged


#: The language of a kit that names none.
DEFAULT_LANGUAGE = "en"


def language(tag: str) -> str:
    """The language tag to write into an output: ``tag``, or English where none is set or
    ``tag`` is no language tag (``validate`` warns of that)."""
    tag = tag.strip()
    return tag if is_language_tag(tag) else DEFAULT_LANGUAGE


def initials(name: str) -> str:
    """Up to two initials for a placeholder headshot (``"Duyeon Kim"`` → ``"DK"``)."""
    words = [w for w in re.split(r"[\s\-]+", clean(name)) if w and w[0].isalpha()]
    if not words:
        return "?"
    picked = [words[0], words[-1]] if len(words) > 1 else words[:1]
    return "".join(w[0].upper() for w in picked)


_MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)


def long_date(day: dt.date, tag: str = DEFAULT_LANGUAGE) -> str:
    """``2019-09-20`` → ``"September 20, 2019"`` in English, whatever the process locale;
    ``"20. September 2019"`` for ``de`` and the other languages of ``model.markings``."""
    if markings.phrases(language(tag)) is markings.ENGLISH:
        return f"{_MONTHS[day.month - 1]} {day.day}, {day.year}"
    return markings.long_date(day, language(tag))


def embargo_line(until: dt.datetime, zone: str, tag: str = DEFAULT_LANGUAGE) -> str:
    """``"EMBARGOED until 06:00 CEST (04:00 UTC), 14 July 2026"``, in the language ``tag``:
    the wording of ``model.markings``, which the PDF's band and every other format share."""
    return markings.embargo_line(until, clean(zone).strip(), language(tag))
