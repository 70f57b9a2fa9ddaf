"""The record that carries a set's replacement through a kill: once every new file of a set
is written, the list of renames still to do is written beside them, and it is only removed
when they are all done.

Renaming two files is two steps; a process killed (SIGKILL, a power cut) between them leaves
the new HTML beside the old text. The record is the point of no return: written (fsynced)
after the last temp file and before the first rename. A kill before it leaves the old set
whole (the temps are leftovers, removed by the next write); a kill after it leaves the
renames to finish, and the next write of any file of the set finishes them first, so the set
becomes the new one whole before anything else happens to it.

A record is ``.presskit-set.<16 hex digits>.json`` in each folder the set writes to, naming
only files of that folder: ``{"presskit-set": 1, "files": [[NAME, TEMP NAME], ...]}``. A
record is read as a stranger's file (a kit folder travels): bounded in size, a regular file
only, and it can only rename one of a name's own temp files onto that name in the record's
folder, never follow a link, never name a path.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import stat
from collections.abc import Sequence
from pathlib import Path

from presskit.model.limits import MAX_SET_RECORD_BYTES
from presskit.storage.atomic.new_file import create_new
from presskit.storage.atomic.temps import (
    discard,
    fsync_folder,
    is_leftover,
    is_temp_of,
    remove_stale_temps,
    target_mode,
)
from presskit.storage.errors import StorageError

_RECORD_NAME = re.compile(r"\.presskit-set\.[0-9a-f]{16}\.json")
_READ_FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) \
    | getattr(os, "O_BINARY", 0)


def write_records(renames: Sequence[tuple[Path, Path]]) -> list[Path]:
    """Record ``renames`` (temp → target), one record per folder; the records written.

    Raises ``OSError`` (or ``StorageError``) if one cannot be written: the caller then
    undoes the set, which has not been touched yet.
    """
    token = os.urandom(8).hex()  # secrets.token_hex, without importing hmac
    folders: dict[Path, list[list[str]]] = {}
    for temp, target in renames:
        folders.setdefault(target.parent, []).append([target.name, temp.name])
    records: list[Path] = []
    try:
        for folder, files in folders.items():
            record = folder / f".presskit-set.{token}.json"
            create_new(record, json.dumps({"presskit-set": 1, "files": files}).encode())
            records.append(record)
    except BaseException:
        remove_records(records)
        raise
    return records


def remove_records(records: Sequence[Path]) -> None:
    """The set is whole (new or old): its records have nothing left to say."""
    for record in records:
        discard(record)
    for folder in dict.fromkeys(record.parent for record in records):
        fsync_folder(folder)


def finish_interrupted(target: Path) -> None:
    """Finish the renames of any set a killed writer left half-replaced that ``target``
    belongs to, so that set is the new one whole; remove records with nothing left to do.

    Best effort: a rename that cannot be done now is left for the next write (the record
    stays), and nothing here raises.
    """
    folder = target.parent
    try:
        names = [entry.name for entry in os.scandir(folder) if _RECORD_NAME.fullmatch(entry.name)]
    except OSError:
        return
    finished = False
    for name in names:
        record = folder / name
        files = _read(record)
        if files is None:
            continue  # not a record of ours, or a writer still running: leave it alone
        pending = [(folder / temp, folder / file) for file, temp in files
                   if _exists(folder / temp)]
        if pending and target.name not in {file for file, _ in files}:
            continue  # another set's: finished when one of its own files is next written
        if all([_finish(temp, path) for temp, path in pending]):
            for file, _ in files:  # the old content kept while the set was replaced
                remove_stale_temps(folder / file)
            discard(record)
        finished = True
    if finished:
        fsync_folder(folder)


def _read(record: Path) -> list[tuple[str, str]] | None:
    """The renames a stale record of ours lists, each checked, or ``None``."""
    try:
        status = os.lstat(record)
        if not stat.S_ISREG(status.st_mode) or status.st_size > MAX_SET_RECORD_BYTES:
            return None
        if not is_leftover(status.st_mtime_ns):
            return None  # a running writer's, between its last temp and its last rename
        fd = os.open(record, _READ_FLAGS)
        with open(fd, "rb") as stream:
            data = json.loads(stream.read(MAX_SET_RECORD_BYTES + 1))
    except (OSError, ValueError, RecursionError):
        return None
    if not isinstance(data, dict) or data.get("presskit-set") != 1:
        return None
    files = data.get("files")
    if not isinstance(files, list):
        return None
    checked: list[tuple[str, str]] = []
    for item in files:
        if not (isinstance(item, list) and len(item) == 2
                and all(isinstance(part, str) for part in item)):
            return None
        name, temp = item
        if not _plain_name(name) or not is_temp_of(temp, record.with_name(name)):
            return None  # a path, or a file that is not the name's own temp
        checked.append((name, temp))
    return checked


def _plain_name(name: str) -> bool:
    return (bool(name) and name not in {".", ".."} and "\x00" not in name
            and "/" not in name and "\\" not in name)


def _exists(temp: Path) -> bool:
    """Whether a regular temp file (not a link, nothing else) is at ``temp``."""
    try:
        return stat.S_ISREG(os.lstat(temp).st_mode)
    except OSError:
        return False


def _finish(temp: Path, target: Path) -> bool:
    """Put the temp in place, unless something presskit never writes over is there."""
    with contextlib.suppress(OSError, StorageError):
        target_mode(target)  # a link, a folder, a pipe: refused, left as it is
        os.replace(temp, target)
        return True
    return False
