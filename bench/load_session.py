"""A whole working session in the app on a large kit, with the GUI thread watched throughout.

``python -m bench.load_session [EXPERTS QUOTES]`` (default 2,000 experts and 5,000 quotes)
generates the kit in a temporary folder, then in one application process (offscreen) does
what a press officer does with it, each step through the window's own widgets and in the
application's own event loop: open the example kit (as the app starts), open the large
kit, walk down the experts list with the arrow key, type into a quote and into an
expert's name, add an expert and type a name, undo and redo, move a section, delete an
expert (and the quotes that go with it), save, and export the PDF. Every edit is followed
by waiting for the new preview to be painted. A 2 ms heartbeat timer runs on the GUI thread
from before the kit is opened until the export is written; the longest gap between two
ticks in each step is that step's worst stall. Peak memory is the high-water mark of the
application process and of its render process. Prints a table and one JSON line.

To see what a stall is made of: ``LOAD_PROFILE=<words of a step>`` profiles the GUI thread
during that step (cProfile), ``LOAD_STALLS=1`` prints where the GUI thread is whenever the
heartbeat is late.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.gui_probe import SETTLE_S, Heartbeat, _app  # noqa: E402
from bench.kits import EXAMPLE  # noqa: E402

KEY_GAP_MS = 80  # a quick typist
BUDGET_S = 0.100  # issue 8: no GUI-thread stall over 100 ms


def _peak_mb(pid: int | None = None) -> float:
    if pid is None:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def watch_stalls(beat: Heartbeat, threshold_s: float = 0.06) -> None:
    """``LOAD_STALLS=1``: a thread that, while the heartbeat is late by more than
    ``threshold_s``, prints where the GUI thread is (its innermost Python frames), to find
    what a stall is made of. (When the GUI thread holds the interpreter lock in C code, this
    thread cannot run either; then the stack printed is the one the stall ended in.)"""
    import threading
    import traceback

    gui = threading.main_thread().ident

    def watch() -> None:
        seen: list[str] = []  # where the GUI thread was at each look during this gap
        gap_began = beat.last
        while True:
            time.sleep(0.005)
            if beat.last != gap_began:  # the heartbeat ticked: report the gap if it was long
                if seen:
                    print(f"stall of {(beat.last - gap_began) * 1000:.0f} ms [{beat.phase}]:",
                          file=sys.stderr)
                    for where in dict.fromkeys(seen):
                        print(f"    {seen.count(where)} x {where}", file=sys.stderr)
                seen, gap_began = [], beat.last
            elif time.perf_counter() - gap_began > threshold_s:
                frame = sys._current_frames().get(gui)  # noqa: SLF001 - a diagnostic
                stack = traceback.extract_stack(frame)[-7:] if frame else []
                seen.append(" <- ".join(f"{f.name}:{f.lineno}" for f in reversed(stack)))

    threading.Thread(target=watch, daemon=True).start()


class Session:
    """Runs steps one after the other inside ``QEventLoop.exec``; records per step its wall
    time and the heartbeat's worst gap."""

    def __init__(self, kit: Path, out: Path) -> None:
        from PySide6.QtCore import QEvent, QEventLoop, QObject

        from presskit.gui.window.main_window import MainWindow

        _app()
        self.kit_path, self.out = kit, out
        # A copy: opening the repository's own example would put a lock file beside it,
        # which a test copying the example folder meanwhile would copy too.
        self.example = Path(shutil.copytree(EXAMPLE.parent, out / EXAMPLE.parent.name,
                                            ignore=shutil.ignore_patterns(".*.lock"))
                            ) / EXAMPLE.name
        self.window = MainWindow()
        self.window.resize(1400, 900)
        self.window.show()
        self.loop = QEventLoop()
        self.beat = Heartbeat()
        if os.environ.get("LOAD_STALLS"):
            watch_stalls(self.beat)
        self.results: list[dict[str, object]] = []
        self.failure: BaseException | None = None
        self.render_peak = 0.0
        self._painted_at = 0.0
        self._rendered_at = 0.0

        session = self

        class PaintWatch(QObject):
            def eventFilter(self, _watched: QObject, event: QEvent) -> bool:  # noqa: N802
                if event.type() == QEvent.Type.Paint:
                    session._painted_at = time.perf_counter()
                return False

        self._watch = PaintWatch()
        self.window.preview.view.viewport().installEventFilter(self._watch)
        self.window.preview.rendered.connect(self._on_rendered)

    def _on_rendered(self, _pages: int) -> None:
        self._rendered_at = time.perf_counter()
        self.beat.phase = "new PDF shown"

    # -- waiting in the event loop ---------------------------------------------------------

    def wait(self, done: Callable[[], bool], timeout_s: float = 120.0) -> None:
        """Run the event loop until ``done()``; polls every 5 ms from a timer."""
        from PySide6.QtCore import QEventLoop, QTimer

        loop = QEventLoop()
        deadline = time.perf_counter() + timeout_s
        poll = QTimer()
        poll.setInterval(5)

        def check() -> None:
            if done() or time.perf_counter() > deadline:
                loop.quit()

        poll.timeout.connect(check)
        poll.start()
        loop.exec()
        poll.stop()
        if not done():
            raise SystemExit("timed out")

    def pause(self, seconds: float) -> None:
        end = time.perf_counter() + seconds
        self.wait(lambda: time.perf_counter() >= end)

    def wait_for_preview(self, since: float) -> float:
        """Wait until a PDF rendered after ``since`` is swapped in and its pages painted;
        returns when it was first painted."""
        self.beat.phase = "waiting for the preview"
        self.wait(lambda: self._rendered_at > since)
        self.pause(SETTLE_S)
        return self._painted_at

    def keys(self, widget: object, text: str) -> None:
        from PySide6.QtTest import QTest

        for char in text:
            QTest.keyClicks(widget, char)  # type: ignore[arg-type]
            self.pause(KEY_GAP_MS / 1000)

    def type_and_wait(self, field: Any, text: str) -> None:
        """Type ``text`` into ``field`` where its cursor is, then wait for the new preview."""
        field.setFocus()
        since = time.perf_counter()
        self.keys(field, text)
        self.wait_for_preview(since)

    def key(self, widget: object, key: object, modifiers: object = None, times: int = 1) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        for _ in range(times):
            QTest.keyClick(widget, key, modifiers or Qt.KeyboardModifier.NoModifier)  # type: ignore[arg-type]
            self.pause(KEY_GAP_MS / 1000)

    # -- steps -----------------------------------------------------------------------------

    def step(self, name: str, work: Callable[[], None]) -> None:
        profile = None
        if os.environ.get("LOAD_PROFILE", "\0") in name:  # profile the GUI thread's step
            import cProfile

            profile = cProfile.Profile()
            profile.enable()
        self.beat.start()
        self.beat.phase = "editing"
        start = time.perf_counter()
        work()
        took = time.perf_counter() - start
        if profile is not None:
            import pstats

            profile.disable()
            pstats.Stats(profile, stream=sys.stderr).sort_stats("cumulative").print_stats(45)
        worst = self.beat.stop()
        self.results.append({"step": name, "seconds": took, "worst_stall": worst,
                             "stall_phase": self.beat.worst_phase})

    def run(self) -> dict[str, object]:
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, self._steps)
        self.loop.exec()
        return {
            "steps": self.results,
            "peak_mb_app": _peak_mb(),
            "peak_mb_render_process": self.render_peak,
        }

    def check_saved(self, path: Path) -> None:
        """The saved file holds every edit of the session (the figures of a session whose
        edits went missing would mean nothing): raises ``SystemExit`` naming what is not."""
        from presskit.storage import load_kit

        original = load_kit(self.kit_path).kit
        saved = load_kit(path).kit
        deleted = original.experts[3].id
        expected = {
            "the typed quote": " and fast" in (saved.quote(original.quotes[1].id)
                                                or original.quotes[1]).text,
            "the renamed expert": (saved.expert(original.experts[5].id) or
                                   original.experts[5]).name == original.experts[5].name + " Jr.",
            "the added expert": any(e.name == "Zoe Load" for e in saved.experts),
            "the deleted expert gone": saved.expert(deleted) is None
            and not saved.quotes_by(deleted),
            "every other quote": len(saved.quotes)
            == len(original.quotes) - len(original.quotes_by(deleted)),
            "the moved section": [s.id for s in saved.sections][1:3]
            == [s.id for s in original.sections][2:0:-1],
        }
        missing = [what for what, ok in expected.items() if not ok]
        if missing:
            raise SystemExit(f"the saved kit lacks: {', '.join(missing)}")

    def _steps(self) -> None:
        from PySide6.QtCore import Qt

        window = self.window
        try:
            def open_example() -> None:
                # As the app starts (``make run``): the example kit and its first preview.
                if not window.open_project(self.example):
                    raise SystemExit("could not open the example kit")
                self.wait_for_preview(time.perf_counter())

            self.step("open the example kit, first preview", open_example)

            def open_kit() -> None:
                if not window.open_project(self.kit_path):
                    raise SystemExit("could not open the kit")
                # Only now: the empty kit's preview may have finished while the file was
                # read; from here on, only the opened kit's preview is shown.
                self.wait_for_preview(time.perf_counter())

            self.step("open the large kit, first preview", open_kit)

            def browse() -> None:
                view = window.experts.experts.view
                view.setFocus()
                self.key(view, Qt.Key.Key_Down, times=15)
                self.key(view, Qt.Key.Key_End)
                self.key(view, Qt.Key.Key_Home)

            self.step("walk the experts list (17 keys)", browse)

            def type_quote() -> None:
                window.select_problem(("quotes", 1, "text"))
                self.type_and_wait(window.experts.quotes.fields["text"], " and fast")

            self.step("type 9 keys into a quote, preview", type_quote)

            def rename_expert() -> None:
                editor = window.experts.experts
                editor.select_row(5)
                self.pause(0.05)
                editor.fields["name"].end(False)
                self.type_and_wait(editor.fields["name"], " Jr.")

            self.step("type 4 keys into an expert's name, preview", rename_expert)

            def add_expert() -> None:
                editor = window.experts.experts
                editor.add_button.click()
                self.pause(0.05)
                self.type_and_wait(editor.fields["name"], "Zoe Load")

            self.step("add an expert, type a name, preview", add_expert)

            def undo_redo() -> None:
                since = time.perf_counter()
                for _ in range(3):
                    window.actions_.undo.trigger()
                    self.pause(KEY_GAP_MS / 1000)
                for _ in range(3):
                    window.actions_.redo.trigger()
                    self.pause(KEY_GAP_MS / 1000)
                self.wait_for_preview(since)

            self.step("undo 3, redo 3, preview", undo_redo)

            def move_section() -> None:
                outline = window.outline
                outline.select_row(1)
                since = time.perf_counter()
                outline.move_down()
                self.wait_for_preview(since)

            self.step("move a section down, preview", move_section)

            def delete_expert() -> None:
                editor = window.experts.experts
                editor.select_row(3)
                self.pause(0.05)
                editor.confirm_delete = lambda _uses: True  # the "also removes…" question
                since = time.perf_counter()
                editor.delete_current()
                self.wait_for_preview(since)

            self.step("delete an expert and their quotes, preview", delete_expert)

            def save() -> None:
                target = self.out / "saved.presskit"
                if not window.save_project(target):
                    raise SystemExit("the save failed")
                self.pause(0.1)

            self.step("save (as a new file)", save)

            def export() -> None:
                if not window.export_pdf(self.out / "kit.pdf"):
                    raise SystemExit("export failed")
                self.pause(0.1)

            self.step("export the PDF", export)
            self.check_saved(self.out / "saved.presskit")
            from presskit.gui.preview.render_process import shared_process

            self.render_peak = _peak_mb(shared_process().pid)
        except BaseException as exc:  # noqa: BLE001 - reported by main(), not lost in Qt
            self.failure = exc
        finally:
            window.document.undo_stack.setClean()
            self.loop.quit()


