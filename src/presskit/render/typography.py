"""Typographic quotes and dashes for the printed page, never for the saved file.

People type ``"``, ``'`` and ``--`` on a keyboard; a printed kit wants “ ” ‘ ’ and dashes.
:func:`smarten` makes the swap in one string (a straight quote opens after a space, a bracket
or a dash, and closes or is an apostrophe otherwise: ``O'Connell`` → ``O’Connell``, ``'90s`` →
``’90s``; ``--`` and ``---`` → em dash, a hyphen between spaces → en dash). E-mail addresses
and web addresses are left exactly as typed, and so is everything but quotes and dashes.
:func:`typeset` applies it to a copy of the kit (of the parts it changes), to every field
the PDF prints (the list
``render.fonts.coverage.printed_text`` walks), when the brand's ``typography.smart_quotes`` is
on; the kit the caller holds, and so the project file, keep the text as typed.
"""

from __future__ import annotations

import copy
import re
from typing import Any

from presskit.model import Kit
from presskit.model.paths import get_at
from presskit.render.fonts.coverage import printed_text

#: Fields that hold an address or a number, where a quote or a dash is part of the value.
_VERBATIM = frozenset({"email", "url", "phone", "zone"})
#: Addresses inside running text: left as typed (an e-mail address may hold an apostrophe).
_ADDRESS = re.compile(
    r"(?:https?://|mailto:|www\.)[^\s\"'“”‘’<>]+|[^\s@\"“”‘’<>(\[]+@[^\s@\"'“”‘’<>]+\.\w+",
    re.IGNORECASE,
)
#: After these (or at the start) a quote opens.
_OPENS_AFTER = frozenset(" \t\n([{<*/–—-“‘\u00a0")
_DECADE = re.compile(r"'(?=\d\d(?:s\b|\b))")
_DASHES = re.compile(r"(?<!-)---?(?!-)|(?<=\s)-(?=\s)")


def smarten(text: str) -> str:
    """``text`` with straight quotes and typed dashes made typographic; addresses kept."""
    if not any(mark in text for mark in ("'", '"', "--", " -")):
        return text
    kept: set[int] = set()
    for match in _ADDRESS.finditer(text):
        kept.update(range(match.start(), match.end()))
    decades = {m.start() for m in _DECADE.finditer(text)}
    dashes = {m.start(): m.group(0) for m in _DASHES.finditer(text)}
    out: list[str] = []
    n = 0
    while n < len(text):
        char = text[n]
        if n in kept:
            out.append(char)
        elif n in dashes:
            out.append("—" if dashes[n].startswith("--") else "–")
            n += len(dashes[n])
            continue
        elif char == "'" and n in decades:
            out.append("’")  # '90s: an apostrophe, not an opening quote
        elif char in "\"'":
            before = out[-1] if out else ""
            after = text[n + 1] if n + 1 < len(text) else ""
            opens = (not before or before in _OPENS_AFTER) and after.strip() != ""
            if char == '"':
                out.append("“" if opens else "”")
            else:
                out.append("‘" if opens else "’")
        else:
            out.append(char)
        n += 1
    return "".join(out)


def typeset(kit: Kit) -> Kit:
    """The kit as it should print: a copy with smart quotes if the brand asks for them."""
    if not kit.brand.typography.smart_quotes:
        return kit
    changes: dict[tuple[str | int, ...], str] = {}
    for where, text, _heading in printed_text(kit):
        if where[-1] in _VERBATIM or not text:
            continue
        path = where[1:] if where[0] == "kit" else where
        if path not in changes and get_at(kit, path) == text:
            smart = smarten(text)
            if smart != text:
                changes[path] = smart
    if not changes:  # nothing to change (quotes typed curly, or none): no copy to make
        return kit
    # Only what leads to a changed field is copied (the kit, its list, the item): a copy of
    # the whole kit took a 1,000-quote export 40 ms for the two texts with a straight quote.
    printed = copy.copy(kit)
    copied = {id(printed)}
    for path, smart in changes.items():
        parent: Any = printed
        for step in path[:-1]:
            child = parent[step] if isinstance(step, int) else getattr(parent, step)
            if id(child) not in copied:
                child = list(child) if isinstance(child, list) else copy.copy(child)
                copied.add(id(child))
                _set_step(parent, step, child)
            parent = child
        _set_step(parent, path[-1], smart)
    return printed


def _set_step(parent: Any, step: str | int, value: Any) -> None:
    if isinstance(step, int):
        parent[step] = value
    else:
        setattr(parent, step, value)
