"""Every question the main window puts to the user, one classmethod each.

Each returns ``(value, accepted)`` as novelWriter's dialogs do, so a test replaces one method
with a lambda that answers instead of driving a modal dialog, and the window's logic never
touches a ``QMessageBox`` or ``QFileDialog`` directly. File dialogs are the platform's native
ones; message boxes are built and ``exec()``-ed (not the static helpers) so a test that prefers
to answer the real dialog can find it as the active modal widget.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from presskit.gui.widgets.folder_choice import FolderChoice
from presskit.gui.widgets.shown import shown, shown_lines

PROJECT_FILTER = "Press kits (*.presskit *.yaml *.yml);;All files (*)"
SAVE_FILTER = "Press kits (*.presskit)"
PDF_FILTER = "PDF documents (*.pdf)"
DRAFT_FILTER = "E-mail messages (*.eml)"
EMAIL_PAGE_FILTER = "E-mail bodies (*.html)"
BUNDLE_FILTER = "Press kit bundles (*.presskitz)"


class UnsavedChoice(Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


class ChangedOnDiskChoice(Enum):
    OVERWRITE = "overwrite"
    SAVE_AS = "save as"
    CANCEL = "cancel"


def _with_suffix(path: Path, suffix: str) -> Path:
    """Add ``suffix`` when the user typed a bare name, as native dialogs do on some platforms."""
    return path if path.suffix else path.with_suffix(suffix)


def when(iso_time: str, now: dt.datetime | None = None) -> str:
    """An ISO time stamp as people say it: "today at 09:41", "on 3 Mar 2026 at 09:41"."""
    try:
        moment = dt.datetime.fromisoformat(iso_time).astimezone()
    except ValueError:
        return iso_time
    today = (now or dt.datetime.now().astimezone()).date()
    clock = moment.strftime("%H:%M")
    if moment.date() == today:
        return f"today at {clock}"
    if moment.date() == today - dt.timedelta(days=1):
        return f"yesterday at {clock}"
    return f"on {moment.day} {moment.strftime('%b %Y')} at {clock}"


class MessageBox(QMessageBox):
    """A message box that shows its texts as plain text (a file named ``<img src=…>`` is not
    HTML), with control and reordering characters escaped (``gui.widgets.shown``) and length
    bounded; the message's own line breaks are kept. Names quoted in it go through ``shown``
    first, so a line break in a name cannot start a line of its own."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)

    def setText(self, text: str) -> None:  # noqa: N802 - Qt override
        super().setText(shown_lines(text))

    def setInformativeText(self, text: str) -> None:  # noqa: N802 - Qt override
        super().setInformativeText(shown_lines(text))

    def setWindowTitle(self, title: str) -> None:  # noqa: N802 - Qt override
        super().setWindowTitle(shown(title))


