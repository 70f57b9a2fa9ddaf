"""Roster ▸ Request Quotes… (also on the Experts table's right-click menu): the dialog, then
the pending quotes recorded in the kit as one undo step.

The roster experts the user ticked are added to the kit first (``library.add_to_kit``, as
Add Selected to Kit does), then a pending quote per expert (``library.requests``), all
inside one undo macro, so Edit ▸ Undo takes the whole request back.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from presskit.gui.dialogs.draft_options import SENDER_SETTING
from presskit.gui.dialogs.request_quotes import Chosen, RequestQuotesDialog, ask_for_quotes
from presskit.gui.document.commands import InsertItem
from presskit.gui.widgets.icons import themed_icon
from presskit.gui.window.host import WindowHost
from presskit.library import Roster, add_to_kit
from presskit.library.requests import pending_quotes
from presskit.model import Quote

if TYPE_CHECKING:
    from presskit.gui.document.kit_document import KitDocument
    from presskit.gui.roster.store import RosterStore


def record_requests(document: KitDocument, roster: Roster | None, chosen: Chosen) -> list[Quote]:
    """Add the chosen roster experts and a pending quote per expert as one undo step; the
    new quotes, in the order asked."""
    kit = document.kit
    addition = (add_to_kit(kit, roster, chosen.roster_ids)
                if chosen.roster_ids and roster is not None else None)
    stack = document.undo_stack
    count = len(chosen.kit_ids) + len(chosen.roster_ids)
    stack.beginMacro(f"Request quotes from {count} expert{'s' if count != 1 else ''}")
    try:
        ids = list(chosen.kit_ids)
        if addition is not None:
            for expert in addition.experts:
                document.push(InsertItem(document, ("experts",), len(kit.experts), expert))
            ids += [addition.expert_ids[r] for r in chosen.roster_ids
                    if r in addition.expert_ids]
        quotes = pending_quotes(kit, chosen.ask, ids)
        for quote in quotes:
            document.push(InsertItem(document, ("quotes",), len(kit.quotes), quote))
    finally:
        stack.endMacro()
    return quotes


class RequestActions:
    """The Request Quotes action, in the Roster menu and on the Experts table."""

    #: Replaced by tests: runs the dialog, returns what was chosen.
    run_dialog = staticmethod(ask_for_quotes)

    def __init__(self, window: WindowHost, store: RosterStore) -> None:
        self.window = window
        self.store = store
        self.action = QAction(themed_icon("mail-message-new"), "Request &Quotes…", window)
        self.action.setObjectName("requestQuotes")
        tip = ("Ask experts for quotes: a personal e-mail to each, and a pending quote "
               "per expert in the kit")
        self.action.setStatusTip(tip)
        self.action.setToolTip(tip)
        self.action.triggered.connect(lambda _checked=False: self.request_quotes())
        menu = window.menuBar().findChild(QMenu, "rosterMenu")
        if isinstance(menu, QMenu) and menu.actions():
            first = menu.actions()[0]
            menu.insertAction(first, self.action)
            menu.insertSeparator(first)
        view = window.experts.experts.view
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        view.addAction(self.action)

    def dialog(self) -> RequestQuotesDialog:
        window = self.window
        kit = window.document.kit
        current = window.experts.experts.current
        dialog = RequestQuotesDialog(
            kit, self.store.roster if self.store.ok else None, dt.date.today(),
            from_address=str(window.settings.get(SENDER_SETTING, "") or ""),
            clash=window.output_clash, preselect=current.id if current else None,
            parent=window)
        dialog.start_folder = window.start_folder("draft")
        return dialog

    def request_quotes(self) -> bool:
        window = self.window
        dialog = self.dialog()
        chosen, accepted = type(self).run_dialog(dialog)
        if not accepted or chosen is None:
            return False
        if chosen.folder is not None:
            window.remember_folder("draft", chosen.folder)
        quotes = record_requests(window.document, self.store.roster if self.store.ok else None,
                                 chosen)
        where = f"; drafts saved in {chosen.folder}" if chosen.folder is not None else ""
        window.show_status(f"Recorded {len(quotes)} pending quote"
                           f"{'s' if len(quotes) != 1 else ''}{where}")
        return True
