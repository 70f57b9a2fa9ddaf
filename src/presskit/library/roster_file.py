"""The roster on disk: one YAML file, read with ``file:line:col`` messages, written atomically.

The file is meant to be read and edited by hand and shared (a team folder, version control),
so it is written like a project file: block style, keys in the documented order, long text as
literal blocks, paths relative to the file, and saving an unchanged roster gives the same
bytes. Experts use exactly the keys of a kit's ``experts:`` items; each may hold its
``quotes:`` (a kit's quote keys, without ``expert``); ``brands:`` are a kit's ``brand:``
mappings with a ``name``::

    presskit-roster: 1
    experts:
    - id: duyeon-kim
      name: Duyeon Kim
      title: Adjunct Senior Fellow for Asia-Pacific Security
      topics: [North Korea]
      quotes:
      - id: kim-summit-framing
        text: |-
          My concern is …
        approval: {state: approved, …}
    brands:
    - name: CNAS
      organisation: Center for a New American Security

Versions (``presskit-roster:``): 1, the first. A file from a newer presskit is refused.
A missing file is an empty roster; a file with errors is refused (and never overwritten).

A team shares one roster, so every change (``modify_roster``, used by the app and the command
line alike) re-reads the file and writes it inside the roster's lock ``.NAME.lock`` beside it:
a lock file created exclusively (``storage.locks.file_lock``), which works on network folders
where ``flock`` does not. A change waits up to ``LOCK_WAIT_S`` for a colleague's change, then
fails naming who holds the lock. A change holds it well under a second, so a lock from another
host older than ``LOCK_STALE_ELSEWHERE_S`` was left by a crash and is taken over (one from this
host as soon as its process is gone).
"""

from __future__ import annotations

import contextlib
import os
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from presskit.library.roster import BrandPreset, Roster, clean_preset_name
from presskit.model.ids import is_valid_id
from presskit.model.kit import Brand, Expert, Quote
from presskit.model.problems import PresskitError, Problem, Where
from presskit.storage.atomic import atomic_write
from presskit.storage.composer import INT_TAG, STR_TAG, compose, is_refused
from presskit.storage.dumper import dumps_data
from presskit.storage.errors import ProjectFileError, describe_os_error, position_of
from presskit.storage.fields import FieldError, describe, is_null, read_text
from presskit.storage.locks import file_lock
from presskit.storage.locks.owner import Owner
from presskit.storage.reader import (
    RecordReader,
    UnreadableFile,
    label,
    read_yaml_file,
    without_key,
)
from presskit.storage.schema import BRAND, EXPERT, QUOTE, Record
from presskit.storage.source_map import SourceMap
from presskit.storage.writer import record_data

ROSTER_VERSION = 1
VERSION_KEY = "presskit-roster"
TOP_KEYS = (VERSION_KEY, "experts", "brands")

#: How long a change to the roster waits for a colleague's change (seconds).
LOCK_WAIT_S = 5.0
#: A roster lock from another host older than this (seconds) was left by a crash.
LOCK_STALE_ELSEWHERE_S = 120.0

T = TypeVar("T")

#: A banked quote: a kit's quote without ``expert`` (it sits under its expert).
BANK_QUOTE = Record(Quote, tuple(f for f in QUOTE.fields if f.key != "expert"))


class RosterFileError(ProjectFileError):
    """A roster file that cannot be used; ``str()`` lists ``file:line:col: error: …`` lines."""


@dataclass
class LoadedRoster:
    roster: Roster
    #: Warnings (unknown keys, an e-mail address given to two experts…), in file order.
    problems: list[Problem]
    path: Path


def load_roster(path: Path) -> LoadedRoster:
    """Read the roster at ``path``; an absent file is an empty roster.

    Raises ``RosterFileError`` if the file cannot be read or has any error.
    """
    path = Path(path)
    try:
        text = read_yaml_file(path)
    except FileNotFoundError:
        return LoadedRoster(Roster(), [], path)
    except UnreadableFile as exc:
        raise RosterFileError([exc.problem], path, None) from None
    return loads_roster(text, path)


def loads_roster(text: str, path: Path) -> LoadedRoster:
    """Read a roster from ``text``; ``path`` names it in messages and anchors relative paths."""
    path = Path(path)
    composed = compose(text)
    source_map = SourceMap.from_node(composed.root)
    reader = _RosterReader(Path(os.path.dirname(os.path.abspath(path))))
    problems = list(composed.problems)
    roster: Roster | None = None
    if composed.root is not None or not problems:
        roster = reader.read(composed.root)
    problems += reader.problems
    problems.sort(key=lambda p: (not p.is_error, position_of(p, source_map) or (0, 0)))
    if roster is None or any(p.is_error for p in problems):
        raise RosterFileError(problems, path, source_map)
    return LoadedRoster(roster, problems, path)


