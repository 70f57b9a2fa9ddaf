"""The outline as a Qt list model: one row per section of the open kit, in document order.

Rows show the section's title and type, with a check box that includes the section in the PDF
(checked) or hides it. Every change the user makes through the model (ticking the box, dragging
a row) becomes an undo command pushed on the document; the model itself never edits the kit.
It changes rows only when the document announces an edit (``about_to_*`` then the matching
signal), so undo and redo refresh the view through the same path as the original edit.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from presskit.gui.commands import MoveItem, SetValue
from presskit.gui.document import KitDocument
from presskit.model import (
    AboutSection,
    BiosSection,
    CalloutSection,
    ContactSection,
    Kit,
    QuotesSection,
    Section,
    Where,
)

SECTIONS: Where = ("sections",)
MIME_TYPE = "application/x-presskit-section-rows"
TYPE_ROLE = Qt.ItemDataRole.UserRole + 1
DETAIL_ROLE = Qt.ItemDataRole.UserRole + 2
HIDDEN_ROLE = Qt.ItemDataRole.UserRole + 3

_AnyIndex = QModelIndex | QPersistentModelIndex


def _excerpt(text: str, length: int = 80) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= length else flat[: length - 1].rstrip() + "…"


def section_detail(kit: Kit, section: Section) -> str:
    """A second line that tells two sections of the same type apart."""
    match section:
        case ContactSection():
            contact = kit.contact(section.contact)
            return contact.name if contact else _excerpt(section.text)
        case CalloutSection():
            resource = kit.resource(section.resource)
            return _excerpt(resource.title if resource else section.text)
        case QuotesSection():
            n = len(section.quotes)
            return f"{n} quote{'s' if n != 1 else ''}"
        case BiosSection():
            n = len(section.experts)
            return f"{n} expert{'s' if n != 1 else ''}" if n else "every quoted expert"
        case AboutSection():
            return _excerpt(section.text or kit.brand.boilerplate)
    return _excerpt(getattr(section, "text", ""))


class OutlineModel(QAbstractListModel):
    """``document.kit.sections`` as rows; edits go through ``document.push``."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._document: KitDocument | None = None
        self._moving = False

    # Following the document.

    @property
    def document(self) -> KitDocument | None:
        return self._document

    def set_document(self, document: KitDocument) -> None:
        self.beginResetModel()
        if self._document is not None:
            self._connect(self._document, connect=False)
        self._document = document
        self._connect(document, connect=True)
        self.endResetModel()

    def _connect(self, document: KitDocument, *, connect: bool) -> None:
        pairs = (
            (document.about_to_insert, self._about_to_insert),
            (document.inserted, self._inserted),
            (document.about_to_remove, self._about_to_remove),
            (document.removed, self._removed),
            (document.about_to_move, self._about_to_move),
            (document.moved, self._moved),
            (document.value_changed, self._value_changed),
        )
        for signal, slot in pairs:
            if connect:
                signal.connect(slot)
            else:
                signal.disconnect(slot)

    def _sections(self) -> list[Section]:
        return self._document.kit.sections if self._document is not None else []

    def _about_to_insert(self, where: Where, index: int) -> None:
        if where == SECTIONS:
            self.beginInsertRows(QModelIndex(), index, index)

    def _inserted(self, where: Where, index: int) -> None:
        if where == SECTIONS:
            self.endInsertRows()
        else:
            self._refresh(where)

    def _about_to_remove(self, where: Where, index: int) -> None:
        if where == SECTIONS:
            self.beginRemoveRows(QModelIndex(), index, index)

    def _removed(self, where: Where, index: int) -> None:
        if where == SECTIONS:
            self.endRemoveRows()
        else:
            self._refresh(where)

    def _about_to_move(self, where: Where, source: int, destination: int) -> None:
        if where == SECTIONS:
            # The document speaks of the final position; Qt wants the row the item goes
            # before, counted before the move, which is one further down when moving down.
            qt_destination = destination + 1 if destination > source else destination
            self._moving = self.beginMoveRows(
                QModelIndex(), source, source, QModelIndex(), qt_destination
            )

    def _moved(self, where: Where, source: int, destination: int) -> None:
        if where == SECTIONS:
            if self._moving:
                self.endMoveRows()
            self._moving = False
        else:
            self._refresh(where)

    def _value_changed(self, where: Where) -> None:
        if len(where) <= 1 and (not where or where == SECTIONS):
            # The whole kit or the whole list was replaced.
            self.beginResetModel()
            self.endResetModel()
        else:
            self._refresh(where)

    def _refresh(self, where: Where) -> None:
        """Repaint the rows an edit elsewhere may show (a title, a contact's name)."""
        if not self.rowCount():
            return
        if where[:1] == SECTIONS and len(where) >= 2 and isinstance(where[1], int):
            first = last = where[1]
        else:
            first, last = 0, self.rowCount() - 1
        self.dataChanged.emit(self.index(first), self.index(last))

    # Reading.

    def rowCount(self, parent: _AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802 - Qt
        return 0 if parent.isValid() else len(self._sections())

    def section_at(self, row: int) -> Section | None:
        sections = self._sections()
        return sections[row] if 0 <= row < len(sections) else None

    def data(self, index: _AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        section = self.section_at(index.row()) if index.isValid() else None
        if section is None or self._document is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return section.title
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Unchecked if section.hidden else Qt.CheckState.Checked
        if role == TYPE_ROLE:
            return section.LABEL
        if role == DETAIL_ROLE:
            return section_detail(self._document.kit, section)
        if role == HIDDEN_ROLE:
            return section.hidden
        if role == Qt.ItemDataRole.ToolTipRole:
            state = "hidden: not in the PDF" if section.hidden else "included in the PDF"
            return f"{section.title} — {section.LABEL} section, {state}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            state = "hidden" if section.hidden else "included"
            return f"{section.title}, {section.LABEL} section, {state}"
        return None

    def flags(self, index: _AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            # Dropping between rows is a move; dropping onto a row is not a thing.
            return Qt.ItemFlag.ItemIsDropEnabled
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsUserCheckable
            | Qt.ItemFlag.ItemIsDragEnabled
        )

    # Editing: each change is one undo command.

    def setData(self, index: _AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        section = self.section_at(index.row()) if index.isValid() else None
        if section is None or self._document is None or role != Qt.ItemDataRole.CheckStateRole:
            return False
        hidden = Qt.CheckState(value) != Qt.CheckState.Checked
        if hidden != section.hidden:
            text = f"{'Hide' if hidden else 'Include'} section “{section.title}”"
            self._document.push(
                SetValue(self._document, (*SECTIONS, index.row(), "hidden"), hidden, text)
            )
        return True

    def move_section(self, source: int, destination: int) -> bool:
        """Move row ``source`` so it ends up at ``destination`` (one undo step)."""
        count = self.rowCount()
        if self._document is None or not (0 <= source < count and 0 <= destination < count):
            return False
        if source != destination:
            title = self._sections()[source].title
            self._document.push(
                MoveItem(self._document, SECTIONS, source, destination, f"Move section “{title}”")
            )
        return True

    def moveRows(  # noqa: N802 - Qt override
        self,
        source_parent: _AnyIndex,
        source_row: int,
        count: int,
        destination_parent: _AnyIndex,
        destination_child: int,
    ) -> bool:
        """Qt's move (what an internal drag calls): ``destination_child`` is the row the item
        goes before, counted before the move."""
        if source_parent.isValid() or destination_parent.isValid() or count != 1:
            return False
        final = destination_child if destination_child <= source_row else destination_child - 1
        return self.move_section(source_row, final)

    # Drag and drop.

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:  # noqa: N802
        rows = sorted({index.row() for index in indexes if index.isValid()})
        payload = {"document": id(self._document), "rows": rows}
        mime = QMimeData()
        mime.setData(MIME_TYPE, QByteArray(json.dumps(payload).encode()))
        return mime

    def _dragged_rows(self, data: QMimeData) -> list[int]:
        """The rows a drag carries, if it came from this document (never another window's)."""
        if not data.hasFormat(MIME_TYPE):
            return []
        try:
            payload = json.loads(bytes(data.data(MIME_TYPE).data()).decode())
        except ValueError:
            return []
        if payload.get("document") != id(self._document):
            return []
        return [r for r in payload.get("rows", []) if isinstance(r, int)]

    def canDropMimeData(  # noqa: N802
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: _AnyIndex
    ) -> bool:
        return action == Qt.DropAction.MoveAction and bool(self._dragged_rows(data))

    def dropMimeData(  # noqa: N802
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
