"""Edit ▸ Preferences…: the user's settings that are not part of any kit.

Where the roster lives: ``roster.yaml`` in the per-user data folder by default (or
``$PRESSKIT_ROSTER`` when set); a team points everyone at one file in a shared folder
instead. The dialog says what is at the chosen place — how many experts, a file that does
not exist yet, or the ``file:line:col`` errors of one that does not load — before the user
commits to it. And the user's own e-mail address, the From of an e-mail draft whose kit names
no media contact with an address, the web address where the e-mail's pictures are hosted
(for Copy for E-mail; an address that is not http or https is not kept), whether spelling is
checked as you type, and the user's name, written as *approved by* on the quotes they
approve. ``edit`` stores them in ``Settings`` and reports whether the roster location
changed.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from presskit.formats.mail import hosted_base, parse_address
from presskit.gui.dialogs.draft_options import IMAGE_BASE_SETTING, SENDER_SETTING
from presskit.gui.editors.approvals import APPROVER_SETTING, MAX_NAME
from presskit.gui.editors.binding import describe
from presskit.gui.roster.prompts import LibraryPrompts
from presskit.gui.roster.store import ROSTER_SETTING
from presskit.gui.settings import Settings
from presskit.gui.widgets.spelling import SPELLING_SETTING
from presskit.library import RosterFileError, default_roster_path, load_roster, roster_path
from presskit.library.paths import ROSTER_ENV


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}{'s' if n != 1 else ''}"


def describe_roster(path: Path) -> str:
    """What is at ``path``, in a line (or the file's errors)."""
    if path.is_dir():
        return f"{path} is a folder."
    if not path.exists():
        if not path.parent.is_dir():
            return f"The folder {path.parent} does not exist."
        return ("This file does not exist yet; presskit creates it the first time you save an "
                "expert to the roster or import a spreadsheet.")
    try:
        loaded = load_roster(path)
    except RosterFileError as exc:
        return f"This file has errors, so presskit will only read it once they are fixed:\n{exc}"
    roster = loaded.roster
    return (f"{_plural(len(roster.experts), 'expert')}, "
            f"{_plural(len(roster.quotes), 'banked quote')}, "
            f"{_plural(len(roster.brands), 'brand preset')}.")


class PreferencesDialog(QDialog):
    """See the module docstring."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preferences")
        self.setWindowTitle("Preferences")
        self.settings = settings

        self.roster_edit = QLineEdit(str(settings.get(ROSTER_SETTING, "") or ""))
        self.roster_edit.setObjectName("rosterLocation")
        self.roster_edit.setClearButtonEnabled(True)
        self.roster_edit.setPlaceholderText(str(self._fallback()))
        self.roster_edit.setMinimumWidth(420)
        describe(self.roster_edit, "Roster file",
                 "The roster file to use; a folder means the roster.yaml in it. "
                 "Leave empty for the default.")
        self.choose_button = QPushButton("&Choose…")
        describe(self.choose_button, "Choose roster file",
                 "Pick a roster file, e.g. in a folder your team shares")
        self.default_button = QPushButton("Use &Default")
        describe(self.default_button, "Use the default roster", str(self._fallback()))
        row = QHBoxLayout()
        row.addWidget(self.roster_edit, 1)
        row.addWidget(self.choose_button)
        row.addWidget(self.default_button)

        env = os.environ.get(ROSTER_ENV, "")
        fallback = (f"${ROSTER_ENV} ({env})" if env else f"the default ({default_roster_path()})")
        hint = QLabel(
            "The experts, their quote bank and brand presets that every kit can draw on. To "
            "share one roster with your team, choose a file in a shared folder. Empty means "
            f"{fallback}.")
        hint.setWordWrap(True)
        self.status = QLabel()
        self.status.setObjectName("rosterLocationStatus")
        self.status.setWordWrap(True)
        describe(self.status, "What is at the chosen place")

        self.sender_edit = QLineEdit(str(settings.get(SENDER_SETTING, "") or ""))
        self.sender_edit.setObjectName("senderAddress")
        self.sender_edit.setClearButtonEnabled(True)
        self.sender_edit.setPlaceholderText("Name <you@example.org>")
        describe(self.sender_edit, "Your e-mail address",
                 "The From of an e-mail draft when the kit has no media contact with an "
                 "address")
        sender_label = QLabel("Your e-mail &address:")
        sender_label.setBuddy(self.sender_edit)
        sender_hint = QLabel(
            "E-mail drafts are from the kit's first media contact; a kit without one is from "
            "this address. Empty leaves the sender to your mail client.")
        sender_hint.setWordWrap(True)
        mail_box = QGroupBox("E-mail")
        mail_layout = QVBoxLayout(mail_box)
        mail_layout.addWidget(sender_label)
        mail_layout.addWidget(self.sender_edit)
        self.sender_status = QLabel()
        self.sender_status.setObjectName("senderAddressStatus")
        self.sender_status.setWordWrap(True)
        mail_layout.addWidget(self.sender_status)
        mail_layout.addWidget(sender_hint)
        self.sender_edit.textChanged.connect(self._check_sender)
        self._check_sender()

        self.image_base_edit = QLineEdit(str(settings.get(IMAGE_BASE_SETTING, "") or ""))
        self.image_base_edit.setObjectName("imageBaseUrl")
        self.image_base_edit.setClearButtonEnabled(True)
        self.image_base_edit.setPlaceholderText("https://example.org/press/pictures/")
        describe(self.image_base_edit, "Where the e-mail's pictures are hosted",
                 "Copy for E-mail refers to the pictures at this web address")
        image_base_label = QLabel("&Pictures hosted at:")
        image_base_label.setBuddy(self.image_base_edit)
        image_base_hint = QLabel(
            "Copy for E-mail refers to the logo and photos as files on this computer, which "
            "Outlook and Apple Mail take into the message; Gmail and Outlook on the web cannot "
            "read them. Upload the pictures (presskit export --format email writes them to "
            "OUT_files/) and give their web address here to keep them everywhere.")
        image_base_hint.setWordWrap(True)
        self.image_base_status = QLabel()
        self.image_base_status.setObjectName("imageBaseUrlStatus")
        self.image_base_status.setWordWrap(True)
        mail_layout.addWidget(image_base_label)
        mail_layout.addWidget(self.image_base_edit)
        mail_layout.addWidget(self.image_base_status)
        mail_layout.addWidget(image_base_hint)
        self.image_base_edit.textChanged.connect(self._check_image_base)
        self._check_image_base()
        self.spelling_check = QCheckBox("Check &spelling as you type")
        self.spelling_check.setObjectName("checkSpelling")
        self.spelling_check.setChecked(bool(settings.get(SPELLING_SETTING, True)))
        describe(self.spelling_check, "Check spelling as you type",
                 "Underline misspelled words in the kit's language; right-click one for "
                 "suggestions and Add to Dictionary")
        spelling_box = QGroupBox("Editing")
        spelling_layout = QVBoxLayout(spelling_box)
        spelling_layout.addWidget(self.spelling_check)

        self.approver_edit = QLineEdit(str(settings.get(APPROVER_SETTING, "") or ""))
        self.approver_edit.setObjectName("approverName")
        self.approver_edit.setMaxLength(MAX_NAME)
        self.approver_edit.setClearButtonEnabled(True)
        self.approver_edit.setPlaceholderText("e.g. Alex Morgan, Press Office")
        describe(self.approver_edit, "Your name",
                 "Written as “approved by” on the quotes you approve")
        approver_label = QLabel("Your &name:")
        approver_label.setBuddy(self.approver_edit)
        approver_hint = QLabel(
            "Quotes you approve say “approved by” this name, with today's date.")
        approver_hint.setWordWrap(True)
        approval_box = QGroupBox("Quote approval")
        approval_layout = QVBoxLayout(approval_box)
        approver_row = QHBoxLayout()
        approver_row.addWidget(approver_label)
        approver_row.addWidget(self.approver_edit, 1)
        approval_layout.addLayout(approver_row)
        approval_layout.addWidget(approver_hint)

        box = QGroupBox("Roster")
        box_layout = QVBoxLayout(box)
        label = QLabel("Roster &file:")
        label.setBuddy(self.roster_edit)
        box_layout.addWidget(label)
        box_layout.addLayout(row)
        box_layout.addWidget(self.status)
        box_layout.addWidget(hint)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(box)
        layout.addWidget(mail_box)
        layout.addWidget(spelling_box)
        layout.addWidget(approval_box)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.resize(640, 680)  # every box with its hints unsqueezed

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(300)
        self._timer.timeout.connect(self._update_status)
        self.roster_edit.textChanged.connect(self._timer.start)
        self.choose_button.clicked.connect(self._choose)
        self.default_button.clicked.connect(self.roster_edit.clear)
        self._update_status()

    def _check_sender(self) -> None:
        text = self.sender_edit.text().strip()
        self.sender_status.setText(
            "" if not text or parse_address(text) is not None else
            "This is not an e-mail address: write it as name@example.org or "
            "“Your Name <name@example.org>”.")

    def _check_image_base(self) -> None:
        self.image_base_status.setText(self.image_base_problem())

    def image_base_problem(self) -> str:
        """Why the web address of the pictures cannot be used, or ``""``."""
        text = self.image_base_edit.text().strip()
        if not text:
            return ""
        try:
            hosted_base(text)
        except ValueError as exc:
            return f"Not used: {exc}."
        return ""

    @staticmethod
    def _fallback() -> Path:
        return roster_path(None)

    def chosen_path(self) -> Path:
        """The roster file the dialog's value names (after the environment and default)."""
        return roster_path(self.roster_edit.text().strip() or None)

    def _update_status(self) -> None:
        self._timer.stop()
        self.status.setText(f"{self.chosen_path()}\n{describe_roster(self.chosen_path())}")

    def _choose(self) -> None:
        path, accepted = LibraryPrompts.roster_file(self, self.chosen_path())
        if accepted and path is not None:
            self.roster_edit.setText(str(path))

    def store(self) -> bool:
        """Save the choices; ``True`` if the roster location changed."""
        self.settings.set(SENDER_SETTING, " ".join(self.sender_edit.text().split()))
        image_base = self.image_base_edit.text().strip()
        self.settings.set(IMAGE_BASE_SETTING, "" if self.image_base_problem() else image_base)
        self.settings.set(SPELLING_SETTING, self.spelling_check.isChecked())
        self.settings.set(APPROVER_SETTING, " ".join(self.approver_edit.text().split()))
        value = self.roster_edit.text().strip()
        value = str(Path(value).expanduser().absolute()) if value else ""
        before = self.settings.get(ROSTER_SETTING, "") or ""
        self.settings.set(ROSTER_SETTING, value)
        return value != before

    @classmethod
    def edit(cls, parent: QWidget | None, settings: Settings) -> tuple[bool, bool]:
        """``(changed, accepted)``: whether the roster location changed."""
        dialog = cls(settings, parent)
        try:
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
            return (dialog.store() if accepted else False), accepted
        finally:
            dialog.deleteLater()
