"""GUI figures, run in a subprocess with the offscreen platform: preview latency after typing
in a quote, the longest GUI-thread stall meanwhile, and the roster panel's filter.

The preview is measured in the application's own event loop, as the user meets it: a 2 ms
heartbeat timer on the GUI thread runs from the first key until the new PDF's pages have been
painted, and its longest gap is the stall; ``stall_phase`` says where in the edit each worst
gap ended (typing, waiting for the render, swap, pages painted).

``python -m bench.gui_probe preview KIT RUNS`` / ``roster EXPERTS`` / ``start KIT`` /
``floor`` (a bare PySide6 window, the floor under ``start``); prints one JSON line.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

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
    the swap, for the first PDF that shows the kit as it was after the last key (by the
    document's revision; a PDF of an earlier state, rendered between two keys, does not
    count). Stall: the longest heartbeat gap from the first key to the end of that window."""
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
        # The PDF of the kit as it was after the last key: a render started between two
        # keys may be shown first, and is not what the user waits for.
        if ("last_key" in marks and "rendered" not in marks
                and getattr(window.preview, "shown_revision", 1 << 62) >= marks.get("revision", 0)):
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

    window.open_project(kit)
    marks["last_key"] = time.perf_counter()  # the first PDF of the kit, not measured
    marks["revision"] = window.document.revision
    if (getattr(window.preview, "shown_revision", -1) < marks["revision"]
            or not window.preview.idle()):
        run_until_shown()
    window.select_problem(("quotes", 0, "text"))
    field = window.experts.quotes.fields["text"]
    field.setFocus()
    latencies: list[float] = []
    stalls: list[float] = []
    phases: list[str] = []
    delays: list[float] = []
    for run in range(runs + 1):  # the first is the warm-up
        marks.clear()

        def key(char: str, last: bool) -> None:
            QTest.keyClicks(field, char)
            if last:
                marks["last_key"] = time.perf_counter()
                marks["revision"] = window.document.revision
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
            # The wait after the last key (a fixed 500 ms before issue 21).
            delay = getattr(window.preview, "delay_ms", None)
            delays.append((delay() if delay else getattr(window.preview, "_delay_ms", 0)) / 1000)
    window.preview.view.viewport().removeEventFilter(watch)
    window.document.undo_stack.setClean()
    window.close()
    return {"latency": latencies, "stall": stalls, "stall_phase": phases, "debounce": delays}


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


def _when_imported(module: str, patch: Callable[[ModuleType], None]) -> None:
    """Call ``patch(module)`` as soon as ``module`` has been imported by the code under test,
    so that the probe itself imports nothing the app would import later."""
    import importlib.abc
    import importlib.machinery

    class Finder(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path, target=None):  # type: ignore[no-untyped-def]
            if name != module:
                return None
            sys.meta_path.remove(self)
            spec = importlib.machinery.PathFinder.find_spec(name, path)
            assert spec is not None and spec.loader is not None
            execute = spec.loader.exec_module

            def exec_module(loaded: ModuleType) -> None:
                execute(loaded)
                patch(loaded)

            spec.loader.exec_module = exec_module  # type: ignore[method-assign]
            return spec

    sys.meta_path.insert(0, Finder())


def start(kit: Path) -> None:
    """Start the app as ``presskit KIT`` does (``presskit.cli.main``) and print when the
    window is first painted (``shown``), when it has ``kit`` open (``loaded``) and when that
    kit's first preview is on screen (``preview``): wall clock, for the parent to compare
    with when it spawned us, and this process's CPU time (``…_cpu``); then quit."""

    def mark(name: str) -> None:
        print(json.dumps({name: time.time(), f"{name}_cpu": time.process_time()}), flush=True)

    def patch(module: ModuleType) -> None:
        from PySide6.QtCore import QEvent, QObject, QTimer
        from PySide6.QtWidgets import QApplication

        window_class = module.MainWindow

        class FirstPaint(QObject):
            def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
                if event.type() == QEvent.Type.Paint and isinstance(watched, window_class):
                    mark("shown")
                    QApplication.instance().removeEventFilter(self)  # type: ignore[union-attr]
                return False

        first_paint = FirstPaint()
        original_show = window_class.show
        original_open = window_class.open_project

        def show(self):  # type: ignore[no-untyped-def]
            QApplication.instance().installEventFilter(first_paint)  # type: ignore[union-attr]
            original_show(self)

        def open_project(self, path, **options):  # type: ignore[no-untyped-def]
            opened = original_open(self, path, **options)
            mark("loaded")
            self.preview.rendered.connect(lambda _p: (
                mark("preview"),
                self.document.undo_stack.setClean(),
                QTimer.singleShot(0, QApplication.quit),
            ))
            return opened

        window_class.show = show
        window_class.open_project = open_project

    _when_imported("presskit.gui.window.main_window", patch)
    from presskit.cli.main import main

    main([str(kit)])


def floor() -> None:
    """The floor under ``start``: a bare PySide6 window (a text field in a main window), no
    presskit; prints when it is first painted, as ``start`` does."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication, QMainWindow, QTextEdit

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setCentralWidget(QTextEdit())
    window.resize(1400, 900)

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint and watched is window:
                print(json.dumps({"shown": time.time(), "shown_cpu": time.process_time()}),
                      flush=True)
                app.quit()
            return False

    first_paint = FirstPaint()
    app.installEventFilter(first_paint)
    window.show()
    app.exec()


if __name__ == "__main__":
    command = sys.argv[1]
    if command == "preview":
        print(json.dumps(preview(Path(sys.argv[2]), int(sys.argv[3]))))
    elif command == "roster":
        print(json.dumps(roster(int(sys.argv[2]), int(sys.argv[3]))))
    elif command == "start":
        start(Path(sys.argv[2]))
    elif command == "floor":
        floor()
    os._exit(0)  # skip Qt's teardown: nothing left to save, and it is not what is measured
