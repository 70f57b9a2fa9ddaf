"""Addressing any value in a kit by a path, and the edits every undo command is made of.

A path (``Where``) is the same one problems use: ``("experts", 2, "title")`` is the title of
the third expert, ``("sections", 0, "quotes")`` the quote list of the first section. Every
user edit is one of four operations on a path: set a value, insert into a list, remove from a
list, move within a list. Each returns what its inverse needs, so undo puts the kit back
exactly as it was.
"""

from __future__ import annotations

from typing import Any

from presskit.model.kit import Kit
from presskit.model.problems import Where


def get_at(kit: Kit, where: Where) -> Any:
    """The value at ``where``; ``()`` is the kit itself."""
    value: Any = kit
    for step in where:
        value = value[step] if isinstance(step, int) else getattr(value, step)
    return value


def set_at(kit: Kit, where: Where, value: Any) -> Any:
    """Set the value at ``where`` (non-empty) and return the one it replaced."""
    *parent_path, last = where
    parent = get_at(kit, tuple(parent_path))
    if isinstance(last, int):
        previous = parent[last]
        parent[last] = value
    else:
        previous = getattr(parent, last)
        setattr(parent, last, value)
    return previous


def insert_at(kit: Kit, list_where: Where, index: int, item: Any) -> None:
    """Insert ``item`` into the list at ``list_where`` so that it ends up at ``index``."""
    get_at(kit, list_where).insert(index, item)


def remove_at(kit: Kit, list_where: Where, index: int) -> Any:
    """Remove and return item ``index`` of the list at ``list_where``."""
    return get_at(kit, list_where).pop(index)


def move_at(kit: Kit, list_where: Where, source: int, destination: int) -> None:
    """Move item ``source`` of the list at ``list_where`` so it ends up at ``destination``.

    Undo is ``move_at(kit, list_where, destination, source)``.
    """
    items = get_at(kit, list_where)
    items.insert(destination, items.pop(source))
