"""The outline as a Qt list model: one row per section of the open kit, in document order.

Rows show the section's title and type, with a check box that includes the section in the PDF
(checked) or hides it. Every change the user makes through the model (ticking the box, dragging
a row) becomes an undo command pushed on the document; the model itself never edits the kit.
It changes rows only when the document announces an edit (``about_to_*`` then the matching
signal), so undo and redo refresh the view through the same path as the original edit.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from presskit.gui.document.commands import MoveItem, SetValue
from presskit.gui.document.list_model import DraggableRows
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
from presskit.model.printable import one_line

SECTIONS: Where = ("sections",)
MIME_TYPE = "application/x-presskit-section-rows"
TYPE_ROLE = Qt.ItemDataRole.UserRole + 1
DETAIL_ROLE = Qt.ItemDataRole.UserRole + 2
HIDDEN_ROLE = Qt.ItemDataRole.UserRole + 3

_AnyIndex = QModelIndex | QPersistentModelIndex


def _excerpt(text: str, length: int = 80) -> str:
    return one_line(text, length)


def section_detail(kit: Kit, section: Section) -> str:
    """A second line that tells two sections of the same type apart."""
    match section:
        case ContactSection():
            contact = kit.contact(section.contact)
            return one_line(contact.name) if contact else _excerpt(section.text)
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


class OutlineModel(DraggableRows, QAbstractListModel):
    """``document.kit.sections`` as rows; edits go through ``document.push``."""

    mime_type = MIME_TYPE

    # Following the document (the wiring itself is ``DocumentListModel``'s).

    def _rows_path(self) -> Where:
        return SECTIONS

    def _sections(self) -> list[Section]:
        return self.document.kit.sections if self.document is not None else []

    def _edited_elsewhere(self, where: Where) -> None:
        self._refresh(where)

    def _moved(self, where: Where, source: int, destination: int) -> None:
        super()._moved(where, source, destination)
        if where != SECTIONS:
            self._refresh(where)  # e.g. a quotes section's count shown as its detail

    def _value_changed(self, where: Where) -> None:
        if self._replaces_list(where):
            self._reset()  # the whole kit or the whole list was replaced
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
        if section is None or self.document is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return one_line(section.title)  # bounded: a 10 MB heading froze the outline
        if role == Qt.ItemDataRole.EditRole:
            return section.title
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Unchecked if section.hidden else Qt.CheckState.Checked
        if role == TYPE_ROLE:
            return section.LABEL
        if role == DETAIL_ROLE:
            return section_detail(self.document.kit, section)
        if role == HIDDEN_ROLE:
            return section.hidden
        if role == Qt.ItemDataRole.ToolTipRole:
            state = "hidden: not in the PDF" if section.hidden else "included in the PDF"
            return f"{one_line(section.title)} — {section.LABEL} section, {state}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            state = "hidden" if section.hidden else "included"
            return f"{one_line(section.title)}, {section.LABEL} section, {state}"
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
        if section is None or self.document is None or role != Qt.ItemDataRole.CheckStateRole:
            return False
        hidden = Qt.CheckState(value) != Qt.CheckState.Checked
        if hidden != section.hidden:
            text = f"{'Hide' if hidden else 'Include'} section “{section.title}”"
            self.document.push(
                SetValue(self.document, (*SECTIONS, index.row(), "hidden"), hidden, text)
            )
        return True

    def move_section(self, source: int, destination: int) -> bool:
        """Move row ``source`` so it ends up at ``destination`` (one undo step)."""
        count = self.rowCount()
        if self.document is None or not (0 <= source < count and 0 <= destination < count):
            return False
        if source != destination:
            title = self._sections()[source].title
            self.document.push(
                MoveItem(self.document, SECTIONS, source, destination, f"Move section “{title}”")
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
