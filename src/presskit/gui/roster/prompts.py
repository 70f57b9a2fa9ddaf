"""The questions the roster, import and preferences features put to the user.

As in ``gui.widgets.prompts``: one classmethod each, returning ``(value, accepted)``, so a test
replaces a method instead of driving a native file dialog or a modal message box.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from presskit.gui.roster.updates import FIELD_NAMES, shown
from presskit.gui.widgets.prompts import MessageBox
from presskit.gui.widgets.shown import shown as escaped
from presskit.library import FieldChange

CSV_FILTER = ("Spreadsheets (*.xlsx *.ods *.csv *.tsv *.txt);;Excel workbooks (*.xlsx);;"
              "OpenDocument spreadsheets (*.ods);;CSV files (*.csv *.tsv *.txt);;All files (*)")
CSV_SAVE_FILTER = "CSV spreadsheets (*.csv)"
ROSTER_FILTER = "Roster files (*.yaml *.yml);;All files (*)"


class LibraryPrompts:
    """The dialogs, as replaceable classmethods."""

    @classmethod
    def spreadsheet_to_import(cls, parent: QWidget | None, folder: Path
                              ) -> tuple[Path | None, bool]:
        name, _ = QFileDialog.getOpenFileName(
            parent, "Import Experts from Spreadsheet", str(folder), CSV_FILTER)
        return (Path(name), True) if name else (None, False)

    @classmethod
    def spreadsheet_to_export(cls, parent: QWidget | None, suggested: Path
                              ) -> tuple[Path | None, bool]:
        name, _ = QFileDialog.getSaveFileName(
            parent, "Export Roster to Spreadsheet", str(suggested), CSV_SAVE_FILTER)
        if not name:
            return None, False
        path = Path(name)
        return (path if path.suffix else path.with_suffix(".csv")), True

    @classmethod
    def roster_file(cls, parent: QWidget | None, current: Path) -> tuple[Path | None, bool]:
        """A roster file to use; it may not exist yet (a new shared roster)."""
        name, _ = QFileDialog.getSaveFileName(
            parent, "Roster File", str(current), ROSTER_FILTER,
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if not name:
            return None, False
        path = Path(name)
        return (path if path.suffix else path.with_suffix(".yaml")), True

    @classmethod
    def confirm_roster_changes(
        cls, parent: QWidget | None, name: str, changes: Sequence[FieldChange]
    ) -> tuple[bool, bool]:
        """Ask before "Save to roster" changes an expert the roster already has."""
        box = MessageBox(parent)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle("Save to Roster")
        box.setText(f"{escaped(name)} is already in the roster. Change the roster's entry?")
        lines = [f"{FIELD_NAMES.get(c.field, c.field)}: {shown(c.old)} → {shown(c.new)}"
                 for c in changes]
        box.setInformativeText(
            "\n".join(lines) + "\n\nEvery kit made from the roster from now on gets these "
            "details. Empty fields in the kit never erase the roster's.")
        save = box.addButton("Save to Roster", QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(save)
        box.exec()
        go = box.clickedButton() is save
        return go, go
