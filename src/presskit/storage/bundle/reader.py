"""Unpacking a kit bundle into a folder, refusing anything hostile with nothing written.

Before anything touches the disk every entry is checked: its name (no ``..``, absolute path,
drive letter, backslash or name some system refuses), its type (regular files only: no
links, devices or pipes), duplicates (also those a case-insensitive file system would merge),
the number of entries, the declared sizes and compression ratios, the manifest and that it
lists exactly the entries there are, and that no file in the folder would be overwritten.
The bundle path must be a regular file, found so without blocking (a pipe given as the bundle
would otherwise wait for a writer for ever), and its zip table of contents is measured before
zipfile builds an object per record of it.
The files are then extracted into presskit's working folder inside the target folder (see
``placing``), counting the bytes as they come (a header may lie about sizes) and hashing them
against the manifest; the kit is opened there and every file it names must be one of the
bundle's own entries (or the place of one its writer could not read, where nothing is), or it
is refused at the line and column that names it. Only then are the files moved into place,
never through a link, and a failure while moving takes back what was moved. No Qt.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import lzma
import os
import stat
import struct
import tempfile
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from presskit.storage.bundle.assets import kit_assets
from presskit.storage.bundle.format import (
    FOLDERS,
    MANIFEST_NAME,
    MAX_ENTRIES,
    MAX_ENTRY_BYTES,
    MAX_MANIFEST_BYTES,
    MAX_RATIO,
    MAX_TABLE_BYTES,
    MAX_TOTAL_BYTES,
    RATIO_FLOOR,
    WORK_PREFIX,
    BundleError,
    Manifest,
    fold,
    megabytes,
    name_problem,
    parse_manifest,
)
from presskit.storage.bundle.placing import (
    Blocked,
    create_file,
    move_into_place,
    remove_stale_work_folders,
    touch,
)
from presskit.storage.errors import ProjectFileError, describe_os_error
from presskit.storage.reader import PROJECT_SUFFIXES, UnreadableFile, loads_kit, read_yaml_file

_CHUNK = 1024 * 1024
_READABLE = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA)
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
        counter = _CountingFile(io.FileIO(_open_regular_file(bundle), "rb"))
    except FileNotFoundError:
        raise BundleError(f"{bundle}: no such file") from None
    except OSError as exc:
        raise BundleError(f"{bundle}: cannot be read ({describe_os_error(exc)})") from None
    with counter:
        _check_table(counter)
        counter.seek(0)
        try:
            archive = zipfile.ZipFile(counter)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError):
            raise _Refusal("it is not a presskit bundle (not a zip archive)") from None
        except OSError as exc:
            raise _Refusal(f"it cannot be read ({describe_os_error(exc)})") from None
        with archive:
            yield archive, counter


def _open_regular_file(bundle: Path) -> int:
    """A descriptor of ``bundle`` for reading, if it is a regular file. Opened without
    blocking, so a pipe with no writer (or a device) is found out instead of waited on."""
    fd = os.open(bundle, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise _Refusal("it is a folder, not a bundle file")
        if not stat.S_ISREG(mode):
            raise _Refusal("it is not a file (a pipe or a device)")
        if os.name != "nt":
            os.set_blocking(fd, True)
    except BaseException:
        os.close(fd)
        raise
    return fd


_END = struct.Struct("<4s4H2LH")          # end of central directory record
_LOCATOR = struct.Struct("<4sLQL")        # zip64 end of central directory locator
_END64 = struct.Struct("<4sQ2H2L4Q")      # zip64 end of central directory record


def _check_table(stream: _CountingFile) -> None:
    """Refuse a zip whose table of contents (central directory) declares more entries or
    bytes than any bundle has, before zipfile turns every record of it into an object."""
    declared = zip_table_size(stream)
    if declared is None:
        return
    entries, table = declared
    if entries > MAX_ENTRIES:
        raise _Refusal(f"it has {entries} entries, more than a bundle may hold "
                       f"({MAX_ENTRIES})")
    if table > MAX_TABLE_BYTES:
        raise _Refusal(f"its table of contents is larger than any bundle's ("
                       f"{megabytes(table)}; at most {megabytes(MAX_TABLE_BYTES)})")


def zip_table_size(stream: BinaryIO) -> tuple[int, int] | None:
    """``(entries, bytes)`` the table of contents (central directory) of the zip ``stream``
    declares, read from its end records without building anything; ``None`` if it has none.

    The end records are found the way zipfile finds them (the last 22 bytes, else the last
    signature in the final 64 kB, and a zip64 record just before its locator), so both read
    the same numbers; a file without them is left for zipfile to refuse.
    """
    size = stream.seek(0, os.SEEK_END)
    start = max(size - _END.size - 0xFFFF, 0)
    stream.seek(start)
    tail = stream.read(size - start)
    if tail[-_END.size:][:4] == b"PK\x05\x06" and tail[-2:] == b"\0\0":
        at = len(tail) - _END.size
    else:
        at = tail.rfind(b"PK\x05\x06")
        if at < 0 or len(tail) - at < _END.size:
            return None
    fields = _END.unpack_from(tail, at)
    entries, table = fields[4], fields[5]
    end_at = start + at
    if end_at >= _LOCATOR.size + _END64.size:
        stream.seek(end_at - _LOCATOR.size - _END64.size)
        record, locator = stream.read(_END64.size), stream.read(_LOCATOR.size)
        if locator.startswith(b"PK\x06\x07") and record.startswith(b"PK\x06\x06"):
            entries, table = _END64.unpack(record)[7:9]
    return int(entries), int(table)


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
    stray = next((name for name in listed if not _in_its_place(name, manifest)), None)
    if stray is not None:
        raise _Refusal(f"the entry {stray!r} is not a place a bundle holds files (only the kit "
                       f"and its PDF, and pictures and fonts in {', '.join(_PLACES)}/)")
    return manifest


#: The folders a bundle's pictures and fonts are packed in (the writer's layout).
_PLACES = tuple(sorted(set(FOLDERS.values())))


def _in_its_place(name: str, manifest: Manifest) -> bool:
    """Whether ``name`` is where the bundle writer puts a file: the kit or its PDF beside it,
    or one visible file in a picture or font folder. Anything else (``.ssh/authorized_keys``,
    ``.bash_profile``) would land in the user's folder as a file the kit never names."""
    if name in (manifest.kit, manifest.pdf):
        return "/" not in name and not name.startswith(".")
    folder, _, file = name.partition("/")
    return folder in _PLACES and bool(file) and "/" not in file and not file.startswith(".")


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
        remove_stale_work_folders(folder)
        with tempfile.TemporaryDirectory(prefix=WORK_PREFIX, dir=folder,
                                         ignore_cleanup_errors=True) as scratch:
            root = Path(scratch)
            expected = {f.path: f for f in manifest.files}
            total = 0
            for name, info in files.items():
                if name == MANIFEST_NAME:
                    continue
                size, digest = _extract(archive, counter, info, root, total)
                total += size
                if size != expected[name].size or digest != expected[name].sha256:
                    raise _Refusal(f"the entry {name!r} does not match the manifest (its "
                                   "SHA-256 differs: the bundle is damaged or was altered)")
            _check_kit(root, manifest, folder)
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
             root: Path, total: int) -> tuple[int, str]:
    """Write the entry to a new file under the working folder ``root``, enforcing the limits
    on the bytes that really come out (not only the header's word for them); its size and
    SHA-256."""
    name = info.filename
    digest = hashlib.sha256()
    size = 0
    try:
        with archive.open(info) as stream, open(create_file(root, name), "wb") as out:
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
                touch(root)  # still at work: not a killed unbundle's leftover
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


