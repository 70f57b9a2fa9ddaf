"""The section editor: a form for the section selected in the outline, suited to its type.

A ``QStackedWidget`` holds one form per section type (``section_forms``, ``quotes_form``)
and an empty page. The editor remembers the shown section *object*, not its row: if the user
drags it elsewhere in the outline the form keeps editing it, and if it is deleted the empty
page appears (and the form comes back when the delete is undone).
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QStackedWidget, QVBoxLayout, QWidget

from presskit.gui.editors.binding import index_of
from presskit.gui.sections.quotes_form import QuotesForm
from presskit.gui.sections.section_forms import SectionForm, all_forms
from presskit.model import Section, SectionType
from presskit.model.problems import Where

if TYPE_CHECKING:
    from presskit.gui.document.kit_document import KitDocument


class SectionEditor(QWidget):
    """See the module docstring."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sectionEditor")
        self.document: KitDocument | None = None
        self._section: Section | None = None

        self.title = QLabel()
        font = QFont(self.title.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.title.setFont(font)
        self.title.setAccessibleName("Section type")

        self.empty = QLabel("Select a section in the outline to edit it.")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.forms: dict[SectionType, SectionForm] = {}
        form_classes: list[type[SectionForm]] = [*all_forms(), QuotesForm]
        for form_class in form_classes:
            section_type = form_class.section_type
            # Each form sees the shown section only while it is of its type, so hidden forms
            # never try to read fields the shown section does not have.
            form = form_class(functools.partial(self._path_if, section_type))
            self.forms[section_type] = form
            self.stack.addWidget(form)

        area = QScrollArea()
        area.setWidget(self.stack)
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(area, 1)
        self._show_page()

    # -- the interface the main window uses ---------------------------------------------------

    def set_document(self, document: KitDocument | None) -> None:
        if self.document is not None:
            for signal in (self.document.inserted, self.document.removed, self.document.moved):
                signal.disconnect(self._on_structure_changed)
            self.document.value_changed.disconnect(self._on_value_changed)
        self.document = document
        self._section = None
        for form in self.forms.values():
            form.set_document(document)
        if document is not None:
            for signal in (document.inserted, document.removed, document.moved):
                signal.connect(self._on_structure_changed)
            document.value_changed.connect(self._on_value_changed)
        self._show_page()

    def show_section(self, index: int | None) -> None:
        """Edit section ``index`` of the kit (``None``: nothing)."""
        sections = self.document.kit.sections if self.document else []
        self._section = (
            sections[index] if index is not None and 0 <= index < len(sections) else None
        )
        self._show_page()

    def select(self, where: Where) -> None:
        """Show the section ``where`` points into and focus the control for the rest of it."""
        if len(where) < 2 or where[0] != "sections" or not isinstance(where[1], int):
            return
        self.show_section(where[1])
        form = self.stack.currentWidget()
        if isinstance(form, SectionForm):
            form.focus_field(where[2:])

    def start_typing(self, index: int) -> None:
        """A section was just added at ``index``: the cursor goes to its first field (its
        heading, mostly), as a new paragraph in a word processor waits for its words."""
        self.show_section(index)
        form = self.stack.currentWidget()
        if isinstance(form, SectionForm) and form.fields:
            next(iter(form.fields.values())).setFocus(Qt.FocusReason.OtherFocusReason)

    @property
    def quotes_form(self) -> QuotesForm:
        form = self.forms[SectionType.QUOTES]
        assert isinstance(form, QuotesForm)
        return form

    # -- internals ------------------------------------------------------------------------

    @property
    def section(self) -> Section | None:
        return self._section

    def section_path(self) -> Where | None:
        if self._section is None or self.document is None:
            return None
        row = index_of(self.document.kit.sections, self._section)
        return None if row is None else ("sections", row)

    def _path_if(self, section_type: SectionType) -> Where | None:
        shown = self._section
        return self.section_path() if shown is not None and shown.type == section_type else None

    def _on_structure_changed(self, where: Where, *_indexes: int) -> None:
        if where == ("sections",):
            self._show_page()  # the shown section may be gone, or back after an undo

    def _on_value_changed(self, where: Where) -> None:
        path = self.section_path()
        if path is not None and where[:2] == path and where[2:] in ((), ("hidden",)):
            self._show_title()

    def _show_title(self) -> None:
        section = self._section
        if section is None or self.section_path() is None:
            self.title.setText("No section selected")
        else:
            self.title.setText(f"{section.LABEL} section" + (" (hidden)" if section.hidden else ""))

    def _show_page(self) -> None:
        path = self.section_path()
        if path is None or self._section is None:
            self.stack.setCurrentWidget(self.empty)
            self._show_title()
            return
        form = self.forms[self._section.type]
        self._show_title()
        form.refresh()  # filled before it is shown: nothing shown holds the section before's words
        if self.stack.currentWidget() is not form:
            self.stack.setCurrentWidget(form)
