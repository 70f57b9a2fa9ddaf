"""Unpacking a kit bundle into a folder, refusing anything hostile with nothing written.

Before anything touches the disk every entry is checked: its name (no ``..``, absolute path,
drive letter, backslash or name some system refuses), its type (regular files only: no
links, devices or pipes), duplicates (also those a case-insensitive file system would merge),
the number of entries, the declared sizes and compression ratios, the manifest and that it
lists exactly the entries there are, and that no file in the folder would be overwritten.
The files are then extracted into a temporary folder inside the target folder, counting the
bytes as they come (a header may lie about sizes) and hashing them against the manifest; the
kit is opened there and must name no file outside the bundle. Only then are the files moved
into place, and a failure while moving takes back what was moved. No Qt.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import lzma
import os
import stat
import tempfile
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path

from presskit.storage.bundle.assets import kit_assets
from presskit.storage.bundle.format import (
    MANIFEST_NAME,
    MAX_ENTRIES,
    MAX_ENTRY_BYTES,
    MAX_MANIFEST_BYTES,
    MAX_RATIO,
    MAX_TOTAL_BYTES,
    RATIO_FLOOR,
    BundleError,
    Manifest,
    fold,
    megabytes,
    name_problem,
    parse_manifest,
)
from presskit.storage.errors import ProjectFileError, describe_os_error
from presskit.storage.reader import PROJECT_SUFFIXES, UnreadableFile, loads_kit, read_yaml_file

_CHUNK = 1024 * 1024
_READABLE = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA)
_TEMP_PREFIX = ".presskit-unbundle-"
#: What a damaged entry raises while it is decompressed: zipfile lets the decompressors' own
#: errors through (a corrupt deflate stream raised ``zlib.error``, found by fuzzing).
_DAMAGED = (zipfile.BadZipFile, EOFError, RuntimeError, NotImplementedError, ValueError,
            zlib.error, lzma.LZMAError)


class _CountingFile(io.BufferedReader):
    """The bundle file, counting the bytes zipfile reads from it: the compressed size
    actually consumed, which a lying header cannot hide."""

    consumed = 0

    def read(self, size: int | None = -1, /) -> bytes:
        data = super().read(size)
        self.consumed += len(data)
        return data


class _Refusal(Exception):
    """A reason to refuse the bundle, turned into a ``BundleError`` naming bundle and folder."""


def read_bundle(bundle: Path, folder: Path) -> Path:
    """Unpack the bundle file ``bundle`` into ``folder`` (made if missing) and return the
    path of the kit file there, ready for ``load_kit``.

    Raises ``BundleError`` naming the entry and the reason, with nothing written to
    ``folder``, for a bundle that is hostile, damaged, not a bundle, or whose files would
    overwrite files already in ``folder``.
    """
    bundle, folder = Path(bundle), Path(folder)
    try:
        with _open(bundle) as (archive, counter):
            files = _checked_entries(archive)
            manifest = _read_manifest(archive, files)
            _check_folder(folder, manifest)
            _unpack(archive, counter, files, manifest, folder)
    except _Refusal as refusal:
        raise BundleError(f"{bundle}: not unpacked: {refusal}; nothing was written to "
                          f"{folder}") from None
    return folder / manifest.kit


@contextlib.contextmanager
def _open(bundle: Path) -> Iterator[tuple[zipfile.ZipFile, _CountingFile]]:
    try:
        counter = _CountingFile(io.FileIO(bundle, "rb"))
    except FileNotFoundError:
        raise BundleError(f"{bundle}: no such file") from None
    except OSError as exc:
        raise BundleError(f"{bundle}: cannot be read ({describe_os_error(exc)})") from None
    with counter:
        try:
            archive = zipfile.ZipFile(counter)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError):
            raise _Refusal("it is not a presskit bundle (not a zip archive)") from None
        except OSError as exc:
            raise _Refusal(f"it cannot be read ({describe_os_error(exc)})") from None
        with archive:
            yield archive, counter


def _checked_entries(archive: zipfile.ZipFile) -> dict[str, zipfile.ZipInfo]:
    """The bundle's files by name, once every entry's header has passed; folder entries are
    checked and left out (unpacking makes the folders files need)."""
    infos = archive.infolist()
    if len(infos) > MAX_ENTRIES:
        raise _Refusal(f"it has {len(infos)} entries, more than a bundle may hold "
                       f"({MAX_ENTRIES})")
    files: dict[str, zipfile.ZipInfo] = {}
    seen: dict[str, str] = {}  # folded name → the name as written
    folders: set[str] = set()
    total = 0
    for info in infos:
        is_folder = info.filename.endswith("/")
        name = info.filename[:-1] if is_folder else info.filename
        _check_entry(info, name, is_folder)
        other = seen.get(fold(name))
        if other is not None:
            twice = "twice" if other == name else f"twice (also as {other!r})"
            raise _Refusal(f"the entry {name!r} is in it {twice}")
        seen[fold(name)] = name
        parts = fold(name).split("/")
        folders.update("/".join(parts[:n]) for n in range(1, len(parts)))
        if is_folder:
            folders.add(fold(name))
            continue
        total += info.file_size
        if total > MAX_TOTAL_BYTES:
            raise _Refusal(f"the entry {name!r} takes the unpacked size above "
                           f"{megabytes(MAX_TOTAL_BYTES)}")
        files[name] = info
    clash = next((name for name in files if fold(name) in folders), None)
    if clash is not None:
        raise _Refusal(f"the entry {clash!r} is both a file and a folder")
    return files


def _check_entry(info: zipfile.ZipInfo, name: str, is_folder: bool) -> None:
    problem = name_problem(name)
    if problem is not None:
        raise _Refusal(f"the entry {info.filename!r} {problem}")
    mode = info.external_attr >> 16
    kind = stat.S_IFMT(mode)
    if stat.S_ISLNK(mode):
        raise _Refusal(f"the entry {name!r} is a symbolic link")
    if kind not in (0, stat.S_IFDIR if is_folder else stat.S_IFREG):
        raise _Refusal(f"the entry {name!r} is not a regular file")
    if info.flag_bits & 0x1:
        raise _Refusal(f"the entry {name!r} is encrypted")
    if info.compress_type not in _READABLE:
        raise _Refusal(f"the entry {name!r} uses a compression method presskit cannot read")
    size = info.file_size
    if size > RATIO_FLOOR and size > MAX_RATIO * max(info.compress_size, 1):
        raise _Refusal(f"the entry {name!r} would unpack to {megabytes(size)} from "
                       f"{info.compress_size} bytes, more than {MAX_RATIO} times its "
                       "packed size (a zip bomb?)")
    if size > MAX_ENTRY_BYTES:
        raise _Refusal(f"the entry {name!r} is too large ({megabytes(size)}; at most "
                       f"{megabytes(MAX_ENTRY_BYTES)})")


def _read_manifest(archive: zipfile.ZipFile, files: dict[str, zipfile.ZipInfo]) -> Manifest:
    """The manifest, which must list exactly the other files, with their sizes."""
    info = files.get(MANIFEST_NAME)
    if info is None:
        raise _Refusal(f"it has no {MANIFEST_NAME} (not a presskit bundle)")
    if info.file_size > MAX_MANIFEST_BYTES:
        raise _Refusal(f"the entry {MANIFEST_NAME!r} is too large")
    data = _read_entry(archive, info, MAX_MANIFEST_BYTES)
    try:
        manifest = parse_manifest(data)
    except ValueError as exc:
        raise _Refusal(f"the entry {MANIFEST_NAME!r} is not a valid manifest: {exc}") from None
    listed = {f.path: f for f in manifest.files}
    for name, info in files.items():
        if name == MANIFEST_NAME:
            continue
        if name not in listed:
            raise _Refusal(f"the entry {name!r} is not listed in the manifest")
        if listed[name].size != info.file_size:
            raise _Refusal(f"the entry {name!r} does not match the manifest (its size differs)")
    missing = next((path for path in listed if path not in files or path == MANIFEST_NAME),
                   None)
    if missing is not None:
        raise _Refusal(f"the manifest lists {missing!r}, which is not in the bundle")
    if manifest.kit not in listed or not manifest.kit.lower().endswith(PROJECT_SUFFIXES):
        raise _Refusal(f"it holds no kit file (the manifest names {manifest.kit!r})")
    return manifest


def _read_entry(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    try:
        with archive.open(info) as stream:
            data = stream.read(limit + 1)
    except (*_DAMAGED, OSError) as exc:
        raise _Refusal(f"the entry {info.filename!r} is damaged ({_reason(exc)})") from None
    if len(data) > limit:
        raise _Refusal(f"the entry {info.filename!r} is too large")
    return data


def _reason(exc: Exception) -> str:
    """zipfile's word for what is wrong; an ``EOFError`` says nothing, but means the data
    ends before the header said it would."""
    return str(exc) or "its data ends before its header says"


def _check_folder(folder: Path, manifest: Manifest) -> None:
    """Refuse a folder that is a file, or that holds something a file would replace or go
    through (a link to elsewhere would carry the file out of the folder)."""
    if os.path.lexists(folder) and not folder.is_dir():
        raise _Refusal(f"{folder} is not a folder")
    in_the_way: list[str] = []
    for listed in manifest.files:
        parts = listed.path.split("/")
        for depth in range(1, len(parts) + 1):
            place = folder.joinpath(*parts[:depth])
            is_last = depth == len(parts)
            if not os.path.lexists(place):
                break
            if is_last or place.is_symlink() or not place.is_dir():
                in_the_way.append("/".join(parts[:depth]))
                break
    if in_the_way:
        shown = ", ".join(sorted(set(in_the_way))[:5])
        more = len(set(in_the_way)) - 5
        raise _Refusal(f"the folder already holds {shown}" + (f" and {more} more" if more > 0
                       else "") + ", which unpacking would overwrite; choose an empty folder")


def _unpack(archive: zipfile.ZipFile, counter: _CountingFile,
            files: dict[str, zipfile.ZipInfo], manifest: Manifest, folder: Path) -> None:
    created = _make_folders(folder)
    try:
        with tempfile.TemporaryDirectory(prefix=_TEMP_PREFIX, dir=folder,
                                         ignore_cleanup_errors=True) as scratch:
            root = Path(scratch)
            expected = {f.path: f for f in manifest.files}
            total = 0
            for name, info in files.items():
                if name == MANIFEST_NAME:
                    continue
                size, digest = _extract(archive, counter, info, root / name, total)
                total += size
                if size != expected[name].size or digest != expected[name].sha256:
                    raise _Refusal(f"the entry {name!r} does not match the manifest (its "
                                   "SHA-256 differs: the bundle is damaged or was altered)")
            _check_kit(root, manifest.kit, folder)
            _move_into_place(root, folder, [f.path for f in manifest.files])
    except BaseException:
        for made in reversed(created):
            with contextlib.suppress(OSError):
                made.rmdir()
        raise


def _make_folders(folder: Path) -> list[Path]:
    """Make ``folder`` and its missing parents; the ones made, outermost first."""
    missing = [p for p in (folder, *folder.parents) if not os.path.lexists(p)]
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _Refusal(f"the folder {folder} cannot be made ({describe_os_error(exc)})") from None
    return list(reversed(missing))


def _extract(archive: zipfile.ZipFile, counter: _CountingFile, info: zipfile.ZipInfo,
             target: Path, total: int) -> tuple[int, str]:
    """Write the entry to ``target``, enforcing the limits on the bytes that really come
    out (not only the header's word for them); its size and SHA-256."""
    name = info.filename
    digest = hashlib.sha256()
    size = 0
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with archive.open(info) as stream, open(target, "xb") as out:
            start = counter.consumed
            while chunk := stream.read(_CHUNK):
                size += len(chunk)
                packed = max(counter.consumed - start, 1)
                if size > info.file_size or size > MAX_ENTRY_BYTES:
                    raise _Refusal(f"the entry {name!r} is larger than its header says")
                if total + size > MAX_TOTAL_BYTES:
                    raise _Refusal(f"the entry {name!r} takes the unpacked size above "
                                   f"{megabytes(MAX_TOTAL_BYTES)}")
                if size > RATIO_FLOOR and size > MAX_RATIO * packed:
                    raise _Refusal(f"the entry {name!r} unpacks to more than {MAX_RATIO} "
                                   "times its packed size (a zip bomb?)")
                digest.update(chunk)
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
    except _Refusal:
        raise
    except _DAMAGED as exc:
        raise _Refusal(f"the entry {name!r} is damaged ({_reason(exc)})") from None
    except OSError as exc:
        raise _Refusal(f"the entry {name!r} cannot be written ({describe_os_error(exc)})"
                       ) from None
    return size, digest.hexdigest()


def _check_kit(root: Path, kit_name: str, folder: Path) -> None:
    """The kit must open, and every file it names must be in ``folder`` once it is there: a
    kit pointing at ``/home/…`` or ``../…`` would print a file of the colleague's into its
    PDF. Its paths are read as they will be after the move, relative to ``folder``."""
    final = folder / kit_name
    try:
        loaded = loads_kit(read_yaml_file(root / kit_name), final)
    except UnreadableFile as exc:
        raise _Refusal(f"the kit file {kit_name!r} cannot be opened: {exc}") from None
    except ProjectFileError as exc:
        first = next((p.message for p in exc.problems if p.is_error), "it has errors")
        raise _Refusal(f"the kit file {kit_name!r} cannot be opened: {first}") from None
    inside = os.path.realpath(folder)
    for asset in kit_assets(loaded.kit):
        if os.path.commonpath([inside, os.path.realpath(asset.file)]) != inside:
            raise _Refusal(f"the kit file {kit_name!r} names a file outside the folder: its "
                           f"{asset.what} would be {asset.value}")


def _move_into_place(root: Path, folder: Path, names: list[str]) -> None:
    """Move each file from ``root`` to ``folder``; on any failure move the moved ones back."""
    moved: list[tuple[Path, Path]] = []
    made: list[Path] = []
    try:
        for name in sorted(names):
            source, target = root / name, folder / name
            for parent in reversed(target.relative_to(folder).parents[:-1]):
                place = folder / parent
                if not os.path.lexists(place):
                    place.mkdir()
                    made.append(place)
            # Checked again: something may have appeared since the folder was first looked at.
            if os.path.lexists(target):
                raise _Refusal(f"the folder already holds {name}, which unpacking would "
                               "overwrite; choose an empty folder")
            os.replace(source, target)
            moved.append((target, source))
    except BaseException as exc:
        for target, source in reversed(moved):
            with contextlib.suppress(OSError):
                os.replace(target, source)
        for place in reversed(made):
            with contextlib.suppress(OSError):
                place.rmdir()
        if isinstance(exc, OSError):
            raise _Refusal(f"the files cannot be moved into {folder} "
                           f"({describe_os_error(exc)})") from None
        raise


__all__ = ["read_bundle"]
