"""Files that must be new: ``create_new`` makes a file only where nothing is, atomically.

For files whose existence means something (a lock: whoever creates it holds it), "is it
there? then write it" would let two processes both see nothing and both write. Here the
content is written whole to a temp file first and then given its name with a hard link,
which fails if anything at all has that name, a dangling link included, and works on
network file systems too (the classic NFS lock recipe). Others therefore never see the file
half-written. Where the file system has no hard links, the file is created with
``O_CREAT | O_EXCL | O_NOFOLLOW``, which refuses the same things.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from presskit.storage.atomic.temps import check_name, discard, fsync_folder, write_temp
from presskit.storage.errors import StorageError, describe_os_error

#: ``os.link`` errors that mean "no hard links here", not "cannot write".
_NO_HARD_LINKS = frozenset(
    {errno.EPERM, errno.EXDEV, errno.EMLINK, errno.ENOSYS, errno.EOPNOTSUPP,
     getattr(errno, "ENOTSUP", errno.EOPNOTSUPP)}
)
_CREATE_FLAGS = (os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
                 | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0))


def create_new(path: Path, data: bytes) -> None:
    """Create ``path`` holding ``data``, whole, only if nothing is at ``path``.

    Raises ``FileExistsError`` if anything is there (a file, a folder, a link, even a
    dangling one), and ``StorageError`` naming the file for any other failure; nothing is
    left behind then.
    """
    path = Path(path)
    check_name(path)
    temp: Path | None = None
    try:
        temp = write_temp(path, bytes(data), None)
        try:
            os.link(temp, path)
        except FileExistsError:
            raise
        except OSError as exc:
            if exc.errno not in _NO_HARD_LINKS:
                raise
            _create_directly(path, bytes(data))
    except FileExistsError:
        raise
    except OSError as exc:
        raise StorageError(f"cannot write {path}: {describe_os_error(exc)}") from exc
    finally:
        discard(temp)
    fsync_folder(path.parent)


def _create_directly(path: Path, data: bytes) -> None:
    fd = os.open(path, _CREATE_FLAGS, 0o666)
    try:
        with os.fdopen(fd, "wb") as stream:
            fd = -1
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
    except BaseException:
        if fd >= 0:
            os.close(fd)
        discard(path)  # ours, half-written: nobody may take it for a whole one
        raise
