"""Language tags (BCP 47) and the markup that gives words another language than the kit's.

Shared by ``model.text`` (which reads the markup for every output) and ``model.validation``
(which warns of a tag that is none). No I/O.
"""

from __future__ import annotations

import re

#: A well-formed BCP 47 language tag (RFC 5646's syntax; the primary language of two or
#: three letters, as every registered one is, so "English" or "german" are caught): extended
#: languages, script, region, variants, extensions, private use.
_LANGUAGE_TAG = re.compile(
    r"[A-Za-z]{2,3}(?:-[A-Za-z]{3}){0,3}"
    r"(?:-[A-Za-z]{4})?(?:-(?:[A-Za-z]{2}|[0-9]{3}))?"
    r"(?:-(?:[A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*"
    r"(?:-[0-9A-WY-Za-wy-z](?:-[A-Za-z0-9]{2,8})+)*"
    r"(?:-[Xx](?:-[A-Za-z0-9]{1,8})+)?"
)


def is_language_tag(tag: str) -> bool:
    """Whether ``tag`` is a well-formed BCP 47 language tag (``en``, ``de-CH``, ``zh-Hant``)."""
    return _LANGUAGE_TAG.fullmatch(tag) is not None


#: ``[Bonjour tout le monde]{lang=fr}``: words in another language than the kit's (Pandoc's
#: bracketed span with only its ``lang`` attribute; quotes around the tag, straight or curly,
#: are allowed). The words hold no brackets and no line break; spans do not nest.
_QUOTES = "\"'\u201c\u201d\u2018\u2019"
LANG_SPAN = re.compile(
    rf"\[([^\[\]\n]+)\]\{{lang=[{_QUOTES}]?([^\s{{}}{_QUOTES}]*)[{_QUOTES}]?\}}")


def language_spans(text: str) -> list[tuple[str, str]]:
    """Every ``[words]{lang=tag}`` in ``text``: its words and its tag, as typed."""
    return [(match.group(1), match.group(2)) for match in LANG_SPAN.finditer(text)]
