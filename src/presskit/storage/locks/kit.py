"""Who has a kit open: the lock file ``.NAME.lock`` beside it (``file_lock``), naming its owner.

Opening a kit that another running presskit already has open is allowed (it may be a
read-only look), but the user is told, because two editors of one file lose each other's
work. The lock sits beside the kit so every machine on a shared folder sees it, and is taken
with one exclusive create: of two presskits opening a kit at the same moment exactly one gets
it. A lock whose process is gone on this host (a crash, a kill, a reboot: ``owner.is_running``)
is stale and taken over silently. One from another host cannot be checked, and a kit stays
open for days, so its age alone says nothing; instead the presskit holding a kit marks its
lock as held every ``REFRESH_INTERVAL_S`` (``KitLock.refresh``, from the app's timer), and a
lock from another host not marked for ``STALE_ELSEWHERE_S`` was left by a machine that
crashed, lost the share or slept: it is stale and taken over, so one laptop cannot lock a kit
on a shared drive for everyone for ever. A fresher one counts as held and the user may open
anyway. When the folder is read-only no lock can be made, and the kit opens without one.
"""

from __future__ import annotations

from pathlib import Path

from presskit.storage.locks import file_lock
from presskit.storage.locks.owner import Owner, this_process

#: The process that holds a kit's lock (kept under its old name for the app).
LockOwner = Owner

#: How often the app marks the lock of each kit it has open as still held.
REFRESH_INTERVAL_S = 60.0
#: A lock from another host not marked as held for this long is stale: five refreshes missed,
#: which a running presskit never does, however slow the share (a network file system may
#: show another machine's change a minute late). Machines sharing a folder must agree on the
#: time to within a few minutes; a clock further ahead sees others' locks as stale sooner.
STALE_ELSEWHERE_S = 5 * REFRESH_INTERVAL_S

__all__ = ["REFRESH_INTERVAL_S", "STALE_ELSEWHERE_S", "KitLock", "LockOwner", "lock_path",
           "read_owner", "this_process"]


def lock_path(kit_path: Path) -> Path:
    return kit_path.with_name(f".{kit_path.name}.lock")


def read_owner(kit_path: Path) -> Owner | None:
    """The owner the kit's lock file names, or ``None`` if there is no sensible lock."""
    return file_lock.read_owner(lock_path(kit_path))


class KitLock:
    """This process's claim on one kit; ``release`` when the kit is closed."""

    def __init__(self, kit_path: Path) -> None:
        self.kit_path = kit_path
        self.owned = False

    def acquire(self) -> Owner | None:
        """Claim the kit; returns the other live owner if there is one (the claim is then
        not made, and their lock is left alone), else ``None``. Best effort: a folder that
        cannot hold a lock is not an error."""
        try:
            owner = file_lock.try_acquire(lock_path(self.kit_path),
                                          stale_elsewhere_s=STALE_ELSEWHERE_S)
        except OSError:
            return None  # a read-only folder: the kit opens without a lock
        if owner is not None and owner != this_process():
            return owner
        # Ours: just created, or taken by another window of this same process.
        self.owned = True
        return None

    def refresh(self) -> bool:
        """Mark the lock as still held (every ``REFRESH_INTERVAL_S``); ``False`` once it is
        not ours any more: then it is not claimed again, for another presskit may have taken
        it over while this one was asleep or cut off. A refresh that cannot reach the file at
        all (the share gone for a moment) keeps the claim and is tried again next time."""
        if not self.owned:
            return False
        try:
            if file_lock.refresh(lock_path(self.kit_path)):
                return True
        except OSError:
            return True
        self.owned = False
        return False

    def release(self) -> None:
        """Remove the lock if it is still ours (never another process's)."""
        if self.owned:
            file_lock.release(lock_path(self.kit_path))
        self.owned = False
