"""Saving a project: a ``Kit`` → plain mappings in the documented key order → YAML text.

The output is meant to be read, diffed and edited by hand: block style, keys in the order of
``schema`` (the order of docs/file-format.md), empty and default optional values left out,
``bio``/``text``/``boilerplate`` as literal blocks, short lists of ids and topics as one-line
flow lists, asset paths relative to the project file with ``/``. It is also exactly
reproducible: opening a saved file and saving it again gives the same bytes.

Strings are never folded (the line width is unlimited): a wrapped title would change shape
whenever a word is edited, making diffs noisy, and every long text already sits in a literal
block, which never folds. Where a literal block cannot hold a string exactly (trailing spaces,
control characters, ``\\r``), PyYAML falls back to a double-quoted string with escapes; strings
with the characters YAML reads as line breaks besides ``\\n`` (U+0085, U+2028, U+2029) are
always double-quoted, because a literal block would turn them into ``\\n``. ``dumper`` turns
the data into that text (with libyaml, byte for byte as PyYAML's Python emitter writes it).
"""

from __future__ import annotations

import datetime as dt
import os
from enum import StrEnum
from pathlib import Path, PurePath
from typing import Any

from presskit.model.kit import Kit
from presskit.storage.atomic import atomic_write
from presskit.storage.dumper import DateTimeText, FlowList, FlowMap, LiteralText, dumps_data
from presskit.storage.fields import is_font_file
from presskit.storage.schema import (
    BRAND,
    FORMAT_VERSION,
    ITEM_LISTS,
    KIT,
    SECTIONS,
    TOP_KEYS,
    Kind,
    Record,
)


def dumps_kit(kit: Kit, path: Path) -> str:
    """The project file text for ``kit`` saved at ``path`` (paths are written relative to it)."""
    writer = _DocumentWriter(os.path.dirname(os.path.abspath(path)))
    return dumps_data(writer.document(kit))


def save_kit(kit: Kit, path: Path) -> None:
    """Write ``kit`` to ``path`` safely: the old file stays intact if anything goes wrong."""
    atomic_write(Path(path), dumps_kit(kit, path))


def record_data(
    obj: Any, record: Record, folder: Path, extra: dict[Any, Any] | None = None
) -> dict[str, Any]:
    """``obj`` as the mapping a project file holds for ``record`` (keys in order, defaults
    left out, paths relative to ``folder``, then ``extra``): for files other than a kit, such
    as the roster, that keep experts, quotes and brands the way a kit does."""
    return _DocumentWriter(os.path.abspath(folder)).record(obj, record, extra or {})


def relative_path(path: Path, base: str) -> str:
    """``path`` relative to the folder ``base``, with ``/``; as is if it cannot be relative."""
    if not path.is_absolute():
        return path.as_posix()
    try:
        return PurePath(os.path.relpath(path, base)).as_posix()
    except ValueError:  # another drive on Windows
        return path.as_posix()


class _DocumentWriter:
    """Builds the plain data of one document, in key order, leaving defaults out."""

    def __init__(self, base: str) -> None:
        self.base = base

    def document(self, kit: Kit) -> dict[str, Any]:
        kit_extra = kit.extra.get("kit")
        out: dict[str, Any] = {
            "presskit": FORMAT_VERSION,
            "kit": self.record(kit, KIT, kit_extra if isinstance(kit_extra, dict) else {}),
        }
        brand = self.record(kit.brand, BRAND, kit.brand.extra)
        if brand:
            out["brand"] = brand
        for key, record in ITEM_LISTS.items():
            items = [self.record(item, record, item.extra) for item in getattr(kit, key)]
            if items:
                out[key] = items
        sections = [
            {"type": s.TYPE.value, **self.record(s, SECTIONS[s.TYPE], s.extra)}
            for s in kit.sections
        ]
        if sections:
            out["sections"] = sections
        self.add_extra(out, kit.extra, TOP_KEYS)
        return out

    def record(self, obj: Any, record: Record, extra: dict[Any, Any]) -> dict[str, Any]:
        """``obj``'s fields in ``record`` order, defaults left out, then its unknown keys."""
        out: dict[str, Any] = FlowMap() if record.flow else {}
        defaults = record.defaults
        for field in record.fields:
            value = getattr(obj, field.key)
            if field.kind is Kind.RECORD:
                assert field.record is not None
                sub_extra = extra.get(field.key)
                if value is not None:
                    nested = self.record(
                        value, field.record, sub_extra if isinstance(sub_extra, dict) else {}
                    )
                    if nested:
                        out[field.key] = nested
                continue
            if field.required or field.always or value != defaults[field.key]:
                out[field.key] = self.value(field.kind, value)
        self.add_extra(out, extra, record.keys)
        return out

    @staticmethod
    def add_extra(out: dict[str, Any], extra: dict[Any, Any], known: tuple[str, ...]) -> None:
        """Unknown keys go last; one named like a known key can only be nested extras."""
        for key, value in extra.items():
            if key not in known and key not in out:
                out[key] = value

    def value(self, kind: Kind, value: Any) -> Any:
        match kind:
            case Kind.TEXT:
                return str(value)
            case Kind.LONG_TEXT:
                return LiteralText(value)
            case Kind.TEXT_LIST:
                return FlowList(str(item) for item in value)
            case Kind.PATH:
                return None if value is None else relative_path(Path(value), self.base)
            case Kind.FONT:
                if not isinstance(value, PurePath):
                    return str(value)
                text = relative_path(Path(value), self.base)
                # A font file must not read back as a family name.
                return text if is_font_file(text) else f"./{text}"
            case Kind.BOOL:
                return bool(value)
            case Kind.NUMBER:
                number = float(value)
                return int(number) if number.is_integer() and abs(number) < 2**53 else number
            case Kind.DATE:
                return value if value is None else dt.date(value.year, value.month, value.day)
            case Kind.DATE_TIME:
                return DateTimeText(_date_time_text(value))
            case Kind.DAY_OR_TIME:
                if isinstance(value, dt.datetime):
                    return DateTimeText(_date_time_text(value))
                return value if value is None else dt.date(value.year, value.month, value.day)
            case Kind.COUNT:
                return int(value)
            case Kind.CHOICE:
                return value.value if isinstance(value, StrEnum) else str(value)
        raise AssertionError(kind)


def _date_time_text(value: dt.datetime) -> str:
    """``2019-09-20 09:00``; seconds (and their fraction) only when there are any."""
    text = value.strftime("%H:%M")
    if value.second or value.microsecond:
        text += f":{value.second:02d}"
    if value.microsecond:
        text += f".{value.microsecond:06d}".rstrip("0")
    return f"{value.year:04d}-{value.month:02d}-{value.day:02d} {text}"
