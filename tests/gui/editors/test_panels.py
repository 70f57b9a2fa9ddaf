"""The experts and kit-and-brand panels used by hand: add and delete experts, drop a headshot,
approve a quote, pick a colour, change the page size, set an embargo, delete a contact —
every change in the kit, every change undoable, and every control labelled for a screen
reader."""

from __future__ import annotations

import copy
import datetime as dt
import os
import zoneinfo
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, Qt, QUrl
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QCheckBox,
    QColorDialog,
    QComboBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTabBar,
    QWidget,
)
from support.editor_helpers import drop_on, make_image, row_point
from support.examples import CNAS_KIT
from support.svg_files import use_fan_out

from presskit.gui.document.kit_document import KitDocument
from presskit.gui.editors.experts import ExpertsPanel
from presskit.gui.editors.inputs import ImagePicker
from presskit.gui.editors.kit_brand import KitBrandPanel
from presskit.gui.sections.section_editor import SectionEditor
from presskit.model import ApprovalState, Embargo, PageSize
from presskit.storage import load_kit


@pytest.fixture
def document() -> KitDocument:
    return KitDocument(load_kit(CNAS_KIT).kit, CNAS_KIT)


def shown(qtbot, widget: QWidget, document: KitDocument) -> QWidget:  # type: ignore[no-untyped-def]
    qtbot.addWidget(widget)
    widget.set_document(document)  # type: ignore[attr-defined]
    widget.resize(1000, 760)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def experts(qtbot, document: KitDocument) -> ExpertsPanel:  # type: ignore[no-untyped-def]
    return shown(qtbot, ExpertsPanel(), document)  # type: ignore[return-value]


@pytest.fixture
def brand(qtbot, document: KitDocument) -> KitBrandPanel:  # type: ignore[no-untyped-def]
    return shown(qtbot, KitBrandPanel(), document)  # type: ignore[return-value]


def answer_question(
    monkeypatch: pytest.MonkeyPatch, button: QMessageBox.StandardButton
) -> list[str]:
    asked: list[str] = []

    def question(parent, title, text, *args):  # type: ignore[no-untyped-def]
        asked.append(text)
        return button

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    return asked


# -- experts ---------------------------------------------------------------------------------


def test_adding_an_expert_and_typing_the_name_then_undoing_both(qtbot, experts, document) -> None:
    qtbot.mouseClick(experts.experts.add_button, Qt.MouseButton.LeftButton)
    name = experts.experts.fields["name"]
    assert isinstance(name, QLineEdit) and name.hasFocus()
    qtbot.keyClicks(name, "Ada Lovelace")  # replaces the selected "New expert"

    assert [e.name for e in document.kit.experts][-1] == "Ada Lovelace"
    # The id is made from the name typed, not from the placeholder "New expert".
    assert document.kit.experts[-1].id == "ada-lovelace"
    assert experts.experts.model.index(5, 0).data() == "Ada Lovelace"
    assert experts.quotes_box.title() == "Quotes by Ada Lovelace"
    document.undo_stack.undo()
    assert document.kit.experts[-1].name == "New expert" and name.text() == "New expert"
    assert document.kit.experts[-1].id == "new-expert"
    document.undo_stack.undo()
    assert len(document.kit.experts) == 5 and experts.experts.model.rowCount() == 5


def test_an_id_stops_following_the_name_once_a_quote_uses_it(qtbot, experts, document) -> None:
    qtbot.mouseClick(experts.experts.add_button, Qt.MouseButton.LeftButton)
    name = experts.experts.fields["name"]
    qtbot.keyClicks(name, "Ada Lovelace")
    qtbot.mouseClick(experts.quotes.add_button, Qt.MouseButton.LeftButton)
    assert document.kit.quotes[-1].expert == "ada-lovelace"
    assert document.kit.quotes[-1].id == "ada-quote"

    name.setFocus()
    name.end(False)
    qtbot.keyClicks(name, " King")

    assert document.kit.experts[-1].name == "Ada Lovelace King"
    assert document.kit.experts[-1].id == "ada-lovelace"  # the quote still finds her


