"""Approving quotes where they are: the section's own quote list, the buttons beside it, and
the expert's quotes table; each approval (or approve-all) is one undo step."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QComboBox, QDialogButtonBox, QMenu
from support.gui_actions import click_row, outline_view, press

from presskit.gui.dialogs.preferences import PreferencesDialog
from presskit.gui.editors.approvals import APPROVER_SETTING, ApproverNameDialog
from presskit.gui.sections.quotes_form import QuotesForm
from presskit.gui.sections.section_editor import SectionEditor
from presskit.gui.widgets.approval_icons import approval_icon
from presskit.gui.window.main_window import MainWindow
from presskit.model import Approval, ApprovalState, Kit, SectionType
from presskit.storage import load_kit, save_kit

QUOTES = 3  # the quotes section of the CNAS example


@pytest.fixture
def editor(editor: SectionEditor) -> SectionEditor:
    """The section editor of ``conftest``, showing the quotes section."""
    editor.show_section(QUOTES)
    return editor


def quotes_form(editor: SectionEditor) -> QuotesForm:
    form = editor.forms[SectionType.QUOTES]
    assert isinstance(form, QuotesForm)
    return form


def buttons(form: QuotesForm) -> tuple[bool, bool, bool]:
    return (form.remove_button.isEnabled(), form.up_button.isEnabled(),
            form.down_button.isEnabled())


def test_clicking_a_quote_enables_remove_and_the_moves_it_can_make(qtbot, editor) -> None:
    form = quotes_form(editor)
    assert buttons(form) == (False, False, False)  # nothing selected yet

    click_row(qtbot, form.view, 2)
    assert buttons(form) == (True, True, True)
    click_row(qtbot, form.view, 0)
    assert buttons(form) == (True, False, True)
    click_row(qtbot, form.view, 4)
    assert buttons(form) == (True, True, False)


def test_after_removing_the_last_quote_undo_shows_the_buttons_for_the_selection(
    qtbot, editor, document
) -> None:
    form = quotes_form(editor)
    click_row(qtbot, form.view, 4)
    qtbot.mouseClick(form.remove_button, Qt.MouseButton.LeftButton)
    assert len(document.kit.sections[QUOTES].quotes) == 4
    assert form.view.currentIndex().row() == 3
    assert buttons(form) == (True, True, False)  # the new last row cannot go down

    document.undo_stack.undo()  # the removed quote is back below the selected one
    assert len(document.kit.sections[QUOTES].quotes) == 5
    assert form.view.currentIndex().row() == 3
    assert buttons(form) == (True, True, True)

    document.undo_stack.redo()
    assert buttons(form) == (True, True, False)


# -- approving where the quotes are ---------------------------------------------------------

NAME = "Alex Morgan"


@pytest.fixture
def pending_kit(cnas_copy: Path) -> Path:
    """The CNAS kit with every quote back to pending approval, nobody's name on it."""
    path = cnas_copy
    kit = load_kit(path).kit
    for quote in kit.quotes:
        quote.approval = Approval(ApprovalState.PENDING)
    save_kit(kit, path)
    return path


@pytest.fixture
def pending_window(make_window, pending_kit: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    window = make_window()
    assert window.open_project(pending_kit)
    window.settings.set(APPROVER_SETTING, NAME)
    return window


def states(kit: Kit) -> list[ApprovalState]:
    return [quote.approval.state for quote in kit.quotes]


def answer_name_dialog(qtbot, name: str, asked: list[str]) -> None:  # type: ignore[no-untyped-def]
    """Type ``name`` into the "Your Name" dialog when it comes up and press Enter."""

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ApproverNameDialog):
            QTimer.singleShot(20, answer)
            return
        asked.append(dialog.windowTitle())
        qtbot.keyClicks(dialog.name_edit, name)
        qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)

    QTimer.singleShot(0, answer)


def choose_from_context_menu(qtbot, view, row: int, text: str) -> None:  # type: ignore[no-untyped-def]
    """Right-click row ``row`` of ``view`` and pick the menu entry ``text``."""
    chosen: list[str] = []

    def pick() -> None:
        menu = QApplication.activePopupWidget()
        if not isinstance(menu, QMenu):
            QTimer.singleShot(20, pick)
            return
        action = next(a for a in menu.actions() if a.text().replace("&", "") == text)
        assert action.isEnabled(), f"{text} is disabled"
        chosen.append(text)
        menu.setActiveAction(action)
        qtbot.keyClick(menu, Qt.Key.Key_Return)

    model = view.model()
    point = view.visualRect(model.index(row, 0)).center()
    click_at(qtbot, view, point)
    QTimer.singleShot(0, pick)
    view.customContextMenuRequested.emit(point)  # what a right-click on the viewport sends
    assert chosen == [text]


def click_at(qtbot, view, point) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)


