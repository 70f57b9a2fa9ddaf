"""Habits a Word user brings: Edit ▸ Cut/Copy/Paste/Select All on the focused field, Ctrl+Y as
a second redo key on every desktop, Ctrl+B and Ctrl+I marking words in a text box, and a hint
saying which markup there is."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeySequence, QTextCursor
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit
from support.gui_actions import CNAS_ORDER, click_row, outline_view

from presskit.gui.window.main_window import MainWindow
from presskit.model import SectionType

CTRL = Qt.KeyboardModifier.ControlModifier


def lead_box(window: MainWindow, qtbot: Any) -> QPlainTextEdit:
    click_row(qtbot, outline_view(window), CNAS_ORDER.index("lead"))
    box = window.section_editor.forms[SectionType.LEAD].fields["text"]
    assert isinstance(box, QPlainTextEdit)
    box.setFocus()
    qtbot.waitUntil(box.hasFocus)
    return box


def select(box: QPlainTextEdit, words: str) -> None:
    start = box.toPlainText().index(words)
    cursor = box.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start + len(words), QTextCursor.MoveMode.KeepAnchor)
    box.setTextCursor(cursor)


@pytest.fixture
def x11_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    """Qt's key scheme on a GNOME or KDE desktop: Redo is Ctrl+Shift+Z only, no Ctrl+Y.

    The offscreen platform the tests run on uses the Windows scheme, where Ctrl+Y is Redo
    already; that is why Ctrl+Y worked here and not in a real X11 session."""
    bindings = QKeySequence.keyBindings

    def x11(key: QKeySequence.StandardKey) -> list[QKeySequence]:
        if key == QKeySequence.StandardKey.Redo:
            return [QKeySequence("Ctrl+Shift+Z")]
        return bindings(key)

    monkeypatch.setattr(QKeySequence, "keyBindings", staticmethod(x11))


def test_ctrl_y_redoes_in_a_field_with_the_x11_key_scheme(
    qtbot: Any, x11_keys: None, make_window: Any, cnas_copy: Any
) -> None:
    window = make_window()
    assert window.open_project(cnas_copy)
    headline = window.kit_brand.kit_form.fields["title"]
    assert isinstance(headline, QLineEdit)
    before = headline.text()
    headline.setFocus()
    qtbot.keyClicks(headline, " now")
    qtbot.keyClick(headline, Qt.Key.Key_Z, CTRL)
    assert window.document.kit.title == before

    qtbot.keyClick(headline, Qt.Key.Key_Y, CTRL)

    assert window.document.kit.title == before + " now" == headline.text()
    assert QKeySequence("Ctrl+Y") in window.actions_.redo.shortcuts()


def test_ctrl_b_marks_the_selected_words_bold_and_one_undo_takes_it_off(
    qtbot: Any, cnas_window: MainWindow
) -> None:
    box = lead_box(cnas_window, qtbot)
    original = cnas_window.document.kit.sections[0].text
    words = original.split()[2]
    select(box, words)

    qtbot.keyClick(box, Qt.Key.Key_B, CTRL)

    assert f"**{words}**" in cnas_window.document.kit.sections[0].text
    assert box.textCursor().selectedText() == f"**{words}**"
    qtbot.keyClick(box, Qt.Key.Key_B, CTRL)  # again: the stars come off
    assert cnas_window.document.kit.sections[0].text == original
    qtbot.keyClick(box, Qt.Key.Key_Z, CTRL)
    assert f"**{words}**" in cnas_window.document.kit.sections[0].text
    qtbot.keyClick(box, Qt.Key.Key_Z, CTRL)
    assert cnas_window.document.kit.sections[0].text == original


def test_ctrl_i_on_a_bold_word_says_there_is_no_bold_italic(
    qtbot: Any, cnas_window: MainWindow
) -> None:
    box = lead_box(cnas_window, qtbot)
    words = box.toPlainText().split()[2]
    select(box, words)
    qtbot.keyClick(box, Qt.Key.Key_B, CTRL)
    marked = cnas_window.document.kit.sections[0].text

    qtbot.keyClick(box, Qt.Key.Key_I, CTRL)

    assert cnas_window.document.kit.sections[0].text == marked
    assert "not both" in cnas_window.statusBar().currentMessage()


def test_the_markup_hint_shows_while_a_text_box_has_the_focus(
    qtbot: Any, cnas_window: MainWindow
) -> None:
    hint = cnas_window.actions_.edit.hint
    cnas_window.statusBar().clearMessage()  # "Opened …" has the bar to itself meanwhile
    lead_box(cnas_window, qtbot)
    assert hint.isVisible() and "**bold**" in hint.text() and "Ctrl+B" in hint.text()
    headline = cnas_window.kit_brand.kit_form.fields["title"]
    headline.setFocus()
    qtbot.waitUntil(headline.hasFocus)
    assert not hint.isVisible()
    assert not cnas_window.actions_.edit.bold.isEnabled()


def test_edit_menu_copies_and_pastes_in_the_focused_field_as_one_undoable_edit(
    qtbot: Any, cnas_window: MainWindow
) -> None:
    edit = cnas_window.actions_.edit
    menu = cnas_window.menuBar().findChild(type(cnas_window.actions_.recent_menu), "editMenu")
    assert menu is not None
    texts = [a.text().split("\t")[0].replace("&", "") for a in menu.actions() if a.text()]
    assert texts[:8] == ["Undo", "Redo", "Cut", "Copy", "Paste", "Select All", "Bold", "Italic"]
    assert edit.copy.text().endswith("\t" + QKeySequence(QKeySequence.StandardKey.Copy)
                                     .toString(QKeySequence.SequenceFormat.NativeText))

    headline = cnas_window.kit_brand.kit_form.fields["title"]
    assert isinstance(headline, QLineEdit)
    headline.setFocus()
    qtbot.waitUntil(headline.hasFocus)
    headline.deselect()
    edit.update()
    assert not edit.copy.isEnabled() and not edit.cut.isEnabled()
    headline.setSelection(0, 4)
    edit.update()
    assert edit.copy.isEnabled()
    edit.copy.trigger()
    copied = QGuiApplication.clipboard().text()
    assert copied == cnas_window.document.kit.title[:4]

    box = lead_box(cnas_window, qtbot)
    box.moveCursor(QTextCursor.MoveOperation.Start)
    edit.update()
    assert edit.paste.isEnabled()
    before = cnas_window.document.kit.sections[0].text
    edit.paste.trigger()
    assert cnas_window.document.kit.sections[0].text == copied + before
    cnas_window.actions_.undo.trigger()
    assert cnas_window.document.kit.sections[0].text == before

    edit.select_all.trigger()
    assert box.textCursor().selectedText().replace("\u2029", "\n") == before
    edit.cut.trigger()
    assert cnas_window.document.kit.sections[0].text == ""
    assert QGuiApplication.clipboard().text() == before
