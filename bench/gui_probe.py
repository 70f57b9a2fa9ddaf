"""GUI figures, run in a subprocess with the offscreen platform: preview latency after typing
in a quote, the longest GUI-thread stall meanwhile, and the roster panel's filter.

``python -m bench.gui_probe preview KIT RUNS`` / ``roster EXPERTS`` / ``start KIT``; prints
one JSON line.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _app():  # type: ignore[no-untyped-def]
    from presskit.gui.app import make_application

    return make_application()


class Heartbeat:
    """A 2 ms timer on the GUI thread; the longest gap between its ticks is the worst stall."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.timer = QTimer()
        self.timer.setInterval(2)
        self.timer.timeout.connect(self._tick)
        self.last = time.perf_counter()
        self.worst = 0.0

    def _tick(self) -> None:
        now = time.perf_counter()
        self.worst = max(self.worst, now - self.last)
        self.last = now

    def start(self) -> None:
        self.last, self.worst = time.perf_counter(), 0.0
        self.timer.start()

    def stop(self) -> float:
        self.timer.stop()
        return self.worst


def _wait(app, done, timeout: float = 60.0) -> None:  # type: ignore[no-untyped-def]
    end = time.perf_counter() + timeout
    while not done() and time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.0005)
    if not done():
        raise SystemExit("timed out waiting for the preview")


def preview(kit: Path, runs: int) -> dict[str, list[float]]:
    from PySide6.QtTest import QTest

    from presskit.gui.main_window import MainWindow

    app = _app()
    window = MainWindow()
    window.resize(1400, 900)
    window.show()
    shown: list[float] = []
    window.preview.rendered.connect(lambda _pages: shown.append(time.perf_counter()))
    window.open_project(kit)
    _wait(app, lambda: bool(shown))
    window.select_problem(("quotes", 0, "text"))
    field = window.experts.quotes.fields["text"]
    field.setFocus()
    app.processEvents()
    latencies, stalls = [], []
    beat = Heartbeat()
    for run in range(runs + 1):  # the first is the warm-up
        shown.clear()
        beat.start()
        for index, char in enumerate(" fast"):  # five keys 80 ms apart, as a quick typist
            gap = time.perf_counter() + (0.08 if index else 0)
            while time.perf_counter() < gap:
                app.processEvents()
                time.sleep(0.0005)
            QTest.keyClicks(field, char)
            last_key = time.perf_counter()
        _wait(app, lambda typed=last_key: bool(shown) and shown[-1] > typed)
        # Let anything queued after the swap run, so a stall just after it counts too.
        settle = time.perf_counter() + 0.05
        while time.perf_counter() < settle:
            app.processEvents()
            time.sleep(0.0005)
        worst = beat.stop()
        if run:
            latencies.append(shown[-1] - last_key)
            stalls.append(worst)
    window.document.undo_stack.setClean()
    window.close()
    return {"latency": latencies, "stall": stalls}


def roster(experts: int, runs: int) -> dict[str, list[float]]:
    from bench.rosters import QUERY, make_roster
    from presskit.gui.roster_models import RosterFilter, RosterModel

    _app()
    model, proxy = RosterModel(), RosterFilter()
    model.set_roster(make_roster(experts))
    proxy.setSourceModel(model)
    per_key = []
    for run in range(runs + 1):
        times = []
        for end in range(1, len(QUERY) + 1):
            start = time.perf_counter()
            proxy.set_search(QUERY[:end])
            proxy.rowCount()
            times.append(time.perf_counter() - start)
        proxy.set_search("")
        if run:
            per_key.append(max(times))
    return {"keystroke": per_key}


def start(kit: Path) -> None:
    """Print when the window is shown with ``kit`` open and when its first preview is on screen
    (wall clock, for the parent to compare with when it spawned us), then quit."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from presskit.gui import app as app_module
    from presskit.gui.main_window import MainWindow

    original = MainWindow.open_project

    def open_project(self, path):  # type: ignore[no-untyped-def]
        opened = original(self, path)
        print(json.dumps({"loaded": time.time()}), flush=True)
        self.preview.rendered.connect(lambda _p: (
            print(json.dumps({"preview": time.time()}), flush=True),
            self.document.undo_stack.setClean(),
            QTimer.singleShot(0, QApplication.quit),
        ))
        return opened

    MainWindow.open_project = open_project  # type: ignore[method-assign]
    app_module.run([str(kit)])


if __name__ == "__main__":
    command = sys.argv[1]
    if command == "preview":
        print(json.dumps(preview(Path(sys.argv[2]), int(sys.argv[3]))))
    elif command == "roster":
        print(json.dumps(roster(int(sys.argv[2]), int(sys.argv[3]))))
    elif command == "start":
        start(Path(sys.argv[2]))
    os._exit(0)  # skip Qt's teardown: nothing left to save, and it is not what is measured
