"""Spell-checking as you type: a misspelled word in a kit's field is underlined, its context
menu offers the right word (an undoable correction), Add to Dictionary remembers a word for
good, and a kit in a language without a dictionary says spelling is off."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QSignalBlocker, Qt
from PySide6.QtGui import QContextMenuEvent, QImage, QTextCharFormat
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
)

from presskit.gui.dialogs.preferences import PreferencesDialog
from presskit.gui.settings import Settings
from presskit.gui.widgets.spelling import SPELLING_SETTING, field_spelling
from presskit.gui.window.main_window import MainWindow
from presskit.library.spelling import load_dictionary, user_dictionary_path
from presskit.model import SectionType

WAVE = QTextCharFormat.UnderlineStyle.SpellCheckUnderline


@pytest.fixture(autouse=True, scope="module")
def _english_loaded() -> None:
    """The English list, loaded once for the module (a window would load it in the
    background on first use; here the tests need not wait for it)."""
    load_dictionary("en")


def lead_text(window: MainWindow) -> QPlainTextEdit:
    window.section_editor.show_section(0)
    text = window.section_editor.forms[SectionType.LEAD].fields["text"]
    assert isinstance(text, QPlainTextEdit)
    return text


def type_at_end(qtbot: Any, text: QPlainTextEdit, words: str) -> None:
    text.setFocus()
    text.moveCursor(text.textCursor().MoveOperation.End)
    qtbot.keyClicks(text, words)


def underlined(text: QPlainTextEdit) -> list[str]:
    """The words the highlighter marked with the spell-check underline, in order."""
    found = []
    block = text.document().firstBlock()
    while block.isValid():
        for span in block.layout().formats():
            if span.format.underlineStyle() == WAVE:
                found.append(block.text()[span.start:span.start + span.length])
        block = block.next()
    return found


def point_of(text: QPlainTextEdit, word: str) -> QPoint:
    """The middle of the last ``word`` in the text box, in viewport coordinates."""
    cursor = text.document().find(word, text.document().characterCount(),
                                  text.document().FindFlag.FindBackward)
    assert not cursor.isNull(), word
    cursor.setPosition(cursor.selectionStart() + 1)
    return text.cursorRect(cursor).center()


def open_menu(qtbot: Any, widget: Any, pos: QPoint) -> QMenu:
    """Right-click at ``pos`` (as the platform's context-menu event) and return the menu."""
    target = widget.viewport() if isinstance(widget, QPlainTextEdit) else widget
    QApplication.sendEvent(target, QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, pos, target.mapToGlobal(pos)))
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    return menu


def choose(menu: QMenu, label: str) -> None:
    texts = [a.text() for a in menu.actions()]
    action = next((a for a in menu.actions() if a.text() == label), None)
    assert action is not None, texts
    action.trigger()
    menu.close()


def test_a_misspelled_word_typed_in_the_lead_is_underlined_and_the_kits_names_are_not(
    qtbot: Any, cnas_window: MainWindow,
) -> None:
    text = lead_text(cnas_window)
    type_at_end(qtbot, text, " Duyeon Kim and the goverment of Van Jackson agreed.")
    assert "goverment" in underlined(text)
    assert not {"Duyeon", "Kim", "Van", "Jackson"} & set(underlined(text))


