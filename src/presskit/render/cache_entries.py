"""Files in presskit's per-user cache folder (parsed fonts, prepared images), read and written
so that whatever is found there can only cost time.

The folder is the user's own, but anything may end up in it: a file cut off by a full disk,
one from another version, or something planted. An entry is read only if it is a regular
file (not a link, a pipe or a device: a pipe would block an export for ever) of at most the
size its kind allows, and written in place of a link rather than through it. Callers still
check what they read; these helpers only make sure reading it is safe and bounded.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

import platformdirs

from presskit.storage.atomic import atomic_write
from presskit.storage.errors import StorageError

_READ_FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
_BINARY = getattr(os, "O_BINARY", 0)


def cache_folder(kind: str) -> Path:
    """The folder of one kind of entry (``fonts``, ``images``) in the per-user cache."""
    return Path(platformdirs.user_cache_dir("presskit", appauthor=False)) / kind


def file_stamp(status: os.stat_result) -> tuple[int, ...]:
    """What says a file is still the one an entry was made from: its size, modification and
    change times, and which file it is. A photo copied over another with the same size and
    modification time (``cp -p``, an unzip) is still another file, or was changed since."""
    return (status.st_size, status.st_mtime_ns, status.st_ctime_ns, status.st_ino,
            status.st_dev)


def read_entry(entry: Path, limit: int) -> bytes | None:
    """The bytes of ``entry`` if it is a regular file of at most ``limit`` bytes, else
    ``None`` (missing, a link, a pipe, a folder, too large, unreadable)."""
    try:
        fd = os.open(entry, _READ_FLAGS | _BINARY)
    except OSError:
        return None
    try:
        status = os.fstat(fd)
        if not stat.S_ISREG(status.st_mode) or status.st_size > limit:
            return None
        with os.fdopen(fd, "rb") as stream:
            fd = -1  # the stream closes it
            data = stream.read(limit + 1)
    except OSError:
        return None
    finally:
        if fd >= 0:
            os.close(fd)
    return data if len(data) <= limit else None


def write_entry(entry: Path, payload: bytes) -> bool:
    """Write ``entry`` atomically (replacing a link there, never writing through it);
    ``False`` if the folder cannot hold it, which only means no cache this time."""
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        if entry.is_symlink():
            entry.unlink()
        atomic_write(entry, payload)
    except (OSError, StorageError):
        return False
    return True


def touch(entry: Path) -> None:
    """Mark ``entry`` as just used (the folder is trimmed least recently used first); the
    link itself where one was planted, never the file it points to."""
    with contextlib.suppress(OSError):
        if os.utime in os.supports_follow_symlinks:
            os.utime(entry, follow_symlinks=False)
        elif not entry.is_symlink():  # Windows: no way to touch a link itself
            os.utime(entry)