def dumps_roster(roster: Roster, path: Path) -> str:
    """The roster file text for ``roster`` saved at ``path``."""
    folder = Path(os.path.dirname(os.path.abspath(path)))
    expert_ids = {e.id for e in roster.experts}
    orphans = [q.id for q in roster.quotes if q.expert not in expert_ids]
    if orphans:
        raise PresskitError(f"the roster's quote {orphans[0]!r} belongs to no expert in it")
    banked: dict[str, list[Quote]] = defaultdict(list)
    for quote in roster.quotes:
        banked[quote.expert].append(quote)
    document: dict[str, Any] = {VERSION_KEY: ROSTER_VERSION}
    experts = [_expert_data(e, banked[e.id], folder) for e in roster.experts]
    if experts:
        document["experts"] = experts
    brands = [
        {"name": b.name, **record_data(b.brand, BRAND, folder, b.brand.extra)}
        for b in roster.brands
    ]
    if brands:
        document["brands"] = brands
    for key, value in roster.extra.items():
        document.setdefault(key, value)
    return dumps_data(document)


def save_roster(roster: Roster, path: Path) -> None:
    """Write ``roster`` to ``path`` atomically, creating its folder if needed."""
    path = Path(path)
    text = dumps_roster(roster, path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise PresskitError(
            f"cannot create the roster folder {path.parent}: {describe_os_error(exc)}"
        ) from None
    atomic_write(path, text)


def roster_lock_path(path: Path) -> Path:
    """The lock beside the roster ``path``: ``.roster.yaml.lock`` for ``roster.yaml``."""
    return Path(path).with_name(f".{Path(path).name}.lock")


def _busy(owner: Owner) -> str:
    who = (f"{owner.user}@{owner.host} (process {owner.pid})" if owner.pid > 0
           else "an unknown process")
    return f"the roster is being changed by {who}; try again"


@contextlib.contextmanager
def roster_locked(path: Path, wait_s: float | None = None) -> Iterator[None]:
    """Hold the roster's lock for the ``with`` block, waiting up to ``wait_s`` (default
    ``LOCK_WAIT_S``) for a colleague's; raises ``PresskitError`` saying who holds it, or
    why no lock can be made there."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise PresskitError(
            f"cannot create the roster folder {path.parent}: {describe_os_error(exc)}"
        ) from None
    with file_lock.held(roster_lock_path(path), wait_s=LOCK_WAIT_S if wait_s is None else wait_s,
                        stale_elsewhere_s=LOCK_STALE_ELSEWHERE_S, busy=_busy):
        yield


def modify_roster(
    path: Path, change: Callable[[LoadedRoster], tuple[Roster | None, T]],
    *, wait_s: float | None = None,
) -> T:
    """Change the roster at ``path`` as it is on disk now, inside its lock, so no colleague's
    change made at the same time is lost.

    ``change`` gets the freshly read roster and returns ``(new_roster, outcome)``; the new
    roster (unless ``None``: nothing to write) is saved and the outcome returned. Raises
    ``RosterFileError`` when the file does not load (it is then left alone) and
    ``PresskitError`` when it is locked too long or cannot be written.
    """
    with roster_locked(path, wait_s):
        loaded = load_roster(path)
        updated, outcome = change(loaded)
        if updated is not None:
            save_roster(updated, path)
    return outcome


def _expert_data(expert: Expert, quotes: list[Quote], folder: Path) -> dict[str, Any]:
    data = record_data(expert, EXPERT, folder)
    if quotes:
        data["quotes"] = [record_data(q, BANK_QUOTE, folder, q.extra) for q in quotes]
    for key, value in expert.extra.items():
        data.setdefault(key, value)
    return data


class _RosterReader(RecordReader):
    """One walk over one roster document, collecting every problem."""

    def read(self, root: Node | None) -> Roster | None:
        if root is None:  # an empty file: nothing in the roster yet
            return Roster()
        if not isinstance(root, MappingNode):
            self.error(f"expected a roster (key: value lines starting with "
                       f"'{VERSION_KEY}: {ROSTER_VERSION}'), got {describe(root)}", root, ())
            return None
        if not self._check_version(root):
            return None
        entries, extra = self.mapping(root, (), TOP_KEYS) or ({}, {})
        experts, quotes = self._experts(entries.get("experts"))
        brands = self._brands(entries.get("brands"))
        return Roster(experts=experts, quotes=quotes, brands=brands, extra=extra)

    def _check_version(self, root: MappingNode) -> bool:
        keys = {k.value: v for k, v in root.value if isinstance(k, ScalarNode)}
        node = keys.get(VERSION_KEY)
        if node is None:
            hint = ("this is a kit (.presskit project file), not a roster" if "presskit" in keys
                    else f"a roster file starts with '{VERSION_KEY}: {ROSTER_VERSION}'")
            self.error(f"missing required field {VERSION_KEY!r}: {hint}", root, (VERSION_KEY,))
            return False
        if is_refused(node):
            return True
        if not (isinstance(node, ScalarNode) and node.tag in (INT_TAG, STR_TAG)
                and node.value.isascii() and node.value.isdigit() and len(node.value) <= 9):
            self.error(f"{VERSION_KEY}: the roster format version must be a whole number like "
                       f"{ROSTER_VERSION}, got {describe(node)}", node, (VERSION_KEY,))
            return False
        version = int(node.value)
        if version > ROSTER_VERSION:
            self.error(f"this roster was written by a newer presskit (roster format version "
                       f"{version}); this presskit reads version {ROSTER_VERSION} — update "
                       "presskit", node, (VERSION_KEY,))
            return False
        if version < 1:
            self.error(f"{VERSION_KEY}: there is no roster format version {version}", node,
                       (VERSION_KEY,))
            return False
        return True

    def _items(self, node: Node | None, where: Where) -> list[tuple[int, MappingNode]]:
        if node is None or is_null(node):
            return []
        if not isinstance(node, SequenceNode):
            self.error(f"{label(where)}: expected a list of items (lines starting with '- '), "
                       f"got {describe(node)}", node, where)
            return []
        items = []
        for index, item in enumerate(node.value):
            if isinstance(item, MappingNode):
                items.append((index, item))
            elif not is_refused(item):
                self.error(f"{label((*where, index))}: expected an item (key: value lines), "
                           f"got {describe(item)}", item, (*where, index))
        return items

    def _experts(self, node: Node | None) -> tuple[list[Expert], list[Quote]]:
        experts: list[Expert] = []
        quotes: list[Quote] = []
        expert_at: dict[str, Node] = {}
        quote_at: dict[str, Node] = {}
        email_at: dict[str, str] = {}
        for index, item in self._items(node, ("experts",)):
            where: Where = ("experts", index)
            values, extra = self.record(without_key(item, "quotes"), where, EXPERT,
                                        label(where))
            expert = Expert(**values, extra=extra)
            self._check_id(expert.id, item, where, expert_at, "expert")
            experts.append(expert)
            address = expert.email.strip().casefold()
            if address and address in email_at:
                self.warning(f"{label(where)}: {expert.name!r} has the same e-mail address as "
                             f"{email_at[address]!r}; imports will update the first one",
                             _value_node(item, "email") or item, (*where, "email"))
            elif address:
                email_at[address] = expert.name
            quotes_node = _value_node(item, "quotes")
            for q_index, q_item in self._items(quotes_node, (*where, "quotes")):
                q_where: Where = (*where, "quotes", q_index)
                q_values, q_extra = self.record(q_item, q_where, BANK_QUOTE, label(q_where))
                self._check_id(q_values.get("id", ""), q_item, q_where, quote_at, "quote")
                quotes.append(Quote(**q_values, expert=expert.id, extra=q_extra))
        return experts, quotes

    def _brands(self, node: Node | None) -> list[BrandPreset]:
        presets: list[BrandPreset] = []
        name_at: dict[str, Node] = {}
        for index, item in self._items(node, ("brands",)):
            where: Where = ("brands", index)
            name_node = _value_node(item, "name")
            name = ""
            if name_node is None or is_null(name_node):
                self.error(f"{label(where)}: missing required field 'name' (what the preset "
                           "is called)", item if name_node is None else name_node,
                           (*where, "name"))
            else:
                try:
                    # Kept and shown without control or reordering characters.
                    name = clean_preset_name(read_text(name_node))
                except FieldError as exc:
                    self.error(f"{label(where)}.name: {exc.message}", name_node,
                               (*where, "name"))
            if name:
                first = name_at.get(name.casefold())
                if first is not None:
                    self.error(f"{label(where)}: duplicate brand preset name {name!r} (first "
                               f"at line {first.start_mark.line + 1})", name_node or item,
                               (*where, "name"))
                else:
                    name_at[name.casefold()] = name_node or item
            values, extra = self.record(without_key(item, "name"), where, BRAND, label(where))
            presets.append(BrandPreset(name, Brand(**values, extra=extra)))
        return presets

    def _check_id(
        self, value: str, item: MappingNode, where: Where, seen: dict[str, Node], what: str
    ) -> None:
        if not value:
            return  # missing: already reported by ``record``
        node = _value_node(item, "id") or item
        if not is_valid_id(value):
            self.error(f"{label(where)}.id: {value!r} is not a valid id: use letters, digits, "
                       "'-', '_' or '.'", node, (*where, "id"))
        elif value in seen:
            first = seen[value].start_mark.line + 1
            self.error(f"{label(where)}.id: duplicate {what} id {value!r} (first at line "
                       f"{first})", node, (*where, "id"))
        else:
            seen[value] = node


def _value_node(item: MappingNode, key: str) -> Node | None:
    return next((v for k, v in item.value if isinstance(k, ScalarNode) and k.value == key
                 and not is_refused(k)), None)
