"""Brand ▸ Edit Presets…: the presets dialog with a live sample, and the questions the Brand
menu asks.

``BrandPresetsDialog`` lists the presets beside the brand form and a sample page rendered in
the background (``RenderJob`` in the global thread pool, never on the GUI thread) and shown
through ``QPdfDocument``. Questions are classmethods of ``BrandPrompts`` returning
``(value, accepted)`` so tests replace them. The menu itself is ``window.brand_actions``.
"""

from __future__ import annotations

import copy
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt, QTimer
from PySide6.QtGui import QPixmap
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from presskit.gui.document.kit_document import KitDocument
from presskit.gui.editors.brand_form import BrandForm
from presskit.gui.editors.inputs import scrolled
from presskit.gui.preview.rendering import RenderJob, RenderRelay
from presskit.gui.widgets.icons import themed_icon
from presskit.gui.widgets.prompts import MessageBox
from presskit.gui.widgets.shown import shown
from presskit.library.brand_presets import PRESET_SUFFIX
from presskit.library.roster import BrandPreset
from presskit.model import Brand
from presskit.model.kit import Approval, ApprovalState, Expert, Kit, Quote
from presskit.model.sections import LeadSection, QuotesSection

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
        box = MessageBox(parent)  # plain text, the name escaped: it may be a stranger's
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle("Replace Preset")
        box.setText(f"There is already a brand preset called “{shown(name)}”. Replace it?")
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        return box.exec() == QMessageBox.StandardButton.Yes, True

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
