"""An output that is one of its own inputs: ``-o`` naming the kit, or a picture or font the
kit uses, would destroy what the export reads. Every writer of exports (the command line,
and every command of the app that writes a file the user names) asks ``input_clash`` before
writing; the app adds the roster to the files it must never replace.

Files are compared as the file system sees them (device and inode, ``os.path.samefile``):
another spelling of the path, a symbolic link or a hard link of an input is the input.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from presskit.model.kit import Kit
from presskit.storage.bundle.assets import kit_assets


def input_clash(outputs: Iterable[Path], kit_path: Path | None, kit: Kit,
                others: Iterable[tuple[Path, str]] = ()) -> str | None:
    """``OUT is the kit itself`` or ``OUT is the kit's logo`` (photo of 'X', body font, …)
    for the first of ``outputs`` that is one of the export's inputs; ``None`` if none is.

    ``kit_path=None`` leaves the kit file out (Save As onto the kit's own file is a save);
    ``others`` are more files not to replace, each with what it is (``the roster``)."""
    inputs = [(asset.file, f"the kit's {asset.what}") for asset in kit_assets(kit)]
    if kit_path is not None:
        inputs.insert(0, (kit_path, "the kit itself"))
    inputs += others
    for output in outputs:
        for source, what in inputs:
            if same_file(output, source):
                return f"{output} is {what}"
    return None


def same_file(a: Path, b: Path) -> bool:
    """Whether ``a`` and ``b`` are one file; ``False`` where either is missing or unreadable
    (a name too long, a folder that cannot be searched)."""
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):
        return False
