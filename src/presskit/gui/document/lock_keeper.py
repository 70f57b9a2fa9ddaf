"""The lock on the open kit's file (``storage.locks.kit``), held for as long as a window has
the kit open.

Presskits on other machines cannot tell whether this one still runs; they go by how recently
the lock was marked as held, and take over one left unmarked for ``STALE_ELSEWHERE_S``. So
while a kit is open its lock is refreshed every ``REFRESH_MS`` on the GUI thread (a few
system calls on one small file). A refresh that finds the lock no longer ours (another
presskit took it over while this machine slept or was cut off from the share, or someone
removed it) stops the refreshing and reports it through ``lost``; the lock is never made
again behind the new holder's back, and saving still asks before writing over a file changed
on disk.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from presskit.storage.locks.kit import REFRESH_INTERVAL_S, KitLock, LockOwner, read_owner

#: How often the open kit's lock is marked as held; read whenever a kit is claimed, so tests
#: may shorten it.
REFRESH_MS = int(REFRESH_INTERVAL_S * 1000)
_log = logging.getLogger(__name__)


class LockKeeper(QObject):
    """Claims, refreshes and releases the lock of the one kit its window has open."""

    #: The lock was found taken over or removed: a message for the status bar.
    lost = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lock: KitLock | None = None
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
        """Mark the lock as still held; say so once when it turns out not to be ours."""
        lock = self._lock
        if lock is None or lock.refresh():
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
