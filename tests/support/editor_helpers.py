"""What the editor tests share: delivering a drag-and-drop to a view as Qt would, and images."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QDragEnterEvent, QDragMoveEvent, QDropEvent, QImage
from PySide6.QtWidgets import QAbstractItemView, QApplication, QWidget


def row_point(view: QAbstractItemView, row: int, below: bool = False) -> QPoint:
    """A point inside ``row`` of ``view``: its middle, or just above its bottom edge."""
    rect = view.visualRect(view.model().index(row, 0))
    return QPoint(rect.center().x(), rect.bottom() - 1 if below else rect.center().y())


def drop_on(target: QWidget, data: QMimeData, point: QPoint, action: Qt.DropAction) -> bool:
    """Send the enter, move and drop events a drag ending at ``point`` delivers.

    Events go to a view's viewport, which is where Qt delivers them. Returns whether the
    widget accepted the drag and then the drop. (Qt 6.11's bindings take a QPoint for the
    enter and move events and a QPointF for the drop.)
    """
    widget = target.viewport() if isinstance(target, QAbstractItemView) else target
    buttons, modifiers = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(point, action, data, buttons, modifiers)
    QApplication.sendEvent(widget, enter)
    if not enter.isAccepted():
        return False
    move = QDragMoveEvent(point, action, data, buttons, modifiers)
    QApplication.sendEvent(widget, move)
    # A view decides per position (between rows, on a row); a plain widget that accepted
    # the enter keeps the drag, as Qt's drag manager does, whatever its move handler says.
    if isinstance(target, QAbstractItemView) and not move.isAccepted():
        return False
    drop = QDropEvent(QPointF(point), action, data, buttons, modifiers)
    QApplication.sendEvent(widget, drop)
    return drop.isAccepted()


def make_image(path: Path, color: str = "#336699", size: int = 400) -> Path:
    image = QImage(size, size, QImage.Format.Format_RGB32)
    image.fill(QColor(color))
    assert image.save(str(path))
    return path
