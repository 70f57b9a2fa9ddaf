"""On a 1280 × 800 laptop screen every pane is usable: no form is cut off sideways, the expert
form scrolls inside its own box with the experts table still in view, and the tab the user
raised stays raised."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QApplication, QDockWidget, QScrollArea, QTabWidget

from presskit.gui.window.main_window import MainWindow


def cut_off_sideways(dock: QDockWidget) -> list[str]:
    """The scroll areas in ``dock`` that show a horizontal scroll bar, with the widths."""
    return [f"{type(a.widget()).__name__}: {a.widget().minimumSizeHint().width()} px in "
            f"{a.viewport().width()} px"
            for a in dock.findChildren(QScrollArea)
            if a.isVisible() and a.horizontalScrollBar().isVisible()]


def test_kit_and_brand_tabs_fit_a_1280_by_800_window(make_window: Any, cnas_copy: Any) -> None:
    window = make_window((1280, 800))
    assert window.open_project(cnas_copy)
    window.kit_brand_dock.raise_()
    [tabs] = [t for t in window.kit_brand_dock.findChildren(QTabWidget) if t.isVisible()]
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        QApplication.processEvents()
        assert cut_off_sideways(window.kit_brand_dock) == [], tabs.tabText(index)


def test_the_expert_form_scrolls_inside_its_box_and_the_table_stays_in_view(
    make_window: Any, cnas_copy: Any
) -> None:
    window = make_window((1280, 800))
    assert window.open_project(cnas_copy)
    window.experts_dock.raise_()
    panel = window.experts
    panel.sides.reveal(panel.details_box)
    QApplication.processEvents()
    assert cut_off_sideways(window.experts_dock) == []
    table = panel.experts.view
    top = table.mapTo(window, table.rect().topLeft())
    [form_area] = [a for a in panel.details_box.findChildren(QScrollArea)]
    bar = form_area.verticalScrollBar()

    bar.setValue(bar.maximum())  # down to Phone, Bio and the headshot
    QApplication.processEvents()

    assert table.mapTo(window, table.rect().topLeft()) == top
    assert not table.visibleRegion().isEmpty()
    assert not panel.experts.fields["bio"].visibleRegion().isEmpty()


def test_the_raised_tab_stays_raised_when_the_panel_is_widened_and_narrowed(
    cnas_window: MainWindow,
) -> None:
    sides = cnas_window.experts.sides

    def resize(width: int) -> None:
        sides.resizeEvent(QResizeEvent(QSize(width, 400), sides.size()))

    resize(sides.WIDE - 100)
    sides.tabs.setCurrentWidget(cnas_window.experts.quotes_box)
    resize(sides.WIDE + 100)
    resize(sides.WIDE - 100)
    assert sides.tabs.currentWidget() is cnas_window.experts.quotes_box
    cnas_window.experts.experts.select_row(2)  # another expert: still the quotes
    assert sides.tabs.currentWidget() is cnas_window.experts.quotes_box
