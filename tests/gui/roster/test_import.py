"""Bringing experts and kits in from outside, as a press officer does: a spreadsheet of staff
with odd headings mapped column by column and merged into the roster, and an advisory pasted
from an e-mail turned into a new kit."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication
from support.examples import SEED
from support.gui_actions import Dialogs
from support.gui_dialogs import when_dialog
from support.workbooks import rewrite_entry, xlsx

from presskit.gui.dialogs.paste_advisory import PasteDialog
from presskit.gui.document.commands import SetValue
from presskit.gui.roster.csv_import import IGNORE, CsvMappingDialog, ImportSummaryDialog
from presskit.gui.roster.prompts import LibraryPrompts
from presskit.gui.widgets.prompts import UnsavedChoice
from presskit.gui.window.main_window import MainWindow
from presskit.library import load_roster
from presskit.model import ApprovalState

STAFF_CSV = (
    "Who,Position,Contact,Tags,Twitter\r\n"
    "Amara Okafor,Director of the Africa Program,amara-okafor@example.org,"
    "Nigeria; elections,@amara\r\n"
    ",Intern,intern@example.org,,\r\n"
    "Léa Fontaine,Fellow,lea@example.org,France,@lea\r\n"
    "AMARA OKAFOR,Director,,,\r\n"
    ",,,,\r\n"
    'Rafael Gómez,"Adjunct Fellow, Americas",rafael@example.org,"Brazil, trade",\r\n'
)


# Spreadsheets.

def test_the_mapping_step_fixes_unusual_headings_and_the_import_merges_and_reports(
    qtbot: Any, window: MainWindow, roster_file: Path, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sheet = tmp_path / "staff.csv"
    sheet.write_bytes(STAFF_CSV.encode("cp1252"))  # classic Excel on Windows
    monkeypatch.setattr(LibraryPrompts, "spreadsheet_to_import",
                        classmethod(lambda cls, parent, folder: (sheet, True)))
    seen: dict[str, Any] = {}

    def choose(combo: Any, text: str) -> None:
        # A closed combo box jumps to the item typed, once the last typing has timed out.
        qtbot.wait(QApplication.keyboardInputInterval() + 20)
        combo.setFocus()
        qtbot.keyClicks(combo, text)

    def map_columns(dialog: CsvMappingDialog) -> None:
        seen["info"] = dialog.info.text()
        seen["detected"] = [c.currentText() for c in dialog.combos]
        seen["first"] = (dialog.import_button.isEnabled(), dialog.problems_label.text())
        who, _position, contact = dialog.combos[:3]
        choose(contact, "Name")
        choose(who, "Name")
        seen["twice"] = (dialog.import_button.isEnabled(), dialog.problems_label.text())
        choose(contact, "Email")
        seen["fixed"] = (dialog.import_button.isEnabled(), dialog.problems_label.text())
        when_dialog(ImportSummaryDialog, go_back)
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)

    def go_back(dialog: ImportSummaryDialog) -> None:
        seen["summary"] = dialog.heading.text()
        seen["lines"] = dialog.lines()
        when_dialog(CsvMappingDialog, import_again)
        qtbot.mouseClick(dialog.back_button, Qt.MouseButton.LeftButton)

    def import_again(dialog: CsvMappingDialog) -> None:
        seen["kept"] = [c.currentText() for c in dialog.combos]
        when_dialog(ImportSummaryDialog, save)
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)

    def save(dialog: ImportSummaryDialog) -> None:
        assert load_roster(roster_file).roster.find(name="Léa Fontaine") is None  # not yet
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    when_dialog(CsvMappingDialog, map_columns)
    window.library.import_csv.trigger()

    assert "staff.csv" in seen["info"] and "comma-separated, Windows-1252" in seen["info"]
    assert "5 rows" in seen["info"]
    assert seen["detected"] == [IGNORE, "Title", IGNORE, "Topics", IGNORE]
    assert seen["first"][0] is False and "No column holds the experts' names" in seen["first"][1]
    assert seen["twice"][0] is False and "Two columns are mapped to 'Name'" in seen["twice"][1]
    assert seen["fixed"] == (True, "Ready to import 5 rows.")
    assert "2 added, 1 updated, 0 unchanged, 2 skipped" in seen["summary"]
    lines = seen["lines"]
    assert lines[:3] == [
        "Skipped (2)",
        "Row 3 (line 3): it has no name (e-mail intern@example.org)",
        "Row 5 (line 5): it is the same person as row 2 (Amara Okafor); only the first row "
        "is imported",
    ]
    assert "Amara Okafor, Director of the Africa Program — title, topics" in lines
    assert "“Twitter”" in lines
    assert seen["kept"] == ["Name", "Title", "Email", "Topics", IGNORE]

    roster = load_roster(roster_file).roster
    assert len(roster.experts) == 14
    rafael = roster.find(name="Rafael Gómez")
    assert rafael is not None and rafael.title == "Adjunct Fellow, Americas"
    assert rafael.topics == ["Brazil", "trade"]
    amara = roster.find(email="AMARA-OKAFOR@example.org")
    assert amara is not None and amara.title == "Director of the Africa Program"
    assert amara.program == "Africa"  # no program column: nothing erased
    panel = window.library.panel
    assert panel.model.rowCount() == 14
    assert sorted(panel.selected_ids()) == sorted([rafael.id, amara.id, "lea-fontaine"])
    assert "2 added, 1 updated" in window.statusBar().currentMessage()


def click_box(qtbot: Any, box: Any) -> None:
    """Click a check box on its box (a click right of its text does nothing)."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def test_a_workbook_sheet_is_chosen_and_its_experts_go_into_the_kit_in_one_undo_step(
    qtbot: Any, window: MainWindow, roster_file: Path, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    book = xlsx(tmp_path / "staff.xlsx", {
        "Board": [["Name", "Title"], ["Cy Moss", "Chair"]],
        "Experts": [["Name", "Title", "Email", "Phone"],
                    ["Amara Okafor", "Director", "amara@example.org", 4722000000],
                    ["Léa Fontaine", "Fellow", "lea@example.org", None]],
    })
    monkeypatch.setattr(LibraryPrompts, "spreadsheet_to_import",
                        classmethod(lambda cls, parent, folder: (book, True)))
    before = [e.name for e in window.document.kit.experts]
    seen: dict[str, Any] = {}

    def pick_sheet(dialog: CsvMappingDialog) -> None:
        seen["sheets"] = [dialog.sheet_combo.itemText(i)
                          for i in range(dialog.sheet_combo.count())]
        seen["visible"] = dialog.sheet_combo.isVisible()
        dialog.sheet_combo.setFocus()
        qtbot.keyClick(dialog.sheet_combo, Qt.Key.Key_Down)
        seen["info"] = dialog.info.text()
        seen["columns"] = [c.currentText() for c in dialog.combos]
        when_dialog(ImportSummaryDialog, save_and_add)
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)

    def save_and_add(dialog: ImportSummaryDialog) -> None:
        seen["ticked"] = dialog.add_to_kit.isChecked()
        click_box(qtbot, dialog.add_to_kit)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    when_dialog(CsvMappingDialog, pick_sheet)
    window.library.import_csv.trigger()

    assert seen["sheets"] == ["Board (1 row)", "Experts (2 rows)"] and seen["visible"]
    assert "staff.xlsx" in seen["info"] and "sheet “Experts”" in seen["info"]
    assert seen["columns"] == ["Name", "Title", "Email", "Phone"]
    assert seen["ticked"] is False
    roster = load_roster(roster_file).roster
    amara = roster.find(email="amara@example.org")
    assert amara is not None and amara.phone == "4722000000"
    assert roster.find(name="Cy Moss") is None  # the other sheet
    names = [e.name for e in window.document.kit.experts]
    assert names == before + ["Amara Okafor", "Léa Fontaine"]
    assert "in the kit: Added 2 experts" in window.statusBar().currentMessage()
    window.document.undo_stack.undo()
    assert [e.name for e in window.document.kit.experts] == before  # one step, both out

    def untick(dialog: ImportSummaryDialog) -> None:
        seen["remembered"] = dialog.add_to_kit.isChecked()
        click_box(qtbot, dialog.add_to_kit)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    when_dialog(CsvMappingDialog, lambda dialog: (
        when_dialog(ImportSummaryDialog, untick),
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)))
    window.library.import_csv.trigger()
    assert seen["remembered"] is True
    assert [e.name for e in window.document.kit.experts] == before  # the roster only


