"""The "Kit & brand" panel: what the kit is, its house style, its contacts and its resources.

It only composes the four editors (``KitForm``, ``BrandForm``, ``ContactsEditor``,
``ResourcesEditor``) in tabs, and routes ``select(where)`` — a path from a pre-flight
problem, say — to the tab, row and field it is about.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QScrollArea, QTabWidget, QVBoxLayout, QWidget

from presskit.gui.editors.binding import describe
from presskit.gui.editors.brand_form import BrandForm
from presskit.gui.editors.contacts_resources import ContactsEditor, ResourcesEditor
from presskit.gui.editors.inputs import scrolled
from presskit.gui.editors.kit_form import KitForm
from presskit.model.problems import Where

if TYPE_CHECKING:
    from presskit.gui.document.kit_document import KitDocument


class KitBrandPanel(QWidget):
    """See the module docstring."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kitBrand")
        self.document: KitDocument | None = None
        self.kit_form = KitForm()
        self.brand_form = BrandForm()
        self.contacts = ContactsEditor()
        self.resources = ResourcesEditor()
        for editor in (self.contacts, self.resources):
            editor.layout_.setContentsMargins(6, 6, 6, 6)  # as the scrolled forms' own margins
        self.tabs = QTabWidget(self)
        describe(self.tabs, "Kit and brand")
        self.tabs.addTab(scrolled(self.kit_form), "&Kit")
        self.tabs.addTab(scrolled(self.brand_form), "&Brand")
        self.tabs.addTab(self.contacts, "&Contacts")
        self.tabs.addTab(self.resources, "&Resources")
        for i, tip in enumerate(
            (
                "Headline, series label, date, embargo and status",
                "Organisation, logo, colours, fonts, page and footer",
                "Media contacts journalists call to book an interview",
                "Related reading that callout sections point to",
            )
        ):
            self.tabs.setTabToolTip(i, tip)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

    def set_document(self, document: KitDocument | None) -> None:
        self.document = document
        for editor in (self.kit_form, self.brand_form, self.contacts, self.resources):
            editor.set_document(document)

    def select(self, where: Where) -> None:
        """Show and focus the control for ``where`` (a path into the kit)."""
        if not where:
            return
        head = where[0]
        if head in ("contacts", "resources"):
            editor = self.contacts if head == "contacts" else self.resources
            self.tabs.setCurrentWidget(editor)
            if len(where) > 1 and isinstance(where[1], int):
                editor.select_row(where[1])
            if len(where) > 2:
                editor.focus_field(str(where[2]))
            else:
                editor.view.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        if head == "brand":
            form: KitForm | BrandForm = self.brand_form
            key = ".".join(str(step) for step in where[1:3]) if len(where) > 1 else ""
            widget = form.fields.get(key) or form.fields.get(
                str(where[1]) if len(where) > 1 else ""
            )
            if len(where) > 2 and where[1] == "margins":
                widget = self.brand_form.margins.get(str(where[2]), widget)
        else:
            form = self.kit_form
            # Problems say ("kit", "status"); the form's own paths have no "kit" step.
            name = where[1] if head == "kit" and len(where) > 1 else head
            widget = form.fields.get(str(name))
        self.tabs.setCurrentIndex(1 if form is self.brand_form else 0)
        if widget is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
            area = self.tabs.currentWidget()
            if isinstance(area, QScrollArea):
                area.ensureWidgetVisible(widget)