def test_a_new_contact_and_resource_get_ids_from_what_is_typed(qtbot, brand, document) -> None:
    contacts, resources = brand.contacts, brand.resources
    qtbot.mouseClick(contacts.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(contacts.fields["name"], "Maria Ødegård")
    qtbot.mouseClick(resources.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(resources.fields["title"], "Sanctions by the Numbers: 2026 Edition")
    assert document.kit.contacts[-1].id == "maria-odegard"
    assert document.kit.resources[-1].id == "sanctions-by-the-numbers"  # kept short


def test_deleting_an_expert_with_quotes_asks_and_removes_everything_in_one_undo_step(
    qtbot, experts, document, monkeypatch
) -> None:
    before = copy.deepcopy(document.kit)
    asked = answer_question(monkeypatch, QMessageBox.StandardButton.Yes)
    experts.select(("experts", 1))  # Elizabeth Rosenberg

    qtbot.mouseClick(experts.experts.delete_button, Qt.MouseButton.LeftButton)

    assert "1 quote by Elizabeth Rosenberg" in asked[0] and "“Expert quotes”" in asked[0]
    assert document.kit.expert("elizabeth-rosenberg") is None
    assert document.kit.quote("rosenberg-inducements") is None
    assert "rosenberg-inducements" not in document.kit.sections[3].quotes
    assert experts.experts.model.rowCount() == 4
    document.undo_stack.undo()
    assert document.kit == before


def test_cancelling_the_delete_question_changes_nothing(
    qtbot, experts, document, monkeypatch
) -> None:
    answer_question(monkeypatch, QMessageBox.StandardButton.Cancel)
    experts.select(("experts", 0))
    experts.experts.view.setFocus()
    qtbot.keyClick(experts.experts.view, Qt.Key.Key_Delete)
    assert len(document.kit.experts) == 5 and document.undo_stack.count() == 0


def test_dropping_an_image_file_on_an_experts_row_sets_the_headshot(
    qtbot, experts, document, tmp_path
) -> None:
    photo = make_image(tmp_path / "lee.jpg")
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(photo))])

    view = experts.experts.view
    accepted = drop_on(view, data, row_point(view, 2), Qt.DropAction.CopyAction)

    assert accepted
    assert document.kit.experts[2].photo == photo.resolve()
    assert experts.experts.model.index(2, 4).data() == "Yes"
    document.undo_stack.undo()
    assert document.kit.experts[2].photo is None


def test_dropping_an_image_on_the_photo_preview_and_choosing_one_by_dialog(
    qtbot, experts, document, tmp_path, monkeypatch
) -> None:
    experts.select(("experts", 0))
    picker = experts.experts.photo
    dropped = make_image(tmp_path / "kim.png")
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(dropped))])
    assert drop_on(picker, data, picker.rect().center(), Qt.DropAction.CopyAction)
    assert document.kit.experts[0].photo == dropped.resolve()
    assert picker._thumb.pixmap() is not None and not picker._thumb.pixmap().isNull()

    chosen = make_image(tmp_path / "kim-2.jpg", "#993333")
    monkeypatch.setattr(
        "presskit.gui.editors.inputs.QFileDialog.getOpenFileName", lambda *a, **k: (str(chosen), "")
    )
    qtbot.mouseClick(picker._choose, Qt.MouseButton.LeftButton)
    assert document.kit.experts[0].photo == chosen.resolve()
    not_an_image = QMimeData()
    not_an_image.setUrls([QUrl.fromLocalFile(str(tmp_path / "notes.txt"))])
    assert not drop_on(picker, not_an_image, picker.rect().center(), Qt.DropAction.CopyAction)
    assert document.undo_stack.count() == 2


def test_changing_a_quotes_approval_state_by_keyboard_and_undo(qtbot, experts, document) -> None:
    experts.select(("quotes", 2, "approval", "state"))  # Kristine Lee's quote
    state = experts.quotes.fields["approval.state"]
    assert isinstance(state, QComboBox) and state.currentText() == "Approved"

    qtbot.keyClick(state, Qt.Key.Key_Up)

    assert document.kit.quotes[2].approval.state is ApprovalState.PENDING
    assert experts.quotes.view.model().index(0, 3).data() == "Pending"
    document.undo_stack.undo()
    assert document.kit.quotes[2].approval.state is ApprovalState.APPROVED
    assert state.currentText() == "Approved"


