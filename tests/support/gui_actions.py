"""What a user does with the window, as test helpers: click a row or its check box, drag a
row, press a key; and ``Dialogs``, the scripted answers to the window's questions. Shared by
the GUI tests (the fixtures themselves are in ``tests/gui/conftest.py``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QListView, QStyle, QStyleOptionViewItem, QWidget

from presskit.gui.window.main_window import MainWindow
from support.editor_helpers import drop_on


@dataclass
class Dialogs:
    """Scripted answers (first in, first out) and the questions asked, per dialog."""

    answers: dict[str, list[Any]] = field(default_factory=dict)
    asked: dict[str, list[tuple[Any, ...]]] = field(default_factory=dict)
    #: The dialogs in the order they came up.
    order: list[str] = field(default_factory=list)

    def answer(self, name: str, *values: Any) -> None:
        self.answers.setdefault(name, []).extend(values)

    def _reply(self, name: str, *args: Any) -> Any:
        self.asked.setdefault(name, []).append(args)
        self.order.append(name)
        if not self.answers.get(name):
            pytest.fail(f"unexpected dialog: {name}{args}")
        return self.answers[name].pop(0)

    def count(self, name: str) -> int:
        return len(self.asked.get(name, []))


def close_quietly(window: MainWindow) -> None:
    """Close without the unsaved-changes question (the test is over)."""
    window.document.undo_stack.setClean()
    window.close()


CNAS_ORDER = ["lead", "booking", "cheat-sheet", "experts", "sharper", "closing", "about"]


def outline_view(window: MainWindow) -> QListView:
    view = window.findChild(QListView, "outline")
    assert view is not None
    return view


def section_ids(window: MainWindow) -> list[str]:
    return [s.id for s in window.document.kit.sections]


def row_titles(view: QListView) -> list[str]:
    model = view.model()
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def row_of(view: QListView, section_id: str, window: MainWindow) -> int:
    return section_ids(window).index(section_id)


def click_row(qtbot: Any, view: QListView, row: int) -> None:
    rect = view.visualRect(view.model().index(row, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def click_check_box(qtbot: Any, view: QListView, row: int) -> None:
    index = view.model().index(row, 0)
    option = QStyleOptionViewItem()
    option.initFrom(view)
    option.rect = view.visualRect(index)
    view.itemDelegate().initStyleOption(option, index)
    box = view.style().subElementRect(
        QStyle.SubElement.SE_ItemViewItemCheckIndicator, option, view
    )
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=box.center())


def drag_row(qtbot: Any, view: QListView, source: int, before: int) -> None:
    """Drag row ``source`` with the mouse and drop it just above row ``before``.

    The press-and-move is real: it makes the view start its own drag. The offscreen platform
    cannot complete a drag (its QDrag.exec returns IgnoreAction at once and delivers no drop
    events), so the drop half is delivered as the drag manager would: DragEnter, DragMove and
    Drop events at the target, carrying the data the view's model makes for the dragged row.
    """
    model = view.model()
    viewport = view.viewport()
    start = view.visualRect(model.index(source, 0)).center()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    step = QApplication.startDragDistance() + 2
    qtbot.mouseMove(viewport, start + QPoint(0, step))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=start + QPoint(0, step))

    if before < model.rowCount():
        target = view.visualRect(model.index(before, 0)).topLeft() + QPoint(20, 2)
    else:
        target = view.visualRect(model.index(model.rowCount() - 1, 0)).bottomLeft() + QPoint(
            20, 6)
    data = model.mimeData([model.index(source, 0)])
    assert drop_on(view, data, target, Qt.DropAction.MoveAction), "the outline refused the drop"


def press(qtbot: Any, widget: QWidget, key: Qt.Key,
          modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    widget.setFocus()
    qtbot.keyClick(widget, key, modifiers)
