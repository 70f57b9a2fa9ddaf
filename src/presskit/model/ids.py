"""Stable ids: short slugs made from names, unique within their list.

An id is made once, when its item is made, and then stored with it: changing how slugs are
made never changes an id in a saved kit or roster. Letters outside Latin are transliterated
with anyascii (``"김민준"`` → ``gimminjun``, ``"Сергей Иванов"`` → ``sergey-ivanov``), so a
name in any script gets a readable id rather than ``expert``, ``expert-2``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection

_NOT_SLUG = re.compile(r"[^a-z0-9]+")
# Latin letters that Unicode does not decompose into a base letter plus accent.
_FOLD = str.maketrans({"ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "ł": "l", "đ": "d", "þ": "th",
                       "ð": "d", "ı": "i"})
ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


def _latin(text: str) -> str:
    """The Latin letters of ``text`` with their accents dropped (as ids were always made)."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def _transliterated(text: str) -> str:
    """``text`` in ASCII: accented Latin without its accents, other scripts transliterated
    letter by letter (composed first, so Cyrillic "й" is "y", not "и" without its breve)."""
    # Here, not at the top: anyascii pulls in importlib.resources, and ids are made only
    # when a kit is edited, never by an export (it was 2 % of a small export's start-up).
    from anyascii import anyascii

    out = []
    for char in unicodedata.normalize("NFC", text):
        latin = _latin(char)
        plain = "".join(c for c in unicodedata.normalize("NFKD", char)
                        if not unicodedata.combining(c))
        out.append(latin if latin and plain.isascii() else anyascii(char))
    return "".join(out)


def slugify(text: str, fallback: str = "item") -> str:
    """``"Duyeon Kim"`` → ``"duyeon-kim"``, ``"Сергей Иванов"`` → ``"sergey-ivanov"``.

    Accents are folded. A text with Latin letters keeps the slug it always had (``"王小明
    (Wang Xiaoming)"`` → ``"wang-xiaoming"``); one without any is transliterated. Only
    ``fallback`` if nothing at all is left.
    """
    folded = text.lower().translate(_FOLD)
    slug = _NOT_SLUG.sub("-", _latin(folded).lower()).strip("-")
    if not slug:
        slug = _NOT_SLUG.sub("-", _transliterated(folded).lower()).strip("-")
    return slug[:48].rstrip("-") or fallback


def unique_id(base: str, taken: Collection[str]) -> str:
    """``base`` itself if free, else ``base-2``, ``base-3``… (never a taken id)."""
    if base not in taken:
        return base
    n = 2
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"


def is_valid_id(value: str) -> bool:
    return bool(ID_PATTERN.match(value))
