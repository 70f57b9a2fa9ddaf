"""The lock-file primitive: a file created exclusively, naming its owner, that works on shared
and network folders (where ``flock`` and ``fcntl`` locks are not shared between machines).

Taking a lock is one ``os.open(O_CREAT | O_EXCL | O_NOFOLLOW)``: of any number of processes,
on any machines sharing the folder, exactly one creates the file. It holds JSON naming the
owner (``owner.Owner``: pid, host, user, start token) and when it was created. It is never a
link followed: the exclusive create fails on any existing name, a link included, and reading
opens with ``O_NOFOLLOW | O_NONBLOCK`` (a FIFO cannot hang it), regular files only, at most
``READ_LIMIT`` bytes.

When is a lock left behind (a crash, a kill, a reboot) *stale*?

- this host: its process is gone, or its id now belongs to another process (another boot, or
  another start time: see ``owner.is_running``);
- another host: it cannot be checked, so only by age: its modification time older than
  ``stale_elsewhere_s`` (each kind of lock says how long, or never). A lock held for long is
  kept young by its holder with ``refresh``, which sets the modification time and nothing
  else: the one change every shared file system (NFS, SMB) carries to the other machines
  without rewriting the file, so no reader ever sees it half-written and its identity
  (device, inode), which the breaker checks, stays the same;
- contents that name no sensible owner (empty, not JSON, an absurd pid, binary, huge): an
  unknown owner, stale once older than ``WRITE_GRACE_S`` (a lock just created may not be
  written yet); a link, folder or other special file at the name is never a presskit lock and
  always stale.

Taking over a stale lock is itself race-free: only the process that exclusively creates the
*breaker* ``NAME.break`` may remove a stale lock, and it checks again, holding the breaker, that
the file is the very one judged stale (same device and inode) before removing it; then every
contender retries the exclusive create, and one wins. A breaker left by a crash while breaking
is judged by the same rules (it lives for milliseconds).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import json
import os
import secrets
import stat
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from presskit.model import limits
from presskit.storage.errors import StorageError, describe_os_error
from presskit.storage.locks.owner import (
    UNKNOWN,
    Owner,
    is_running,
    owner_from_json,
    same_host,
    this_process,
)

#: The most of a lock file ever read: a real one is about 200 bytes.
READ_LIMIT = limits.MAX_LOCK_BYTES
#: A lock file this young whose contents do not parse may still be being written.
WRITE_GRACE_S = 5.0
#: A breaker from another host older than this was left by a crash while breaking.
BREAKER_STALE_S = 30.0
#: Exclusive creates tried before giving up on a lock that keeps changing hands.
ATTEMPTS = 20

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)


@dataclass(frozen=True)
class LockState:
    """A lock file as found: who it names (``UNKNOWN`` if nobody sensible), whether it is
    stale, and which file it was (device, inode)."""

    owner: Owner
    stale: bool
    ident: tuple[int, int]


def read_owner(path: Path) -> Owner | None:
    """The owner the lock file at ``path`` names, or ``None`` (no file, or no sensible owner).
    Never follows a link, never blocks, never raises."""
    found = _read(path)
    return found[0] if found is not None else None


def _read(path: Path) -> tuple[Owner | None, os.stat_result] | None:
    """The owner named and the file's status; ``None`` when there is no file."""
    try:
        status = os.lstat(path)
    except FileNotFoundError:
        return None
    except OSError:
        return (None, os.stat_result((0,) * 10))
    if not stat.S_ISREG(status.st_mode):
        return (None, status)
    try:
        fd = os.open(path, os.O_RDONLY | _NOFOLLOW | _NONBLOCK | _CLOEXEC)
    except FileNotFoundError:
        return None
    except OSError:
        return (None, status)
    try:
        opened = os.fstat(fd)
        if not stat.S_ISREG(opened.st_mode):
            return (None, opened)
        data = os.read(fd, READ_LIMIT + 1)
    except OSError:
        return (None, status)
    finally:
        os.close(fd)
    return (_parse(data), opened)


