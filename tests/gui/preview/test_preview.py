"""The preview pane shows the PDF export would write, renders off the GUI thread after the
user pauses, drops stale results and shows render errors instead of crashing."""

from __future__ import annotations

import os
import signal
import threading
from pathlib import Path
from typing import Any

import support.pdf_reading as pdf_reading
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QApplication, QWidget
from support.gui_actions import click_check_box, outline_view

import presskit.gui.preview.render_process as render_process
from presskit.gui.preview.pane import PreviewPane
from presskit.gui.preview.render_process import RenderProcess, shared_process
from presskit.gui.window.main_window import MainWindow
from presskit.model import Brand
from presskit.model.operations import new_kit
from presskit.render import RenderedPdf, RenderError, render_pdf


def preview_of(window: MainWindow) -> PreviewPane:
    pane = window.findChild(QWidget, "preview")
    assert isinstance(pane, PreviewPane)
    return pane


def wait_for_pdf(qtbot: Any, pane: PreviewPane, containing: str = "North Korea") -> QPdfDocument:
    """The PDF on screen once it shows ``containing`` on page 1 (the open kit, not the blank
    kit the window started with)."""

    def shows_it() -> bool:
        document = pane.document()
        return document is not None and containing in document.getAllText(0).text()

    qtbot.waitUntil(shows_it, timeout=10_000)
    document = pane.document()
    assert document is not None and document.pageCount() > 0
    return document


def test_the_preview_shows_the_kit_and_follows_a_change(
    qtbot: Any, cnas_window: MainWindow
) -> None:
    pane = preview_of(cnas_window)
    first = wait_for_pdf(qtbot, pane)
    assert pane.view.document() is first
    assert first.pageCount() == 3
    assert "U.S., North Korea" in first.getAllText(0).text()

    with qtbot.waitSignal(pane.rendered, timeout=10_000):
        click_check_box(qtbot, outline_view(cnas_window), 3)  # hide the five expert quotes
    assert pane.document() is not first
    assert pane.page_count() > 0
    assert "My concern is Pyongyang" not in pane.document().getAllText(0).text()


def test_renders_run_in_the_render_process_waited_for_in_the_pool(
    qtbot: Any, window: MainWindow, cnas_copy: Path, monkeypatch: Any
) -> None:
    threads: list[threading.Thread] = []
    real = RenderProcess.render

    def spy(self: RenderProcess, kit: Any, **options: Any) -> RenderedPdf:
        threads.append(threading.current_thread())
        return real(self, kit, **options)

    def in_this_process(*_args: Any, **_kwargs: Any) -> RenderedPdf:
        raise AssertionError("rendered in the app's own process")

    monkeypatch.setattr(RenderProcess, "render", spy)
    monkeypatch.setattr(render_process, "render_pdf", in_this_process)
    pane = preview_of(window)
    # The file is read in the pool while the window keeps running its event loop (the empty
    # kit's first preview may arrive meanwhile); the opened kit's preview follows.
    assert window.open_project(cnas_copy)
    with qtbot.waitSignal(pane.rendered, timeout=10_000):
        pass
    assert threads and all(t is not threading.main_thread() for t in threads)
    assert "North Korea" in wait_for_pdf(qtbot, pane).getAllText(0).text()
    renderer = shared_process().pid
    assert renderer is not None and renderer != os.getpid()


def test_a_burst_of_changes_renders_once_after_the_pause(
    qtbot: Any, cnas_window: MainWindow, monkeypatch: Any
) -> None:
    pane = preview_of(cnas_window)
    wait_for_pdf(qtbot, pane)
    calls: list[int] = []
    real = RenderProcess.render
    monkeypatch.setattr(RenderProcess, "render",
                        lambda self, kit, **options: calls.append(1) or real(self, kit, **options))
    view = outline_view(cnas_window)
    with qtbot.waitSignal(pane.rendered, timeout=10_000):
        for _ in range(4):
            click_check_box(qtbot, view, 0)
        click_check_box(qtbot, view, 0)
    qtbot.wait(150)
    assert len(calls) == 1
    assert cnas_window.document.kit.sections[0].hidden


