"""The whole job in one window, as a press officer does it on deadline: reorder the quotes,
fix the wording of one, save, come back to it later, and send the PDF."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import support.pdf_reading as pdf_reading
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QPlainTextEdit
from support.editor_helpers import drop_on
from support.gui_actions import Dialogs, click_row, outline_view

from presskit.gui.window.main_window import MainWindow
from presskit.model import SectionType
from presskit.storage import load_kit

QUOTES_ROW = 3  # "Expert quotes" in the CNAS example's outline


def test_reordered_and_edited_quotes_survive_reopening_and_reach_the_pdf(
    qtbot: Any, cnas_window: MainWindow, cnas_copy: Path, make_window: Any,
    dialogs: Dialogs, tmp_path: Path,
) -> None:
    window = cnas_window
    kit = window.document.kit

    # Pick the quotes section in the outline; its form shows the five quotes.
    click_row(qtbot, outline_view(window), QUOTES_ROW)
    form = window.section_editor.forms[SectionType.QUOTES]
    assert form.isVisible() and form.model.rowCount() == 5

    # Drag Van Jackson's quote (row 3) to the top.
    view = form.view
    top = view.visualRect(form.model.index(0)).topLeft() + QPoint(10, 1)
    assert drop_on(view, form.model.mimeData([form.model.index(3)]), top,
                   Qt.DropAction.MoveAction)
    order = kit.sections[QUOTES_ROW].quotes  # type: ignore[attr-defined]
    assert order[0] == "jackson-fourth-meeting"

    # Fix the wording of Kristine Lee's quote where the experts pane shows it.
    lee = next(i for i, q in enumerate(kit.quotes) if q.expert == "kristine-lee")
    window.experts.select(("quotes", lee, "text"))
    editor = QApplication.focusWidget()
    assert isinstance(editor, QPlainTextEdit)
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor, " Watch Seoul & Tokyo <closely>.")
    assert kit.quotes[lee].text.endswith("vis-à-vis China? Watch Seoul & Tokyo <closely>.")

    # One undo takes the whole typed phrase back, redo restores it.
    window.document.undo_stack.undo()
    assert kit.quotes[lee].text.endswith("vis-à-vis China?")
    window.document.undo_stack.redo()
    assert window.isWindowModified()

    # Save, then reopen in a new window: the order and the words are as left.
    assert window.save_project(cnas_copy)
    assert not window.isWindowModified()
    again = make_window()
    assert again.open_project(cnas_copy)
    reopened = again.document.kit
    assert reopened.sections[QUOTES_ROW].quotes == order  # type: ignore[attr-defined]
    assert reopened.quotes[lee].text == kit.quotes[lee].text
    assert load_kit(cnas_copy).problems == []

    # Export: the PDF has the new order and the typed text, literally.
    pdf = tmp_path / "advisory.pdf"
    assert again.export_pdf(pdf)
    pdf_reading.assert_in_order(pdf_reading.text(pdf), [
        "Van Jackson", "Duyeon Kim", "Elizabeth Rosenberg", "Kristine Lee",
        "vis-à-vis China? Watch Seoul & Tokyo <closely>.", "Neil Bhatiya",
    ])
