"""Regenerate docs/images/main-window.png: the main window with the CNAS example kit open.

Runs headless (Qt's offscreen platform) with every per-user folder in a temp dir, so neither
the saved window layout nor the recent-files list of whoever runs it leaks into the picture.
The preview is waited for, the "Expert quotes" section is selected so the editor shows its
form, and the window is grabbed at 1400 x 900.

    .venv/bin/python scripts/screenshot.py [OUTPUT.png]
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KIT = ROOT / "examples" / "cnas-responds" / "cnas-responds.presskit"
DEFAULT_OUTPUT = ROOT / "docs" / "images" / "main-window.png"
SIZE = (1400, 900)


def main(argv: list[str]) -> int:
    output = Path(argv[0]) if argv else DEFAULT_OUTPUT
    home = Path(tempfile.mkdtemp(prefix="presskit-screenshot-"))
    for variable in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        os.environ[variable] = str(home / variable.lower())
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    # Qt is imported only now, after the environment is set.
    from PySide6.QtCore import QEventLoop, QThreadPool, QTimer

    from presskit.gui.app import make_application
    from presskit.gui.window.main_window import MainWindow

    app = make_application()

    def wait(ms: int) -> None:
        # A local event loop (not QTest.qWait) lets the render thread take the GIL meanwhile.
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    window = MainWindow()
    window.resize(*SIZE)
    window.show()
    if not window.open_project(KIT):
        print(f"could not open {KIT}", file=sys.stderr)
        return 1
    titles = [section.title for section in window.document.kit.sections]
    window.outline.select_row(titles.index("Expert quotes") if "Expert quotes" in titles else 0)
    deadline = time.monotonic() + 20
    while window.preview.page_count() == 0 or window.preview.busy_label.text():
        if time.monotonic() > deadline:
            print("the preview did not render in time", file=sys.stderr)
            return 1
        wait(100)
    wait(300)  # let the docks and the PDF view settle
    output.parent.mkdir(parents=True, exist_ok=True)
    if not window.grab().save(str(output)):
        print(f"could not write {output}", file=sys.stderr)
        return 1
    window.document.undo_stack.setClean()
    window.close()
    QThreadPool.globalInstance().waitForDone()
    app.processEvents()
    print(output)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
