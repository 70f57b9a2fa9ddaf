"""The pre-flight check before export: every problem and warning, each a link to its item.

The list merges ``model.validate(kit, exists=Path.is_file)`` (unapproved quotes, missing photos
or titles, empty sections, no media contact, dangling references) with the renderer's own
warnings (an image it could not use). Activating an entry (double-click or Enter) closes the
dialog and asks the main window to select the item it is about. Errors block the export;
warnings only need the user's confirmation.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from presskit.gui.widgets.icons import themed_icon
from presskit.model import Kit, Problem, Where, validate
from presskit.model.printable import one_line, tip

WHERE_ROLE = Qt.ItemDataRole.UserRole + 1

#: Which pane shows the item a problem is about, by the first step of its path.
PANE_FOR = {
    "sections": "outline",
    "experts": "experts",
    "quotes": "experts",
    "kit": "kitBrand",
    "brand": "kitBrand",
    "contacts": "kitBrand",
    "resources": "kitBrand",
}


def pane_for(where: Where) -> str:
    """``outline``, ``experts`` or ``kitBrand``: the pane that can select ``where``."""
    return PANE_FOR.get(str(where[0]), "kitBrand") if where else "kitBrand"


def collect_problems(kit: Kit, render_warnings: Sequence[Problem] = ()) -> list[Problem]:
    """Errors first, then warnings; the renderer's after the model's, without repeats."""
    problems = validate(kit, exists=Path.is_file)
    seen = {(p.severity, p.message, p.where) for p in problems}
    for problem in render_warnings:
        if (problem.severity, problem.message, problem.where) not in seen:
            problems.append(problem)
    return sorted(problems, key=lambda p: not p.is_error)


def describe_where(kit: Kit, where: Where) -> str:
    """Where a problem is, in the words of the window: "Section “Sharper”", "Expert Jane Doe"."""
    if not where:
        return "Kit"
    head = where[0]
    index = where[1] if len(where) > 1 and isinstance(where[1], int) else None
    lists: dict[str, Sequence[Any]] = {
        "sections": kit.sections, "experts": kit.experts, "quotes": kit.quotes,
        "contacts": kit.contacts, "resources": kit.resources,
    }
    items = lists.get(str(head))
    if items is None or index is None or not 0 <= index < len(items):
        return {"kit": "Kit", "brand": "Brand", "sections": "Sections", "contacts": "Contacts",
                "experts": "Experts", "quotes": "Quotes", "resources": "Resources"}.get(
                    str(head), str(head))
    item = items[index]
    if head == "sections":
        return f"Section {index + 1}, “{item.title}”"
    if head == "quotes":
        expert = kit.expert(item.expert)
        return f"Quote {item.id!r}" + (f" by {expert.name}" if expert else "")
    name = getattr(item, "name", "") or getattr(item, "title", "") or item.id
    singular = {"experts": "Expert", "contacts": "Contact", "resources": "Resource"}[str(head)]
    return f"{singular} {name}"


def summary(problems: Sequence[Problem]) -> str:
    errors = sum(p.is_error for p in problems)
    warnings = len(problems) - errors
    parts = []
    if errors:
        parts.append(f"{errors} error{'s' if errors != 1 else ''}")
    if warnings:
        parts.append(f"{warnings} warning{'s' if warnings != 1 else ''}")
    return ", ".join(parts) if parts else "no problems"


class PreflightDialog(QDialog):
    """Lists problems; ``Export`` is offered unless one of them is an error."""

    def __init__(
        self,
        kit: Kit,
        problems: Sequence[Problem],
        parent: QWidget | None = None,
        *,
        on_select: Callable[[Where], None] | None = None,
        exporting: bool = True,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("preflight")
        self.setWindowTitle("Check before export" if exporting else "Problems in this kit")
        self.setMinimumSize(560, 320)
        self._on_select = on_select
        self.problems = list(problems)
        has_errors = any(p.is_error for p in self.problems)

        heading = QLabel(self)
        heading.setWordWrap(True)
        if has_errors and exporting:
            heading.setText(f"<b>{summary(self.problems)}.</b> Fix the errors before exporting.")
        elif self.problems and exporting:
            heading.setText(f"<b>{summary(self.problems)}.</b> Check them, or export anyway.")
        elif self.problems:
            heading.setText(f"<b>{summary(self.problems)}.</b>")
        else:
            heading.setText("<b>No problems found.</b>")
        heading.setAccessibleName("Summary")
        hint = QLabel("Double-click an entry (or press Enter) to go to it.", self)
        hint.setAccessibleName("Hint")

        self.list = QListWidget(self)
        self.list.setObjectName("preflightList")
        self.list.setAccessibleName("Problems and warnings")
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        for problem in self.problems:
            place = describe_where(kit, problem.where)
            item = QListWidgetItem(
                themed_icon("dialog-error" if problem.is_error else "dialog-warning"),
                one_line(f"{place}: {problem.message}", 500),  # bounded: stranger's text
            )
            item.setData(WHERE_ROLE, problem.where)
            item.setToolTip(tip(f"{problem.severity.value}: {problem.message}"))
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        self.list.itemActivated.connect(self._activated)

        self.buttons = QDialogButtonBox(self)
        if exporting:
            self.export_button = self.buttons.addButton(
                "Export Anyway" if self.problems else "Export",
                QDialogButtonBox.ButtonRole.AcceptRole,
            )
            self.export_button.setObjectName("exportButton")
            self.export_button.setEnabled(not has_errors)
            self.export_button.setToolTip(
                "Errors must be fixed first" if has_errors else "Write the PDF"
            )
            self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        else:
            self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        for button in self.buttons.buttons():
            # Enter in the list means "go to this entry", never "export".
            if isinstance(button, QPushButton):
                button.setAutoDefault(False)
                button.setDefault(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._jumped = False

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.list, 1)
        layout.addWidget(hint)
        layout.addWidget(self.buttons)

    def _activated(self, item: QListWidgetItem) -> None:
        where = tuple(item.data(WHERE_ROLE) or ())
        self._jumped = True
        self.reject()
        if self._on_select is not None:
            self._on_select(where)

    def accept(self) -> None:
        # A key press that went to an entry first may reach the buttons too; going to an
        # entry always wins over exporting.
        if not self._jumped:
            super().accept()

    @classmethod
    def review(
        cls,
        parent: QWidget | None,
        kit: Kit,
        problems: Sequence[Problem],
        on_select: Callable[[Where], None] | None = None,
        *,
        exporting: bool = True,
    ) -> tuple[bool, bool]:
        """Show the list; ``(True, True)`` means export, anything else means don't."""
        dialog = cls(kit, problems, parent, on_select=on_select, exporting=exporting)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        return accepted, accepted