def main() -> int:
    experts, quotes = (int(a) for a in sys.argv[1:3]) if len(sys.argv) > 2 else (2000, 5000)
    folder = Path(tempfile.mkdtemp(prefix="presskit-load-"))
    try:
        return _session(experts, quotes, folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _session(experts: int, quotes: int, folder: Path) -> int:
    from bench.kits import load_test_kit
    from presskit.storage.writer import save_kit

    kit_path = folder / "load.presskit"
    save_kit(load_test_kit(experts, quotes, folder), kit_path)
    session = Session(kit_path, folder)
    result = session.run()
    if session.failure is not None:
        print(f"the session failed: {session.failure}", file=sys.stderr)
        return 1
    pages = None
    try:
        from pypdf import PdfReader

        pages = len(PdfReader(folder / "kit.pdf").pages)
    except ImportError:
        pass
    result.update(experts=experts, quotes=quotes, pages=pages)
    print(f"{experts} experts, {quotes} quotes, {pages} pages", file=sys.stderr)
    for row in result["steps"]:  # type: ignore[attr-defined]
        flag = "" if row["worst_stall"] <= BUDGET_S else "  OVER 100 ms"
        print(f"  {row['step']:<46} {row['seconds']:6.2f} s   worst stall "
              f"{row['worst_stall'] * 1000:5.0f} ms ({row['stall_phase']}){flag}",
              file=sys.stderr)
    print(f"  peak memory: app {result['peak_mb_app']:.0f} MB, render process "
          f"{result['peak_mb_render_process']:.0f} MB", file=sys.stderr)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    os._exit(code)
