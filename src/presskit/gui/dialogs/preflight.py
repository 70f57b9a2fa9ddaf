"""The pre-flight check before export: every problem and warning, each a link to its item.

The list merges ``model.validate(kit, exists=Path.is_file)`` (unapproved quotes, missing photos
or titles, empty sections, no media contact, dangling references) with the renderer's own
warnings (an image it could not use); before an export, ``export_notes`` adds that the kit is
still a draft. Each entry is a plain sentence (``Problem.plain``), without ids. Activating an
entry (double-click or Enter) closes the dialog and asks the main window to select the field
it is about. An entry with a fix (``fixes`` says which: *Approve* a pending quote, *Mark as
Final*, *Add a Media Contact Section*) offers it on a button under the list and in the
entry's context menu; a fix is an ordinary undoable edit, and its entry leaves the list.
Errors block the export; warnings only need the user's confirmation.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from presskit.gui.widgets.icons import themed_icon
from presskit.model import Kit, Problem, Where, validate
from presskit.model.printable import one_line, tip
from presskit.model.problems import in_words

WHERE_ROLE = Qt.ItemDataRole.UserRole + 1
PROBLEM_ROLE = Qt.ItemDataRole.UserRole + 2

#: A fix offered for an entry: the button's text and what it does (``True``: done).
Fix = tuple[str, Callable[[], bool]]
Fixes = Callable[[Problem], Fix | None]

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
        return "Quote" + (f" by {one_line(expert.name, 80)}" if expert else "")
    name = getattr(item, "name", "") or getattr(item, "title", "") or f"{index + 1}"
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
        fixes: Fixes | None = None,
        action: str = "Export",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("preflight")
        self.setWindowTitle("Check before export" if exporting else "Problems in this kit")
        self.setMinimumSize(600, 340)
        self._on_select = on_select
        self._fixes = fixes
        self._exporting = exporting
        self._action = action
        self.problems = list(problems)

        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.heading.setAccessibleName("Summary")
        hint = QLabel("Double-click an entry (or press Enter) to go to it.", self)
        hint.setAccessibleName("Hint")
        hint.setEnabled(False)  # the quieter text colour: a hint, not news

        self.list = QListWidget(self)
        self.list.setObjectName("preflightList")
        self.list.setAccessibleName("Problems and warnings")
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setSpacing(1)
        for problem in self.problems:
            place = describe_where(kit, problem.where)
            item = QListWidgetItem(
                themed_icon("dialog-error" if problem.is_error else "dialog-warning"),
                one_line(in_words(problem), 500),  # bounded: stranger's text
            )
            item.setData(WHERE_ROLE, problem.where)
            item.setData(PROBLEM_ROLE, problem)
            kind = "Error" if problem.is_error else "Warning"
            item.setToolTip(tip(f"{kind} · {place}\nDouble-click to go there"))
            self.list.addItem(item)
        self.list.itemActivated.connect(self._activated)
        self.list.currentItemChanged.connect(lambda *_: self._update_fix())
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._menu)

        self.fix_button = QPushButton(self)
        self.fix_button.setObjectName("fixButton")
        # Enter in the list goes to the entry; it must never also press the fix.
        self.fix_button.setAutoDefault(False)
        self.fix_button.clicked.connect(self.fix_current)
        under = QHBoxLayout()
        under.addWidget(hint, 1)
        under.addWidget(self.fix_button)

        self.buttons = QDialogButtonBox(self)
        self.export_button: QPushButton | None = None
        if exporting:
            self.export_button = self.buttons.addButton(
                action, QDialogButtonBox.ButtonRole.AcceptRole)
            self.export_button.setObjectName("exportButton")
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
        layout.addWidget(self.heading)
        layout.addWidget(self.list, 1)
        layout.addLayout(under)
        layout.addWidget(self.buttons)
        if self.list.count():
            self.list.setCurrentRow(0)
        self._update_state()

    # -- what the dialog says -------------------------------------------------------------

    def _update_state(self) -> None:
        has_errors = any(p.is_error for p in self.problems)
        verb = self._action.lower()
        if has_errors and self._exporting:
            text = f"<b>{summary(self.problems)}.</b> Fix the errors first."
        elif self.problems and self._exporting:
            text = f"<b>{summary(self.problems)}.</b> Check them, or {verb} anyway."
        elif self.problems:
            text = f"<b>{summary(self.problems)}.</b>"
        else:
            text = "<b>No problems left.</b>" + (f" Ready to {verb}." if self._exporting else "")
        self.heading.setText(text)
        if self.export_button is not None:
            self.export_button.setText(
                f"{self._action} Anyway" if self.problems else self._action)
            self.export_button.setEnabled(not has_errors)
            self.export_button.setToolTip("Errors must be fixed first" if has_errors else "")
        self._update_fix()

    def fix_for(self, item: QListWidgetItem | None) -> Fix | None:
        if item is None or self._fixes is None:
            return None
        problem = item.data(PROBLEM_ROLE)
        return self._fixes(problem) if isinstance(problem, Problem) else None

    def _update_fix(self) -> None:
        fix = self.fix_for(self.list.currentItem())
        self.fix_button.setVisible(fix is not None)
        if fix is not None:
            self.fix_button.setText(fix[0])
            self.fix_button.setToolTip(f"{fix[0]} (Edit ▸ Undo takes it back)")

    def fix_current(self) -> bool:
        """Apply the fix of the selected entry; the entry leaves the list once done."""
        item = self.list.currentItem()
        fix = self.fix_for(item)
        if item is None or fix is None or not fix[1]():
            return False
        problem = item.data(PROBLEM_ROLE)
        self.problems = [p for p in self.problems if p is not problem]
        self.list.takeItem(self.list.row(item))
        self._update_state()
        self.list.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def _menu(self, point: QPoint) -> None:
        item = self.list.itemAt(point)
        if item is None:
            return
        self.list.setCurrentItem(item)
        menu = QMenu(self)
        menu.setObjectName("preflightMenu")
        go = menu.addAction("&Go to It")
        go.triggered.connect(lambda: self._activated(item))
        fix = self.fix_for(item)
        if fix is not None:
            menu.addAction(fix[0]).triggered.connect(lambda: self.fix_current())
        menu.exec(self.list.viewport().mapToGlobal(point))
        menu.deleteLater()

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
        fixes: Fixes | None = None,
        action: str = "Export",
    ) -> tuple[bool, bool]:
        """Show the list; ``(True, True)`` means export, anything else means don't."""
        dialog = cls(kit, problems, parent, on_select=on_select, exporting=exporting,
                     fixes=fixes, action=action)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        return accepted, accepted
