"""The word lists spelling is checked against: pyspellchecker's, shipped inside the package.

pyspellchecker (pure Python, MIT) brings word-frequency lists for English, Spanish, French,
Portuguese, German, Italian, Russian, Arabic, Latvian, Basque, Dutch and Persian, so nothing
has to be installed on the system. A list is loaded the first time a kit in that language is
checked, once per process, and kept: English takes about 0.35 s, German 0.5 s. Parsing one
big JSON document would hold Python's interpreter lock for all of that time, freezing a
window that loads it from a background thread; the list is parsed in slices instead, so the
window's thread gets a turn between them.

Only the lists and the language codes are pyspellchecker's: its checker object builds its
indexes in single long calls that stop every other thread (0.4 s for German), and its
suggestions try every character of the list twice over (3.5 s for a long word), so looking
up and suggesting are done here, Norvig's way as pyspellchecker does, but with a–z and a
bound on length.

The English list is American ("organization", "color"). Unless a kit says ``en-US``, the
British forms of a known word are accepted too ("organisation", "colour", "centre"), since
many press offices write British English and no British list ships with the library.
"""

from __future__ import annotations

import gzip
import json
import pkgutil
import re
import threading
import unicodedata
from collections.abc import Iterator

from spellchecker import SpellChecker

from presskit.library.spelling.words import primary_language

#: The languages pyspellchecker has a list for (ISO 639-1 codes, its own file names).
LANGUAGES: tuple[str, ...] = tuple(SpellChecker.languages())
#: Characters of JSON text parsed at a time; each slice holds the interpreter for ~5 ms.
_SLICE_CHARS = 100_000
#: Words longer than this get no two-edit suggestions: the candidates grow with the square of
#: the length (a 16-letter word took 3.5 s in pyspellchecker's own ``candidates``).
_TWO_EDIT_MAX = 8
_ASCII = "abcdefghijklmnopqrstuvwxyz"

#: British ending → American ending, tried on an English word the list does not know.
_BRITISH = (
    (re.compile(r"our(s|ed|ing|able|ite|ites)?$"), r"or\1"),  # colour, favourite
    (re.compile(r"is(e|es|ed|ing|ation|ations|er|ers)$"), r"iz\1"),  # organise, organisation
    (re.compile(r"ys(e|es|ed|ing)$"), r"yz\1"),  # analyse
    (re.compile(r"tre(s)?$"), r"ter\1"),  # centre, theatre
    (re.compile(r"ence(s)?$"), r"ense\1"),  # defence, licence
    (re.compile(r"ogue(s)?$"), r"og\1"),  # catalogue, dialogue
    (re.compile(r"ll(ed|ing|er|ers)$"), r"l\1"),  # travelled, modelling
    (re.compile(r"mme(s)?$"), r"m\1"),  # programme
)


def dictionary_language(tag: str) -> str | None:
    """The list for a kit in language ``tag`` (BCP 47): its primary subtag if one ships."""
    code = primary_language(tag)
    return code if code in LANGUAGES else None


#: Where one entry of a flat JSON object ends and the next begins: a comma, then a key.
_NEXT_ENTRY = re.compile(r',\s*"')


def _slices(text: str, size: int = _SLICE_CHARS) -> Iterator[str]:
    """A flat JSON object ``{"word": count, …}`` as smaller objects of about ``size``
    characters each, every entry in exactly one."""
    body = text.strip()
    if not (body.startswith("{") and body.endswith("}")):
        yield body
        return
    body = body[1:-1]
    start = 0
    while start < len(body):
        cut = _NEXT_ENTRY.search(body, start + size)
        end = len(body) if cut is None else cut.start()
        yield "{" + body[start:end] + "}"
        start = end + 1  # past the comma