def test_approving_from_the_sections_context_menu_asks_the_name_once_and_fills_it_in(
    qtbot, make_window, pending_kit, dialogs
) -> None:
    window = make_window()
    assert window.open_project(pending_kit)
    click_row(qtbot, outline_view(window), QUOTES)
    form = window.section_editor.quotes_form
    kit = window.document.kit
    asked: list[str] = []

    answer_name_dialog(qtbot, NAME, asked)
    choose_from_context_menu(qtbot, form.view, 1, "Approve")
    second = kit.quote(form.model.ids[1])
    assert second is not None
    assert second.approval == Approval(ApprovalState.APPROVED, NAME, dt.date.today())
    assert asked == ["Your Name"] and window.settings.get(APPROVER_SETTING) == NAME
    assert icon_key(form.model, 1) == approval_icon(ApprovalState.APPROVED).cacheKey()
    assert icon_key(form.model, 0) == approval_icon(ApprovalState.PENDING).cacheKey()

    # The name is not asked again; the key approves the selected quote as well. (Without a
    # window manager nothing gives the window back the focus the dialog had.)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    click_row(qtbot, form.view, 3)
    press(qtbot, form.view, Qt.Key.Key_A,
          Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert asked == ["Your Name"]
    fourth = kit.quote(form.model.ids[3])
    assert fourth is not None and fourth.approval.by == NAME

    # One Ctrl+Z per approval; the icon follows.
    press(qtbot, form.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert fourth.approval == Approval(ApprovalState.PENDING)
    assert second.approval.state is ApprovalState.APPROVED

    # Mark pending from the menu takes the name and the date off again.
    choose_from_context_menu(qtbot, form.view, 1, "Mark Pending")
    assert second.approval == Approval(ApprovalState.PENDING)


def icon_key(model, row: int) -> int:  # type: ignore[no-untyped-def]
    icon = model.data(model.index(row, 0), Qt.ItemDataRole.DecorationRole)
    return int(icon.cacheKey())


def test_approve_all_in_the_section_is_one_undo_step(qtbot, pending_window) -> None:
    window = pending_window
    click_row(qtbot, outline_view(window), QUOTES)
    form = window.section_editor.quotes_form
    kit = window.document.kit
    assert form.approve_all_button.isEnabled()

    qtbot.mouseClick(form.approve_all_button, Qt.MouseButton.LeftButton)
    assert states(kit) == [ApprovalState.APPROVED] * 5
    assert {q.approval.by for q in kit.quotes} == {NAME}
    assert {q.approval.date for q in kit.quotes} == {dt.date.today()}
    assert not form.approve_all_button.isEnabled()

    press(qtbot, form.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # one Ctrl+Z
    assert states(kit) == [ApprovalState.PENDING] * 5
    assert form.approve_all_button.isEnabled()

    # The same from the context menu.
    choose_from_context_menu(qtbot, form.view, 0, "Approve All in This Section")
    assert states(kit) == [ApprovalState.APPROVED] * 5


def test_not_yet_approved_filter_hides_approved_quotes(qtbot, pending_window) -> None:
    window = pending_window
    click_row(qtbot, outline_view(window), QUOTES)
    form = window.section_editor.quotes_form
    click_row(qtbot, form.view, 2)
    qtbot.mouseClick(form.approve_button, Qt.MouseButton.LeftButton)

    qtbot.mouseClick(form.unapproved_only, Qt.MouseButton.LeftButton)
    assert form.unapproved_only.isChecked()
    hidden = [form.view.isRowHidden(row) for row in range(5)]
    assert hidden == [False, False, True, False, False]
    assert not form.remove_button.isEnabled()  # the hidden quote is not acted on
    click_row(qtbot, form.view, 3)
    assert form.remove_button.isEnabled()
    assert not form.up_button.isEnabled()  # reordering among hidden quotes is off

    click_row(qtbot, form.view, 0)
    press(qtbot, form.view, Qt.Key.Key_A,
          Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert form.view.isRowHidden(0)  # approved: out of the "not yet approved" list
    window.document.undo_stack.undo()
    assert not form.view.isRowHidden(0)

    qtbot.mouseClick(form.unapproved_only, Qt.MouseButton.LeftButton)
    assert not any(form.view.isRowHidden(row) for row in range(5))


def test_the_experts_quotes_table_approves_by_key_and_context_menu(
    qtbot, pending_window
) -> None:
    window = pending_window
    kit = window.document.kit
    panel = window.experts
    panel.select(("quotes", 0))
    table = panel.quotes.view
    approval_column = panel.quotes.model.columns.index(
        next(c for c in panel.quotes.model.columns if c.header == "Approval"))
    icon = table.model().index(0, approval_column).data(Qt.ItemDataRole.DecorationRole)
    assert icon.cacheKey() == approval_icon(ApprovalState.PENDING).cacheKey()

    press(qtbot, table, Qt.Key.Key_A,
          Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert kit.quotes[0].approval == Approval(ApprovalState.APPROVED, NAME, dt.date.today())
    combo = panel.quotes.fields["approval.state"]
    assert isinstance(combo, QComboBox) and combo.currentText() == "Approved"
    icon = table.model().index(0, approval_column).data(Qt.ItemDataRole.DecorationRole)
    assert icon.cacheKey() == approval_icon(ApprovalState.APPROVED).cacheKey()

    choose_from_context_menu(qtbot, table, 0, "Mark Pending")
    assert kit.quotes[0].approval == Approval(ApprovalState.PENDING)
    assert combo.currentText() == "Pending approval"


def test_preferences_change_the_name_quotes_are_approved_by(qtbot, pending_window) -> None:
    window = pending_window

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, PreferencesDialog):
            QTimer.singleShot(20, answer)
            return
        dialog.approver_edit.clear()
        qtbot.keyClicks(dialog.approver_edit, "Sam Lee")
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                         Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, answer)
    window.library.edit_preferences()
    assert window.settings.get(APPROVER_SETTING) == "Sam Lee"

    click_row(qtbot, outline_view(window), QUOTES)
    form = window.section_editor.quotes_form
    click_row(qtbot, form.view, 0)
    qtbot.mouseClick(form.approve_button, Qt.MouseButton.LeftButton)
    quote = window.document.kit.quote(form.model.ids[0])
    assert quote is not None and quote.approval.by == "Sam Lee"
