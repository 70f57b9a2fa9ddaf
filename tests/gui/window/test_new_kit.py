"""A press officer's first kit, from File ▸ New: it starts in the house's default brand, its
empty forms show nothing left over from the kit before, new contacts and resources are named by
typing over the placeholder, a date starts from today, and names typed into an empty table are
not cut to three letters."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLineEdit, QPlainTextEdit

import presskit.gui.document.kit_document as kit_document
from presskit.gui.document.kit_document import default_brand
from presskit.gui.window.main_window import MainWindow
from presskit.library import parse_advisory
from presskit.model import PageSize, Status


def line(widget: Any) -> QLineEdit:
    assert isinstance(widget, QLineEdit)
    return widget


def test_file_new_starts_from_the_default_brand_file_the_house_ships(
    cnas_window: MainWindow, tmp_path: Path, monkeypatch: Any
) -> None:
    resources = tmp_path / "resources"
    (resources / "brand").mkdir(parents=True)
    (resources / "brand" / "default.yaml").write_text(
        "organisation: Institute for Water Security\n"
        "colors:\n  primary: '#0B6E4F'\n"
        "page_size: a4\n"
        "footer: 10 Reservoir Road\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(kit_document, "resources_path", lambda: resources)
    cnas_window.actions_.new.trigger()
    brand = cnas_window.document.kit.brand
    assert (brand.organisation, brand.colors.primary) == ("Institute for Water Security",
                                                          "#0B6E4F")
    assert (brand.page_size, brand.footer) == (PageSize.A4, "10 Reservoir Road")
    form = cnas_window.kit_brand.brand_form
    assert line(form.fields["organisation"]).text() == "Institute for Water Security"
    assert form.colors["primary"].value() == "#0B6E4F"


def test_after_file_new_no_form_shows_the_previous_kits_expert_quote_contact_or_resource(
    cnas_window: MainWindow,
) -> None:
    experts, kit_brand = cnas_window.experts, cnas_window.kit_brand
    assert line(experts.experts.fields["name"]).text() == "Duyeon Kim"
    cnas_window.actions_.new.trigger()
    name = line(experts.experts.fields["name"])
    assert (name.text(), name.isEnabled()) == ("", False)
    quote = experts.quotes.fields["text"]
    assert isinstance(quote, QPlainTextEdit) and quote.toPlainText() == ""
    assert line(kit_brand.contacts.fields["name"]).text() == ""
    assert line(kit_brand.resources.fields["title"]).text() == ""
    assert line(kit_brand.resources.fields["url"]).text() == ""


def test_an_expert_without_quotes_shows_an_empty_quote_form(
    qtbot: Any, cnas_window: MainWindow
) -> None:
    experts = cnas_window.experts
    assert experts.quotes.current is not None  # the first expert's first quote is shown
    qtbot.mouseClick(experts.experts.add_button, Qt.MouseButton.LeftButton)
    quote = experts.quotes.fields["text"]
    assert isinstance(quote, QPlainTextEdit)
    assert (quote.toPlainText(), quote.isEnabled()) == ("", False)


def test_adding_a_contact_or_resource_and_typing_names_it(
    qtbot: Any, cnas_window: MainWindow
) -> None:
    kit_brand = cnas_window.kit_brand
    for editor, field, typed in (
        (kit_brand.contacts, "name", "Maya Chen"),
        (kit_brand.resources, "title", "Drought Rationing: A Field Guide"),
    ):
        kit_brand.tabs.setCurrentWidget(editor)
        qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
        qtbot.keyClicks(editor.fields[field], typed)
        assert getattr(editor.current, field) == typed


def test_ticking_a_new_quotes_date_starts_from_today_not_an_earlier_quotes_date(
    qtbot: Any, cnas_window: MainWindow
) -> None:
    experts = cnas_window.experts
    assert experts.quotes.current.date == dt.date(2019, 9, 19)  # shown before File ▸ New
    cnas_window.actions_.new.trigger()
    qtbot.mouseClick(experts.experts.add_button, Qt.MouseButton.LeftButton)
    tabs = experts.sides.tabs  # the panel is narrow: the expert's form and quotes are tabs
    qtbot.mouseClick(tabs.tabBar(), Qt.MouseButton.LeftButton,
                     pos=tabs.tabBar().tabRect(tabs.indexOf(experts.quotes_box)).center())
    qtbot.mouseClick(experts.quotes.add_button, Qt.MouseButton.LeftButton)
    tick = experts.quotes.fields["date"].findChild(QCheckBox)
    assert tick is not None
    qtbot.mouseClick(tick, Qt.MouseButton.LeftButton)
    assert cnas_window.document.kit.quotes[0].date == dt.date.today()


def test_names_typed_into_a_new_kits_expert_table_show_in_full(
    qtbot: Any, window: MainWindow
) -> None:
    editor = window.experts.experts
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(editor.fields["name"], "Elizabeth Rosenberg-Okafor")
    view = editor.view
    assert view.horizontalHeader().sectionSize(0) >= view.sizeHintForColumn(0)


def test_file_new_and_new_kit_from_text_start_alike_draft_in_the_house_brand(
    cnas_window: MainWindow,
) -> None:
    choices = cnas_window.library.brand_choices()
    assert choices[0][0] == "presskit's default"  # no roster preset: the house default first
    cnas_window.actions_.new.trigger()
    new = cnas_window.document.kit
    from_text = parse_advisory("Headline\n\nThe lead.", brand=choices[0][1]).kit
    assert new.status is from_text.status is Status.DRAFT
    assert new.brand == from_text.brand == default_brand()
