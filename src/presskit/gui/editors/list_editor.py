"""A table of one of the kit's lists with Add and Delete buttons and a form for the selected row.

Experts, an expert's quotes, contacts and resources are all edited this way. The form follows
the selected *item* (by identity), not the row number, so it keeps editing the same contact
when an undo elsewhere shifts the rows. Subclasses say how to make a new item and add their
form rows to ``self.form``; deleting goes through ``deletions`` so references never dangle.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from presskit.gui.document.commands import InsertItem
from presskit.gui.document.deletions import delete_with_references, uses_of
from presskit.gui.document.kit_models import KitListModel
from presskit.gui.editors.binding import Binder, describe, index_of
from presskit.gui.widgets.shown import shown
from presskit.model.operations import NAMED_LISTS, followed_id
from presskit.model.problems import Where

if TYPE_CHECKING:
    from presskit.gui.document.kit_document import KitDocument


#: How many rows are measured to size the columns when a kit is opened.
FIT_ROWS = 100


def make_table(name: str, tooltip: str = "") -> QTableView:
    view = QTableView()
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)  # the form edits
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.setTabKeyNavigation(False)  # Tab leaves the table for the buttons and the form
    describe(view, name, tooltip)
    return view


class ListEditor(QWidget):
    """See the module docstring. ``noun`` names one item ("contact") in labels."""

    current_changed = Signal(object)

    def __init__(
        self,
        model: KitListModel,
        noun: str,
        proxy: QSortFilterProxyModel | None = None,
        parent: QWidget | None = None,
        stretch_column: int = 0,
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.proxy = proxy
        self.noun = noun
        self.stretch_column = stretch_column
        self.document: KitDocument | None = None
        self._current: Any = None
        self.fields: dict[str, QWidget] = {}

        self.view = make_table(f"{noun.capitalize()}s", f"Select a {noun} to edit it below")
        # A few rows always show, however tall the form below grows.
        self.view.setMinimumHeight(self.view.verticalHeader().defaultSectionSize() * 5)
        if proxy is not None:
            proxy.setSourceModel(model)
            self.view.setModel(proxy)
        else:
            self.view.setModel(model)
        self.add_button = QPushButton(f"&Add {noun}")
        describe(self.add_button, f"Add {noun}", f"Add a new {noun}")
        self.delete_button = QPushButton("Delete")
        describe(self.delete_button, f"Delete {noun}", f"Delete the selected {noun} (Delete key)")
        delete_action = QAction(f"Delete {noun}", self.view)
        delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete_action.triggered.connect(self.delete_current)
        self.view.addAction(delete_action)

        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        self.binder = Binder(self, self.current_path)
        self.binder.follow = self._id_follows_name
        self.form_box = QWidget()
        self.form = QFormLayout(self.form_box)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.layout_.addWidget(self.view, 1)
        self.layout_.addLayout(buttons)
        self.layout_.addWidget(self.form_box)

        self.add_button.clicked.connect(self.add_item)
        self.delete_button.clicked.connect(self.delete_current)
        self.view.selectionModel().currentRowChanged.connect(self._on_current_row)
        self.view.model().rowsRemoved.connect(self._after_rows_removed)
        # A kit started empty has columns as narrow as their headers; the first names typed
        # would show as "Ana…" until the kit is reopened.
        self.view.model().rowsInserted.connect(
            lambda _parent, first, last: self._grow_columns(first, last))
        self.view.model().dataChanged.connect(
            lambda top_left, bottom_right, _roles=(): self._grow_columns(
                top_left.row(), bottom_right.row()))
        self.view.model().modelReset.connect(self._after_rows_removed)
        self._update_enabled()

    # -- to override ----------------------------------------------------------------------

    def new_item(self) -> Any:
        raise NotImplementedError

    def insert_index(self) -> int:
        return len(self.model.items)

    # -- document -------------------------------------------------------------------------

    def set_document(self, document: KitDocument | None) -> None:
        self.document = document
        self._current = None
        self.model.set_document(document)
        self.binder.set_document(document)
        self.fit_columns()
        if self.view.model().rowCount():
            self.select_row(0)
        self._update_enabled()

    def fit_columns(self) -> None:
        """Size columns to their text, with one column taking the remaining width."""
        header = self.view.horizontalHeader()
        header.setStretchLastSection(False)
        # Qt measures this many rows (its default, 1,000, took 0.3 s on a 2,000-expert kit);
        # rows added or edited later widen their column themselves (``_grow_columns``).
        header.setResizeContentsPrecision(FIT_ROWS)
        self.view.resizeColumnsToContents()
        for column in range(self.model.columnCount()):
            header.resizeSection(column, min(header.sectionSize(column), 260))
        header.setSectionResizeMode(self.stretch_column, QHeaderView.ResizeMode.Stretch)

    def _grow_columns(self, first: int, last: int) -> None:
        """Widen a column whose text in view rows ``first``…``last`` (just added or edited)
        has outgrown it, up to the cap; never narrow one (the user may have sized it). Only
        those of the rows on screen are measured: a keystroke in a kit of thousands
        measures one row, and a change shown in every row (an expert's new name in all
        their quotes) no more than a screenful."""
        header = self.view.horizontalHeader()
        model = self.view.model()
        top = self.view.rowAt(0)
        bottom = self.view.rowAt(self.view.viewport().height() - 1)
        top = 0 if top < 0 else top
        bottom = model.rowCount() - 1 if bottom < 0 else bottom
        rows = range(max(first, top, 0), min(last, bottom, max(first, top) + FIT_ROWS) + 1)
        grid = 1 if self.view.showGrid() else 0
        for column in range(self.model.columnCount()):
            if column == self.stretch_column:
                continue
            widths = (self.view.sizeHintForIndex(model.index(row, column)).width()
                      for row in rows)
            wanted = min(max(widths, default=0) + grid, 260)
            if header.sectionSize(column) < wanted:
                header.resizeSection(column, wanted)

    @property
    def current(self) -> Any:
        return self._current

    def current_path(self) -> Where | None:
        if self._current is None:
            return None
        row = index_of(self.model.items, self._current)
        return None if row is None else (*self.model.list_path, row)

    def current_row(self) -> int | None:
        """The selected item's index in the kit's list (not the view's row)."""
        path = self.current_path()
        return None if path is None else int(path[-1])

    # -- selection ------------------------------------------------------------------------

    def select_row(self, source_row: int) -> None:
        """Select item ``source_row`` of the kit's list (mapped through the proxy)."""
        index = self.model.index(source_row, 0)
        if self.proxy is not None:
            index = self.proxy.mapFromSource(index)
        if index.isValid():
            self.view.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.view.scrollTo(index)

    def _source_row(self, view_index: QModelIndex) -> int | None:
        if not view_index.isValid():
            return None
        if self.proxy is not None:
            view_index = self.proxy.mapToSource(view_index)
        return view_index.row()

    def _on_current_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = self._source_row(current)
        item = None if row is None or row >= len(self.model.items) else self.model.items[row]
        self._set_current(item)

    def _set_current(self, item: Any) -> None:
        if item is self._current:
            return
        self._current = item
        self.binder.refresh()
        self._update_enabled()
        self.current_changed.emit(item)

    def _after_rows_removed(self, *_args: Any) -> None:
        if self._current is not None and index_of(self.model.items, self._current) is None:
            # The shown item is gone (deleted, or an add was undone): show a neighbour.
            index = self.view.currentIndex()
            row = self._source_row(index)
            item = (
                self.model.items[row] if row is not None and row < len(self.model.items) else None
            )
            self._set_current(item)

    def _update_enabled(self) -> None:
        has_document = self.document is not None
        self.add_button.setEnabled(has_document)
        self.delete_button.setEnabled(self._current is not None)
        self.form_box.setEnabled(self._current is not None)

    # -- actions ----------------------------------------------------------------------------

    def _id_follows_name(self, path: Where, value: Any) -> list[tuple[Where, Any]]:
        """A new item's id made from the name typed, not the placeholder (see
        ``model.operations.followed_id``)."""
        if self.document is None or len(path) != 3 or not isinstance(value, str):
            return []
        list_name, index, field_name = path
        named = NAMED_LISTS.get(str(list_name))
        if named is None or field_name != named[0] or not isinstance(index, int):
            return []
        new_id = followed_id(self.document.kit, str(list_name), index, value)
        return [((list_name, index, "id"), new_id)] if new_id is not None else []

    def add_item(self) -> None:
        if self.document is None:
            return
        index = self.insert_index()
        self.document.push(
            InsertItem(
                self.document, self.model.list_path, index, self.new_item(), f"Add {self.noun}"
            )
        )
        self.select_row(index)
        first = next(iter(self.fields.values()), None)
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)
            if isinstance(first, QLineEdit):
                first.selectAll()  # typing replaces the placeholder ("New contact")

    def delete_current(self) -> None:
        row = self.current_row()
        if self.document is None or row is None:
            return
        list_name = str(self.model.list_path[0])
        uses = uses_of(self.document.kit, list_name, row)
        if uses and not self.confirm_delete(uses):
            return
        delete_with_references(self.document, list_name, row, f"Delete {self.noun}")

    def confirm_delete(self, uses: list[str]) -> bool:
        answer = QMessageBox.question(
            self,
            f"Delete {self.noun}",
            f"Deleting this {self.noun} also removes "
            + " and ".join(shown(use) for use in uses) + ".\n\n"
            "You can undo this with Edit ▸ Undo.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    def focus_field(self, name: str) -> None:
        widget = self.fields.get(name)
        if widget is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def add_field(self, label: str, name: str, widget: QWidget, tooltip: str = "") -> QWidget:
        """Add a form row and remember the widget under the model field ``name``."""
        describe(widget, label.replace("&", "").rstrip(":"), tooltip)
        self.form.addRow(label, widget)
        self.fields[name] = widget
        return widget
