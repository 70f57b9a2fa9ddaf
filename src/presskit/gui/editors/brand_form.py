"""The form for the kit's house style: organisation, logo, colours, fonts, page and footer.

Every control is bound to one field under ``("brand", …)``; colours open the platform
colour dialog, the logo and TTF fonts the native file dialog. Margins commit when a number
is finished (or stepped with the arrows), not on every digit typed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from presskit.gui.editors.binding import Binder, describe
from presskit.gui.editors.inputs import ColorButton, FaceCombo, FontCombo, ImagePicker
from presskit.model import HeadshotShape, PageSize

if TYPE_CHECKING:
    from presskit.gui.document.kit_document import KitDocument

MARGINS = ("top", "right", "bottom", "left")


class BrandForm(QWidget):
    """See the module docstring."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("brandForm")
        self.document: KitDocument | None = None
        self.binder = Binder(self, lambda: ("brand",))
        self.fields: dict[str, QWidget] = {}
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        b = self.binder

        def row(label: str, name: str, widget: QWidget, tooltip: str = "") -> QWidget:
            if not widget.accessibleName():
                describe(widget, label.replace("&", "").rstrip(":"), tooltip)
            elif tooltip:
                widget.setToolTip(tooltip)
            form.addRow(label, widget)
            self.fields[name] = widget
            return widget

        b.bind(
            row(
                "&Organisation:",
                "organisation",
                QLineEdit(),
                "Shown in the PDF's metadata as author",
            ),
            "organisation",
        )
        b.bind(row("S&hort name:", "short_name", QLineEdit(), "For example “CNAS”"), "short_name")
        self.logo = ImagePicker("Logo", self._start_dir, svg=True)
        b.bind(row("&Logo:", "logo", self.logo, "PNG, JPEG or SVG, printed in the masthead"),
               "logo")
        self.colors: dict[str, ColorButton] = {}
        for key, label, tip in (
            ("primary", "&Primary colour:", "Masthead, headings and box borders"),
            ("accent", "&Accent colour:", "Rules, links and markings"),
            ("text", "Te&xt colour:", "Body text"),
        ):
            button = ColorButton(key.capitalize())
            self.colors[key] = button
            b.bind(row(label, f"colors.{key}", button, tip), "colors", key)
        self.fonts: dict[str, FontCombo] = {}
        for key, label in (("body", "&Body font:"), ("heading", "Headin&g font:")):
            combo = FontCombo(key.capitalize(), self._start_dir)
            self.fonts[key] = combo
            b.bind(row(label, f"fonts.{key}", combo), "fonts", key)
            row(f"{key.capitalize()} faces:", f"fonts.{key}_faces", self._faces(key),
                "Separate TrueType files for bold, italic and bold italic, if the family has them")
        page = QComboBox()
        page.addItem("US Letter (8.5 × 11 in)", PageSize.LETTER.value)
        page.addItem("A4 (210 × 297 mm)", PageSize.A4.value)
        b.bind(row("Pa&ge size:", "page_size", page), "page_size", to_widget=str, to_model=PageSize)
        row("&Margins:", "margins", self._margins(), "Page margins in millimetres")
        shape = QComboBox()
        shape.addItem("Square", HeadshotShape.SQUARE.value)
        shape.addItem("Circle", HeadshotShape.CIRCLE.value)
        b.bind(row("Headsho&ts:", "headshots", shape, "How photos are cropped, around the centre"),
               "headshots", to_widget=str, to_model=HeadshotShape)
        programs = QCheckBox("Print an expert's program after the title")
        b.bind(row("P&rograms:", "show_program", programs,
                   "“Fellow, Nordic Policy · Europe”; never twice, when the title names "
                   "the program already"), "show_program")
        smart = QCheckBox("Curly quotes and dashes")
        b.bind(row("T&ypography:", "typography.smart_quotes", smart,
                   "Print straight quotes and double hyphens typed in the kit as “ ” ‘ ’ and –; "
                   "the saved text is not changed"),
               "typography", "smart_quotes")
        b.bind(
            row("&Footer:", "footer", QLineEdit(), "Printed at the foot of every page"), "footer"
        )
        boilerplate = QPlainTextEdit()
        boilerplate.setTabChangesFocus(True)
        boilerplate.setMinimumHeight(boilerplate.fontMetrics().lineSpacing() * 5)
        b.bind(
            row(
                "Boiler&plate:",
                "boilerplate",
                boilerplate,
                "“About us”, printed by an About section",
            ),
            "boilerplate",
        )
        website = QLineEdit()
        website.setPlaceholderText("https://…")
        b.bind(row("&Website:", "website", website), "website")

    def _faces(self, role: str) -> QWidget:
        # One face per line: side by side the three combos made the Brand tab 670 px wide,
        # cut off sideways in a dock at 1280 × 800.
        box = QWidget()
        line = QGridLayout(box)
        line.setContentsMargins(0, 0, 0, 0)
        line.setColumnStretch(1, 1)
        for number, (face, label) in enumerate((("bold", "Bold"), ("italic", "Italic"),
                                                ("bold_italic", "Bold italic"))):
            combo = FaceCombo(f"{role.capitalize()} {label.lower()}", self._start_dir)
            self.fonts[f"{role}_{face}"] = combo
            self.fields[f"fonts.{role}_{face}"] = combo
            self.binder.bind(combo, "fonts", f"{role}_{face}")
            caption = QLabel(f"{label}:")
            caption.setBuddy(combo)
            line.addWidget(caption, number, 0)
            line.addWidget(combo, number, 1)
        describe(box, f"{role.capitalize()} faces")
        return box

    def _margins(self) -> QWidget:
        box = QWidget()
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        self.margins: dict[str, QDoubleSpinBox] = {}
        for i, key in enumerate(MARGINS):
            spin = QDoubleSpinBox()
            spin.setRange(0.0, 100.0)
            spin.setDecimals(1)
            spin.setSingleStep(1.0)
            spin.setSuffix(" mm")
            describe(
                spin, f"{key.capitalize()} margin", f"{key.capitalize()} page margin in millimetres"
            )
            label = QLabel(f"{key.capitalize()}:")
            label.setBuddy(spin)
            grid.addWidget(label, i // 2, (i % 2) * 2)
            grid.addWidget(spin, i // 2, (i % 2) * 2 + 1)
            self.margins[key] = spin
            self.binder.bind(spin, "margins", key, to_model=float)
        grid.setColumnStretch(4, 1)  # keep the number boxes compact on a wide panel
        describe(box, "Margins")
        box.setFocusProxy(self.margins["top"])
        return box

    def _start_dir(self) -> str:
        path = self.document.path if self.document else None
        return str(path.parent) if path else ""

    def set_document(self, document: KitDocument | None) -> None:
        self.document = document
        self.binder.set_document(document)