def _read_list(code: str) -> dict[str, int]:
    data = pkgutil.get_data("spellchecker", f"resources/{code}.json.gz")
    if data is None:  # pragma: no cover - the package ships every listed language
        raise FileNotFoundError(code)
    text = gzip.decompress(data).decode("utf-8")
    words: dict[str, int] = {}
    for piece in _slices(text):
        try:
            part = json.loads(piece)
        except ValueError:  # a slice cut inside a word: parse it whole, the slow way
            words.clear()
            piece, part = text, json.loads(text)
        if piece == piece.lower():  # as the shipped lists are: nothing to fold
            words.update(part)
        else:  # lower-cased as pyspellchecker does; a word in two cases adds its counts
            for word, count in part.items():
                key = str(word).lower()
                words[key] = words.get(key, 0) + int(count)
        if piece is text:
            break
    return words


class Dictionary:
    """One language's word list: whether a word is in it, and the nearest ones that are."""

    def __init__(self, code: str, words: dict[str, int]) -> None:
        self.code = code
        self._words = words
        # Replacements try these letters: the language's own, or a–z and the word's own
        # when the list has many (English lists café and naïve: 44 letters).
        letters: set[str] = set()
        keys = list(words)
        for start in range(0, len(keys), 5_000):  # in short calls: see the module docstring
            letters.update(*keys[start:start + 5_000])
        self._letters = "".join(sorted(c for c in letters if c.isalpha()))

    def knows(self, word: str, british: bool = False) -> bool:
        """Whether ``word`` (any case, straight or curly apostrophe) is in the list."""
        key = word.replace("’", "'").lower()
        # A possessive is as right as the word it is made from: "organisation's".
        forms = (key, key[:-2]) if key.endswith("'s") else (key,)
        return any(
            form in self._words
            or british and any(
                pattern.search(form) and pattern.sub(american, form) in self._words
                for pattern, american in _BRITISH
            )
            for form in forms
        )

    def suggestions(self, word: str, limit: int = 5) -> list[str]:
        """Up to ``limit`` known words one edit from ``word`` (two for short words), the most
        common first, in the word's own capitalisation."""
        key = word.replace("’", "'").lower()
        found = self._known(self._edits(key))
        if not found and len(key) <= _TWO_EDIT_MAX:
            found = self._known(e2 for e1 in self._edits(key) for e2 in self._edits(e1))
        bare = _without_accents(key)
        ranked = sorted(
            found - {key},
            # Same letters but accents first ("cafe" → "café"), then the most frequent.
            key=lambda w: (_without_accents(w) != bare, -self._words.get(w, 0), w),
        )
        return [_like(word, w) for w in ranked[:limit]]

    def _known(self, candidates: Iterator[str] | set[str]) -> set[str]:
        words = self._words
        return {w for w in candidates if w in words}

    def _edits(self, word: str) -> set[str]:
        letters = self._letters if len(self._letters) <= 40 else _ASCII + "".join(
            sorted(set(word) - set(_ASCII)))
        splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
        return {
            *(a + b[1:] for a, b in splits if b),
            *(a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1),
            *(a + c + b[1:] for a, b in splits if b for c in letters),
            *(a + c + b for a, b in splits for c in letters),
        }


def _without_accents(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def _like(original: str, suggestion: str) -> str:
    """``suggestion`` capitalised as ``original`` is: "Teh" → "The"."""
    if original[:1].isupper():
        return suggestion[:1].upper() + suggestion[1:]
    return suggestion


_loaded: dict[str, Dictionary] = {}
_lock = threading.Lock()


def load_dictionary(code: str) -> Dictionary:
    """The list for ``code`` (one of ``LANGUAGES``), loaded on first use and then kept."""
    if code not in LANGUAGES:
        raise ValueError(f"no spelling dictionary for {code!r}")
    with _lock:  # two windows asking at once load it once
        if code not in _loaded:
            _loaded[code] = Dictionary(code, _read_list(code))
        return _loaded[code]


def loaded_dictionary(code: str) -> Dictionary | None:
    """The list for ``code`` if it is already loaded; never loads (for the GUI thread)."""
    return _loaded.get(code)