def test_choosing_a_suggestion_replaces_the_word_and_undo_brings_it_back(
    qtbot: Any, cnas_window: MainWindow,
) -> None:
    text = lead_text(cnas_window)
    before = cnas_window.document.kit.sections[0].text
    type_at_end(qtbot, text, " The goverment agreed.")

    menu = open_menu(qtbot, text, point_of(text, "goverment"))
    labels = [a.text() for a in menu.actions()]
    assert labels[0] == "government"
    assert {"Add to Dictionary", "Ignore"} <= set(labels)
    assert any("Copy" in label for label in labels)  # the standard entries stay
    choose(menu, "government")

    assert cnas_window.document.kit.sections[0].text == before + " The government agreed."
    assert "goverment" not in underlined(text)
    qtbot.keyClick(text, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert text.toPlainText() == before + " The goverment agreed."
    assert cnas_window.document.kit.sections[0].text == before + " The goverment agreed."
    assert "goverment" in underlined(text)
    qtbot.keyClick(text, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert cnas_window.document.kit.sections[0].text == before  # then the typing


def test_add_to_dictionary_removes_the_underline_and_is_remembered_by_a_new_window(
    qtbot: Any, cnas_window: MainWindow, make_window: Any, cnas_copy: Path,
) -> None:
    text = lead_text(cnas_window)
    type_at_end(qtbot, text, " Says Wrzesniewski.")
    assert "Wrzesniewski" in underlined(text)

    choose(open_menu(qtbot, text, point_of(text, "Wrzesniewski")), "Add to Dictionary")

    assert "Wrzesniewski" not in underlined(text)
    assert user_dictionary_path().read_text(encoding="utf-8") == "Wrzesniewski\n"
    other = make_window()
    assert other.open_project(cnas_copy, ask=False)
    again = lead_text(other)
    type_at_end(qtbot, again, " Wrzesniewski and teh.")
    assert underlined(again)[-1:] == ["teh"]


def test_ignore_stops_underlining_a_word_in_every_field_without_saving_it(
    qtbot: Any, cnas_window: MainWindow,
) -> None:
    text = lead_text(cnas_window)
    type_at_end(qtbot, text, " Pyeongchangx.")
    choose(open_menu(qtbot, text, point_of(text, "Pyeongchangx")), "Ignore")
    assert "Pyeongchangx" not in underlined(text)
    assert not user_dictionary_path().exists()


def red_pixels(image: QImage) -> int:
    return sum(
        1
        for y in range(image.height())
        for x in range(image.width())
        if (c := image.pixelColor(x, y)).red() > 150 and c.green() < 150 and c.blue() < 150
    )


def test_a_one_line_field_underlines_too_and_offers_the_same_menu(
    qtbot: Any, cnas_window: MainWindow,
) -> None:
    cnas_window.section_editor.show_section(4)  # "Sharper", a text section
    heading = cnas_window.section_editor.forms[SectionType.TEXT].fields["heading"]
    assert isinstance(heading, QLineEdit)
    heading.setFocus()
    heading.selectAll()
    qtbot.keyClicks(heading, "Clean heading")
    qtbot.wait(20)  # the underline follows the text at the next turn of the event loop
    clean = red_pixels(heading.grab().toImage())
    heading.selectAll()
    qtbot.keyClicks(heading, "Recieve heading")
    qtbot.waitUntil(lambda: red_pixels(heading.grab().toImage()) > clean + 10)

    heading.setCursorPosition(0)
    pos = QPoint(heading.cursorRect().center().x() + 8, heading.height() // 2)
    choose(open_menu(qtbot, heading, pos), "Receive")
    assert heading.text() == "Receive heading"
    qtbot.waitUntil(lambda: red_pixels(heading.grab().toImage()) <= clean)
    assert cnas_window.document.undo_stack.undoText() == "Correct heading"
    qtbot.keyClick(heading, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert heading.text() == "Recieve heading"
    assert cnas_window.document.kit.sections[4].heading == "Recieve heading"


def test_a_kit_in_a_language_without_a_dictionary_is_not_checked_and_says_so(
    qtbot: Any, cnas_window: MainWindow,
) -> None:
    status = cnas_window.findChild(QLabel, "spellingStatus")
    assert isinstance(status, QLabel)
    assert status.text() == "Spelling is checked in English."
    text = lead_text(cnas_window)
    type_at_end(qtbot, text, " The goverment.")
    assert "goverment" in underlined(text)

    cnas_window.kit_brand_dock.raise_()
    language = cnas_window.kit_brand.findChild(QLabel, "spellingStatus")
    assert language is status
    cnas_window.document.kit.language = "ja"
    cnas_window.document.value_changed.emit(("language",))

    assert "Japanese (ja)" in status.text() and "no dictionary" in status.text()
    text = lead_text(cnas_window)
    text.clearFocus()
    text.setFocus()  # back in the field: drawn again for the kit as it is now
    assert underlined(text) == []


def test_spelling_can_be_turned_off_in_preferences(
    qtbot: Any, cnas_window: MainWindow, monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = lead_text(cnas_window)
    type_at_end(qtbot, text, " The goverment.")
    assert "goverment" in underlined(text)

    def untick_and_accept(dialog: PreferencesDialog) -> int:
        assert dialog.spelling_check.isChecked()  # on by default
        dialog.show()
        qtbot.waitExposed(dialog)
        box = dialog.spelling_check  # clicked on its tick box (the row is wider than its text)
        qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(PreferencesDialog, "exec", untick_and_accept)
    cnas_window.library.edit_preferences()  # Edit ▸ Preferences…

    assert underlined(text) == []
    assert cnas_window.settings.get(SPELLING_SETTING) is False
    assert Settings(cnas_window.settings.path).get(SPELLING_SETTING) is False  # remembered


def test_redrawing_the_underline_is_never_an_edit(cnas_window: MainWindow) -> None:
    """The underline is redrawn when a spelling list arrives or the box is shown again; at
    that moment the box may still hold the words it showed before (opening another kit, the
    lead's box is shown again before it is filled). A redraw must not write those words into
    the kit: on a loaded machine that emptied the lead of a kit just opened."""
    text = lead_text(cnas_window)
    written = cnas_window.document.kit.sections[0].text
    with QSignalBlocker(text):  # what the box held a moment before, for the kit before
        text.setPlainText("Words of the kit befor.")
    spelling = field_spelling(text)
    assert spelling is not None
    spelling.redraw()
    assert cnas_window.document.kit.sections[0].text == written
    assert not cnas_window.document.is_modified
