"""An export that takes too long can be stopped (issue 15): its progress window has a Cancel
that stops the render process, closing the window stops it and closes, and a render past
``limits.MAX_RENDER_SECONDS`` stops by itself with a message. The kit here renders forever:
its render process is one whose every render sleeps (a kit whose name is a word of a million
letters kept ReportLab busy for hours)."""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QPushButton
from support.gui_actions import Dialogs

from presskit.gui.preview import render_process
from presskit.gui.preview.render_process import RenderProcess
from presskit.gui.window.main_window import MainWindow

FOREVER = (
    "import time\n"
    "import presskit.render as r\n"
    "r.render_pdf = lambda kit, **options: time.sleep(3600)\n"
    "from presskit.gui.preview.render_process import main\n"
    "main()\n"
)


@pytest.fixture
def endless(monkeypatch: pytest.MonkeyPatch) -> Iterator[RenderProcess]:
    """The app's render process, replaced by one that never finishes a PDF."""
    process = RenderProcess([sys.executable, "-c", FOREVER])
    monkeypatch.setattr(render_process, "_shared", process)
    # Should the export never stop, the test fails after a minute instead of hanging.
    backstop = threading.Timer(60, lambda: process.pid and os.kill(process.pid, 9))
    backstop.start()
    yield process
    backstop.cancel()
    process.close()


@pytest.fixture
def exporting(make_window: Any, cnas_copy: Path) -> MainWindow:
    window: MainWindow = make_window(preview_delay_ms=3_600_000)  # the preview stays out
    assert window.open_project(cnas_copy)
    return window


def when(condition: Any, then: Any) -> None:
    """Run ``then()`` as soon as ``condition()`` holds, looking every 50 ms (the test waits
    inside the export's own event loop)."""
    def look() -> None:
        if condition():
            then()
        else:
            QTimer.singleShot(50, look)

    QTimer.singleShot(50, look)


def test_cancel_in_the_export_s_progress_window_stops_the_render(
    exporting: MainWindow, endless: RenderProcess, tmp_path: Path, qtbot: Any
) -> None:
    window = exporting
    seen: list[int | None] = []

    def progress_shown() -> bool:
        progress = window.export_progress
        return progress is not None and progress.isVisible() and endless.pid is not None

    def press_cancel() -> None:
        assert window.export_progress is not None
        seen.append(endless.pid)
        button = window.export_progress.findChild(QPushButton)
        assert button is not None and button.text() == "Cancel"
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    when(progress_shown, press_cancel)
    assert not window.export_pdf(tmp_path / "kit.pdf")
    assert seen and seen[0] is not None
    # The render process that was busy was stopped (the preview may start a fresh one).
    qtbot.waitUntil(lambda: endless.pid != seen[0])
    assert not (tmp_path / "kit.pdf").exists()
    assert window.statusBar().currentMessage() == "Export cancelled; no PDF was written"
    assert not window.is_busy and window.actions_.export.isEnabled()


def test_closing_the_window_during_an_export_stops_it_and_closes(
    exporting: MainWindow, endless: RenderProcess, tmp_path: Path, qtbot: Any
) -> None:
    window = exporting
    when(lambda: endless.pid is not None and window.is_busy, window.close)
    assert not window.export_pdf(tmp_path / "kit.pdf")
    qtbot.waitUntil(lambda: not window.isVisible())
    qtbot.waitUntil(lambda: endless.pid is None)
    assert not (tmp_path / "kit.pdf").exists()


def test_a_render_past_the_time_limit_stops_with_a_message(
    exporting: MainWindow, endless: RenderProcess, tmp_path: Path, dialogs: Dialogs,
    monkeypatch: pytest.MonkeyPatch, qtbot: Any,
) -> None:
    monkeypatch.setattr(render_process, "MAX_RENDER_SECONDS", 1)
    dialogs.answer("error", (None, True))
    assert not exporting.export_pdf(tmp_path / "kit.pdf")
    [(text, details)] = dialogs.asked["error"]
    assert text == "The PDF could not be made."
    assert "took more than 1 seconds, so it was stopped" in details
    qtbot.waitUntil(lambda: endless.pid is None)
    assert not (tmp_path / "kit.pdf").exists()
