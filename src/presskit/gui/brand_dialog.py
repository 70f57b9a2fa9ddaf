"""Brand presets in the app: the Brand menu, the presets dialog with a live sample, and the
questions they ask.

- Brand ▸ Apply Preset…: the chosen preset becomes the kit's brand, one undo step (a
  ``SetValue`` on ``("brand",)`` holding a deep copy);
- Brand ▸ Save Brand as Preset…: the kit's brand saved in the roster under a name;
- Brand ▸ Edit Presets…: ``BrandPresetsDialog``, the presets with the brand form and a sample
  page rendered in the background (``RenderJob`` in the global thread pool, never on the GUI
  thread) and shown through ``QPdfDocument``;
- Brand ▸ Import Preset… / Export Preset…: ``.presskit-brand`` files (``library.brand_presets``).

Every roster write goes through ``RosterStore.modify``. Questions are classmethods of
``BrandPrompts`` returning ``(value, accepted)`` so tests replace them.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QPixmap
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QMenu,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from presskit.gui.brand_form import BrandForm
from presskit.gui.commands import SetValue
from presskit.gui.document import KitDocument
from presskit.gui.icons import themed_icon
from presskit.gui.inputs import scrolled
from presskit.gui.prompts import Prompts
from presskit.gui.rendering import RenderJob, RenderRelay
from presskit.library.brand_presets import (
    PRESET_SUFFIX,
    BrandPresetError,
    export_preset,
    import_preset,
    preset_name,
    with_preset,
)
from presskit.library.roster import BrandPreset, Roster
from presskit.model import Brand, PresskitError
from presskit.model.kit import Approval, ApprovalState, Expert, Kit, Quote
from presskit.model.sections import LeadSection, QuotesSection

if TYPE_CHECKING:
    from presskit.gui.main_window import MainWindow
    from presskit.gui.roster_store import RosterStore

PRESET_FILTER = f"Brand presets (*{PRESET_SUFFIX});;All files (*)"
SAMPLE_DELAY_MS = 250


def sample_kit(brand: Brand) -> Kit:
    """A small kit that shows a brand off: masthead, headline, lead and one quote."""
    expert = Expert(id="sample", name="Ada Sample", title="Senior Fellow")
    quote = Quote(id="q", expert="sample",
                  text="A quote as it will print, in the brand's fonts and colours.",
                  approval=Approval(ApprovalState.APPROVED))
    return Kit(
        title="A headline in the house style",
        series=brand.short_name or "Sample",
        brand=copy.deepcopy(brand),
        experts=[expert],
        quotes=[quote],
        sections=[LeadSection(id="lead", text="The lead paragraph sets the tone of the kit."),
                  QuotesSection(id="quotes", heading="What our experts say", quotes=["q"])],
    )


class BrandPrompts:
    """The questions of the Brand menu, as replaceable classmethods."""

    @classmethod
    def choose_preset(cls, parent: QWidget | None, names: list[str], title: str
                      ) -> tuple[str | None, bool]:
        name, ok = QInputDialog.getItem(parent, title, "Brand preset:", names, 0, False)
        return (name, True) if ok and name else (None, False)

    @classmethod
    def preset_name(cls, parent: QWidget | None, suggested: str) -> tuple[str | None, bool]:
        name, ok = QInputDialog.getText(parent, "Save Brand as Preset",
                                        "Name of the preset:", text=suggested)
        return (name.strip(), True) if ok and name.strip() else (None, False)

    @classmethod
    def replace_preset(cls, parent: QWidget | None, name: str) -> tuple[bool, bool]:
        answer = QMessageBox.question(
            parent, "Replace Preset", f"There is already a brand preset called “{name}”. "
            "Replace it?")
        return answer == QMessageBox.StandardButton.Yes, True

    @classmethod
    def file_to_import(cls, parent: QWidget | None, folder: Path) -> tuple[Path | None, bool]:
        name, _ = QFileDialog.getOpenFileName(parent, "Import Brand Preset", str(folder),
                                              PRESET_FILTER)
        return (Path(name), True) if name else (None, False)

    @classmethod
    def file_to_export(cls, parent: QWidget | None, suggested: Path
                       ) -> tuple[Path | None, bool]:
        name, _ = QFileDialog.getSaveFileName(parent, "Export Brand Preset", str(suggested),
                                              PRESET_FILTER)
        if not name:
            return None, False
        path = Path(name)
        return (path if path.name.endswith(PRESET_SUFFIX)
                else path.with_name(path.name + PRESET_SUFFIX)), True


class BrandSample(QLabel):
    """Page 1 of a sample kit in a brand, rendered off the GUI thread after each change."""

    WIDTH = 260

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setMinimumSize(QSize(self.WIDTH, int(self.WIDTH * 1.3)))
        self.setFrameShape(QLabel.Shape.StyledPanel)
        self.setAccessibleName("Brand sample")
        self.setText("Rendering the sample…")
        self._relay = RenderRelay(self)
        self._relay.finished.connect(self._on_finished)
        self._relay.failed.connect(self._on_failed)
        self._job = 0
        self._brand: Brand | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAMPLE_DELAY_MS)
        self._timer.timeout.connect(self._start)
        self._pdf = QPdfDocument(self)
        self._buffer: QBuffer | None = None
        #: The warnings of the last sample (a logo or font that cannot be used).
        self.warnings: list[str] = []
        self.rendered = 0

    def show_brand(self, brand: Brand) -> None:
        """Render ``brand`` (a copy is taken now) shortly, replacing any pending request."""
        self._brand = copy.deepcopy(brand)
        self._timer.start()

    def _start(self) -> None:
        if self._brand is None:
            return
        from PySide6.QtCore import QThreadPool

        self._job += 1
        QThreadPool.globalInstance().start(
            RenderJob(self._job, sample_kit(self._brand), self._relay))

    def _on_finished(self, job_id: int, result: object) -> None:
        if job_id != self._job:
            return  # a newer sample is on its way
        data = getattr(result, "data", b"")
        self.warnings = [p.message for p in getattr(result, "warnings", [])]
        self._pdf.close()
        buffer = QBuffer(self)
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self._pdf.load(buffer)
        if self._buffer is not None:
            self._buffer.deleteLater()
        self._buffer = buffer
        page = self._pdf.pagePointSize(0)
        if self._pdf.pageCount() < 1 or page.width() <= 0:
            self.setText("The sample could not be shown")
            return
        ratio = self.devicePixelRatioF()
        width = int(self.WIDTH * ratio)
        image = self._pdf.render(0, QSize(width, int(width * page.height() / page.width())))
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(ratio)
        self.setPixmap(pixmap)
        self.setToolTip("\n".join(self.warnings))
        self.rendered += 1

    def _on_failed(self, job_id: int, exc: object) -> None:
        if job_id == self._job:
            self.setPixmap(QPixmap())
            self.setText(f"The sample could not be rendered:\n{exc}")


class BrandPresetsDialog(QDialog):
    """The roster's presets: pick one on the left, edit it in the middle, see it on the right.

    ``presets`` is the edited list once the dialog is accepted; nothing is saved here.
    """

    def __init__(self, presets: list[BrandPreset], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Brand Presets")
        self.presets = [BrandPreset(p.name, copy.deepcopy(p.brand)) for p in presets]
        self._document: KitDocument | None = None
        self.list = QListWidget(self)
        self.list.setAccessibleName("Brand presets")
        self.form = BrandForm(self)
        self.sample = BrandSample(self)
        self.new_button = QPushButton(themed_icon("list-add"), "&New", self)
        self.rename_button = QPushButton("&Rename…", self)
        self.delete_button = QPushButton(themed_icon("list-remove"), "&Delete", self)
        side = QVBoxLayout()
        side.addWidget(self.list, 1)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.rename_button, self.delete_button):
            buttons.addWidget(button)
        side.addLayout(buttons)
        body = QHBoxLayout()
        body.addLayout(side, 1)
        body.addWidget(scrolled(self.form), 3)
        body.addWidget(self.sample, 0, Qt.AlignmentFlag.AlignTop)
        self.box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.box.accepted.connect(self.accept)
        self.box.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.box)
        self.list.addItems([p.name for p in self.presets])
        self.list.currentRowChanged.connect(self._show)
        self.new_button.clicked.connect(self.add_preset)
        self.rename_button.clicked.connect(self.rename_preset)
        self.delete_button.clicked.connect(self.delete_preset)
        self.resize(1000, 620)
        if self.presets:
            self.list.setCurrentRow(0)
        else:
            self._show(-1)

    @property
    def current(self) -> int:
        return self.list.currentRow()

    def _keep(self) -> None:
        """Copy the form's edits back into the preset being shown."""
        if self._document is not None:
            row = self._document.property("presetRow")
            if isinstance(row, int) and 0 <= row < len(self.presets):
                self.presets[row].brand = copy.deepcopy(self._document.kit.brand)

    def _show(self, row: int) -> None:
        self._keep()
        enabled = 0 <= row < len(self.presets)
        for widget in (self.form, self.rename_button, self.delete_button):
            widget.setEnabled(enabled)
        if not enabled:
            self.form.set_document(None)
            self._document = None
            return
        document = KitDocument(sample_kit(self.presets[row].brand), None, self)
        document.setProperty("presetRow", row)
        document.value_changed.connect(lambda _where: self.sample.show_brand(
            document.kit.brand))
        old, self._document = self._document, document
        self.form.set_document(document)
        if old is not None:
            old.deleteLater()
        self.sample.show_brand(document.kit.brand)

    def _unique(self, name: str) -> str:
        taken = {p.name.casefold() for p in self.presets}
        candidate, n = name, 2
        while candidate.casefold() in taken:
            candidate, n = f"{name} {n}", n + 1
        return candidate

    def add_preset(self, brand: Brand | None = None, name: str = "New brand") -> None:
        self._keep()
        self.presets.append(BrandPreset(self._unique(name), copy.deepcopy(brand or Brand())))
        self.list.addItem(self.presets[-1].name)
        self.list.setCurrentRow(len(self.presets) - 1)

    def rename_preset(self) -> None:
        row = self.current
        if not 0 <= row < len(self.presets):
            return
        name, ok = BrandPrompts.preset_name(self, self.presets[row].name)
        if ok and name and name.casefold() != self.presets[row].name.casefold():
            name = self._unique(name)
        if ok and name:
            self.presets[row].name = name
            item = self.list.item(row)
            if item is not None:
                item.setText(name)

    def delete_preset(self) -> None:
        row = self.current
        if not 0 <= row < len(self.presets):
            return
        self._document = None  # its edits go with the preset
        self.form.set_document(None)
        del self.presets[row]
        self.list.blockSignals(True)
        self.list.takeItem(row)
        self.list.blockSignals(False)
        self._show(self.list.currentRow())

    def accept(self) -> None:
        self._keep()
        super().accept()

    @classmethod
    def edit(cls, parent: QWidget | None, presets: list[BrandPreset]
             ) -> tuple[list[BrandPreset] | None, bool]:
        dialog = cls(presets, parent)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return (dialog.presets, True) if accepted else (None, False)


