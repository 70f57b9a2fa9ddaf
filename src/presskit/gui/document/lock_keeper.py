"""The lock on the open kit's file (``storage.locks.kit``), held for as long as a window has
the kit open.

Presskits on other machines cannot tell whether this one still runs; they go by how recently
the lock was marked as held, and take over one left unmarked for ``STALE_ELSEWHERE_S``. So
while a kit is open its lock is refreshed every ``REFRESH_MS``, in the thread pool: it is only
a few system calls on one small file, but on a share over a slow network each is a round trip,
and the window must not stall every minute for them. A refresh that finds the lock no longer
ours (another presskit took it over while this machine slept or was cut off from the share,
or someone removed it) stops the refreshing and reports it through ``lost``; the lock is never
made again behind the new holder's back, and saving still asks before writing over a file
changed on disk.
"""

from __future__ import annotations

import contextlib
import logging
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from presskit.storage.locks.kit import REFRESH_INTERVAL_S, KitLock, LockOwner, read_owner

#: How often the open kit's lock is marked as held; read whenever a kit is claimed, so tests
#: may shorten it.
REFRESH_MS = int(REFRESH_INTERVAL_S * 1000)
_log = logging.getLogger(__name__)


class _Refresh(QRunnable):
    """Marks one lock as held, in the pool, and reports whether it is still ours."""

    def __init__(self, keeper: LockKeeper, lock: KitLock) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._keeper, self._lock = keeper, lock

    def run(self) -> None:
        still_ours = True
        try:
            still_ours = self._lock.refresh()
        except Exception:  # a bug must not stop every later refresh (the timer waits for this)
            _log.exception("refreshing the lock of %s failed", self._lock.kit_path)
        finally:
            with contextlib.suppress(RuntimeError):  # the window (and its keeper) may be gone
                self._keeper.refreshed.emit(self._lock, still_ours)


class LockKeeper(QObject):
    """Claims, refreshes and releases the lock of the one kit its window has open."""

    #: The lock was found taken over or removed: a message for the status bar.
    lost = Signal(str)
    #: A refresh in the pool is done: the lock it refreshed, and whether it is still ours.
    refreshed = Signal(object, bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lock: KitLock | None = None
        self._refreshing = False
        self.refreshed.connect(self._refresh_done)
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.refresh)

    def claim(self, path: Path | None) -> LockOwner | None:
        """Release the lock held now and lock ``path`` instead; returns the other running
        presskit that has ``path`` open, if any (then no lock is taken)."""
        self.release()
        if path is None:
            return None
        lock = KitLock(path)
        owner = lock.acquire()
        if owner is None:
            self._lock = lock
            if lock.owned:  # not in a folder that cannot hold a lock
                self.timer.start(REFRESH_MS)
        return owner

    def refresh(self) -> None:
        """The timer's refresh, in the pool; skipped while the last one is still waiting on
        the share."""
        if self._lock is None or self._refreshing:
            return
        self._refreshing = True
        QThreadPool.globalInstance().start(_Refresh(self, self._lock))

    def _refresh_done(self, lock: KitLock, still_ours: bool) -> None:
        self._refreshing = False
        if still_ours or lock is not self._lock:  # or released, or another kit claimed since
            return
        self.timer.stop()
        holder = read_owner(lock.kit_path)
        name = lock.kit_path.name
        if holder is not None:
            message = (f"{name} has been taken over by {holder.describe()}; saving here "
                       "will ask before writing over its changes")
        else:
            message = f"The lock on {name} was removed; other presskits are not warned of it"
        _log.warning("%s", message)
        self.lost.emit(message)

    def release(self) -> None:
        """Stop refreshing and remove the lock if it is still ours (never another's)."""
        self.timer.stop()
        if self._lock is not None:
            self._lock.release()
            self._lock = None
