"""The "Roster" dock: find experts in the roster, see their banked quotes, bring them into the kit.

A search box filters the experts table (``RosterFilter``: name, title, program and topics,
case and accents ignored) as the user types; several experts can be selected at once. The
quotes the selected experts have in the bank are listed beside them with a check box each;
"Add to Kit" copies the experts and the ticked quotes into the kit as one undo step
(``gui.roster.edits``), linking experts the kit already has instead of copying them twice.
"Update from Roster…" shows what the roster knows better before it changes anything, and
"Save to roster" (run from the Roster menu or the Experts pane) puts a kit's expert and their
quotes in the bank. The roster itself lives in a ``RosterStore``; a roster file that does not
load is shown here with its ``file:line:col`` message, and nothing writes to it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from presskit.gui.editors.binding import describe
from presskit.gui.editors.inputs import scrolled
from presskit.gui.roster.edits import add_from_roster, apply_updates
from presskit.gui.roster.models import (
    B_TEXT,
    ID_ROLE,
    NAME,
    PROGRAM,
    QUOTES,
    TITLE,
    TOPICS,
    BankModel,
    RosterFilter,
    RosterModel,
)
from presskit.gui.roster.prompts import LibraryPrompts
from presskit.gui.roster.store import RosterStore
from presskit.gui.roster.updates import FIELD_NAMES, UpdateFromRosterDialog
from presskit.gui.widgets.prompts import Prompts
from presskit.library import save_to_roster, updates_from_roster
from presskit.library.merge import roster_entry
from presskit.model import PresskitError

if TYPE_CHECKING:
    from presskit.gui.document.kit_document import KitDocument


def _table(name: str, tooltip: str) -> QTableView:
    view = QTableView()
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.setTabKeyNavigation(False)
    view.horizontalHeader().setHighlightSections(False)
    # Compact rows: the dock shares the window's height with the section editor.
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    describe(view, name, tooltip)
    return view


class RosterPanel(QWidget):
    """See the module docstring."""

    #: A line for the window's status bar.
    status = Signal(str)
    #: What Add to Kit and Update from Roster can do changed (the menu follows the buttons).
    buttons_changed = Signal()

    def __init__(self, store: RosterStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("roster")
        self.store = store
        self.document: KitDocument | None = None
        #: The outline's selected section (new quotes go into it if it lists quotes).
        self.selected_section: Callable[[], int | None] = lambda: None

        self.search = QLineEdit()
        self.search.setObjectName("rosterSearch")
        self.search.setPlaceholderText("Search by name, title, program or topic")
        self.search.setClearButtonEnabled(True)
        describe(self.search, "Search the roster",
                 "Words to find in the experts' names, titles, programs and topics; "
                 "accents and letter case do not matter")
        search_label = QLabel("&Find:")
        search_label.setBuddy(self.search)
        self.count_label = QLabel()
        self.count_label.setObjectName("rosterCount")

        self.notice = QLabel()
        self.notice.setObjectName("rosterNotice")
        self.notice.setWordWrap(True)
        self.notice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notice.setAccessibleName("Roster message")

        self.model = RosterModel(self)
        self.proxy = RosterFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = _table("Roster experts",
                            "Select one or more experts (Ctrl/Shift+click), then Add to Kit; "
                            "double-click adds one")
        self.table.setObjectName("rosterTable")
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # roster order until asked

        self.bank = BankModel(self)
        self.bank_label = QLabel()
        self.bank_label.setWordWrap(True)
        self.bank_table = _table("Banked quotes",
                                 "Tick the quotes to bring into the kit with their experts")
        self.bank_table.setObjectName("rosterQuotes")
        self.bank_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.bank_table.setModel(self.bank)
        self.bank_label.setBuddy(self.bank_table)
        self.quote_text = QPlainTextEdit()
        self.quote_text.setObjectName("rosterQuoteText")
        self.quote_text.setReadOnly(True)
        self.quote_text.setPlaceholderText("Select a quote to read it in full.")
        self.quote_text.setMaximumHeight(self.quote_text.fontMetrics().lineSpacing() * 5 + 12)
        describe(self.quote_text, "Quote text")

        self.add_button = QPushButton("&Add to Kit")
        self.add_button.setObjectName("addToKit")
        describe(self.add_button, "Add to kit",
                 "Copy the selected experts and the ticked quotes into the kit")
        self.update_button = QPushButton("&Update from Roster…")
        self.update_button.setObjectName("updateFromRoster")
        describe(self.update_button, "Update from roster",
                 "Show where the roster has newer details for the kit's experts, then copy "
                 "the ones you choose")
        self.choice_label = QLabel()
        self.choice_label.setObjectName("rosterChoice")
        self.path_label = QLabel()
        self.path_label.setObjectName("rosterPath")
        self.path_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        self._build_layout(search_label)
        self.search.textChanged.connect(self._on_search)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._on_selection())
        self.table.doubleClicked.connect(lambda _index: self.add_to_kit())
        self.bank.dataChanged.connect(lambda *_: self._update_buttons())
        self.bank_table.selectionModel().currentRowChanged.connect(self._on_quote)
        self.add_button.clicked.connect(self.add_to_kit)
        self.update_button.clicked.connect(self.update_from_roster)
        self._in_kit_timer = QTimer(self)
        self._in_kit_timer.setSingleShot(True)
        self._in_kit_timer.setInterval(0)  # once per burst (an undo macro emits many changes)
        self._in_kit_timer.timeout.connect(self._refresh_in_kit)
        store.changed.connect(self._on_roster)
        self._on_roster()

    #: Narrower than this (px), the quote bank goes under the experts instead of beside them.
    WIDE = 900

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        wide = event.size().width() >= self.WIDE
        orientation = Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical
        if self.splitter.orientation() != orientation:
            self.splitter.setOrientation(orientation)
            # Under the experts there is no height to spare; the tooltip has the full text.
            self.quote_text.setVisible(wide)
            length = event.size().width() if wide else event.size().height()
            self.splitter.setSizes([length * 11 // 20, length * 9 // 20])

    def _build_layout(self, search_label: QLabel) -> None:
        top = QHBoxLayout()
        top.addWidget(search_label)
        top.addWidget(self.search, 1)
        top.addWidget(self.count_label)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(top)
        left_layout.addWidget(self.notice)
        left_layout.addWidget(self.table, 1)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.bank_label)
        right_layout.addWidget(self.bank_table, 1)
        right_layout.addWidget(self.quote_text)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)

        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.update_button)
        buttons.addWidget(self.choice_label)
        buttons.addStretch(1)
        buttons.addWidget(self.path_label)

        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(buttons)
        # Scrolls rather than widening the window when the dock is narrow (as Experts does).
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scrolled(content))

    # -- the document -----------------------------------------------------------------------

    def set_document(self, document: KitDocument | None) -> None:
        if self.document is not None:
            self.document.changed.disconnect(self._in_kit_timer.start)
        self.document = document
        if document is not None:
            document.changed.connect(self._in_kit_timer.start)
        self._refresh_in_kit()

    def _refresh_in_kit(self) -> None:
        ids: set[str] = set()
        if self.document is not None and not self.store.loading and self.store.roster.experts:
            for expert in self.document.kit.experts:
                entry = roster_entry(expert, self.store.roster)
                if entry is not None:
                    ids.add(entry.id)
        self.model.set_in_kit(ids)
        self._update_buttons()

    # -- the roster -------------------------------------------------------------------------

    def _on_roster(self) -> None:
        store = self.store
        if store.loading:  # read after the window is up; ``changed`` comes when it is in
            self.path_label.setText(f"Roster: {store.path.name}")
            self.notice.setText("Reading the roster…")
            self.notice.setStyleSheet("")
            self.notice.setVisible(True)
            return
        keep = self.selected_ids()
        self.model.set_roster(store.roster)
        self._fit_columns()
        self.select_ids(keep)
        self._on_selection()
        self._refresh_in_kit()
        self.path_label.setText(f"Roster: {store.path.name}")
        self.path_label.setToolTip(f"{store.path}\n(change it in Edit ▸ Preferences)")
        if store.error:
            lines = "<br>".join(_html(line) for line in store.error.splitlines())
            self.notice.setText(
                f"<b>The roster file could not be read; presskit will not change it.</b> "
                f"Fix it, or choose another file in Edit ▸ Preferences.<br><tt>{lines}</tt>")
            self.notice.setStyleSheet("QLabel { color: palette(text); background: #fdecea; "
                                      "border: 1px solid #e0a0a0; padding: 4px; }")
        elif not store.roster.experts:
            self.notice.setText(
                "The roster is empty. Import your experts with File ▸ Import ▸ Experts from "
                "Spreadsheet…, or save a kit's expert with Roster ▸ Save Expert to Roster.")
            self.notice.setStyleSheet("")
        self.notice.setVisible(bool(store.error) or not store.roster.experts)
        self._update_count()

    def _fit_columns(self) -> None:
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        self.table.resizeColumnsToContents()
        for column, widest in ((NAME, 220), (TITLE, 240), (PROGRAM, 160), (TOPICS, 260)):
            header.resizeSection(column, min(max(header.sectionSize(column), 70), widest))
        header.setSectionResizeMode(TOPICS, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(QUOTES, QHeaderView.ResizeMode.ResizeToContents)

    def _on_search(self, text: str) -> None:
        self.proxy.set_search(text)
        self._update_count()

    def _update_count(self) -> None:
        total, shown = self.model.rowCount(), self.proxy.rowCount()
        noun = "expert" if total == 1 else "experts"
        self.count_label.setText(f"{total} {noun}" if shown == total
                                 else f"{shown} of {total} {noun}")

    # -- selection --------------------------------------------------------------------------

    def selected_ids(self) -> list[str]:
        """The selected experts' roster ids, in the order the table shows them."""
        rows = sorted(i.row() for i in self.table.selectionModel().selectedRows())
        return [self.proxy.index(row, NAME).data(ID_ROLE) for row in rows]

    def select_ids(self, expert_ids: list[str]) -> None:
        selection = self.table.selectionModel()
        selection.clearSelection()
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, NAME)
            if index.data(ID_ROLE) in expert_ids:
                selection.select(index, flags)

    def _on_selection(self) -> None:
        ids = self.selected_ids()
        self.bank.show(self.store.roster, ids)
        self.bank_table.resizeColumnsToContents()
        header = self.bank_table.horizontalHeader()
        header.resizeSection(B_TEXT, min(header.sectionSize(B_TEXT), 280))
        header.setStretchLastSection(True)
        if not ids:
            self.bank_label.setText("Select experts to see their banked quotes.")
        elif not self.bank.quotes:
            self.bank_label.setText("No banked quotes for the selected "
                                    f"expert{'s' if len(ids) > 1 else ''}.")
        else:
            self.bank_label.setText("Banked &quotes — tick the ones to bring into the kit:")
        self.quote_text.clear()
        self._update_buttons()

    def _on_quote(self, current: QModelIndex, _previous: QModelIndex) -> None:
        quote = self.bank.quotes[current.row()] if current.isValid() else None
        self.quote_text.setPlainText(quote.text if quote else "")

    def _update_buttons(self) -> None:
        experts, quotes = len(self.selected_ids()), len(self.bank.checked_ids())
        self.add_button.setEnabled(self.document is not None and experts > 0)
        self.update_button.setEnabled(self.document is not None and bool(self.model.in_kit))
        parts = []
        if experts:
            parts.append(f"{experts} expert{'s' if experts != 1 else ''} selected")
        if quotes:
            parts.append(f"{quotes} quote{'s' if quotes != 1 else ''} ticked")
        self.choice_label.setText(", ".join(parts))
        self.buttons_changed.emit()

    # -- actions ------------------------------------------------------------------------------

    def add_to_kit(self) -> None:
        """Copy the selected experts and ticked quotes into the kit (one undo step)."""
        expert_ids = self.selected_ids()
        if self.document is None or not expert_ids:
            return
        added = add_from_roster(self.document, self.store.roster, expert_ids,
                                self.bank.checked_ids(), self.selected_section())
        self.status.emit(added.describe(self.document.kit))

    def update_from_roster(self) -> None:
        """Show what the roster would change in the kit's experts; apply what is ticked."""
        if self.document is None:
            return
        kit = self.document.kit
        updates = updates_from_roster(kit, self.store.roster)
        if not updates:
            self.status.emit("The kit's experts already match the roster")
            return
        chosen, accepted = UpdateFromRosterDialog.choose(self.window(), kit, updates)
        if accepted and chosen:
            count = apply_updates(self.document, chosen)
            self.status.emit(f"Updated {count} field{'s' if count != 1 else ''} from the roster")

    def save_to_roster(self, expert_id: str) -> bool:
        """Put the kit's expert ``expert_id`` and their quotes into the roster and save it."""
        if self.document is None:
            return False
        kit = self.document.kit
        expert = kit.expert(expert_id)
        if expert is None:
            return False
        if self.store.error:
            Prompts.error(self.window(), "The roster file could not be read, so presskit will "
                          "not change it.", self.store.error)
            return False
        preview = save_to_roster(self.store.roster, kit, expert_id)
        if preview.changes:
            go, _ = LibraryPrompts.confirm_roster_changes(
                self.window(), expert.name, preview.changes)
            if not go:
                return False
        try:
            outcome = self.store.modify(
                lambda roster: ((o := save_to_roster(roster, kit, expert_id)).roster, o))
        except PresskitError as exc:
            Prompts.error(self.window(), "The roster could not be saved.", str(exc))
            return False
        if outcome.added:
            what = "added to the roster"
        elif outcome.changes:
            what = "updated in the roster (" + ", ".join(
                FIELD_NAMES.get(c.field, c.field).lower() for c in outcome.changes) + ")"
        else:
            what = "already in the roster"
        banked = len(outcome.quotes_added)
        if banked:
            what += f", {banked} quote{'s' if banked != 1 else ''} banked"
        self.status.emit(f"{expert.name} {what}")
        self.select_ids([outcome.expert_id])
        return True


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
