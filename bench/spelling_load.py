"""How long the window stalls while a spelling dictionary loads in the background.

Opens the CNAS example with spelling off, waits until the window is idle, turns spelling on
(which loads the kit's word list in the thread pool and then underlines every field), and
reports the load time and the longest gap of a 1 ms heartbeat timer on the GUI thread while
the list loads, and then while every field is underlined (until 0.3 s after). Run in a fresh
process per language (a list is loaded once per process):

``python -m bench.spelling_load [LANGUAGE]`` (default ``en``); prints one JSON line.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(language: str = "en") -> dict[str, object]:
    home = tempfile.mkdtemp(prefix="presskit-bench-")
    os.environ["XDG_DATA_HOME"] = os.environ["XDG_CONFIG_HOME"] = home
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from bench.kits import EXAMPLE
    from presskit.gui.settings import Settings
    from presskit.gui.widgets.spelling import SPELLING_SETTING
    from presskit.gui.window.main_window import MainWindow
    from presskit.library.spelling import dictionary_language, loaded_dictionary

    app = QApplication.instance() or QApplication([])
    settings = Settings()
    settings.set(SPELLING_SETTING, False)
    window = MainWindow(settings=settings, autosave_interval_ms=3_600_000)
    window.show()
    window.open_project(EXAMPLE)
    window.document.kit.language = language
    code = dictionary_language(language)
    assert code is not None, f"no dictionary for {language}"
    idle = QEventLoop()
    QTimer.singleShot(2000, idle.quit)
    idle.exec()

    ticks: list[float] = []
    heartbeat = QTimer()
    heartbeat.setInterval(1)
    heartbeat.timeout.connect(lambda: ticks.append(time.perf_counter()))
    heartbeat.start()
    loop = QEventLoop()
    done: dict[str, float] = {}

    def loaded() -> None:
        if loaded_dictionary(code) is not None and "at" not in done:
            done["at"] = time.perf_counter()
            QTimer.singleShot(300, loop.quit)

    window.speller.changed.connect(loaded)
    start = time.perf_counter()
    window.speller.set_enabled(True)
    loop.exec()
    pairs = [(a, b) for a, b in zip(ticks, ticks[1:], strict=False) if b >= start]
    loading = [b - a for a, b in pairs if b <= done["at"]]
    after = [b - a for a, b in pairs if b > done["at"]]
    window.document.undo_stack.setClean()
    window.close()
    app.processEvents()
    return {
        "language": language,
        "load_s": round(done["at"] - start, 3),
        # while the list loads in the thread pool, then while every field is underlined
        "longest_stall_loading_ms": round(max(loading, default=0) * 1000),
        "longest_stall_underlining_ms": round(max(after, default=0) * 1000),
    }


if __name__ == "__main__":
    print(json.dumps(main(*sys.argv[1:2])))
