"""Opening a project file: YAML text → composed nodes → a ``Kit``, with every problem located.

The text is composed (never constructed) with the safe loader, then walked against the tables
in ``schema`` so that each value is checked with its position at hand. Reading goes on after
a problem to report as many as possible in one go; only a syntax error, a top level that is not
a mapping and a file from a newer presskit stop it early. The kit is then handed to the model's
``validate`` (dangling references, duplicate ids, empty fields…), whose problems are mapped
back to file positions through the ``SourceMap``. Any error refuses the file with a
``ProjectFileError``; warnings (unknown keys, things worth a look) come back with the kit.
"""

from __future__ import annotations

import contextlib
import errno
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from presskit import long_lived
from presskit.model import limits
from presskit.model.ids import unique_id
from presskit.model.kit import Brand, Kit
from presskit.model.problems import Problem, Severity, Where
from presskit.model.sections import SECTION_CLASSES, Section, SectionType
from presskit.model.validation import validate
from presskit.storage.composer import INT_TAG, STR_TAG, compose, is_refused
from presskit.storage.errors import LocatedProblem, ProjectFileError, describe_os_error, position_of
from presskit.storage.fields import (
    FieldError,
    describe,
    is_null,
    plain_value,
    read_bool,
    read_choice,
    read_count,
    read_date,
    read_date_time,
    read_day_or_time,
    read_font,
    read_number,
    read_path,
    read_text,
    read_text_list,
)
from presskit.storage.inputs import InputError, read_input
from presskit.storage.schema import (
    BRAND,
    FIRST_VERSION,
    FORMAT_VERSION,
    ITEM_LISTS,
    KIT,
    SECTIONS,
    TOP_KEYS,
    Kind,
    Record,
    migrate,
)
from presskit.storage.source_map import SourceMap

#: Extensions a project file may have; presskit saves ``.presskit``.
PROJECT_SUFFIXES = (".presskit", ".yaml", ".yml")

_SECTION_TYPES = ", ".join(t.value for t in SectionType)


@dataclass
class LoadedKit:
    """A kit read from ``path``, the warnings found in it, and where everything is in the file."""

    kit: Kit
    problems: list[Problem]
    source_map: SourceMap
    path: Path


#: The largest YAML file presskit reads (see ``model.limits``).
MAX_YAML_BYTES = limits.MAX_YAML_BYTES


def read_yaml_file(path: Path) -> str:
    """The UTF-8 text of the YAML file at ``path`` (a byte-order mark is dropped).

    Raises ``UnreadableFile`` with one problem when the file cannot be read, is not a regular
    file (a pipe would block for ever, a device never end), is larger than ``MAX_YAML_BYTES``
    or is not UTF-8; ``FileNotFoundError`` passes through for callers to whom a missing file
    means something (an empty roster).
    """
    try:
        data = read_input(path, MAX_YAML_BYTES, what="presskit file")
    except InputError as exc:
        if exc.missing:
            raise FileNotFoundError(errno.ENOENT, "No such file or directory", str(path)) from None
        message = f"the file {exc.predicate}"
        if exc.predicate.startswith("is larger than"):
            message += " (is it really a kit?)"
        elif exc.predicate.startswith("is a folder"):
            message = "cannot read the file: is a directory"
        elif exc.predicate.startswith("cannot be read ("):
            message = f"cannot read the file: {exc.predicate[len('cannot be read ('):-1]}"
        raise UnreadableFile(Problem(Severity.ERROR, message)) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1:].decode("utf-8", "replace")) + 1
        message = (
            f"the file is not UTF-8 text (byte 0x{data[exc.start]:02x}); "
            "save it with UTF-8 encoding"
        )
        raise UnreadableFile(
            LocatedProblem(Severity.ERROR, message, line=line, column=column)
        ) from None


