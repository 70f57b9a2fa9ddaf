"""Spell-checking a kit's text: the words of a field that no list knows, and what to offer.

A press kit is full of proper nouns a dictionary has never seen: the experts' names, the
organisation and its short name, the contacts, the authors of resources. Underlining
"Duyeon" in every quote would make the underline noise, so the kit's own names count as
known, as do the user's own words and those ignored this session. ``Checker`` is cheap to
make: the word list itself is shared (``dictionaries``).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

from presskit.library.spelling.dictionaries import Dictionary
from presskit.library.spelling.words import Word, primary_language, words_to_check
from presskit.model import Kit

#: English prefixes written with a hyphen ("pre-summit", "co-founder"): words of their own
#: only there, so the list does not have them.
_PREFIXES = frozenset({
    "anti", "bi", "co", "counter", "cross", "de", "ex", "inter", "intra", "mid", "multi",
    "neo", "non", "post", "pre", "pro", "re", "semi", "sub", "super", "trans", "tri", "ultra",
    "un", "vice",
})


def kit_names(kit: Kit) -> tuple[str, ...]:
    """The names a kit gives: experts, contacts, resource authors, the organisation."""
    brand = kit.brand
    return (
        *(e.name for e in kit.experts),
        *(c.name for c in kit.contacts),
        *(r.author for r in kit.resources),
        brand.organisation,
        brand.short_name,
    )


def name_words(names: Iterable[str]) -> frozenset[str]:
    """The single words of ``names``, lower-cased: "Duyeon Kim" → {"duyeon", "kim"}."""
    words: set[str] = set()
    for name in names:
        words |= _words_of_name(name)
    return frozenset(words)


@functools.lru_cache(maxsize=20_000)
def _words_of_name(name: str) -> frozenset[str]:
    # Cached: the names are asked for again at each keystroke in a name field, and an
    # institute's kit has thousands of them.
    return frozenset(_key(word.text) for word in words_to_check(name[:200], "und"))


def accepted_keys(words: Iterable[str]) -> frozenset[str]:
    """``words`` as ``Checker`` compares them (lower case, straight apostrophes)."""
    return frozenset(_key(w) for w in words)


def _key(word: str) -> str:
    return word.replace("’", "'").lower()


class Checker:
    """Finds misspelled words for a kit in one language; see the module docstring."""

    def __init__(
        self,
        dictionary: Dictionary,
        language: str,
        accepted: Iterable[str] = (),
        keyed: Iterable[frozenset[str]] = (),
    ) -> None:
        """``accepted``: words that count as known; ``keyed``: more of them, already made
        into ``accepted_keys`` (a window keeps the user's 50,000 words made once)."""
        self.dictionary = dictionary
        self.language = language
        #: British forms pass unless the kit is in American English (see ``dictionaries``).
        self._british = primary_language(language) == "en" and language.lower() != "en-us"
        self._accepted = (accepted_keys(accepted), *keyed)

    def is_known(self, word: str) -> bool:
        key = _key(word)
        for accepted in self._accepted:
            if key in accepted or key.endswith("'s") and key[:-2] in accepted:  # "Kim's"
                return True
        return self.dictionary.knows(word, self._british)

    def misspelled(self, text: str) -> list[Word]:
        """The words of ``text`` that are neither in the list nor accepted, in order."""
        english = primary_language(self.language) == "en"
        return [
            w for w in words_to_check(text, self.language)
            if not self.is_known(w.text)
            and not (english and text[w.end:w.end + 1] == "-" and _key(w.text) in _PREFIXES)
        ]

    def suggestions(self, word: str, limit: int = 5) -> list[str]:
        return self.dictionary.suggestions(word, limit)
