"""One small form per section type (lead, text, about, contact, callout, bios).

Each form binds its controls to fields of the section the editor shows; the quotes form,
which needs a list model and a picker, lives in ``quotes_form``. Forms know nothing about
which section they show: the editor hands them a ``base`` callable that finds it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSignalBlocker,
    Qt,
    Signal,
)
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from presskit.gui.editors.binding import Binder, describe
from presskit.gui.editors.inputs import IdCombo
from presskit.model import QuotesSection, SectionType
from presskit.model.printable import one_line
from presskit.model.problems import Where
from presskit.model.wording import DEFAULT_CONTACT_TEXT

if TYPE_CHECKING:
    from presskit.gui.document.kit_document import KitDocument


def text_box(min_lines: int = 8, max_lines: int | None = None) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)  # Tab moves on; paragraphs are separated by blank lines
    line = box.fontMetrics().lineSpacing()
    box.setMinimumHeight(line * min_lines)
    if max_lines is not None:  # a line or two of text should not fill the whole pane
        box.setMaximumHeight(line * max_lines + 2 * box.frameWidth() + 8)
    return box


def hint(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    # No colour of its own: a smaller font sets it apart and the palette stays the system's.
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 0.9)
    label.setFont(font)
    return label


class SectionForm(QWidget):
    """A form over the fields of one section; subclasses add rows in ``build``."""

    section_type: SectionType
    #: Top-level parts of the kit whose edits change what this form shows besides its fields.
    refresh_on: tuple[str, ...] = ()
    #: Whether a field (a long text, a list) should take the pane's spare height.
    fills_height = True

    def __init__(self, base: Callable[[], Where | None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document: KitDocument | None = None
        self.binder = Binder(self, base)
        self.fields: dict[str, QWidget] = {}
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        outer.addLayout(self.form)
        self.build()
        if not self.fills_height:
            outer.addStretch(1)  # short fields stay together at the top

    def build(self) -> None:
        raise NotImplementedError

    def add(self, label: str, name: str, widget: QWidget, tooltip: str = "") -> QWidget:
        """Add a row bound to the section's field ``name``."""
        describe(widget, label.replace("&", "").rstrip(":"), tooltip)
        self.form.addRow(label, widget)
        self.fields[name] = widget
        self.binder.bind(widget, name)
        return widget

    def heading(self, tooltip: str = "Printed above the section; also its bookmark") -> None:
        self.add("&Heading:", "heading", QLineEdit(), tooltip)

    def set_document(self, document: KitDocument | None) -> None:
        if self.document is not None and self.refresh_on:
            self.document.value_changed.disconnect(self._on_value_changed)
        self.document = document
        if document is not None and self.refresh_on:
            document.value_changed.connect(self._on_value_changed)
        self.binder.set_document(document)

    def _on_value_changed(self, where: Where) -> None:
        if where and where[0] in self.refresh_on:
            self.refresh()

    def refresh(self) -> None:
        self.binder.refresh()

    def focus_field(self, where: Where) -> None:
        widget = self.fields.get(str(where[0])) if where else None
        (widget or self).setFocus(Qt.FocusReason.OtherFocusReason)


#: What a text field understands (``model.text``), as its tooltip says it.
MARKUP_HINT = ("Blank lines separate paragraphs; **bold** and *italic* work, and "
               "[Bonjour]{lang=fr} marks words in another language")


class LeadForm(SectionForm):
    section_type = SectionType.LEAD

    def build(self) -> None:
        self.add(
            "&Text:",
            "text",
            text_box(12),
            "The news, right under the headline. " + MARKUP_HINT,
        )


class TextForm(SectionForm):
    section_type = SectionType.TEXT

    def build(self) -> None:
        self.heading()
        self.add(
            "&Text:",
            "text",
            text_box(12),
            MARKUP_HINT,
        )


class AboutForm(SectionForm):
    section_type = SectionType.ABOUT
    refresh_on = ("brand",)

    def build(self) -> None:
        self.heading()
        self.text = text_box(6)
        self.add("&Text:", "text", self.text, "Leave empty to print the brand's boilerplate")

    def refresh(self) -> None:
        super().refresh()
        # The boilerplate that will be printed when the field is left empty.
        boilerplate = self.document.kit.brand.boilerplate if self.document else ""
        self.text.setPlaceholderText(
            boilerplate or "The brand's boilerplate (set it under Kit & brand)"
        )


class ContactForm(SectionForm):
    section_type = SectionType.CONTACT
    fills_height = False

    def build(self) -> None:
        self.contact = IdCombo(
            "contacts", lambda c: f"{c.name} — {c.role}" if c.role else c.name, "(choose a contact)"
        )
        self.add("&Contact:", "contact", self.contact, "Add contacts under Kit & brand ▸ Contacts")
        text = text_box(4, 8)
        text.setPlaceholderText(DEFAULT_CONTACT_TEXT)
        self.add("&Text:", "text", text, "Leave empty for the default line shown in grey")
        self.form.addRow(
            "",
            hint(
                "{name}, {role}, {email} and {phone} stand for the contact's "
                "details; {email} becomes a mail link."
            ),
        )

    def set_document(self, document: KitDocument | None) -> None:
        self.contact.set_document(document)
        super().set_document(document)