def test_the_preview_carries_on_after_the_render_process_is_killed(
    qtbot: Any, cnas_window: MainWindow
) -> None:
    pane = preview_of(cnas_window)
    wait_for_pdf(qtbot, pane)
    renderer = shared_process().pid
    assert renderer is not None
    os.kill(renderer, signal.SIGTERM)
    qtbot.waitUntil(lambda: shared_process().pid is None, timeout=10_000)
    with qtbot.waitSignal(pane.rendered, timeout=10_000):
        click_check_box(qtbot, outline_view(cnas_window), 3)  # hide the five expert quotes
    assert "My concern is Pyongyang" not in pane.document().getAllText(0).text()
    assert pane.error_text() == ""
    assert shared_process().pid not in (None, renderer)


def test_a_stale_result_is_dropped(qtbot: Any, cnas_window: MainWindow, tmp_path: Path) -> None:
    pane = preview_of(cnas_window)
    shown = wait_for_pdf(qtbot, pane)
    cnas_window.export_pdf(tmp_path / "old.pdf")
    old = RenderedPdf((tmp_path / "old.pdf").read_bytes(), 3)
    # The relay delivers a result for a job that is not the newest one: nothing changes.
    pane._relay.finished.emit(pane.job_id - 1, old)
    qtbot.wait(50)
    assert pane.document() is shown
    pane._relay.failed.emit(pane.job_id - 1, RenderError("old news"))
    qtbot.wait(50)
    assert pane.error_text() == ""


def test_a_render_error_is_shown_in_the_pane_and_the_last_pages_stay(
    qtbot: Any, cnas_window: MainWindow, monkeypatch: Any
) -> None:
    pane = preview_of(cnas_window)
    shown = wait_for_pdf(qtbot, pane)

    def broken(kit: Any) -> RenderedPdf:
        raise RenderError("the logo file is not an image")

    monkeypatch.setattr(RenderProcess, "render", lambda self, kit, **_: broken(kit))
    with qtbot.waitSignal(pane.render_failed, timeout=10_000):
        click_check_box(qtbot, outline_view(cnas_window), 0)
    assert pane.error_label.isVisible()
    assert "the logo file is not an image" in pane.error_label.text()
    assert pane.document() is shown and pane.page_count() == 3

    def bug(kit: Any) -> RenderedPdf:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(RenderProcess, "render", lambda self, kit, **_: bug(kit))
    with qtbot.waitSignal(pane.render_failed, timeout=10_000):
        click_check_box(qtbot, outline_view(cnas_window), 0)
    assert "ZeroDivisionError" in pane.error_text()

    monkeypatch.undo()
    with qtbot.waitSignal(pane.rendered, timeout=10_000):
        click_check_box(qtbot, outline_view(cnas_window), 0)
    assert not pane.error_label.isVisible()


def test_page_navigation_and_zoom(qtbot: Any, cnas_window: MainWindow) -> None:
    pane = preview_of(cnas_window)
    wait_for_pdf(qtbot, pane)
    navigator = pane.view.pageNavigator()
    assert pane.page_total.text() == "of 3"
    qtbot.mouseClick(pane.next_button, Qt.MouseButton.LeftButton)
    assert navigator.currentPage() == 1 and pane.page_box.value() == 2
    pane.page_box.setValue(3)
    assert navigator.currentPage() == 2
    assert not pane.next_button.isEnabled()
    qtbot.mouseClick(pane.previous_button, Qt.MouseButton.LeftButton)
    assert navigator.currentPage() == 1

    qtbot.mouseClick(pane.zoom_in_button, Qt.MouseButton.LeftButton)
    assert pane.view.zoomMode() == QPdfView.ZoomMode.Custom
    zoomed = pane.view.zoomFactor()
    qtbot.mouseClick(pane.zoom_out_button, Qt.MouseButton.LeftButton)
    assert pane.view.zoomFactor() < zoomed
    assert pane.zoom_label.text().endswith("%")
    qtbot.mouseClick(pane.fit_button, Qt.MouseButton.LeftButton)
    assert pane.view.zoomMode() == QPdfView.ZoomMode.FitToWidth


def test_the_preview_is_the_pdf_export_writes(
    qtbot: Any, cnas_window: MainWindow, tmp_path: Path
) -> None:
    pane = preview_of(cnas_window)
    shown = wait_for_pdf(qtbot, pane)
    target = tmp_path / "kit.pdf"
    assert cnas_window.export_pdf(target)
    exported = pdf_reading.page_texts(target)
    assert len(exported) == shown.pageCount()
    on_screen = shown.getAllText(0).text()
    assert pdf_reading.squash(exported[0])[:200] == pdf_reading.squash(on_screen)[:200]


