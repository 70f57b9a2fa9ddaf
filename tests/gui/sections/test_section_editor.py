"""The section editor used as a press officer uses it: typing, reordering quotes by drag and by
keyboard, picking quotes with a search, removing one — every change lands in the kit, and
one undo takes it back while the form follows."""

from __future__ import annotations

import copy

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit
from support.editor_helpers import drop_on, row_point
from support.gui_actions import click_check_box

from presskit.gui.document.commands import InsertItem, RemoveItem
from presskit.gui.document.kit_document import KitDocument
from presskit.gui.sections.quote_picker import QuotePickerDialog
from presskit.gui.sections.section_editor import SectionEditor
from presskit.model import BiosSection, Expert, SectionType
from presskit.model.operations import new_section

CNAS_ORDER = [
    "kim-summit-framing",
    "rosenberg-inducements",
    "lee-strategic-asset",
    "jackson-fourth-meeting",
    "bhatiya-sanctions-relief",
]
QUOTES, SHARPER = 3, 4  # section indexes in the CNAS example


def quote_ids(document: KitDocument, section: int = QUOTES) -> list[str]:
    return list(document.kit.sections[section].quotes)


def shown_ids(editor: SectionEditor) -> list[str]:
    model = editor.forms[SectionType.QUOTES].model
    return [model.ids[row] for row in range(model.rowCount())]


def test_typing_a_heading_is_one_undo_step_and_undo_restores_the_field(
    qtbot, editor, document
) -> None:
    editor.show_section(SHARPER)
    heading = editor.forms[SectionType.TEXT].fields["heading"]
    assert isinstance(heading, QLineEdit) and heading.text() == "Sharper"

    qtbot.keyClicks(heading, " still")

    assert document.kit.sections[SHARPER].heading == "Sharper still"
    assert document.undo_stack.count() == 1
    document.undo_stack.undo()
    assert document.kit.sections[SHARPER].heading == "Sharper"
    assert heading.text() == "Sharper"
    assert document.undo_stack.count() == 1  # refreshing the field pushed nothing


def test_typing_paragraphs_in_the_lead_then_undo_and_redo(qtbot, editor, document) -> None:
    editor.show_section(0)
    text = editor.forms[SectionType.LEAD].fields["text"]
    assert isinstance(text, QPlainTextEdit)
    before = document.kit.sections[0].text
    text.moveCursor(text.textCursor().MoveOperation.End)

    qtbot.keyClick(text, Qt.Key.Key_Return)
    qtbot.keyClick(text, Qt.Key.Key_Return)
    qtbot.keyClicks(text, "Second <b> & paragraph.")

    assert document.kit.sections[0].text == before + "\n\nSecond <b> & paragraph."
    assert document.undo_stack.count() == 1
    document.undo_stack.undo()
    assert text.toPlainText() == before == document.kit.sections[0].text
    document.undo_stack.redo()
    assert text.toPlainText().endswith("Second <b> & paragraph.")


def test_dragging_a_quote_down_reorders_the_section_and_undo_puts_it_back(
    qtbot, editor, document
) -> None:
    editor.show_section(QUOTES)
    view = editor.forms[SectionType.QUOTES].view
    model = view.model()
    # A real mouse drag runs QDrag.exec's nested event loop, which the offscreen platform
    # cannot drive; so the drag's payload comes from the model (as QDrag would carry it) and
    # the view receives the enter/move/drop events a drop below row 3 would bring.
    payload = model.mimeData([model.index(0)])
    drop_on(view, payload, row_point(view, 3, below=True), Qt.DropAction.MoveAction)

    expected = [CNAS_ORDER[i] for i in (1, 2, 3, 0, 4)]
    assert quote_ids(document) == expected
    assert shown_ids(editor) == expected
    assert document.undo_stack.count() == 1
    document.undo_stack.undo()
    assert quote_ids(document) == CNAS_ORDER == shown_ids(editor)


