"""Who has a kit open: the lock file ``.NAME.lock`` beside it (``file_lock``), naming its owner.

Opening a kit that another running presskit already has open is allowed (it may be a
read-only look), but the user is told, because two editors of one file lose each other's
work. The lock sits beside the kit so every machine on a shared folder sees it, and is taken
with one exclusive create: of two presskits opening a kit at the same moment exactly one gets
it. A lock whose process is gone on this host (a crash, a kill, a reboot: ``owner.is_running``)
is stale and taken over silently; one from another host cannot be checked and never goes stale
by age (a kit stays open for days), so it always counts as held and the user may open anyway.
When the folder is read-only no lock can be made, and the kit opens without one.
"""

from __future__ import annotations

from pathlib import Path

from presskit.storage.locks import file_lock
from presskit.storage.locks.owner import Owner, this_process

#: The process that holds a kit's lock (kept under its old name for the app).
LockOwner = Owner

__all__ = ["KitLock", "LockOwner", "lock_path", "read_owner", "this_process"]


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
            owner = file_lock.try_acquire(lock_path(self.kit_path), stale_elsewhere_s=None)
        except OSError:
            return None  # a read-only folder: the kit opens without a lock
        if owner is not None and owner != this_process():
            return owner
        # Ours: just created, or taken by another window of this same process.
        self.owned = True
        return None

    def release(self) -> None:
        """Remove the lock if it is still ours (never another process's)."""
        if self.owned:
            file_lock.release(lock_path(self.kit_path))
        self.owned = False
