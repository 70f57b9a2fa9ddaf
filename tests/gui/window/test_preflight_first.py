"""Pre-flight first: every export starts with the check, before any file dialog; the check
speaks in plain sentences, goes to the field an entry is about, and fixes what it can in one
click (undoably)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import support.pdf_reading as pdf_reading
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QListWidgetItem, QPushButton, QToolButton
from support.gui_actions import Dialogs
from support.gui_dialogs import when_dialog

from presskit.gui.dialogs.preflight import PreflightDialog
from presskit.gui.document.commands import RemoveItem, SetValue
from presskit.gui.editors.approvals import APPROVER_SETTING
from presskit.gui.window.main_window import MainWindow
from presskit.model import ApprovalState, ContactSection, Status

#: The real dialog, before the ``dialogs`` fixture scripts it.
REAL_REVIEW = PreflightDialog.__dict__["review"]
KIM = 0  # Duyeon Kim's quote in the CNAS example
CONTACT_SECTIONS = (1, 5)


def make_draft_with_a_pending_quote(window: MainWindow) -> None:
    document = window.document
    document.push(SetValue(document, ("status",), Status.DRAFT))
    document.push(SetValue(document, ("quotes", KIM, "approval", "state"),
                           ApprovalState.PENDING))


def texts(dialog: PreflightDialog) -> list[str]:
    return [dialog.list.item(row).text() for row in range(dialog.list.count())]


def entry(dialog: PreflightDialog, start: str) -> QListWidgetItem:
    return next(dialog.list.item(row) for row in range(dialog.list.count())
                if dialog.list.item(row).text().startswith(start))


def double_click(qtbot: Any, dialog: PreflightDialog, item: QListWidgetItem) -> None:
    rect = dialog.list.visualItemRect(item)
    viewport = dialog.list.viewport()
    qtbot.mouseMove(viewport, rect.center())
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())


def open_dialog(qtbot: Any, window: MainWindow) -> PreflightDialog:
    kit = window.document.kit
    dialog = PreflightDialog(kit, window.review_problems(), window,
                             on_select=window.select_problem, fixes=window.preflight_fixes)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_export_checks_first_then_asks_where(
    cnas_window: MainWindow, dialogs: Dialogs, tmp_path: Path
) -> None:
    make_draft_with_a_pending_quote(cnas_window)
    dialogs.answer("preflight", False)
    cnas_window.actions_.export.trigger()
    assert dialogs.order == ["preflight"]  # cancelled: no file dialog at all

    target = tmp_path / "advisory.pdf"
    dialogs.answer("preflight", True)
    dialogs.answer("export_path", target)
    cnas_window.actions_.export.trigger()
    assert dialogs.order == ["preflight", "preflight", "export_path"]  # not asked again after
    assert target.is_file()
    problems = dialogs.asked["preflight"][1][0]
    plain = [p.plain for p in problems]
    assert "The kit is still marked Draft, so every page says DRAFT" in plain
    assert "Duyeon Kim's quote “My concern is Pyongyang…” is pending approval" in plain


def test_a_kit_with_nothing_to_say_goes_straight_to_the_file_dialog(
    cnas_window: MainWindow, dialogs: Dialogs, tmp_path: Path
) -> None:
    target = tmp_path / "advisory.pdf"
    dialogs.answer("export_path", target)
    cnas_window.actions_.export.trigger()
    assert dialogs.order == ["export_path"] and target.is_file()


def test_the_other_exports_check_before_their_questions(
    cnas_window: MainWindow, dialogs: Dialogs
) -> None:
    make_draft_with_a_pending_quote(cnas_window)
    dialogs.answer("preflight", False, False, False, False)
    cnas_window.share.copy_email()
    cnas_window.share.save_email_draft()
    cnas_window.share.export_email_body()
    cnas_window.share.save_as_bundle()
    assert dialogs.order == ["preflight"] * 4  # no options, save or file dialog


def test_entries_are_plain_sentences_and_their_fixes_are_one_undoable_click(
    qtbot: Any, cnas_window: MainWindow
) -> None:
    window = cnas_window
    document = window.document
    kit = document.kit
    window.settings.set(APPROVER_SETTING, "Alex Morgan")
    make_draft_with_a_pending_quote(window)
    for index in reversed(CONTACT_SECTIONS):
        document.push(RemoveItem(document, ("sections",), index))
    dialog = open_dialog(qtbot, window)
    assert texts(dialog) == [
        "The kit is still marked Draft, so every page says DRAFT",
        "Duyeon Kim's quote “My concern is Pyongyang…” is pending approval",
        "No section tells journalists whom to contact",
    ]
    assert not any("'" in text and "kim-summit" in text for text in texts(dialog))
    assert dialog.export_button is not None
    assert dialog.export_button.text() == "Export Anyway"

    # Each entry offers its fix on the button under the list.
    dialog.list.setCurrentItem(entry(dialog, "The kit is still marked Draft"))
    assert dialog.fix_button.isVisible() and dialog.fix_button.text() == "Mark as &Final"
    qtbot.mouseClick(dialog.fix_button, Qt.MouseButton.LeftButton)
    assert kit.status is Status.FINAL
    assert not any(t.startswith("The kit is still") for t in texts(dialog))

    dialog.list.setCurrentItem(entry(dialog, "Duyeon Kim's quote"))
    assert dialog.fix_button.text() == "&Approve"
    qtbot.mouseClick(dialog.fix_button, Qt.MouseButton.LeftButton)
    assert kit.quotes[KIM].approval.state is ApprovalState.APPROVED
    assert kit.quotes[KIM].approval.by == "Alex Morgan"

    dialog.list.setCurrentItem(entry(dialog, "No section tells"))
    assert dialog.fix_button.text() == "&Add a Media Contact Section"
    qtbot.mouseClick(dialog.fix_button, Qt.MouseButton.LeftButton)
    added = [s for s in kit.sections if isinstance(s, ContactSection)]
    assert len(added) == 1 and added[0].contact == kit.contacts[0].id
    assert kit.sections[-1].type == "about"  # the contact comes before "About us"

    assert texts(dialog) == []
    assert dialog.export_button.text() == "Export" and dialog.export_button.isEnabled()
    assert dialog.heading.text() == "<b>No problems left.</b> Ready to export."

    # Each fix was one undo step.
    stack = document.undo_stack
    stack.undo()
    assert not any(isinstance(s, ContactSection) for s in kit.sections)
    stack.undo()
    assert kit.quotes[KIM].approval.state is ApprovalState.PENDING
    stack.undo()
    assert kit.status is Status.DRAFT


@pytest.mark.parametrize(("start", "focused"), [
    ("No section tells", "addSectionButton"),
    ("The kit is still marked Draft", "status"),
    ("Duyeon Kim's quote", "approval"),
])
def test_double_clicking_an_entry_goes_to_its_field(
    qtbot: Any, cnas_window: MainWindow, start: str, focused: str
) -> None:
    window = cnas_window
    document = window.document
    make_draft_with_a_pending_quote(window)
    for index in reversed(CONTACT_SECTIONS):
        document.push(RemoveItem(document, ("sections",), index))
    dialog = open_dialog(qtbot, window)
    double_click(qtbot, dialog, entry(dialog, start))
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)  # activation is queued
    widget = QApplication.focusWidget()
    if focused == "addSectionButton":
        assert isinstance(widget, QToolButton) and widget.objectName() == focused
    elif focused == "status":
        assert widget is window.kit_brand.kit_form.fields["status"]
        assert isinstance(widget, QComboBox) and widget.isVisible()
    else:
        assert widget is window.experts.quotes.fields["approval.state"]


def test_the_real_dialog_fixes_then_exports(
    qtbot: Any, cnas_window: MainWindow, dialogs: Dialogs, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(PreflightDialog, "review", REAL_REVIEW)
    make_draft_with_a_pending_quote(cnas_window)
    cnas_window.settings.set(APPROVER_SETTING, "Alex Morgan")
    target = tmp_path / "advisory.pdf"
    dialogs.answer("export_path", target)

    def fix_all_and_export(dialog: PreflightDialog) -> None:
        while dialog.list.count():
            dialog.list.setCurrentRow(0)
            qtbot.mouseClick(dialog.fix_button, Qt.MouseButton.LeftButton)
        button = dialog.export_button
        assert isinstance(button, QPushButton) and button.text() == "Export"
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    when_dialog(PreflightDialog, fix_all_and_export)
    cnas_window.actions_.export.trigger()
    assert dialogs.order == ["export_path"]
    assert cnas_window.document.kit.status is Status.FINAL
    assert "DRAFT" not in pdf_reading.text(target)

