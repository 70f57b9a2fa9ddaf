"""Hand-made kit bundles for the tests: good ones to spoil and hostile ones, built with zipfile."""

from __future__ import annotations

import hashlib
import json
import os
import stat
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path

#: The smallest kit that opens.
MINIMAL_KIT = b"presskit: 1\nkit:\n  title: Borrowed kit\n"
KIT_NAME = "kit.presskit"

Member = tuple[zipfile.ZipInfo, bytes]


def member(name: str, data: bytes = b"data", *, mode: int = stat.S_IFREG | 0o644,
           compress: int = zipfile.ZIP_DEFLATED) -> Member:
    info = zipfile.ZipInfo(name, (2024, 1, 1, 0, 0, 0))
    info.external_attr = mode << 16
    info.compress_type = compress
    return info, data


def manifest(members: Sequence[Member], *, kit: str = KIT_NAME, **changes: object) -> bytes:
    """The manifest a good bundle of ``members`` has (``changes`` override its keys)."""
    document: dict[str, object] = {
        "format": "presskit-bundle", "version": 1, "presskit": "0.1.0", "kit": kit,
        "files": [{"path": info.filename, "size": len(data),
                   "sha256": hashlib.sha256(data).hexdigest()}
                  for info, data in members if not info.filename.endswith("/")],
    }
    document.update(changes)
    return json.dumps(document).encode()


def write_archive(path: Path, members: Sequence[Member], *, with_kit: bool = True,
                  manifest_data: bytes | None = None, with_manifest: bool = True,
                  patch: Callable[[zipfile.ZipInfo], None] | None = None) -> Path:
    """A bundle of ``members`` (after the minimal kit, unless ``with_kit`` is false) and a
    manifest listing them all; ``patch`` changes the last entry's central-directory header
    before it is written, to make headers lie."""
    everything = [*([member(KIT_NAME, MINIMAL_KIT)] if with_kit else []), *members]
    with zipfile.ZipFile(path, "w") as archive:
        if with_manifest:
            archive.writestr("manifest.json", manifest_data or manifest(everything))
        for info, data in everything:
            archive.writestr(info, data)
        if patch is not None:
            patch(archive.filelist[-1])
    return path


def listing(folder: Path) -> dict[str, bytes | str]:
    """Everything under ``folder`` (``{}`` if it does not exist): files with their bytes,
    folders and links marked as such."""
    found: dict[str, bytes | str] = {}
    if not os.path.lexists(folder):
        return found
    for root, dirs, files in os.walk(folder):
        for name in dirs + files:
            path = Path(root) / name
            key = path.relative_to(folder).as_posix()
            if path.is_symlink():
                found[key] = "link → " + os.readlink(path)
            elif path.is_dir():
                found[key] = "folder"
            else:
                found[key] = path.read_bytes()
    return found
