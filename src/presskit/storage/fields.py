"""One field's value from one YAML node: text, dates, booleans, numbers, choices, paths, lists.

Each reader takes a node the composer produced and returns a plain Python value or raises
``FieldError`` naming what was expected and what was found; the caller adds the field's path
and position. Text is taken as typed (``title: 2020`` is the text ``2020``, ``series: yes`` is
``yes``), never reinterpreted by YAML's type guessing. An empty value (``key:`` or ``~``) means
"not given" everywhere. Unknown keys keep their value as plain data through ``plain_value``.
"""

from __future__ import annotations

import datetime as dt
import math
import os
import re
from enum import StrEnum
from pathlib import Path
from typing import Any, TypeVar

from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from presskit.storage.composer import (
    BOOL_TAG,
    FLOAT_TAG,
    INT_TAG,
    NULL_TAG,
    REFUSED_TAG,
)

E = TypeVar("E", bound=StrEnum)

_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DATE_TIME = re.compile(
    r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[Tt]|[ \t]+)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?$"
)
#: A font value that is a file rather than a built-in family name (``House.ttc#1`` is the
#: second font of a TrueType collection).
_FONT_FILE = re.compile(r"\.(ttf|otf|ttc)(#\d{1,3})?$", re.IGNORECASE)

# Only the scalar constructors are used, on tags the resolver chose itself, so no state is
# kept between calls and nothing but ints, floats, bools, dates and strings can come out.
_CONSTRUCTOR = SafeConstructor()


