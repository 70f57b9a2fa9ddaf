"""Brand presets as single files a colleague can import: ``NAME.presskit-brand``.

The file is a zip archive holding

- ``preset.yaml``: ``presskit-brand: 1`` and the preset's ``name``;
- ``brand.yaml``: the brand keys of a kit's ``brand:`` mapping (``storage.load_brand`` reads
  it), with every file it names (logo, fonts) rewritten to ``assets/<file>``;
- ``assets/…``: those files, copied as they are.

Importing refuses, before anything is written, an archive that is not a regular file or not a
zip, is too big, has too many entries, has an entry that unpacks past its limit or to more
than ``MAX_RATIO`` times its packed size (read a piece at a time, whatever its header claims),
YAML nested too deep, or an entry that is a link, an absolute path, a path with ``..``, or
anything else than the files above. The files are then written (each with ``atomic_write``)
to ``<per-user data folder>/brands/<folder>/`` (``preset_folder_name``: one per preset name,
whatever its script) and the preset's paths point there. No Qt.
"""

from __future__ import annotations

import copy
import hashlib
import io
import re
import stat
import tempfile
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from yaml.nodes import MappingNode, ScalarNode

from presskit.library.paths import brands_dir
from presskit.library.roster import BrandPreset, Roster, clean_preset_name
from presskit.model import limits
from presskit.model.kit import Brand, font_file
from presskit.model.problems import PresskitError, Problem
from presskit.storage.atomic import atomic_write
from presskit.storage.brand_file import load_brand
from presskit.storage.bundle.assets import not_its_kind
from presskit.storage.bundle.inputs import same_file
from presskit.storage.composer import compose
from presskit.storage.dumper import dumps_data
from presskit.storage.errors import LocatedProblem, ProjectFileError, describe_os_error
from presskit.storage.fields import plain_value
from presskit.storage.inputs import InputError, open_input, read_input, size_text
from presskit.storage.schema import BRAND
from presskit.storage.writer import record_data

PRESET_SUFFIX = ".presskit-brand"
FORMAT_KEY = "presskit-brand"
FORMAT_VERSION = 1
META_NAME = "preset.yaml"
BRAND_NAME = "brand.yaml"
ASSETS = "assets"
#: Limits an archive must keep to (``model.limits``): a logo and a dozen fonts are far below.
MAX_ENTRIES = limits.MAX_PRESET_ENTRIES
MAX_ENTRY_BYTES = limits.MAX_PRESET_ENTRY_BYTES
MAX_TOTAL_BYTES = limits.MAX_PRESET_TOTAL_BYTES
MAX_YAML_BYTES = limits.MAX_PRESET_YAML_BYTES
MAX_RATIO = limits.MAX_COMPRESSION_RATIO
#: Entries this small are not held to the ratio: a few hundred bytes of YAML may pack well,
#: and cannot cost anything.
_RATIO_FREE_BYTES = limits.PRESET_RATIO_FLOOR
_FONT_FIELDS = ("body", "heading", *(f"{role}_{face}" for role in ("body", "heading")
                                     for face in ("bold", "italic", "bold_italic")))
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # a fixed time: exporting twice gives the same bytes


class BrandPresetError(PresskitError):
    """A preset that cannot be exported or a preset file that cannot be imported."""


@dataclass
class ImportedPreset:
    preset: BrandPreset
    #: The folder its logo and fonts were unpacked into.
    folder: Path
    #: Warnings from reading its brand (unknown keys…).
    problems: list[Problem] = field(default_factory=list)


def brand_files(brand: Brand) -> Iterator[tuple[str, Path]]:
    """Each file ``brand`` names, as ``(field, path)``: ``logo``, ``fonts.body``…"""
    if brand.logo is not None:
        yield "logo", brand.logo
    for name in _FONT_FIELDS:
        value = getattr(brand.fonts, name)
        if isinstance(value, Path):
            yield f"fonts.{name}", value


