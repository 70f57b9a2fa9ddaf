"""Stable ids: short slugs made from names, unique within their list."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection

_NOT_SLUG = re.compile(r"[^a-z0-9]+")
# Latin letters that Unicode does not decompose into a base letter plus accent.
_FOLD = str.maketrans({"ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "ł": "l", "đ": "d", "þ": "th",
                       "ð": "d", "ı": "i"})
ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


def slugify(text: str, fallback: str = "item") -> str:
    """``"Duyeon Kim"`` → ``"duyeon-kim"``; accents are folded, other scripts fall back."""
    folded = text.lower().translate(_FOLD)
    ascii_text = unicodedata.normalize("NFKD", folded).encode("ascii", "ignore").decode()
    slug = _NOT_SLUG.sub("-", ascii_text.lower()).strip("-")
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
