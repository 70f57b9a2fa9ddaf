"""The pieces every write is made of: checking what is at the target, naming and creating the
temp file beside it, and cleaning up the temps a killed writer left.

A target must be a regular file or nothing: presskit never writes through a symbolic link
(a link planted beside a kit at a name presskit writes by itself would send the kit's text
into the file it points to) and never replaces a folder, a pipe or a device. The temp file is
created exclusively, without following links, with the target's permission bits from the
start, so its data is never readable by more people than the target's.

A temp is named ``.NAME.xxxxxxxx.tmp``; where that would pass the folder's name limit (255
bytes on every common file system), ``NAME`` is cut and given a hash of the whole name, so
any name that is itself legal can be written, and its leftovers are still recognised.

A process killed mid-write (SIGKILL, a power cut) cannot remove its temp file, so each write
first deletes the target's leftovers: temps last touched before this process started (no
write of this process can own them) or more than ten minutes ago (a temp lives for the
fraction of a second its write takes, so no running writer owns one that old either; the
second rule is what lets an app that stays open all day clean up after a killed command).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import stat
import time
from pathlib import Path

from presskit.storage.errors import StorageError

_TEMP_SUFFIX = ".tmp"
_TEMP_TOKEN = re.compile(r"[0-9a-f]{8}")
#: What a temp name adds to the target's: the two dots, the token and the suffix.
_TEMP_EXTRA = 2 + 8 + len(_TEMP_SUFFIX)
#: What a cut name gets instead of its end: ``~`` and 8 hex digits of the whole name's hash.
_CUT_MARK = 1 + 8
#: The longest name where the folder does not say (255 bytes: ext4, XFS, Btrfs, APFS, NTFS).
_NAME_MAX = 255
#: When this process started writing files (close enough: when this module was imported).
_STARTED_NS = time.time_ns()
#: A temp (or a set's record) untouched for this long belongs to no running writer.
_LEFTOVER_AFTER_NS = 10 * 60 * 1_000_000_000
#: A new file: written only, never through a link, not inherited by child processes.
_CREATE_FLAGS = (os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
                 | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0))


def target_mode(path: Path) -> int | None:
    """The permission bits of the regular file at ``path``, or ``None`` if nothing is there.

    Raises ``StorageError`` for a link (even a dangling one), a folder, a pipe or a device.
    """
    try:
        status = os.lstat(path)
    except FileNotFoundError:
        return None
    if stat.S_ISLNK(status.st_mode):
        raise StorageError(f"cannot write {path}: it is a symbolic link; presskit does not "
                           "write through links: remove the link or choose another name")
    if stat.S_ISDIR(status.st_mode):
        raise StorageError(f"cannot write {path}: is a directory")
    if not stat.S_ISREG(status.st_mode):
        # Replacing a pipe or a device would destroy it, not write into it.
        raise StorageError(f"cannot write {path}: is not a regular file")
    return stat.S_IMODE(status.st_mode)


def check_name(path: Path) -> None:
    """Refuse a name longer than its folder allows, with a message rather than an OS error
    about a temp file the user never named."""
    size, limit = len(os.fsencode(path.name)), name_limit(path.parent)
    if size > limit:
        raise StorageError(f"cannot write {path}: its name is {size} bytes long, more than the "
                           f"{limit} its folder allows; choose a shorter name")


def name_limit(folder: Path) -> int:
    """The longest file name ``folder`` takes, in bytes."""
    try:
        return int(os.pathconf(folder, "PC_NAME_MAX"))
    except (AttributeError, OSError, ValueError):  # Windows, or no such folder (yet)
        return _NAME_MAX


def temp_path(target: Path) -> Path:
    """A fresh temp name beside ``target`` (``.NAME.1a2b3c4d.tmp``)."""
    stem = _temp_stem(target.name, name_limit(target.parent))
    return target.with_name(f".{stem}.{os.urandom(4).hex()}{_TEMP_SUFFIX}")


def write_temp(target: Path, payload: bytes, mode: int | None) -> Path:
    """A new temp file beside ``target`` holding ``payload``, flushed and fsynced, with
    ``mode`` (the replaced file's bits; ``None``: what the umask gives a new file, as for any
    other file the user creates, where ``tempfile.mkstemp`` would make it private)."""
    fd, temp = _create_temp(target, mode)
    try:
        if mode is not None:
            _set_mode(fd, temp, mode)
        with os.fdopen(fd, "wb") as stream:
            fd = -1  # the stream closes it
            stream.write(payload)
            stream.flush()
            os.fsync(stream.fileno())
    except BaseException:
        if fd >= 0:
            os.close(fd)
        discard(temp)
        raise
    return temp


def _create_temp(target: Path, mode: int | None) -> tuple[int, Path]:
    while True:
        temp = temp_path(target)
        try:
            # The umask can only narrow the bits; fchmod then sets exactly the target's,
            # before any data is written: the temp is never readable by more than the target.
            return os.open(temp, _CREATE_FLAGS, 0o666 if mode is None else mode), temp
        except FileExistsError:
            continue


def discard(path: Path | None) -> None:
    """Remove a temp of ours, if it is still there."""
    if path is not None:
        with contextlib.suppress(OSError):
            os.unlink(path)


def remove_stale_temps(target: Path) -> list[Path]:
    """Delete the temp files that killed writers left beside ``target``; the ones deleted."""
    removed = []
    try:
        entries = list(os.scandir(target.parent))
    except OSError:
        return []  # no folder yet, or not readable: the write itself will say so
    for entry in entries:
        if not is_temp_of(entry.name, target):
            continue
        try:
            if not is_leftover(entry.stat(follow_symlinks=False).st_mtime_ns):
                continue
            os.unlink(entry.path)
        except OSError:
            continue  # gone already, or not ours to delete: harmless either way
        removed.append(Path(entry.path))
    return removed


def is_leftover(mtime_ns: int) -> bool:
    """Whether a temp last touched at ``mtime_ns`` was left by a writer that is gone."""
    return mtime_ns < _STARTED_NS or mtime_ns < time.time_ns() - _LEFTOVER_AFTER_NS


def is_temp_of(name: str, target: Path) -> bool:
    """Whether ``name`` (in ``target``'s folder) is one of ``target``'s temp names."""
    prefix = f".{_temp_stem(target.name, name_limit(target.parent))}."
    return (name.startswith(prefix) and name.endswith(_TEMP_SUFFIX)
            and _TEMP_TOKEN.fullmatch(name[len(prefix):-len(_TEMP_SUFFIX)]) is not None)


def fsync_folder(folder: Path) -> None:
    """Make a rename durable; not possible (nor needed) on Windows, so best effort."""
    if os.name == "nt":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _temp_stem(name: str, limit: int) -> str:
    """``name`` as it appears in its temps' names: whole where the temp name fits, else cut
    at a character and marked with a hash of the whole name (so two long names sharing a
    beginning never share temps)."""
    encoded = os.fsencode(name)
    if len(encoded) + _TEMP_EXTRA <= limit:
        return name
    keep = max(0, limit - _TEMP_EXTRA - _CUT_MARK)
    while 0 < keep < len(encoded) and encoded[keep] & 0xC0 == 0x80:
        keep -= 1  # never cut a UTF-8 character in two
    digest = hashlib.sha256(encoded).hexdigest()[:8]
    return f"{os.fsdecode(encoded[:keep])}~{digest}"


def _set_mode(fd: int, temp: Path, mode: int) -> None:
    if hasattr(os, "fchmod"):
        os.fchmod(fd, mode)
    else:  # Windows: only the read-only bit exists, and no fchmod
        os.chmod(temp, mode)
