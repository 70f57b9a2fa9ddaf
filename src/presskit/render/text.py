"""User text → ReportLab paragraph markup: escaping, the tiny inline markup and placeholders.

Everything the user typed is shown literally, so every string is escaped before it meets a
``Paragraph``; only then is the documented inline markup (``**bold**``, ``*italic*``, the star
touching the word) turned into tags, so a typed ``<b>`` or ``&amp;`` can never become markup.
Placeholders such as ``{email}`` are swapped for sentinel characters before escaping and for
their (already escaped) markup afterwards, which lets emphasis wrap a placeholder without letting
either see the other's characters. Paragraphs are separated by blank lines; a single newline
inside a paragraph is a line break. Dates are formatted here too, in English whatever the
process locale.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Mapping
from xml.sax.saxutils import escape as _xml_escape

from presskit.model import is_safe_url

# Private-use characters mark where a placeholder goes while the text is escaped and marked up.
_OPEN, _CLOSE = "\ue000", "\ue001"
_SENTINEL = re.compile(f"{_OPEN}(\\d+){_CLOSE}")
# C0/C1 control characters (except tab and newline) and the sentinels themselves are dropped:
# ReportLab cannot draw them and a user cannot see them.
_INVISIBLE = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_OPEN}{_CLOSE}\ufffe\uffff]")
_BLANK_LINE = re.compile(r"\n[ \t]*\n\s*")
_BOLD = re.compile(r"(?<![*\w])\*\*(?=[^\s*])([^\n]+?)(?<=[^\s*])\*\*(?![*\w])")
_ITALIC = re.compile(r"(?<![*\w])\*(?=[^\s*])([^\n]+?)(?<=[^\s*])\*(?![*\w])")
_EMAIL_SAFE = re.compile(r"^[^\s<>\"'()\\,;:]+@[^\s<>\"'()\\,;:]+$")

#: ``{name}`` style placeholders: only these words, anything else stays as typed.
_PLACEHOLDER = re.compile(r"\{([a-z]+)\}")


def clean(text: str) -> str:
    """Normalise line ends, drop characters that cannot be printed (controls, sentinels), and
    compose accents (Unicode NFC): "e" + combining "̂" + "̃" prints as the font's own "ễ",
    not as two marks stacked by guesswork; a reader copies the composed, equivalent text."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    return unicodedata.normalize("NFC", _INVISIBLE.sub("", text))


def one_line(text: str) -> str:
    """User text for a single drawn line (metadata, running header, footer): cleaned, with
    every run of whitespace, line breaks included, made one space."""
    return " ".join(clean(text).split())


def escape(text: str) -> str:
    """Escape ``&``, ``<`` and ``>`` so ReportLab's paragraph parser prints them as typed."""
    return _xml_escape(text)


def escape_attr(text: str) -> str:
    """Escape for a double- or single-quoted attribute value (``href="…"``)."""
    return _xml_escape(text, {'"': "&quot;", "'": "&#39;"})


def plain(text: str) -> str:
    """A short user string (a name, a title, a heading) as literal markup, no emphasis."""
    return "<br/>".join(escape(line) for line in clean(text).strip().split("\n"))


def _italic(match: re.Match[str]) -> str:
    inner = match.group(1)
    # Bold was applied first; an italic run that would cross a bold tag stays literal.
    if inner.count("<b>") != inner.count("</b>"):
        return match.group(0)
    return f"<i>{inner}</i>"


def emphasis(escaped: str) -> str:
    """Apply ``**bold**`` and ``*italic*`` to text that is already escaped."""
    return _ITALIC.sub(_italic, _BOLD.sub(r"<b>\1</b>", escaped))


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs of ``text`` (blank-line separated), trimmed, empty ones dropped."""
    parts = _BLANK_LINE.split(clean(text).strip())
    return [p.strip() for p in parts if p.strip()]


def paragraphs(text: str, fields: Mapping[str, str] | None = None) -> list[str]:
    """``text`` as a list of paragraph markups, with emphasis and placeholders filled in.

    ``fields`` maps placeholder names (``"email"``) to markup that is already safe (escaped,
    links built by :func:`link`); placeholders not in ``fields`` stay as typed.
    """
    values: list[str] = []

    def park(match: re.Match[str]) -> str:
        if fields is None or match.group(1) not in fields:
            return match.group(0)
        values.append(fields[match.group(1)])
        return f"{_OPEN}{len(values) - 1}{_CLOSE}"

    result = []
    for para in split_paragraphs(text):
        parked = _PLACEHOLDER.sub(park, para)
        lines = [emphasis(escape(line.strip())) for line in parked.split("\n")]
        markup = "<br/>".join(lines)
        result.append(_SENTINEL.sub(lambda m: values[int(m.group(1))], markup))
    return result


def link(url: str, label_markup: str, color: str) -> str:
    """``label_markup`` as a live link to ``url`` if it is http(s) or mailto, else as is."""
    url = clean(url).strip()
    if not url or not is_safe_url(url) or any(c.isspace() for c in url):
        return label_markup
    return f'<a href="{escape_attr(url)}" color="{escape_attr(color)}">{label_markup}</a>'


def email_link(address: str, color: str) -> str:
    """An e-mail address as a ``mailto:`` link (plain text if it does not look like one)."""
    address = clean(address).strip()
    if not _EMAIL_SAFE.match(address):
        return escape(address)
    return link(f"mailto:{address}", escape(address), color)


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


def long_date(day: dt.date) -> str:
    """``2019-09-20`` → ``"September 20, 2019"`` (English, whatever the process locale)."""
    return f"{_MONTHS[day.month - 1]} {day.day}, {day.year}"


def embargo_line(until: dt.datetime, zone: str) -> str:
    """``"EMBARGOED UNTIL December 2, 2026, 06:00 Europe/Brussels"``."""
    return f"EMBARGOED UNTIL {long_date(until.date())}, {until:%H:%M} {clean(zone).strip()}"
