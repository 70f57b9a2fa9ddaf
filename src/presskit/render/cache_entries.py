"""Files in presskit's per-user cache folder (parsed fonts, prepared images), read and written
so that whatever is found there can only cost time.

The folder is the user's own, but anything may end up in it: a file cut off by a full disk,
one from another version, or something planted. An entry is read only if it is a regular
file (not a link, a pipe or a device: a pipe would block an export for ever) of at most the
size its kind allows, and written in place of a link rather than through it. Callers still
check what they read; these helpers only make sure reading it is safe and bounded.

The folders themselves are checked too, at every read and write: the cache root
(``~/.cache/presskit``) and its kind's folder (``fonts``, ``images``) must each be a real folder
of this user's, never a link, so a link planted there (by anyone who can write to a shared
home, or a leftover link to a folder elsewhere) is never written through. They are created one
level at a time with ``mkdir``, which never follows a link, and checked with ``lstat`` after.
Where they are not right the cache is simply not used: rendering works as before, only
uncached, and the log says why once. The folder above the root (``~/.cache``, or
``XDG_CACHE_HOME``) is the user's to place wherever they like, a link included.
"""

from __future__ import annotations

import contextlib
import logging
import os
import stat
from pathlib import Path

import platformdirs

from presskit.storage.atomic import atomic_write
from presskit.storage.errors import StorageError

_READ_FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
_BINARY = getattr(os, "O_BINARY", 0)
#: Windows marks links and junctions as reparse points; elsewhere no file has the flag.
_REPARSE_POINT = getattr(stat, "FILE_ATTRIBUTE_REPARSE_POINT", 0)
_log = logging.getLogger(__name__)
#: Folders already reported as unusable, so a run says so once, not at every picture.
_reported: set[Path] = set()


def cache_folder(kind: str) -> Path:
    """The folder of one kind of entry (``fonts``, ``images``) in the per-user cache."""
    return Path(platformdirs.user_cache_dir("presskit", appauthor=False)) / kind


def usable_folder(folder: Path, *, create: bool) -> bool:
    """Whether the cache may use ``folder`` (a kind's folder): it and the cache root above it
    are real folders of this user's, not links; with ``create`` made first where missing,
    one level at a time and never through a link."""
    if create:
        with contextlib.suppress(OSError):
            folder.parent.parent.mkdir(parents=True, exist_ok=True)
    for level in (folder.parent, folder):
        if create:
            try:
                os.mkdir(level, 0o700)
            except FileExistsError:
                pass  # there already: checked below, whatever it is
            except OSError:
                return False  # a read-only home: no cache this time, nothing to report
        problem = _folder_problem(level)
        if problem is not None:
            if problem and level not in _reported:
                _reported.add(level)
                _log.warning("not using the cache folder %s: %s", level, problem)
            return False
    return True


def _folder_problem(level: Path) -> str | None:
    """Why ``level`` cannot be a cache folder ("" when it is just missing), or ``None``."""
    try:
        status = os.lstat(level)
    except FileNotFoundError:
        return ""
    except OSError as exc:
        return exc.strerror or str(exc)
    if stat.S_ISLNK(status.st_mode) or getattr(status, "st_file_attributes", 0) & _REPARSE_POINT:
        return "it is a symbolic link; presskit does not write through links"
    if not stat.S_ISDIR(status.st_mode):
        return "it is not a folder"
    if hasattr(os, "getuid") and status.st_uid != os.getuid():
        return "it belongs to another user"
    return None


def file_stamp(status: os.stat_result) -> tuple[int, ...]:
    """What says a file is still the one an entry was made from: its size, modification and
    change times, and which file it is. A photo copied over another with the same size and
    modification time (``cp -p``, an unzip) is still another file, or was changed since."""
    return (status.st_size, status.st_mtime_ns, status.st_ctime_ns, status.st_ino,
            status.st_dev)


def read_entry(entry: Path, limit: int) -> bytes | None:
    """The bytes of ``entry`` if it is a regular file of at most ``limit`` bytes, else
    ``None`` (missing, a link, a pipe, a folder, too large, unreadable, or in a folder the
    cache may not use)."""
    if not usable_folder(entry.parent, create=False):
        return None
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
    ``False`` if the folder cannot hold it or may not be used (``usable_folder``), which only
    means no cache this time."""
    if not usable_folder(entry.parent, create=True):
        return False
    try:
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
