"""Autosave: a copy of a modified kit in the state dir every minute, offered back after a crash.

Each window has its own session id; its copy is ``<state dir>/autosave/<id>.presskit`` with a
sidecar ``<id>.json`` naming the file the kit came from, when it was written and by which
process. The copy is written with ``storage.dumps_kit`` + ``atomic_write`` (asset paths relative
to the copy, so it opens like any project) and deleted when the kit is saved or closed cleanly.
Whatever is left at the next start was left by a crash: ``find_autosaves`` lists it, newest
first, skipping copies that another running presskit process is still keeping. The note names
its process as ``storage.locks.owner`` records it (pid, host, user and start token), so a
process id reused after a reboot, or later the same day, is not mistaken for the writer and
the work is still offered. Notes are read bounded (``NOTE_LIMIT``, regular files only, never
through a link), and a note that makes no sense is skipped, never an error.

The timer's copies are written in the thread pool from a snapshot (an institute's kit takes
half a second to write, which froze the window every minute on the GUI thread); a copy
still being written when the kit is saved or closed is deleted as soon as it is finished.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
import os
import pickle
import stat
import uuid
from dataclasses import dataclass
from pathlib import Path

import platformdirs
from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from presskit.gui.document.kit_document import KitDocument
from presskit.gui.settings import APP_NAME
from presskit.model import Kit, PresskitError, limits
from presskit.storage import atomic_write, dumps_kit
from presskit.storage.locks.owner import Owner, is_running, owner_from_json, this_process

#: The most of an autosave note ever read (``model/limits.py``).
NOTE_LIMIT = limits.MAX_AUTOSAVE_NOTE_BYTES
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)

DEFAULT_INTERVAL_MS = 60_000
_log = logging.getLogger(__name__)


def autosave_dir() -> Path:
    return Path(platformdirs.user_state_dir(APP_NAME, appauthor=False)) / "autosave"


@dataclass(frozen=True)
class Autosave:
    """One autosaved copy on disk."""

    kit_path: Path
    sidecar_path: Path
    original: Path | None
    saved_at: str
    pid: int

    def delete(self) -> None:
        for path in (self.kit_path, self.sidecar_path):
            with contextlib.suppress(FileNotFoundError):
                path.unlink()


def _writer_is_running(owner: Owner) -> bool:
    """Whether the process that wrote a note still runs (and so still keeps its copy)."""
    if owner.pid == os.getpid():
        return False  # this process has just started; its own leftovers are a past crash's
    if os.name != "posix":
        return False  # no cheap, safe check; offering a copy twice beats losing one
    if owner.host and owner.host != this_process().host:
        return False  # another machine's process cannot be checked: offer rather than lose
    return is_running(owner)


def _read_note(sidecar: Path) -> dict[str, object] | None:
    """The note's JSON object, or ``None`` when it is not a sensible note."""
    try:
        fd = os.open(sidecar, os.O_RDONLY | _NOFOLLOW | _NONBLOCK)
    except OSError:
        return None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        data = os.read(fd, NOTE_LIMIT + 1)
    except OSError:
        return None
    finally:
        os.close(fd)
    if len(data) > NOTE_LIMIT:
        return None
    try:
        info = json.loads(data.decode("utf-8"))
    except (ValueError, RecursionError):
        return None
    return info if isinstance(info, dict) else None


def _writer(info: dict[str, object]) -> Owner | None:
    """Who wrote the note: its ``owner``, else (a note from an older presskit) its ``pid``."""
    owner = owner_from_json(info.get("owner"))
    if owner is None:
        owner = owner_from_json({"pid": info.get("pid"), "host": ""})
    return owner


def find_autosaves(directory: Path | None = None, exclude: str = "") -> list[Autosave]:
    """Copies left behind by sessions that did not close cleanly, newest first."""
    folder = directory if directory is not None else autosave_dir()
    found: list[Autosave] = []
    for sidecar in folder.glob("*.json") if folder.is_dir() else []:
        if sidecar.stem == exclude:
            continue
        info = _read_note(sidecar)
        if info is None:
            continue
        kit_path = sidecar.with_suffix(".presskit")
        writer = _writer(info)
        if not kit_path.is_file() or (writer is not None and _writer_is_running(writer)):
            continue
        original, saved_at = info.get("original"), info.get("saved_at", "")
        found.append(Autosave(
            kit_path=kit_path,
            sidecar_path=sidecar,
            original=(Path(original) if isinstance(original, str) and original
                      and "\0" not in original else None),
            saved_at=saved_at[:64] if isinstance(saved_at, str) else "",
            pid=writer.pid if writer is not None else 0,
        ))
    return sorted(found, key=lambda a: a.saved_at, reverse=True)


