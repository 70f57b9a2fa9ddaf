"""The table of the kit's experts and the form for the selected one.

Besides the usual Add/Delete, an image file dropped on an expert's row (or on the photo
preview in the form) becomes that expert's headshot; the model stores it as an absolute
path and storage writes it relative to the project file. Deleting an expert who has quotes
asks first and removes the quotes and their places in sections in one undo step
(``deletions``).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QMimeData, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel, QLineEdit, QPlainTextEdit, QWidget

from presskit.gui.document.commands import SetValue
from presskit.gui.document.kit_models import Column, KitListModel
from presskit.gui.editors.inputs import ImagePicker, image_file
from presskit.gui.editors.list_editor import ListEditor
from presskit.gui.widgets.shown import shown
from presskit.model import Expert, Kit
from presskit.model.operations import new_expert
from presskit.model.requests import Unanswered, unanswered
from presskit.model.wording import affiliation

if TYPE_CHECKING:
    from presskit.gui.document.kit_document import KitDocument

AnyIndex = QModelIndex | QPersistentModelIndex


def photo_status(kit: Kit, expert: Expert) -> str:
    if expert.photo is None:
        return "—"
    return "Yes" if expert.photo.is_file() else "Missing file"


def _waiting(kit: Kit, expert: Expert) -> list[Unanswered]:
    today = dt.date.today()
    found = (unanswered(kit, i, today) for i, q in enumerate(kit.quotes)
             if q.expert == expert.id and q.request is not None)
    return [w for w in found if w is not None]


def request_status(kit: Kit, expert: Expert) -> str:
    """``Waiting since 3 Dec`` (``, overdue`` past the deadline) while a request for a quote
    is not answered; empty otherwise."""
    waiting = _waiting(kit, expert)
    if not waiting:
        return ""
    first = min(waiting, key=lambda w: w.request.asked)
    return first.waiting + (", overdue" if any(w.overdue for w in waiting) else "")


def request_tooltip(kit: Kit, expert: Expert) -> str:
    return "\n".join(w.sentence for w in _waiting(kit, expert)) or "No request waiting"


class ExpertsModel(KitListModel):
    """The experts table; accepts image files dropped onto a row as that expert's photo."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(
            ("experts",),
            [
                Column("Name", lambda kit, e: e.name),
                Column("Title", lambda kit, e: e.title, lambda kit, e: e.title),
                Column("Program", lambda kit, e: e.program),
                Column("E-mail", lambda kit, e: e.email),
                Column("Photo", photo_status, lambda kit, e: str(e.photo or "No headshot")),
                Column("Requests", request_status, request_tooltip),
            ],
            # A quote answered, asked for or deleted changes the Requests column.
            depends_on=("quotes",),
            parent=parent,
        )

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags  # drops land on an expert, not between rows
        return super().flags(index) | Qt.ItemFlag.ItemIsDropEnabled

    def mimeTypes(self) -> list[str]:  # noqa: N802 - Qt override
        return ["text/uri-list"]

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802 - Qt override
        # File managers offer copy or link; the file itself is never moved.
        return Qt.DropAction.CopyAction | Qt.DropAction.LinkAction | Qt.DropAction.MoveAction

    def _target(self, row: int, parent: AnyIndex) -> int | None:
        target = parent.row() if parent.isValid() else row
        return target if 0 <= target < self.rowCount() else None

    def canDropMimeData(  # noqa: N802 - Qt override
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex
    ) -> bool:
        return self._target(row, parent) is not None and image_file(data.urls()) is not None

    def dropMimeData(  # noqa: N802 - Qt override
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex
    ) -> bool:
        target = self._target(row, parent)
        path = image_file(data.urls())
        if target is None or path is None or self.document is None:
            return False
        self.document.push(
            SetValue(self.document, ("experts", target, "photo"), path.resolve(), "Set headshot")
        )
        return True


