"""A stranger's kit whose expert name, quote and section heading are each a million characters
(well within the file size limit): every list, table, tab and title shows one bounded line of
them, so opening, painting and selecting take what a short kit takes, while the kit itself
keeps every character and saving writes them all back."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from presskit.gui.document.commands import SetValue
from presskit.gui.editors.inputs import _Choices
from presskit.gui.preview.pane import PreviewPane
from presskit.gui.roster.models import BankModel, RosterModel
from presskit.gui.sections.quote_picker import QuotePickerDialog
from presskit.gui.sections.quotes_form import QuotesForm
from presskit.gui.window.main_window import MainWindow
from presskit.library import Roster
from presskit.model.printable import MAX_CELL_CHARS, MAX_TIP_CHARS, one_line, tip
from presskit.storage import load_kit, save_kit

SIZE = 1_000_000
NAME = "N" * SIZE
QUOTE = "Quote, " + "q" * SIZE + "\nsecond line"
HEADING = "H" * SIZE
QUOTES_SECTION = 3  # the example's quotes section

DISPLAY = Qt.ItemDataRole.DisplayRole
EDIT = Qt.ItemDataRole.EditRole
TOOLTIP = Qt.ItemDataRole.ToolTipRole


def huge_kit(kit_path: Path) -> Path:
    """The example kit with its first expert's name, first quote and quotes section's heading
    a million characters each."""
    kit = load_kit(kit_path).kit
    kit.experts[0].name = NAME
    assert kit.quotes[0].expert == kit.experts[0].id
    kit.quotes[0].text = QUOTE
    kit.sections[QUOTES_SECTION].heading = HEADING  # type: ignore[attr-defined]
    save_kit(kit, kit_path)
    return kit_path


def assert_bounded(value: Any, bound: int = MAX_CELL_CHARS) -> None:
    assert isinstance(value, str) and len(value) <= bound, (type(value), len(str(value)))


def cells(model: Any, role: Qt.ItemDataRole = DISPLAY) -> list[Any]:
    return [model.index(row, column).data(role) for row in range(model.rowCount())
            for column in range(model.columnCount())]


def test_one_line_and_tip_bound_a_huge_text_and_leave_a_short_one_alone() -> None:
    assert one_line("Duyeon  Kim\n(CNAS)") == "Duyeon Kim (CNAS)"
    assert one_line("a\x1bb\u202ec") == "a\\x1bb\\u202ec"
    long = one_line("word " * SIZE)
    assert len(long) <= MAX_CELL_CHARS and long.endswith("…")
    assert one_line("x" * MAX_CELL_CHARS) == "x" * MAX_CELL_CHARS
    assert one_line("x" * (MAX_CELL_CHARS * 4 + 1) + "  ").endswith("…")
    assert tip("one\ntwo") == "one\ntwo"
    assert len(tip(QUOTE)) <= MAX_TIP_CHARS


def test_a_kit_with_a_million_character_name_quote_and_heading_opens_bounded_and_saves_whole(
    make_window: Any, cnas_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # No preview: rendering such a kit is the render's own matter, bounded there (120 s).
    monkeypatch.setattr(PreviewPane, "_start_render", lambda self: None)
    kit_path = huge_kit(cnas_copy)
    window: MainWindow = make_window(preview_delay_ms=3_600_000)
    assert window.open_project(kit_path)
    kit = window.document.kit
    assert kit.experts[0].name == NAME and kit.quotes[0].text == QUOTE

    # The outline: the heading shown bounded, edited whole.
    outline = window.outline.model
    heading = outline.index(QUOTES_SECTION)
    for role in (DISPLAY, TOOLTIP, Qt.ItemDataRole.AccessibleTextRole):
        assert_bounded(heading.data(role), MAX_TIP_CHARS)
    assert len(heading.data(DISPLAY)) <= MAX_CELL_CHARS
    assert heading.data(EDIT) == HEADING

    # The experts panel: the experts' and quotes' tables, and the quotes' box or tab title.
    experts = window.experts.experts.model
    for value in cells(experts):
        assert_bounded(value)
    assert NAME in cells(experts, EDIT)
    quotes = window.experts.quotes.model
    for value in cells(quotes):
        assert_bounded(value)
    for value in cells(quotes, TOOLTIP):
        assert value is None or len(value) <= MAX_TIP_CHARS
    for box, title in window.experts.sides.panes:
        assert len(title) <= MAX_CELL_CHARS + len("Quotes by ")
        assert len(box.title()) <= MAX_CELL_CHARS + len("Quotes by ")
    tabs = window.experts.sides.tabs
    for i in range(tabs.count()):
        assert len(tabs.tabText(i)) <= MAX_CELL_CHARS + len("Quotes by ")

    # The quotes section: its list of quotes and the picker that adds more.
    window.outline.select_row(QUOTES_SECTION)
    form = window.section_editor.forms[kit.sections[QUOTES_SECTION].type]
    assert isinstance(form, QuotesForm)
    for row in range(form.model.rowCount()):
        assert_bounded(form.model.index(row).data(DISPLAY))
        assert len(form.model.index(row).data(TOOLTIP) or "") <= MAX_TIP_CHARS + 100
    picker = QuotePickerDialog(window.document, [kit.quotes[1].id], window)
    for value in cells(picker.proxy):
        assert_bounded(value, MAX_CELL_CHARS + 2)  # "✓ " marks the chosen
    picker.deleteLater()

    # The window's texts: undo, status and the Save to Roster action.
    window.document.push(SetValue(window.document, ("sections", QUOTES_SECTION, "hidden"), True,
                                  f"Hide section “{HEADING}”"))
    assert len(window.document.undo_stack.undoText()) <= MAX_CELL_CHARS
    window.show_status(f"Saved {NAME}")
    assert len(window.statusBar().currentMessage()) <= 500
    window.document.undo_stack.undo()

    # Nothing was cut from the kit: saving writes every character back.
    assert window.save_project()
    saved = load_kit(kit_path).kit
    assert saved.experts[0].name == NAME
    assert saved.quotes[0].text == QUOTE
    assert saved.sections[QUOTES_SECTION].heading == HEADING  # type: ignore[attr-defined]


def test_the_roster_models_and_the_choices_show_a_huge_name_bounded(cnas_copy: Path) -> None:
    kit = load_kit(huge_kit(cnas_copy)).kit
    roster = Roster(experts=list(kit.experts), quotes=list(kit.quotes))
    model = RosterModel()
    model.set_roster(roster)
    for value in cells(model):
        assert_bounded(value)
    assert len(model.index(0, 0).data(TOOLTIP)) <= MAX_TIP_CHARS
    assert NAME in model.index(0, 0).data(EDIT)
    bank = BankModel()
    bank.show(roster, [kit.experts[0].id])
    for value in cells(bank):
        assert_bounded(value)
    assert len(bank.index(0, 0).data(TOOLTIP)) <= MAX_TIP_CHARS
    choices = _Choices()
    choices.set_rows([(NAME, "duyeon-kim")])
    assert_bounded(choices.index(0).data(DISPLAY))
    assert choices.index(0).data(EDIT) == NAME
