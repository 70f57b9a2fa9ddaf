"""User text → ReportLab paragraph markup: escaping, the tiny inline markup and placeholders.

Everything the user typed is shown literally, so every string is escaped before it meets a
``Paragraph``; only then is the documented inline markup (``**bold**``, ``*italic*``, the star
touching the word, ``[words]{lang=fr}``) turned into tags, so a typed ``<b>`` or ``&amp;`` can
never become markup.
Placeholders such as ``{email}`` are swapped for sentinel characters before escaping and for
their (already escaped) markup afterwards, which lets emphasis wrap a placeholder without letting
either see the other's characters. What the text means (paragraphs, the emphasis patterns,
placeholders, dates) is decided in ``model.text``, which the other formats share.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping

from presskit.model.limits import MAX_SHORT_TEXT_CHARS
from presskit.model.text import (
    BOLD,
    ITALIC,
    PLACEHOLDER,
    SENTINEL,
    SENTINEL_CLOSE,
    SENTINEL_OPEN,
    clean,
    embargo_line,
    initials,
    linkable,
    long_date,
    looks_like_email,
    one_line,
    phone_uri,
    split_paragraphs,
    with_language_spans,
)
from presskit.render.tagging.inline import lang_marker

# The format-neutral rules live in ``model.text``; these names are kept here for the modules
# that build ReportLab markup from them.
__all__ = [
    "bind_last_words", "clean", "email_link", "embargo_line", "emphasis", "escape",
    "escape_attr", "initials", "link", "long_date", "one_line", "paragraphs", "phone_link",
    "plain", "split_paragraphs",
]


# The standard library's ``html`` module (ReportLab's paragraph parser imports it anyway)
# rather than ``xml.sax.saxutils``, which imports ``urllib.request`` and with it the HTTP
# client: 25 ms of a 0.35 s export. The results are the same, character for character.
def escape(text: str) -> str:
    """Escape ``&``, ``<`` and ``>`` so ReportLab's paragraph parser prints them as typed."""
    return html.escape(text, quote=False)


def escape_attr(text: str) -> str:
    """Escape for a double- or single-quoted attribute value (``href="…"``)."""
    return html.escape(text, quote=False).replace('"', "&quot;").replace("'", "&#39;")


def unescape(markup: str) -> str:
    """The text of a run of presskit's own markup between two tags (whose only entities are
    the three ``escape`` makes)."""
    return html.unescape(markup)


def plain(text: str) -> str:
    """A short user string (a name, a title, a heading) as literal markup, no emphasis; cut
    with an ellipsis past ``MAX_SHORT_TEXT_CHARS`` (ReportLab's cost grows faster than the
    text there: a name of one 256,000-letter word took two minutes, of a million, hours)."""
    text = clean(text).strip()
    if len(text) > MAX_SHORT_TEXT_CHARS:
        text = text[:MAX_SHORT_TEXT_CHARS - 1] + "…"
    return "<br/>".join(escape(line) for line in text.split("\n"))


def _italic(match: re.Match[str]) -> str:
    inner = match.group(1)
    # Bold was applied first; an italic run that would cross a bold tag stays literal.
    if inner.count("<b>") != inner.count("</b>"):
        return match.group(0)
    return f"<i>{inner}</i>"


def emphasis(escaped: str) -> str:
    """Apply ``**bold**`` and ``*italic*`` to text that is already escaped."""
    if "*" not in escaped:  # both patterns need one; their lookbehinds made them slow to fail
        return escaped
    return ITALIC.sub(_italic, BOLD.sub(r"<b>\1</b>", escaped))


