"""A plain-text box with line numbers in the margin and some lines marked.

The paste box of New Kit from Text reports what it could not read by line number; numbering
the lines (the text's lines, however they wrap) and tinting the ones with a note lets the user
find them without counting. It is Qt's "code editor" example: a margin widget the editor
paints numbers into as it scrolls.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QTextCursor,
    QTextFormat,
)
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QWidget

MARK_COLOR = QColor(255, 236, 179)  # a light amber that reads on light and dark text


class _Margin(QWidget):
    def __init__(self, editor: NumberedTextEdit) -> None:
        super().__init__(editor)
        self.editor = editor

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(self.editor.margin_width(), 0)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        self.editor.paint_margin(event)


class NumberedTextEdit(QPlainTextEdit):
    """``QPlainTextEdit`` with a line-number margin; ``mark_lines`` tints 1-based lines."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.margin = _Margin(self)
        self._marked: list[int] = []
        self.blockCountChanged.connect(lambda _n: self._update_margin_width())
        self.updateRequest.connect(self._scroll_margin)
        self._update_margin_width()

    def margin_width(self) -> int:
        digits = len(str(max(1, self.blockCount())))
        return 10 + self.fontMetrics().horizontalAdvance("9") * max(digits, 2)

    def _update_margin_width(self) -> None:
        self.setViewportMargins(self.margin_width(), 0, 0, 0)

    def _scroll_margin(self, rect: QRect, dy: int) -> None:
        if dy:
            self.margin.scroll(0, dy)
        else:
            self.margin.update(0, rect.y(), self.margin.width(), rect.height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        inner = self.contentsRect()
        self.margin.setGeometry(QRect(inner.left(), inner.top(), self.margin_width(),
                                      inner.height()))

    def paint_margin(self, event: QPaintEvent) -> None:
        painter = QPainter(self.margin)
        palette = self.palette()
        painter.fillRect(event.rect(), palette.window())
        painter.setPen(palette.placeholderText().color())
        block = self.firstVisibleBlock()
        number = block.blockNumber()
        top = round(self.blockBoundingGeometry(block).translated(self.contentOffset()).top())
        height = self.fontMetrics().height()
        while block.isValid() and top <= event.rect().bottom():
            bottom = top + round(self.blockBoundingRect(block).height())
            if block.isVisible() and bottom >= event.rect().top():
                painter.drawText(0, top, self.margin.width() - 5, height,
                                 Qt.AlignmentFlag.AlignRight, str(number + 1))
            block = block.next()
            top, number = bottom, number + 1
        painter.end()

    def mark_lines(self, lines: Iterable[int]) -> None:
        """Tint the text's lines ``lines`` (1-based), replacing the earlier marks."""
        self._marked = sorted(set(lines))
        selections = []
        for line in self._marked:
            block = self.document().findBlockByNumber(line - 1)
            if not block.isValid():
                continue
            selection = QTextEdit.ExtraSelection()
            selection.format.setBackground(MARK_COLOR)
            selection.format.setForeground(QColor("black"))
            selection.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
            cursor = self.textCursor()
            cursor.setPosition(block.position())
            cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock,
                                QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selections.append(selection)
        self.setExtraSelections(selections)

    def marked_lines(self) -> list[int]:
        return list(self._marked)
