"""A presskit window to kill: opens a kit, edits it, waits for the autosave, then idles.

Run by ``tests/gui/window/test_faults.py`` as ``python tests/support/crash_driver.py KIT TITLE
NAME`` with the test's per-user folders in the environment. It sets the kit's title to TITLE
and the first expert's name to NAME through the document's undo commands (what the editors
push), prints ``autosaved`` once the autosaved copy holds both edits, and keeps running until
it is killed.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer  # noqa: E402

from presskit.gui.app import make_application  # noqa: E402
from presskit.gui.document.commands import SetValue  # noqa: E402
from presskit.gui.window.main_window import MainWindow  # noqa: E402
from presskit.model import PresskitError  # noqa: E402
from presskit.storage import load_kit  # noqa: E402


def main(kit: Path, title: str, name: str) -> int:
    app = make_application()
    # A preview that never comes: the render process is not needed to autosave.
    window = MainWindow(autosave_interval_ms=100, preview_delay_ms=3_600_000)
    window.show()
    assert window.open_project(kit)
    document = window.document
    document.push(SetValue(document, ("title",), title))
    document.push(SetValue(document, ("experts", 0, "name"), name))

    def check() -> None:
        try:
            copy = load_kit(window.autosaver.kit_path).kit
        except (PresskitError, OSError):
            copy = None
        if copy is not None and copy.title == title and copy.experts[0].name == name:
            print("autosaved", flush=True)
        else:
            QTimer.singleShot(50, check)

    QTimer.singleShot(50, check)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), sys.argv[2], sys.argv[3]))
