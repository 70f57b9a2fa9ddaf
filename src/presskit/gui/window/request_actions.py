"""Roster ▸ Request Quotes… (also on the Experts table's right-click menu): the dialog, then
the pending quotes recorded in the kit as one undo step.

The roster experts the user ticked are added to the kit first (``library.add_to_kit``, as
Add Selected to Kit does), then a pending quote per expert (``library.requests``), all
inside one undo macro, so Edit ▸ Undo takes the whole request back. The pending quotes are
listed in the kit's quotes section when it has only one. The dialog starts with the kit's
experts not yet asked for anything ticked, and the one selected in the Experts table.

When an answer arrives, the press officer copies it from the e-mail and presses Ctrl+V on
the expert's row (or chooses Paste Answer on its right-click menu): it fills that expert's
pending quote, as pasting into the quote's text box would.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QMenu

from presskit.gui.dialogs.draft_options import SENDER_SETTING
from presskit.gui.document.commands import InsertItem, SetValue
from presskit.gui.roster.edits import quotes_section_for
from presskit.gui.widgets.icons import themed_icon
from presskit.gui.widgets.shown import shown
from presskit.gui.window.host import WindowHost
from presskit.library import Roster, add_to_kit
from presskit.library.requests import pending_quotes
from presskit.model import Quote, QuotesSection
from presskit.model.limits import MAX_TEXT_BYTES
from presskit.model.requests import unanswered_requests

if TYPE_CHECKING:
    from presskit.gui.dialogs.request_quotes import Chosen, RequestQuotesDialog
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
        # Listed in the kit's quotes section (as Add to Kit lists banked quotes), so the
        # answers are in place as they arrive; the pre-flight names any still missing.
        index = quotes_section_for(kit, None)
        if index is not None:
            section = kit.sections[index]
            assert isinstance(section, QuotesSection)
            for quote in quotes:
                document.push(InsertItem(document, ("sections", index, "quotes"),
                                         len(section.quotes), quote.id))
    finally:
        stack.endMacro()
    return quotes


def _ask_for_quotes(dialog: RequestQuotesDialog) -> tuple[Chosen | None, bool]:
    # The dialog's module is imported with the first request, not with the window: it
    # writes the e-mails with ``presskit.formats``, which the window's start does without.
    from presskit.gui.dialogs.request_quotes import ask_for_quotes

    return ask_for_quotes(dialog)


class RequestActions:
    """The Request Quotes action, in the Roster menu and on the Experts table."""

    #: Replaced by tests: runs the dialog, returns what was chosen.
    run_dialog = staticmethod(_ask_for_quotes)

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
        # The answer, copied from the expert's e-mail, pasted on the expert's row: Ctrl+V on
        # the Experts table (which has no other use for it) or its right-click menu.
        self.paste_answer = QAction(themed_icon("edit-paste"), "&Paste Answer", window)
        self.paste_answer.setObjectName("pasteAnswer")
        self.paste_answer.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Paste)
                                       or [QKeySequence("Ctrl+V")])
        self.paste_answer.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        tip = ("Paste the answer you copied from the expert's e-mail into their pending "
               "quote")
        self.paste_answer.setStatusTip(tip)
        self.paste_answer.setToolTip(tip)
        self.paste_answer.triggered.connect(lambda _checked=False: self.paste_answer_text())
        view = window.experts.experts.view
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        view.addAction(self.action)
        view.addAction(self.paste_answer)

    def dialog(self) -> RequestQuotesDialog:
        window = self.window
        kit = window.document.kit
        current = window.experts.experts.current
        # Ticked at first: the experts of the kit not yet asked for anything (just added
        # from a spreadsheet, say), and the one selected in the Experts table.
        quoted = {quote.expert for quote in kit.quotes}
        ticked = [e.id for e in kit.experts if e.id not in quoted]
        if current is not None:
            ticked.append(current.id)
        from presskit.gui.dialogs.request_quotes import RequestQuotesDialog

        dialog = RequestQuotesDialog(
            kit, self.store.roster if self.store.ok else None, dt.date.today(),
            from_address=str(window.settings.get(SENDER_SETTING, "") or ""),
            clash=window.output_clash, preselect=ticked, parent=window)
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

    def paste_answer_text(self) -> bool:
        """Fill the selected expert's first unanswered request with the clipboard's text, as
        pasting it into the quote's text box would (one undo step)."""
        window = self.window
        expert = window.experts.experts.current
        if expert is None:
            return False
        kit = window.document.kit
        waiting = next((w for w in unanswered_requests(kit) if w.expert_id == expert.id), None)
        name = shown(expert.name or expert.id)
        if waiting is None:
            window.show_status(f"{name} has no request waiting for an answer")
            return False
        text = QGuiApplication.clipboard().text().replace("\r\n", "\n").replace("\r", "\n")
        if not text.strip():
            window.show_status("The clipboard has no text to paste as the answer")
            return False
        if len(text.encode("utf-8", "surrogatepass")) > MAX_TEXT_BYTES:
            window.show_status("The clipboard's text is too long for a quote")
            return False
        window.document.push(SetValue(window.document, waiting.where, text.strip("\n"),
                                     f"Paste {name}'s answer", mergeable=False))
        window.show_status(f"{name}'s answer is in their quote")
        return True