class CalloutForm(SectionForm):
    section_type = SectionType.CALLOUT
    fills_height = False

    def build(self) -> None:
        self.heading("For example “Need a cheat sheet?”")
        self.resource = IdCombo("resources", lambda r: r.title, "(choose a resource)")
        self.add(
            "&Resource:", "resource", self.resource, "Add resources under Kit & brand ▸ Resources"
        )
        self.add("&Text:", "text", text_box(4, 8), "The sentence in the box")
        self.form.addRow(
            "",
            hint(
                "{title} is the resource's title (linked), {author} its author "
                "and {url} its address."
            ),
        )

    def set_document(self, document: KitDocument | None) -> None:
        self.resource.set_document(document)
        super().set_document(document)


AnyIndex = QModelIndex | QPersistentModelIndex


class CheckedExperts(QAbstractListModel):
    """The kit's experts with a check box each: the rows an ``ExpertChecklist`` shows.

    An item model rather than a list of widget items: an institute's 2,000 experts are
    shown by resetting a list of labels, not by building 2,000 items on every edit."""

    #: expert id, ticked; a click on a row's box (the model itself keeps what it shows)
    toggled = Signal(str, bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, str]] = []  # (expert id, label)
        self._chosen: set[str] = set()
        self._editable = False

    def show(self, rows: list[tuple[str, str]], chosen: set[str], editable: bool) -> None:
        if (rows, chosen, editable) == (self._rows, self._chosen, self._editable):
            return  # most edits (a quote's text) leave an institute's long list as it is
        if rows == self._rows:
            # Only ticks changed (a click, an undo): the view keeps its place in the list.
            self._chosen, self._editable = chosen, editable
            if rows:
                self.dataChanged.emit(self.index(0), self.index(len(rows) - 1))
            return
        self.beginResetModel()
        self._rows, self._chosen, self._editable = rows, chosen, editable
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        expert_id, label = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return one_line(label)  # bounded: a stranger's 10 MB name froze the list
        if role == Qt.ItemDataRole.EditRole:
            return label
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if expert_id in self._chosen else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.UserRole:
            return expert_id
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable
        return flags | Qt.ItemFlag.ItemIsEnabled if self._editable else flags

    def setData(self, index: AnyIndex, value: object,  # noqa: N802 - Qt override
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid() or not self._editable:
            return False
        expert_id = self._rows[index.row()][0]
        checked = Qt.CheckState(value) == Qt.CheckState.Checked
        (self._chosen.add if checked else self._chosen.discard)(expert_id)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.toggled.emit(expert_id, checked)
        return True


class ExpertChecklist(QWidget):
    """Which experts a bios section shows: every quoted expert, or the ones ticked.

    The file says "every quoted expert" with an empty list, so unticking the last expert
    falls back to that, and leaving "every quoted expert" starts from those experts ticked.
    """

    edited = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document: KitDocument | None = None
        self._value: list[str] = []
        self._stale = False  # set while hidden: the list is refreshed when shown
        self.every = QCheckBox("Every quoted expert, in quote order")
        describe(self.every, "Every quoted expert", "Untick to choose the experts yourself")
        self.model = CheckedExperts(self)
        self.list = QListView()
        self.list.setUniformItemSizes(True)  # lays out thousands of rows without asking each
        self.list.setModel(self.model)
        describe(self.list, "Experts shown", "Tick the experts whose bios appear (Space ticks)")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.every)
        layout.addWidget(self.list)
        self.setFocusProxy(self.every)
        self.every.toggled.connect(self._on_every)
        self.model.toggled.connect(self._on_item)

    def value(self) -> list[str]:
        return list(self._value)

    def set_value(self, value: list[str] | None) -> None:
        self._value = list(value or [])
        with QSignalBlocker(self.every):
            self.every.setChecked(not self._value)
        if not self.isVisible():
            # Listing an institute's experts and finding the quoted ones takes a while and
            # every edit of the kit asks again; a hidden list is brought up to date when it
            # is shown.
            self._stale = True
            return
        self._show_experts()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        if self._stale:
            self._show_experts()
        super().showEvent(event)

    def _show_experts(self) -> None:
        self._stale = False
        chosen = set(self._value) if self._value else set(self._quoted())
        experts = self.document.kit.experts if self.document else []
        rows = [(e.id, f"{e.name} — {e.title}" if e.title else e.name) for e in experts]
        self.model.show(rows, chosen, bool(self._value))

    def _quoted(self) -> list[str]:
        if self.document is None:
            return []
        kit = self.document.kit
        ids: dict[str, None] = {}  # in order of first quote, each once
        for section in kit.sections:
            if isinstance(section, QuotesSection):
                for quote_id in section.quotes:
                    quote = kit.quote(quote_id)
                    if quote:
                        ids.setdefault(quote.expert)
        return list(ids)

    def _on_every(self, every: bool) -> None:
        if every:
            new: list[str] = []
        else:
            everyone = [e.id for e in self.document.kit.experts] if self.document else []
            new = self._quoted() or everyone
        self.set_value(new)
        self.edited.emit(new)

    def _on_item(self, expert_id: str, checked: bool) -> None:
        if checked:
            new = [*self._value, expert_id] if expert_id not in self._value else self._value
        else:
            new = [e for e in self._value if e != expert_id]
        self._value = list(new)
        self.edited.emit(list(new))
        if not new:
            self.set_value(new)  # back to "every quoted expert"


class BiosForm(SectionForm):
    section_type = SectionType.BIOS
    refresh_on = ("experts",)

    def build(self) -> None:
        self.heading("For example “About the experts”")
        self.checklist = ExpertChecklist()
        self.add("&Experts:", "experts", self.checklist)

    def set_document(self, document: KitDocument | None) -> None:
        self.checklist.document = document
        super().set_document(document)


def all_forms() -> list[type[SectionForm]]:
    return [LeadForm, ContactForm, CalloutForm, TextForm, BiosForm, AboutForm]