def _check_kit(root: Path, manifest: Manifest, folder: Path) -> None:
    """The kit must open, and every file it names must be one of the bundle's own entries
    once they are in ``folder``: a kit pointing at ``/home/…``, ``../…`` or at a file already
    in ``folder`` (``.ssh/id_rsa`` when unpacked into a home folder) would print that file into
    its PDF and pack it into the next bundle made of it. Its paths are read as they will be
    after the move, relative to ``folder``, and compared as written: an entry's name in
    another case is another file on most disks."""
    kit_name = manifest.kit
    final = folder / kit_name
    try:
        loaded = loads_kit(read_yaml_file(root / kit_name), final)
    except UnreadableFile as exc:
        raise _Refusal(f"the kit file {kit_name!r} cannot be opened: {exc}") from None
    except ProjectFileError as exc:
        first = next((p.message for p in exc.problems if p.is_error), "it has errors")
        raise _Refusal(f"the kit file {kit_name!r} cannot be opened: {first}") from None
    entries = {f.path for f in manifest.files}  # the manifest is not among them
    inside = Path(os.path.abspath(folder))
    for asset in kit_assets(loaded.kit):
        named = Path(os.path.abspath(asset.file))
        try:
            shown = named.relative_to(inside).as_posix()
        except ValueError:
            shown = str(named)
        else:
            if shown in entries or _packed_as_missing(shown, folder):
                continue
        position = loaded.source_map.locate(asset.where)
        at = f"{kit_name}:{position[0]}:{position[1]}" if position else kit_name
        raise _Refusal(f"{at}: {asset.what}: {shown} is not a file of this bundle")


def _packed_as_missing(name: str, folder: Path) -> bool:
    """Whether ``name`` is a place the bundle writer gives a file it could not read (the kit
    then reports it missing, as on the sender's side): a file directly in one of the bundle's
    asset folders, with a name the writer could have made, where nothing is in ``folder``."""
    parts = name.split("/")
    if len(parts) != 2 or parts[0] not in FOLDERS.values() or name_problem(name) is not None:
        return False
    try:
        mode = os.lstat(folder / parts[0]).st_mode
    except FileNotFoundError:
        return True
    return stat.S_ISDIR(mode) and not os.path.lexists(folder / name)


def _move_into_place(root: Path, folder: Path, names: list[str]) -> None:
    """Move each file from ``root`` to ``folder``, never through a link; on any failure
    move the moved ones back."""
    try:
        move_into_place(root, folder, names)
    except Blocked as blocked:
        raise _Refusal(f"the folder already holds {blocked}, which unpacking would overwrite "
                       "or write through; choose an empty folder") from None
    except OSError as exc:
        raise _Refusal(f"the files cannot be moved into {folder} "
                       f"({describe_os_error(exc)})") from None


__all__ = ["read_bundle"]