def topics_text(topics: list[str] | None) -> str:
    return ", ".join(topics or [])


def topics_list(text: str) -> list[str]:
    return [topic.strip() for topic in text.split(",") if topic.strip()]


class ExpertsEditor(ListEditor):
    """See the module docstring."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(ExpertsModel(), "expert", parent=parent, stretch_column=1)
        self.setObjectName("expertsEditor")
        view = self.view
        view.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        view.setDragDropOverwriteMode(True)  # a drop lands *on* a row, never between two
        view.setDropIndicatorShown(True)
        view.setToolTip("Select an expert to edit; drop an image file on a row to set the headshot")
        b = self.binder
        b.bind(
            self.add_field("&Name:", "name", QLineEdit(), "As printed, without honorific"), "name"
        )
        b.bind(
            self.add_field("Hon&orific:", "honorific", QLineEdit(), "Optional, e.g. “Dr.”"),
            "honorific",
        )
        b.bind(
            self.add_field("&Pronouns:", "pronouns", QLineEdit(), "Optional, e.g. “she/her”"),
            "pronouns",
        )
        b.bind(
            self.add_field("&Title:", "title", QLineEdit(), "Printed in italic under the name"),
            "title",
        )
        b.bind(self.add_field("Pro&gram:", "program", QLineEdit()), "program")
        # What the kit prints from title and program, so the form says whether the program
        # shows (the brand may leave programs out; a title may name it already).
        self.affiliation = QLabel()
        self.affiliation.setObjectName("printedAffiliation")
        self.affiliation.setWordWrap(True)
        self.affiliation.setEnabled(False)  # drawn muted: a note, not a field
        self.form.addRow("", self.affiliation)
        b.bind(self.add_field("&E-mail:", "email", QLineEdit()), "email")
        b.bind(self.add_field("P&hone:", "phone", QLineEdit()), "phone")
        topics = QLineEdit()
        topics.setPlaceholderText("North Korea, sanctions, …")
        b.bind(
            self.add_field(
                "Top&ics:", "topics", topics, "Comma-separated; the quote picker searches them"
            ),
            "topics",
            to_widget=topics_text,
            to_model=topics_list,
            on_finish=True,
        )
        bio = QPlainTextEdit()
        bio.setTabChangesFocus(True)
        bio.setMinimumHeight(bio.fontMetrics().lineSpacing() * 4)
        b.bind(self.add_field("&Bio:", "bio", bio, "A short biography for bios sections"), "bio")
        self.photo = ImagePicker("Headshot", self._start_dir)
        b.bind(
            self.add_field("Head&shot:", "photo", self.photo, "Choose a file or drop one here"),
            "photo",
        )

    def set_document(self, document: KitDocument | None) -> None:
        if self.document is not None:
            self.document.value_changed.disconnect(self._show_affiliation)
        super().set_document(document)
        if document is not None:
            document.value_changed.connect(self._show_affiliation)
        self._show_affiliation()

    def _set_current(self, item: Any) -> None:
        super()._set_current(item)
        self._show_affiliation()

    def _show_affiliation(self, *_where: Any) -> None:
        expert = self.current
        if self.document is None or expert is None:
            self.affiliation.clear()
            return
        program = expert.program.strip()
        printed = affiliation(expert, self.document.kit.brand)
        if not program:
            note = f"Printed under the name: “{printed}”" if printed else ""
        elif not self.document.kit.brand.show_program:
            note = "The program is not printed: the brand leaves programs out (Brand tab)."
        elif printed == expert.title.strip():
            note = f"Printed under the name: “{printed}” (the title names the program)"
        else:
            note = f"Printed under the name: “{printed}”"
        self.affiliation.setText(shown(note, 300))

    def _start_dir(self) -> str:
        path = self.document.path if self.document else None
        return str(path.parent) if path else ""

    def new_item(self) -> Any:
        assert self.document is not None
        return new_expert(self.document.kit, "New expert")
