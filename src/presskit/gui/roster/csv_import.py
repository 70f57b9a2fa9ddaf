"""Importing experts from a spreadsheet: the mapping step, then what will happen to each row.

``CsvMappingDialog`` shows what ``library.sniff`` found (delimiter, encoding, how many rows)
and the first rows under the file's own headings, with a combo box above each column saying
which field it fills (``FIELD_LABELS``, or "— ignore —"), pre-set from the headings. The
problems ``mapping_problems`` finds are listed as the user changes the combos, and Import
stays disabled while there are any. ``ImportSummaryDialog`` then lists the rows added,
updated, unchanged and skipped — each skipped row with its number and why — and the columns
that are not imported, before anything is written: Save to Roster, or Back to the mapping.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import Enum

from PySide6.QtGui import QBrush, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from presskit.gui.document.kit_models import first_words
from presskit.gui.editors.binding import describe
from presskit.library import CsvPreview, ImportResult, Roster
from presskit.library.csv_columns import FIELD_LABELS, FIELDS
from presskit.library.csv_import import RowNote, mapping_problems
from presskit.model.printable import one_line

IGNORE = "— ignore —"
ENCODING_NAMES = {
    "utf-8": "UTF-8", "utf-8-sig": "UTF-8 with byte-order mark", "utf-16": "UTF-16",
    "cp1252": "Windows-1252", "windows-1252": "Windows-1252", "text": "text",
}


def encoding_name(encoding: str) -> str:
    return ENCODING_NAMES.get(encoding.lower(), encoding)


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}{'s' if n != 1 else ''}"


class CsvMappingDialog(QDialog):
    """See the module docstring; ``choose`` returns the sheet and mapping the user settled
    on. A workbook of several sheets gets a Sheet combo box above the columns."""

    def __init__(
        self,
        previews: CsvPreview | Sequence[CsvPreview],
        mapping: Sequence[str | None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("csvMapping")
        self.previews = [previews] if isinstance(previews, CsvPreview) else list(previews)
        self.preview = self.previews[0]
        self.setWindowTitle("Import Experts from Spreadsheet")
        self.info = QLabel()
        self.info.setObjectName("csvInfo")
        self.info.setWordWrap(True)
        self.sheet_combo = QComboBox()
        self.sheet_combo.setObjectName("csvSheet")
        for preview in self.previews:
            self.sheet_combo.addItem(f"{preview.sheet} ({_plural(len(preview.rows), 'row')})")
        describe(self.sheet_combo, "Sheet", "The sheet of the workbook to import")
        sheet_row = QHBoxLayout()
        sheet_label = QLabel("&Sheet:")
        sheet_label.setBuddy(self.sheet_combo)
        sheet_row.addWidget(sheet_label)
        sheet_row.addWidget(self.sheet_combo, 1)
        self.sheet_box = QWidget()
        self.sheet_box.setLayout(sheet_row)
        sheet_row.setContentsMargins(0, 0, 0, 0)
        self.sheet_box.setVisible(len(self.previews) > 1)
        hint = QLabel(
            "Choose what each column holds; columns set to “" + IGNORE + "” are not imported. "
            "Each row is merged with the roster's expert of the same e-mail address, else the "
            "same name; empty cells never erase anything.")
        hint.setWordWrap(True)

        self.table = QTableWidget()
        self.table.setObjectName("csvPreview")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setWordWrap(False)
        describe(self.table, "Columns of the spreadsheet",
                 "The combo box above each column says which field it fills")
        self.combos: list[QComboBox] = []

        self.problems_label = QLabel()
        self.problems_label.setObjectName("csvProblems")
        self.problems_label.setWordWrap(True)
        self.problems_label.setAccessibleName("Problems with the mapping")

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(
            "&Import", QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setObjectName("csvImport")
        describe(self.import_button, "Import", "Merge the rows into the roster")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.info)
        layout.addWidget(self.sheet_box)
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.problems_label)
        layout.addWidget(self.buttons)
        self._show(self.preview, mapping)
        header = self.table.horizontalHeader()
        table_width = sum(header.sectionSize(c) for c in range(len(self.combos)))
        self.resize(min(max(table_width + 120, 640), 1100), 440)
        self.sheet_combo.currentIndexChanged.connect(
            lambda index: self._show(self.previews[index], None))

    def _show(self, preview: CsvPreview, mapping: Sequence[str | None] | None) -> None:
        """Fill the info line and the table with ``preview``'s columns and first rows."""
        self.preview = preview
        name = preview.source.replace("\\", "/").rsplit("/", 1)[-1]
        rows = len(preview.rows)
        shown = len(preview.first_rows)
        what = (f"sheet “{_escape(preview.sheet)}”" if preview.is_workbook else
                f"{preview.delimiter_name}-separated, {encoding_name(preview.encoding)}")
        self.info.setText(
            f"<b>{_escape(name)}</b>: {_plural(rows, 'row')} of experts, {what}."
            + (f" The first {shown} are shown." if rows > shown else ""))
        self.table.clear()
        self.table.setRowCount(0)
        self.table.setRowCount(1 + shown)
        self.table.setColumnCount(len(preview.headers))
        self.table.setHorizontalHeaderLabels([
            (h or f"Column {preview.column_name(i) if preview.is_workbook else i + 1}")
            for i, h in enumerate(preview.headers)])
        self.table.setVerticalHeaderLabels(
            ["Import as"] + [f"Row {row.number}" for row in preview.first_rows])
        self.combos = []
        for column, heading in enumerate(preview.headers):
            combo = QComboBox()
            combo.addItem(IGNORE, None)
            for field in FIELDS:
                combo.addItem(FIELD_LABELS[field], field)
            detected = (mapping or preview.detected_mapping)[column]
            combo.setCurrentIndex(max(combo.findData(detected), 0) if detected else 0)
            describe(combo, f"Column “{heading}” holds",
                     f"Which field the column “{heading}” fills")
            combo.currentIndexChanged.connect(lambda _i: self._update())
            self.table.setCellWidget(0, column, combo)
            self.combos.append(combo)
            for row, record in enumerate(preview.first_rows, start=1):
                cell = record.cells[column] if column < len(record.cells) else ""
                item = QTableWidgetItem(first_words(" ".join(cell.split()), 60))
                item.setToolTip(cell)
                self.table.setItem(row, column, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.resizeColumnsToContents()
        for column, combo in enumerate(self.combos):
            width = max(combo.sizeHint().width() + 8, min(header.sectionSize(column), 220))
            header.resizeSection(column, width)
        self.table.resizeRowToContents(0)
        self._update()

    def mapping(self) -> list[str | None]:
        return [combo.currentData() for combo in self.combos]

    def problems(self) -> list[str]:
        return mapping_problems(self.preview, self.mapping())

    def _update(self) -> None:
        problems = self.problems()
        self.import_button.setEnabled(not problems)
        if problems:
            self.problems_label.setText("<br>".join(f"⚠ {_escape(p[:1].upper() + p[1:])}"
                                                    for p in problems))
            self.problems_label.setStyleSheet("QLabel { color: #b3261e; }")
        else:
            rows = len(self.preview.rows)
            self.problems_label.setText(f"Ready to import {_plural(rows, 'row')}.")
            self.problems_label.setStyleSheet("")
        dim = self.palette().brush(QPalette.ColorRole.PlaceholderText)
        normal = QBrush()
        for column, field in enumerate(self.mapping()):
            for row in range(1, self.table.rowCount()):
                item = self.table.item(row, column)
                if item is not None:
                    item.setForeground(dim if field is None else normal)

    @classmethod
    def choose(
        cls, parent: QWidget | None, previews: CsvPreview | Sequence[CsvPreview],
        mapping: Sequence[str | None] | None = None, sheet: int = 0,
    ) -> tuple[tuple[CsvPreview, list[str | None]], bool]:
        """``((the sheet's preview, its mapping), accepted)``; ``mapping`` and ``sheet`` (an
        index into ``previews``) are where the user was when they came Back."""
        chosen = [previews] if isinstance(previews, CsvPreview) else list(previews)
        sheet = sheet if 0 <= sheet < len(chosen) else 0
        dialog = cls(chosen, None, parent)
        try:
            if sheet:
                dialog.sheet_combo.setCurrentIndex(sheet)
            if mapping is not None and len(mapping) == len(dialog.combos):
                dialog._show(dialog.preview, mapping)
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
            return (dialog.preview, dialog.mapping()), accepted
        finally:
            dialog.deleteLater()


class SummaryChoice(Enum):
    SAVE = "save"
    BACK = "back"
    CANCEL = "cancel"


class ImportSummaryDialog(QDialog):
    """What the import will do, before the roster is written: counts, then each skipped row
    and why, then the rest. Save to Roster writes it; Back returns to the mapping step."""

    def __init__(
        self,
        result: ImportResult,
        preview: CsvPreview,
        mapping: Sequence[str | None],
        parent: QWidget | None = None,
        add_to_kit: bool | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("csvSummary")
        self.setWindowTitle("Import Experts from Spreadsheet")
        name = preview.source.replace("\\", "/").rsplit("/", 1)[-1]
        self.heading = QLabel(f"Importing <b>{_escape(name)}</b> into the roster: "
                              f"{_escape(result.summary())}.")
        self.heading.setObjectName("csvSummaryHeading")
        self.heading.setWordWrap(True)

        self.tree = QTreeWidget()
        self.tree.setObjectName("csvSummaryList")
        self.tree.setHeaderHidden(True)
        self.tree.setAlternatingRowColors(True)
        describe(self.tree, "What happens to each row")
        roster = result.roster
        ignored = [h or f"column {i + 1}" for i, (h, f) in enumerate(zip(preview.headers,
                                                                        mapping, strict=False))
                   if f is None]
        def place(note: RowNote) -> str:
            if preview.is_workbook:
                where = preview.where(note.row, note.line, note.column)
                return where[:1].upper() + where[1:]
            return f"Row {note.row} (line {note.line})"

        self._group(f"Skipped ({len(result.skipped)})",
                    [f"{place(n)}: {n.message}" for n in result.skipped])
        self._group(f"Added ({len(result.added)})", [_who(roster, i) for i in result.added])
        self._group(f"Updated ({len(result.updated)})", [
            _who(roster, i) + " — " + ", ".join(
                FIELD_LABELS.get(c.field, c.field).lower() for c in result.changes.get(i, []))
            for i in result.updated])
        self._group(f"Unchanged ({len(result.unchanged)})",
                    [_who(roster, i) for i in result.unchanged], expand=False)
        self._group(f"Worth a look ({len(result.notes)})",
                    [f"{place(n)}: {n.message}" for n in result.notes])
        self._group(f"Columns not imported ({len(ignored)})", [f"“{h}”" for h in ignored])

        self.choice = SummaryChoice.CANCEL
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(
            "&Save to Roster", QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setObjectName("csvSave")
        self.save_button.setEnabled(bool(result.added or result.updated))
        describe(self.save_button, "Save to roster", "Write the merged roster")
        self.back_button = self.buttons.addButton("&Back", QDialogButtonBox.ButtonRole.ResetRole)
        self.back_button.setObjectName("csvBack")
        describe(self.back_button, "Back", "Return to the columns and change the mapping")
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        #: Shown when a kit is open (``add_to_kit`` not ``None``): put the sheet's experts
        #: into the kit too, in the same step.
        self.add_to_kit = QCheckBox("Also &add them to the open kit")
        self.add_to_kit.setObjectName("csvAddToKit")
        self.add_to_kit.setToolTip("Copy every expert of the sheet (added, updated or already "
                                   "in the roster) into the open kit, as one step Undo takes "
                                   "back; experts the kit has already are not copied twice")
        self.add_to_kit.setChecked(bool(add_to_kit))
        self.add_to_kit.setVisible(add_to_kit is not None)
        self.add_to_kit.toggled.connect(self._name_save)
        self._name_save(self.add_to_kit.isChecked())
        self.buttons.accepted.connect(lambda: self._finish(SummaryChoice.SAVE))
        self.buttons.rejected.connect(lambda: self._finish(SummaryChoice.CANCEL))
        self.back_button.clicked.connect(lambda: self._finish(SummaryChoice.BACK))
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.add_to_kit)
        layout.addWidget(self.buttons)
        self.resize(680, 440)

    def _name_save(self, also_kit: bool) -> None:
        self.save_button.setText("&Save to Roster and Kit" if also_kit else "&Save to Roster")

    def _finish(self, choice: SummaryChoice) -> None:
        self.choice = choice
        if choice is SummaryChoice.SAVE:
            self.accept()
        else:
            self.reject()

    def _group(self, title: str, lines: list[str], expand: bool = True) -> None:
        if not lines:
            return
        group = QTreeWidgetItem(self.tree, [title])
        font = group.font(0)
        font.setBold(True)
        group.setFont(0, font)
        for line in lines:
            item = QTreeWidgetItem(group, [line])
            item.setToolTip(0, line)
        group.setExpanded(expand)

    def lines(self) -> list[str]:
        """Every line of the list, groups and rows (for tests and screen readers)."""
        found = []
        for top in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(top)
            assert group is not None
            found.append(group.text(0))
            for row in range(group.childCount()):
                child = group.child(row)
                assert child is not None
                found.append(child.text(0))
        return found

    @classmethod
    def confirm(
        cls, parent: QWidget | None, result: ImportResult, preview: CsvPreview,
        mapping: Sequence[str | None], add_to_kit: bool | None = None,
    ) -> tuple[tuple[SummaryChoice, bool], bool]:
        """``((choice, add to the kit too), saved)``; the box is offered when ``add_to_kit``
        is not ``None`` (its initial state)."""
        dialog = cls(result, preview, mapping, parent, add_to_kit)
        try:
            dialog.exec()
            add = add_to_kit is not None and dialog.add_to_kit.isChecked()
            return (dialog.choice, add), dialog.choice is SummaryChoice.SAVE
        finally:
            dialog.deleteLater()


def _who(roster: Roster, expert_id: str) -> str:
    expert = roster.expert(expert_id)
    if expert is None:
        return expert_id
    return one_line(f"{expert.name}, {expert.title}" if expert.title else expert.name)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