def test_adding_a_quote_to_the_selected_expert_and_typing_it(qtbot, experts, document) -> None:
    experts.select(("experts", 3))  # Van Jackson
    qtbot.mouseClick(experts.quotes.add_button, Qt.MouseButton.LeftButton)
    text = experts.quotes.fields["text"]
    assert isinstance(text, QPlainTextEdit)
    qtbot.keyClicks(text, "Talks need working-level groundwork.")
    new = document.kit.quotes[4]  # right after his existing quote
    assert (new.expert, new.text) == ("van-jackson", "Talks need working-level groundwork.")
    assert experts.quotes.view.model().rowCount() == 2
    document.undo_stack.undo()
    document.undo_stack.undo()
    assert len(document.kit.quotes) == 5 and experts.quotes.view.model().rowCount() == 1


def test_topics_are_typed_comma_separated(qtbot, experts, document) -> None:
    experts.select(("experts", 4, "topics"))
    topics = experts.experts.fields["topics"]
    assert isinstance(topics, QLineEdit)
    topics.selectAll()
    qtbot.keyClicks(topics, "sanctions,  export controls ,")
    qtbot.keyClick(topics, Qt.Key.Key_Return)
    assert document.kit.experts[4].topics == ["sanctions", "export controls"]
    assert document.undo_stack.count() == 1


# -- kit and brand ---------------------------------------------------------------------------


def test_picking_a_colour_from_the_colour_dialog(qtbot, brand, document, monkeypatch) -> None:
    monkeypatch.setattr(QColorDialog, "getColor", staticmethod(lambda *a, **k: QColor("#2a9d8f")))
    button = brand.brand_form.colors["primary"]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert document.kit.brand.colors.primary == "#2A9D8F" and button.text() == "#2A9D8F"
    document.undo_stack.undo()
    assert document.kit.brand.colors.primary == "#1F3A5F" and button.text() == "#1F3A5F"


def test_changing_the_page_size_and_a_margin(qtbot, brand, document) -> None:
    page = brand.brand_form.fields["page_size"]
    brand.select(("brand", "page_size"))
    qtbot.keyClick(page, Qt.Key.Key_Down)
    assert document.kit.brand.page_size is PageSize.A4

    top = brand.brand_form.margins["top"]
    top.selectAll()
    qtbot.keyClicks(top, "25")
    qtbot.keyClick(top, Qt.Key.Key_Return)
    assert document.kit.brand.margins.top == 25.0
    assert document.undo_stack.count() == 2  # one step for the typed number, not one per digit
    document.undo_stack.undo()
    document.undo_stack.undo()
    assert document.kit.brand.page_size is PageSize.LETTER and top.value() == 20.0


def test_the_embargo_offers_every_time_zone_by_its_name(brand) -> None:
    zone = brand.kit_form.embargo.zone
    offered = [zone.itemText(i) for i in range(zone.count())]
    assert offered == sorted(offered) and len(offered) > 400
    assert {"UTC", "Asia/Seoul", "America/New_York", "Europe/Berlin"} <= set(offered)
    assert "localtime" not in offered  # the machine's own setting, not a zone to pick
    assert all(zoneinfo.ZoneInfo(name) for name in offered)


def test_setting_an_embargo_with_a_time_zone(qtbot, brand, document) -> None:
    embargo = brand.kit_form.embargo
    qtbot.keyClick(embargo.check, Qt.Key.Key_Space)
    assert document.kit.embargo is not None
    assert document.kit.embargo.until == dt.datetime(2019, 9, 20, 9, 0)  # the kit's date, 9:00

    zone = embargo.zone.lineEdit()
    zone.selectAll()
    qtbot.keyClicks(zone, "America/New_York")
    qtbot.keyClick(zone, Qt.Key.Key_Return)
    assert document.kit.embargo == Embargo(dt.datetime(2019, 9, 20, 9, 0), "America/New_York")

    zone.selectAll()
    qtbot.keyClicks(zone, "Mars/Olympus_Mons")  # not a zone: ignored, the old one shown again
    qtbot.keyClick(zone, Qt.Key.Key_Return)
    assert document.kit.embargo.zone == "America/New_York"
    assert embargo.zone.currentText() == "America/New_York"

    document.undo_stack.undo()
    document.undo_stack.undo()
    assert document.kit.embargo is None and not embargo.check.isChecked()


