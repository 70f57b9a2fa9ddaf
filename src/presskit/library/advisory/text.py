"""Pasted advisory text → paragraphs, each with the line it starts on.

Advisories arrive in two shapes. Typed in a word processor or a web form, every paragraph is
one line (blank lines between them or not). Written in a mail client, lines are hard-wrapped
at some width (often 72) and paragraphs are separated by blank lines. The second shape is
recognised by blank lines plus short lines, and its wrapped lines are joined back: a line
continues the one before when the previous line had no room left for the next word (which is
why the wrapper broke it there). A bullet or a short "Heading:" always starts a new paragraph.

Also undone: a quoted reply's ``> `` prefixes, Windows and old-Mac line ends, a byte-order
mark and zero-width characters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: A line that starts a list item: a dash, bullet or star, or a number with ``.`` or ``)``.
BULLET = re.compile(r"^\s*(?:[-–—•*·▪●◦‣]|\d{1,2}[.)])\s+")

#: Lines longer than this are never the result of hard wrapping.
_WRAP_LIMIT = 100
_SENTENCE_END = (".", "!", "?", ":", "\"", "”", "’", "'", ")", "»", "」")
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))


@dataclass(frozen=True)
class Paragraph:
    text: str
    #: The 1-based line of the pasted text the paragraph starts on.
    line: int


def normalise(text: str) -> str:
    """Line ends as ``\\n``, no BOM or zero-width characters, no ``> `` reply prefixes."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n").translate(_INVISIBLE)
    lines = text.split("\n")
    filled = [line for line in lines if line.strip()]
    if filled and all(line.lstrip().startswith(">") for line in filled):
        lines = [re.sub(r"^\s*>+ ?", "", line) for line in lines]
    return "\n".join(line.rstrip() for line in lines)


def paragraphs(text: str) -> list[Paragraph]:
    """The paragraphs of ``text`` in order; wrapped lines are joined with single spaces."""
    lines = normalise(text).split("\n")
    width = _wrap_width(lines)
    found: list[Paragraph] = []
    current: list[str] = []
    start = 0
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            if current:
                found.append(Paragraph(" ".join(current), start))
                current = []
            continue
        if current and width and _continues(current[-1], line, width):
            current.append(line.strip())
            continue
        if current:
            found.append(Paragraph(" ".join(current), start))
        current, start = [line.strip()], number
    if current:
        found.append(Paragraph(" ".join(current), start))
    return found


def _wrap_width(lines: list[str]) -> int:
    """The width the text was hard-wrapped at, or 0 if it was not."""
    filled = [i for i, line in enumerate(lines) if line.strip()]
    blank_between = bool(filled) and filled[-1] - filled[0] + 1 > len(filled)
    lengths = sorted(len(line.strip()) for line in lines if line.strip())
    if not blank_between or not lengths or lengths[-1] > _WRAP_LIMIT:
        return 0
    # The 90th percentile rather than the maximum: one line made longer by an unbreakable
    # address must not make every ordinary line look short.
    return lengths[min(len(lengths) - 1, int(len(lengths) * 0.9))]


def _continues(previous: str, line: str, width: int) -> bool:
    if BULLET.match(line):
        return False
    previous = previous.strip()
    if is_short_heading(previous):
        return False
    next_word = line.split()[0]
    if len(previous) + 1 + len(next_word) > width:
        return True
    # A long line cut off before a lower-case word, a number or a bracket goes on even if
    # the next word would have fitted ("… at press@example.org or" / "+1 202 555 0100.").
    first = line.strip()[0]
    return (len(previous) >= width // 2 and not previous.endswith(_SENTENCE_END)
            and (first.islower() or first in "0123456789+("))


def is_short_heading(text: str) -> bool:
    """``"Sharper:"``: a few words ending in a colon, on a line of their own."""
    stripped = text.strip()
    return (stripped.endswith((":", "：")) and len(stripped) <= 60
            and len(stripped.split()) <= 8 and not BULLET.match(stripped))
