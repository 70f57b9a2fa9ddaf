"""The "Experts & quotes" panel: the kit's experts, the selected expert's details, and their quotes.

It composes ``ExpertsEditor`` (table and expert form) and ``ExpertQuotesEditor`` (that
expert's quotes and the quote form) in splitters, keeps the quotes side on the selected
expert, and routes ``select(where)`` — for ``("experts", i, …)`` or ``("quotes", j, …)`` — to
the row and field it names.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QGroupBox,
    QScrollArea,
    QSplitter,
    QStackedLayout,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from presskit.gui.editors.binding import index_of
from presskit.gui.editors.expert_form import ExpertsEditor
from presskit.gui.editors.expert_quotes import ExpertQuotesEditor
from presskit.gui.editors.inputs import scrolled
from presskit.model.printable import one_line
from presskit.model.problems import Where

if TYPE_CHECKING:
    from presskit.gui.document.kit_document import KitDocument


class SideBySide(QWidget):
    """Two panes side by side when there is room, else as two tabs (in a narrow dock)."""

    WIDE = 860  # px: below this, two forms side by side are too cramped to type in

    def __init__(self, panes: list[tuple[QGroupBox, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.panes = panes
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.stack = QStackedLayout(self)
        self.stack.addWidget(self.splitter)
        self.stack.addWidget(self.tabs)
        self._wide: bool | None = None
        self._raised: QWidget | None = None
        self.tabs.currentChanged.connect(self._on_tab)
        self._arrange(wide=True)

    def _on_tab(self, _index: int) -> None:
        if not self._wide and self.tabs.currentWidget() is not None:
            self._raised = self.tabs.currentWidget()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._arrange(event.size().width() >= self.WIDE)

    def _arrange(self, wide: bool) -> None:
        if wide == self._wide:
            return
        self._wide = wide
        raised = self._raised  # adding the tabs raises the first one on the way
        for box, title in self.panes:
            if wide:
                box.setTitle(title)
                self.splitter.addWidget(box)  # takes it out of the tab widget
            else:
                box.setTitle("")  # the tab says it
                self.tabs.addTab(box, title)
        if not wide and raised is not None:
            # Back to tabs: the tab the user had raised is raised again, not the first.
            self.tabs.setCurrentWidget(raised)
        self.stack.setCurrentWidget(self.splitter if wide else self.tabs)

    def reveal(self, box: QGroupBox) -> None:
        """Bring ``box`` into view: side by side it already is; as tabs, its tab is raised."""
        if not self._wide:
            self.tabs.setCurrentWidget(box)

    def set_title(self, box: QGroupBox, title: str) -> None:
        self.panes = [(b, title if b is box else t) for b, t in self.panes]
        if self._wide:
            box.setTitle(title)
        else:
            self.tabs.setTabText(self.tabs.indexOf(box), title)


class ExpertsPanel(QWidget):
    """See the module docstring."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("experts")
        self.document: KitDocument | None = None
        self.experts = ExpertsEditor()
        self.quotes = ExpertQuotesEditor()

        # The experts editor's form goes in its own box beside the quotes, not under the table.
        # Each form scrolls inside its own box, so scrolling down to Phone or Bio keeps the
        # experts table in view (one scroll bar for the whole panel pushed it out).
        self.experts.layout_.removeWidget(self.experts.form_box)
        self.details_box = QGroupBox()
        QVBoxLayout(self.details_box).addWidget(scrolled(self.experts.form_box))
        self.quotes.layout_.removeWidget(self.quotes.form_box)
        self.quotes.layout_.addWidget(scrolled(self.quotes.form_box), 3)
        # An expert has a few quotes: three rows leave the quote form room to type in.
        rows = self.quotes.view.verticalHeader().defaultSectionSize()
        self.quotes.view.setMinimumHeight(rows * 3)
        self.quotes_box = QGroupBox()
        QVBoxLayout(self.quotes_box).addWidget(self.quotes)
        self.sides = SideBySide([(self.details_box, "Expert"), (self.quotes_box, "Quotes")])

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.experts)
        self.splitter.addWidget(self.sides)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

        self.experts.current_changed.connect(self._on_expert)
        self._on_expert(None)

    def set_document(self, document: KitDocument | None) -> None:
        if self.document is not None:
            self.document.value_changed.disconnect(self._on_value_changed)
        self.document = document
        if document is not None:
            document.value_changed.connect(self._on_value_changed)
        self.quotes.set_document(document)
        self.experts.set_document(document)
        self._on_expert(self.experts.current)

    def _on_expert(self, expert: Any) -> None:
        self.quotes.set_expert(expert)
        # The name bounded: a tab or box title of a stranger's 10 MB name froze the window.
        self.sides.set_title(
            self.quotes_box, f"Quotes by {one_line(expert.name)}" if expert else "Quotes")
        self.quotes_box.setEnabled(expert is not None)

    def _on_value_changed(self, where: Where) -> None:
        path = self.experts.current_path()
        if path is not None and where[:2] == path and where[2:] in ((), ("name",)):
            self._on_expert(self.experts.current)  # the box title shows the name

    def select(self, where: Where) -> None:
        """Select the expert or quote ``where`` points at, bring its form into view (raising
        its tab when the panel is narrow) and focus the named field."""
        if len(where) < 2 or not isinstance(where[1], int) or self.document is None:
            return
        kit = self.document.kit
        field: QWidget | None
        if where[0] == "experts" and where[1] < len(kit.experts):
            self.experts.select_row(where[1])
            field = field_for(self.experts.fields, where[2:])
            if field is not None:
                self.sides.reveal(self.details_box)
            target = field or self.experts.view
        elif where[0] == "quotes" and where[1] < len(kit.quotes):
            quote = kit.quotes[where[1]]
            expert = kit.expert(quote.expert)
            row = index_of(kit.experts, expert) if expert else None
            if row is not None:
                self.experts.select_row(row)
            self.quotes.select_row(where[1])
            self.sides.reveal(self.quotes_box)
            target = field_for(self.quotes.fields, where[2:]) or self.quotes.view
        else:
            return
        target.setFocus(Qt.FocusReason.OtherFocusReason)
        area = target.parentWidget()
        while area is not None and not isinstance(area, QScrollArea):
            area = area.parentWidget()
        if area is not None:
            area.ensureWidgetVisible(target)


def field_for(fields: dict[str, QWidget], rel: Where) -> QWidget | None:
    """The form field for a path inside an item: ``("approval", "state")`` is the field
    ``approval.state``; ``("approval",)`` the first ``approval.…`` one; ``("topics", 2)``
    the field ``topics``."""
    if not rel:
        return None
    for key in (".".join(str(step) for step in rel[:2]), str(rel[0])):
        if key in fields:
            return fields[key]
    return next((w for key, w in fields.items() if key.startswith(f"{rel[0]}.")), None)