def test_a_damaged_logo_is_shown_in_the_preview_and_counted_before_export(
    qtbot: Any, cnas_window: MainWindow, tmp_path: Path, monkeypatch: Any
) -> None:
    pane = preview_of(cnas_window)
    wait_for_pdf(qtbot, pane)
    assert not pane.warning_label.isVisible()
    damaged = tmp_path / "logo.png"
    damaged.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)  # a PNG cut short
    monkeypatch.setattr("presskit.gui.editors.inputs.QFileDialog.getOpenFileName",
                        lambda *a, **k: (str(damaged), ""))
    brand = cnas_window.kit_brand
    brand.tabs.setCurrentWidget(brand.tabs.widget(1))
    with qtbot.waitSignal(pane.rendered, timeout=10_000):
        qtbot.mouseClick(brand.brand_form.logo._choose, Qt.MouseButton.LeftButton)
    assert pane.warning_label.isVisible()
    assert "logo" in pane.warning_label.text() and "cannot be used" in pane.warning_label.text()
    assert cnas_window.problems_button.text() == "1 warning"
    with qtbot.waitSignal(pane.rendered, timeout=10_000):
        qtbot.mouseClick(brand.brand_form.logo._clear, Qt.MouseButton.LeftButton)
    assert not pane.warning_label.isVisible()
    assert cnas_window.problems_button.text() == "No problems"


class ScrollBarFlips(QObject):
    """Counts a scroll bar's showing and hiding; past ``limit`` it pins the bar on, which ends
    any endless relayout, so a test sees the failure instead of hanging."""

    def __init__(self, view: QPdfView, limit: int = 100) -> None:
        super().__init__(view)
        self.view, self.limit, self.count, self.runaway = view, limit, 0, False
        view.verticalScrollBar().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() in (QEvent.Type.Show, QEvent.Type.Hide):
            self.count += 1
            if self.count > self.limit:
                self.runaway = True
                self.view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        return False


def test_the_preview_settles_at_every_size_the_user_gives_its_pane(qtbot: Any) -> None:
    """At some pane sizes a page fitted to the width needs a scroll bar only while the bar is
    not there; Qt then relaid the view out for ever and the window froze (seen at 125 %)."""
    pane = PreviewPane()
    qtbot.addWidget(pane)
    pane.show()
    pane.show_pdf(render_pdf(new_kit(Brand())).data)  # one Letter page
    flips = ScrollBarFlips(pane.view)
    frozen = []
    for width in range(330, 350):
        for height in range(466, 492):
            flips.count = 0
            pane.resize(width, height)
            QApplication.processEvents()
            if flips.runaway:
                frozen.append((width, height))
                flips.runaway = False
    assert frozen == []


def _pages(count: int) -> bytes:
    """A plain PDF of ``count`` numbered pages."""
    import io

    from reportlab.pdfgen.canvas import Canvas

    out = io.BytesIO()
    canvas = Canvas(out)
    for number in range(1, count + 1):
        canvas.drawString(72, 720, f"page {number}")
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def test_a_long_pdf_is_made_ready_off_the_gui_thread_then_shown(qtbot: Any) -> None:
    """An 880-page kit's pages are measured in the pool before the view gets them (the view
    would measure them on the GUI thread); the pane then shows them all."""
    pane = PreviewPane()
    qtbot.addWidget(pane)
    pane.show_pdf(_pages(3))
    assert pane.page_count() == 3
    with qtbot.waitSignal(pane.rendered, timeout=10_000) as shown:
        pane.show_pdf(_pages(400))
        assert pane.page_count() == 3  # the old PDF stays on screen meanwhile
    assert shown.args == [400] and pane.page_count() == 400


def test_a_long_pdf_overtaken_by_a_newer_one_is_never_shown(qtbot: Any) -> None:
    pane = PreviewPane()
    qtbot.addWidget(pane)
    counts: list[int] = []
    pane.rendered.connect(counts.append)
    pane.show_pdf(_pages(400))
    pane.show_pdf(_pages(2))  # typed on: the newer, shorter PDF arrives first
    qtbot.wait(1500)
    assert counts == [2] and pane.page_count() == 2