class UnreadableFile(Exception):
    """A file that could not be turned into text; ``problem`` says why and where."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


def load_kit(path: Path) -> LoadedKit:
    """Read the project file at ``path``; raises ``ProjectFileError`` if it has any error."""
    path = Path(path)
    try:
        text = read_yaml_file(path)
    except FileNotFoundError as exc:
        problem = Problem(Severity.ERROR, f"cannot read the file: {describe_os_error(exc)}")
        raise ProjectFileError([problem], path, None) from None
    except UnreadableFile as exc:
        raise ProjectFileError([exc.problem], path, None) from None
    return loads_kit(text, path)


def loads_kit(text: str, path: Path) -> LoadedKit:
    """Read a project from ``text``; ``path`` names it in messages and anchors relative paths."""
    # Composing and reading make trees of objects without cycles: the collector would only
    # walk them (a tenth of the time for 1,000 experts) and find nothing to free. It is back
    # once the YAML nodes are gone (with ``_read``'s frame), so its next pass walks the kit
    # alone: with the nodes still alive that pass held the interpreter lock for 160 ms at
    # 5,000 quotes, and the window froze while a worker opened the kit.
    with long_lived.reading():
        return _read(text, Path(path))


def _read(text: str, path: Path) -> LoadedKit:
    composed = compose(text)
    source_map = SourceMap.from_node(composed.root)
    problems = list(composed.problems)
    reader = _DocumentReader(Path(os.path.dirname(os.path.abspath(path))))
    syntax_error = composed.root is None and problems
    kit = None if syntax_error else reader.read(composed.root)
    problems += reader.problems
    if kit is not None:
        reported = [p.where for p in problems if p.is_error and p.where] + reader.refused
        problems += _unless_reported(reader.translate(validate(kit)), reported)
    problems.sort(key=lambda p: (not p.is_error, position_of(p, source_map) or (0, 0)))
    if kit is None or any(p.is_error for p in problems):
        raise ProjectFileError(problems, path, source_map)
    return LoadedKit(kit, problems, source_map, path)


def _unless_reported(found: list[Problem], reported: list[Where]) -> list[Problem]:
    """Drop validation problems at or under a place where reading already found an error."""
    return [p for p in found if not any(p.where[: len(w)] == w for w in reported)]


def label(where: Where) -> str:
    """``("experts", 2, "topics")`` → ``experts[2].topics``."""
    text = ""
    for part in where:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "the top level"


class _DocumentReader:
    """One walk over one document; collects problems instead of stopping at the first."""

    def __init__(self, base: Path) -> None:
        self.base = base
        self.problems: list[Problem] = []
        #: For each top-level list, the document index of each item that became a kit item.
        self.doc_index: dict[str, list[int]] = {}
        #: Paths of values the composer refused (and reported without knowing the path).
        self.refused: list[Where] = []

    # Problems ------------------------------------------------------------------------------

    def _report(self, severity: Severity, message: str, node: Node, where: Where) -> None:
        mark = node.start_mark
        self.problems.append(
            LocatedProblem(severity, message, where, line=mark.line + 1, column=mark.column + 1)
        )

    def _error(self, message: str, node: Node, where: Where) -> None:
        self._report(Severity.ERROR, message, node, where)

    def translate(self, problems: list[Problem]) -> list[Problem]:
        """Rewrite kit list indexes in ``where`` paths into document indexes."""
        translated = []
        for problem in problems:
            where = problem.where
            indexes = self.doc_index.get(str(where[0])) if where else None
            if indexes is not None and len(where) > 1 and isinstance(where[1], int):
                where = (where[0], indexes[where[1]], *where[2:])
                problem = Problem(problem.severity, problem.message, where)
            translated.append(problem)
        return translated

    # The document --------------------------------------------------------------------------

    def read(self, root: Node | None) -> Kit | None:
        if root is None:
            self.problems.append(Problem(
                Severity.ERROR, "the file is empty; a presskit file starts with 'presskit: 1'"
            ))
            return None
        if not isinstance(root, MappingNode):
            self._error(
                f"expected a presskit document (key: value lines starting with 'presskit: 1'), "
                f"got {describe(root)}", root, (),
            )
            return None
        if not self._check_version(root):
            return None
        entries, top_extra = self._mapping(root, (), TOP_KEYS) or ({}, {})
        kit_node = entries.get("kit")
        if kit_node is None:
            self._error("missing required field 'kit' (title, date…)", root, ("kit",))
            kit_fields: dict[str, Any] = {"title": ""}
        else:
            kit_fields, kit_extra = self._record(kit_node, ("kit",), KIT, "kit")
            if kit_extra:
                top_extra["kit"] = kit_extra
        brand = Brand()
        if "brand" in entries:
            brand_fields, brand_extra = self._record(entries["brand"], ("brand",), BRAND, "brand")
            brand = Brand(**brand_fields, extra=brand_extra)
        lists: dict[str, Any] = {key: self._items(entries.get(key), key) for key in ITEM_LISTS}
        sections = self._sections(entries.get("sections"))
        return Kit(**kit_fields, brand=brand, **lists, sections=sections, extra=top_extra)

    def _check_version(self, root: MappingNode) -> bool:
        """Check ``presskit:`` and migrate an older document; False if it cannot be read."""
        node = next((v for k, v in root.value if k.value == "presskit" and not is_refused(k)),
                    None)
        if node is None:
            self._error("missing required field 'presskit' (the format version): "
                        f"add 'presskit: {FORMAT_VERSION}' as the first line", root, ("presskit",))
            return True
        if is_refused(node):
            return True
        # ASCII digits only, and few: ``int`` also takes '²' and refuses 5,000 digits.
        if not (isinstance(node, ScalarNode) and node.tag in (INT_TAG, STR_TAG)
                and node.value.isascii() and node.value.isdigit() and len(node.value) <= 9):
            self._error(f"presskit: the format version must be a whole number like "
                        f"{FORMAT_VERSION}, got {describe(node)}", node, ("presskit",))
            return True
        version = int(node.value)
        if version > FORMAT_VERSION:
            self._error(
                f"this file was written by a newer presskit (format version {version}); this "
                f"presskit reads format version {FORMAT_VERSION} — update presskit",
                node, ("presskit",),
            )
            return False
        if version < FIRST_VERSION:
            self._error(f"presskit: there is no format version {version} (the first is "
                        f"{FIRST_VERSION})", node, ("presskit",))
            return False
        migrate(root, version)
        return True

    # Mappings and records ------------------------------------------------------------------

    def _mapping(
        self, node: Node, where: Where, known: tuple[str, ...]
    ) -> tuple[dict[str, Node], dict[Any, Any]] | None:
        """Known entries by key, and the unknown ones as plain data (reported as warnings).

        An empty value is an empty mapping; anything else that is not a mapping is an error
        and gives ``None``.
        """
        entries: dict[str, Node] = {}
        extra: dict[Any, Any] = {}
        if is_null(node):
            return entries, extra
        if not isinstance(node, MappingNode):
            self._error(f"{label(where)}: expected a mapping (key: value lines), "
                        f"got {describe(node)}", node, where)
            return None
        for key, value in node.value:
            if is_refused(key):
                continue
            if key.value in known:
                entries[key.value] = value
                continue
            place = "at the top level" if not where else f"in {label(where)}"
            self._report(Severity.WARNING, f"unknown key {key.value!r} {place} (kept as is)",
                         key, (*where, key.value))
            extra[plain_value(key)] = plain_value(value)
        return entries, extra

    def _record(
        self, node: Node, where: Where, record: Record, name: str
    ) -> tuple[dict[str, Any], dict[Any, Any]]:
        """Model keyword arguments for ``record`` and its unknown keys.

        A required text field that is missing or unreadable becomes ``''`` (so the item keeps
        its place and validation can still look at the rest); ``name`` names the item in
        messages.
        """
        mapping = self._mapping(node, where, record.keys)
        reported = mapping is None or is_refused(node)
        if is_refused(node):
            self.refused.append(where)
        entries, extra = mapping or ({}, {})
        values: dict[str, Any] = {}
        for field in record.fields:
            value_node = entries.get(field.key)
            here = (*where, field.key)
            if field.required and field.kind in (Kind.TEXT, Kind.LONG_TEXT):
                values[field.key] = ""
            if value_node is None or is_null(value_node):
                if value_node is not None and is_refused(value_node):
                    self.refused.append(here)
                elif field.required and not reported:
                    self._error(f"{name}: missing required field {field.key!r}",
                                node if value_node is None else value_node, here)
                continue
            if field.kind is Kind.RECORD:
                assert field.record is not None
                sub_values, sub_extra = self._record(value_node, here, field.record, label(here))
                if sub_extra:
                    extra[field.key] = sub_extra
                # A TypeError means a required field is missing: reported, the default stays.
                with contextlib.suppress(TypeError):
                    values[field.key] = field.record.cls(**sub_values)
                continue
            try:
                value = self._value(field.kind, value_node, field.choices)
            except FieldError as exc:
                self._error(f"{label((*here, *exc.sub))}: {exc.message}", exc.node,
                            (*here, *exc.sub))
                continue
            if value is not None:
                values[field.key] = value
        return values, extra

    def _value(self, kind: Kind, node: Node, choices: Any) -> Any:
        match kind:
            case Kind.TEXT | Kind.LONG_TEXT:
                return read_text(node)
            case Kind.TEXT_LIST:
                return read_text_list(node)
            case Kind.PATH:
                return read_path(node, self.base)
            case Kind.FONT:
                return read_font(node, self.base)
            case Kind.BOOL:
                return read_bool(node)
            case Kind.NUMBER:
                return read_number(node, " of millimetres")
            case Kind.DATE:
                return read_date(node)
            case Kind.DATE_TIME:
                return read_date_time(node)
            case Kind.DAY_OR_TIME:
                return read_day_or_time(node)
            case Kind.COUNT:
                return read_count(node, " of words")
            case Kind.CHOICE:
                return read_choice(node, choices)
        raise AssertionError(kind)

    # Lists of items ------------------------------------------------------------------------

    def _list(self, node: Node | None, key: str) -> list[tuple[int, MappingNode]]:
        """The mapping items of the top-level list ``key``; anything else is an error."""
        if node is None or is_null(node):
            return []
        if not isinstance(node, SequenceNode):
            self._error(f"{key}: expected a list of items (lines starting with '- '), "
                        f"got {describe(node)}", node, (key,))
            return []
        items = []
        for index, item in enumerate(node.value):
            if isinstance(item, MappingNode):
                items.append((index, item))
            elif not is_refused(item):
                self._error(f"{key}[{index}]: expected an item (key: value lines), "
                            f"got {describe(item)}", item, (key, index))
        return items

    def _items(self, node: Node | None, key: str) -> list[Any]:
        record = ITEM_LISTS[key]
        items = []
        self.doc_index[key] = []
        for index, item in self._list(node, key):
            values, extra = self._record(item, (key, index), record, _item_name(key, index, item))
            items.append(record.cls(**values, extra=extra))
            self.doc_index[key].append(index)
        return items

    def _sections(self, node: Node | None) -> list[Section]:
        read: list[tuple[int, SectionType, dict[str, Any], dict[Any, Any]]] = []
        for index, item in self._list(node, "sections"):
            where: Where = ("sections", index)
            kind = self._section_type(item, where)
            if kind is None:
                continue
            values, extra = self._record(
                _without_key(item, "type"), where, SECTIONS[kind],
                _item_name("sections", index, item),
            )
            read.append((index, kind, values, extra))
        taken = {values["id"] for _, _, values, _ in read if values.get("id")}
        sections = []
        self.doc_index["sections"] = []
        for index, kind, values, extra in read:
            if not values.get("id"):
                values["id"] = unique_id(kind.value, taken)
                taken.add(values["id"])
            sections.append(SECTION_CLASSES[kind](**values, extra=extra))
            self.doc_index["sections"].append(index)
        return sections

    def _section_type(self, item: MappingNode, where: Where) -> SectionType | None:
        node = next((v for k, v in item.value if k.value == "type" and not is_refused(k)), None)
        if node is not None and is_refused(node):
            return None
        if node is None or is_null(node):
            self._error(f"{label(where)}: missing required field 'type' (one of "
                        f"{_SECTION_TYPES})", item if node is None else node, (*where, "type"))
            return None
        try:
            text = read_text(node)
        except FieldError as exc:
            self._error(f"{label(where)}.type: {exc.message}", node, (*where, "type"))
            return None
        try:
            return SectionType(text.strip().lower())
        except ValueError:
            self._error(f"{label(where)}.type: unknown section type {text!r}; the section "
                        f"types are {_SECTION_TYPES}", node, (*where, "type"))
            return None


def _without_key(node: MappingNode, key: str) -> MappingNode:
    """``node`` minus the entry ``key`` (read separately), keeping positions."""
    kept = [(k, v) for k, v in node.value if k.value != key]
    return MappingNode(node.tag, kept, node.start_mark, node.end_mark, flow_style=node.flow_style)


def _item_name(key: str, index: int, item: MappingNode) -> str:
    """``experts[2]``, with the item's id when it has one: ``experts[2] ('duyeon-kim')``."""
    node = next((v for k, v in item.value if k.value == "id" and not is_refused(k)), None)
    if isinstance(node, ScalarNode) and not is_null(node) and node.value:
        return f"{key}[{index}] ({node.value!r})"
    return f"{key}[{index}]"