class _WriteCopy(QRunnable):
    """Writes one snapshot as the autosave copy, in the pool."""

    def __init__(self, saver: Autosaver, snapshot: bytes, original: Path | None,
                 generation: int) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._saver, self._snapshot, self._original = saver, snapshot, original
        self._generation = generation

    def run(self) -> None:
        saver, written = self._saver, False
        try:
            written = saver.write_copy(pickle.loads(self._snapshot), self._original)
            if saver.generation != self._generation:
                # Saved or closed while this was written: the copy must not outlive that.
                saver.discard_files()
                written = False
        except Exception:  # a bug must not stop every later copy (the timer waits for this)
            _log.exception("autosave failed")
        finally:
            with contextlib.suppress(RuntimeError):  # the window (and its saver) may be gone
                saver.written.emit(written)


class Autosaver(QObject):
    """Writes the document's kit to its session's autosave copy while it is modified."""

    #: A timed copy was written (True) or could not be / was discarded meanwhile (False).
    written = Signal(bool)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        interval_ms: int = DEFAULT_INTERVAL_MS,
        directory: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = uuid.uuid4().hex[:12]
        self.directory = directory if directory is not None else autosave_dir()
        self._document: KitDocument | None = None
        #: Bumped whenever the copy is discarded, so a write in flight knows it is stale.
        self.generation = 0
        self._writing = False
        self.written.connect(self._write_done)
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.save_in_background)
        self._timer.start()

    @property
    def kit_path(self) -> Path:
        return self.directory / f"{self.session}.presskit"

    @property
    def sidecar_path(self) -> Path:
        return self.directory / f"{self.session}.json"

    @property
    def writing(self) -> bool:
        """A timed copy is being written in the pool (a copy made stale by a save or close
        meanwhile is deleted when it is done)."""
        return self._writing

    def set_interval(self, interval_ms: int) -> None:
        self._timer.start(interval_ms)

    def set_document(self, document: KitDocument) -> None:
        if self._document is not None:
            self._document.undo_stack.cleanChanged.disconnect(self._clean_changed)
        self.discard()
        self._document = document
        document.undo_stack.cleanChanged.connect(self._clean_changed)

    def _clean_changed(self, clean: bool) -> None:
        if clean:
            self.discard()

    def save_if_modified(self) -> bool:
        """Write the copy if the kit has unsaved changes; ``True`` if one was written."""
        if self._document is None or not self._document.is_modified:
            return False
        return self.save_now()

    def save_in_background(self) -> bool:
        """The timer's copy: a snapshot now, written in the pool (``written`` says when).
        ``False`` if there is nothing to write or a copy is still being written."""
        if self._document is None or not self._document.is_modified or self._writing:
            return False
        self._writing = True
        QThreadPool.globalInstance().start(_WriteCopy(
            self, self._document.snapshot_data(), self._document.path, self.generation))
        return True

    def _write_done(self, _written: bool) -> None:
        self._writing = False

    def save_now(self) -> bool:
        """Write the copy at once, on this thread; ``True`` if it was written."""
        if self._document is None:
            return False
        return self.write_copy(self._document.kit, self._document.path)

    def write_copy(self, kit: Kit, original: Path | None) -> bool:
        """Write ``kit`` (from ``original``) as this session's copy; any thread."""
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            sidecar = {
                "original": str(original) if original is not None else "",
                "saved_at": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
                "pid": os.getpid(),
                "owner": this_process().as_json(),
            }
            payload = dumps_kit(kit, self.kit_path)
            # The note first: a copy is only offered with its note, and a crash between the
            # two writes must not leave the newest copy without one (it would never be offered).
            atomic_write(self.sidecar_path, json.dumps(sidecar, indent=2) + "\n")
            atomic_write(self.kit_path, payload)
        except (OSError, PresskitError) as exc:
            # Autosave is a safety net; failing to write it must not interrupt the user.
            _log.warning("autosave failed: %s", exc)
            return False
        return True

    def discard(self) -> None:
        """Delete this session's copy (the kit was saved or closed on purpose), and any copy
        still being written once it is written."""
        self.generation += 1
        self.discard_files()

    def discard_files(self) -> None:
        for path in (self.kit_path, self.sidecar_path):
            with contextlib.suppress(FileNotFoundError, OSError):
                path.unlink()

    def stop(self) -> None:
        self._timer.stop()