def _with_path(brand: Brand, field_name: str, value: Path) -> None:
    if field_name == "logo":
        brand.logo = value
    else:
        setattr(brand.fonts, field_name.removeprefix("fonts."), value)


def safe_file_name(name: str) -> str:
    """``name`` as a file or folder name on any system: letters, digits, ``-``, ``_``, ``.``."""
    cleaned = re.sub(r"[^A-Za-z0-9._-]+", "-", name.strip()).strip("-.")
    return cleaned[:60] or "brand"


#: What a hashed folder name ends with.
_HASHED = re.compile(r".*-[0-9a-f]{10}", re.DOTALL)


def preset_folder_name(name: str) -> str:
    """The folder of the preset called ``name``: different for every name the roster tells
    apart. A name that is already a safe file name is its own folder; any other is made safe
    and given a short hash of the whole name (letter case aside, as the roster compares), so
    "Κέντρο" and "Центр" (both "brand" once made safe) or "House 2" and "House-2" never share
    a folder and one preset's files never overwrite another's. A safe name that itself ends
    like a hash (a preset literally named "brand-21350e85a7") is hashed too, so it can never
    take the folder of the name that hash belongs to."""
    name = name.strip()
    safe = safe_file_name(name)
    if safe == name and not _HASHED.fullmatch(safe):
        return safe
    digest = hashlib.sha256(name.casefold().encode("utf-8", "surrogatepass")).hexdigest()
    return f"{safe[:48]}-{digest[:10]}"


#: Characters no file name may hold on some system.
_UNSAFE_IN_FILE_NAME = re.compile(r'[\\/:*?"<>|]+')


def preset_file_name(name: str) -> str:
    """The file name ``Export Preset…`` suggests for the preset ``name``: the name as shown
    (``clean_preset_name``), any script kept, but no folder separator, nothing Windows
    refuses, no leading dot: ``../../x`` becomes ``x.presskit-brand``, always a file of the
    folder it is suggested in."""
    stem = _UNSAFE_IN_FILE_NAME.sub("-", clean_preset_name(name)).strip("-. ")
    return (stem[:100].rstrip("-. ") or "brand") + PRESET_SUFFIX


# -- export -------------------------------------------------------------------------------------

