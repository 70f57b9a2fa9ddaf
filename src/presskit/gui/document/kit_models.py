"""Qt table models over the kit's lists (experts, quotes, contacts, resources).

A ``KitListModel`` never changes the kit itself: the document's signals for its list path
drive ``beginInsertRows``/``beginRemoveRows``/``beginMoveRows`` and ``dataChanged``, so any
edit — from a form, a drop, undo or redo — reaches every view the same way. Columns are
small functions of the kit and the item, so one model class serves every list.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QIcon

from presskit.gui.document.list_model import DocumentListModel
from presskit.gui.widgets.approval_icons import approval_icon
from presskit.model import ApprovalState, Expert, Kit, Quote
from presskit.model.paths import get_at
from presskit.model.printable import one_line, tip
from presskit.model.problems import Where

AnyIndex = QModelIndex | QPersistentModelIndex
ItemRole = Qt.ItemDataRole.UserRole + 1  # the dataclass behind a row


@dataclass(frozen=True)
class Column:
    header: str
    text: Callable[[Kit, Any], str]
    tooltip: Callable[[Kit, Any], str] | None = None
    #: The icon shown before the text (the approval state of a quote).
    icon: Callable[[Kit, Any], QIcon] | None = None


def first_words(text: str, limit: int = 80) -> str:
    """A one-line excerpt of ``text`` for lists and tables (``model.printable.one_line``)."""
    return one_line(text, limit)


class KitListModel(DocumentListModel, QAbstractTableModel):
    """Rows are the items of the list at ``list_path``; see the module docstring.

    ``depends_on`` names other top-level lists whose edits change this model's text (a
    quote row shows its expert's name), so such edits repaint the rows.
    """

    def __init__(
        self,
        list_path: Where,
        columns: list[Column],
        depends_on: tuple[str, ...] = (),
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.list_path = list_path
        self.columns = columns
        self.depends_on = depends_on
        self._repaint_pending = False

    # -- document wiring (the signals themselves are ``DocumentListModel``'s) ---------------

    def _rows_path(self) -> Where:
        return self.list_path

    def _edited_elsewhere(self, where: Where) -> None:
        if self._depends(where):
            self._repaint_all()

    def _value_changed(self, where: Where) -> None:
        n = len(self.list_path)
        if where[:n] == self.list_path and len(where) > n:
            row = where[n]
            if isinstance(row, int) and 0 <= row < self.rowCount():
                self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
        elif self._replaces_list(where):
            self._reset()  # the list itself (or what holds it) was replaced
        elif self._depends(where):
            self._repaint_all()

    def _depends(self, where: Where) -> bool:
        return bool(where) and where[0] in self.depends_on

    def _repaint_all(self) -> None:
        """Repaint every row once the current edit is done: deleting an expert with their
        quotes is several edits, and each repaint makes the views and filters look at every
        row again (5,000 quotes in an institute's kit)."""
        if not self._repaint_pending:
            self._repaint_pending = True
            QTimer.singleShot(0, self, self._repaint_now)

    def _repaint_now(self) -> None:
        self._repaint_pending = False
        if self.rowCount():
            self.dataChanged.emit(
                self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1)
            )

    # -- access ---------------------------------------------------------------------------

    @property
    def items(self) -> list[Any]:
        if self.document is None:
            return []
        items: list[Any] = get_at(self.document.kit, self.list_path)
        return items

    def item(self, row: int) -> Any:
        return self.items[row]

    # -- Qt model interface ---------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.document is None or index.row() >= len(self.items):
            return None
        item = self.items[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            # Shown bounded: a stranger's 10 MB name took Qt a minute to measure and paint.
            return one_line(column.text(self.document.kit, item))
        if role == Qt.ItemDataRole.EditRole:
            return column.text(self.document.kit, item)  # the whole text
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return tip(column.tooltip(self.document.kit, item))
        if role == Qt.ItemDataRole.DecorationRole and column.icon is not None:
            return column.icon(self.document.kit, item)
        if role == ItemRole:
            return item
        return None

    def headerData(  # noqa: N802 - Qt override
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].header
        return None


# -- quote columns, shared by the experts panel and the quote picker --------------------


def expert_of(kit: Kit, quote: Quote) -> Expert | None:
    return kit.expert(quote.expert)


def quote_expert_name(kit: Kit, quote: Quote) -> str:
    expert = expert_of(kit, quote)
    return expert.name if expert else f"(missing expert {quote.expert})"


def approval_text(kit: Kit, quote: Quote) -> str:
    return str(quote.approval.state).capitalize()


def approval_tooltip(kit: Kit, quote: Quote) -> str:
    approval = quote.approval
    by = f" by {approval.by}" if approval.by else ""
    on = f" on {approval.date.isoformat()}" if approval.date else ""
    if approval.state is ApprovalState.APPROVED:
        return f"Approved{by}{on}"
    return f"{approval_text(kit, quote)}: not approved yet"


QUOTE_COLUMNS = {
    "expert": Column("Expert", quote_expert_name),
    "title": Column("Title", lambda kit, q: e.title if (e := expert_of(kit, q)) else ""),
    "topic": Column("Topic", lambda kit, q: q.topic),
    "date": Column("Date", lambda kit, q: q.date.isoformat() if q.date else ""),
    "source": Column("Source", lambda kit, q: q.source),
    "approval": Column("Approval", approval_text, approval_tooltip,
                       lambda kit, q: approval_icon(q.approval.state)),
    # A quote asked for and not answered says so, rather than a blank row.
    "text": Column("Quote", lambda kit, q: first_words(q.text) or (
        "(waiting for the answer)" if q.request is not None else ""), lambda kit, q: q.text),
}


def quotes_model(keys: list[str], parent: Any = None) -> KitListModel:
    """A model over ``kit.quotes`` showing the columns named in ``keys``; it repaints on an
    edit of the experts only if it shows something of theirs (each repaint of 5,000 quotes
    makes the views and filters over it look at every row)."""
    depends_on = ("experts",) if {"expert", "title"} & set(keys) else ()
    return KitListModel(("quotes",), [QUOTE_COLUMNS[k] for k in keys], depends_on, parent)
