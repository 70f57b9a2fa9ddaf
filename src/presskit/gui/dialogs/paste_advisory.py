"""File ▸ New Kit from Text…: paste an advisory, see what presskit reads in it, create the kit.

The text goes through ``library.parse_advisory`` (with the roster, so known experts are
linked, and the chosen brand) a moment after the user stops typing, and the dialog shows what
it found — headline, experts, quotes, sections — and every line it could not read, by line
number; clicking one puts the cursor on that line. Nothing is dropped: unreadable text is kept
in the kit as a text section. A contact e-mail address can be given for advisories copied from
a web page that hid it, and the quotes can be marked approved when the text was already
published. ``ask`` returns the ``AdvisoryResult`` for the window to open as a new kit.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, QTimer
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

#: Quiet time after the last keystroke before the text is read again.
PARSE_DELAY_MS = 400
LINE_ROLE = Qt.ItemDataRole.UserRole + 1


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
        self.text.textChanged.connect(lambda: self.create_button.setEnabled(
            bool(self.text.toPlainText().strip())))
        self.email.textChanged.connect(self._timer.start)
        self.brand.currentIndexChanged.connect(lambda _i: self._timer.start())
        self.approved.toggled.connect(lambda _on: self._timer.start())
        self.problems.itemClicked.connect(self._go_to_line)
        self.problems.itemActivated.connect(self._go_to_line)
        self.text.setPlainText(text)
        self.parse()

    def parse(self) -> AdvisoryResult | None:
        """Read the text as it is now; show and return what it becomes."""
        self._timer.stop()
        text = self.text.toPlainText()
        self.problems.clear()
        if not text.strip():
            self.advisory = None
            self.text.mark_lines(())
            self.problems.hide()
            self.found.setText("Paste the advisory's text above.")
            self.create_button.setEnabled(False)
            return None
        brand = self.brand.currentData()
        self.advisory = parse_advisory(
            text, roster=self.roster, brand=brand if isinstance(brand, Brand) else None,
            contact_email=self.email.text(), approved=self.approved.isChecked())
        summary = f"Found {describe_result(self.advisory)}."
        if self.advisory.problems:
            summary += (f" Check the {_plural(len(self.advisory.problems), 'note')} below "
                        "(click one to go to its line). Nothing is dropped: text presskit "
                        "cannot read stays in the kit as a text section.")
        self.found.setText(summary)
        self.text.mark_lines(p.line for p in self.advisory.problems)
        for problem in self.advisory.problems:
            item = QListWidgetItem(themed_icon("dialog-warning"),
                                   f"Line {problem.line}: {problem.message}")
            item.setData(LINE_ROLE, problem.line)
            self.problems.addItem(item)
        self.problems.setVisible(bool(self.advisory.problems))
        self.create_button.setEnabled(True)
        return self.advisory

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
        # Read once more, so what opens is exactly the text and options on screen now.
        if self.parse() is not None:
            super().accept()

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

