"""The outline, driven as a user would: drag, tick, keys, buttons, undo and redo; then save,
reopen and export, and find the PDF as the window showed it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import support.pdf_reading as pdf_reading
from PySide6.QtCore import QModelIndex, Qt
from support.gui_actions import (
    CNAS_ORDER,
    Dialogs,
    click_check_box,
    click_row,
    close_quietly,
    drag_row,
    outline_view,
    press,
    row_titles,
    section_ids,
)

from presskit.gui.sections.outline_model import OutlineModel
from presskit.gui.window.main_window import MainWindow
from presskit.model import SectionType
from presskit.storage import load_kit


def test_reordered_and_hidden_sections_survive_undo_redo_save_reopen_and_export(
    qtbot: Any, cnas_window: MainWindow, cnas_copy: Path, make_window: Any, dialogs: Dialogs,
    tmp_path: Path,
) -> None:
    window = cnas_window
    view = outline_view(window)
    assert section_ids(window) == CNAS_ORDER
    assert row_titles(view)[:5] == [
        "Lead", "Media contact", "Need a cheat sheet?", "Expert quotes", "Sharper"]

    # Drag "Sharper" above the expert quotes.
    drag_row(qtbot, view, source=4, before=3)
    moved = ["lead", "booking", "cheat-sheet", "sharper", "experts", "closing", "about"]
    assert section_ids(window) == moved
    assert row_titles(view)[3] == "Sharper"
    assert window.isWindowModified()

    # Untick the callout: it stays in the outline but leaves the PDF.
    click_check_box(qtbot, view, 2)
    assert window.document.kit.sections[2].hidden
    assert view.model().index(2, 0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked

    # Undo both, redo both, from the keyboard.
    press(qtbot, view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not window.document.kit.sections[2].hidden
    press(qtbot, view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert section_ids(window) == CNAS_ORDER
    assert row_titles(view)[4] == "Sharper"
    assert not window.isWindowModified()
    redo = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    press(qtbot, view, Qt.Key.Key_Z, redo)
    press(qtbot, view, Qt.Key.Key_Z, redo)
    assert section_ids(window) == moved
    assert window.document.kit.sections[2].hidden
    assert view.model().index(2, 0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked

    # Save with Ctrl+S: the title loses its modified marker.
    press(qtbot, view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not window.isWindowModified()
    assert window.windowTitle() == "cnas-responds.presskit[*] — presskit"
    saved = load_kit(cnas_copy).kit
    assert [s.id for s in saved.sections] == moved
    assert [s.hidden for s in saved.sections] == [False, False, True, False, False, False, True]

    # Reopen in a fresh window: everything as left.
    again = make_window()
    assert again.open_project(cnas_copy)
    assert section_ids(again) == moved
    assert row_titles(outline_view(again))[3] == "Sharper"
    assert again.document.kit.sections[2].hidden

    # Export through the menu command; no problems, so no pre-flight list appears.
    target = tmp_path / "out" / "advisory.pdf"
    target.parent.mkdir()
    dialogs.answer("export_path", target)
    again.actions_.export.trigger()
    assert target.is_file()
    text = pdf_reading.text(target)
    pdf_reading.assert_in_order(text, [
        "After months of stalled negotiations",
        "Sharper",
        "Washington and Pyongyang have yet to agree",
        "Duyeon Kim",
        "My concern is Pyongyang publicly framing",
    ])
    assert "Need a cheat sheet?" not in text
    assert dialogs.count("preflight") == 0


def test_keyboard_moves_and_buttons_add_duplicate_delete_each_undoable(
    qtbot: Any, cnas_window: MainWindow
) -> None:
    window = cnas_window
    view = outline_view(window)
    click_row(qtbot, view, 0)
    press(qtbot, view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert section_ids(window)[:2] == ["booking", "lead"]
    assert view.currentIndex().row() == 1  # the selection follows the section
    press(qtbot, view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert section_ids(window)[:3] == ["booking", "cheat-sheet", "lead"]
    press(qtbot, view, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert section_ids(window)[:3] == ["booking", "lead", "cheat-sheet"]

    panel = window.outline
    qtbot.mouseClick(panel.buttons["duplicate"], Qt.MouseButton.LeftButton)
    assert section_ids(window)[1:3] == ["lead", "lead-2"]
    assert view.currentIndex().row() == 2

    qtbot.mouseClick(panel.buttons["delete"], Qt.MouseButton.LeftButton)
    assert "lead-2" not in section_ids(window)

    # Add: the button's menu lists the seven types; the new section goes below the selection.
    assert [a.text() for a in panel.add_menu.actions()] == [
        "Lead", "Media contact", "Callout", "Expert quotes", "Text", "About the experts",
        "About us"]
    click_row(qtbot, view, 0)
    panel.add_actions[SectionType.TEXT].trigger()
    assert window.document.kit.sections[1].type is SectionType.TEXT
    assert view.currentIndex().row() == 1

    # Space toggles the include box of the current row.
    press(qtbot, view, Qt.Key.Key_Space)
    assert window.document.kit.sections[1].hidden

    stack = window.document.undo_stack
    while stack.canUndo():
        window.actions_.undo.trigger()
    assert section_ids(window) == CNAS_ORDER
    assert row_titles(view)[4] == "Sharper"
    while stack.canRedo():
        window.actions_.redo.trigger()
    assert section_ids(window)[:3] == ["booking", "text", "lead"]
    assert window.document.kit.sections[1].hidden


def test_the_move_buttons_follow_the_selection(qtbot: Any, cnas_window: MainWindow) -> None:
    view = outline_view(cnas_window)
    panel = cnas_window.outline
    click_row(qtbot, view, 0)
    assert not panel.move_up_action.isEnabled() and panel.move_down_action.isEnabled()
    click_row(qtbot, view, view.model().rowCount() - 1)
    assert panel.move_up_action.isEnabled() and not panel.move_down_action.isEnabled()
    qtbot.mouseClick(panel.buttons["up"], Qt.MouseButton.LeftButton)
    assert section_ids(cnas_window)[-2:] == ["about", "closing"]


def test_selecting_a_row_shows_that_section_in_the_editor(
    qtbot: Any, cnas_window: MainWindow
) -> None:
    view = outline_view(cnas_window)
    editor = cnas_window.section_editor
    click_row(qtbot, view, 4)
    assert editor.section is cnas_window.document.kit.sections[4]
    # The editor keeps the same section when it moves.
    press(qtbot, view, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert editor.section is cnas_window.document.kit.sections[3]
    assert editor.section.id == "sharper"


@pytest.mark.parametrize(("source", "destination"), [(0, 3), (3, 0), (2, 6), (6, 2)])
def test_model_rows_follow_every_move_up_or_down(
    qtbot: Any, cnas_window: MainWindow, source: int, destination: int
) -> None:
    """Moves in the document (undo/redo included) arrive as correct Qt row moves."""
    model = outline_view(cnas_window).model()
    assert isinstance(model, OutlineModel)
    before = row_titles(outline_view(cnas_window))
    with qtbot.waitSignal(model.rowsMoved):
        assert model.move_section(source, destination)
    expected = before[:]
    expected.insert(destination, expected.pop(source))
    assert row_titles(outline_view(cnas_window)) == expected
    cnas_window.document.undo_stack.undo()
    assert row_titles(outline_view(cnas_window)) == before


def test_qt_move_rows_counts_the_destination_before_the_move(cnas_window: MainWindow) -> None:
    """What the view calls on a drop: ``moveRows(..., destinationChild)`` inserts before
    ``destinationChild`` as numbered before the move."""
    model = outline_view(cnas_window).model()
    assert model.moveRows(QModelIndex(), 0, 1, QModelIndex(), 3)
    assert section_ids(cnas_window)[:3] == ["booking", "cheat-sheet", "lead"]
    assert model.moveRows(QModelIndex(), 2, 1, QModelIndex(), 0)
    assert section_ids(cnas_window) == CNAS_ORDER
    assert model.moveRows(QModelIndex(), 0, 1, QModelIndex(), model.rowCount())
    assert section_ids(cnas_window)[-1] == "lead"


def test_a_drag_from_another_window_is_refused(
    qtbot: Any, cnas_window: MainWindow, make_window: Any, cnas_copy: Path
) -> None:
    other = make_window()
    other.open_project(cnas_copy)
    foreign = outline_view(other).model().mimeData([outline_view(other).model().index(0, 0)])
    model = outline_view(cnas_window).model()
    assert not model.canDropMimeData(foreign, Qt.DropAction.MoveAction, 3, 0, QModelIndex())
    assert not model.dropMimeData(foreign, Qt.DropAction.MoveAction, 3, 0, QModelIndex())
    assert section_ids(cnas_window) == CNAS_ORDER
    close_quietly(other)
