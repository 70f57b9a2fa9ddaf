"""The form of a quotes section: heading, photos switch, and the chosen quotes in order.

``SectionQuotesModel`` is a list model over ``section.quotes`` (quote ids). Dragging a row
in the view calls ``moveRows`` (Qt's internal move), which pushes a ``MoveItem``; the rows
actually move only when the document announces it, so drag, keyboard, undo and redo all
update the view through the same ``beginMoveRows`` path. Quotes are added through the
picker dialog in ``quote_picker``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QHBoxLayout,
    QListView,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from presskit.gui.document.commands import InsertItem, MoveItem, RemoveItem
from presskit.gui.document.kit_models import first_words
from presskit.gui.document.list_model import DraggableRows
from presskit.gui.editors.approvals import APPROVE_KEYS, PENDING_KEYS, ApprovalActions
from presskit.gui.editors.binding import describe, index_of
from presskit.gui.sections.quote_picker import QuotePickerDialog
from presskit.gui.sections.section_forms import SectionForm
from presskit.gui.widgets.approval_icons import APPROVAL_WORDS, approval_icon
from presskit.model import ApprovalState, SectionType
from presskit.model.printable import one_line, tip
from presskit.model.problems import Where

if TYPE_CHECKING:
    from presskit.gui.document.kit_document import KitDocument

AnyIndex = QModelIndex | QPersistentModelIndex
ROWS_MIME = "application/x-presskit-section-quote-rows"
QuoteIdRole = Qt.ItemDataRole.UserRole + 1


class SectionQuotesModel(DraggableRows, QAbstractListModel):
    """Rows are the quote ids of the shown quotes section; see the module docstring."""

    mime_type = ROWS_MIME

    def __init__(self, base: Callable[[], Where | None], parent: Any = None) -> None:
        super().__init__(parent)
        self._base = base

    def section_changed(self) -> None:
        """The editor now shows another section (or none)."""
        self._reset()

    def list_path(self) -> Where | None:
        base = self._base() if self.document is not None else None
        return None if base is None else (*base, "quotes")

    def _rows_path(self) -> Where | None:
        return self.list_path()

    def _move_text(self, row: int) -> str:
        return "Move quote"

    def _moves_text(self, count: int) -> str:
        return "Move quotes"

    def _value_changed(self, where: Where) -> None:
        if self.list_path() is None:
            return
        if self._replaces_list(where):
            self.section_changed()  # the list (or the section holding it) was replaced
        elif where and where[0] in ("quotes", "experts") and self.rowCount():
            # A quote's text or an expert's name changed: labels may have too.
            self.dataChanged.emit(self.index(0), self.index(self.rowCount() - 1))

    @property
    def ids(self) -> list[str]:
        path = self.list_path()
        if path is None or self.document is None:
            return []
        section = self.document.kit.sections[int(path[1])]
        return section.quotes if hasattr(section, "quotes") else []

    # -- reading --------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.ids)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.document is None or index.row() >= len(self.ids):
            return None
        kit = self.document.kit
        quote_id = self.ids[index.row()]
        quote = kit.quote(quote_id)
        expert = kit.expert(quote.expert) if quote else None
        if role == Qt.ItemDataRole.DisplayRole:
            if quote is None:
                return f"(missing quote {quote_id})"
            name = expert.name if expert else quote.expert
            return f"{one_line(name, 100)} — {first_words(quote.text, 70)}"
        if role == Qt.ItemDataRole.ToolTipRole and quote is not None:
            approval = quote.approval
            by = f" by {one_line(approval.by)}" if approval.by else ""
            on = f" on {approval.date.isoformat()}" if approval.date else ""
            done = approval.state is ApprovalState.APPROVED
            return f"{tip(quote.text)}\n\n{APPROVAL_WORDS[approval.state]}" + (
                f"{by}{on}" if done else f" ({APPROVE_KEYS} approves)")
        if role == Qt.ItemDataRole.DecorationRole:
            # Every row says where its quote stands; unapproved ones must not go out unnoticed.
            if quote is None:
                return QApplication.style().standardIcon(
                    QStyle.StandardPixmap.SP_MessageBoxWarning)
            return approval_icon(quote.approval.state)
        if role == QuoteIdRole:
            return quote_id
        return None

    # -- drag and drop --------------------------------------------------------------------

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return (
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        )


class QuotesForm(SectionForm):
    section_type = SectionType.QUOTES

    def build(self) -> None:
        self.heading("Optional, e.g. “What our experts say”")
        photos = QCheckBox("Show each expert's headshot beside the quote")
        self.add("", "photos", photos, "Headshots are set under Experts & quotes")
        photos.setAccessibleName("Show photos")
        self.model = SectionQuotesModel(self.binder.path, self)
        self.view = QListView()
        self.view.setModel(self.model)
        # DragDrop rather than InternalMove: the model already refuses anything but its own
        # rows, and InternalMove would also refuse a drop whose QDrag it did not start
        # (which is how the tests deliver one).
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.view.setDragEnabled(True)
        self.view.setAcceptDrops(True)
        self.view.setDropIndicatorShown(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setAlternatingRowColors(True)
        self.view.setSpacing(2)
        # Rows end in "…" at the pane's edge instead of scrolling sideways; the tooltip
        # has the whole quote.
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setUniformItemSizes(True)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setMinimumHeight(self.view.fontMetrics().lineSpacing() * 8)
        describe(
            self.view,
            "Quotes in this section",
            f"Drag to reorder; Alt+Up/Alt+Down move, Delete removes the selected quote; "
            f"{APPROVE_KEYS} approves it, {PENDING_KEYS} marks it pending; right-click for "
            "more",
        )
        self.unapproved_only = QCheckBox("Show only quotes &not yet approved")
        self.unapproved_only.setObjectName("unapprovedOnly")
        describe(self.unapproved_only, "Show only quotes not yet approved",
                 "Hide the approved quotes of this section; they stay in the section. "
                 "Untick it to reorder the quotes.")

        self.add_button = QPushButton("&Add quotes…")
        describe(self.add_button, "Add quotes", "Choose quotes from the kit's experts")
        self.remove_button = QPushButton("&Remove")
        describe(
            self.remove_button,
            "Remove quote",
            "Take the selected quote out of this section (Delete)",
        )
        self.up_button = QPushButton("Move &up")
        describe(self.up_button, "Move quote up", "Alt+Up")
        self.down_button = QPushButton("Move &down")
        describe(self.down_button, "Move quote down", "Alt+Down")
        self.approvals = ApprovalActions(
            self.view, lambda: self.document, self._selected_quote_rows, self._all_quote_rows)
        self.approve_button = QPushButton(approval_icon(ApprovalState.APPROVED), "Appro&ve")
        describe(self.approve_button, "Approve quote",
                 f"Mark the selected quote approved by you, today ({APPROVE_KEYS})")
        self.approve_all_button = QPushButton("Approve a&ll")
        describe(self.approve_all_button, "Approve all quotes in this section",
                 "Mark every quote of this section approved by you, today (one undo step)")
        buttons = QVBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addSpacing(self.view.fontMetrics().lineSpacing() // 2)
        buttons.addWidget(self.approve_button)
        buttons.addWidget(self.approve_all_button)
        buttons.addStretch(1)
        listed = QVBoxLayout()
        listed.setContentsMargins(0, 0, 0, 0)
        listed.addWidget(self.view, 1)
        listed.addWidget(self.unapproved_only)
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addLayout(listed, 1)
        row.addLayout(buttons)
        self.form.addRow("&Quotes:", box)
        self.fields["quotes"] = self.view
        label = self.form.labelForField(box)
        if label is not None:
            label.setBuddy(self.view)  # type: ignore[attr-defined]

        for keys, slot in (
            (QKeySequence(QKeySequence.StandardKey.Delete), self.remove_selected),
            (QKeySequence("Alt+Up"), lambda: self.move_selected(-1)),
            (QKeySequence("Alt+Down"), lambda: self.move_selected(+1)),
        ):
            action = QAction(self.view)
            action.setShortcut(keys)
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(slot)
            self.view.addAction(action)
        self.add_button.clicked.connect(self.add_quotes)
        self.remove_button.clicked.connect(self.remove_selected)
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button.clicked.connect(lambda: self.move_selected(+1))
        self.approve_button.clicked.connect(self.approvals.approve_selected)
        self.approve_all_button.clicked.connect(self.approvals.approve_all)
        self.unapproved_only.toggled.connect(lambda *_: self._apply_filter())
        self.model.dataChanged.connect(lambda *_: self._apply_filter())
        # A click makes the row current first and selects it afterwards (the keyboard does
        # both at once), so the buttons follow the selection, not only the current row. And
        # every change of the rows (an undone removal inserts one) can change what the
        # selected row may do.
        selection = self.view.selectionModel()
        selection.currentChanged.connect(lambda *_: self._update_buttons())
        selection.selectionChanged.connect(lambda *_: self._update_buttons())
        for signal in (self.model.rowsMoved, self.model.rowsRemoved, self.model.rowsInserted,
                       self.model.modelReset, self.model.layoutChanged):
            signal.connect(lambda *_: self._apply_filter())

    def set_document(self, document: KitDocument | None) -> None:
        self.model.set_document(document)
        super().set_document(document)

    def refresh(self) -> None:
        super().refresh()
        self.model.section_changed()

    def focus_field(self, where: Where) -> None:
        if len(where) > 1 and where[0] == "quotes" and isinstance(where[1], int):
            self.select_row(where[1])
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            super().focus_field(where)

    def select_row(self, row: int) -> None:
        self.view.setCurrentIndex(self.model.index(row))

    def _selected_row(self) -> int | None:
        index = self.view.currentIndex()
        return (
            index.row()
            if index.isValid() and self.view.selectionModel().isSelected(index)
            and not self.view.isRowHidden(index.row())
            else None
        )

    def _update_buttons(self) -> None:
        row = self._selected_row()
        count = self.model.rowCount()
        self.remove_button.setEnabled(row is not None)
        # Reordering among hidden rows would move quotes the user cannot see.
        movable = row is not None and not self.unapproved_only.isChecked()
        self.up_button.setEnabled(movable and row is not None and row > 0)
        self.down_button.setEnabled(movable and row is not None and row < count - 1)
        self.view.setDragEnabled(not self.unapproved_only.isChecked())
        self.approvals.update()
        self.approve_button.setEnabled(self.approvals.approve_action.isEnabled())
        all_action = self.approvals.approve_all_action
        self.approve_all_button.setEnabled(all_action is not None and all_action.isEnabled())

    def _quote_row(self, quote_id: str) -> int | None:
        """Where quote ``quote_id`` is in ``kit.quotes``."""
        if self.document is None:
            return None
        quote = self.document.kit.quote(quote_id)
        return None if quote is None else index_of(self.document.kit.quotes, quote)

    def _selected_quote_rows(self) -> list[int]:
        row = self._selected_row()
        found = None if row is None else self._quote_row(self.model.ids[row])
        return [] if found is None else [found]

    def _all_quote_rows(self) -> list[int]:
        rows = (self._quote_row(quote_id) for quote_id in self.model.ids)
        return [row for row in rows if row is not None]

    def _apply_filter(self) -> None:
        """Hide the approved quotes while *not yet approved only* is ticked."""
        only = self.unapproved_only.isChecked()
        kit = self.document.kit if self.document is not None else None
        for row, quote_id in enumerate(self.model.ids):
            quote = kit.quote(quote_id) if kit is not None else None
            approved = quote is not None and quote.approval.state is ApprovalState.APPROVED
            self.view.setRowHidden(row, only and approved)
        self._update_buttons()

    def move_selected(self, step: int) -> None:
        row = self._selected_row()
        path = self.model.list_path()
        if row is None or path is None or self.document is None:
            return
        if self.unapproved_only.isChecked():
            return  # some rows are hidden: see _update_buttons
        target = row + step
        if 0 <= target < self.model.rowCount():
            self.document.push(MoveItem(self.document, path, row, target, "Move quote"))
            # The persistent current index followed the row; keep it visible.
            self.view.scrollTo(self.view.currentIndex())
        self._update_buttons()

    def remove_selected(self) -> None:
        row = self._selected_row()
        path = self.model.list_path()
        if row is None or path is None or self.document is None:
            return
        self.document.push(RemoveItem(self.document, path, row, "Remove quote from section"))
        if self.model.rowCount():
            self.select_row(min(row, self.model.rowCount() - 1))
        self._update_buttons()

    def add_quotes(self) -> None:
        path = self.model.list_path()
        if path is None or self.document is None:
            return
        chosen, accepted = QuotePickerDialog.choose(self, self.document, self.model.ids)
        new = [quote_id for quote_id in chosen if quote_id not in self.model.ids]
        if not accepted or not new:
            return
        stack = self.document.undo_stack
        stack.beginMacro(f"Add {len(new)} quote{'s' if len(new) != 1 else ''}")
        for quote_id in new:
            self.document.push(InsertItem(self.document, path, self.model.rowCount(), quote_id))
        stack.endMacro()
        self.select_row(self.model.rowCount() - 1)
        self._update_buttons()
