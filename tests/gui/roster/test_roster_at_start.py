"""At the app's start the shared roster is read after the window is up, not before it: a
press office's roster of thousands of experts takes a second or two to read. Until it is in,
the Roster dock says so; whatever needs the roster meanwhile gets all of it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from support.examples import NORTHBRIDGE_KIT

from presskit.gui.roster import store as store_module
from presskit.gui.window import main_window
from presskit.gui.window.main_window import MainWindow
from presskit.library import load_roster
from presskit.library.roster import BrandPreset, Roster
from presskit.library.roster_file import LoadedRoster, modify_roster
from presskit.model import Brand


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every reading of a roster file by the app, in order."""
    done: list[Path] = []

    def counted(path: Path) -> Any:
        done.append(path)
        return load_roster(path)

    monkeypatch.setattr(store_module, "load_roster", counted)
    return done


def test_the_roster_is_read_after_the_first_preview_not_before_the_window(
    qtbot: Any, make_window: Any, reads: list[Path], roster_file: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(main_window, "ROSTER_AT_THE_LATEST_MS", 3_600_000)  # the preview first
    window: MainWindow = make_window(kit_follows=True)
    panel = window.library.panel
    assert reads == [] and window.library.store.loading
    assert panel.notice.isVisible() and panel.notice.text() == "Reading the roster…"
    assert not window.library.export_csv.isEnabled()

    assert window.open_project(NORTHBRIDGE_KIT)
    assert reads == []
    with qtbot.waitSignal(window.library.store.changed, timeout=30_000):
        window.preview.rendered.emit(3)  # the kit's first preview is on screen
    assert reads == [roster_file.absolute()]
    assert panel.count_label.text() == "12 experts" and not panel.notice.isVisible()
    assert window.library.export_csv.isEnabled()


def test_with_no_preview_the_roster_is_read_soon_after_the_window_all_the_same(
    qtbot: Any, make_window: Any, reads: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(main_window, "ROSTER_AT_THE_LATEST_MS", 0)
    window: MainWindow = make_window(kit_follows=True)
    with qtbot.waitSignal(window.library.store.changed, timeout=30_000):
        pass  # no kit opened, no preview painted
    assert len(reads) == 1 and window.library.panel.count_label.text() == "12 experts"


def test_a_command_before_the_roster_is_in_waits_for_all_of_it(
    make_window: Any, reads: list[Path]
) -> None:
    window: MainWindow = make_window(kit_follows=True)
    store = window.library.store
    assert store.loading
    assert len(store.roster.experts) == 12  # read there and then: never a part of it
    assert not store.loading and len(reads) == 1
    assert window.library.panel.count_label.text() == "12 experts"


def test_with_no_kit_to_open_the_blank_kit_still_takes_the_house_brand(
    make_window: Any, roster_file: Path
) -> None:
    house = Brand(organisation="Northbridge Institute")
    house.colors.primary = "#123456"

    def add_preset(loaded: LoadedRoster) -> tuple[Roster, None]:
        loaded.roster.brands.insert(0, BrandPreset("House", house))  # the first: the house brand
        return loaded.roster, None

    modify_roster(roster_file, add_preset)
    window: MainWindow = make_window(kit_follows=True)
    window.fill_panes()  # as the app does when the kit named could not be opened
    assert window.document.kit.brand.organisation == "Northbridge Institute"
    assert window.document.kit.brand.colors.primary == "#123456"
    assert not window.document.is_modified
