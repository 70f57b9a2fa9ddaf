"""The outline pane: the kit's sections in order, to include, reorder, add, copy and delete.

The list view (object name ``outline``) shows ``OutlineModel``; rows are dragged to reorder
them (Qt calls the model's ``moveRows``, or ``dropMimeData`` for a drop it did not start),
moved with Ctrl+Up/Down or Alt+Up/Down, and ticked to include them in the PDF. Choosing a row
tells the section editor which section to show. The pane's actions also sit in the main
window's Section menu; their shortcuts only fire while the outline has focus, so Ctrl+Up still
moves the caret in a text field of the editor.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QFont, QFontMetrics, QKeySequence, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QListView,
    QMenu,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from presskit.gui.document.commands import InsertItem, RemoveItem
from presskit.gui.document.kit_document import KitDocument
from presskit.gui.sections.outline_model import (
    DETAIL_ROLE,
    HIDDEN_ROLE,
    SECTIONS,
    TYPE_ROLE,
    OutlineModel,
)
from presskit.gui.widgets.icons import themed_icon
from presskit.model import SECTION_CLASSES, SectionType, Where
from presskit.model.operations import duplicated_section, new_section

_AnyIndex = QModelIndex | QPersistentModelIndex


class OutlineDelegate(QStyledItemDelegate):
    """Two lines per row: the title, then the type and a detail in a smaller, quieter font."""

    PADDING = 4

    def _detail_font(self, option: QStyleOptionViewItem) -> QFont:
        font = QFont(option.font)
        font.setPointSizeF(max(font.pointSizeF() * 0.85, 6.0))
        return font

    def sizeHint(self, option: QStyleOptionViewItem, index: _AnyIndex) -> QSize:  # noqa: N802
        base = super().sizeHint(option, index)
        detail = self._detail_font(option)
        height = option.fontMetrics.height() + QFontMetrics(detail).height() + 3 * self.PADDING
        return QSize(base.width(), max(base.height(), height))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _AnyIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        title = opt.text
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else None
        if style is None:
            return super().paint(painter, option, index)
        # Check box, selection and focus come from the style; only the text is ours.
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        text_rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget)
        text_rect = text_rect.adjusted(self.PADDING, self.PADDING, -self.PADDING, -self.PADDING)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        hidden = bool(index.data(HIDDEN_ROLE))
        group = (
            QPalette.ColorGroup.Disabled if hidden and not selected else QPalette.ColorGroup.Normal
        )
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.save()
        title_font = QFont(opt.font)
        title_font.setBold(not hidden)
        painter.setFont(title_font)
        painter.setPen(opt.palette.color(group, role))
        title_height = painter.fontMetrics().height()
        title_rect = QRect(text_rect.left(), text_rect.top(), text_rect.width(), title_height)
        left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        elide = Qt.TextElideMode.ElideRight
        painter.drawText(
            title_rect, left, painter.fontMetrics().elidedText(title, elide, title_rect.width())
        )
        detail_parts = [str(index.data(TYPE_ROLE) or ""), str(index.data(DETAIL_ROLE) or "")]
        if hidden:
            detail_parts.insert(0, "Hidden")
        detail = "  ·  ".join(part for part in detail_parts if part)
        painter.setFont(self._detail_font(opt))
        if not selected:
            painter.setPen(opt.palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
        detail_rect = QRect(
            text_rect.left(), title_rect.bottom() + self.PADDING // 2,
            text_rect.width(), painter.fontMetrics().height(),
        )
        painter.drawText(
            detail_rect, left, painter.fontMetrics().elidedText(detail, elide, detail_rect.width())
        )
        painter.restore()
        return None


class OutlineView(QListView):
    """The list of sections; drags reorder it (``InternalMove`` → the model's ``moveRows``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outline")
        self.setAccessibleName("Sections of the kit")
        self.setToolTip(
            "The kit's sections in PDF order. Drag to reorder, tick to include in the PDF."
        )
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        # DragDrop rather than InternalMove: the model already refuses anything but its own
        # document's rows, and InternalMove would also refuse a drop whose source Qt cannot
        # name (a drop delivered by an accessibility tool or a test harness).
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setUniformItemSizes(True)
        self.setItemDelegate(OutlineDelegate(self))


class OutlinePanel(QWidget):
    """The outline with its buttons; emits ``section_selected`` with a row or ``None``."""

    section_selected = Signal(object)
    #: A section was added (Add Section) at this row and selected: its form may take the cursor.
    section_added = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outlinePanel")
        self._document: KitDocument | None = None
        self._shown: tuple[int, int] | None = None  # (row, id of the section) last announced

        self.model = OutlineModel(self)
        self.view = OutlineView(self)
        self.view.setModel(self.model)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._announce())
        for signal in (self.model.rowsMoved, self.model.rowsInserted, self.model.rowsRemoved,
                       self.model.modelReset):
            signal.connect(lambda *_: self._announce())

        self._build_actions()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.view, 1)
        layout.addLayout(self._build_buttons())
        self._update_actions()

    # Actions: in the pane's buttons and the window's Section menu.

    def _action(self, text: str, icon: str, tip: str, slot: object,
                keys: list[QKeySequence] | None = None) -> QAction:
        action = QAction(themed_icon(icon), text, self)
        action.setToolTip(tip)
        action.setStatusTip(tip)
        if keys:
            action.setShortcuts(keys)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        ctrl, alt = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier
        up, down = Qt.Key.Key_Up, Qt.Key.Key_Down
        self.add_menu = QMenu("&Add Section", self)
        self.add_menu.setIcon(themed_icon("list-add"))
        self.add_menu.setToolTipsVisible(True)
        self.add_actions: dict[SectionType, QAction] = {}
        for section_type in SectionType:
            label = SECTION_CLASSES[section_type].LABEL
            action = self.add_menu.addAction(label)
            action.setStatusTip(f"Add a “{label}” section after the selected one")
            action.triggered.connect(lambda _=False, t=section_type: self.add_section(t))
            self.add_actions[section_type] = action
        self.duplicate_action = self._action(
            "D&uplicate Section", "edit-copy", "Add a copy of the selected section below it",
            self.duplicate_section, [QKeySequence(ctrl | Qt.Key.Key_D)],
        )
        self.delete_action = self._action(
            "&Delete Section", "edit-delete", "Delete the selected section (undo brings it back)",
            self.delete_section, [QKeySequence(QKeySequence.StandardKey.Delete)],
        )
        self.move_up_action = self._action(
            "Move Section &Up", "go-up", "Move the selected section up (Ctrl+Up)",
            self.move_up, [QKeySequence(ctrl | up), QKeySequence(alt | up)],
        )
        self.move_up_action.setIconText("Up")
        self.move_down_action = self._action(
            "Move Section Do&wn", "go-down", "Move the selected section down (Ctrl+Down)",
            self.move_down, [QKeySequence(ctrl | down), QKeySequence(alt | down)],
        )
        self.move_down_action.setIconText("Down")

    def _build_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setContentsMargins(2, 0, 2, 2)
        add = QToolButton(self)
        add.setObjectName("addSectionButton")
        add.setText("Add")
        add.setIcon(themed_icon("list-add"))
        add.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        add.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        add.setMenu(self.add_menu)
        add.setToolTip("Add a section of any type")
        add.setAccessibleName("Add section")
        row.addWidget(add)
        self.buttons: dict[str, QToolButton] = {"add": add}
        for name, action in (
            ("duplicate", self.duplicate_action),
            ("delete", self.delete_action),
            ("up", self.move_up_action),
            ("down", self.move_down_action),
        ):
            button = QToolButton(self)
            button.setObjectName(f"{name}SectionButton")
            button.setDefaultAction(action)
            button.setAccessibleName(action.text().replace("&", ""))
            button.setAutoRaise(True)
            row.addWidget(button)
            self.buttons[name] = button
        row.addStretch(1)
        return row

    # The document.

    def set_document(self, document: KitDocument) -> None:
        if self._document is not None:
            self._document.changed.disconnect(self._update_actions)
        self._document = document
        document.changed.connect(self._update_actions)
        self._shown = None
        self.model.set_document(document)
        if self.model.rowCount():
            self.select_row(0)
        self._update_actions()

    def current_row(self) -> int | None:
        index = self.view.currentIndex()
        return index.row() if index.isValid() else None

    def select_row(self, row: int) -> None:
        index = self.model.index(row)
        if index.isValid():
            self.view.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
            self.view.scrollTo(index)

    def select(self, where: Where) -> None:
        """Show the section a problem is about (``("sections", i, ...)``)."""
        if len(where) >= 2 and where[0] == SECTIONS[0] and isinstance(where[1], int):
            self.select_row(where[1])
        elif where == SECTIONS:  # a section is missing: the way to add one
            self.buttons["add"].setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _announce(self) -> None:
        """Tell the editor which section to show when the selected one changed, including when
        it moved to another row or another section took its row (undo, delete)."""
        row = self.current_row()
        section = self.model.section_at(row) if row is not None else None
        shown = (row, id(section)) if row is not None and section is not None else None
        if shown != self._shown:
            self._shown = shown
            self.section_selected.emit(row if shown is not None else None)
        self._update_actions()

    def _update_actions(self) -> None:
        row = self.current_row()
        count = self.model.rowCount()
        has = row is not None
        self.duplicate_action.setEnabled(has)
        self.delete_action.setEnabled(has)
        self.move_up_action.setEnabled(has and row is not None and row > 0)
        self.move_down_action.setEnabled(has and row is not None and row < count - 1)
        enabled = self._document is not None
        self.add_menu.setEnabled(enabled)

    # Edits, one undo step each.

    def add_section(self, section_type: SectionType) -> None:
        if self._document is None:
            return
        row = self.current_row()
        index = row + 1 if row is not None else self.model.rowCount()
        section = new_section(self._document.kit, section_type)
        self._document.push(
            InsertItem(self._document, SECTIONS, index, section, f"Add {section.LABEL} section")
        )
        self.select_row(index)
        self.section_added.emit(index)

    def duplicate_section(self) -> None:
        row = self.current_row()
        if self._document is None or row is None:
            return
        copy = duplicated_section(self._document.kit, row)
        self._document.push(
            InsertItem(self._document, SECTIONS, row + 1, copy, f"Duplicate section “{copy.title}”")
        )
        self.select_row(row + 1)

    def delete_section(self) -> None:
        row = self.current_row()
        section = self.model.section_at(row) if row is not None else None
        if self._document is None or row is None or section is None:
            return
        self._document.push(
            RemoveItem(self._document, SECTIONS, row, f"Delete section “{section.title}”")
        )
        if self.model.rowCount():
            self.select_row(min(row, self.model.rowCount() - 1))

    def move_up(self) -> None:
        row = self.current_row()
        if row is not None and row > 0:
            self.model.move_section(row, row - 1)

    def move_down(self) -> None:
        row = self.current_row()
        if row is not None and row < self.model.rowCount() - 1:
            self.model.move_section(row, row + 1)
