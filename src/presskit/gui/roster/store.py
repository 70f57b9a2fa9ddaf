"""The roster the app works with: which file it is, what it holds, and every write to it.

The file is found with ``library.roster_path`` from the user's Preferences (else
``$PRESSKIT_ROSTER``, else the per-user data folder). A team may share it in a network folder,
so every change is made the way a careful editor makes it: take the roster's lock (waiting
a few seconds for a colleague's change, then saying who holds it), read the file as it is on
disk now, change that, write it atomically (``modify``, over ``library.modify_roster``). A
colleague's edit made at the same time is kept, and a file that does not load — bad YAML, a
newer format — is shown with its ``file:line:col`` message and never written over. The store
also watches the file and reloads when someone else saves it.

At the app's start the roster is read after the window is up (``open(..., hold=True)``, then
``start_loading()`` once the first preview is painted), in a thread of its own: a shared roster
of 5,000 experts takes a second or two to read, which the window would otherwise wait for.
Until it is in, ``loading`` is true; anything that asks for ``roster`` meanwhile waits for it
(or reads it there and then, if the thread has not started), so no command ever works on a
roster that is not all there.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from presskit.library import Roster, RosterFileError, load_roster, roster_path
from presskit.library.roster_file import LoadedRoster, modify_roster
from presskit.model import PresskitError
from presskit.model.limits import MAX_YAML_BYTES
from presskit.model.problems import Problem
from presskit.storage.inputs import InputError, read_input

#: The settings key of the roster location chosen in Preferences ("" = the default).
ROSTER_SETTING = "roster_path"
#: How long after a change on disk the file is read again (a save may come in pieces).
RELOAD_DELAY_MS = 300

T = TypeVar("T")


class RosterUnavailable(PresskitError):
    """The roster cannot be changed: its file did not load (the message says why)."""


class _Load:
    """One reading of the roster file, off the GUI thread or (if wanted first) on it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.thread: threading.Thread | None = None
        self.done = threading.Event()
        self.disk_bytes: bytes | None = None
        self.loaded: LoadedRoster | None = None
        self.error = ""

    def run(self) -> None:
        try:
            self.disk_bytes = _disk_bytes(self.path)
            self.loaded = load_roster(self.path)
        except RosterFileError as exc:
            self.error = str(exc)
        finally:
            self.done.set()


def _disk_bytes(path: Path) -> bytes | None:
    """The file as it is on disk, to tell a colleague's save; ``None`` for anything
    ``load_roster`` would refuse as well. A shared folder is anyone's: a pipe planted at the
    roster's name must not hang the app at every start, nor a link to ``/dev/zero`` fill its
    memory, so this reads like every reader (``storage.inputs``): never waiting, regular
    files only, at most what a roster may hold."""
    try:
        return read_input(path, MAX_YAML_BYTES, what="roster")
    except InputError:
        return None


class RosterStore(QObject):
    """The current roster and its file; ``changed`` fires after every load and save."""

    changed = Signal()
    #: From the loading thread: its reading is done (a queued call to the GUI thread).
    _load_done = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path: Path = roster_path(None)
        self._roster = Roster()
        #: The reading not yet taken in (``open(..., hold=True)``), else ``None``.
        self._load: _Load | None = None
        self._load_done.connect(self._take_load)
        #: Warnings from the last load (unknown keys…), kept for the panel's tooltip.
        self.warnings: list[Problem] = []
        #: Why the file did not load (``file:line:col: error: …`` lines), or "".
        self.error = ""
        self._bytes: bytes | None = None
        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(RELOAD_DELAY_MS)
        self._reload_timer.timeout.connect(self._reload_if_changed)
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(lambda _path: self._reload_timer.start())
        self._watcher.directoryChanged.connect(lambda _path: self._reload_timer.start())

    @property
    def ok(self) -> bool:
        return not self.error

    @property
    def loading(self) -> bool:
        """The roster is still being read (see the module docstring)."""
        return self._load is not None

    @property
    def roster(self) -> Roster:
        """The roster; waits for it if it is still being read."""
        if self._load is not None:
            self._take_load(self._load)
        return self._roster

    def open(self, override: Path | str | None, *, hold: bool = False) -> None:
        """Use the roster ``override`` names (Preferences), else the environment or default.

        ``hold``: do not read it yet; ``start_loading()`` reads it in a thread, and anything
        that asks for ``roster`` before then reads it at once.
        """
        self.path = roster_path(override).absolute()
        self._watch()
        if hold:
            self._load = _Load(self.path)
            self._roster, self.warnings, self.error = Roster(), [], ""
        else:
            self.reload()

    def start_loading(self) -> None:
        """Read the roster held by ``open(..., hold=True)`` in a thread of its own."""
        load = self._load
        if load is None or load.thread is not None:
            return

        def run() -> None:
            load.run()
            # A store gone meanwhile (the window closed) has no one to tell.
            with contextlib.suppress(RuntimeError):
                self._load_done.emit(load)

        load.thread = threading.Thread(target=run, name="roster-reader", daemon=True)
        load.thread.start()

    def _take_load(self, load: _Load) -> None:
        if load is not self._load:
            return  # taken in already, or another roster was opened meanwhile
        if load.thread is None:
            load.run()
        load.done.wait()
        self._load = None
        self._bytes = load.disk_bytes
        if load.loaded is None:
            self._roster, self.warnings, self.error = Roster(), [], load.error
        else:
            self._roster, self.warnings, self.error = (
                load.loaded.roster, load.loaded.problems, "")
        self.changed.emit()

    def reload(self) -> None:
        """Read the file again; on failure keep an empty roster and the message."""
        self._load = _Load(self.path)  # a reading still held or under way is dropped
        self._take_load(self._load)

    def modify(self, change: Callable[[Roster], tuple[Roster, T]]) -> T:
        """Apply ``change`` to the roster as it is on disk now and save what it returns.

        ``change`` gets the freshly read roster and returns ``(new_roster, outcome)``; the
        outcome is passed back. Raises ``RosterUnavailable`` when the file does not load (it
        is then left alone) and ``PresskitError`` when it cannot be written or a colleague's
        change holds its lock too long (the message names them).
        """
        def apply(loaded: LoadedRoster) -> tuple[Roster, T]:
            return change(loaded.roster)

        try:
            outcome = modify_roster(self.path, apply)
        except RosterFileError as exc:
            self.reload()
            raise RosterUnavailable(
                f"The roster file has errors, so presskit will not change it. Fix it, or "
                f"choose another roster in Preferences.\n\n{exc}"
            ) from None
        self._watch()
        self.reload()
        return outcome

    # Watching the file for a colleague's saves.

    def _watch(self) -> None:
        # An atomic save replaces the file, and watchers lose a replaced file; the folder is
        # watched too so a roster that did not exist yet is noticed when it appears.
        old = self._watcher.files() + self._watcher.directories()
        if old:
            self._watcher.removePaths(old)
        wanted = [str(p) for p in (self.path, self.path.parent) if p.exists()]
        if wanted:
            self._watcher.addPaths(wanted)

    def _reload_if_changed(self) -> None:
        self._watch()
        if self._load is None and _disk_bytes(self.path) != self._bytes:
            self.reload()
