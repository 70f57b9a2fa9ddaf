"""The "Add quotes…" dialog: every quote in the kit, searchable by expert name, title and topic.

A ``QSortFilterProxyModel`` over the shared quotes table model does the searching and
sorting; quotes already in the section are shown disabled (greyed by the system palette) and
marked, so they cannot be added twice. ``QuotePickerDialog.choose`` returns
``(quote_ids, accepted)`` so callers stay a line long and tests can answer the dialog.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from presskit.gui.document.kit_models import ItemRole, KitListModel, quotes_model
from presskit.gui.editors.binding import describe

if TYPE_CHECKING:
    from presskit.gui.document.kit_document import KitDocument

AnyIndex = QModelIndex | QPersistentModelIndex
PICKER_COLUMNS = ["expert", "title", "topic", "approval", "text"]


class QuoteFilter(QSortFilterProxyModel):
    """Keeps quotes whose expert name, expert title or topics contain every search word."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self.chosen: set[str] = set()
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def set_search(self, text: str) -> None:
        self.beginFilterChange()
        self._words = text.casefold().split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:  # noqa: N802
        if not self._words:
            return True
        model = self.sourceModel()
        assert isinstance(model, KitListModel) and model.document is not None
        quote = model.item(source_row)
        expert = model.document.kit.expert(quote.expert)
        haystack = " ".join(
            [
                quote.topic,
                *(
                    [expert.name, expert.honorific, expert.title, expert.program, *expert.topics]
                    if expert
                    else []
                ),
            ]
        ).casefold()
        return all(word in haystack for word in self._words)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if self._quote_id(index) in self.chosen:
            flags &= ~(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        return flags

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        value = super().data(index, role)
        if self._quote_id(index) in self.chosen:
            if role == Qt.ItemDataRole.ToolTipRole:
                return "Already in this section"
            if role == Qt.ItemDataRole.DisplayRole and index.column() == 0:
                return f"✓ {value}"
        return value

    def _quote_id(self, index: AnyIndex) -> str | None:
        if not index.isValid():
            return None
        quote = self.mapToSource(self.index(index.row(), 0, index.parent())).data(ItemRole)
        return quote.id if quote is not None else None


class QuotePickerDialog(QDialog):
    """See the module docstring."""

    def __init__(
        self, document: KitDocument, chosen: list[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("quotePicker")
        self.setWindowTitle("Add quotes")
        self.source = quotes_model(PICKER_COLUMNS, self)
        self.source.set_document(document)
        self.proxy = QuoteFilter(self)
        self.proxy.chosen = set(chosen)
        self.proxy.setSourceModel(self.source)

        self.search = QLineEdit()
        self.search.setPlaceholderText("Search by expert name, title or topic")
        self.search.setClearButtonEnabled(True)
        describe(
            self.search, "Search quotes", "Words to find in the expert's name, title or the topic"
        )
        label = QLabel("&Search:")
        label.setBuddy(self.search)

        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # kit order until asked
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.resizeColumnsToContents()
        for column in range(len(PICKER_COLUMNS) - 1):
            header.resizeSection(column, min(header.sectionSize(column), 220))
        self.table.setTabKeyNavigation(False)
        describe(
            self.table,
            "Quotes",
            "Select one or more quotes (Ctrl/Shift+click); ✓ marks those already in the section",
        )

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.add_button = self.buttons.addButton("&Add", QDialogButtonBox.ButtonRole.AcceptRole)
        describe(self.add_button, "Add selected quotes")
        self.add_button.setEnabled(False)

        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.resize(900, 480)

        self.search.textChanged.connect(self.proxy.set_search)
        self.table.selectionModel().selectionChanged.connect(
            lambda *_: self.add_button.setEnabled(bool(self.selected_ids()))
        )
        self.table.doubleClicked.connect(self._double_clicked)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def _double_clicked(self, _index: QModelIndex) -> None:
        if self.add_button.isEnabled():
            self.accept()

    def selected_ids(self) -> list[str]:
        """The selected quotes in the order the table shows them."""
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        ids = [self.proxy._quote_id(self.proxy.index(row, 0)) for row in rows]
        return [quote_id for quote_id in ids if quote_id and quote_id not in self.proxy.chosen]

    def done(self, result: int) -> None:
        self._result_ids = self.selected_ids()
        self.source.set_document(None)  # stop following the document once closed
        super().done(result)

    @classmethod
    def choose(
        cls, parent: QWidget | None, document: KitDocument, chosen: list[str]
    ) -> tuple[list[str], bool]:
        dialog = cls(document, chosen, parent)
        try:
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
            return (dialog._result_ids if accepted else []), accepted
        finally:
            dialog.deleteLater()
