"""File ▸ New Kit from Text…: paste an advisory, see what presskit reads in it, create the kit.

The text goes through ``library.parse_advisory`` (with the roster, so known experts are
linked, and the chosen brand) a moment after the user stops typing, and the dialog shows what
it found — headline, experts, quotes, sections — and every line it could not read, by line
number; clicking one puts the cursor on that line. Nothing is dropped: unreadable text is kept
in the kit as a text section. A contact e-mail address can be given for advisories copied from
a web page that hid it, and the quotes can be marked approved when the text was already
published. ``ask`` returns the ``AdvisoryResult`` for the window to open as a new kit.

The text is read in the thread pool, one reading at a time (a newer text waits for the
running one and the older result is dropped), so typing in a long paste never waits for it;
a paste over ``MAX_PASTE_CHARS`` is not read at all (a 2.6 MB e-mail thread froze the window
for 21 s after every pause in typing) and the dialog says so.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from presskit.gui.editors.binding import describe
from presskit.gui.widgets.icons import themed_icon
from presskit.gui.widgets.numbered_text import NumberedTextEdit
from presskit.library import AdvisoryResult, Roster, parse_advisory
from presskit.model import Brand
from presskit.model.limits import MAX_PASTE_CHARS

#: Quiet time after the last keystroke before the text is read again.
PARSE_DELAY_MS = 400
#: Notes listed at most; the count says how many more there are.
MAX_NOTES_SHOWN = 200
LINE_ROLE = Qt.ItemDataRole.UserRole + 1
_log = logging.getLogger(__name__)


class _Relay(QObject):
    """Lives on the GUI thread, so a reading's result arrives there as a queued call."""

    #: the reading's number and its ``AdvisoryResult`` (or the exception it raised)
    done = Signal(int, object)


class _Reading(QRunnable):
    """One ``parse_advisory`` call in the thread pool; it only reads its own arguments."""

    def __init__(self, number: int, work: Callable[[], AdvisoryResult], relay: _Relay) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._number, self._work, self._relay = number, work, relay

    def run(self) -> None:
        try:
            result: object = self._work()
        except Exception as exc:  # noqa: BLE001 - shown in the dialog, not a crash
            _log.exception("reading the pasted text failed")
            result = exc
        with contextlib.suppress(RuntimeError):  # the dialog is gone: no one to tell
            self._relay.done.emit(self._number, result)


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}{'s' if n != 1 else ''}"


def describe_result(result: AdvisoryResult) -> str:
    """What the text became, in a line: headline, experts, quotes, sections."""
    kit = result.kit
    if not kit.sections and not kit.title:
        return "nothing presskit recognises yet"
    experts = _plural(len(kit.experts), "expert")
    if result.linked:
        experts += f" ({len(result.linked)} from the roster)"
    headline = f"“{kit.title}”" if kit.title else "no headline"
    if kit.series:
        headline = f"{kit.series}: {headline}"
    return (f"{headline}, {experts}, {_plural(len(kit.quotes), 'quote')}, "
            f"{_plural(len(kit.sections), 'section')}")


