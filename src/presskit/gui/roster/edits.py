"""The kit edits the roster makes, each one undo step: "Add to kit" and "Update from roster".

The library works out what would change (``add_to_kit``, ``updates_from_roster``); these
functions turn that into ``InsertItem`` and ``SetValue`` commands inside one undo macro, so
Edit ▸ Undo takes the whole action back at once.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from presskit.gui.document.commands import InsertItem, SetValue
from presskit.library import FieldChange, KitAddition, Roster, add_to_kit
from presskit.model import Kit, QuotesSection

if TYPE_CHECKING:
    from presskit.gui.document.kit_document import KitDocument


@dataclass
class AddedToKit:
    """What "Add to kit" did, for the status bar."""

    addition: KitAddition
    #: Index of the quotes section the new quotes were put in, if any.
    section: int | None = None
    placed: list[str] = field(default_factory=list)

    @property
    def linked(self) -> int:
        """Experts the kit already had (linked, not copied)."""
        return len(self.addition.expert_ids) - len(self.addition.experts)

    def describe(self, kit: Kit) -> str:
        parts = []
        if self.addition.experts:
            parts.append(_count(len(self.addition.experts), "expert"))
        if self.addition.quotes:
            parts.append(_count(len(self.addition.quotes), "quote"))
        text = "Added " + " and ".join(parts) if parts else "Nothing new to add"
        if self.section is not None and self.placed:
            section = kit.sections[self.section]
            name = getattr(section, "heading", "") or section.LABEL
            text += f"; {_count(len(self.placed), 'quote')} placed in “{name}”"
        if self.linked:
            text += f" ({_count(self.linked, 'expert')} already in the kit)"
        return text


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'s' if n != 1 else ''}"


def quotes_section_for(kit: Kit, selected: int | None) -> int | None:
    """Where new quotes go: the selected section if it lists quotes, else the kit's only
    quotes section; ``None`` when that is ambiguous (they stay in the kit's quote list, for
    "Add quotes…")."""
    if (selected is not None and 0 <= selected < len(kit.sections)
            and isinstance(kit.sections[selected], QuotesSection)):
        return selected
    found = [i for i, s in enumerate(kit.sections) if isinstance(s, QuotesSection)]
    return found[0] if len(found) == 1 else None


def add_from_roster(
    document: KitDocument,
    roster: Roster,
    expert_ids: Iterable[str],
    quote_ids: Iterable[str] = (),
    selected_section: int | None = None,
) -> AddedToKit:
    """Copy the roster's experts and banked quotes into the kit as one undo step; the new
    quotes are also listed in the quotes section ``quotes_section_for`` picks."""
    kit = document.kit
    expert_ids, quote_ids = list(expert_ids), list(quote_ids)
    addition = add_to_kit(kit, roster, expert_ids, quote_ids)
    result = AddedToKit(addition, quotes_section_for(kit, selected_section))
    wanted = [addition.quote_ids[q] for q in quote_ids if q in addition.quote_ids]
    if result.section is not None:
        section = kit.sections[result.section]
        assert isinstance(section, QuotesSection)
        result.placed = [q for q in dict.fromkeys(wanted) if q not in section.quotes]
    else:
        result.section = None
    if not addition.experts and not addition.quotes and not result.placed:
        return result
    stack = document.undo_stack
    stack.beginMacro("Add from roster")
    try:
        for expert in addition.experts:
            document.push(InsertItem(document, ("experts",), len(kit.experts), expert))
        for quote in addition.quotes:
            document.push(InsertItem(document, ("quotes",), len(kit.quotes), quote))
        if result.section is not None:
            where = ("sections", result.section, "quotes")
            for quote_id in result.placed:
                section = kit.sections[result.section]
                assert isinstance(section, QuotesSection)
                document.push(InsertItem(document, where, len(section.quotes), quote_id))
    finally:
        stack.endMacro()
    return result


def apply_updates(
    document: KitDocument, chosen: Sequence[tuple[int, FieldChange]]
) -> int:
    """Set each chosen field of the kit's experts (``(kit_index, change)``) as one undo step;
    returns how many fields changed."""
    if not chosen:
        return 0
    stack = document.undo_stack
    stack.beginMacro("Update from roster")
    try:
        for index, change in chosen:
            document.push(SetValue(document, ("experts", index, change.field),
                                  copy.deepcopy(change.new)))
    finally:
        stack.endMacro()
    return len(chosen)