def _parse(data: bytes) -> Owner | None:
    """The owner a lock file's bytes (read up to ``READ_LIMIT`` + 1) name, if any."""
    if len(data) > READ_LIMIT:
        return None
    try:
        return owner_from_json(json.loads(data.decode("utf-8")))
    except (ValueError, RecursionError):  # not UTF-8, not JSON, nested absurdly deep
        return None


def judge(path: Path, stale_elsewhere_s: float | None) -> LockState | None:
    """The lock at ``path`` and whether it is stale; ``None`` when there is none."""
    found = _read(path)
    if found is None:
        return None
    owner, status = found
    ident = (status.st_dev, status.st_ino)
    age = _age(status.st_mtime)
    if owner is None:
        regular = stat.S_ISREG(status.st_mode)
        return LockState(UNKNOWN, not regular or age > WRITE_GRACE_S, ident)
    if owner == this_process():
        stale = False
    elif same_host(owner):
        stale = not is_running(owner)
    else:
        stale = stale_elsewhere_s is not None and age > stale_elsewhere_s
    return LockState(owner, stale, ident)


#: How far in the future a lock's time may be and still be believed: clocks on a shared
#: folder's machines differ by seconds, sometimes minutes.
CLOCK_SKEW_S = 600.0


def _age(mtime: float) -> float:
    """Seconds since a lock was written. A time further ahead than clocks ever differ (a
    lock ``touch``-ed to 2035) is no time at all: such a lock counts as infinitely old, so it
    can never hold a roster or kit for ever."""
    age = time.time() - mtime
    if age < -CLOCK_SKEW_S:
        return float("inf")
    return max(age, 0.0)


def create(path: Path, owner: Owner) -> None:
    """Create the lock file exclusively, naming ``owner``. Raises ``FileExistsError`` when
    anything (a link included) has the name, other ``OSError`` when it cannot be made."""
    record = {**owner.as_json(),
              "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds")}
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _CLOEXEC, 0o644)
    try:
        os.write(fd, (json.dumps(record) + "\n").encode("utf-8"))
    except OSError:
        os.close(fd)
        with contextlib.suppress(OSError):
            os.unlink(path)
        raise
    os.close(fd)


def try_acquire(path: Path, stale_elsewhere_s: float | None) -> Owner | None:
    """Take the lock at ``path``: ``None`` if this process now holds it (it created it), else
    the owner of the lock in the way (which may be this very process, taken earlier).

    Stale locks are taken over. Raises ``OSError`` when no lock can be created there at all
    (a read-only folder…)."""
    me = this_process()
    last: Owner = UNKNOWN
    for _attempt in range(ATTEMPTS):
        try:
            create(path, me)
            return None
        except FileExistsError:
            pass
        state = judge(path, stale_elsewhere_s)
        if state is None:
            continue  # released meanwhile: try again
        last = state.owner
        if not state.stale:
            return state.owner
        if not _break(path, state, stale_elsewhere_s):
            time.sleep(0.005)  # another process is breaking it: let it finish
    return last


def _break(path: Path, judged: LockState, stale_elsewhere_s: float | None) -> bool:
    """Remove the stale lock ``judged`` if it is still there; ``False`` when another process
    holds the breaker."""
    breaker = path.with_name(path.name + ".break")
    try:
        create(breaker, this_process())
    except FileExistsError:
        state = judge(breaker, BREAKER_STALE_S)
        if state is not None and state.stale:
            _remove(breaker, state.ident)
        return False
    try:
        again = judge(path, stale_elsewhere_s)
        if again is not None and again.stale and again.ident == judged.ident:
            _remove(path, again.ident)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(breaker)
    return True