def preset_bytes(preset: BrandPreset) -> bytes:
    """The ``.presskit-brand`` file for ``preset``; raises ``BrandPresetError`` when a file it
    names cannot be packed (the message says which, and why).

    Each file is read like any input (``storage.inputs``): a pipe or a device is refused
    without waiting on it, nothing past ``MAX_ENTRY_BYTES`` is read (what import would
    refuse), and, as ``presskit bundle`` does, only bytes that begin as a picture (the logo)
    or a TrueType/OpenType font are packed: a stranger's brand whose logo is
    ``~/.ssh/id_rsa``, or a link to it, is never sent on. A link is followed like any
    path (a logo may be a link to the house logo): what counts is what the file holds."""
    brand = copy.deepcopy(preset.brand)
    assets: dict[Path, str] = {}  # source file → name in the archive
    contents: dict[str, bytes] = {}
    total = 0
    for field_name, value in brand_files(preset.brand):
        source, index = font_file(value) if field_name != "logo" else (value, 0)
        source = Path(source)
        if source not in assets:
            stem = safe_file_name(source.stem)
            suffix = safe_file_name(source.suffix) if source.suffix else ""
            name = f"{stem}.{suffix.lstrip('.')}" if suffix else stem
            counter = 2
            while f"{ASSETS}/{name}" in contents:
                name = f"{stem}-{counter}.{suffix.lstrip('.')}" if suffix else f"{stem}-{counter}"
                counter += 1
            data = _packed_file(preset, field_name, source)
            total += len(data)
            if total > MAX_TOTAL_BYTES:
                raise BrandPresetError(
                    f"the brand preset {preset.name!r} cannot be exported: its "
                    f"files take more than {size_text(MAX_TOTAL_BYTES)}, more than a preset "
                    "may hold")
            contents[f"{ASSETS}/{name}"] = data
            assets[source] = f"{ASSETS}/{name}"
        archived = assets[source] + (f"#{index}" if index else "")
        _with_path(brand, field_name, Path(archived))
    meta = dumps_data({FORMAT_KEY: FORMAT_VERSION, "name": preset.name})
    brand_text = dumps_data(record_data(brand, BRAND, Path("."), brand.extra))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in ((META_NAME, meta.encode()), (BRAND_NAME, brand_text.encode()),
                           *contents.items()):
            info = zipfile.ZipInfo(name, _ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = (stat.S_IFREG | 0o644) << 16
            archive.writestr(info, data)
    return out.getvalue()


def _packed_file(preset: BrandPreset, field_name: str, source: Path) -> bytes:
    """The bytes of the preset's ``field_name`` file ``source``, checked as above."""
    role = "logo" if field_name == "logo" else "font"
    try:
        data = read_input(source, MAX_ENTRY_BYTES,
                          what="picture" if role == "logo" else "font file")
    except InputError as exc:
        problem: str | None = exc.reason
    else:
        problem = not_its_kind(role, data)
    if problem is not None:
        raise BrandPresetError(
            f"the brand preset {preset.name!r} cannot be exported: its "
            f"{field_name} {source} cannot be packed: {problem}; choose another file for it "
            "in Brand ▸ Edit Presets…")
    return data


def export_preset(preset: BrandPreset, path: Path) -> None:
    """Write ``preset`` with its logo and fonts to the single file ``path`` (atomically).

    Raises ``BrandPresetError`` when ``path`` is one of those files (by any spelling, link or
    hard link): the preset would replace its own logo or font."""
    path = Path(path)
    for _name, source in brand_files(preset.brand):
        if same_file(path, source):
            raise BrandPresetError(f"cannot write {path}: it is {source}, which the preset "
                                   "holds; choose another file name")
    atomic_write(path, preset_bytes(preset))


# -- import -------------------------------------------------------------------------------------

def _refuse(path: Path, reason: str) -> BrandPresetError:
    return BrandPresetError(f"{path}: not imported: {reason}; nothing was written")


def _entry_name(path: Path, info: zipfile.ZipInfo) -> str | None:
    """The entry's checked name, ``None`` for a folder entry; raises for anything hostile."""
    name = info.filename
    mode = info.external_attr >> 16
    if stat.S_ISLNK(mode):
        raise _refuse(path, f"the entry {name!r} is a link")
    if info.flag_bits & 0x1:
        raise _refuse(path, f"the entry {name!r} is encrypted")
    if "\\" in name or "\0" in name or name.startswith("/") or re.match(r"^[A-Za-z]:", name):
        raise _refuse(path, f"the entry {name!r} has an absolute or unsafe path")
    parts = PurePosixPath(name).parts
    if any(part in ("..", ".", "") for part in name.rstrip("/").split("/")):
        raise _refuse(path, f"the entry {name!r} has '..' or an empty part in its path")
    if info.is_dir():
        if name.rstrip("/") != ASSETS:
            raise _refuse(path, f"unexpected folder {name!r}")
        return None
    if not (name in (META_NAME, BRAND_NAME) or (len(parts) == 2 and parts[0] == ASSETS)):
        raise _refuse(path, f"unexpected entry {name!r} (a preset holds {META_NAME}, "
                            f"{BRAND_NAME} and files in {ASSETS}/)")
    return name


def read_archive(path: Path) -> dict[str, bytes]:
    """The checked entries of the preset file ``path``; raises ``BrandPresetError``."""
    path = Path(path)
    try:
        # A pipe or a device is refused without blocking; zipfile gets the very file checked.
        stream = open_input(path, MAX_TOTAL_BYTES, what="brand preset")
    except InputError as exc:
        if exc.missing:
            raise BrandPresetError(f"{path}: no such file") from None
        raise _refuse(path, exc.reason) from None
    try:
        archive = zipfile.ZipFile(stream)
    except (zipfile.BadZipFile, ValueError, EOFError, NotImplementedError, OverflowError):
        # NotImplementedError: a zip of a version zipfile does not read (found by fuzzing).
        stream.close()
        raise _refuse(path, "it is not a presskit brand preset (not a zip archive presskit "
                            "can read)") from None
    except OSError as exc:
        stream.close()
        raise BrandPresetError(f"{path}: cannot be read ({describe_os_error(exc)})") from None
    entries: dict[str, bytes] = {}
    with stream, archive:
        infos = archive.infolist()
        if len(infos) > MAX_ENTRIES:
            raise _refuse(path, f"it has {len(infos)} entries (at most {MAX_ENTRIES})")
        total = 0
        for info in infos:
            name = _entry_name(path, info)
            if name is None:
                continue
            if name in entries:
                raise _refuse(path, f"the entry {name!r} is in it twice")
            limit = MAX_YAML_BYTES if name in (META_NAME, BRAND_NAME) else MAX_ENTRY_BYTES
            if info.file_size > limit:
                raise _refuse(path, f"the entry {name!r} is too large "
                                    f"({size_text(info.file_size)}, at most {size_text(limit)})")
            data = _entry_data(path, archive, info, limit)
            total += len(data)
            if total > MAX_TOTAL_BYTES:
                raise _refuse(path, "its contents are too large")
            entries[name] = data
    for required in (META_NAME, BRAND_NAME):
        if required not in entries:
            raise _refuse(path, f"{required} is missing (not a presskit brand preset)")
    return entries


def _entry_data(path: Path, archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int
                ) -> bytes:
    """The entry's bytes, inflated a piece at a time and never past ``limit`` bytes or
    ``MAX_RATIO`` times its packed size, whatever its header says."""
    name = info.filename
    packed = max(info.compress_size, 1)
    cap = min(limit, max(_RATIO_FREE_BYTES, packed * MAX_RATIO))
    pieces: list[bytes] = []
    made = 0
    try:
        with archive.open(info) as entry:
            while made <= cap:
                piece = entry.read(min(1024 * 1024, cap + 1 - made))
                if not piece:
                    break
                pieces.append(piece)
                made += len(piece)
    except (zipfile.BadZipFile, zlib.error, OSError, RuntimeError, NotImplementedError,
            EOFError, ValueError) as exc:  # zlib.error: a corrupt deflate stream (fuzzing)
        raise _refuse(path, f"the entry {name!r} is damaged ({exc})") from None
    if made > cap == limit:
        raise _refuse(path, f"the entry {name!r} is too large (more than {size_text(limit)})")
    if made > cap:
        raise _refuse(path, f"the entry {name!r} unpacks to more than {MAX_RATIO} times its "
                            "packed size (a zip bomb?)")
    return b"".join(pieces)


def _meta_name(path: Path, data: bytes) -> str:
    try:
        # presskit's own composer, as for kits: nesting, anchors, tags and over-long numbers
        # are refused instead of built (yaml.safe_load recursed itself to death on deep data).
        composed = compose(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise _refuse(path, f"{META_NAME} is not readable YAML") from None
    if composed.problems:
        first = composed.problems[0]
        line = f" line {first.line}:" if isinstance(first, LocatedProblem) else ""
        raise _refuse(path, f"{META_NAME} is not readable YAML ({line} {first.message})"
                      .replace("( ", "("))
    root = composed.root
    if not isinstance(root, MappingNode):
        raise _refuse(path, f"{META_NAME} is not a preset description")
    meta: dict[Any, Any] = {key.value: plain_value(value) for key, value in root.value
                            if isinstance(key, ScalarNode)}
    version = meta.get(FORMAT_KEY)
    if not isinstance(version, int) or version < 1:
        raise _refuse(path, f"{META_NAME} has no valid '{FORMAT_KEY}:' version")
    if version > FORMAT_VERSION:
        raise _refuse(path, f"it was written by a newer presskit (preset format {version}); "
                            "update presskit")
    name = meta.get("name")
    if not isinstance(name, str) or not clean_preset_name(name):
        raise _refuse(path, f"{META_NAME} names no preset")
    return clean_preset_name(name)


def _check_brand(path: Path, entries: dict[str, bytes]) -> None:
    """Read ``brand.yaml`` in a scratch folder: every error and every path pointing outside
    the archive is refused before anything is written where the user keeps data."""
    with tempfile.TemporaryDirectory(prefix="presskit-brand-") as scratch:
        root = Path(scratch).resolve()
        (root / ASSETS).mkdir()
        for name, data in entries.items():
            (root / name).write_bytes(data)
        try:
            brand = load_brand(root / BRAND_NAME)
        except ProjectFileError as exc:
            details = "; ".join(p.message for p in exc.problems if p.is_error)
            raise _refuse(path, f"its brand has errors: {details}") from None
        for field_name, value in brand_files(brand):
            target = font_file(value)[0] if field_name != "logo" else value
            resolved = Path(target).resolve()
            inside = resolved.parent == root / ASSETS
            if not inside or resolved.relative_to(root).as_posix() not in entries:
                raise _refuse(path, f"its {field_name} {value} is not a file in the preset")


def preset_name(path: Path) -> str:
    """The name the preset file ``path`` gives its preset (checked like ``import_preset``)."""
    return _meta_name(Path(path), read_archive(Path(path))[META_NAME])


def import_preset(path: Path, *, name: str | None = None,
                  destination: Path | None = None) -> ImportedPreset:
    """Unpack the preset file ``path`` into ``destination`` (default: a folder of
    ``brands_dir()`` named by ``preset_folder_name``)
    and return the preset, its paths pointing at the unpacked files.

    Raises ``BrandPresetError`` (nothing written) for a hostile or broken file.
    """
    path = Path(path)
    entries = read_archive(path)
    preset_name = clean_preset_name(name or "") or _meta_name(path, entries[META_NAME])
    _check_brand(path, entries)
    folder = Path(destination) if destination is not None else (
        brands_dir() / preset_folder_name(preset_name))
    try:
        (folder / ASSETS).mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BrandPresetError(f"cannot create the folder {folder}: "
                               f"{describe_os_error(exc)}") from None
    for entry, data in entries.items():
        atomic_write(folder / entry, data)
    try:
        brand = load_brand(folder / BRAND_NAME)
    except ProjectFileError as exc:  # changed on disk in between: say so, do not guess
        raise BrandPresetError(str(exc)) from None
    return ImportedPreset(BrandPreset(preset_name, brand), folder)


# -- the roster's presets -----------------------------------------------------------------------

def with_preset(roster: Roster, preset: BrandPreset, *, replace: bool = False) -> Roster:
    """A copy of ``roster`` holding ``preset``; one with the same name is replaced only when
    ``replace`` (else ``BrandPresetError``)."""
    name = clean_preset_name(preset.name)
    if not name:
        raise BrandPresetError("a brand preset needs a name")
    updated = copy.copy(roster)
    updated.brands = list(roster.brands)
    existing = roster.brand(name)
    stored = BrandPreset(name, copy.deepcopy(preset.brand))
    if existing is None:
        updated.brands.append(stored)
    elif replace:
        updated.brands[roster.brands.index(existing)] = stored
    else:
        raise BrandPresetError(f"there is already a brand preset called {existing.name!r}")
    return updated


def without_preset(roster: Roster, name: str) -> Roster:
    """A copy of ``roster`` without the preset called ``name`` (``BrandPresetError`` if none)."""
    existing = roster.brand(name)
    if existing is None:
        raise BrandPresetError(f"there is no brand preset called {name!r}")
    updated = copy.copy(roster)
    updated.brands = [b for b in roster.brands if b is not existing]
    return updated


__all__ = [
    "PRESET_SUFFIX", "BrandPresetError", "ImportedPreset", "brand_files", "export_preset",
    "import_preset", "preset_bytes", "preset_file_name", "preset_folder_name", "preset_name",
    "read_archive", "safe_file_name", "with_preset", "without_preset",
]
