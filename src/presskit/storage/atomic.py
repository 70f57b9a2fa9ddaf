"""The one safe way presskit writes a file: all of the new content, or the old file untouched.

Every file the program writes (projects, the roster, settings, PDFs) goes through
``atomic_write``: the data goes to a temporary file in the target's own folder (so the final
rename never crosses file systems), is flushed and fsynced, takes over the old file's
permission bits and replaces the target with ``os.replace``, which is atomic on POSIX and on
Windows. The folder is then fsynced where the platform allows, so the rename itself survives a
power cut. If anything fails the temporary file is removed and the previous file is intact.

A process killed mid-write (SIGKILL, a power cut) cannot remove its temporary file, so each
write first deletes the target's ``.NAME.xxxxxxxx.tmp`` siblings last touched before this
process started: no write of this process can own them, and one of another running process
would have been touched since (it lives for a fraction of a second). The target itself is
never at risk: it is only ever replaced whole.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import stat
import time
from pathlib import Path

from presskit.storage.errors import StorageError, describe_os_error

_TEMP_SUFFIX = ".tmp"
_TEMP_TOKEN = re.compile(r"[0-9a-f]{8}")
#: When this process started writing files (close enough: when this module was imported).
_STARTED_NS = time.time_ns()


def atomic_write(path: Path, data: bytes | str) -> None:
    """Replace ``path`` with ``data`` (``str`` is written as UTF-8) or leave it as it was.

    Raises ``StorageError`` ("cannot write /x/y.pdf: permission denied") on any OS error.
    """
    path = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else bytes(data)
    # Writing through a symlink keeps the link (and replaces the file it points to).
    target = Path(os.path.realpath(path)) if path.is_symlink() else path
    folder = target.parent
    remove_stale_temps(target)
    temp: Path | None = None
    try:
        mode = _existing_mode(target)
        if mode is not None and not target.is_file():
            # Replacing a folder, a device or a pipe would destroy it, not write into it.
            kind = "a directory" if target.is_dir() else "not a regular file"
            raise StorageError(f"cannot write {path}: is {kind}")
        fd, temp = _create_temp(target)
        with os.fdopen(fd, "wb") as stream:
            stream.write(payload)
            stream.flush()
            os.fsync(stream.fileno())
        if mode is not None:
            os.chmod(temp, mode)
        os.replace(temp, target)
        temp = None
    except OSError as exc:
        if not folder.is_dir():
            raise StorageError(f"cannot write {path}: the folder {folder} does not exist") from exc
        raise StorageError(f"cannot write {path}: {describe_os_error(exc)}") from exc
    finally:
        if temp is not None:
            with contextlib.suppress(OSError):
                temp.unlink()
    _fsync_folder(folder)


def remove_stale_temps(target: Path) -> list[Path]:
    """Delete the temp files that killed writers left beside ``target``; the ones deleted."""
    prefix, removed = f".{target.name}.", []
    try:
        entries = list(os.scandir(target.parent))
    except OSError:
        return []  # no folder yet, or not readable: the write itself will say so
    for entry in entries:
        name = entry.name
        if not (name.startswith(prefix) and name.endswith(_TEMP_SUFFIX)):
            continue
        if not _TEMP_TOKEN.fullmatch(name[len(prefix):-len(_TEMP_SUFFIX)]):
            continue
        try:
            if entry.stat(follow_symlinks=False).st_mtime_ns >= _STARTED_NS:
                continue
            os.unlink(entry.path)
        except OSError:
            continue  # gone already, or not ours to delete: harmless either way
        removed.append(Path(entry.path))
    return removed


def _existing_mode(target: Path) -> int | None:
    """The permission bits of ``target``, or ``None`` if there is no such file yet."""
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except FileNotFoundError:
        return None


def _create_temp(target: Path) -> tuple[int, Path]:
    """A new, exclusively created temp file beside ``target`` (``.name.1a2b3c4d.tmp``).

    ``os.open`` with mode 0o666 lets the umask decide a new file's permissions, as for any
    other file the user creates (``tempfile.mkstemp`` would make it private).
    """
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    while True:
        temp = target.with_name(f".{target.name}.{secrets.token_hex(4)}{_TEMP_SUFFIX}")
        try:
            return os.open(temp, flags, 0o666), temp
        except FileExistsError:
            continue


def _fsync_folder(folder: Path) -> None:
    """Make the rename durable; not possible (nor needed) on Windows, so best effort."""
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
