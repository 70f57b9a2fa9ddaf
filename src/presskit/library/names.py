"""How people are told apart: names and e-mail addresses reduced to keys that match across
spreadsheets, advisories, kits and the roster, and text folded for search.

``"Dr. Duyeon  Kim"``, ``"duyeon kim"`` and ``"DUYEON KIM"`` are one person; so are
``"J.R. Smith"`` and ``"J. R. Smith"``, and ``"O'Brien"`` with a straight or a curly
apostrophe; and ``"Rosenberg, Elizabeth"``, as spreadsheets and directories write names, is
``"Elizabeth Rosenberg"`` (:func:`as_first_last`). Accents are kept (``"José"`` and ``"Jose"``
may be two people), but search ignores them, so typing ``jose`` finds both.
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

#: What may follow a name after a comma without being a given name: "Smith, Jr.",
#: "Jane Doe, PhD", "Acme, Inc." (compared without dots and case).
_SUFFIXES = frozenset({
    "jr", "sr", "ii", "iii", "iv", "v", "phd", "md", "dphil", "esq", "jd", "llm", "mba", "ma",
    "msc", "ms", "bsc", "ba", "cpa", "rn", "dds", "obe", "mbe", "cbe", "kbe", "dbe", "frs",
    "qc", "kc", "ret", "usn", "usa", "usaf", "usmc", "inc", "ltd", "llc", "llp", "plc", "gmbh",
    "ag", "sa", "bv", "co", "corp", "the", "et al",
})
#: Words that make the part before the comma an organisation or a place, not a family name.
_NOT_A_SURNAME = frozenset({
    "of", "for", "and", "&", "the", "on", "at", "in", "university", "institute", "center",
    "centre", "foundation", "council", "department", "ministry", "office", "association",
    "group", "company", "corporation", "agency", "committee", "school", "press", "bank",
    "fund", "society", "inc", "ltd", "llc",
})
#: Han, kana and Hangul: names in these scripts put the family name first themselves.
_EAST_ASIAN = re.compile(r"[\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u4dbf"
                         r"\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
#: A word of a person's name: letters, with the apostrophes, hyphens and dots names carry.
_NAME_WORD = re.compile(r"^[^\W\d_](?:[^\W\d_]|['’.\-])*$")


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


def as_first_last(name: str) -> str:
    """``"Rosenberg, Elizabeth"`` → ``"Elizabeth Rosenberg"``; any other name as it is.

    Only when it cannot be anything else: exactly one comma, one to three name words on
    each side (letters, apostrophes, hyphens, dots), and no suffix, degree or company form
    after the comma (``"Smith, Jr."``, ``"Jane Doe, PhD"``, ``"Acme, Inc."``), nor an
    organisation before it (``"Department of State, Office"``). ``"Smith, Jr., John"`` has two
    commas and is left for a person to read.
    """
    if name.count(",") != 1:
        return name
    last, first = (part.split() for part in name.split(","))
    # A courtesy title goes in front, whichever side of the comma it was typed on:
    # "Dr. Smith, John" and "Smith, Dr. John" are both "Dr. John Smith".
    title = ""
    for words in (last, first):
        if words and words[0] in HONORIFICS and not title:
            title = words.pop(0)
    if not (1 <= len(last) <= 3 and 1 <= len(first) <= 3):
        return name
    if not all(_NAME_WORD.match(word) for word in (*last, *first)):
        return name
    if _EAST_ASIAN.search(name):
        return name  # written family name first anyway: "山田, 花子" is not "花子 山田"
    if any(word.casefold().replace(".", "") in _SUFFIXES for word in first):
        return name
    if " ".join(first).casefold().replace(".", "") in _SUFFIXES:
        return name
    if any(word.casefold() in _NOT_A_SURNAME for word in last):
        return name
    if any(2 <= len(w) <= 3 and w.isalpha() and w.isupper() for w in first) and not (
            " ".join(last).isupper()):
        return name  # "Washington, DC", "London, UK": a place, not "Dc Washington"
    return " ".join((*([title] if title else []), *first, *last))


def name_key(name: str) -> str:
    """The name as a matching key: no honorific, letter case or punctuation, and either
    order of ``"Last, First"``; ``""`` if none."""
    _honorific, bare = split_honorific(as_first_last(name))
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
