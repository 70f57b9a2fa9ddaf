"""Approving quotes where they are listed: Approve, Mark Pending and Approve All.

``ApprovalActions`` gives a view of quotes (the quotes section's list, the expert's quotes
table) the actions, their keys (Ctrl+Shift+A approves, Ctrl+Shift+P marks pending, while the
list has the focus) and a context menu. Approving fills in *approved by* with the user's name
and *on* with today's date; the name is asked once, the first time it is needed
(``ApproverNameDialog``), kept in ``Settings`` under ``APPROVER_SETTING``, and changed in
Preferences. ``set_approvals`` makes each action one undo step, however many quotes it
approves.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from presskit.gui.document.commands import SetValue
from presskit.gui.editors.binding import describe
from presskit.gui.settings import Settings
from presskit.gui.widgets.approval_icons import approval_icon
from presskit.model import Approval, ApprovalState
from presskit.model.printable import one_line

if TYPE_CHECKING:
    from presskit.gui.document.kit_document import KitDocument

#: The user's name, written as *approved by* on the quotes they approve.
APPROVER_SETTING = "approver_name"
APPROVE_KEYS = "Ctrl+Shift+A"
PENDING_KEYS = "Ctrl+Shift+P"
#: Names are one line; a pasted page is cut here rather than stored in every quote.
MAX_NAME = 200


class ApproverNameDialog(QDialog):
    """Asks for the name quotes are approved by; OK needs a name."""

    def __init__(self, current: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("approverName")
        self.setWindowTitle("Your Name")
        intro = QLabel(
            "Quotes you approve are marked <i>approved by</i> you, with today's date. "
            "Which name should they show?")
        intro.setWordWrap(True)
        self.name_edit = QLineEdit(current)
        self.name_edit.setObjectName("approverNameEdit")
        self.name_edit.setMaxLength(MAX_NAME)
        self.name_edit.setPlaceholderText("e.g. Alex Morgan, Press Office")
        describe(self.name_edit, "Your name", "Written as “approved by” on quotes you approve")
        label = QLabel("Your &name:")
        label.setBuddy(self.name_edit)
        later = QLabel("You can change it later in Edit ▸ Preferences.")
        later.setEnabled(False)  # the system's quieter text colour
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addSpacing(4)
        layout.addWidget(label)
        layout.addWidget(self.name_edit)
        layout.addWidget(later)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)
        self.name_edit.textChanged.connect(self._update_ok)
        self._update_ok()

    def name(self) -> str:
        return " ".join(self.name_edit.text().split())

    def _update_ok(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setEnabled(bool(self.name()))

    @classmethod
    def ask(cls, parent: QWidget | None, current: str = "") -> tuple[str | None, bool]:
        dialog = cls(current, parent)
        try:
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
            return (dialog.name() if accepted else None), accepted
        finally:
            dialog.deleteLater()


def approver_name(parent: QWidget | None, settings: Settings) -> str | None:
    """The user's name from the settings, asked (and kept) the first time; ``None`` if the
    user cancels."""
    name = " ".join(str(settings.get(APPROVER_SETTING, "") or "").split())[:MAX_NAME]
    if name:
        return name
    asked, accepted = ApproverNameDialog.ask(parent)
    if not accepted or not asked:
        return None
    settings.set(APPROVER_SETTING, asked)
    return asked


def set_approvals(
    document: KitDocument, rows: Sequence[int], approval: Approval, text: str = ""
) -> int:
    """Give the quotes at ``rows`` of ``kit.quotes`` ``approval``, as one undo step; returns
    how many changed (quotes already so are left alone)."""
    quotes = document.kit.quotes
    changing = [row for row in dict.fromkeys(rows)
                if 0 <= row < len(quotes) and quotes[row].approval != approval]
    if not changing:
        return 0
    verb = "Approve" if approval.state is ApprovalState.APPROVED else "Mark pending"
    if not text:
        if len(changing) == 1:
            expert = document.kit.expert(quotes[changing[0]].expert)
            text = f"{verb}: quote by {one_line(expert.name, 80)}" if expert else f"{verb} quote"
        else:
            text = f"{verb}: {len(changing)} quotes"
    stack = document.undo_stack
    stack.beginMacro(text)
    try:
        for row in changing:
            value = Approval(approval.state, approval.by, approval.date)
            document.push(SetValue(document, ("quotes", row, "approval"), value, text))
    finally:
        stack.endMacro()
    return len(changing)


class ApprovalActions(QObject):
    """Approve / Mark Pending (and, given ``all_rows``, Approve All) for a view of quotes.

    ``rows`` and ``all_rows`` say which quotes (indexes in ``kit.quotes``) are selected and
    which the view lists."""

    def __init__(
        self,
        view: QAbstractItemView,
        document: Callable[[], KitDocument | None],
        rows: Callable[[], list[int]],
        all_rows: Callable[[], list[int]] | None = None,
        all_text: str = "Approve All in This Section",
    ) -> None:
        super().__init__(view)
        self.view = view
        self._document = document
        self._rows = rows
        self._all_rows = all_rows
        #: Where the user's name is kept; the window hands its own in.
        self.settings: Settings | None = None
        self.today: Callable[[], dt.date] = dt.date.today
        self.last_menu: QMenu | None = None  # the open context menu, for tests to answer
        self.approve_action = self._action(
            "&Approve", APPROVE_KEYS, ApprovalState.APPROVED, self.approve_selected)
        self.pending_action = self._action(
            "Mark &Pending", PENDING_KEYS, ApprovalState.PENDING, self.mark_selected_pending)
        self.approve_all_action: QAction | None = None
        if all_rows is not None:
            self.approve_all_action = self._action(
                all_text, None, ApprovalState.APPROVED, self.approve_all)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(self._menu)

    def _action(self, text: str, keys: str | None, state: ApprovalState,
                slot: Callable[[], object]) -> QAction:
        action = QAction(approval_icon(state), text, self.view)
        if keys is not None:
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            # The menu says which key does it, as menus elsewhere in the app do.
            action.setShortcutVisibleInContextMenu(True)
            self.view.addAction(action)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _settings(self) -> Settings:
        if self.settings is None:
            self.settings = Settings()
        return self.settings

    def update(self) -> None:
        """Enable what applies to the selection."""
        document = self._document()
        quotes = document.kit.quotes if document is not None else []
        states = {quotes[row].approval.state for row in self._rows() if 0 <= row < len(quotes)}
        self.approve_action.setEnabled(bool(states - {ApprovalState.APPROVED}))
        self.pending_action.setEnabled(bool(states - {ApprovalState.PENDING}))
        if self.approve_all_action is not None and self._all_rows is not None:
            self.approve_all_action.setEnabled(any(
                quotes[row].approval.state is not ApprovalState.APPROVED
                for row in self._all_rows() if 0 <= row < len(quotes)))

    def _menu(self, point: QPoint) -> None:
        self.update()
        menu = QMenu(self.view)
        menu.setObjectName("quoteApprovalMenu")
        menu.addAction(self.approve_action)
        menu.addAction(self.pending_action)
        if self.approve_all_action is not None:
            menu.addSeparator()
            menu.addAction(self.approve_all_action)
        self.last_menu = menu
        menu.exec(self.view.viewport().mapToGlobal(point))
        self.last_menu = None
        menu.deleteLater()

    def _approve(self, rows: list[int], text: str = "") -> int:
        document = self._document()
        quotes = document.kit.quotes if document is not None else []
        rows = [row for row in rows if 0 <= row < len(quotes)
                and quotes[row].approval.state is not ApprovalState.APPROVED]
        if document is None or not rows:
            return 0
        name = approver_name(self.view.window(), self._settings())
        if name is None:
            return 0
        changed = set_approvals(
            document, rows, Approval(ApprovalState.APPROVED, name, self.today()), text)
        self.update()
        return changed

    def approve_selected(self) -> int:
        return self._approve(self._rows())

    def approve_all(self) -> int:
        return self._approve(self._all_rows() if self._all_rows is not None else [],
                             "Approve all quotes in the section")

    def mark_selected_pending(self) -> int:
        document = self._document()
        if document is None:
            return 0
        changed = set_approvals(document, self._rows(), Approval(ApprovalState.PENDING))
        self.update()
        return changed
