"""Toolbar and menu icons: the desktop's icon theme first, Qt's built-in style icons after.

Linux desktops ship freedesktop-named icons that match the user's theme (light or dark); other
platforms, and the offscreen test platform, have no theme, so every icon names a ``QStyle``
standard pixmap to fall back on rather than shipping a second icon set. The few the style
lacks (add, copy, export, e-mail) and those whose style pixmaps are black whatever the palette (the
arrows of undo, redo, move and page) are drawn as simple line icons in the palette's text
colour, so they follow a light or dark system palette.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap, QTransform
from PySide6.QtWidgets import QApplication, QStyle

SP = QStyle.StandardPixmap

#: freedesktop icon name → the style's closest standard icon.
_FALLBACKS: dict[str, QStyle.StandardPixmap] = {
    "document-new": SP.SP_FileIcon,
    "document-open": SP.SP_DialogOpenButton,
    "document-open-recent": SP.SP_DirOpenIcon,
    "document-save": SP.SP_DialogSaveButton,
    "document-save-as": SP.SP_DialogSaveButton,
    "document-close": SP.SP_DialogCloseButton,
    "application-exit": SP.SP_TitleBarCloseButton,
    "edit-delete": SP.SP_TrashIcon,
    "dialog-warning": SP.SP_MessageBoxWarning,
    "dialog-error": SP.SP_MessageBoxCritical,
    "dialog-information": SP.SP_MessageBoxInformation,
    "help-about": SP.SP_MessageBoxInformation,
    "view-refresh": SP.SP_BrowserReload,
    "package-x-generic": SP.SP_DirClosedIcon,
}


def _plus(path: QPainterPath) -> None:
    path.moveTo(12, 4)
    path.lineTo(12, 20)
    path.moveTo(4, 12)
    path.lineTo(20, 12)


def _copy(path: QPainterPath) -> None:
    path.addRoundedRect(QRectF(3.5, 3.5, 11, 13), 1.5, 1.5)
    path.addRoundedRect(QRectF(9.5, 7.5, 11, 13), 1.5, 1.5)


def _export(path: QPainterPath) -> None:
    # A page with its corner folded and an arrow leaving it.
    path.moveTo(13, 3.5)
    path.lineTo(5, 3.5)
    path.lineTo(5, 20.5)
    path.lineTo(17, 20.5)
    path.lineTo(17, 15)
    path.moveTo(11, 11)
    path.lineTo(21, 11)
    path.moveTo(17.5, 7.5)
    path.lineTo(21, 11)
    path.lineTo(17.5, 14.5)


def _envelope(path: QPainterPath) -> None:
    path.addRoundedRect(QRectF(3.5, 6, 17, 12.5), 1.5, 1.5)
    path.moveTo(4, 7)
    path.lineTo(12, 13)
    path.lineTo(20, 7)


def _arrow_up(path: QPainterPath) -> None:
    path.moveTo(12, 19.5)
    path.lineTo(12, 4.5)
    path.moveTo(5.5, 11)
    path.lineTo(12, 4.5)
    path.lineTo(18.5, 11)


def _undo(path: QPainterPath) -> None:
    # A hook: back along the top, then round and down.
    path.moveTo(8.5, 5)
    path.lineTo(4, 9.5)
    path.lineTo(8.5, 14)
    path.moveTo(4, 9.5)
    path.lineTo(14, 9.5)
    path.cubicTo(QPointF(17.6, 9.5), QPointF(20, 12), QPointF(20, 15))
    path.cubicTo(QPointF(20, 18), QPointF(17.6, 20), QPointF(14, 20))
    path.lineTo(10, 20)


def _turned(draw: Callable[[QPainterPath], None], degrees: float = 0,
            mirrored: bool = False) -> Callable[[QPainterPath], None]:
    """``draw`` turned about the middle of the 24-unit square, or mirrored left to right."""

    def turned(path: QPainterPath) -> None:
        shape = QPainterPath()
        draw(shape)
        transform = QTransform().translate(12, 12).rotate(degrees)
        if mirrored:
            transform.scale(-1, 1)
        path.addPath(transform.translate(-12, -12).map(shape))

    return turned


_DRAWN: dict[str, Callable[[QPainterPath], None]] = {
    "list-add": _plus,
    "edit-copy": _copy,
    "document-export": _export,
    "mail-message-new": _envelope,
    "go-up": _arrow_up,
    "go-down": _turned(_arrow_up, 180),
    "go-previous": _turned(_arrow_up, -90),
    "go-next": _turned(_arrow_up, 90),
    "edit-undo": _undo,
    "edit-redo": _turned(_undo, mirrored=True),
}


def _drawn_icon(draw: Callable[[QPainterPath], None]) -> QIcon:
    """A 24-unit line drawing in the text colour, at the sizes toolbars and menus use."""
    app = QApplication.instance()
    color = (
        QApplication.palette().windowText().color() if app is not None else QColor("#333333")
    )
    path = QPainterPath()
    draw(path)
    icon = QIcon()
    for size in (16, 22, 24, 32, 48, 64):
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.scale(size / 24, size / 24)
        pen = QPen(color, 1.8, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                   Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.drawPath(path.translated(QPointF(0, 0)))
        painter.end()
        icon.addPixmap(pixmap)
    return icon


def themed_icon(name: str) -> QIcon:
    """The theme's icon called ``name``, else the style's stand-in for it."""
    if QIcon.hasThemeIcon(name):
        return QIcon.fromTheme(name)
    if name in _DRAWN:
        return _drawn_icon(_DRAWN[name])
    fallback = _FALLBACKS.get(name)
    style = QApplication.style()
    if fallback is None or style is None:
        return QIcon()
    return style.standardIcon(fallback)