def _remove(path: Path, ident: tuple[int, int]) -> None:
    """Remove what is at ``path`` (a link itself, never its target): renamed aside to a
    unique name first, so a file that replaced it meanwhile is put back, not lost."""
    aside = path.with_name(f"{path.name}.stale-{secrets.token_hex(4)}")
    try:
        os.rename(path, aside)
    except OSError:
        return
    try:
        status = os.lstat(aside)
    except OSError:
        return
    if (status.st_dev, status.st_ino) != ident:
        with contextlib.suppress(OSError):
            os.link(aside, path, follow_symlinks=False)
        return
    try:
        os.unlink(aside)
    except IsADirectoryError:
        pass  # a planted folder: left aside under its new name, out of the way
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.EISDIR, errno.ENOENT):
            raise


class LockBusy(StorageError):
    """Another process held the lock for longer than we were willing to wait."""

    def __init__(self, message: str, owner: Owner) -> None:
        super().__init__(message)
        self.owner = owner


@contextlib.contextmanager
def held(path: Path, *, wait_s: float, stale_elsewhere_s: float | None,
         busy: Callable[[Owner], str]) -> Iterator[None]:
    """Hold the lock at ``path`` for the ``with`` block, waiting up to ``wait_s`` seconds for
    its holder; then raise ``LockBusy`` with ``busy(owner)`` as its message. A lock that
    cannot be created at all raises ``StorageError`` ("cannot lock …: permission denied")."""
    deadline = time.monotonic() + wait_s
    while True:
        try:
            owner = try_acquire(path, stale_elsewhere_s)
        except OSError as exc:
            raise StorageError(f"cannot lock {path}: {describe_os_error(exc)}") from None
        if owner is None:
            break
        if time.monotonic() >= deadline:
            raise LockBusy(busy(owner), owner)
        # Jittered, so two waiters do not wake in step.
        time.sleep(0.02 + secrets.randbelow(40) / 1000)
    try:
        yield
    finally:
        release(path)


def refresh(path: Path) -> bool:
    """Mark the lock at ``path`` as still held, if this process holds it: its modification
    time becomes now, so other hosts do not take it for one left by a crash.

    ``False`` when it is no longer ours (gone, taken over by another process, or anything but
    a regular file naming this process): then nothing is touched, and nothing is created, for
    the lock now is, or may become, another's. The file is checked and touched through one
    handle opened without following links, so a file put in its place meanwhile is never
    touched. Raises ``OSError`` when it could not be checked or touched at all (a network
    share gone for a moment): then it may still be ours, and the next refresh may succeed."""
    try:
        fd = os.open(path, os.O_RDONLY | _NOFOLLOW | _NONBLOCK | _CLOEXEC)
    except (FileNotFoundError, NotADirectoryError):
        return False
    except OSError as exc:
        if exc.errno in (errno.ELOOP, errno.EMLINK, errno.ENXIO):  # a link, a socket
            return False
        raise
    try:
        status = os.fstat(fd)
        if not stat.S_ISREG(status.st_mode):
            return False
        if _parse(os.read(fd, READ_LIMIT + 1)) != this_process():
            return False
        _touch(fd, path, (status.st_dev, status.st_ino))
    finally:
        os.close(fd)
    return True


def _touch(fd: int, path: Path, ident: tuple[int, int]) -> None:
    """Set the modification time of the file open as ``fd`` to now (the file server's now, on
    a network share). Where a handle cannot be touched (Windows), the name is, once it is
    seen to be that very file and no link."""
    if os.utime in os.supports_fd:
        os.utime(fd)
        return
    again = os.lstat(path)
    if stat.S_ISLNK(again.st_mode) or (again.st_dev, again.st_ino) != ident:
        raise FileNotFoundError(errno.ENOENT, "the lock was replaced while refreshed", str(path))
    os.utime(path)


def release(path: Path) -> None:
    """Remove the lock at ``path`` if this process holds it (never another's)."""
    if read_owner(path) == this_process():
        with contextlib.suppress(OSError):
            os.unlink(path)
