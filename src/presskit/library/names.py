"""How people are told apart: names and e-mail addresses reduced to keys that match across
spreadsheets, advisories, kits and the roster, and text folded for search.

``"Dr. Duyeon  Kim"``, ``"duyeon kim"`` and ``"DUYEON KIM"`` are one person; so are
``"J.R. Smith"`` and ``"J. R. Smith"``, and ``"O'Brien"`` with a straight or a curly
apostrophe. Accents are kept (``"José"`` and ``"Jose"`` may be two people), but search ignores
them, so typing ``jose`` finds both.
"""

from __future__ import annotations

import re
import unicodedata

#: Courtesy titles that go in ``Expert.honorific`` rather than in the name, longest first so
#: ``"Lt. Gen."`` wins over a bare ``"Gen."``.
HONORIFICS = (
    "Lt. Gen.", "Maj. Gen.", "Brig. Gen.", "Vice Adm.", "Rear Adm.", "The Hon.",
    "Ambassador", "Professor", "Admiral", "General", "Amb.", "Prof.", "Gen.", "Adm.", "Col.",
    "Rep.", "Sen.", "Gov.", "Hon.", "Mrs.", "Rev.", "Dr.", "Mr.", "Ms.", "Mx.", "Dame", "Sir",
    "Dr", "Mr", "Ms", "Mrs", "Prof",
)

_WORDS = re.compile(r"[^\W_]+")


def split_honorific(name: str) -> tuple[str, str]:
    """``"Dr. Jane Doe"`` → ``("Dr.", "Jane Doe")``; a name without one → ``("", name)``.

    The courtesy title must be followed by at least two more words, so a person called
    ``"Sir Lancelot"`` or ``"General Motors"`` is left alone.
    """
    stripped = name.strip()
    for honorific in HONORIFICS:
        if stripped.startswith(honorific + " ") or stripped.startswith(honorific + "\u00a0"):
            rest = stripped[len(honorific):].strip()
            if len(rest.split()) >= 2:
                return honorific, rest
    return "", stripped


def name_key(name: str) -> str:
    """The name as a matching key: no honorific, letter case or punctuation; ``""`` if none."""
    _honorific, bare = split_honorific(name)
    folded = unicodedata.normalize("NFKC", bare).casefold()
    return " ".join(_WORDS.findall(folded))


def email_key(email: str) -> str:
    """An e-mail address as a matching key (``mailto:`` and letter case do not count)."""
    address = email.strip()
    if address.lower().startswith("mailto:"):
        address = address[len("mailto:"):]
    return address.strip().casefold()


def fold(text: str) -> str:
    """Text for searching: letter case, accents and runs of spaces do not count."""
    # The common case, several times as fast: ASCII (with the paragraph separators that
    # ``roster.search_text`` puts between fields, which fold to spaces) has nothing to
    # decompose, and there ``lower`` is ``casefold``.
    # ``split()`` with no argument splits at exactly what ``\s`` matches (every character
    # ``str.isspace`` says is a space) and drops the ends: the runs become single spaces
    # at a third of the regular expression's cost.
    if text.replace("\u2029", "").isascii():
        return " ".join(text.lower().split())
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(ch for ch in decomposed if not unicodedata.combining(ch)).split())
