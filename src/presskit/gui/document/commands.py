"""The undo commands every edit is made of: set a value, insert, remove or move a list item.

Each command addresses its target by a path into the kit (``model.paths``) and calls the
model's pure functions; the document announces the change so views refresh. Typing in one
field pushes one ``SetValue`` per keystroke, and consecutive ones on the same path merge into
a single undo step.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand

from presskit.model.paths import get_at, insert_at, move_at, remove_at, set_at
from presskit.model.printable import one_line
from presskit.model.problems import Where

if TYPE_CHECKING:
    from presskit.gui.document.kit_document import KitDocument

_MERGE_ID = 0x5E7


def _bounded(text: str) -> str:
    """An undo text as the Edit menu shows it: a stranger's 10 MB section heading in
    "Delete section “…”" would freeze the menu, so it is one line of at most 200 characters."""
    return one_line(text)


class SetValue(QUndoCommand):
    """Replace the value at ``where``; merges with the next edit of the same field."""

    def __init__(self, document: KitDocument, where: Where, value: Any, text: str = "", *,
                 mergeable: bool = True, also: list[tuple[Where, Any]] | None = None) -> None:
        super().__init__(_bounded(text or f"Edit {where[-1]}"))
        self._document = document
        self.where = where
        self._new = value
        self._old = get_at(document.kit, where)
        #: Values that change with this one, in the same undo step: [where, old, new]
        #: (a new expert's id following the name typed, ``model.operations.followed_id``).
        self._also = [[path, get_at(document.kit, path), new] for path, new in also or []]
        # Only free text merges: two clicks on a combo (a StrEnum) are two undo steps, and
        # so are two Ctrl+B (``mergeable=False``), which are commands rather than typing.
        self._mergeable = mergeable and type(value) is str

    def id(self) -> int:  # noqa: A003 - Qt's name
        return _MERGE_ID if self._mergeable else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt override
        if not isinstance(other, SetValue) or other.where != self.where:
            return False
        self._new = other._new
        for path, old, new in other._also:
            mine = next((entry for entry in self._also if entry[0] == path), None)
            if mine is None:
                self._also.append([path, old, new])
            else:
                mine[2] = new
        return True

    def redo(self) -> None:
        # Every value first, then the signals: a view told of the name sees the new id too.
        set_at(self._document.kit, self.where, self._new)
        for path, _old, new in self._also:
            set_at(self._document.kit, path, new)
        self._emit()

    def undo(self) -> None:
        for path, old, _new in reversed(self._also):
            set_at(self._document.kit, path, old)
        set_at(self._document.kit, self.where, self._old)
        self._emit()

    def _emit(self) -> None:
        self._document.value_changed.emit(self.where)
        for path, _old, _new in self._also:
            self._document.value_changed.emit(path)


class InsertItem(QUndoCommand):
    """Insert ``item`` into the list at ``list_where`` at ``index``."""

    def __init__(
        self, document: KitDocument, list_where: Where, index: int, item: Any, text: str = ""
    ) -> None:
        super().__init__(_bounded(text or "Add"))
        self._document = document
        self.list_where = list_where
        self.index = index
        self._item = item

    def redo(self) -> None:
        self._document.about_to_insert.emit(self.list_where, self.index)
        insert_at(self._document.kit, self.list_where, self.index, self._item)
        self._document.inserted.emit(self.list_where, self.index)

    def undo(self) -> None:
        self._document.about_to_remove.emit(self.list_where, self.index)
        remove_at(self._document.kit, self.list_where, self.index)
        self._document.removed.emit(self.list_where, self.index)


class RemoveItem(QUndoCommand):
    """Remove item ``index`` from the list at ``list_where``."""

    def __init__(
        self, document: KitDocument, list_where: Where, index: int, text: str = ""
    ) -> None:
        super().__init__(_bounded(text or "Delete"))
        self._document = document
        self.list_where = list_where
        self.index = index
        self._item: Any = None

    def redo(self) -> None:
        self._document.about_to_remove.emit(self.list_where, self.index)
        self._item = remove_at(self._document.kit, self.list_where, self.index)
        self._document.removed.emit(self.list_where, self.index)

    def undo(self) -> None:
        self._document.about_to_insert.emit(self.list_where, self.index)
        insert_at(self._document.kit, self.list_where, self.index, self._item)
        self._document.inserted.emit(self.list_where, self.index)


class MoveItem(QUndoCommand):
    """Move item ``source`` of the list at ``list_where`` so it ends up at ``destination``."""

    def __init__(
        self, document: KitDocument, list_where: Where, source: int, destination: int,
        text: str = "",
    ) -> None:
        super().__init__(_bounded(text or "Move"))
        self._document = document
        self.list_where = list_where
        self.source = source
        self.destination = destination

    def _move(self, source: int, destination: int) -> None:
        self._document.about_to_move.emit(self.list_where, source, destination)
        move_at(self._document.kit, self.list_where, source, destination)
        self._document.moved.emit(self.list_where, source, destination)

    def redo(self) -> None:
        self._move(self.source, self.destination)

    def undo(self) -> None:
        self._move(self.destination, self.source)
