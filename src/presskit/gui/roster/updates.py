"""The "Update from roster" dialog: what would change in the kit's experts, before it does.

One branch per kit expert whose roster entry differs, one row per field with the kit's
value and the roster's; every row has a check box (the expert's box ticks them all), so the
user takes the new title but keeps the kit's shorter bio. ``choose`` returns the ticked
``(kit_index, FieldChange)`` pairs, which ``edits.apply_updates`` makes one undo step.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from presskit.gui.document.kit_models import first_words
from presskit.gui.editors.binding import describe
from presskit.library import FieldChange, RosterUpdate
from presskit.model import Kit

FIELD_NAMES = {
    "name": "Name", "honorific": "Honorific", "pronouns": "Pronouns", "title": "Title",
    "program": "Program", "bio": "Bio", "photo": "Headshot", "email": "E-mail",
    "phone": "Phone", "topics": "Topics",
}
CHANGE_ROLE = Qt.ItemDataRole.UserRole + 1


def shown(value: Any) -> str:
    """A field value as one line of text; empty values show as a dash."""
    if isinstance(value, list):
        value = ", ".join(str(v) for v in value)
    elif isinstance(value, Path):
        value = value.name
    text = "" if value is None else str(value)
    return first_words(" ".join(text.split()), 70) if text else "—"


class UpdateFromRosterDialog(QDialog):
    """See the module docstring."""

    def __init__(
        self, kit: Kit, updates: Sequence[RosterUpdate], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("updateFromRoster")
        self.setWindowTitle("Update from Roster")
        people = len(updates)
        intro = QLabel(
            f"The roster has newer details for {people} of the kit's experts. Tick what to "
            "copy into this kit; what you untick stays as it is in the kit. "
            "Edit ▸ Undo takes the whole update back."
        )
        intro.setWordWrap(True)

        self.tree = QTreeWidget()
        self.tree.setObjectName("rosterChanges")
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels(["Field", "In this kit", "In the roster"])
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.tree.setUniformRowHeights(True)
        describe(self.tree, "Changes from the roster",
                 "Untick a field to keep the kit's value")
        for update in updates:
            expert = kit.experts[update.kit_index]
            parent_item = QTreeWidgetItem(self.tree, [expert.name or expert.id, "", ""])
            parent_item.setFlags(parent_item.flags() | Qt.ItemFlag.ItemIsUserCheckable
                                 | Qt.ItemFlag.ItemIsAutoTristate)
            font = parent_item.font(0)
            font.setBold(True)
            parent_item.setFont(0, font)
            parent_item.setFirstColumnSpanned(True)
            for change in update.changes:
                item = QTreeWidgetItem(parent_item, [
                    FIELD_NAMES.get(change.field, change.field), shown(change.old),
                    shown(change.new),
                ])
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(0, Qt.CheckState.Checked)
                item.setData(0, CHANGE_ROLE, (update.kit_index, change))
                for column, value in ((1, change.old), (2, change.new)):
                    item.setToolTip(column, shown(value) if not isinstance(value, str)
                                    else value or "(empty)")
            parent_item.setExpanded(True)
        header = self.tree.header()
        header.setStretchLastSection(True)
        self.tree.resizeColumnToContents(0)
        header.resizeSection(0, max(header.sectionSize(0) + 24, 170))
        header.resizeSection(1, 300)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.apply_button = self.buttons.addButton(
            "&Update Kit", QDialogButtonBox.ButtonRole.AcceptRole)
        describe(self.apply_button, "Update kit", "Copy the ticked fields into the kit")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.tree.itemChanged.connect(lambda *_: self._update_button())

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.buttons)
        self.resize(820, 420)
        self._update_button()

    def chosen(self) -> list[tuple[int, FieldChange]]:
        """The ticked changes, in the order shown."""
        picked = []
        for top in range(self.tree.topLevelItemCount()):
            parent_item = self.tree.topLevelItem(top)
            assert parent_item is not None
            for row in range(parent_item.childCount()):
                item = parent_item.child(row)
                assert item is not None
                if item.checkState(0) == Qt.CheckState.Checked:
                    picked.append(item.data(0, CHANGE_ROLE))
        return picked

    def _update_button(self) -> None:
        count = len(self.chosen())
        self.apply_button.setEnabled(count > 0)
        self.apply_button.setText(
            f"&Update {count} Field{'s' if count != 1 else ''}" if count else "&Update Kit")

    @classmethod
    def choose(
        cls, parent: QWidget | None, kit: Kit, updates: Sequence[RosterUpdate]
    ) -> tuple[list[tuple[int, FieldChange]], bool]:
        dialog = cls(kit, updates, parent)
        try:
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
            return (dialog.chosen() if accepted else []), accepted
        finally:
            dialog.deleteLater()
