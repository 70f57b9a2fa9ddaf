"""What every Qt model over one list of the open kit shares: following the ``KitDocument``.

A ``DocumentListModel`` never edits the kit; it connects to the document's signals and turns
the ``about_to_*``/done pairs for its own list (the ``Where`` its ``_rows_path`` names) into
``beginInsertRows``/``beginRemoveRows``/``beginMoveRows`` and their ends, so a form, a drop,
undo and redo all reach the views the same way. ``DraggableRows`` adds reordering by drag and
drop: the drag carries the rows with the document and list they came from, and a drop (or
Qt's ``moveRows``) becomes ``MoveItem`` commands on the document's undo stack. Both are mixins
placed before the Qt model class, so each model keeps its own ``data``, ``flags`` and columns.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractItemModel, QByteArray, QMimeData, QModelIndex, Qt

from presskit.gui.document.commands import MoveItem
from presskit.model.problems import Where

if TYPE_CHECKING:
    from PySide6.QtCore import QPersistentModelIndex

    from presskit.gui.document.kit_document import KitDocument

    # Typed as the Qt model the mixin ends up in; at run time a plain base, because the
    # concrete model supplies the one Qt base class itself.
    _ModelBase = QAbstractItemModel
    _AnyIndex = QModelIndex | QPersistentModelIndex
else:
    _ModelBase = object


class DocumentListModel(_ModelBase):
    """Rows follow the document's edits of the list at ``_rows_path()``."""

    # Class-level defaults so the mixin needs no ``__init__`` of its own (Qt's constructor
    # chain stays the concrete model's); ``set_document`` replaces them per instance.
    document: KitDocument | None = None
    _connections: list[tuple[Any, Callable[..., None]]] = []
    _moving = False

    def _rows_path(self) -> Where | None:
        """The ``Where`` of the list shown as rows, or ``None`` while there is none."""
        raise NotImplementedError

    def set_document(self, document: KitDocument | None) -> None:
        self.beginResetModel()
        for signal, slot in self._connections:
            signal.disconnect(slot)
        self.document = document
        self._connections = (
            []
            if document is None
            else [
                (document.about_to_insert, self._about_to_insert),
                (document.inserted, self._inserted),
                (document.about_to_remove, self._about_to_remove),
                (document.removed, self._removed),
                (document.about_to_move, self._about_to_move),
                (document.moved, self._moved),
                (document.value_changed, self._value_changed),
            ]
        )
        for signal, slot in self._connections:
            signal.connect(slot)
        self.endResetModel()

    def _reset(self) -> None:
        self.beginResetModel()
        self.endResetModel()

    def _replaces_list(self, where: Where) -> bool:
        """Whether a value set at ``where`` replaced the whole list (or what holds it)."""
        path = self._rows_path()
        return path is not None and path[: len(where)] == where

    def _edited_elsewhere(self, where: Where) -> None:
        """An insert or removal in another list; models whose text shows it repaint here."""

    def _about_to_insert(self, where: Where, index: int) -> None:
        if where == self._rows_path():
            self.beginInsertRows(QModelIndex(), index, index)

    def _inserted(self, where: Where, index: int) -> None:
        if where == self._rows_path():
            self.endInsertRows()
        else:
            self._edited_elsewhere(where)

    def _about_to_remove(self, where: Where, index: int) -> None:
        if where == self._rows_path():
            self.beginRemoveRows(QModelIndex(), index, index)

    def _removed(self, where: Where, index: int) -> None:
        if where == self._rows_path():
            self.endRemoveRows()
        else:
            self._edited_elsewhere(where)

    def _about_to_move(self, where: Where, source: int, destination: int) -> None:
        if where == self._rows_path():
            # The document speaks of the final position; Qt wants the row the item goes
            # before, counted before the move, which is one further down when moving down.
            qt_destination = destination + 1 if destination > source else destination
            # Qt refuses a move onto itself; ending a move it never began would be an error.
            self._moving = self.beginMoveRows(
                QModelIndex(), source, source, QModelIndex(), qt_destination
            )

    def _moved(self, where: Where, source: int, destination: int) -> None:
        if where == self._rows_path():
            if self._moving:
                self.endMoveRows()
            self._moving = False

    def _value_changed(self, where: Where) -> None:
        if self._replaces_list(where):
            self._reset()  # nothing the views hold about the old list is valid


class DraggableRows(DocumentListModel):
    """Reordering by drag and drop; subclasses name their ``mime_type``."""

    mime_type: str

    def _move_text(self, row: int) -> str:
        """The undo text for moving ``row``."""
        raise NotImplementedError

    def _moves_text(self, count: int) -> str:
        """The undo text for moving ``count`` rows at once (one macro)."""
        raise NotImplementedError

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802 - Qt override
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802 - Qt override
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:  # noqa: N802 - Qt override
        return [self.mime_type]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:  # noqa: N802 - Qt override
        payload = {
            "document": id(self.document),
            "list": list(self._rows_path() or ()),
            "rows": sorted({index.row() for index in indexes if index.isValid()}),
        }
        mime = QMimeData()
        mime.setData(self.mime_type, QByteArray(json.dumps(payload).encode()))
        return mime

    def _dragged_rows(self, data: QMimeData) -> list[int]:
        """The rows a drag carries, if it came from this very list: rows of another window's
        document or of another section's list are not ours to move."""
        if not data.hasFormat(self.mime_type):
            return []
        try:
            payload = json.loads(bytes(data.data(self.mime_type).data()).decode())
        except ValueError:
            return []
        if not isinstance(payload, dict) or payload.get("document") != id(self.document):
            return []
        if tuple(payload.get("list", ())) != self._rows_path():
            return []
        return [r for r in payload.get("rows", []) if isinstance(r, int)]

    def canDropMimeData(  # noqa: N802 - Qt override
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: _AnyIndex
    ) -> bool:
        return action == Qt.DropAction.MoveAction and bool(self._dragged_rows(data))

    def dropMimeData(  # noqa: N802 - Qt override
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: _AnyIndex
    ) -> bool:
        """A drop the view did not turn into ``moveRows`` itself (e.g. the drag did not start
        in this very view): the same move, from the rows the drag carries."""
        rows = self._dragged_rows(data)
        if action != Qt.DropAction.MoveAction or len(rows) != 1:
            return False
        if row < 0:
            row = parent.row() if parent.isValid() else self.rowCount()
        return self.moveRows(QModelIndex(), rows[0], 1, QModelIndex(), row)

    def moveRows(  # noqa: N802 - Qt override
        self,
        source_parent: _AnyIndex,
        source_row: int,
        count: int,
        destination_parent: _AnyIndex,
        destination_child: int,
    ) -> bool:
        """Qt's move (what an internal drag calls; ``destination_child`` is the row the items
        go before, counted before the move) as one ``MoveItem`` per row."""
        path = self._rows_path()
        if path is None or self.document is None or count < 1:
            return False
        if source_parent.isValid() or destination_parent.isValid():
            return False
        if source_row <= destination_child <= source_row + count:
            return False  # onto itself
        moves = (
            [(source_row, destination_child - 1)] * count
            if destination_child > source_row
            else [(source_row + k, destination_child + k) for k in range(count)]
        )
        document = self.document
        # Several rows are one user action, so one undo step.
        if count > 1:
            document.undo_stack.beginMacro(self._moves_text(count))
        for source, destination in moves:
            document.push(MoveItem(document, path, source, destination, self._move_text(source)))
        if count > 1:
            document.undo_stack.endMacro()
        return True
