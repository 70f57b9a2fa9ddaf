"""Moving experts and quotes between the roster and a kit without duplicating anyone.

Two records are the same person when their e-mail addresses match, else when their names do
(``names.name_key``). Every function here is pure: it returns what would change (a
``KitAddition``, ``RosterUpdate``s, a ``SaveOutcome`` holding a new roster) and leaves its
arguments alone, so the app can show the change first and make it one undoable step.

- "Add to kit": ``add_to_kit`` → copies of the chosen experts and quotes with ids free in the
  kit; experts the kit already has are linked, not copied again.
- "Update from roster": ``updates_from_roster`` → per kit expert, the fields that differ from
  the roster entry (``FieldChange``: field, old, new), for a "what will change" dialog.
- "Save to roster": ``save_to_roster`` → the roster with the kit's expert (and quotes) in it.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from presskit.library.names import email_key, name_key
from presskit.library.roster import Roster, find_expert
from presskit.model.ids import unique_id
from presskit.model.kit import Expert, Kit, Quote

#: The fields of an expert that merging compares and copies (``id`` and ``extra`` never).
EXPERT_FIELDS = (
    "name", "honorific", "pronouns", "title", "program", "bio", "photo", "email", "phone",
    "topics",
)


@dataclass(frozen=True)
class FieldChange:
    """One field that would change: ``field`` is an ``Expert`` attribute name."""

    field: str
    old: Any
    new: Any


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == []


def expert_changes(current: Expert, incoming: Expert, *, skip_empty: bool = False
                   ) -> list[FieldChange]:
    """The fields where ``incoming`` differs from ``current``; with ``skip_empty`` an empty
    value in ``incoming`` means "not known here" and never erases one."""
    changes = []
    for name in EXPERT_FIELDS:
        old, new = getattr(current, name), getattr(incoming, name)
        if skip_empty and _empty(new):
            continue
        if old != new:
            changes.append(FieldChange(name, copy.deepcopy(old), copy.deepcopy(new)))
    return changes


def with_changes(expert: Expert, changes: Iterable[FieldChange]) -> Expert:
    """A copy of ``expert`` with ``changes`` made."""
    changed = copy.deepcopy(expert)
    for change in changes:
        setattr(changed, change.field, copy.deepcopy(change.new))
    return changed


def same_person(a: Expert, b: Expert) -> bool:
    if email_key(a.email) and email_key(a.email) == email_key(b.email):
        return True
    return bool(name_key(a.name)) and name_key(a.name) == name_key(b.name)


def _match(expert: Expert, people: Sequence[Expert]) -> Expert | None:
    """``expert``'s counterpart in ``people``: the same id if that is the same person (the
    link a copy keeps), else the same e-mail address, else the same name."""
    same_id = next((p for p in people if p.id == expert.id), None)
    if same_id is not None and same_person(same_id, expert):
        return same_id
    return find_expert(people, email=expert.email, name=expert.name)


def _same_text(a: str, b: str) -> bool:
    return " ".join(a.split()) == " ".join(b.split())


# -- roster → kit ------------------------------------------------------------------------------

@dataclass
class KitAddition:
    """What "Add to kit" adds: new experts and quotes (copies with ids free in the kit)."""

    experts: list[Expert] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    #: Roster expert id → the kit expert id it is now (newly added or already there).
    expert_ids: dict[str, str] = field(default_factory=dict)
    #: Roster quote id → the kit quote id it is now (new, or an identical one already there).
    quote_ids: dict[str, str] = field(default_factory=dict)


def add_to_kit(
    kit: Kit, roster: Roster, expert_ids: Iterable[str], quote_ids: Iterable[str] = ()
) -> KitAddition:
    """Copies of the chosen roster experts and banked quotes, ready to append to ``kit``.

    A chosen quote brings its expert along. An expert the kit already has (``_match``) is not
    copied again, and neither is a quote the kit already has for that expert (same text).
    """
    chosen_quotes = [q for q in (roster.quote(i) for i in quote_ids) if q is not None]
    wanted = set(expert_ids) | {q.expert for q in chosen_quotes}
    addition = KitAddition()
    expert_taken = {e.id for e in kit.experts}
    for expert in roster.experts:
        if expert.id not in wanted:
            continue
        existing = _match(expert, kit.experts)
        if existing is not None:
            addition.expert_ids[expert.id] = existing.id
            continue
        copied = copy.deepcopy(expert)
        copied.id = unique_id(expert.id, expert_taken)
        expert_taken.add(copied.id)
        addition.experts.append(copied)
        addition.expert_ids[expert.id] = copied.id
    quote_taken = {q.id for q in kit.quotes}
    for quote in chosen_quotes:
        kit_expert = addition.expert_ids[quote.expert]
        same = next((q for q in kit.quotes
                     if q.expert == kit_expert and _same_text(q.text, quote.text)), None)
        if same is not None:
            addition.quote_ids[quote.id] = same.id
            continue
        copied_quote = copy.deepcopy(quote)
        copied_quote.id = unique_id(quote.id, quote_taken)
        copied_quote.expert = kit_expert
        quote_taken.add(copied_quote.id)
        addition.quotes.append(copied_quote)
        addition.quote_ids[quote.id] = copied_quote.id
    return addition


def apply_addition(kit: Kit, addition: KitAddition) -> None:
    """Append ``addition``'s experts and quotes to ``kit`` (the app does this as an undoable
    command instead)."""
    kit.experts.extend(copy.deepcopy(addition.experts))
    kit.quotes.extend(copy.deepcopy(addition.quotes))


@dataclass(frozen=True)
class RosterUpdate:
    """A kit expert whose roster entry differs, and how."""

    kit_index: int
    expert_id: str
    roster_id: str
    changes: tuple[FieldChange, ...]


def roster_entry(expert: Expert, roster: Roster) -> Expert | None:
    """The roster's record of ``expert`` (linked by id, else by e-mail address or name)."""
    return _match(expert, roster.experts)


