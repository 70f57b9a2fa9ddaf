"""The main window as its menus and action groups see it: what they may use, and no more.

``MainWindow`` builds the menus (``menus.build_menus``) and the action groups
(``ShareActions``, ``LibraryActions``, ``BrandActions``) and hands itself to them. They hold
it as a ``WindowHost`` (or, for the menus, a ``MenuHost``), declared here, so none of them
imports ``main_window``, which imports all of them: the dependency points one way, as in Mu,
whose logic talks to its window through a narrow "view".

Both classes only declare: ``MainWindow`` is the one subclass and sets every attribute in its
``__init__``; a method left undefined there raises ``NotImplementedError``. They are classes
rather than ``typing.Protocol``s because their users also need the window as a ``QMainWindow``
(the parent of their actions and dialogs, its menu bar and docks).
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtGui import QAction, QUndoGroup
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QToolBar

from presskit.gui.dialogs.preflight import PreflightDialog
from presskit.gui.document.kit_document import KitDocument
from presskit.gui.editors.experts import ExpertsPanel
from presskit.gui.preview.pane import PreviewPane
from presskit.gui.sections.outline import OutlinePanel
from presskit.gui.settings import Settings
from presskit.gui.widgets.prompts import Prompts
from presskit.gui.widgets.spelling import Speller
from presskit.gui.window.edit_actions import EditActions
from presskit.model import Kit, Problem, Where


@dataclass
class WindowActions:
    """The window's own actions, made by ``menus.build_menus``."""

    new: QAction
    open: QAction
    recent_menu: QMenu
    save: QAction
    save_as: QAction
    check: QAction
    export: QAction
    open_after_export: QAction
    close: QAction
    quit: QAction
    undo: QAction
    redo: QAction
    toolbar: QToolBar
    edit: EditActions


def _missing(name: str) -> NotImplementedError:
    return NotImplementedError(f"the main window defines {name}()")


class WindowHost(QMainWindow):
    """What the action groups use: the open kit, the settings, the dialogs, the status bar,
    and the file commands they end in (open a kit, start a new one, save)."""

    #: The open kit, its undo stack and its file.
    document: KitDocument
    settings: Settings
    #: Spell-checking as you type: on or off, the user's dictionary.
    speller: Speller
    #: The window's dialogs, replaceable by tests.
    prompts: type[Prompts]
    preflight_dialog: type[PreflightDialog]
    actions_: WindowActions
    outline: OutlinePanel
    experts: ExpertsPanel
    experts_dock: QDockWidget

    def show_status(self, message: str) -> None:
        raise _missing("show_status")

    @property
    def is_busy(self) -> bool:
        """An export or a share command is waiting for its background work."""
        raise _missing("is_busy")

    def working(self, *actions: QAction) -> AbstractContextManager[None]:
        """While background work runs: ``actions`` disabled, the cursor waits, no closing."""
        raise _missing("working")

    def confirm_discard(self) -> bool:
        """Ask about unsaved changes; ``True`` if the open kit may be replaced."""
        raise _missing("confirm_discard")

    def review_before(self, action: str, refused: str) -> list[Problem] | None:
        """The pre-flight check an export starts with, before its file dialog; ``None``
        if the user does not go on (``refused`` is then in the status bar)."""
        raise _missing("review_before")

    def select_problem(self, where: Where) -> None:
        """Show the item a problem points to in its pane."""
        raise _missing("select_problem")

    def output_clash(self, path: Path, *, kit_itself: bool = True) -> str | None:
        """Why a command must not write ``path`` (``P is the kit's logo``, ``P is the
        roster``), or ``None``; ``kit_itself=False`` for Save As, where the kit's own file
        is a save. Every command of the app that writes a file the user chose asks this
        first."""
        raise _missing("output_clash")

    def start_folder(self, kind: str) -> Path:
        """Where a file dialog for ``kind`` of file (``"kit"``, ``"export"``, ``"draft"``,
        ``"bundle"``, ``"csv"``, ``"brand"``) opens: the last folder the user chose for that
        kind, else the open kit's folder, else the last kit's folder or Documents."""
        raise _missing("start_folder")

    def remember_folder(self, kind: str, folder: Path) -> None:
        """Note ``folder`` as the last one chosen for ``kind`` (see ``start_folder``)."""
        raise _missing("remember_folder")

    def new_project(self, kit: Kit | None = None) -> bool:
        raise _missing("new_project")

    def open_project(self, path: Path | str, *, ask: bool = True) -> bool:
        raise _missing("open_project")

    def save_project(self, path: Path | str | None = None) -> bool:
        raise _missing("save_project")


class MenuHost(WindowHost):
    """What the menus and toolbar add: every command they trigger and the panes they show."""

    undo_group: QUndoGroup
    preview: PreviewPane
    outline_dock: QDockWidget
    preview_dock: QDockWidget
    kit_brand_dock: QDockWidget

    def open_dialog(self) -> bool:
        raise _missing("open_dialog")

    def save_project_as(self) -> bool:
        raise _missing("save_project_as")

    def close_project(self) -> bool:
        raise _missing("close_project")

    def check_kit(self) -> None:
        raise _missing("check_kit")

    def export_dialog(self) -> bool:
        raise _missing("export_dialog")

    def reset_layout(self) -> None:
        raise _missing("reset_layout")