class RecordReader:
    """Reads the mappings ``schema`` describes from a file other than a kit (the roster).

    The same walk, the same checks and the same ``file:line:col`` messages as a project file,
    for files that hold experts, quotes or brands outside a kit. ``base`` is the folder that
    relative paths in the file are read against. Problems collect in ``problems``.
    """

    def __init__(self, base: Path) -> None:
        self._reader = _DocumentReader(base)

    @property
    def problems(self) -> list[Problem]:
        return self._reader.problems

    def record(
        self, node: Node, where: Where, record: Record, name: str
    ) -> tuple[dict[str, Any], dict[Any, Any]]:
        """Model keyword arguments for ``record`` read from ``node``, and its unknown keys."""
        return self._reader._record(node, where, record, name)

    def mapping(
        self, node: Node, where: Where, known: tuple[str, ...]
    ) -> tuple[dict[str, Node], dict[Any, Any]] | None:
        """Known entries by key and unknown ones as plain data; ``None`` if not a mapping."""
        return self._reader._mapping(node, where, known)

    def error(self, message: str, node: Node, where: Where) -> None:
        self._reader._report(Severity.ERROR, message, node, where)

    def warning(self, message: str, node: Node, where: Where) -> None:
        self._reader._report(Severity.WARNING, message, node, where)


def without_key(node: MappingNode, key: str) -> MappingNode:
    """``node`` minus the entry ``key``, keeping positions (for keys read on their own)."""
    return _without_key(node, key)
