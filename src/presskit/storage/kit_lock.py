"""Who has a kit open: a lock file beside it, holding the process id and host of its owner.

Opening a kit that another running presskit already has open is allowed (it may be a
read-only look), but the user is told, because two editors of one file lose each other's
work. The lock ``.NAME.lock`` sits beside the kit so every machine on a shared folder sees
it. It is advisory: a lock whose process is gone (a crash, a kill) on this host is stale and
taken over silently; one from another host cannot be checked, so it counts as held. When the
folder is read-only no lock can be made, and the kit opens without one.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
from dataclasses import dataclass
from pathlib import Path

from presskit.storage.atomic import atomic_write
from presskit.storage.errors import StorageError


@dataclass(frozen=True)
class LockOwner:
    """The presskit process that holds a lock."""

    pid: int
    host: str

    def describe(self) -> str:
        return f"process {self.pid} on {self.host}"


def lock_path(kit_path: Path) -> Path:
    return kit_path.with_name(f".{kit_path.name}.lock")


def this_process() -> LockOwner:
    return LockOwner(os.getpid(), socket.gethostname())


def _is_alive(pid: int) -> bool:
    if os.name != "posix":
        return True  # no cheap check; a warning too many beats two silent editors
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process, but alive
    return True


def read_owner(kit_path: Path) -> LockOwner | None:
    """The owner the lock file names, or ``None`` if there is no readable lock."""
    try:
        data = json.loads(lock_path(kit_path).read_text(encoding="utf-8"))
        return LockOwner(int(data["pid"]), str(data["host"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _is_live_elsewhere(owner: LockOwner) -> bool:
    me = this_process()
    if owner == me:
        return False
    if owner.host != me.host:
        return True
    return _is_alive(owner.pid)


class KitLock:
    """This process's claim on one kit; ``release`` when the kit is closed."""

    def __init__(self, kit_path: Path) -> None:
        self.kit_path = kit_path
        self.owned = False

    def acquire(self) -> LockOwner | None:
        """Claim the kit; returns the other live owner if there is one (the claim is then
        not made, and their lock is left alone), else ``None``. Best effort: a folder that
        cannot hold a lock is not an error."""
        owner = read_owner(self.kit_path)
        if owner is not None and _is_live_elsewhere(owner):
            return owner
        me = this_process()
        try:
            # A stale or unreadable lock is simply replaced.
            atomic_write(lock_path(self.kit_path),
                         json.dumps({"pid": me.pid, "host": me.host}) + "\n")
        except StorageError:
            return None
        self.owned = True
        return None

    def release(self) -> None:
        """Remove the lock if it is still ours (never another process's)."""
        if self.owned and read_owner(self.kit_path) == this_process():
            with contextlib.suppress(OSError):
                lock_path(self.kit_path).unlink()
        self.owned = False
