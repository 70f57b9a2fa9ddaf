"""The composition root: ``presskit`` with no arguments (or a kit's path) starts here.

``run`` builds the ``QApplication`` (name and organisation, window icon), the one
``MainWindow``, opens the kit named on the command line (on the very first start, the
welcome kit: ``first_run``) and offers to recover work that a crash left in the autosave
folder. It is the only place that starts an event loop.

The start is ordered for the time to the window and to its first preview (``make bench``,
"app start"): the render process is started first, so that it imports ReportLab and renders
a blank kit to warm up on the other core while this process imports Qt and the window's
modules and builds the window; the kit is opened once the window is on screen.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QFileOpenEvent, QIcon
from PySide6.QtWidgets import QApplication

import presskit
from presskit import resources_path
from presskit.gui.preview.render_process import shared_process
from presskit.storage.bundle.format import BUNDLE_SUFFIX

if TYPE_CHECKING:
    from presskit.gui.window.main_window import MainWindow


#: When the application's version is set, after the event loop has started.
VERSION_DELAY_MS = 2000


def app_icon() -> QIcon:
    icon = QIcon()
    icons = resources_path() / "icons"
    for name in ("presskit.svg", "presskit.png"):
        if (icons / name).is_file():
            icon.addFile(str(icons / name))
    return icon


def make_application(argv: Sequence[str] = ()) -> QApplication:
    """The process's ``QApplication`` (created once), named and with the presskit icon."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(["presskit", *argv])
    app.setApplicationName("presskit")
    app.setOrganizationName("presskit")
    # Read from the package metadata (``importlib.metadata``: 20–70 ms of imports and file
    # reading, which nothing on screen needs): once the window and its first preview are up.
    QTimer.singleShot(VERSION_DELAY_MS, lambda: app.setApplicationVersion(presskit.__version__))
    app.setDesktopFileName("presskit")
    app.setWindowIcon(app_icon())
    return app


def open_file(window: MainWindow, path: Path) -> None:
    """Open what a double-click or the command line names: a kit, or a bundle (unpacked
    into a folder the user chooses first)."""
    if path.suffix.lower() == BUNDLE_SUFFIX:
        window.share.open_bundle(path)
    else:
        window.open_project(path)


class _FileOpener(QObject):
    def __init__(self, window: MainWindow, parent: QObject) -> None:
        super().__init__(parent)
        self.window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent):
            path = Path(event.file())
            QTimer.singleShot(0, lambda: open_file(self.window, path))
            return True
        return super().eventFilter(watched, event)


def run(argv: Sequence[str] = ()) -> int:
    """Run the desktop app; ``argv`` holds the arguments after the program name.

    A path among them is opened; Qt's own options (``-style``, ``-platform``…) are left to Qt.
    """
    # First of all, so that it warms up while the window is made (see the module docstring).
    shared_process().start()
    from presskit.gui.first_run import create_user_folders, welcome_kit
    from presskit.gui.settings import Settings
    from presskit.gui.window.main_window import MainWindow

    created = QApplication.instance() is None
    app = make_application(argv)
    # Qt strips its own options from the arguments of an application it created.
    arguments = app.arguments()[1:] if created else list(argv)
    files = [Path(arg) for arg in arguments if not arg.startswith("-")]
    settings = Settings()
    if not files:
        # The first start opens a welcome kit: the example, copied where the user keeps kits.
        welcome = welcome_kit(settings)
        files = [welcome] if welcome is not None else []
    # The blank kit it is made with is replaced at once by a kit named: the panes are filled
    # (and the preview rendered) with that kit only, once the window is on screen.
    window = MainWindow(settings=settings, kit_follows=bool(files))
    window.show()

    def start() -> None:
        # Not needed to show the window (the settings and the welcome kit make their own).
        create_user_folders()
        # After the window is on screen, so the questions have a parent to sit over.
        recovered = window.offer_recovery()
        if files and not recovered:
            open_file(window, files[0])
        window.fill_panes()  # no kit came (it could not be opened): the blank kit stays

    # macOS hands the file a Finder double-click opens to the running app as an event.
    opener = _FileOpener(window, app)
    app.installEventFilter(opener)

    QTimer.singleShot(0, start)
    return app.exec()


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:]))