class Prompts:
    """The dialogs, as replaceable classmethods."""

    @classmethod
    def unsaved_changes(cls, parent: QWidget | None, name: str) -> tuple[UnsavedChoice, bool]:
        box = MessageBox(parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle("Unsaved changes")
        box.setText(f"Save the changes to “{shown(name)}” before closing it?")
        box.setInformativeText("If you don't save, your changes since the last save are lost.")
        box.setStandardButtons(
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel
        )
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        box.setEscapeButton(QMessageBox.StandardButton.Cancel)
        answer = box.exec()
        choice = {
            QMessageBox.StandardButton.Save: UnsavedChoice.SAVE,
            QMessageBox.StandardButton.Discard: UnsavedChoice.DISCARD,
        }.get(QMessageBox.StandardButton(answer), UnsavedChoice.CANCEL)
        return choice, choice is not UnsavedChoice.CANCEL

    @classmethod
    def open_path(cls, parent: QWidget | None, folder: Path) -> tuple[Path | None, bool]:
        name, _ = QFileDialog.getOpenFileName(parent, "Open Press Kit", str(folder), PROJECT_FILTER)
        return (Path(name), True) if name else (None, False)

    @classmethod
    def save_path(cls, parent: QWidget | None, suggested: Path) -> tuple[Path | None, bool]:
        name, _ = QFileDialog.getSaveFileName(
            parent, "Save Press Kit As", str(suggested), SAVE_FILTER
        )
        return (_with_suffix(Path(name), ".presskit"), True) if name else (None, False)

    @classmethod
    def export_path(cls, parent: QWidget | None, suggested: Path) -> tuple[Path | None, bool]:
        name, _ = QFileDialog.getSaveFileName(parent, "Export PDF", str(suggested), PDF_FILTER)
        return (_with_suffix(Path(name), ".pdf"), True) if name else (None, False)

    @classmethod
    def draft_path(cls, parent: QWidget | None, suggested: Path) -> tuple[Path | None, bool]:
        name, _ = QFileDialog.getSaveFileName(
            parent, "Save as E-mail Draft", str(suggested), DRAFT_FILTER)
        return (_with_suffix(Path(name), ".eml"), True) if name else (None, False)

    @classmethod
    def email_page_path(cls, parent: QWidget | None, suggested: Path
                        ) -> tuple[Path | None, bool]:
        name, _ = QFileDialog.getSaveFileName(
            parent, "Export E-mail Body", str(suggested), EMAIL_PAGE_FILTER)
        return (_with_suffix(Path(name), ".html"), True) if name else (None, False)

    @classmethod
    def bundle_save_path(cls, parent: QWidget | None, suggested: Path
                         ) -> tuple[Path | None, bool]:
        name, _ = QFileDialog.getSaveFileName(parent, "Save as Bundle", str(suggested),
                                              BUNDLE_FILTER)
        return (_with_suffix(Path(name), ".presskitz"), True) if name else (None, False)

    @classmethod
    def bundle_open_path(cls, parent: QWidget | None, folder: Path) -> tuple[Path | None, bool]:
        name, _ = QFileDialog.getOpenFileName(parent, "Open Bundle", str(folder), BUNDLE_FILTER)
        return (Path(name), True) if name else (None, False)

    @classmethod
    def unpack_folder(cls, parent: QWidget | None, bundle: Path, folder: Path
                      ) -> tuple[Path | None, bool]:
        """The folder to unpack ``bundle`` into: a new one beside it, proposed, or any
        other (``folder_choice``); the unpacking makes it if it does not exist yet."""
        dialog = FolderChoice(parent, bundle)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None, False
        return dialog.folder(), True

    @classmethod
    def save_before_bundling(cls, parent: QWidget | None, name: str) -> tuple[bool, bool]:
        """A bundle is made from the kit file, so unsaved changes would be left out of it."""
        box = MessageBox(parent)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle("Save as Bundle")
        box.setText(f"Save “{shown(name)}” before making a bundle of it?")
        box.setInformativeText("The bundle is made from the kit file as it is saved on disk.")
        box.setStandardButtons(QMessageBox.StandardButton.Save
                               | QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        box.setEscapeButton(QMessageBox.StandardButton.Cancel)
        save = box.exec() == QMessageBox.StandardButton.Save
        return save, save

    @classmethod
    def warnings(cls, parent: QWidget | None, text: str, lines: list[str]) -> tuple[None, bool]:
        """Something was done, but with warnings (a photo left out) the user should read."""
        box = MessageBox(parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle("presskit")
        box.setText(text)
        box.setInformativeText("\n".join(lines))
        box.exec()
        return None, True

    @classmethod
    def error(cls, parent: QWidget | None, text: str, details: str = "") -> tuple[None, bool]:
        """Tell the user something failed; ``details`` (e.g. ``file:line:col`` lines) is shown
        in full, not behind a "Show details" button, because it is the part that helps."""
        box = MessageBox(parent)
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle("presskit")
        box.setText(text)
        box.setInformativeText(details)
        box.exec()
        return None, True

    @classmethod
    def recover_autosave(
        cls, parent: QWidget | None, original: Path | None, saved_at: str
    ) -> tuple[bool, bool]:
        box = MessageBox(parent)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle("Recover unsaved work?")
        name = shown(original.name) if original else "an untitled kit"
        box.setText(f"presskit did not close normally. Recover the unsaved changes to {name}?")
        box.setInformativeText(
            f"Autosaved {when(saved_at)}. If you discard it, the autosaved copy is deleted."
        )
        recover = box.addButton("Recover", QMessageBox.ButtonRole.AcceptRole)
        box.addButton("Discard", QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(recover)
        box.exec()
        return box.clickedButton() is recover, True

    @classmethod
    def changed_on_disk(
        cls, parent: QWidget | None, name: str
    ) -> tuple[ChangedOnDiskChoice, bool]:
        """The kit's file was saved by someone else since it was opened (or last saved)."""
        box = MessageBox(parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle("File changed on disk")
        box.setText(f"“{shown(name)}” has been changed on disk since you opened it.")
        box.setInformativeText(
            "Another program or another presskit saved it. Overwriting loses those changes; "
            "Save As… keeps both."
        )
        overwrite = box.addButton("Overwrite", QMessageBox.ButtonRole.DestructiveRole)
        save_as = box.addButton("Save As…", QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(save_as)
        box.exec()
        clicked = box.clickedButton()
        choice = (ChangedOnDiskChoice.OVERWRITE if clicked is overwrite
                  else ChangedOnDiskChoice.SAVE_AS if clicked is save_as
                  else ChangedOnDiskChoice.CANCEL)
        return choice, choice is not ChangedOnDiskChoice.CANCEL

    @classmethod
    def kit_in_use(cls, parent: QWidget | None, name: str, owner: str) -> tuple[bool, bool]:
        """Another running presskit has the kit open; ``True`` to open it anyway."""
        box = MessageBox(parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle("Kit already open")
        box.setText(f"“{shown(name)}” is already open in another presskit ({shown(owner)}).")
        box.setInformativeText(
            "If you both edit it, presskit asks before either of you saves over the other."
        )
        box.addButton("Open Anyway", QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.exec()
        go = box.clickedButton() is not cancel
        return go, go
