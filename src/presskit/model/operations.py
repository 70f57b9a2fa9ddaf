"""The changes a user makes to a kit, as plain functions the GUI's undo commands call.

Each returns what its inverse needs (an index, a removed item), so an undo command can put the
kit back exactly as it was.
"""

from __future__ import annotations

import copy
from typing import TypeVar

from presskit.model.ids import unique_id
from presskit.model.kit import Kit
from presskit.model.sections import SECTION_CLASSES, Section, SectionType

T = TypeVar("T")


def move_item(items: list[T], source: int, destination: int) -> None:
    """Move ``items[source]`` so that it ends up at index ``destination``."""
    item = items.pop(source)
    items.insert(destination, item)


def new_section(kit: Kit, section_type: SectionType) -> Section:
    """A new empty section of ``section_type`` with an id not used in ``kit``."""
    taken = {s.id for s in kit.sections}
    return SECTION_CLASSES[section_type](id=unique_id(section_type.value, taken))


def add_section(kit: Kit, section: Section, index: int | None = None) -> int:
    """Insert ``section`` (at the end by default) and return where it went."""
    position = len(kit.sections) if index is None else index
    kit.sections.insert(position, section)
    return position


def duplicate_section(kit: Kit, index: int) -> int:
    """Insert a copy of section ``index`` right after it, under a fresh id."""
    original = kit.sections[index]
    clone = copy.deepcopy(original)
    clone.id = unique_id(original.id, {s.id for s in kit.sections})
    return add_section(kit, clone, index + 1)


def remove_section(kit: Kit, index: int) -> Section:
    return kit.sections.pop(index)


def set_hidden(kit: Kit, index: int, hidden: bool) -> bool:
    """Hide or show a section; returns the previous state."""
    section = kit.sections[index]
    previous, section.hidden = section.hidden, hidden
    return previous
