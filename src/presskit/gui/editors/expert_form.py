"""The table of the kit's experts and the form for the selected one.

Besides the usual Add/Delete, an image file dropped on an expert's row (or on the photo
preview in the form) becomes that expert's headshot; the model stores it as an absolute
path and storage writes it relative to the project file. Deleting an expert who has quotes
asks first and removes the quotes and their places in sections in one undo step
(``deletions``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QMimeData, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QPlainTextEdit, QWidget

from presskit.gui.document.commands import SetValue
from presskit.gui.document.kit_models import Column, KitListModel
from presskit.gui.editors.inputs import ImagePicker, image_file
from presskit.gui.editors.list_editor import ListEditor
from presskit.model import Expert, Kit
from presskit.model.operations import new_expert

if TYPE_CHECKING:
    pass

AnyIndex = QModelIndex | QPersistentModelIndex


def photo_status(kit: Kit, expert: Expert) -> str:
    if expert.photo is None:
        return "—"
    return "Yes" if expert.photo.is_file() else "Missing file"


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
            ],
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

    def _start_dir(self) -> str:
        path = self.document.path if self.document else None
        return str(path.parent) if path else ""

    def new_item(self) -> Any:
        assert self.document is not None
        return new_expert(self.document.kit, "New expert")