def test_the_views_own_internal_move_goes_through_move_rows(qtbot, editor, document) -> None:
    editor.show_section(QUOTES)
    model = editor.forms[SectionType.QUOTES].model
    # What QListView.dropEvent calls for an internal move: Qt's "insert before row" count.
    assert model.moveRow(QModelIndex(), 4, QModelIndex(), 0)
    assert quote_ids(document) == [CNAS_ORDER[4], *CNAS_ORDER[:4]]
    assert model.moveRow(QModelIndex(), 0, QModelIndex(), 5)
    assert quote_ids(document) == CNAS_ORDER == shown_ids(editor)


def test_keyboard_moves_the_selected_quote_and_it_stays_selected(qtbot, editor, document) -> None:
    editor.show_section(QUOTES)
    form = editor.forms[SectionType.QUOTES]
    form.select_row(1)
    form.view.setFocus()

    qtbot.keyClick(form.view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert quote_ids(document)[:2] == [CNAS_ORDER[1], CNAS_ORDER[0]]
    assert form.view.currentIndex().row() == 0

    qtbot.keyClick(form.view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(form.view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert quote_ids(document)[:3] == [CNAS_ORDER[0], CNAS_ORDER[2], CNAS_ORDER[1]]
    assert form.view.currentIndex().row() == 2
    document.undo_stack.undo()
    document.undo_stack.undo()
    document.undo_stack.undo()
    assert quote_ids(document) == CNAS_ORDER == shown_ids(editor)


def test_delete_key_removes_the_selected_quote_from_the_section_only(
    qtbot, editor, document
) -> None:
    editor.select(("sections", QUOTES, "quotes", 2))  # as a pre-flight entry would
    form = editor.forms[SectionType.QUOTES]
    assert form.view.currentIndex().row() == 2 and form.view.hasFocus()

    qtbot.keyClick(form.view, Qt.Key.Key_Delete)

    assert quote_ids(document) == [q for q in CNAS_ORDER if q != "lee-strategic-asset"]
    assert document.kit.quote("lee-strategic-asset") is not None  # still in the kit
    assert shown_ids(editor) == quote_ids(document)
    document.undo_stack.undo()
    assert shown_ids(editor) == CNAS_ORDER


def test_add_quotes_picker_searches_by_topic_and_adds_the_chosen_ones_in_one_step(
    qtbot, editor, document
) -> None:
    section = new_section(document.kit, SectionType.QUOTES)
    document.push(InsertItem(document, ("sections",), len(document.kit.sections), section))
    editor.show_section(len(document.kit.sections) - 1)
    form = editor.forms[SectionType.QUOTES]
    seen: dict[str, object] = {}

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QuotePickerDialog)
        qtbot.keyClicks(dialog.search, "sanctions")
        seen["rows"] = dialog.proxy.rowCount()
        dialog.table.selectAll()
        qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, answer)
    qtbot.mouseClick(form.add_button, Qt.MouseButton.LeftButton)

    assert seen["rows"] == 2  # Rosenberg and Bhatiya: "sanctions" is their topic
    assert section.quotes == ["rosenberg-inducements", "bhatiya-sanctions-relief"]
    assert shown_ids(editor) == section.quotes
    document.undo_stack.undo()
    assert section.quotes == [] and shown_ids(editor) == []


def test_picker_shows_quotes_already_in_the_section_disabled(qtbot, document) -> None:
    dialog = QuotePickerDialog(document, CNAS_ORDER[:2])
    qtbot.addWidget(dialog)
    enabled = [
        bool(dialog.proxy.flags(dialog.proxy.index(row, 0)) & Qt.ItemFlag.ItemIsEnabled)
        for row in range(dialog.proxy.rowCount())
    ]
    assert enabled == [False, False, True, True, True]
    dialog.table.selectAll()
    assert dialog.selected_ids() == CNAS_ORDER[2:]
    qtbot.keyClicks(dialog.search, "asia-pacific fellow")  # program and title words
    assert dialog.proxy.rowCount() == 3


def test_the_form_follows_its_section_when_it_is_deleted_and_the_delete_undone(
    editor, document
) -> None:
    editor.show_section(SHARPER)
    document.push(RemoveItem(document, ("sections",), SHARPER))
    assert editor.stack.currentWidget() is editor.empty
    document.undo_stack.undo()
    assert editor.stack.currentWidget() is editor.forms[SectionType.TEXT]
    document.push(RemoveItem(document, ("sections",), 0))  # the section moves up a row
    heading = editor.forms[SectionType.TEXT].fields["heading"]
    assert isinstance(heading, QLineEdit)
    heading.setFocus()
    heading.selectAll()
    heading.insert("Sharpest")
    assert document.kit.sections[SHARPER - 1].heading == "Sharpest"


def add_bios_section(editor, document):
    """A new bios section, selected in the editor; the section and its expert checklist."""
    bios = BiosSection(id="bios", heading="About the experts")
    document.push(InsertItem(document, ("sections",), len(document.kit.sections), bios))
    editor.select(("sections", len(document.kit.sections) - 1, "experts"))
    return bios, editor.forms[SectionType.BIOS].checklist


def test_bios_section_switches_from_every_quoted_expert_to_a_chosen_list(
    qtbot, editor, document
) -> None:
    bios, checklist = add_bios_section(editor, document)
    assert checklist.every.isChecked()

    qtbot.keyClick(checklist.every, Qt.Key.Key_Space)
    assert bios.experts == [e.id for e in document.kit.experts]  # every quoted one, in order
    click_check_box(qtbot, checklist.list, 0)
    assert bios.experts == [e.id for e in document.kit.experts][1:]
    document.undo_stack.undo()
    document.undo_stack.undo()
    assert bios.experts == [] and checklist.every.isChecked()


def test_contact_combo_lists_the_kits_contacts_and_sets_the_reference(
    qtbot, editor, document
) -> None:
    before = copy.deepcopy(document.kit.sections[1])
    editor.show_section(1)
    combo = editor.forms[SectionType.CONTACT].contact
    assert combo.currentText().startswith("Cole Stevens")
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Up)  # to "(choose a contact)"
    assert document.kit.sections[1].contact == ""
    document.undo_stack.undo()
    assert document.kit.sections[1] == before
    assert combo.currentText().startswith("Cole Stevens")