def test_export_writes_a_spreadsheet_that_imports_back_to_the_same_experts(
    window: MainWindow, roster_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out" / "everyone"
    target.parent.mkdir()
    monkeypatch.setattr(LibraryPrompts, "spreadsheet_to_export",
                        classmethod(lambda cls, parent, suggested: (target, True)))
    window.library.export_csv.trigger()
    assert target.read_bytes().startswith(b"\xef\xbb\xbfName,")
    assert "Exported 12 experts to everyone" in window.statusBar().currentMessage()


def test_exporting_the_roster_over_the_roster_file_itself_is_refused_and_the_roster_kept(
    window: MainWindow, roster_file: Path, dialogs: Dialogs, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = roster_file.read_bytes()
    monkeypatch.setattr(LibraryPrompts, "spreadsheet_to_export",
                        classmethod(lambda cls, parent, suggested: (roster_file, True)))
    window.library.export_csv.trigger()
    assert roster_file.read_bytes() == before
    [(_title, detail)] = dialogs.asked["error"]
    assert f"{roster_file} is the roster" in detail


def import_refused(window: MainWindow, dialogs: Dialogs, sheet: Path,
                   monkeypatch: pytest.MonkeyPatch) -> tuple[str, str]:
    """Import ``sheet`` from the Roster menu, expecting one error and no mapping dialog;
    the error's text and detail."""
    monkeypatch.setattr(LibraryPrompts, "spreadsheet_to_import",
                        classmethod(lambda cls, parent, folder: (sheet, True)))
    shown: list[object] = []
    monkeypatch.setattr(CsvMappingDialog, "choose",
                        classmethod(lambda cls, *a: shown.append(a) or (None, False)))
    dialogs.answer("error", (None, True))
    window.library.import_csv.trigger()
    [(text, detail)] = dialogs.asked["error"]
    assert shown == []
    return text, detail


def test_a_spreadsheet_of_8000_columns_is_refused_naming_the_file_and_the_count(
    window: MainWindow, dialogs: Dialogs, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A combo box per column: 8,000 columns kept the window frozen for a minute (issue 15).
    sheet = tmp_path / "stranger.csv"
    sheet.write_text(",".join(f"c{i}" for i in range(8000)) + "\n"
                     + ",".join("x" for _ in range(8000)) + "\n", encoding="utf-8")
    text, detail = import_refused(window, dialogs, sheet, monkeypatch)
    assert "stranger.csv" in text
    assert "stranger.csv has 8,000 columns in its first row, more than the 200" in detail


def test_a_hostile_workbook_is_one_error_naming_it_and_no_dialog_of_columns(
    window: MainWindow, dialogs: Dialogs, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    book = xlsx(tmp_path / "far.xlsx", {"Experts": [["Name"], ["Ann"]]})
    rewrite_entry(book, "xl/worksheets/sheet1.xml", {
        b"</sheetData>": b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>'})
    text, detail = import_refused(window, dialogs, book, monkeypatch)
    assert "“far.xlsx” could not be imported." in text
    assert "far.xlsx has sheets of 17,179,869,184 cells" in detail and "\n" not in detail


def test_a_spreadsheet_is_read_off_the_gui_thread(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A 45 MB spreadsheet took its reader 21 s, with the window frozen throughout.
    from presskit.library import csv_import

    sheet = tmp_path / "staff.csv"
    sheet.write_bytes(STAFF_CSV.encode("utf-8"))
    monkeypatch.setattr(LibraryPrompts, "spreadsheet_to_import",
                        classmethod(lambda cls, parent, folder: (sheet, True)))
    threads: list[bool] = []
    real = csv_import.sniff_sheets
    monkeypatch.setattr(csv_import, "sniff_sheets", lambda path: threads.append(
        threading.current_thread() is threading.main_thread()) or real(path))
    monkeypatch.setattr(CsvMappingDialog, "choose",
                        classmethod(lambda cls, *a: (None, False)))
    window.library.import_csv.trigger()
    assert threads == [False]


# Pasted advisories.

def paste(qtbot: Any, dialog: PasteDialog, text: str) -> None:
    QApplication.clipboard().setText(text)
    dialog.text.setFocus()
    qtbot.keyClick(dialog.text, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)


def test_the_pasted_seed_opens_as_a_new_unsaved_kit_with_five_quotes(
    qtbot: Any, cnas_window: MainWindow, dialogs: Dialogs
) -> None:
    window = cnas_window
    window.document.push(SetValue(window.document, ("title",), "Edited"))
    dialogs.answer("unsaved_changes", UnsavedChoice.DISCARD)
    seen: dict[str, Any] = {}

    def fill_in(dialog: PasteDialog) -> None:
        assert not dialog.create_button.isEnabled()
        paste(qtbot, dialog, SEED.read_text(encoding="utf-8"))
        qtbot.waitUntil(lambda: dialog.problems.count() == 1)
        seen["found"] = dialog.found.text()
        item = dialog.problems.item(0)
        seen["problem"] = item.text()
        seen["marked"] = dialog.text.marked_lines()
        rect = dialog.problems.visualItemRect(item)
        qtbot.mouseClick(dialog.problems.viewport(), Qt.MouseButton.LeftButton,
                         pos=rect.center())
        cursor: QTextCursor = dialog.text.textCursor()
        seen["cursor_line"] = cursor.blockNumber() + 1
        seen["brand"] = dialog.brand.currentText()
        qtbot.keyClicks(dialog.email, "cole.stevens@example.org")
        qtbot.mouseClick(dialog.approved, Qt.MouseButton.LeftButton,
                         pos=QPoint(8, dialog.approved.height() // 2))
        qtbot.waitUntil(lambda: dialog.problems.count() == 0)
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)

    when_dialog(PasteDialog, fill_in)
    window.library.new_from_text.trigger()

    assert seen["found"].startswith(
        "Found CNAS Responds: “U.S., North Korea Consider Renewed Talks”, 5 experts "
        "(1 from the roster), 5 quotes, 6 sections.")
    assert seen["problem"].startswith("Line 4: the e-mail address of Cole Stevens was hidden")
    assert seen["marked"] == [4] and seen["cursor_line"] == 4
    assert seen["brand"] == "CNAS (roster preset)"
    assert dialogs.count("unsaved_changes") == 1
    kit = window.document.kit
    assert window.document.path is None and window.isWindowModified()
    assert window.windowTitle().startswith("Untitled")
    assert (kit.series, kit.title) == ("CNAS Responds", "U.S., North Korea Consider Renewed Talks")
    assert len(kit.quotes) == 5
    assert {q.approval.state for q in kit.quotes} == {ApprovalState.APPROVED}
    assert [c.email for c in kit.contacts] == ["cole.stevens@example.org"]
    assert kit.brand.organisation == "Center for a New American Security"
    kim = kit.experts[0]
    assert kim.name == "Duyeon Kim" and "South Korea" in kim.topics  # linked from the roster
    assert "New kit from text" in window.statusBar().currentMessage()
    assert window.library.draft == ""


def test_keeping_the_open_kit_keeps_it_and_offers_the_pasted_text_again(
    qtbot: Any, cnas_window: MainWindow, cnas_copy: Path, dialogs: Dialogs
) -> None:
    window = cnas_window
    window.document.push(SetValue(window.document, ("title",), "Edited"))
    dialogs.answer("unsaved_changes", UnsavedChoice.CANCEL)
    text = ("March 3, 2024\nExperts React: A Headline\n\nSomething happened.\n\n"
            "- Ana Li, Fellow: \"It matters.\"\n")
    seen: dict[str, str] = {}

    def create(dialog: PasteDialog) -> None:
        paste(qtbot, dialog, text)
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)

    def look(dialog: PasteDialog) -> None:
        seen["text"] = dialog.text.toPlainText()
        dialog.reject()

    when_dialog(PasteDialog, create)
    assert not window.library.new_kit_from_text()
    assert window.document.path == cnas_copy and window.document.kit.title == "Edited"
    when_dialog(PasteDialog, look)
    window.library.new_from_text.trigger()
    assert seen["text"] == text
