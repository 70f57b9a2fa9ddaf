"""Quitting never waits for the preview: a stranger's kit may keep the renderer busy for
minutes (up to the render time limit), and closing the window stops that render."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QThreadPool

from presskit.gui.preview.render_process import RenderCancelled, RenderProcess


def test_closing_the_window_stops_the_preview_render_it_was_waiting_for(
    make_window: Any, cnas_copy: Path, monkeypatch: Any, qtbot: Any
) -> None:
    started, stopped = threading.Event(), threading.Event()

    def endless(self: RenderProcess, kit: object, cancelled: Any = None, **_: object) -> None:
        started.set()
        deadline = time.monotonic() + 60  # a test that fails, not one that hangs
        while time.monotonic() < deadline:
            if cancelled is not None and cancelled():
                stopped.set()
                raise RenderCancelled("the render was cancelled")
            time.sleep(0.01)

    monkeypatch.setattr(RenderProcess, "render", endless)
    window = make_window()
    assert window.open_project(cnas_copy)
    qtbot.waitUntil(started.is_set, timeout=10_000)
    window.close()
    assert stopped.wait(10)
    assert QThreadPool.globalInstance().waitForDone(10_000)
