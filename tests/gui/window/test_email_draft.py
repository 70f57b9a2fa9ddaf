"""Save as E-mail Draft… as a press officer uses it: tick *Attach the PDF* once and every later
draft carries the kit's PDF until it is unticked (the choice outlives the app), and a kit
without a media contact is from the address set in Preferences."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from support.format_reading import read_message
from support.gui_actions import Dialogs
from support.gui_dialogs import when_dialog
from support.pdf_reading import text

from presskit.gui.dialogs.draft_options import (
    ATTACH_PDF_SETTING,
    SENDER_SETTING,
    DraftOptionsDialog,
)
from presskit.gui.dialogs.preferences import PreferencesDialog
from presskit.gui.document.commands import SetValue
from presskit.gui.settings import Settings
from presskit.gui.window.main_window import MainWindow

#: The real dialog, before the ``dialogs`` fixture replaces it with scripted answers.
REAL_ASK = DraftOptionsDialog.__dict__["ask"]


def pdf_of(draft: Path) -> bytes | None:
    message = read_message(draft.read_bytes())
    found = [p.get_content() for p in message.iter_attachments()
             if p.get_content_type() == "application/pdf"]
    return found[0] if found else None


def save_draft(qtbot: Any, window: MainWindow, dialogs: Dialogs, target: Path,
               act: Any) -> None:
    """File ▸ Save as E-mail Draft… with ``act(dialog)`` answering the real options dialog."""
    dialogs.answer("draft_path", target)
    when_dialog(DraftOptionsDialog, act)
    window.share.draft_action.trigger()
    qtbot.waitUntil(lambda: target.exists(), timeout=20_000)


def test_attach_the_pdf_is_ticked_once_and_remembered(
    qtbot: Any, cnas_window: MainWindow, dialogs: Dialogs, tmp_path: Path,
    monkeypatch: Any,
) -> None:
    monkeypatch.setattr(DraftOptionsDialog, "ask", REAL_ASK)
    seen: list[bool] = []

    def tick(dialog: DraftOptionsDialog) -> None:
        seen.append(dialog.attach_pdf.isChecked())
        assert "Cole Stevens <press@example.org>" in dialog.sender_label.text()
        qtbot.mouseClick(dialog.attach_pdf, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok),
                         Qt.MouseButton.LeftButton)

    first = tmp_path / "first.eml"
    save_draft(qtbot, cnas_window, dialogs, first, tick)
    pdf = pdf_of(first)
    assert pdf is not None and cnas_window.document.kit.title in text(pdf)
    assert read_message(first.read_bytes()).get_content_type() == "multipart/mixed"
    assert "with the PDF attached" in cnas_window.statusBar().currentMessage()

    def accept(dialog: DraftOptionsDialog) -> None:
        seen.append(dialog.attach_pdf.isChecked())
        qtbot.keyClick(dialog, Qt.Key.Key_Return)

    second = tmp_path / "second.eml"
    save_draft(qtbot, cnas_window, dialogs, second, accept)
    assert pdf_of(second) is not None
    assert seen == [False, True]  # unticked at first, then as last left
    # Remembered beyond this window: the settings file says so.
    assert Settings(cnas_window.settings.path).get(ATTACH_PDF_SETTING) is True

    third = tmp_path / "third.eml"
    save_draft(qtbot, cnas_window, dialogs, third, tick)  # untick
    assert pdf_of(third) is None
    assert Settings(cnas_window.settings.path).get(ATTACH_PDF_SETTING) is False


def test_cancelling_the_options_saves_nothing_and_asks_no_file(
    cnas_window: MainWindow, dialogs: Dialogs
) -> None:
    dialogs.answer("draft_options", None)
    assert not cnas_window.share.save_email_draft()
    assert "draft_path" not in dialogs.asked


def test_a_kit_without_a_contact_is_from_the_address_in_preferences(
    qtbot: Any, cnas_window: MainWindow, dialogs: Dialogs, tmp_path: Path
) -> None:
    def type_address(dialog: PreferencesDialog) -> None:
        dialog.sender_edit.clear()
        qtbot.keyClicks(dialog.sender_edit, "Ann Ng")
        assert "not an e-mail address" in dialog.sender_status.text()
        qtbot.keyClicks(dialog.sender_edit, " <ann@example.net>")
        assert dialog.sender_status.text() == ""
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()

    when_dialog(PreferencesDialog, type_address)
    cnas_window.library.preferences.trigger()
    assert cnas_window.settings.get(SENDER_SETTING) == "Ann Ng <ann@example.net>"

    document = cnas_window.document
    document.push(SetValue(document, ("contacts", 0, "email"), ""))
    target = tmp_path / "draft.eml"
    dialogs.answer("preflight", True)  # the contact without an e-mail address or phone
    dialogs.answer("draft_options", False)
    dialogs.answer("draft_path", target)
    assert cnas_window.share.save_email_draft()
    [(_attach, said)] = dialogs.asked["draft_options"]
    assert "Ann Ng <ann@example.net>" in said and "Preferences" in said
    [sender] = read_message(target.read_bytes())["From"].addresses
    assert (sender.display_name, sender.addr_spec) == ("Ann Ng", "ann@example.net")
