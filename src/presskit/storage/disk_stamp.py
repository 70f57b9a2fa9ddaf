"""Has a file changed on disk since we last read or wrote it? Size, mtime and a hash.

Before saving over a kit the app checks that the file is still the one it loaded (or last
saved): another presskit, a colleague on a shared folder or a text editor may have saved it
meanwhile, and writing over that would silently lose their work. Size and modification time
are cheap and catch almost every change; when either differs the bytes are hashed, so a file
that was only touched (or copied back unchanged) does not raise a false alarm.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class DiskStamp:
    """What a file was when presskit last read or wrote it."""

    size: int
    mtime_ns: int
    sha256: str


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def stamp_of(path: Path) -> DiskStamp | None:
    """The stamp of the file at ``path`` as it is now; ``None`` if there is none."""
    try:
        with open(path, "rb") as stream:
            data = stream.read()
            info = os.fstat(stream.fileno())
    except OSError:
        return None
    return DiskStamp(info.st_size, info.st_mtime_ns, _digest(data))


def changed_on_disk(path: Path, stamp: DiskStamp | None) -> bool:
    """``True`` if the file at ``path`` is no longer the one ``stamp`` describes (changed,
    deleted, or created where there was none)."""
    try:
        info = os.stat(path)
    except OSError:
        return stamp is not None
    if stamp is None:
        return True
    if (info.st_size, info.st_mtime_ns) == (stamp.size, stamp.mtime_ns):
        return False
    current = stamp_of(path)
    return current is None or current.sha256 != stamp.sha256
