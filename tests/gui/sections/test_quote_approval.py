"""Approving quotes where they are: the section's own quote list, the buttons beside it, and
the expert's quotes table; each approval (or approve-all) is one undo step."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from support.examples import CNAS_KIT
from support.gui_actions import click_row

from presskit.gui.document.kit_document import KitDocument
from presskit.gui.sections.quotes_form import QuotesForm
from presskit.gui.sections.section_editor import SectionEditor
from presskit.model import SectionType
from presskit.storage import load_kit

QUOTES = 3  # the quotes section of the CNAS example


@pytest.fixture
def document() -> KitDocument:
    return KitDocument(load_kit(CNAS_KIT).kit, CNAS_KIT)


@pytest.fixture
def editor(qtbot, document: KitDocument) -> SectionEditor:  # type: ignore[no-untyped-def]
    widget = SectionEditor()
    qtbot.addWidget(widget)
    widget.set_document(document)
    widget.resize(800, 600)
    widget.show()
    qtbot.waitExposed(widget)
    widget.show_section(QUOTES)
    return widget


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
