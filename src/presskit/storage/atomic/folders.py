"""A folder that a set of files is written into (an e-mail's pictures beside its HTML):
``replace_with_folder`` writes such a set, ``output_folder`` makes the folder if it is
missing, and refuses a link, a file or anything else
that is not a real folder at that name, so nothing is ever written through a link to a place
the user did not name."""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Mapping
from pathlib import Path

from presskit.storage.atomic.output_set import replace_all
from presskit.storage.atomic.temps import check_name
from presskit.storage.errors import StorageError, describe_os_error


def output_folder(path: Path) -> bool:
    """Make the folder ``path`` (its parent must exist) unless it is one already; ``True``
    if it was made now (so a failed write can remove it again with :func:`remove_if_empty`).

    Raises ``StorageError`` for a link (to a folder or not), a file or a device at ``path``,
    or an OS error."""
    path = Path(path)
    check_name(path)
    try:
        os.mkdir(path, 0o777)  # the umask decides, as for any folder the user makes
        return True
    except FileExistsError:
        pass
    except OSError as exc:
        raise StorageError(f"cannot make the folder {path}: {describe_os_error(exc)}") from exc
    try:
        status = os.lstat(path)
    except OSError as exc:
        raise StorageError(f"cannot make the folder {path}: {describe_os_error(exc)}") from exc
    if stat.S_ISLNK(status.st_mode):
        raise StorageError(f"cannot write into {path}: it is a link, and presskit never writes "
                           "through one; remove it or choose another name")
    if not stat.S_ISDIR(status.st_mode):
        raise StorageError(f"cannot make the folder {path}: something that is not a folder "
                           "has that name; remove it or choose another name")
    return False


def remove_if_empty(path: Path) -> None:
    """Remove the folder ``path`` if nothing is in it (one made for a write that failed)."""
    with contextlib.suppress(OSError):  # not empty, or gone: nothing of ours is left in it
        os.rmdir(path)


def replace_with_folder(files: Mapping[Path, bytes | str], folder: Path,
                        folder_files: Mapping[str, bytes]) -> None:
    """Replace ``files`` and the files ``folder_files`` (name → content) in ``folder`` as one
    set (``replace_all``: all of them or none), making ``folder`` if it is missing; a folder
    made here for a set that then failed is removed again. Files already in ``folder`` that
    the set does not name are left as they are: they may be the user's."""
    for name in folder_files:
        if not name or name in (".", "..") or "/" in name or "\\" in name:
            raise StorageError(f"cannot write {name!r} into {folder}: not a plain file name")
    made = output_folder(folder) if folder_files else False
    try:
        replace_all({**files, **{folder / name: data for name, data in folder_files.items()}})
    except BaseException:
        if made:
            remove_if_empty(folder)
        raise
