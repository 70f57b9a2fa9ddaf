"""The app as a whole: how ``presskit`` starts it, standard shortcuts, names for assistive
technology, and a layout that is remembered between sessions."""

from __future__ import annotations

import gc
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QDockWidget,
    QWidget,
)
from support.examples import CNAS_KIT

import presskit.gui.app
from presskit.cli import main as cli
from presskit.gui.window.main_window import MainWindow


def test_presskit_with_no_command_or_with_a_kit_starts_the_app(monkeypatch: Any) -> None:
    started: list[list[str]] = []
    monkeypatch.setattr(presskit.gui.app, "run", lambda argv: started.append(list(argv)) or 0)
    assert cli.main([]) == 0
    assert cli.main([str(CNAS_KIT)]) == 0
    assert started == [[], [str(CNAS_KIT)]]


def test_the_command_line_does_not_load_qt() -> None:
    code = (
        "import sys; from presskit.cli import main as cli; "
        f"code = cli.main(['validate', {str(CNAS_KIT)!r}]); "
        "print(code, any(m.startswith('PySide6') for m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout.split()[-2:] == ["0", "False"], done.stderr


def test_the_app_shows_its_window_and_preview_without_importing_the_renderer() -> None:
    """Issue 21: the window is on screen in under half a second. ReportLab (the renderer),
    the e-mail writers and the package metadata are imported only by what uses them (an
    export, a copy for e-mail, the About box); the preview's PDFs come from the render
    process, read without them."""
    code = (
        "import sys; import presskit.cli.main, presskit.gui.app; "
        "from presskit.gui.window.main_window import MainWindow; "
        "from presskit.gui.preview import render_process, rendering; "
        "print(sorted(m for m in ('reportlab', 'PIL', 'presskit.render', 'presskit.formats', "
        "'importlib.metadata') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout.split("\n")[-2:] == ["[]", ""], done.stderr


def test_main_window_is_exported_from_the_package() -> None:
    from presskit.gui import MainWindow as Exported

    assert Exported is MainWindow


def test_standard_shortcuts(window: MainWindow) -> None:
    a = window.actions_
    standard = QKeySequence.StandardKey
    for action, key in ((a.new, standard.New), (a.open, standard.Open), (a.save, standard.Save),
                        (a.save_as, standard.SaveAs), (a.undo, standard.Undo),
                        (a.redo, standard.Redo), (a.close, standard.Close),
                        (a.quit, standard.Quit)):
        bindings = QKeySequence.keyBindings(key)
        if bindings:
            assert action.shortcuts() == bindings, action.text()
        else:
            assert not action.shortcut().isEmpty(), action.text()
    assert a.export.shortcut() == QKeySequence("Ctrl+E")


def test_every_control_has_an_accessible_name_and_menus_explain_themselves(
    window: MainWindow,
) -> None:
    mine = [window.outline, window.preview, window.actions_.toolbar, window.statusBar()]
    controls = (QAbstractButton, QAbstractSpinBox, QAbstractItemView)
    unnamed = [
        f"{type(w).__name__} {w.objectName()!r}"
        for pane in mine
        for w in pane.findChildren(QWidget)
        if isinstance(w, controls) and w.isVisibleTo(window) and not w.accessibleName()
    ]
    assert unnamed == []
    for menu_action in window.menuBar().actions():
        for action in menu_action.menu().actions():
            if not action.isSeparator() and action.menu() is None:
                assert action.statusTip() or action.toolTip(), action.text()
    for name in ("outline", "sectionEditor", "preview", "experts", "kitBrand"):
        assert window.findChild(QWidget, name) is not None, name


def test_the_layout_is_remembered(qtbot: Any, make_window: Any) -> None:
    first = make_window()
    first.resize(760, 560)  # within the offscreen screen (800x600), or Qt shrinks it
    first.removeDockWidget(first.preview_dock)
    first.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, first.preview_dock)
    first.preview_dock.show()
    first.experts_dock.hide()
    size = (first.width(), first.height())  # as far as the docks' minimum sizes allow
    first.close()

    second = make_window(size=None)
    assert (second.width(), second.height()) == size
    assert second.dockWidgetArea(second.preview_dock) == Qt.DockWidgetArea.LeftDockWidgetArea
    assert not second.experts_dock.isVisible()
    assert second.kit_brand_dock.isVisible()

    second.reset_layout()
    assert second.dockWidgetArea(second.preview_dock) == Qt.DockWidgetArea.RightDockWidgetArea
    assert second.experts_dock.isVisible()


def test_docks_can_be_moved_and_closed(window: MainWindow) -> None:
    docks = window.findChildren(QDockWidget)
    assert {d.objectName() for d in docks} == {
        "outlineDock", "previewDock", "expertsDock", "kitBrandDock", "rosterDock"}
    for dock in docks:
        assert dock.features() & QDockWidget.DockWidgetFeature.DockWidgetMovable
    assert set(window.tabifiedDockWidgets(window.experts_dock)) == {
        window.kit_brand_dock, window.library.dock}


@pytest.mark.parametrize("name", ["presskit.svg", "presskit.png"])
def test_the_window_icon_ships_with_the_package(name: str) -> None:
    from presskit import resources_path

    assert (Path(str(resources_path())) / "icons" / name).is_file()
    assert not presskit.gui.app.app_icon().isNull()


def test_many_edits_never_exhaust_the_references_to_none_or_true(window: MainWindow) -> None:
    """PySide6 6.12.0 on Python 3.11 loses a reference to None on every void call and to True
    on every emit, and aborts the interpreter after about a thousand edits; pyproject keeps
    it out. This loop crashes the test process if it ever comes back."""
    from presskit.gui.document.commands import SetValue

    document = window.document
    edits = 3000

    def references() -> tuple[int, int]:
        # Garbage left by earlier tests in this process, freed whenever the collector runs,
        # drops references to None too; collect it first, so only a leak is counted.
        gc.collect()
        return sys.getrefcount(None), sys.getrefcount(True)

    before = references()
    for n in range(edits):
        document.push(SetValue(document, ("title",), f"Headline {n}"))
        window.outline.move_down_action.setEnabled(True)
    after = references()
    # The bug loses at least one reference per edit; ordinary churn is a few dozen.
    assert before[0] - after[0] < edits // 3 and before[1] - after[1] < edits // 3
