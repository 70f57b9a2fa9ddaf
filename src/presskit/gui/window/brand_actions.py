"""The Brand menu of the main window: brand presets applied to the open kit and kept in the
roster.

- Brand ▸ Apply Preset…: the chosen preset becomes the kit's brand, one undo step (a
  ``SetValue`` on ``("brand",)`` holding a deep copy);
- Brand ▸ Save Brand as Preset…: the kit's brand saved in the roster under a name;
- Brand ▸ Edit Presets…: ``dialogs.brand_presets.BrandPresetsDialog``, with a live sample;
- Brand ▸ Import Preset… / Export Preset…: ``.presskit-brand`` files (``library.brand_presets``).

Every roster write goes through ``RosterStore.modify``; the questions are ``BrandPrompts``.
"""

from __future__ import annotations

import copy
from pathlib import Path

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from presskit.gui.dialogs.brand_presets import BrandPresetsDialog, BrandPrompts
from presskit.gui.document.commands import SetValue
from presskit.gui.roster.store import RosterStore
from presskit.gui.widgets.icons import themed_icon
from presskit.gui.widgets.prompts import Prompts
from presskit.gui.window.background import run_in_background
from presskit.gui.window.host import WindowHost
from presskit.library.brand_presets import (
    PRESET_SUFFIX,
    BrandPresetError,
    export_preset,
    import_preset,
    preset_file_name,
    preset_name,
    with_preset,
)
from presskit.library.roster import BrandPreset, Roster, clean_preset_name
from presskit.model import PresskitError


