"""How the window feels in use: toolbar buttons stay where they are while the user edits, icons
follow a dark palette, a pre-flight entry really brings its item into view, and a PDF that
cannot be opened after export says so."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QColor, QDesktopServices, QPalette
from PySide6.QtWidgets import QApplication, QLineEdit
from support.gui_actions import Dialogs

from presskit.gui.document.commands import SetValue
from presskit.gui.widgets.icons import themed_icon
from presskit.gui.widgets.prompts import when
from presskit.gui.window.main_window import MainWindow
from presskit.model import ApprovalState


def test_the_undo_button_keeps_its_place_and_its_tooltip_names_the_change(
    qtbot: Any, cnas_window: MainWindow
) -> None:
    undo = cnas_window.actions_.undo
    button = cnas_window.actions_.toolbar.widgetForAction(undo)
    assert button is not None
    width = button.sizeHint().width()
    headline = cnas_window.kit_brand.kit_form.fields["title"]
    assert isinstance(headline, QLineEdit)
    qtbot.keyClicks(headline, " today")
    assert button.text() == "Undo" and button.sizeHint().width() == width
    assert undo.toolTip().startswith("Undo Edit headline (")
    undo.trigger()
    assert cnas_window.actions_.redo.toolTip().startswith("Redo Edit headline (")
    assert undo.toolTip() == "Undo the last change"


def lightest_ink(name: str) -> int:
    """The lightness of the icon's most opaque pixel: what the eye sees of it."""
    image = themed_icon(name).pixmap(24, 24).toImage()
    pixels = [image.pixelColor(x, y) for x in range(24) for y in range(24)]
    ink = max(pixels, key=lambda color: color.alpha())
    assert ink.alpha() > 128
    return ink.lightness()


def test_arrow_icons_follow_a_dark_palette(qapp: QApplication) -> None:
    light = QApplication.palette()
    dark = QPalette(light)
    dark.setColor(QPalette.ColorRole.Window, QColor("#2b2b2b"))
    dark.setColor(QPalette.ColorRole.WindowText, QColor("#eeeeee"))
    QApplication.setPalette(dark)
    try:
        for name in ("go-up", "go-down", "go-previous", "go-next", "edit-undo", "edit-redo"):
            assert lightest_ink(name) > 200, name  # light ink on the dark toolbar
    finally:
        QApplication.setPalette(light)
    assert lightest_ink("go-down") < 100  # and dark ink on a light one


def test_a_pending_quote_in_the_check_list_opens_that_quotes_form_in_a_narrow_panel(
    cnas_window: MainWindow,
) -> None:
    document = cnas_window.document
    document.push(SetValue(document, ("quotes", 1, "approval", "state"), ApprovalState.PENDING))
    panel = cnas_window.experts
    assert not panel.sides._wide  # in the default layout the panel shows its forms as tabs
    details = panel.sides.panes[0][0]
    panel.sides.tabs.setCurrentWidget(details)  # the user was editing an expert
    cnas_window.select_problem(("quotes", 1, "approval"))  # where the check puts the warning
    assert panel.sides.tabs.currentWidget() is panel.quotes_box
    assert panel.quotes.current is document.kit.quotes[1]
    assert cnas_window.focusWidget() is panel.quotes.fields["approval.state"]


def test_an_expert_problem_opens_the_expert_form(cnas_window: MainWindow) -> None:
    panel = cnas_window.experts
    panel.sides.tabs.setCurrentWidget(panel.quotes_box)
    cnas_window.select_problem(("experts", 2, "photo"))
    assert panel.sides.tabs.currentWidget() is panel.sides.panes[0][0]
    assert panel.experts.current is cnas_window.document.kit.experts[2]
    assert cnas_window.focusWidget() is panel.experts.photo._choose  # the picker's proxy


def test_export_says_so_when_no_pdf_viewer_opens_the_pdf(
    cnas_window: MainWindow, dialogs: Dialogs, tmp_path: Path, monkeypatch: Any
) -> None:
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: False)
    cnas_window.actions_.open_after_export.setChecked(True)
    dialogs.answer("export_path", tmp_path / "a.pdf")
    cnas_window.actions_.export.trigger()
    assert (tmp_path / "a.pdf").is_file()
    assert "no PDF viewer" in cnas_window.statusBar().currentMessage()
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    dialogs.answer("export_path", tmp_path / "b.pdf")
    cnas_window.actions_.export.trigger()
    assert opened and cnas_window.statusBar().currentMessage().startswith("Exported b.pdf (")


def test_the_window_fits_a_screen_smaller_than_its_default_size(make_window: Any) -> None:
    window = make_window(size=None)  # the size it chooses itself (1400 × 900 by default)
    free = window.screen().availableGeometry()
    assert free.width() < 1400  # the test screen is a small laptop's
    assert window.width() <= free.width() and window.height() <= free.height()
    assert free.contains(window.geometry().topLeft())


def test_tab_goes_from_the_outline_to_the_editor_then_the_panels_then_the_preview(
    cnas_window: MainWindow,
) -> None:
    panes = {
        "outline": cnas_window.outline,
        "editor": cnas_window.section_editor,
        "experts": cnas_window.experts,
        "kit & brand": cnas_window.kit_brand,
        "preview": cnas_window.preview,
    }
    visited: list[str] = []
    widget = cnas_window.outline.view
    for _ in range(2000):  # the chain Tab follows, from the outline round to it again
        if widget.isVisible() and widget.isEnabled() and (
            widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        ):
            pane = next((n for n, p in panes.items() if p.isAncestorOf(widget)), None)
            if pane is not None and pane not in visited:
                visited.append(pane)
        widget = widget.nextInFocusChain()
        if widget is cnas_window.outline.view:
            break
    assert visited == ["outline", "editor", "experts", "kit & brand", "preview"]


def test_the_recovery_question_says_when_the_work_was_autosaved_in_words() -> None:
    now = dt.datetime(2026, 3, 2, 9, 41).astimezone()
    assert when(now.isoformat(), now) == "today at 09:41"
    assert when((now - dt.timedelta(days=1)).isoformat(), now) == "yesterday at 09:41"
    assert when((now - dt.timedelta(days=10)).isoformat(), now) == "on 20 Feb 2026 at 09:41"
    assert when("not a time", now) == "not a time"
