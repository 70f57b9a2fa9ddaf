"""The Brand menu: a preset applied in one undo step, the kit's brand saved as a preset,
presets edited with a live sample, imported and exported; SVG logos in the logo picker."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QMenu
from support.gui_dialogs import when_dialog

import presskit
from presskit.gui.dialogs.brand_presets import BrandPresetsDialog, BrandPrompts
from presskit.gui.editors.inputs import ImagePicker, thumbnail
from presskit.gui.window import brand_actions
from presskit.gui.window.main_window import MainWindow
from presskit.library import BrandPreset, Roster, load_roster, save_roster
from presskit.library.paths import ROSTER_ENV, brands_dir
from presskit.model import Brand, Colors, Fonts

SHIPPED = Path(presskit.resources_path() / "fonts")
SVG = ('<svg xmlns="http://www.w3.org/2000/svg" width="200" height="60">'
       '<rect width="60" height="60" fill="#1f3a5f"/></svg>')


@pytest.fixture(autouse=True)
def roster_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "team" / "roster.yaml"
    path.parent.mkdir()
    logo = tmp_path / "team" / "logo.svg"
    logo.write_text(SVG)
    font = Path(shutil.copy(SHIPPED / "DejaVuSerif.ttf", tmp_path / "team" / "House.ttf"))
    save_roster(Roster(brands=[
        BrandPreset("Responds", Brand(organisation="CNAS", short_name="CNAS Responds",
                                      logo=logo, colors=Colors(primary="#112233"),
                                      fonts=Fonts(body=font, heading=font))),
        BrandPreset("Sharper", Brand(short_name="Sharper")),
    ]), path)
    monkeypatch.setenv(ROSTER_ENV, str(path))
    return path


def answer(monkeypatch: pytest.MonkeyPatch, name: str, value: Any) -> None:
    monkeypatch.setattr(BrandPrompts, name, classmethod(lambda cls, *_a, **_k: (value, True)))


def test_the_brand_menu_sits_before_the_roster_menu(window: MainWindow) -> None:
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus.index("&Brand") == menus.index("&Roster") - 1
    brand_menu = window.findChild(QMenu, "brandMenu")
    assert [a.text() for a in brand_menu.actions() if a.text()] == [
        "&Apply Preset…", "&Save Brand as Preset…", "&Edit Presets…", "&Import Preset…",
        "E&xport Preset…"]


def test_applying_a_preset_is_one_undo_step(window: MainWindow,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    before = window.document.kit.brand
    stack = window.document.undo_stack
    count = stack.count()
    answer(monkeypatch, "choose_preset", "responds")
    assert window.library.brands.apply.isEnabled()
    window.library.brands.apply.trigger()
    brand = window.document.kit.brand
    assert (brand.short_name, brand.colors.primary) == ("CNAS Responds", "#112233")
    assert brand is not window.library.store.roster.brands[0].brand  # a copy
    assert stack.count() == count + 1
    assert "Responds" in stack.undoText()
    assert window.kit_brand.brand_form.fields["short_name"].text() == "CNAS Responds"
    stack.undo()
    assert window.document.kit.brand == before
    stack.redo()
    assert window.document.kit.brand.short_name == "CNAS Responds"


def test_saving_the_kit_brand_as_a_preset(window: MainWindow, roster_file: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    window.document.kit.brand.short_name = "Series"
    answer(monkeypatch, "preset_name", "New series")
    assert window.library.brands.save_as_preset()
    names = [b.name for b in load_roster(roster_file).roster.brands]
    assert names == ["Responds", "Sharper", "New series"]
    # The same name again: asked, and kept when the answer is no.
    answer(monkeypatch, "preset_name", "sharper")
    monkeypatch.setattr(BrandPrompts, "replace_preset",
                        classmethod(lambda cls, *_a: (False, True)))
    assert not window.library.brands.save_as_preset()
    assert load_roster(roster_file).roster.brand("Sharper").brand.short_name == "Sharper"


def test_export_then_import_in_the_app(window: MainWindow, tmp_path: Path, roster_file: Path,
                                       monkeypatch: pytest.MonkeyPatch, dialogs: Any) -> None:
    target = tmp_path / "out" / "responds.presskit-brand"
    target.parent.mkdir()
    answer(monkeypatch, "file_to_export", target)
    assert window.library.brands.export_preset("Responds")
    assert target.is_file()
    answer(monkeypatch, "file_to_import", target)
    monkeypatch.setattr(BrandPrompts, "replace_preset",
                        classmethod(lambda cls, *_a: (True, True)))
    threads: list[threading.Thread] = []
    for name in ("preset_name", "import_preset"):  # a stranger's archive: read off the GUI
        real = getattr(brand_actions, name)

        def spy(*args: Any, real: Any = real, **kwargs: Any) -> Any:
            threads.append(threading.current_thread())
            return real(*args, **kwargs)

        monkeypatch.setattr(brand_actions, name, spy)
    assert window.library.brands.import_preset()
    assert len(threads) == 2 and threading.main_thread() not in threads
    preset = load_roster(roster_file).roster.brand("Responds")
    assert preset is not None and preset.brand.logo is not None
    assert preset.brand.logo.is_relative_to(brands_dir())
    # A broken file: an error, the roster unchanged.
    broken = tmp_path / "broken.presskit-brand"
    broken.write_bytes(b"nope")
    before = roster_file.read_bytes()
    assert not window.library.brands.import_preset(broken)
    assert "could not be imported" in dialogs.asked["error"][-1][0]
    assert roster_file.read_bytes() == before


def test_the_presets_dialog_edits_with_a_live_sample(window: MainWindow, qtbot: Any,
                                                     roster_file: Path) -> None:
    def edit(dialog: BrandPresetsDialog) -> None:
        assert [dialog.list.item(i).text() for i in range(dialog.list.count())] == [
            "Responds", "Sharper"]
        qtbot.waitUntil(lambda: dialog.sample.rendered >= 1, timeout=15000)
        assert dialog.sample.pixmap() is not None and not dialog.sample.pixmap().isNull()
        assert dialog.sample.warnings == []
        first = dialog.sample.rendered
        dialog.list.setCurrentRow(1)
        dialog.form.fields["organisation"].setText("Sharper Institute")
        dialog.form.fields["organisation"].editingFinished.emit()
        qtbot.waitUntil(lambda: dialog.sample.rendered > first, timeout=15000)
        dialog.delete_preset()  # Sharper goes
        dialog.add_preset(name="Responds")  # a unique name is made
        dialog.accept()

    when_dialog(BrandPresetsDialog, edit)
    assert window.library.brands.edit_presets()
    names = [b.name for b in load_roster(roster_file).roster.brands]
    assert names == ["Responds", "Responds 2"]


def test_the_logo_picker_takes_svg_and_shows_it(qtbot: Any, tmp_path: Path) -> None:
    logo = tmp_path / "logo.svg"
    logo.write_text(SVG)
    pixmap = thumbnail(logo, QSize(96, 96))
    assert pixmap is not None and pixmap.width() == 96
    broken = tmp_path / "broken.svg"
    broken.write_text("<svg")
    assert thumbnail(broken, QSize(96, 96)) is None
    picker = ImagePicker("Logo", svg=True)
    qtbot.addWidget(picker)
    picker.set_value(logo)
    assert picker._thumb.pixmap() is not None and not picker._thumb.pixmap().isNull()
    assert "SVG" in picker._choose.toolTip() or "SVG" in picker._choose.statusTip() or \
        "SVG" in picker._choose.accessibleDescription()
