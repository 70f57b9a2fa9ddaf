"""A section editor on the CNAS example, shared by the section tests."""

from __future__ import annotations

import pytest
from support.examples import CNAS_KIT

from presskit.gui.document.kit_document import KitDocument
from presskit.gui.sections.section_editor import SectionEditor
from presskit.storage import load_kit


@pytest.fixture
def document() -> KitDocument:
    return KitDocument(load_kit(CNAS_KIT).kit, CNAS_KIT)


@pytest.fixture
def editor(qtbot, document: KitDocument) -> SectionEditor:  # type: ignore[no-untyped-def]
    widget = SectionEditor()
    qtbot.addWidget(widget)
    widget.set_document(document)
    widget.resize(800, 600)
    widget.show()
    qtbot.waitExposed(widget)
    return widget
