"""Answering a real modal dialog the way a user would, and clicking a check box in any item
view: shared by the roster and import tests."""

from __future__ import annotations

import time
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QStyle,
    QStyleOptionViewItem,
)

#: Bumped at the end of every GUI test (``tests/gui/conftest.py``): a wait left over from
#: a test whose dialog never came ends quietly instead of failing the next test.
generation = [0]


def when_dialog(kind: type[QDialog], act: Any, seconds: float = 30) -> None:
    """Run ``act(dialog)`` once a modal ``kind`` is up (the code under test waits in exec).

    Call it before the click that opens the dialog; inside ``act``, call it again before the
    click that opens the next one. The wait is by the clock, long enough for a machine
    busy with other work; only a dialog that never comes costs it in full.
    """
    deadline = time.monotonic() + seconds
    born = generation[0]

    def poll() -> None:
        if generation[0] != born:
            return  # its test is over
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind) and dialog.isVisible():
            act(dialog)
        elif time.monotonic() < deadline:
            QTimer.singleShot(10, poll)
        else:
            pytest.fail(f"no {kind.__name__} appeared")

    QTimer.singleShot(0, poll)


def click_check(qtbot: Any, view: QAbstractItemView, index: QModelIndex) -> None:
    """Click the check box of the item at ``index``, where the style draws it."""
    view.scrollTo(index)
    option = QStyleOptionViewItem()
    option.initFrom(view)
    option.rect = view.visualRect(index)
    view.itemDelegate().initStyleOption(option, index)
    box = view.style().subElementRect(
        QStyle.SubElement.SE_ItemViewItemCheckIndicator, option, view)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=box.center())