def test_choosing_the_kits_language_by_name_or_typing_its_tag(qtbot, brand, document) -> None:
    language = brand.kit_form.fields["language"]
    assert document.kit.language == "en" and language.currentText() == "English — en"
    language.activated.emit(language.findData("de"))  # picked from the list
    assert document.kit.language == "de"

    text = language.lineEdit()
    typed_tags = (("french", "fr"), ("de-AT", "de-AT"), ("Chinese (Traditional Han)", "zh-Hant"))
    for typed, tag in typed_tags:
        text.selectAll()
        qtbot.keyClicks(text, typed)
        qtbot.keyClick(text, Qt.Key.Key_Return)
        assert document.kit.language == tag
    assert language.currentText() == "Chinese (Traditional Han) — zh-Hant"
    assert document.undo_stack.undoText() == "Edit language"

    text.selectAll()
    qtbot.keyClicks(text, "Klingon")  # no language tag: ignored, the one in force shown again
    qtbot.keyClick(text, Qt.Key.Key_Return)
    assert document.kit.language == "zh-Hant"

    for _ in range(4):
        document.undo_stack.undo()
    assert document.kit.language == "en" and language.currentText() == "English — en"


def test_clearing_the_date_and_typing_the_headline(qtbot, brand, document) -> None:
    date = brand.kit_form.fields["date"]
    qtbot.keyClick(date._check, Qt.Key.Key_Space)  # type: ignore[attr-defined]
    assert document.kit.date is None
    document.undo_stack.undo()
    assert document.kit.date == dt.date(2019, 9, 20)

    title = brand.kit_form.fields["title"]
    qtbot.keyClicks(title, "!")
    assert document.kit.title.endswith("Talks!")
    assert document.undo_stack.undoText() == "Edit headline"  # what Edit ▸ Undo will say


def test_deleting_a_contact_used_by_sections_clears_them_and_undo_restores(
    qtbot, brand, document, monkeypatch
) -> None:
    asked = answer_question(monkeypatch, QMessageBox.StandardButton.Yes)
    brand.select(("contacts", 0, "name"))
    assert brand.tabs.currentWidget() is brand.contacts
    qtbot.mouseClick(brand.contacts.delete_button, Qt.MouseButton.LeftButton)
    assert "Media contact" in asked[0]
    assert document.kit.contacts == []
    assert document.kit.sections[1].contact == "" and document.kit.sections[5].contact == ""
    document.undo_stack.undo()
    assert document.kit.sections[1].contact == "cole-stevens" and len(document.kit.contacts) == 1