class BrandActions:
    """The Brand menu of the main window, acting on the open kit and the roster's presets."""

    def __init__(self, window: MainWindow, store: RosterStore) -> None:
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
        has_presets = bool(self.store.roster.brands)
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
            updated.brands = presets
            return updated, None

        if not self._modify(change, "The brand presets could not be saved."):
            return False
        self.window.show_status(f"Saved {len(presets)} brand preset"
                                f"{'s' if len(presets) != 1 else ''}")
        return True

    def import_preset(self, path: Path | None = None) -> bool:
        window = self.window
        if path is None:
            folder = window.settings.folder("last_brand_folder", Path.home())
            path, accepted = BrandPrompts.file_to_import(window, folder)
            if not accepted or path is None:
                return False
        window.settings.remember_folder("last_brand_folder", path.parent)
        try:
            name = preset_name(path)
            replace = False
            if self.store.roster.brand(name) is not None:
                replace, _ = BrandPrompts.replace_preset(window, name)
                if not replace:
                    return False
            imported = import_preset(path, name=name)
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
        folder = window.settings.folder("last_brand_folder", Path.home())
        path, accepted = BrandPrompts.file_to_export(window, folder / (name + PRESET_SUFFIX))
        if not accepted or path is None:
            return False
        window.settings.remember_folder("last_brand_folder", path.parent)
        try:
            export_preset(preset, path)
        except PresskitError as exc:
            Prompts.error(window, f"The brand preset “{name}” could not be exported.",
                          str(exc))
            return False
        window.show_status(f"Exported the brand preset “{name}” to {path.name}")
        return True