class FieldError(Exception):
    """A value of the wrong kind; ``node`` is where it is, ``sub`` a path below the field."""

    def __init__(self, message: str, node: Node, sub: tuple[str | int, ...] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.node = node
        self.sub = sub


def is_null(node: Node) -> bool:
    """An empty value (``key:``, ``~``, ``null``) or one already reported as refused."""
    return node.tag in (NULL_TAG, REFUSED_TAG)


def describe(node: Node) -> str:
    """What was found, for messages: ``'next tuesday'``, ``a list``, ``a mapping``."""
    if isinstance(node, SequenceNode):
        return "a list"
    if isinstance(node, MappingNode):
        return "a mapping"
    if node.tag == NULL_TAG:
        return "nothing"
    return repr(node.value)


def read_text(node: Node) -> str:
    if isinstance(node, ScalarNode):
        return "" if is_null(node) else str(node.value)
    raise FieldError(f"expected text, got {describe(node)}", node)


def read_date(node: Node) -> dt.date | None:
    if is_null(node):
        return None
    match = _DATE.match(node.value) if isinstance(node, ScalarNode) else None
    expected = f"expected a date like 2019-09-20, got {describe(node)}"
    if match is None:
        raise FieldError(expected, node)
    try:
        return dt.date(*(int(part) for part in match.groups()))
    except ValueError:
        raise FieldError(f"{expected} (there is no such day)", node) from None


def read_date_time(node: Node) -> dt.datetime | None:
    """``YYYY-MM-DD HH:MM`` (or ``T`` between, optional seconds), as a naive wall-clock time."""
    if is_null(node):
        return None
    match = _DATE_TIME.match(node.value) if isinstance(node, ScalarNode) else None
    expected = f"expected a date and time like 2019-09-20 09:00, got {describe(node)}"
    if match is None:
        raise FieldError(expected, node)
    year, month, day, hour, minute, second, fraction = match.groups()
    try:
        return dt.datetime(
            int(year), int(month), int(day), int(hour), int(minute), int(second or 0),
            int((fraction or "0").ljust(6, "0")),
        )
    except ValueError:
        raise FieldError(f"{expected} (there is no such time)", node) from None


def read_day_or_time(node: Node) -> dt.date | dt.datetime | None:
    """A day (``2026-12-05``) or a day and a wall-clock time (``2026-12-05 17:00``)."""
    if is_null(node):
        return None
    if isinstance(node, ScalarNode) and _DATE.match(node.value):
        return read_date(node)
    try:
        return read_date_time(node)
    except FieldError as exc:
        raise FieldError(exc.message.replace(
            "expected a date and time like", "expected a date like 2019-09-20, or a date and "
            "time like"), node) from None


#: The largest whole number a count may hold: a request for a million words is a slip.
MAX_COUNT = 100_000


def read_count(node: Node, unit: str = "") -> int | None:
    """A whole number from 0 to ``MAX_COUNT`` (words wanted)."""
    if is_null(node):
        return None
    value = _construct_scalar(node) if node.tag == INT_TAG else None
    if isinstance(value, int) and 0 <= value <= MAX_COUNT:
        return value
    raise FieldError(f"expected a whole number{unit} from 0 to {MAX_COUNT}, "
                     f"got {describe(node)}", node)


def read_bool(node: Node) -> bool | None:
    if is_null(node):
        return None
    if isinstance(node, ScalarNode) and node.tag == BOOL_TAG:
        return bool(_CONSTRUCTOR.construct_yaml_bool(node))
    raise FieldError(f"expected true or false, got {describe(node)}", node)


def read_number(node: Node, unit: str = "") -> float | None:
    """A finite number, 0 or more (margins cannot be negative)."""
    if is_null(node):
        return None
    value = _construct_scalar(node) if node.tag in (INT_TAG, FLOAT_TAG) else None
    if isinstance(value, int | float) and math.isfinite(value) and value >= 0:
        return float(value)
    raise FieldError(f"expected a number{unit} (0 or more), got {describe(node)}", node)


def read_choice(node: Node, choices: type[E]) -> E | None:
    """One of an enum's values, in any letter case (``Letter`` is ``letter``)."""
    if is_null(node):
        return None
    text = read_text(node).strip().lower()
    for choice in choices:
        if choice.value == text:
            return choice
    allowed = ", ".join(c.value for c in choices)
    raise FieldError(f"expected one of {allowed}, got {describe(node)}", node)


def read_text_list(node: Node) -> list[str]:
    if is_null(node):
        return []
    if not isinstance(node, SequenceNode):
        raise FieldError(f"expected a list, got {describe(node)}", node)
    items: list[str] = []
    for index, item in enumerate(node.value):
        if not isinstance(item, ScalarNode):
            raise FieldError(f"expected text, got {describe(item)}", item, (index,))
        items.append(read_text(item))
    return items


def read_path(node: Node, base: Path) -> Path | None:
    """A file relative to the project folder ``base``, as a normalised absolute path."""
    text = read_text(node)
    if not text:
        return None
    return Path(os.path.normpath(os.path.join(base, text)))


def is_font_file(text: str) -> bool:
    """A font value naming a file: it ends in .ttf/.otf/.ttc (``#n``) or has a folder in it."""
    return "/" in text or _FONT_FILE.search(text) is not None


def read_font(node: Node, base: Path) -> str | Path | None:
    """A built-in family name (``str``) or a font file (``Path``)."""
    text = read_text(node)
    if not text:
        return None
    return read_path(node, base) if is_font_file(text) else text


def plain_value(node: Node) -> Any:
    """The value of an unknown key as plain data (dicts, lists, str, int, float, bool, dates).

    Keys that YAML would read as something other than text keep their YAML meaning
    (``1: x`` has the key ``1``), so writing the data back gives the same document.
    """
    if isinstance(node, SequenceNode):
        return [plain_value(item) for item in node.value]
    if isinstance(node, MappingNode):
        result: dict[Any, Any] = {}
        for key, value in node.value:
            if key.tag == REFUSED_TAG:
                continue
            name = plain_value(key)
            if name in result:  # ``1`` and ``true`` are the same dict key in Python
                name = key.value
            result.setdefault(name, plain_value(value))
        return result
    if node.tag == REFUSED_TAG:
        return None
    return _construct_scalar(node)


def _construct_scalar(node: Node) -> Any:
    construct = SafeConstructor.yaml_constructors.get(node.tag)
    if construct is None:
        return node.value
    try:
        return construct(_CONSTRUCTOR, node)
    except (ValueError, TypeError, AttributeError, OverflowError):
        # The resolver's patterns are looser than its constructors (``0b_`` "is" an int):
        # keep the text rather than lose it.
        return node.value