def test_adding_a_resource_and_choosing_its_expert(qtbot, brand, document) -> None:
    brand.tabs.setCurrentWidget(brand.resources)
    qtbot.mouseClick(brand.resources.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(brand.resources.fields["title"], "Sanctions reading list")
    combo = brand.resources.expert_combo
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    resource = document.kit.resources[-1]
    assert (resource.title, resource.expert) == ("Sanctions reading list", "duyeon-kim")


# -- all panels ------------------------------------------------------------------------------


def controls(root: QWidget) -> list[QWidget]:
    """The widgets a user tabs to or clicks, not the parts Qt builds inside them."""
    kinds = (
        QLineEdit,
        QPlainTextEdit,
        QAbstractButton,
        QComboBox,
        QAbstractSpinBox,
        QAbstractItemView,
    )
    internal = (QComboBox, QAbstractSpinBox, QTabBar, QAbstractItemView)  # their own parts
    return [
        w
        for w in root.findChildren(QWidget)
        if isinstance(w, kinds)
        and not isinstance(w.parentWidget(), internal)
        and w.window() is root.window()  # not a combo's or completer's popup list
    ]


@pytest.mark.parametrize("panel", [SectionEditor, ExpertsPanel, KitBrandPanel])
def test_every_control_has_an_accessible_name(qtbot, document, panel) -> None:  # type: ignore[no-untyped-def]
    widget = shown(qtbot, panel(), document)
    unnamed = [
        f"{type(w).__name__} {w.objectName()!r} {getattr(w, 'text', lambda: '')()!r}"
        for w in controls(widget)
        if not w.accessibleName()
    ]
    assert unnamed == []


def test_a_missing_headshot_file_is_reported_not_fatal(qtbot, experts, document, tmp_path) -> None:
    document.kit.experts[0].photo = Path(tmp_path / "gone.jpg")  # as loaded from a file
    experts.set_document(document)
    experts.select(("experts", 0))
    assert experts.experts.model.index(0, 4).data() == "Missing file"
    assert "Missing" in experts.experts.photo._thumb.text()


def test_headshot_shape_and_curly_quotes_are_chosen_in_the_brand(qtbot, brand, document) -> None:
    form = brand.brand_form
    shape = form.fields["headshots"]
    brand.select(("brand", "headshots"))
    qtbot.keyClick(shape, Qt.Key.Key_Down)
    assert document.kit.brand.headshots.value == "circle"
    smart = form.fields["typography.smart_quotes"]
    brand.select(("brand", "typography", "smart_quotes"))
    smart.setFocus()
    qtbot.keyClick(smart, Qt.Key.Key_Space)
    assert document.kit.brand.typography.smart_quotes is False
    document.undo_stack.undo()
    assert document.kit.brand.typography.smart_quotes is True
    document.undo_stack.undo()
    assert document.kit.brand.headshots.value == "square"


def test_a_brands_bold_face_file_is_chosen_in_the_app(
    qtbot, brand, document, tmp_path, monkeypatch
) -> None:
    from presskit.gui.editors.inputs import FaceCombo

    bold = brand.brand_form.fonts["body_bold"]
    assert isinstance(bold, FaceCombo) and bold.value() is None
    face = tmp_path / "House-Bold.ttf"
    face.write_bytes(b"not really a font; the renderer's fallback is tested elsewhere")
    monkeypatch.setattr(
        "presskit.gui.editors.inputs.QFileDialog.getOpenFileName", lambda *a, **k: (str(face), ""))
    brand.select(("brand", "fonts", "body_bold"))
    bold.setFocus()
    qtbot.keyClick(bold, Qt.Key.Key_Down)  # past the separator to "Choose TTF file…"
    assert document.kit.brand.fonts.body_bold == face.resolve()
    assert "House-Bold.ttf" in bold.currentText()
    qtbot.keyClick(bold, Qt.Key.Key_Up)  # back to "From the family"
    assert document.kit.brand.fonts.body_bold is None
    document.undo_stack.undo()
    assert document.kit.brand.fonts.body_bold == face.resolve()
    assert bold.value() == face.resolve()


def test_a_name_and_topics_longer_than_qt_s_default_line_limit_are_never_cut(qtbot) -> None:
    # Qt's line edit holds 32,767 characters unless told otherwise, and cut the rest silently:
    # tabbing through a 3,000-topic field saved 2,731 topics (issue 15).
    kit = load_kit(CNAS_KIT).kit
    topics = [f"topic{i:05d}" for i in range(3_000)]
    kit.experts[0].name = "N" * 40_000
    kit.experts[0].topics = topics
    document = KitDocument(kit, CNAS_KIT)
    experts = shown(qtbot, ExpertsPanel(), document)
    experts.select(("experts", 0, "topics"))
    name, topic_field = experts.experts.fields["name"], experts.experts.fields["topics"]
    assert len(name.text()) == 40_000
    topic_field.setFocus()
    qtbot.keyClick(topic_field, Qt.Key.Key_Tab)  # merely tabbing through: editingFinished
    assert document.kit.experts[0].topics == topics
    name.setFocus()
    qtbot.keyClick(name, Qt.Key.Key_End)
    qtbot.keyClick(name, Qt.Key.Key_Backspace)
    assert document.kit.experts[0].name == "N" * 39_999
    assert document.kit.experts[0].topics == topics


def brand_panel_with_logo(qtbot, logo: Path) -> tuple[KitBrandPanel, KitDocument]:  # type: ignore[no-untyped-def]
    kit = load_kit(CNAS_KIT).kit
    kit.brand.logo = logo
    document = KitDocument(kit, CNAS_KIT)
    return shown(qtbot, KitBrandPanel(), document), document  # type: ignore[return-value]


def test_an_svg_logo_repeating_itself_through_use_is_not_drawn_only_named(
    qtbot, tmp_path, monkeypatch
) -> None:
    # 4 kB that draw 10 million triangles: QtSvg drew them for a minute on the GUI thread, and
    # again at every edit (issue 15). Now the engine's limits refuse it before QtSvg sees it.
    from PySide6 import QtSvg

    made: list[object] = []
    real = QtSvg.QSvgRenderer
    monkeypatch.setattr(QtSvg, "QSvgRenderer", lambda *a: made.append(a) or real(*a))
    logo = tmp_path / "logo.svg"
    logo.write_text(use_fan_out(7, 10), encoding="utf-8")
    brand, document = brand_panel_with_logo(qtbot, logo)
    picker = brand.findChild(ImagePicker)
    label = next(w for w in picker.findChildren(QLabel) if w.accessibleName() == "Logo preview")
    assert label.text() == "Not previewed"
    assert "more than 100,000 elements" in label.toolTip()
    assert made == []


def test_an_unchanged_logo_is_drawn_once_however_often_the_form_is_loaded(
    qtbot, tmp_path, monkeypatch
) -> None:
    from presskit.gui.editors import inputs

    drawn: list[Path] = []
    real = inputs.draw_thumbnail
    monkeypatch.setattr(inputs, "draw_thumbnail", lambda p, box: drawn.append(p) or real(p, box))
    logo = tmp_path / "logo.svg"
    logo.write_text(use_fan_out(2, 10), encoding="utf-8")
    brand, document = brand_panel_with_logo(qtbot, logo)
    picker = brand.findChild(ImagePicker)
    assert picker._thumb.pixmap() is not None and not picker._thumb.pixmap().isNull()
    for _ in range(5):  # every edit loads every field again
        brand.set_document(document)
    assert drawn == [logo]
    logo.write_text(use_fan_out(2, 9), encoding="utf-8")  # a new version is drawn anew
    os.utime(logo, ns=(logo.stat().st_atime_ns, logo.stat().st_mtime_ns + 10**9))
    brand.set_document(document)
    assert drawn == [logo, logo]


def test_a_name_too_long_to_edit_is_shown_cut_read_only_and_never_written_back(qtbot) -> None:
    kit = load_kit(CNAS_KIT).kit
    kit.experts[0].name = "N" * 150_000
    document = KitDocument(kit, CNAS_KIT)
    experts = shown(qtbot, ExpertsPanel(), document)
    experts.select(("experts", 0, "name"))
    name = experts.experts.fields["name"]
    assert name.isReadOnly() and "150,000 characters long" in name.toolTip()
    name.setFocus()
    qtbot.keyClick(name, Qt.Key.Key_End)
    qtbot.keyClick(name, Qt.Key.Key_Backspace)
    qtbot.keyClick(name, Qt.Key.Key_Tab)
    assert document.kit.experts[0].name == "N" * 150_000
    assert document.undo_stack.count() == 0
    experts.select(("experts", 1, "name"))  # a name of usual length is editable again
    assert not name.isReadOnly() and name.text() == document.kit.experts[1].name


def test_the_expert_form_says_whether_the_program_is_printed(
    qtbot, experts, brand, document
) -> None:
    form = experts.experts
    form.select_row(0)  # Duyeon Kim: "… for Asia-Pacific Security", program Asia-Pacific Security
    assert "title names the program" in form.affiliation.text()
    program = form.fields["program"]
    program.setFocus()
    program.selectAll()
    qtbot.keyClicks(program, "Korea Program")
    assert form.affiliation.text() == (
        "Printed under the name: “Adjunct Senior Fellow for Asia-Pacific Security · "
        "Korea Program”")

    box = brand.brand_form.fields["show_program"]
    assert isinstance(box, QCheckBox) and box.isChecked()
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)

    assert document.kit.brand.show_program is False
    assert "brand leaves programs out" in form.affiliation.text()
    document.undo_stack.undo()
    assert "Korea Program" in form.affiliation.text()
