"""The selected expert's quotes: a table of them and a form for the selected quote.

The table is the kit-wide quotes model seen through a proxy that keeps one expert's rows,
so inserting, deleting and undoing quotes refresh it like any other view of ``kit.quotes``.
The form edits the text, topic, date, source and approval (state, by whom, when).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget

from presskit.gui.document.kit_models import KitListModel, quotes_model
from presskit.gui.editors.approvals import APPROVE_KEYS, PENDING_KEYS, ApprovalActions
from presskit.gui.editors.inputs import OptionalDateEdit
from presskit.gui.editors.list_editor import ListEditor
from presskit.model import ApprovalState, Expert
from presskit.model.operations import new_quote
from presskit.model.printable import one_line
from presskit.model.requests import day_words, deadline_words

AnyIndex = QModelIndex | QPersistentModelIndex


class OneExpertsQuotes(QSortFilterProxyModel):
    """Keeps the rows of ``kit.quotes`` attributed to one expert id."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.expert_id: str | None = None

    def set_expert(self, expert_id: str | None) -> None:
        if expert_id == self.expert_id:
            return  # the rows follow edits of the quotes themselves (a dynamic filter)
        self.beginFilterChange()
        self.expert_id = expert_id
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:  # noqa: N802
        model = self.sourceModel()
        assert isinstance(model, KitListModel)
        return self.expert_id is not None and model.item(source_row).expert == self.expert_id


class ExpertQuotesEditor(ListEditor):
    """See the module docstring."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.filter = OneExpertsQuotes()
        super().__init__(
            quotes_model(["text", "topic", "date", "approval"]), "quote", self.filter, parent
        )
        self.view.setMinimumHeight(self.view.verticalHeader().defaultSectionSize() * 3)
        self.setObjectName("expertQuotes")
        self.filter.setParent(self)
        self.view.setAccessibleName("Quotes by the selected expert")
        self.view.setToolTip("Select a quote to edit it below")
        b = self.binder
        text = QPlainTextEdit()
        text.setTabChangesFocus(True)
        text.setMinimumHeight(text.fontMetrics().lineSpacing() * 5)
        b.bind(
            self.add_field("&Quote:", "text", text, "The quote, without quotation marks"), "text"
        )
        b.bind(
            self.add_field(
                "To&pic:", "topic", QLineEdit(), "What it is about; the quote picker searches it"
            ),
            "topic",
        )
        b.bind(
            self.add_field(
                "&Date:", "date", OptionalDateEdit("Quote date"), "When the expert said it"
            ),
            "date",
        )
        source = QLineEdit()
        source.setPlaceholderText("e-mail to press office")
        b.bind(self.add_field("&Source:", "source", source, "Where the quote came from"), "source")
        state = QComboBox()
        for value, label in (
            (ApprovalState.DRAFT, "Draft"),
            (ApprovalState.PENDING, "Pending approval"),
            (ApprovalState.APPROVED, "Approved"),
        ):
            state.addItem(label, value.value)
        b.bind(
            self.add_field(
                "Appro&val:", "approval.state", state, "Only approved quotes should go out"
            ),
            "approval",
            "state",
            to_widget=str,
            to_model=ApprovalState,
        )
        b.bind(
            self.add_field("Approved &by:", "approval.by", QLineEdit(), "Who approved the wording"),
            "approval",
            "by",
        )
        b.bind(
            self.add_field("Approval da&te:", "approval.date", OptionalDateEdit("Approval date")),
            "approval",
            "date",
        )
        self.add_button.setEnabled(False)
        self.approvals = ApprovalActions(
            self.view, lambda: self.document,
            lambda: [] if (row := self.current_row()) is None else [row])
        self.view.setToolTip(
            f"Select a quote to edit it below; {APPROVE_KEYS} approves it, {PENDING_KEYS} "
            "marks it pending (or right-click)")
        self.current_changed.connect(lambda _item: self.approvals.update())
        self.view.model().dataChanged.connect(lambda *_: self.approvals.update())
        self.text_edit = text
        self.current_changed.connect(self._show_request)

    def _show_request(self, quote: Any) -> None:
        """A quote asked for shows the request where its answer goes: paste it there."""
        request = getattr(quote, "request", None)
        if request is None:
            self.text_edit.setPlaceholderText("")
            return
        due = f" (deadline {deadline_words(request.deadline)})" if request.deadline else ""
        self.text_edit.setPlaceholderText(
            f"Asked on {day_words(request.asked)}{due}: paste the answer here")

    def set_expert(self, expert: Expert | None) -> None:
        """Show the quotes of ``expert`` (``None``: none)."""
        self.filter.set_expert(expert.id if expert else None)
        noun = f"Quotes by {one_line(expert.name)}" if expert else "Quotes"
        self.view.setAccessibleName(noun)
        self.fit_columns()
        if self.filter.rowCount():
            self.view.selectRow(0)
        else:
            self._set_current(None)
        self._update_enabled()

    def _update_enabled(self) -> None:
        super()._update_enabled()
        self.add_button.setEnabled(self.document is not None and self.filter.expert_id is not None)

    def new_item(self) -> Any:
        assert self.document is not None and self.filter.expert_id is not None
        return new_quote(self.document.kit, self.filter.expert_id)

    def insert_index(self) -> int:
        # Right after the expert's last quote keeps the kit's quote list grouped by expert.
        quotes = self.model.items
        mine = [i for i, q in enumerate(quotes) if q.expert == self.filter.expert_id]
        return mine[-1] + 1 if mine else len(quotes)