def paragraphs(text: str, fields: Mapping[str, str] | None = None,
               parts: list[str] | None = None) -> list[str]:
    """``text`` as a list of paragraph markups, with emphasis and placeholders filled in.

    ``fields`` maps placeholder names (``"email"``) to markup that is already safe (escaped,
    links built by :func:`link`); placeholders not in ``fields`` stay as typed. ``parts``:
    ``split_paragraphs(text)``, if the caller has it already.
    """
    values: list[str] = []

    def park(match: re.Match[str]) -> str:
        if fields is None or match.group(1) not in fields:
            return match.group(0)
        values.append(fields[match.group(1)])
        return f"{SENTINEL_OPEN}{len(values) - 1}{SENTINEL_CLOSE}"

    result = []
    for para in split_paragraphs(text) if parts is None else parts:
        parked = PLACEHOLDER.sub(park, para) if "{" in para else para
        lines = [with_language_spans(emphasis(escape(line.strip())), _language_span)
                 for line in parked.split("\n")]
        markup = "<br/>".join(lines)
        result.append(SENTINEL.sub(lambda m: values[int(m.group(1))], markup)
                      if values else markup)  # ``clean`` keeps sentinels out of typed text
    return result


def _language_span(words: str, tag: str) -> str:
    """Words in another language: printed as they are, between the two zero-width marks that
    make them a ``Span`` with its ``/Lang`` in the tagged PDF."""
    return f"{lang_marker(tag)}{words}{lang_marker('')}"


def link(url: str, label_markup: str, color: str) -> str:
    """``label_markup`` as a live link to ``url`` if it is http(s) or mailto, else as is."""
    url = linkable(url)
    if not url:
        return label_markup
    return f'<a href="{escape_attr(url)}" color="{escape_attr(color)}">{label_markup}</a>'


def email_link(address: str, color: str) -> str:
    """An e-mail address as a ``mailto:`` link (plain text if it does not look like one)."""
    address = clean(address).strip()
    if not looks_like_email(address):
        return escape(address)
    return link(f"mailto:{address}", escape(address), color)


def phone_link(number: str, color: str) -> str:
    """A phone number as a ``tel:`` link (``model.text.phone_uri``); as plain text when it is
    not a number (an extension in words, a note)."""
    number = clean(number).strip()
    uri = phone_uri(number)
    if not uri:
        return plain(number)
    return (f'<a href="{uri}" color="{escape_attr(color)}">'
            f'{escape(number).replace(" ", NO_BREAK_SPACE)}</a>')


#: A tag, or a run of text between tags, of paragraph markup.
_TOKEN = re.compile(r"(<[^>]*>)|([^<]+)")
_ENTITY = re.compile(r"&[^;\s]+;")
#: A paragraph may end on one word of this many characters or more (a lone short word is
#: what catches the eye: "ago.”").
LONE_WORD = 10
NO_BREAK_SPACE = "\u00a0"


def bind_last_words(markup: str) -> str:
    """``markup`` with the space before its last word made a no-break space when that word is
    short, so the paragraph's last line holds at least two words.

    The line above gives up its last word only where it has more than one (a line break is
    never bound across), and copy-out text still reads a space (PDF readers extract U+00A0 as
    one). Tags between the two words are fine; only the space itself changes.
    """
    tokens = [(m.start(), m.group(1), m.group(2)) for m in _TOKEN.finditer(markup)]
    word = 0  # characters of the last word seen so far, right to left
    for n in range(len(tokens) - 1, -1, -1):
        start, tag, text = tokens[n]
        if tag is not None:
            if tag.replace(" ", "").lower().startswith("<br"):
                return markup
            continue
        if word == 0:
            text = text.rstrip(" ")
        space = text.rfind(" ")
        word += len(_ENTITY.sub("x", text[space + 1:]))
        if word >= LONE_WORD:
            return markup
        if space < 0:
            continue
        # A word before the space, in this run or an earlier one: the line above has one.
        earlier = text[:space] + "".join(t or "" for _s, _tag, t in tokens[:n])
        if word == 0 or not earlier.strip():
            return markup
        return markup[:start + space] + NO_BREAK_SPACE + markup[start + space + 1:]
    return markup
