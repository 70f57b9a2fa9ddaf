"""``presskit --self-test``: does this installation work? The app as a user starts it.

It opens the window on a copy of the shipped example kit (in a temporary folder, with
settings of its own, so the user's recent files and window layout are left alone), waits for
the preview's render process to draw the kit, checks the preview shows its pages, prints
how long each step took (and the CPU time the window needed, which a busy machine does not
stretch), and exits 0; 1 with the reason if any step failed or took longer
than ``TIME_LIMIT_S``. With ``QT_QPA_PLATFORM=offscreen`` it needs no display, which is how
``make dist-check`` and the release workflow run it on the packaged app.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer

from presskit import __version__
from presskit.gui.app import make_application
from presskit.gui.first_run import copy_welcome_kit
from presskit.gui.preview.render_process import shared_process
from presskit.gui.settings import Settings
from presskit.gui.window.main_window import MainWindow

#: The whole test gives up after this long (a first render also fills the font cache).
TIME_LIMIT_S = 60.0
#: How often the preview is looked at while it renders.
_POLL_MS = 20


def run_self_test(time_limit: float = TIME_LIMIT_S, *, started: float | None = None) -> int:
    """Open the example in the app, render its preview; 0 if both worked, else 1.
    Times count from ``started`` (``time.monotonic()``; by default, now)."""
    started = time.monotonic() if started is None else started
    app = make_application()
    with tempfile.TemporaryDirectory(prefix="presskit-self-test-") as folder:
        kit = copy_welcome_kit(Path(folder))
        window = MainWindow(settings=Settings(Path(folder) / "settings.json"),
                            preview_delay_ms=0)
        window.show()
        shared_process().start()
        if not window.open_project(kit):
            print(f"presskit --self-test: could not open {kit}", file=sys.stderr)
            return 1
        app.processEvents()
        opened = time.monotonic() - started
        # The CPU this process needed to get there: what the clock would say on an idle
        # machine, give or take the disk (the clock counts other programs' turns too).
        opened_cpu = time.process_time()
        # Opening the kit started its render: wait until it is on screen (or failed).
        preview = window.preview
        while not (preview.idle() and (preview.page_count() or preview.error_text())):
            if time.monotonic() - started > time_limit:
                break
            loop = QEventLoop()
            QTimer.singleShot(_POLL_MS, loop.quit)
            loop.exec()
        error, pages = preview.error_text(), preview.page_count()
        drawn = time.monotonic() - started
        window.document.undo_stack.setClean()
        window.close()
        app.processEvents()
        shared_process().close()
    if error:
        print(f"presskit --self-test: the preview failed: {error}", file=sys.stderr)
        return 1
    if pages < 1:
        print(f"presskit --self-test: no preview within {time_limit:.0f} s", file=sys.stderr)
        return 1
    plural = "s" if pages != 1 else ""
    print(f"presskit {__version__}: window with {kit.name} in {opened:.2f} s "
          f"({opened_cpu:.2f} s of CPU), preview of {pages} page{plural} in {drawn:.2f} s: ok")
    return 0
