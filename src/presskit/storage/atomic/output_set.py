"""Replacing files whole: one file (``atomic_write``) or a set that belongs together
(``replace_all``: an e-mail's HTML and text), all of the new content or the old files as
they were.

Every target is checked before anything is written (a link, a folder, a pipe, a name too
long: refused, nothing written). Each file's new content then goes to a temp file in its own
folder (so the final rename never crosses file systems), flushed and fsynced, and only when
all of them are written are they renamed over the targets with ``os.replace``, atomic on
POSIX and on Windows. For a set, each file about to be replaced is first kept as a hard
link (a copy where the file system has none); if a rename fails part-way, the files already
replaced get their old content back and the new ones are removed, so the set stays the old
one. The folders are fsynced where the platform allows, so the renames survive a power cut.

A kill between two renames cannot undo anything, so a set's renames are recorded before the
first of them (``set_record``), and any write to a file of the set first finishes what a
killed writer left: the set ends up the old one whole (killed before the record) or the new
one whole (killed after it), never half and half for longer than until presskit next writes
any file of it.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from presskit.storage.atomic.set_record import (
    finish_interrupted,
    remove_records,
    write_records,
)
from presskit.storage.atomic.temps import (
    check_name,
    discard,
    fsync_folder,
    remove_stale_temps,
    target_mode,
    temp_path,
    write_temp,
)
from presskit.storage.errors import StorageError, describe_os_error


def atomic_write(path: Path, data: bytes | str) -> None:
    """Replace ``path`` with ``data`` (``str`` is written as UTF-8) or leave it as it was.

    Raises ``StorageError`` ("cannot write /x/y.pdf: permission denied") on any OS error, and
    for a link, folder, pipe or device at ``path`` (never written through or replaced).
    """
    replace_all({Path(path): data})


def replace_all(files: Mapping[Path, bytes | str]) -> None:
    """Replace every file of ``files`` (path → content) or none of them.

    Raises ``StorageError`` naming the file that failed; the others are then as they were.
    """
    planned = [_Planned(Path(path), _payload(data)) for path, data in files.items()]
    current: Path | None = None
    records: list[Path] = []
    try:
        for item in planned:  # every refusal comes before anything is written
            current = item.path
            check_name(item.path)
            finish_interrupted(item.path)
            remove_stale_temps(item.path)
            item.mode = target_mode(item.path)
        for item in planned:
            current = item.path
            item.temp = write_temp(item.path, item.payload, item.mode)
        if len(planned) > 1:  # one file needs no backup: its rename is all or nothing
            for item in planned:
                current = item.path
                if item.mode is not None:
                    item.backup = _keep(item.path, item.mode)
            current = planned[0].path
            records = write_records([(item.temp, item.path) for item in planned
                                     if item.temp is not None])
        for item in planned:
            current = item.path
            os.replace(item.temp, item.path)  # type: ignore[arg-type]
            item.temp, item.replaced = None, True
    except OSError as exc:
        kept = _undo(planned)
        raise StorageError(_failure(current, exc) + kept) from exc
    except BaseException:
        _undo(planned)
        raise
    finally:
        for item in planned:  # a backup still named here is of a file not replaced
            discard(item.temp)
            discard(item.backup)
        remove_records(records)  # the set is whole now: the new one, or the old one put back
    for folder in dict.fromkeys(item.path.parent for item in planned):
        fsync_folder(folder)


@dataclass
class _Planned:
    """One file of a set, and how far its replacement got."""

    path: Path
    payload: bytes
    #: The permission bits of the file replaced; ``None``: there was none.
    mode: int | None = None
    temp: Path | None = None
    #: The old content, kept until the whole set is in place.
    backup: Path | None = None
    replaced: bool = False


def _payload(data: bytes | str) -> bytes:
    return data.encode("utf-8") if isinstance(data, str) else bytes(data)


def _keep(path: Path, mode: int) -> Path:
    """A second name for the file at ``path`` (its content as it is now), beside it."""
    while True:
        backup = temp_path(path)
        try:
            os.link(path, backup, follow_symlinks=False)
        except FileExistsError:
            continue
        except (OSError, NotImplementedError):  # no hard links (FAT, some shares): a copy
            return write_temp(path, _read_regular(path), mode)
        return backup


def _read_regular(path: Path) -> bytes:
    """The content of the regular file at ``path``, not following a link put there since."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    with open(os.open(path, flags), "rb") as stream:
        return stream.read()


def _undo(planned: list[_Planned]) -> str:
    """Put back what was replaced; the sentence to add where an old file could not be."""
    lost: list[str] = []
    for item in reversed(planned):
        if not item.replaced:
            continue
        try:
            if item.backup is not None:
                os.replace(item.backup, item.path)
                item.backup = None
            else:
                os.unlink(item.path)  # it is new: the old set did not have it
        except OSError:
            if item.backup is not None:
                lost.append(f"{item.path} (its previous version is {item.backup})")
                item.backup = None  # kept for the user: not discarded
    if not lost:
        return ""
    return "; could not put back " + ", ".join(lost)


def _failure(path: Path | None, exc: OSError) -> str:
    """``cannot write /x/y.html: permission denied`` (or: its folder does not exist)."""
    if path is not None and not path.parent.is_dir():
        return f"cannot write {path}: the folder {path.parent} does not exist"
    return f"cannot write {path}: {describe_os_error(exc)}"
