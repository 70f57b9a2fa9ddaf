"""Request Quotes…: tick experts (the kit's, or the roster's, added to the kit in the same
step), write the ask once (topic, the news, a deadline, the length wanted), and send each
expert a personal request, as ``.eml`` drafts saved to a folder or copied for e-mail one
expert at a time.

The dialog works on a snapshot of the kit and only describes what to do (:class:`Chosen`);
the window records the pending quotes as one undo step (``window.request_actions``). The
letters themselves are the engine's (``library.requests``, ``formats.requests``), the same
``presskit request`` writes.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QDate, QMimeData, Qt, QTime
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTextBrowser,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from presskit.formats.requests import drafts, letter_html
from presskit.gui.widgets.shown import shown
from presskit.library import Roster, add_to_kit
from presskit.library.requests import Ask, AskError, Letter, default_news, letters
from presskit.model import Expert, Kit, PresskitError
from presskit.storage import replace_all

_SOURCE = Qt.ItemDataRole.UserRole + 1  # ("kit" | "roster", expert id)


@dataclass
class Chosen:
    """What the user asked for: the ask, the kit's experts and the roster's to add."""

    ask: Ask
    kit_ids: list[str] = field(default_factory=list)
    roster_ids: list[str] = field(default_factory=list)
    #: The folder the drafts were saved in, if they were.
    folder: Path | None = None


class RequestQuotesDialog(QDialog):
    """See the module docstring."""

    def __init__(self, kit: Kit, roster: Roster | None, today: dt.date, *,
                 sender_name: str = "", from_address: str = "",
                 clash: Callable[[Path], str | None] = lambda _p: None,
                 preselect: Collection[str] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Request Quotes")
        self.setObjectName("requestQuotes")
        self.kit = kit
        self.roster = roster
        self.today = today
        self.sender_name = sender_name
        self.from_address = from_address
        self.clash = clash
        self.chosen: Chosen | None = None
        self._letters: list[Letter] = []
        self._copied = 0

        self.people = QListWidget()
        self.people.setAccessibleName("Experts to ask")
        self.people.setToolTip("Tick everyone to ask; the roster's experts are added to the kit")
        in_kit = {e.id for e in kit.experts}
        for expert in kit.experts:
            self._add_person(expert, "kit", checked=expert.id in preselect)
        for expert in roster.experts if roster is not None else []:
            if expert.id not in in_kit:
                self._add_person(expert, "roster", checked=False)
        self.topic = QLineEdit()
        self.topic.setPlaceholderText("the talks in Hanoi")
        self.news = QPlainTextEdit(default_news(kit))
        self.news.setTabChangesFocus(True)
        self.news.setMinimumHeight(self.news.fontMetrics().lineSpacing() * 4)
        self.deadline = QDateEdit(_qdate(today + dt.timedelta(days=2)))
        self.deadline.setCalendarPopup(True)
        self.deadline.setDisplayFormat("ddd d MMMM yyyy")
        self.deadline.setMinimumDate(_qdate(today))
        self.with_time = QCheckBox("at")
        self.with_time.setChecked(True)
        self.time = QTimeEdit(QTime(17, 0))
        self.time.setDisplayFormat("HH:mm")
        self.length = QSpinBox()
        self.length.setRange(0, 2000)
        self.length.setSingleStep(10)
        self.length.setValue(80)
        self.length.setSpecialValueText("any length")
        self.length.setSuffix(" words")

        form = QFormLayout()
        form.addRow("&Experts:", self.people)
        form.addRow("&Topic:", self.topic)
        form.addRow("The &news:", self.news)
        when = QHBoxLayout()
        when.addWidget(self.deadline, 1)
        when.addWidget(self.with_time)
        when.addWidget(self.time)
        form.addRow("&Deadline:", when)
        form.addRow("&Length:", self.length)
        for row, label in ((0, self.people), (1, self.topic), (2, self.news),
                           (3, self.deadline), (4, self.length)):
            caption = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            if caption is not None and isinstance(caption.widget(), QLabel):
                caption.widget().setBuddy(label)  # type: ignore[union-attr]

        self.expert_choice = QComboBox()
        self.expert_choice.setAccessibleName("Request shown for")
        self.preview = QTextBrowser()
        self.preview.setAccessibleName("The request as the expert reads it")
        self.preview.setMinimumSize(360, 260)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setObjectName("requestProblem")
        self.copy_button = QPushButton("&Copy for E-mail")
        self.copy_button.setToolTip("Copy this expert's request, then show the next one: "
                                    "paste it into a new message")
        self.save_button = QPushButton("&Save Drafts to Folder…")
        self.save_button.setToolTip("One .eml draft per expert, to open in your mail client; "
                                    "the requests are recorded in the kit")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.record_button = self.buttons.addButton(
            "&Record Requests", QDialogButtonBox.ButtonRole.AcceptRole)
        self.record_button.setToolTip("Record a pending quote per expert in the kit (after "
                                      "copying the requests into your mail client)")
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        self.buttons.accepted.connect(self._record)
        self.save_button.clicked.connect(self._save_drafts)
        self.copy_button.clicked.connect(self._copy)

        left = QVBoxLayout()
        left.addLayout(form)
        right = QVBoxLayout()
        shown_for = QHBoxLayout()
        shown_for.addWidget(QLabel("Request to:"))
        shown_for.addWidget(self.expert_choice, 1)
        right.addLayout(shown_for)
        right.addWidget(self.preview, 1)
        right.addWidget(self.copy_button)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

        self.people.itemChanged.connect(lambda _item: self._refresh())
        for signal in (self.topic.textChanged, self.news.textChanged,
                       self.deadline.dateChanged, self.with_time.toggled,
                       self.time.timeChanged, self.length.valueChanged):
            signal.connect(lambda *_: self._refresh())
        self.with_time.toggled.connect(self.time.setEnabled)
        self.expert_choice.currentIndexChanged.connect(lambda _i: self._show_letter())
        self._refresh()

    # -- what is asked --------------------------------------------------------------------

    def _add_person(self, expert: Expert, source: str, *, checked: bool) -> None:
        label = shown(expert.name or expert.id)
        if expert.title:
            label += f" — {shown(expert.title, 80)}"
        if source == "roster":
            label += "  (roster)"
        item = QListWidgetItem(label)
        item.setData(_SOURCE, (source, expert.id))
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        if not expert.email.strip():
            item.setToolTip("No e-mail address: the draft will have no recipient")
        self.people.addItem(item)

    def set_checked(self, expert_id: str, source: str = "kit") -> None:
        for row in range(self.people.count()):
            item = self.people.item(row)
            if item.data(_SOURCE) == (source, expert_id):
                item.setCheckState(Qt.CheckState.Checked)

    def ask(self) -> Ask:
        day = self.deadline.date()
        deadline: dt.date | dt.datetime = dt.date(day.year(), day.month(), day.day())
        if self.with_time.isChecked():
            time = self.time.time()
            deadline = dt.datetime.combine(deadline, dt.time(time.hour(), time.minute()))
        return Ask(topic=self.topic.text(), asked=self.today, deadline=deadline,
                   length=self.length.value(), news=self.news.toPlainText())

    def _ticked(self) -> Chosen:
        chosen = Chosen(self.ask())
        for row in range(self.people.count()):
            item = self.people.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                source, expert_id = item.data(_SOURCE)
                (chosen.kit_ids if source == "kit" else chosen.roster_ids).append(expert_id)
        return chosen

    def _letters_for(self, chosen: Chosen) -> list[Letter]:
        """The letters, with the roster's experts as the kit would hold them."""
        kit, ids = self.kit, list(chosen.kit_ids)
        if chosen.roster_ids and self.roster is not None:
            addition = add_to_kit(kit, self.roster, chosen.roster_ids)
            kit = dataclasses.replace(kit, experts=[*kit.experts, *addition.experts])
            ids += [addition.expert_ids[r] for r in chosen.roster_ids
                    if r in addition.expert_ids]
        made, _warnings = letters(kit, chosen.ask, ids, sender_name=self.sender_name)
        return made

    def _refresh(self) -> None:
        chosen = self._ticked()
        try:
            self._letters = self._letters_for(chosen)
            problem = ""
        except PresskitError as exc:
            self._letters, problem = [], str(exc)
        self.problem.setText(shown(problem[:1].upper() + problem[1:], 300) if problem else "")
        for button in (self.copy_button, self.save_button, self.record_button):
            button.setEnabled(bool(self._letters))
        current = self.expert_choice.currentIndex()
        self.expert_choice.blockSignals(True)
        self.expert_choice.clear()
        for made in self._letters:
            self.expert_choice.addItem(shown(made.name))
        self.expert_choice.setCurrentIndex(min(max(current, 0), len(self._letters) - 1))
        self.expert_choice.blockSignals(False)
        self._show_letter()

    def current_letter(self) -> Letter | None:
        index = self.expert_choice.currentIndex()
        return self._letters[index] if 0 <= index < len(self._letters) else None

    def _show_letter(self) -> None:
        made = self.current_letter()
        if made is None:
            self.preview.setHtml("<p><i>Tick the experts to ask and write the topic.</i></p>")
            return
        to = shown(made.to) if made.to else "(no e-mail address)"
        self.preview.setHtml(f"<p><b>To:</b> {_escape(to)}<br><b>Subject:</b> "
                             f"{_escape(made.subject)}</p><hr>{letter_html(made)}")

    # -- the buttons ----------------------------------------------------------------------

    def _copy(self) -> None:
        """Copy the shown expert's request (HTML and text), then show the next expert."""
        made = self.current_letter()
        if made is None:
            return
        data = QMimeData()
        data.setHtml(letter_html(made))
        data.setText(f"Subject: {made.subject}\n\n{made.text}")
        QGuiApplication.clipboard().setMimeData(data)
        self._copied += 1
        index = self.expert_choice.currentIndex()
        self.problem.setText(f"Copied the request to {shown(made.name)} ({index + 1} of "
                             f"{len(self._letters)}): paste it into a new message to "
                             f"{shown(made.to) or 'them'}.")
        if index + 1 < len(self._letters):
            self.expert_choice.setCurrentIndex(index + 1)

    @classmethod
    def choose_folder(cls, parent: QWidget | None, start: Path) -> Path | None:
        """The folder the drafts go into (tests replace this)."""
        name = QFileDialog.getExistingDirectory(parent, "Save Drafts to Folder", str(start))
        return Path(name) if name else None

    start_folder: Path = Path.home()

    def _save_drafts(self) -> None:
        chosen = self._ticked()
        if not self._letters:
            return
        folder = type(self).choose_folder(self, self.start_folder)
        if folder is None:
            return
        made = drafts(self.kit, self._letters, from_address=self.from_address)
        targets = {folder / d.filename: d.data for d in made}
        if folder.is_symlink() or not folder.is_dir():
            self.problem.setText(f"{shown(folder)} is not a folder: choose another.")
            return
        for target in targets:
            clash = self.clash(target)
            if clash is not None:
                self.problem.setText(f"{shown(clash)}: choose another folder.")
                return
        try:
            replace_all(targets)
        except PresskitError as exc:
            self.problem.setText(f"The drafts could not be saved: {shown(str(exc), 300)}")
            return
        chosen.folder = folder
        self.chosen = chosen
        self.accept()

    def _record(self) -> None:
        if not self._letters:
            return
        self.chosen = self._ticked()
        self.accept()


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def ask_for_quotes(dialog: RequestQuotesDialog) -> tuple[Chosen | None, bool]:
    """Run ``dialog``; ``(chosen, True)`` when the requests are to be recorded."""
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    return (dialog.chosen, True) if accepted and dialog.chosen is not None else (None, False)


__all__ = ["AskError", "Chosen", "RequestQuotesDialog", "ask_for_quotes"]