def test_ctrl_z_in_a_field_undoes_through_the_documents_stack(qtbot, editor, document) -> None:
    # The window's Undo action, as the main window provides it.
    undo = document.undo_stack.createUndoAction(editor)
    undo.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
    editor.addAction(undo)
    editor.show_section(SHARPER)
    heading = editor.forms[SectionType.TEXT].fields["heading"]
    heading.setFocus()
    qtbot.keyClicks(heading, " still")

    qtbot.keyClick(heading, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)

    # The field's private undo would have pushed "Sharper" as a further edit instead.
    assert document.undo_stack.index() == 0
    assert heading.text() == "Sharper" == document.kit.sections[SHARPER].heading


def test_the_bios_expert_list_shown_after_edits_made_while_hidden_lists_them(
    qtbot, editor, document
) -> None:
    _bios, checklist = add_bios_section(editor, document)
    assert checklist.isVisible()
    editor.select(("sections", 0, "text"))  # another section: the list is hidden
    assert not checklist.isVisible()
    document.push(InsertItem(document, ("experts",), 0, Expert(id="zoe", name="Zoe Added")))
    editor.select(("sections", len(document.kit.sections) - 1, "experts"))
    model = checklist.list.model()
    labels = [model.index(row, 0).data() for row in range(model.rowCount())]
    assert labels[0] == "Zoe Added" and len(labels) == len(document.kit.experts)


def test_the_text_fields_say_how_to_mark_words_in_another_language(editor) -> None:
    for index, kind in ((0, SectionType.LEAD), (SHARPER, SectionType.TEXT)):
        editor.show_section(index)
        tip = editor.forms[kind].fields["text"].toolTip()
        assert "**bold**" in tip and "[Bonjour]{lang=fr}" in tip
