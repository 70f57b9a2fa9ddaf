"""The roster, spreadsheet and pasted-advisory features, wired into the main window.

``LibraryActions`` is built once by the window, right after its menus. It owns the
``RosterStore`` (the roster file named in Preferences), adds the Roster dock beside
"Experts & Quotes", a Roster menu, File ▸ New Kit from Text…, File ▸ Import ▸ Experts from
Spreadsheet…, Edit ▸ Preferences…, and "Save to Roster" on the Experts table's context menu.
Each command is a short flow through the library and the dialogs; the window keeps doing
what only it does (opening a new kit through File ▸ New's path, the status bar, errors).
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMenu

from presskit.gui.document.kit_document import default_brand
from presskit.gui.roster.edits import add_from_roster
from presskit.gui.roster.panel import RosterPanel
from presskit.gui.roster.prompts import LibraryPrompts
from presskit.gui.roster.store import ROSTER_SETTING, RosterStore
from presskit.gui.widgets.icons import themed_icon
from presskit.gui.widgets.prompts import Prompts
from presskit.gui.widgets.shown import shown
from presskit.gui.widgets.spelling import SPELLING_SETTING
from presskit.gui.window.background import run_in_background
from presskit.gui.window.brand_actions import BrandActions
from presskit.gui.window.host import WindowHost
from presskit.model import Brand, PresskitError

if TYPE_CHECKING:
    from presskit.library.csv_import import CsvPreview

# The dialogs and readers of the import and of pasted text are imported when first used, not
# before the window shows (about 50 ms of a start: the advisory parser's patterns, the
# workbook readers).

Key = QKeySequence.StandardKey
#: Whether the import's "Also add them to the open kit" box was last ticked.
ADD_TO_KIT_SETTING = "import_adds_to_kit"


def _menu(window: WindowHost, name: str) -> QMenu | None:
    found = window.menuBar().findChild(QMenu, name)
    return found if isinstance(found, QMenu) else None


class LibraryActions:
    """See the module docstring."""

    def __init__(self, window: WindowHost, *, hold_roster: bool = False) -> None:
        """``hold_roster``: the roster is read after the window is up (``RosterStore``)."""
        self.window = window
        self.store = RosterStore(window)
        self.store.open(window.settings.get(ROSTER_SETTING) or None, hold=hold_roster)
        self.panel = RosterPanel(self.store, window)
        self.panel.status.connect(window.show_status)
        self.panel.selected_section = window.outline.current_row
        self.dock = QDockWidget("&Roster", window)
        self.dock.setObjectName("rosterDock")  # saveState() finds docks by object name
        self.dock.setWidget(self.panel)
        self.dock.setAccessibleName("Roster")
        self.dock.setFeatures(window.experts_dock.features())
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.dock)
        window.tabifyDockWidget(window.experts_dock, self.dock)
        window.experts_dock.raise_()
        #: What was last pasted into New Kit from Text, until a kit is made from it.
        self.draft = ""
        self._build_actions()
        self._add_to_menus()
        #: The Brand menu: presets applied, saved, edited, imported and exported.
        self.brands = BrandActions(window, self.store)
        window.experts.experts.current_changed.connect(lambda _e: self._update_actions())
        self.store.changed.connect(self._update_actions)
        self.panel.buttons_changed.connect(self._update_actions)
        self._update_actions()

    # -- actions and menus ----------------------------------------------------------------

    def _action(self, text: str, tip: str, slot: object, icon: str = "",
                keys: QKeySequence | None = None) -> QAction:
        action = QAction(themed_icon(icon), text, self.window)
        if keys is not None and not keys.isEmpty():
            action.setShortcut(keys)
        action.setStatusTip(tip)
        action.setToolTip(tip)
        action.triggered.connect(lambda _checked=False: slot())  # type: ignore[operator]
        return action

    def _build_actions(self) -> None:
        self.new_from_text = self._action(
            "New Kit from &Text…", "Paste an advisory as text and make a new kit of it",
            self.new_kit_from_text, "document-new", QKeySequence("Ctrl+Shift+N"))
        self.import_csv = self._action(
            "&Experts from Spreadsheet…", "Merge experts from a spreadsheet (.xlsx, .ods, CSV) "
            "into the roster, and the open kit if you like",
            self.import_spreadsheet, "document-open")
        self.export_csv = self._action(
            "&Export to Spreadsheet…", "Write the roster's experts to a CSV file",
            self.export_spreadsheet, "document-export")
        self.add_to_kit = self._action(
            "&Add Selected to Kit", "Copy the experts selected in the roster, and their ticked "
            "quotes, into the kit", self.panel.add_to_kit, "list-add")
        self.save_to_roster = self._action(
            "&Save Expert to Roster", "Put the expert selected in Experts & Quotes, and their "
            "quotes, into the roster", self.save_expert_to_roster, "document-save")
        self.update_from_roster = self._action(
            "&Update Kit from Roster…", "Show where the roster has newer details for the "
            "kit's experts, then copy the ones you choose", self.panel.update_from_roster,
            "view-refresh")
        self.find_in_roster = self._action(
            "&Find in Roster", "Show the roster and search it", self.show_roster, "",
            QKeySequence("Ctrl+Shift+F"))
        self.reload_roster = self._action(
            "&Reload Roster", "Read the roster file again", self.store.reload, "view-refresh")
        preferences_keys = QKeySequence.keyBindings(Key.Preferences)
        self.preferences = self._action(
            "&Preferences…", "Where the roster lives, and other settings", self.edit_preferences,
            "preferences-system",
            preferences_keys[0] if preferences_keys else QKeySequence("Ctrl+,"))
        self.preferences.setMenuRole(QAction.MenuRole.PreferencesRole)
        # The Experts table offers it on right-click too.
        view = self.window.experts.experts.view
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        view.addAction(self.save_to_roster)

    def _add_to_menus(self) -> None:
        window = self.window
        actions = window.actions_
        file_menu = _menu(window, "fileMenu")
        self.import_menu = QMenu("&Import", window)
        self.import_menu.addAction(self.import_csv)
        if file_menu is not None:
            file_menu.insertAction(actions.open, self.new_from_text)
            file_menu.insertMenu(actions.check, self.import_menu)
            file_menu.insertSeparator(actions.check)
        edit_menu = _menu(window, "editMenu")
        if edit_menu is not None:
            edit_menu.addSeparator()
            edit_menu.addAction(self.preferences)

        self.roster_menu = QMenu("&Roster", window)
        self.roster_menu.setObjectName("rosterMenu")
        self.roster_menu.addActions([self.find_in_roster, self.add_to_kit, self.save_to_roster,
                                     self.update_from_roster])
        self.roster_menu.addSeparator()
        self.roster_menu.addActions([self.import_csv, self.export_csv])
        self.roster_menu.addSeparator()
        self.roster_menu.addActions([self.reload_roster, self.preferences])
        view_menu = _menu(window, "viewMenu")
        bar = window.menuBar()
        if view_menu is not None:
            bar.insertMenu(view_menu.menuAction(), self.roster_menu)
            view_menu.insertAction(actions.toolbar.toggleViewAction(),
                                   self.dock.toggleViewAction())
        else:
            bar.addMenu(self.roster_menu)

    def _update_actions(self) -> None:
        expert = self.window.experts.experts.current
        self.save_to_roster.setEnabled(expert is not None and self.store.ok)
        self.save_to_roster.setText(
            f"&Save “{shown(expert.name).replace('&', '&&')}” to Roster"
            if expert is not None and expert.name
            else "&Save Expert to Roster")
        self.add_to_kit.setEnabled(self.panel.add_button.isEnabled())
        self.update_from_roster.setEnabled(self.panel.update_button.isEnabled())
        self.import_csv.setEnabled(self.store.ok)
        self.export_csv.setEnabled(not self.store.loading and bool(self.store.roster.experts))

    # -- the roster ---------------------------------------------------------------------

    def show_roster(self) -> None:
        self.dock.show()
        self.dock.raise_()
        self.panel.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.panel.search.selectAll()

    def save_expert_to_roster(self) -> bool:
        expert = self.window.experts.experts.current
        if expert is None:
            self.window.show_status("Select an expert in Experts & Quotes first")
            return False
        return self.panel.save_to_roster(expert.id)

    def edit_preferences(self) -> bool:
        # Imported on first use: it reads e-mail addresses with ``presskit.formats``, which
        # the window's start can do without.
        from presskit.gui.dialogs.preferences import PreferencesDialog

        changed, accepted = PreferencesDialog.edit(self.window, self.window.settings)
        if accepted:
            self.window.speller.set_enabled(
                bool(self.window.settings.get(SPELLING_SETTING, True)))
        if accepted and changed:
            self.store.open(self.window.settings.get(ROSTER_SETTING) or None)
            self.window.show_status(f"Using the roster {self.store.path}")
        return changed

    # -- spreadsheets ---------------------------------------------------------------------

    def import_spreadsheet(self, path: Path | None = None) -> bool:
        """File ▸ Import ▸ Experts from Spreadsheet…: choose, map, review, save."""
        from presskit.gui.roster.csv_import import (
            CsvMappingDialog,
            ImportSummaryDialog,
            SummaryChoice,
        )
        from presskit.library.csv_import import import_rows, sniff_sheets

        window = self.window
        if not self.store.ok:
            Prompts.error(window, "The roster file could not be read, so presskit will not "
                          "import into it.", self.store.error)
            return False
        if path is None:
            folder = window.start_folder("csv")
            path, accepted = LibraryPrompts.spreadsheet_to_import(window, folder)
            if not accepted or path is None:
                return False
        window.remember_folder("csv", path.parent)
        if window.is_busy:
            return False
        try:
            # Off the GUI thread: a 45 MB spreadsheet takes its reader 20 s.
            window.show_status(f"Reading “{shown(path.name)}”…")
            with window.working(self.import_csv, self.export_csv):
                previews = run_in_background(lambda: sniff_sheets(path))
        except (PresskitError, OSError) as exc:
            Prompts.error(window, f"“{path.name}” could not be imported.", str(exc))
            return False
        mapping: list[str | None] | None = None
        sheet = 0
        while True:
            chosen, accepted = CsvMappingDialog.choose(window, previews, mapping, sheet)
            if not accepted or chosen is None:
                return False
            preview, mapping = chosen
            sheet = next((i for i, p in enumerate(previews) if p is preview), 0)
            try:
                dry_run = import_rows(preview, mapping, self.store.roster)
            except PresskitError as exc:
                Prompts.error(window, f"“{path.name}” could not be imported.", str(exc))
                return False
            (choice, add), _ = ImportSummaryDialog.confirm(
                window, dry_run, preview, mapping,
                add_to_kit=bool(window.settings.get(ADD_TO_KIT_SETTING, False)))
            if choice is not SummaryChoice.CANCEL:
                window.settings.set(ADD_TO_KIT_SETTING, add)
            if choice is SummaryChoice.SAVE:
                return self._save_import(preview, mapping, add)
            if choice is SummaryChoice.CANCEL:
                window.show_status("Import cancelled; the roster is unchanged")
                return False

    def _save_import(self, preview: CsvPreview, mapping: list[str | None],
                     add_to_kit: bool = False) -> bool:
        from presskit.library.csv_import import import_rows

        try:
            # Merged again into the roster as it is on disk now, in case it changed meanwhile.
            result = self.store.modify(
                lambda roster: ((r := import_rows(preview, mapping, roster)).roster, r))
        except PresskitError as exc:
            Prompts.error(self.window, "The roster could not be saved.", str(exc))
            return False
        status = f"Imported into the roster: {result.summary()}"
        if add_to_kit:
            # Every expert the sheet named, as Roster ▸ Add to Kit copies them: one undo step.
            document = self.window.document
            named = result.added + result.updated + result.unchanged
            added = add_from_roster(document, self.store.roster, named)
            status += f"; in the kit: {added.describe(document.kit)}"
        self.window.show_status(status)
        self.panel.select_ids(result.added + result.updated)
        return True

    def export_spreadsheet(self) -> bool:
        """Roster ▸ Export to Spreadsheet…"""
        from presskit.library.csv_export import export_csv

        window = self.window
        folder = window.start_folder("csv")
        path, accepted = LibraryPrompts.spreadsheet_to_export(window, folder / "roster.csv")
        if not accepted or path is None:
            return False
        window.remember_folder("csv", path.parent)
        clash = window.output_clash(path.absolute())
        if clash is not None:  # a spreadsheet written over the open kit or its files
            Prompts.error(window, f"“{path.name}” could not be written.",
                          f"{clash}; choose another name for the spreadsheet")
            return False
        try:
            export_csv(self.store.roster, path, roster_file=self.store.path)
        except (PresskitError, OSError) as exc:
            Prompts.error(window, f"“{path.name}” could not be written.", str(exc))
            return False
        count = len(self.store.roster.experts)
        window.show_status(f"Exported {count} expert{'s' if count != 1 else ''} to {path.name}")
        return True

    # -- pasted advisories ----------------------------------------------------------------

    def brand_choices(self) -> list[tuple[str, Brand]]:
        """The brands a kit from text can start with: roster presets first, then the house
        default (``resources/brand/default.yaml``), then the open kit's. The first is the
        one File ▸ New starts with too."""
        choices = [(f"{p.name} (roster preset)", p.brand) for p in self.store.roster.brands]
        current = self.window.document.kit.brand
        default = default_brand()
        choices.append(("presskit's default", default))
        if current != default:
            name = current.organisation or current.short_name or "no name"
            choices.append((f"Same as the open kit ({name})", copy.deepcopy(current)))
        return choices

    def house_brand(self) -> Brand:
        """The brand File ▸ New starts with: the first of ``brand_choices``, as in New Kit
        from Text, so the two ways to start a kit agree."""
        return self.brand_choices()[0][1]

    def new_kit_from_text(self) -> bool:
        """File ▸ New Kit from Text…: the kit opens as a new, unsaved document."""
        from presskit.gui.dialogs.paste_advisory import PasteDialog, describe_result

        window = self.window
        (result, text), accepted = PasteDialog.ask(
            window, self.store.roster, self.brand_choices(), self.draft)
        self.draft = text
        if not accepted or result is None:
            return False
        if not window.new_project(result.kit):
            return False  # the user kept the open kit; the text waits in the dialog
        self.draft = ""
        notes = len(result.problems)
        note = f"; {notes} note{'s' if notes != 1 else ''} on the text" if notes else ""
        window.show_status(f"New kit from text: {describe_result(result)}{note}")
        return True
