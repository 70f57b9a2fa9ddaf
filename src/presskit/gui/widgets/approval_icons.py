"""The small state icon beside every quote: approved, pending approval, or still a draft.

Drawn rather than taken from the icon theme, so the three states look alike on every desktop
and read at a glance even without colour: a tick in a filled green disc (approved), a clock
in an amber ring (pending), a pencil in a grey dashed ring (draft). Icons are made once per
state and kept.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap

from presskit.model import ApprovalState

#: Colours that hold their meaning on light and dark themes alike.
_GREEN, _AMBER, _GREY = QColor("#2E8540"), QColor("#C77700"), QColor("#7A7A7A")

APPROVAL_WORDS = {
    ApprovalState.APPROVED: "Approved",
    ApprovalState.PENDING: "Pending approval",
    ApprovalState.DRAFT: "Draft, not sent for approval",
}


def _paint(painter: QPainter, state: ApprovalState) -> None:
    """One icon on the 24-unit square."""
    ring = QRectF(2.5, 2.5, 19, 19)
    if state is ApprovalState.APPROVED:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(_GREEN)
        painter.drawEllipse(ring)
        tick = QPainterPath(QPointF(7, 12.5))
        tick.lineTo(10.5, 16)
        tick.lineTo(17, 8.5)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(QColor("white"), 2.6, Qt.PenStyle.SolidLine,
                            Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
        painter.drawPath(tick)
        return
    if state is ApprovalState.PENDING:
        painter.setPen(QPen(_AMBER, 2.4))
        painter.setBrush(QColor("#FFF3DC"))  # opaque: it reads on a selected row too
        painter.drawEllipse(ring)
        hands = QPainterPath(QPointF(12, 6.5))
        hands.lineTo(12, 12)
        hands.lineTo(16, 14.5)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(_AMBER, 2.2, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                            Qt.PenJoinStyle.RoundJoin))
        painter.drawPath(hands)
        return
    pen = QPen(_GREY, 1.8, Qt.PenStyle.DashLine)
    pen.setDashPattern([2.2, 1.6])
    painter.setPen(pen)
    painter.setBrush(QColor("#F4F4F4"))
    painter.drawEllipse(ring)
    pencil = QPainterPath(QPointF(8, 16))
    pencil.lineTo(15.5, 8.5)
    painter.setPen(QPen(_GREY, 2.4, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    painter.drawPath(pencil)


@cache
def approval_icon(state: ApprovalState) -> QIcon:
    """The icon for ``state`` at the sizes lists and menus use."""
    icon = QIcon()
    for size in (16, 20, 24, 32, 48):
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.scale(size / 24, size / 24)
        _paint(painter, state)
        painter.end()
        icon.addPixmap(pixmap)
        # Kept as they are on a selected row (the style would tint them to the highlight).
        icon.addPixmap(pixmap, QIcon.Mode.Selected)
    return icon