class PasteDialog(QDialog):
    """See the module docstring. ``brands`` are ``(label, brand)`` choices, first preferred."""

    def __init__(
        self,
        roster: Roster,
        brands: Sequence[tuple[str, Brand]],
        text: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("pasteAdvisory")
        self.setWindowTitle("New Kit from Text")
        self.roster = roster
        self.advisory: AdvisoryResult | None = None

        intro = QLabel(
            "Paste a media advisory as plain text — from an e-mail, a document or a web page. "
            "presskit reads its dateline, headline, lead, media contact, expert quotes "
            "(“Name, Title: \"Quote\"”) and titled sections, in order.")
        intro.setWordWrap(True)
        self.text = NumberedTextEdit()
        self.text.setObjectName("pasteText")
        self.text.setPlaceholderText(
            "September 20, 2019\nCNAS Responds: U.S., North Korea Consider Renewed Talks\n\n"
            "After months of stalled negotiations, …\n\n"
            "- Duyeon Kim, Adjunct Senior Fellow for Asia-Pacific Security: \"My concern is …\"")
        self.text.setTabChangesFocus(True)
        describe(self.text, "Advisory text", "Paste the advisory here (Ctrl+V)")

        self.email = QLineEdit()
        self.email.setObjectName("pasteContactEmail")
        self.email.setPlaceholderText("optional, e.g. press@example.org")
        describe(self.email, "Contact e-mail",
                 "The media contact's address, when the text has none or a web page hid it "
                 "(“[email protected]”)")
        self.brand = QComboBox()
        self.brand.setObjectName("pasteBrand")
        for label, brand in brands:
            self.brand.addItem(label, brand)
        describe(self.brand, "Brand", "The house style the new kit starts with")
        self.approved = QCheckBox("The &quotes are approved (the text was already published)")
        self.approved.setObjectName("pasteApproved")
        describe(self.approved, "Quotes are approved",
                 "Otherwise the quotes are drafts, and the kit's checks list them until "
                 "someone approves them")
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        email_label = QLabel("Contact &e-mail:")
        email_label.setBuddy(self.email)
        form.addRow(email_label, self.email)
        brand_label = QLabel("&Brand:")
        brand_label.setBuddy(self.brand)
        form.addRow(brand_label, self.brand)
        form.addRow("", self.approved)

        self.found = QLabel("Nothing found yet.")
        self.found.setObjectName("pasteFound")
        self.found.setWordWrap(True)
        self.problems = QListWidget()
        self.problems.setObjectName("pasteProblems")
        self.problems.setWordWrap(True)
        self.problems.setAlternatingRowColors(True)
        describe(self.problems, "What could not be read",
                 "Click an entry to go to its line; unreadable text is kept in a text section")
        findings = QWidget()
        findings_layout = QVBoxLayout(findings)
        findings_layout.setContentsMargins(0, 0, 0, 0)
        findings_layout.addWidget(self.found)
        findings_layout.addWidget(self.problems, 1)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.text)
        splitter.addWidget(findings)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([520, 110])

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.create_button = self.buttons.addButton(
            "&Create Kit", QDialogButtonBox.ButtonRole.AcceptRole)
        self.create_button.setObjectName("pasteCreate")
        describe(self.create_button, "Create kit", "Open the text as a new, unsaved kit")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(splitter, 1)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.resize(860, 720)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PARSE_DELAY_MS)
        self._timer.timeout.connect(self.parse)
        self.text.textChanged.connect(self._timer.start)
        # Create works at once (it reads the text again); only the findings wait for a pause.
        self.text.textChanged.connect(self._update_create)
        self.email.textChanged.connect(self._timer.start)
        self.brand.currentIndexChanged.connect(lambda _i: self._timer.start())
        self.approved.toggled.connect(lambda _on: self._timer.start())
        self.problems.itemClicked.connect(self._go_to_line)
        self.problems.itemActivated.connect(self._go_to_line)
        #: The number of the latest request to read the text, and of the reading running.
        self._wanted = 0
        self._running: int | None = None
        #: The number of the reading ``advisory`` comes from.
        self._shown = 0
        self._accept_when_read = False
        self._relay = _Relay()  # no parent: it outlives the dialog until its reading ends
        self._relay.done.connect(self._read)
        self.text.setPlainText(text)
        self.parse()

    def _update_create(self) -> None:
        text = self.text.toPlainText()
        self.create_button.setEnabled(bool(text.strip()) and len(text) <= MAX_PASTE_CHARS)

    @property
    def reading(self) -> bool:
        """A reading of the text (or of an older text) is under way."""
        return self._running is not None

    @property
    def up_to_date(self) -> bool:
        """What the dialog shows is what the text and options on screen are now."""
        return self._shown == self._wanted and not self._timer.isActive()

    def parse(self) -> None:
        """Read the text as it is now, in the thread pool; ``_read`` shows what it becomes.
        Over ``MAX_PASTE_CHARS`` the text is not read at all, and the dialog says so."""
        self._timer.stop()
        self._wanted += 1
        text = self.text.toPlainText()
        if not text.strip() or len(text) > MAX_PASTE_CHARS:
            self._show_nothing(text)
            return
        if self._running is None:
            self._start(text)
        # else: ``_read`` starts the newest text once the running reading is done

    def _start(self, text: str) -> None:
        brand = self.brand.currentData()
        roster, email, approved = self.roster, self.email.text(), self.approved.isChecked()
        chosen = brand if isinstance(brand, Brand) else None
        self._running = self._wanted
        self.found.setText("Reading the text…")
        QThreadPool.globalInstance().start(_Reading(self._wanted, lambda: parse_advisory(
            text, roster=roster, brand=chosen, contact_email=email, approved=approved),
            self._relay))

    def _show_nothing(self, text: str) -> None:
        self._shown = self._wanted
        self.advisory = None
        self._accept_when_read = False
        self.problems.clear()
        self.text.mark_lines(())
        self.problems.hide()
        self.create_button.setEnabled(False)
        if text.strip():
            self.found.setText(
                f"The text is {len(text):,} characters long, more than the "
                f"{MAX_PASTE_CHARS:,} presskit reads from a paste (an advisory is a few "
                "thousand): paste only the advisory.")
        else:
            self.found.setText("Paste the advisory's text above.")

    def _read(self, number: int, result: object) -> None:
        self._running = None
        if number != self._wanted:  # the text changed meanwhile: read it as it is now
            if self._shown != self._wanted and not self._timer.isActive():
                self.parse()
            return
        self._shown = number
        if not isinstance(result, AdvisoryResult):
            self.advisory = None
            self._accept_when_read = False
            self.found.setText(f"The text could not be read ({result}).")
            self.create_button.setEnabled(False)
            return
        self._show(result)
        if self._accept_when_read and self.up_to_date:
            self._accept_when_read = False
            super().accept()

    def _show(self, advisory: AdvisoryResult) -> None:
        self.advisory = advisory
        self.problems.clear()
        summary = f"Found {describe_result(advisory)}."
        notes = advisory.problems
        if notes:
            summary += (f" Check the {_plural(len(notes), 'note')} below "
                        "(click one to go to its line). Nothing is dropped: text presskit "
                        "cannot read stays in the kit as a text section.")
        if len(notes) > MAX_NOTES_SHOWN:
            summary += f" The first {MAX_NOTES_SHOWN} are listed."
        self.found.setText(summary)
        self.text.mark_lines(p.line for p in notes[:MAX_NOTES_SHOWN])
        for problem in notes[:MAX_NOTES_SHOWN]:
            item = QListWidgetItem(themed_icon("dialog-warning"),
                                   f"Line {problem.line}: {problem.message}")
            item.setData(LINE_ROLE, problem.line)
            self.problems.addItem(item)
        self.problems.setVisible(bool(notes))
        self.create_button.setEnabled(True)

    def _go_to_line(self, item: QListWidgetItem) -> None:
        line = int(item.data(LINE_ROLE) or 0)
        block = self.text.document().findBlockByNumber(max(line - 1, 0))
        if not block.isValid():
            return
        cursor = QTextCursor(block)
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock,
                            QTextCursor.MoveMode.KeepAnchor)
        self.text.setTextCursor(cursor)
        self.text.centerCursor()
        self.text.setFocus(Qt.FocusReason.OtherFocusReason)

    def accept(self) -> None:
        # What opens is exactly the text and options on screen now: if the findings shown
        # are older, read once more and close when that reading is done.
        if self.up_to_date:
            if self.advisory is not None:
                super().accept()
            return
        self._accept_when_read = True
        if self._timer.isActive():
            self.parse()  # the pause after the last keystroke is not over: read it now

    def done(self, result: int) -> None:
        # A reading still under way ends in the thread pool; its result is not wanted.
        with contextlib.suppress(RuntimeError):
            self._relay.done.disconnect(self._read)
        super().done(result)

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        roster: Roster,
        brands: Sequence[tuple[str, Brand]],
        text: str = "",
    ) -> tuple[tuple[AdvisoryResult | None, str], bool]:
        """``((result, text), accepted)``: the text is returned even when cancelled, so the
        window can offer it again next time."""
        dialog = cls(roster, brands, text, parent)
        try:
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
            return (dialog.advisory if accepted else None, dialog.text.toPlainText()), accepted
        finally:
            dialog.deleteLater()

