"""Editors for the kit's media contacts and related-reading resources.

Both are a table with Add/Delete and a form for the selected row (``ListEditor``). Deleting
one that a contact or callout section points to asks first and clears that reference in the
same undo step.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from presskit.gui.document.kit_models import Column, KitListModel, first_words
from presskit.gui.editors.inputs import IdCombo
from presskit.gui.editors.list_editor import ListEditor
from presskit.model.operations import new_contact, new_resource

if TYPE_CHECKING:
    from presskit.gui.document.kit_document import KitDocument


class ContactsEditor(ListEditor):
    def __init__(self, parent: QWidget | None = None) -> None:
        model = KitListModel(
            ("contacts",),
            [
                Column("Name", lambda kit, c: c.name),
                Column("Role", lambda kit, c: c.role),
                Column("E-mail", lambda kit, c: c.email),
                Column("Phone", lambda kit, c: c.phone),
            ],
        )
        super().__init__(model, "contact", parent=parent)
        self.setObjectName("contacts")
        b = self.binder
        b.bind(
            self.add_field("&Name:", "name", QLineEdit(), "Shown in contact sections as {name}"),
            "name",
        )
        b.bind(
            self.add_field("&Role:", "role", QLineEdit(), "For example “Communications Manager”"),
            "role",
        )
        b.bind(
            self.add_field("&E-mail:", "email", QLineEdit(), "Becomes a mailto: link in the PDF"),
            "email",
        )
        b.bind(self.add_field("&Phone:", "phone", QLineEdit()), "phone")

    def new_item(self) -> Any:
        assert self.document is not None
        return new_contact(self.document.kit, "New contact")


class ResourcesEditor(ListEditor):
    def __init__(self, parent: QWidget | None = None) -> None:
        model = KitListModel(
            ("resources",),
            [
                Column("Title", lambda kit, r: first_words(r.title, 60), lambda kit, r: r.title),
                Column("Author", lambda kit, r: r.author),
                Column("URL", lambda kit, r: r.url),
            ],
        )
        super().__init__(model, "resource", parent=parent)
        self.setObjectName("resources")
        b = self.binder
        b.bind(
            self.add_field("&Title:", "title", QLineEdit(), "Callouts show it as {title}, linked"),
            "title",
        )
        url = QLineEdit()
        url.setPlaceholderText("https://…")
        b.bind(
            self.add_field("&URL:", "url", url, "Only http, https and mailto links are made live"),
            "url",
        )
        b.bind(
            self.add_field("A&uthor:", "author", QLineEdit(), "Free text, shown as {author}"),
            "author",
        )
        self.expert_combo = IdCombo("experts", lambda e: e.name, "(none)")
        b.bind(
            self.add_field(
                "E&xpert:", "expert", self.expert_combo, "The kit's expert who wrote it, if any"
            ),
            "expert",
        )
        blurb = QPlainTextEdit()
        blurb.setTabChangesFocus(True)
        blurb.setFixedHeight(blurb.fontMetrics().lineSpacing() * 4 + 12)
        b.bind(self.add_field("&Blurb:", "blurb", blurb, "A sentence about the resource"), "blurb")

    def set_document(self, document: KitDocument | None) -> None:
        self.expert_combo.set_document(document)
        super().set_document(document)

    def new_item(self) -> Any:
        assert self.document is not None
        return new_resource(self.document.kit, "New resource")