class BrandActions:
    """The Brand menu of the main window, acting on the open kit and the roster's presets."""

    def __init__(self, window: WindowHost, store: RosterStore) -> None:
        self.window = window
        self.store = store
        self.apply = self._action("&Apply Preset…", "Print the kit in a saved brand preset "
                                  "(one step to undo)", self.apply_preset, "format-text-bold")
        self.save = self._action("&Save Brand as Preset…", "Keep the kit's brand in the roster "
                                 "to use in other kits", self.save_as_preset, "document-save")
        self.edit = self._action("&Edit Presets…", "Change, rename or delete brand presets, "
                                 "with a live sample", self.edit_presets, "document-properties")
        self.import_ = self._action("&Import Preset…", "Add a brand preset from a "
                                    f"{PRESET_SUFFIX} file", self.import_preset, "document-open")
        self.export = self._action("E&xport Preset…", "Write a brand preset with its logo and "
                                   "fonts to one file for a colleague", self.export_preset,
                                   "document-export")
        self.menu = QMenu("&Brand", window)
        self.menu.setObjectName("brandMenu")
        self.menu.addActions([self.apply, self.save])
        self.menu.addSeparator()
        self.menu.addAction(self.edit)
        self.menu.addSeparator()
        self.menu.addActions([self.import_, self.export])
        bar = window.menuBar()
        roster_menu = window.findChild(QMenu, "rosterMenu")
        if isinstance(roster_menu, QMenu):
            bar.insertMenu(roster_menu.menuAction(), self.menu)
        else:
            bar.addMenu(self.menu)
        store.changed.connect(self._update)
        self._update()

    def _action(self, text: str, tip: str, slot: object, icon: str) -> QAction:
        action = QAction(themed_icon(icon), text, self.window)
        action.setStatusTip(tip)
        action.setToolTip(tip)
        action.triggered.connect(lambda _checked=False: slot())  # type: ignore[operator]
        return action

    def _update(self) -> None:
        has_presets = not self.store.loading and bool(self.store.roster.brands)
        self.apply.setEnabled(has_presets)
        self.export.setEnabled(has_presets)
        for action in (self.save, self.edit, self.import_):
            action.setEnabled(self.store.ok)

    def _names(self) -> list[str]:
        return [p.name for p in self.store.roster.brands]

    def _modify(self, change: object, failure: str) -> bool:
        try:
            self.store.modify(change)  # type: ignore[arg-type]
        except PresskitError as exc:
            Prompts.error(self.window, failure, str(exc))
            return False
        return True

    def apply_preset(self, name: str | None = None) -> bool:
        if name is None:
            name, accepted = BrandPrompts.choose_preset(self.window, self._names(),
                                                        "Apply Brand Preset")
            if not accepted or name is None:
                return False
        preset = self.store.roster.brand(name)
        if preset is None:
            self.window.show_status(f"There is no brand preset called “{name}”")
            return False
        document = self.window.document
        document.push(SetValue(document, ("brand",), copy.deepcopy(preset.brand),
                               f"Apply brand preset “{preset.name}”"))
        self.window.show_status(f"The kit now uses the brand preset “{preset.name}”")
        return True

    def save_as_preset(self) -> bool:
        brand = self.window.document.kit.brand
        name, accepted = BrandPrompts.preset_name(
            self.window, brand.short_name or brand.organisation or "House style")
        # Kept, compared and shown without control or reordering characters, bounded.
        name = clean_preset_name(name or "")
        if not accepted or not name:
            return False
        replace = False
        if self.store.roster.brand(name) is not None:
            replace, _ = BrandPrompts.replace_preset(self.window, name)
            if not replace:
                return False
        preset = BrandPreset(name, copy.deepcopy(brand))
        if not self._modify(lambda r: (with_preset(r, preset, replace=replace), None),
                            "The brand preset could not be saved."):
            return False
        self.window.show_status(f"Saved the kit's brand as the preset “{name}”")
        return True

    def edit_presets(self) -> bool:
        presets, accepted = BrandPresetsDialog.edit(self.window, self.store.roster.brands)
        if not accepted or presets is None:
            return False

        def change(roster: Roster) -> tuple[Roster, None]:
            updated = copy.copy(roster)
            updated.brands = [BrandPreset(clean_preset_name(p.name) or "Brand", p.brand)
                              for p in presets]
            return updated, None

        if not self._modify(change, "The brand presets could not be saved."):
            return False
        self.window.show_status(f"Saved {len(presets)} brand preset"
                                f"{'s' if len(presets) != 1 else ''}")
        return True

    def import_preset(self, path: Path | None = None) -> bool:
        window = self.window
        if path is None:
            folder = window.start_folder("brand")
            path, accepted = BrandPrompts.file_to_import(window, folder)
            if not accepted or path is None:
                return False
        window.remember_folder("brand", path.parent)
        if window.is_busy:
            window.show_status("Still working on the last command; try again in a moment")
            return False
        chosen = path
        try:
            # A stranger's archive is checked and inflated (up to 200 MB) off the GUI thread.
            with window.working(self.import_):
                name = run_in_background(lambda: preset_name(chosen))
            replace = False
            if self.store.roster.brand(name) is not None:
                replace, _ = BrandPrompts.replace_preset(window, name)
                if not replace:
                    return False
            with window.working(self.import_):
                imported = run_in_background(lambda: import_preset(chosen, name=name))
        except (BrandPresetError, PresskitError) as exc:
            Prompts.error(window, f"“{path.name}” could not be imported.", str(exc))
            return False
        preset = imported.preset
        if not self._modify(lambda r: (with_preset(r, preset, replace=replace), None),
                            "The brand preset could not be saved."):
            return False
        window.show_status(f"Imported the brand preset “{preset.name}”")
        return True

    def export_preset(self, name: str | None = None) -> bool:
        window = self.window
        if name is None:
            name, accepted = BrandPrompts.choose_preset(window, self._names(),
                                                        "Export Brand Preset")
            if not accepted or name is None:
                return False
        preset = self.store.roster.brand(name)
        if preset is None:
            return False
        folder = window.start_folder("brand")
        # The name may come from a stranger's preset: the suggestion is always a file of the
        # folder, whatever separators or dots the name holds.
        path, accepted = BrandPrompts.file_to_export(window, folder / preset_file_name(name))
        if not accepted or path is None:
            return False
        window.remember_folder("brand", path.parent)
        failure = f"The brand preset “{preset.name}” could not be exported."
        clash = window.output_clash(path.absolute())
        if clash is not None:  # a preset written over the open kit, its files or the roster
            Prompts.error(window, failure, f"{clash}; choose another name for the preset")
            return False
        if window.is_busy:
            window.show_status("Still working on the last command; try again in a moment")
            return False
        try:
            # Its logo and fonts are read (up to 50 MB each) and zipped off the GUI thread.
            with window.working(self.export):
                run_in_background(lambda: export_preset(preset, path))
        except PresskitError as exc:
            Prompts.error(window, failure, str(exc))
            return False
        window.show_status(f"Exported the brand preset “{preset.name}” to {path.name}")
        return True