def updates_from_roster(
    kit: Kit, roster: Roster, expert_ids: Iterable[str] | None = None
) -> list[RosterUpdate]:
    """For each kit expert (or those in ``expert_ids``) whose roster entry changed, what
    "Update from roster" would change. Empty roster fields never erase the kit's."""
    only = None if expert_ids is None else set(expert_ids)
    updates = []
    for index, expert in enumerate(kit.experts):
        if only is not None and expert.id not in only:
            continue
        entry = roster_entry(expert, roster)
        if entry is None:
            continue
        changes = expert_changes(expert, entry, skip_empty=True)
        if changes:
            updates.append(RosterUpdate(index, expert.id, entry.id, tuple(changes)))
    return updates


# -- kit → roster ------------------------------------------------------------------------------

@dataclass
class SaveOutcome:
    """The roster after "Save to roster", and what happened in it."""

    roster: Roster
    expert_id: str
    added: bool
    changes: list[FieldChange] = field(default_factory=list)
    quotes_added: list[str] = field(default_factory=list)


def save_to_roster(
    roster: Roster, kit: Kit, expert_id: str, quote_ids: Iterable[str] | None = None
) -> SaveOutcome:
    """A copy of ``roster`` holding the kit's expert ``expert_id`` and its quotes (all of them
    in the kit, or ``quote_ids``); a quote the bank already has (same text) is not added
    twice. An expert already in the roster is updated, empty kit fields erasing nothing."""
    expert = kit.expert(expert_id)
    if expert is None:
        raise KeyError(expert_id)
    updated = copy.deepcopy(roster)
    entry = _match(expert, updated.experts)
    if entry is None:
        entry = copy.deepcopy(expert)
        entry.id = unique_id(expert.id, {e.id for e in updated.experts})
        updated.experts.append(entry)
        outcome = SaveOutcome(updated, entry.id, added=True)
    else:
        changes = expert_changes(entry, expert, skip_empty=True)
        for change in changes:
            setattr(entry, change.field, copy.deepcopy(change.new))
        outcome = SaveOutcome(updated, entry.id, added=False, changes=changes)
    wanted = None if quote_ids is None else set(quote_ids)
    taken = {q.id for q in updated.quotes}
    for quote in kit.quotes_by(expert_id):
        if wanted is not None and quote.id not in wanted:
            continue
        if any(_same_text(q.text, quote.text) for q in updated.quotes_by(entry.id)):
            continue
        banked = copy.deepcopy(quote)
        banked.id = unique_id(quote.id, taken)
        banked.expert = entry.id
        taken.add(banked.id)
        updated.quotes.append(banked)
        outcome.quotes_added.append(banked.id)
    return outcome
