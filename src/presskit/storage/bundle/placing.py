"""Where an unpacked bundle's files are written: presskit's own working folder, and the move
from it into the folder the user chose, which never goes through a link.

The files are unpacked into a working folder presskit makes with ``mkdir`` (mode 0700) inside
the chosen folder, named ``.presskit-unbundle-`` and 8 characters of ``tempfile``'s; each file
there is created new (``O_EXCL``) without following a link (``O_NOFOLLOW``). An unbundle that
is killed cannot remove its working folder, so each unbundle first removes those of the same
name pattern that are real folders (never links or files) last touched before this process
started or more than an hour ago: a running unbundle touches its folder after every megabyte,
so neither can be one still at work. Nothing of another name is ever removed.

Moving into place, each folder on an entry's path is entered by a file descriptor opened
without following links, made there if missing, and each file is hard-linked into place, which
fails rather than replace anything already there: a link planted in the chosen folder, even
while unpacking, is refused, never written through. On file systems without hard links the
file is renamed into place once nothing is seen there. Where the platform has no such
descriptors (Windows) the same checks are made by path. On any failure everything moved is
taken back and every folder made is removed. No Qt.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import shutil
import stat
import time
from pathlib import Path

from presskit.storage.bundle.format import WORK_PREFIX

#: When this process started (close enough: when this module was imported).
_STARTED_NS = time.time_ns()
_STALE_AFTER_NS = 3600 * 10**9
#: Exactly what ``tempfile.mkdtemp(prefix=WORK_PREFIX)`` makes.
_WORK_NAME = re.compile(re.escape(WORK_PREFIX) + r"[a-z0-9_]{8}")
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_DIRECTORY = getattr(os, "O_DIRECTORY", 0)
#: What ``link`` says on a file system that has no hard links (FAT, some network shares).
_NO_HARD_LINKS = {errno.EPERM, errno.EXDEV, errno.EMLINK, errno.ENOTSUP, errno.EOPNOTSUPP,
                  errno.ENOSYS}
_BY_DESCRIPTOR = {os.open, os.mkdir, os.link, os.unlink, os.rmdir} <= os.supports_dir_fd


class Blocked(Exception):
    """Something already in the chosen folder is in the way: the entry path it blocks."""


def remove_stale_work_folders(folder: Path) -> list[Path]:
    """Remove the working folders killed unbundles left in ``folder``; the ones removed."""
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    now = time.time_ns()
    for entry in entries:
        if not _WORK_NAME.fullmatch(entry.name):
            continue
        try:
            info = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        if not stat.S_ISDIR(info.st_mode):
            continue  # a link or a file of that name is not presskit's
        if info.st_mtime_ns >= _STARTED_NS and info.st_mtime_ns >= now - _STALE_AFTER_NS:
            continue  # another unbundle may be at work in it
        # rmtree refuses a link at the top and, where it can, never follows one below.
        with contextlib.suppress(OSError):
            shutil.rmtree(entry.path)
            removed.append(Path(entry.path))
    return removed


def touch(work: Path) -> None:
    """Mark ``work`` as in use, so no other unbundle takes it for a killed one's."""
    with contextlib.suppress(OSError):
        os.utime(work)


def create_file(work: Path, name: str) -> int:
    """A new file for the entry ``name`` under ``work`` (folders made as needed), open for
    writing; never an existing file, never through a link."""
    *parents, _ = name.split("/")
    for depth in range(1, len(parents) + 1):
        with contextlib.suppress(FileExistsError):
            os.mkdir(work.joinpath(*parents[:depth]))
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | getattr(os, "O_BINARY", 0)
    return os.open(work / name, flags, 0o666)


def move_into_place(work: Path, folder: Path, names: list[str]) -> None:
    """Move each entry ``name`` from ``work`` to ``folder``, or nothing at all.

    Raises ``Blocked`` naming the first entry path something already in ``folder`` occupies,
    and ``OSError`` for any other failure; everything moved is taken back first.
    """
    if _BY_DESCRIPTOR:
        _Mover(work, folder).move(sorted(names))
    else:
        _move_by_path(work, folder, sorted(names))


class _Mover:
    """Moves by directory descriptors, each opened without following a link."""

    def __init__(self, work: Path, folder: Path) -> None:
        self.work, self.folder = work, folder
        self.opened: dict[tuple[str, ...], int] = {}
        self.placed: list[tuple[int, str]] = []
        self.made: list[tuple[int, str]] = []

    def move(self, names: list[str]) -> None:
        try:
            # The chosen folder itself may be a link: the user named it.
            self.opened[()] = os.open(self.folder, os.O_RDONLY | _DIRECTORY)
            for name in names:
                self._place(name)
        except BaseException:
            for parent, leaf in reversed(self.placed):
                with contextlib.suppress(OSError):
                    os.unlink(leaf, dir_fd=parent)
            for parent, made in reversed(self.made):
                with contextlib.suppress(OSError):
                    os.rmdir(made, dir_fd=parent)
            raise
        finally:
            for fd in self.opened.values():
                os.close(fd)

    def _place(self, name: str) -> None:
        *parents, leaf = name.split("/")
        parent = self._enter(tuple(parents), name)
        source = str(self.work / name)
        try:
            os.link(source, leaf, dst_dir_fd=parent)
        except FileExistsError:
            raise Blocked(name) from None
        except OSError as exc:
            if exc.errno not in _NO_HARD_LINKS:
                raise
            if _exists(leaf, parent):
                raise Blocked(name) from None
            os.rename(source, leaf, dst_dir_fd=parent)
        self.placed.append((parent, leaf))

    def _enter(self, parts: tuple[str, ...], name: str) -> int:
        """The descriptor of the folder ``parts`` under the chosen folder, made if missing."""
        known = self.opened.get(parts)
        if known is not None:
            return known
        above = self._enter(parts[:-1], name)
        try:
            os.mkdir(parts[-1], dir_fd=above)
        except FileExistsError:
            pass
        else:
            self.made.append((above, parts[-1]))
        try:
            fd = os.open(parts[-1], os.O_RDONLY | _DIRECTORY | _NOFOLLOW, dir_fd=above)
        except OSError as exc:
            if exc.errno in (errno.ELOOP, errno.ENOTDIR, errno.EMLINK):
                raise Blocked("/".join(parts)) from None
            raise
        self.opened[parts] = fd
        return fd


def _exists(name: str, folder_fd: int) -> bool:
    try:
        os.stat(name, dir_fd=folder_fd, follow_symlinks=False)
    except FileNotFoundError:
        return False
    return True


def _move_by_path(work: Path, folder: Path, names: list[str]) -> None:
    """The same moves by path, checking each folder on the way is not a link."""
    moved: list[Path] = []
    made: list[Path] = []
    try:
        for name in names:
            target = folder / name
            parts = name.split("/")
            for depth in range(1, len(parts)):
                place = folder.joinpath(*parts[:depth])
                if not os.path.lexists(place):
                    place.mkdir()
                    made.append(place)
                elif place.is_symlink() or not place.is_dir():
                    raise Blocked("/".join(parts[:depth]))
            if os.path.lexists(target):
                raise Blocked(name)
            os.rename(work / name, target)
            moved.append(target)
    except BaseException:
        for target in reversed(moved):
            with contextlib.suppress(OSError):
                os.rename(target, work / target.relative_to(folder))
        for place in reversed(made):
            with contextlib.suppress(OSError):
                place.rmdir()
        raise


__all__ = ["Blocked", "create_file", "move_into_place", "remove_stale_work_folders", "touch"]
