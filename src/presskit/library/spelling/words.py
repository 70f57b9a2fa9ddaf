"""Which words of a field's text a spell checker should look at, and where they are.

A press kit's text is full of things that are not words of its language: web and e-mail
addresses, ``{name}`` placeholders, the ``**bold**`` / ``*italic*`` stars, numbers, acronyms
(NATO, DPRK), model names with digits (F-35), mixed-case brands (iPhone, McKinsey) and
passages marked as another language (``[déjà vu]{lang=fr}``). They are masked out here, by
offset, so a highlighter can underline exactly the characters of a flagged word. Pure text
processing: no dictionary, no I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Letters with inner apostrophes or hyphens ("don't", "well-known"), digits and underscores
#: included so that a word with a digit is seen whole and skipped.
_TOKEN = re.compile(r"\w+(?:['’\-]\w+)*")
#: Runs of text between spaces, each looked at whole to see whether it is an address.
_CHUNK = re.compile(r"\S+")
#: What a chunk is once its surrounding brackets, quotes and punctuation are set aside.
_ADDRESS = re.compile(
    r"(?:https?|ftp|mailto|tel):\S*"  # web and mail links
    r"|www\.\S+"
    r"|[^@\s]+@[^@\s]+"  # e-mail addresses
    r"|(?:[\w\-]+\.)+[a-z]{2,}(?:/\S*)?",  # bare domains: cnas.org, example.co.uk/page
    re.IGNORECASE,
)
_AROUND = "([{<\"'“‘«"
_AFTER = ")]}>\"'”’».,;:!?"
#: Placeholders and the attribute of a language span: markup, not words.
_MARKUP = re.compile(r"\{[a-z]+\}|\{lang=[^}\n]*\}")
#: ``[words]{lang=xx}``: a passage in another language, checked only if it is the kit's.
_LANGUAGE_SPAN = re.compile(r"\[([^\]\n]*)\]\{lang=([A-Za-z0-9-]{1,35})\}")
#: Text longer than this is checked up to here only: a stranger's 10 MB field must not make
#: each keystroke scan it all (a highlighter sees one paragraph at a time anyway).
MAX_CHECKED_CHARS = 20_000
#: Longer "words" are hashes, identifiers or run-together text, not spelling mistakes.
MAX_WORD_CHARS = 40


@dataclass(frozen=True)
class Word:
    """A word of the text and where it is: ``text == source[start:end]``."""

    start: int
    end: int
    text: str


def primary_language(tag: str) -> str:
    """The primary subtag of a BCP 47 tag, lower-cased: ``de-CH`` → ``de``."""
    return tag.split("-", 1)[0].strip().lower()


def _masked(text: str, language: str) -> str:
    """``text`` with every part that is not prose of ``language`` turned into spaces."""
    own = primary_language(language)
    chars = list(text)

    def blank(start: int, end: int) -> None:
        chars[start:end] = " " * (end - start)

    for span in _LANGUAGE_SPAN.finditer(text):
        if primary_language(span.group(2)) != own:
            blank(span.start(1), span.end(1))
    for mark in _MARKUP.finditer(text):
        blank(mark.start(), mark.end())
    for chunk in _CHUNK.finditer(text):
        core = chunk.group(0).lstrip(_AROUND).rstrip(_AFTER)
        if core and _ADDRESS.fullmatch(core):
            blank(chunk.start(), chunk.end())
    return "".join(chars)


def is_checkable(word: str) -> bool:
    """Whether ``word`` (one token, no hyphen) is a word of prose a dictionary can judge."""
    if len(word) < 2 or len(word) > MAX_WORD_CHARS:
        return False
    if any(c.isdigit() or c == "_" for c in word):
        return False  # 3rd, F35, COVID19, snake_case
    letters = word.replace("'", "").replace("’", "")
    if letters.isupper():
        return False  # acronyms: NATO, DPRK, UN
    # iPhone, McKinsey, PhD: brands and names, which no dictionary lists.
    return not any(c.isupper() for c in letters[1:])


def words_to_check(text: str, language: str = "en") -> list[Word]:
    """The words of ``text`` to look up, with their offsets; hyphenated words by part."""
    text = text[:MAX_CHECKED_CHARS]
    masked = _masked(text, language)
    found: list[Word] = []
    for token in _TOKEN.finditer(masked):
        start = token.start()
        for part in re.split(r"(-)", token.group(0)):
            if part != "-" and is_checkable(part):
                found.append(Word(start, start + len(part), part))
            start += len(part)
    return found
