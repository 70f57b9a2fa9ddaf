"""GUI figures, run in a subprocess with the offscreen platform: preview latency after typing
in a quote, the longest GUI-thread stall meanwhile, and the roster panel's filter.

The preview is measured in the application's own event loop, as the user meets it: a 2 ms
heartbeat timer on the GUI thread runs from the first key until the new PDF's pages have been
painted, and its longest gap is the stall; ``stall_phase`` says where in the edit each worst
gap ended (typing, waiting for the render, swap, pages painted).

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
    """A 2 ms precise timer on the GUI thread; the longest gap between two ticks is the worst
    stall. Each gap is put down to the phase the edit was in when it ended."""

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(2)
        self.timer.timeout.connect(self._tick)
        self.last = time.perf_counter()
        self.worst = 0.0
        self.phase = self.worst_phase = ""

    def _tick(self) -> None:
        now = time.perf_counter()
        if now - self.last > self.worst:
            self.worst, self.worst_phase = now - self.last, self.phase
        self.last = now

    def start(self) -> None:
        self.last, self.worst, self.phase = time.perf_counter(), 0.0, "typing"
        self.timer.start()

    def stop(self) -> float:
        self._tick()  # a stall still going on counts up to now
        self.timer.stop()
        return self.worst


#: After the new PDF is swapped in, how long its pages may take to be painted (they are
#: rasterised in QtPdf's own thread, then painted); stalls in this window count too.
SETTLE_S = 0.3
KEYS, KEY_GAP_MS = " fast", 80  # five keys 80 ms apart, as a quick typist


def preview(kit: Path, runs: int) -> dict[str, list[float] | list[str]]:
    """Type five keys into a quote, then wait in the application's own event loop (not a
    ``processEvents`` poll: deferred deletes and timers run as in the app) until the new PDF
    is painted. Latency: last key to the last paint of the PDF view within ``SETTLE_S`` of
    the swap. Stall: the longest heartbeat gap from the first key to the end of that window."""
    from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer
    from PySide6.QtTest import QTest

    from presskit.gui.window.main_window import MainWindow

    _app()
    window = MainWindow()
    window.resize(1400, 900)
    window.show()
    loop = QEventLoop()
    beat = Heartbeat()
    marks: dict[str, float] = {}

    def on_rendered(_pages: int) -> None:
        if "last_key" in marks and "rendered" not in marks:
            marks["rendered"] = time.perf_counter()
            beat.phase = "swap"
            QTimer.singleShot(round(SETTLE_S * 1000), loop.quit)

    class PaintWatch(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt
            if event.type() == QEvent.Type.Paint and "rendered" in marks:
                marks["painted"] = time.perf_counter()
                beat.phase = "pages painted"
            return False

    watch = PaintWatch()
    window.preview.view.viewport().installEventFilter(watch)
    window.preview.rendered.connect(on_rendered)
    guard = QTimer()
    guard.setSingleShot(True)
    guard.setInterval(60_000)
    guard.timeout.connect(lambda: (marks.setdefault("timed out", 0.0), loop.quit()))

    def run_until_shown() -> None:
        guard.start()
        loop.exec()
        guard.stop()
        if "timed out" in marks:
            raise SystemExit("timed out waiting for the preview")

    marks["last_key"] = time.perf_counter()  # the first PDF of the kit, not measured
    window.open_project(kit)
    run_until_shown()
    window.select_problem(("quotes", 0, "text"))
    field = window.experts.quotes.fields["text"]
    field.setFocus()
    latencies: list[float] = []
    stalls: list[float] = []
    phases: list[str] = []
    for run in range(runs + 1):  # the first is the warm-up
        marks.clear()

        def key(char: str, last: bool) -> None:
            QTest.keyClicks(field, char)
            if last:
                marks["last_key"] = time.perf_counter()
                beat.phase = "waiting for the render"

        beat.start()
        for index, char in enumerate(KEYS):
            QTimer.singleShot(index * KEY_GAP_MS,
                              lambda c=char, i=index: key(c, i == len(KEYS) - 1))
        run_until_shown()
        worst = beat.stop()
        if run:
            shown = marks.get("painted", marks["rendered"])
            latencies.append(shown - marks["last_key"])
            stalls.append(worst)
            phases.append(beat.worst_phase)
    window.preview.view.viewport().removeEventFilter(watch)
    window.document.undo_stack.setClean()
    window.close()
    return {"latency": latencies, "stall": stalls, "stall_phase": phases}


def roster(experts: int, runs: int) -> dict[str, list[float]]:
    from bench.rosters import QUERY, make_roster
    from presskit.gui.roster.models import RosterFilter, RosterModel

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
    from presskit.gui.window.main_window import MainWindow

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
