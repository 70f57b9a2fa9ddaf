"""Deleting an expert, quote, contact or resource together with every reference to it.

Sections point at these by id, so deleting one alone would leave dangling references that
block export. Each delete here is one undo macro: the references are removed (from a quotes
or bios section's list) or cleared (a contact or callout section's single reference), then
the item itself goes. The user is asked first (by the caller) with ``uses_of`` spelled out;
undo puts everything back in one step. Refusing the delete instead would make the user hunt
through sections by hand for what the program already knows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from presskit.gui.document.commands import RemoveItem, SetValue
from presskit.model import (
    BiosSection,
    CalloutSection,
    ContactSection,
    Kit,
    QuotesSection,
)
from presskit.model.printable import one_line
from presskit.model.problems import Where

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoCommand

    from presskit.gui.document.kit_document import KitDocument


def _list_removals(
    kit: Kit, attribute: str, section_type: type, ids: set[str]
) -> list[tuple[Where, int]]:
    """(list path, index) of every id in ``ids`` in sections' ``attribute`` lists, last first."""
    found: list[tuple[Where, int]] = []
    for i, section in enumerate(kit.sections):
        if isinstance(section, section_type):
            values: list[str] = getattr(section, attribute)
            found += [(("sections", i, attribute), j) for j, v in enumerate(values) if v in ids]
    # Removing from the end keeps the earlier indexes valid.
    return sorted(found, key=lambda entry: (entry[0], entry[1]), reverse=True)


def _section_names(kit: Kit, paths: list[Where]) -> list[str]:
    indexes = sorted({p[1] for p in paths if isinstance(p[1], int)})
    return [f"“{one_line(kit.sections[i].title)}”" for i in indexes]


def uses_of(kit: Kit, list_name: str, index: int) -> list[str]:
    """What deleting item ``index`` of ``list_name`` would also remove, in words; [] if nothing."""
    item = getattr(kit, list_name)[index]
    uses: list[str] = []
    if list_name == "experts":
        quotes = kit.quotes_by(item.id)
        if quotes:
            uses.append(
                f"{len(quotes)} quote{'s' if len(quotes) != 1 else ''} by {one_line(item.name)}")
        quote_ids = {q.id for q in quotes}
        in_sections = [p for p, _ in _list_removals(kit, "quotes", QuotesSection, quote_ids)]
        in_sections += [p for p, _ in _list_removals(kit, "experts", BiosSection, {item.id})]
        if in_sections:
            uses.append("their place in section " + ", ".join(_section_names(kit, in_sections)))
    elif list_name == "quotes":
        in_sections = [p for p, _ in _list_removals(kit, "quotes", QuotesSection, {item.id})]
        if in_sections:
            uses.append("its place in section " + ", ".join(_section_names(kit, in_sections)))
    else:
        section_type, attribute = _SINGLE_REFERENCES[list_name]
        names = [
            f"“{one_line(s.title)}”"
            for s in kit.sections
            if isinstance(s, section_type) and getattr(s, attribute) == item.id
        ]
        if names:
            uses.append("the reference to it in section " + ", ".join(names))
    return uses


_SINGLE_REFERENCES: dict[str, tuple[type, str]] = {
    "contacts": (ContactSection, "contact"),
    "resources": (CalloutSection, "resource"),
}


def _commands(document: KitDocument, list_name: str, index: int) -> list[QUndoCommand]:
    kit = document.kit
    item = getattr(kit, list_name)[index]
    commands: list[QUndoCommand] = []
    if list_name == "experts":
        quote_indexes = [i for i, q in enumerate(kit.quotes) if q.expert == item.id]
        quote_ids = {kit.quotes[i].id for i in quote_indexes}
        removals = _list_removals(kit, "quotes", QuotesSection, quote_ids)
        removals += _list_removals(kit, "experts", BiosSection, {item.id})
        commands += [RemoveItem(document, path, j) for path, j in removals]
        commands += [
            SetValue(document, ("resources", k, "expert"), "")
            for k, r in enumerate(kit.resources)
            if r.expert == item.id
        ]
        commands += [RemoveItem(document, ("quotes",), i) for i in reversed(quote_indexes)]
    elif list_name == "quotes":
        removals = _list_removals(kit, "quotes", QuotesSection, {item.id})
        commands += [RemoveItem(document, path, j) for path, j in removals]
    else:
        section_type, attribute = _SINGLE_REFERENCES[list_name]
        commands += [
            SetValue(document, ("sections", i, attribute), "")
            for i, s in enumerate(kit.sections)
            if isinstance(s, section_type) and getattr(s, attribute) == item.id
        ]
    commands.append(RemoveItem(document, (list_name,), index))
    return commands


def delete_with_references(document: KitDocument, list_name: str, index: int, label: str) -> None:
    """Delete item ``index`` of ``list_name`` and its references, as one undo step."""
    # Every command is built before any runs; that is safe because removals within one list
    # go last-first and no command shifts an index that another one uses.
    commands = _commands(document, list_name, index)
    document.undo_stack.beginMacro(label)
    try:
        for command in commands:
            document.push(command)
    finally:
        document.undo_stack.endMacro()
