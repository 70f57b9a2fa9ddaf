"""The roster: the experts a press office quotes again and again, each with a bank of past
quotes, and the brand presets kits are printed in. Plain data, no I/O (``roster_file`` reads
and writes it), no Qt.

It mirrors the kit on purpose: experts and quotes are the model's own ``Expert`` and
``Quote`` (a quote's ``expert`` is an expert id), so copying between roster and kit is a
copy, not a conversion, and a kit made from the roster stays self-contained.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from presskit.library.names import email_key, fold, name_key
from presskit.model.kit import Brand, Expert, Quote
from presskit.model.limits import MAX_PRESET_NAME_CHARS

#: Characters that reorder or hide text without being control characters: bidirectional
#: marks, embeddings, overrides and isolates, line and paragraph separators.
_DECEPTIVE = frozenset("\u061c\u200e\u200f\u2028\u2029\u202a\u202b\u202c\u202d\u202e"
                       "\u2066\u2067\u2068\u2069")
_SPACES = re.compile(r"\s+")


def clean_preset_name(name: str) -> str:
    """A brand preset's name as presskit keeps and shows it: control characters (an escape
    sequence), lone surrogates and text-reordering characters (``\u202e``) taken out, runs of
    white space made one space, trimmed, and at most ``MAX_PRESET_NAME_CHARS`` long. A name
    comes from a stranger's preset file or a shared roster: it must not retitle a terminal,
    reverse what a dialog shows, or fill a menu."""
    kept = "".join(" " if c in "\t\n\r\u2028\u2029" else c for c in name
                   if c not in _DECEPTIVE or c in "\u2028\u2029")
    kept = "".join(c for c in kept if unicodedata.category(c) not in ("Cc", "Cs"))
    return _SPACES.sub(" ", kept).strip()[:MAX_PRESET_NAME_CHARS].strip()


@dataclass
class BrandPreset:
    """A house style saved under a name, to start new kits with."""

    name: str
    brand: Brand = field(default_factory=Brand)


@dataclass
class Roster:
    """Everyone the press office works with, their quote bank, and the brand presets."""

    experts: list[Expert] = field(default_factory=list)
    #: The quote bank: past quotes of the experts above (``Quote.expert`` is an expert id).
    quotes: list[Quote] = field(default_factory=list)
    brands: list[BrandPreset] = field(default_factory=list)
    #: Unknown top-level keys of the roster file, kept as they are.
    extra: dict[str, Any] = field(default_factory=dict)

    def expert(self, expert_id: str) -> Expert | None:
        return next((e for e in self.experts if e.id == expert_id), None)

    def quote(self, quote_id: str) -> Quote | None:
        return next((q for q in self.quotes if q.id == quote_id), None)

    def quotes_by(self, expert_id: str) -> list[Quote]:
        return [q for q in self.quotes if q.expert == expert_id]

    def quotes_by_expert(self) -> dict[str, list[Quote]]:
        """Every expert's banked quotes, in one pass (``quotes_by`` for each of 5,000 experts
        would scan the bank 5,000 times)."""
        grouped: dict[str, list[Quote]] = {}
        for quote in self.quotes:
            grouped.setdefault(quote.expert, []).append(quote)
        return grouped

    def brand(self, name: str) -> BrandPreset | None:
        """The preset called ``name`` (letter case does not count)."""
        wanted = name.strip().casefold()
        return next((b for b in self.brands if b.name.strip().casefold() == wanted), None)

    def find(self, *, email: str = "", name: str = "") -> Expert | None:
        """The expert with this e-mail address, else with this name (see ``names``)."""
        return find_expert(self.experts, email=email, name=name)


def find_expert(experts: Iterable[Expert], *, email: str = "", name: str = "") -> Expert | None:
    """Match by e-mail address first, then by name; ``None`` if neither matches one person."""
    people = list(experts)
    wanted_email = email_key(email)
    if wanted_email:
        found = next((e for e in people if email_key(e.email) == wanted_email), None)
        if found is not None:
            return found
    wanted_name = name_key(name)
    if wanted_name:
        return next((e for e in people if name_key(e.name) == wanted_name), None)
    return None


#: Folding depends on the text alone, and a search looks at every expert on every keystroke:
#: the folded text of each expert as they are now is kept (a changed field is a new text).
#: About a megabyte for 5,000 experts; a keystroke after the first 31 -> 20 ms (make bench).
_folded = functools.lru_cache(maxsize=1 << 15)(fold)


def search_text(expert: Expert, quotes: Sequence[Quote] = ()) -> str:
    """What a roster search looks through for ``expert``, folded: name, title, program,
    topics, and the topics of their banked quotes (for a filter model's search role)."""
    parts = [expert.honorific, expert.name, expert.title, expert.program, *expert.topics]
    parts += [q.topic for q in quotes]
    return _folded(" \u2029 ".join(p for p in parts if p))


def matches(expert: Expert, query: str, quotes: Sequence[Quote] = ()) -> bool:
    """Every word of ``query`` occurs in the expert's name, title, program or topics."""
    return _has_all(search_text(expert, quotes), fold(query).split())


def _has_all(haystack: str, words: list[str]) -> bool:
    return all(word in haystack for word in words)


def search(roster: Roster, query: str) -> list[Expert]:
    """The roster's experts that ``matches`` ``query``, in roster order (the query is
    folded once, not once per expert: that was a fifth of a keystroke at 5,000 experts)."""
    banked = roster.quotes_by_expert()
    words = fold(query).split()
    return [e for e in roster.experts
            if _has_all(search_text(e, banked.get(e.id, ())), words)]
