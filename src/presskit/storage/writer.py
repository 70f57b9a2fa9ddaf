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
always double-quoted, because a literal block would turn them into ``\\n``.
"""

from __future__ import annotations

import datetime as dt
import os
from enum import StrEnum
from pathlib import Path, PurePath
from typing import Any

import yaml

from presskit.model.kit import Kit
from presskit.storage.atomic import atomic_write
from presskit.storage.composer import MAP_TAG, SEQ_TAG, STR_TAG, TIMESTAMP_TAG
from presskit.storage.fields import is_font_file
from presskit.storage.migrations import FORMAT_VERSION
from presskit.storage.schema import BRAND, ITEM_LISTS, KIT, SECTIONS, TOP_KEYS, Kind, Record

#: YAML 1.1 reads these as line breaks and a literal block would turn them into ``\n``.
_ODD_BREAKS = ("\r", "\x85", "\u2028", "\u2029")


class _Literal(str):
    """Text written as a literal block (``|``) when it is not empty."""


class _DateTime(str):
    """A date-time text written plain, without quotes, even with seconds in it."""


class _FlowList(list[Any]):
    """A list written on one line: ``[a, b]``."""


class _FlowMap(dict[Any, Any]):
    """A mapping written on one line: ``{top: 20, right: 20}``."""


class _Dumper(yaml.SafeDumper):
    """Safe dumper that never writes anchors or tags and styles text for people."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _represent_str(dumper: _Dumper, value: str) -> yaml.ScalarNode:
    style = None
    if any(ch in value for ch in _ODD_BREAKS):
        style = '"'
    elif "\n" in value:
        style = "|"
    return dumper.represent_scalar(STR_TAG, value, style=style)


def _represent_literal(dumper: _Dumper, value: _Literal) -> yaml.ScalarNode:
    if not value or any(ch in value for ch in _ODD_BREAKS):
        return _represent_str(dumper, str(value))
    return dumper.represent_scalar(STR_TAG, str(value), style="|")


def _represent_date_time(dumper: _Dumper, value: _DateTime) -> yaml.ScalarNode:
    # With seconds the text matches YAML's timestamp pattern; tagging it so keeps it plain.
    tag = dumper.resolve(yaml.ScalarNode, str(value), (True, False))  # type: ignore[no-untyped-call]
    return dumper.represent_scalar(TIMESTAMP_TAG if tag == TIMESTAMP_TAG else STR_TAG, str(value))


def _represent_flow_list(dumper: _Dumper, value: _FlowList) -> yaml.SequenceNode:
    return dumper.represent_sequence(SEQ_TAG, value, flow_style=True)


def _represent_flow_map(dumper: _Dumper, value: _FlowMap) -> yaml.MappingNode:
    return dumper.represent_mapping(MAP_TAG, value, flow_style=True)


_Dumper.add_representer(str, _represent_str)
_Dumper.add_representer(_Literal, _represent_literal)
_Dumper.add_representer(_DateTime, _represent_date_time)
_Dumper.add_representer(_FlowList, _represent_flow_list)
_Dumper.add_representer(_FlowMap, _represent_flow_map)


def dumps_kit(kit: Kit, path: Path) -> str:
    """The project file text for ``kit`` saved at ``path`` (paths are written relative to it)."""
    writer = _DocumentWriter(os.path.dirname(os.path.abspath(path)))
    return dumps_data(writer.document(kit))


def dumps_data(data: dict[str, Any]) -> str:
    """YAML text in the project file's style for ``data`` built by ``record_data``."""
    return yaml.dump(
        data,
        Dumper=_Dumper,
        default_flow_style=False,
        sort_keys=False,
        allow_unicode=True,
        width=2**31 - 1,
        indent=2,
    )


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
        out: dict[str, Any] = _FlowMap() if record.flow else {}
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
            default = record.default(field.key)
            if field.required or field.always or value != default:
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
                return _Literal(value)
            case Kind.TEXT_LIST:
                return _FlowList(str(item) for item in value)
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
                return _DateTime(_date_time_text(value))
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
