"""Kit bundles: a kit with its pictures, fonts and PDF in one ``.presskitz`` file, and back.

``write_bundle`` packs the kit file (written by the normal writer, every asset path pointing
inside the bundle), each image and font file it uses (once, however often it is used), the
PDF exported from it and a manifest of sizes and SHA-256 hashes (see ``bundle_format``). A
missing or unreadable file is a warning in the report, never a crash. ``read_bundle`` (in
``bundle_reader``) unpacks one into a folder, refusing anything hostile with nothing written.

It sits in ``formats``, above both ``storage`` and ``render``, because it needs both (the
kit's files and its PDF); reading a bundle needs only ``storage``. No Qt.
"""

from __future__ import annotations

import copy
import hashlib
import io
import os
import stat
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import presskit
from presskit.model.kit import Kit
from presskit.model.problems import Problem, Severity
from presskit.render import render_pdf
from presskit.storage.atomic import atomic_write
from presskit.storage.bundle.assets import KitAsset, kit_assets, not_its_kind
from presskit.storage.bundle.format import (
    FOLDERS,
    MANIFEST_NAME,
    MAX_ENTRY_BYTES,
    MAX_TOTAL_BYTES,
    BundleError,
    Manifest,
    ManifestFile,
    fold,
    manifest_bytes,
    megabytes,
    safe_file_name,
)
from presskit.storage.bundle.inputs import same_file
from presskit.storage.bundle.reader import read_bundle
from presskit.storage.errors import describe_os_error, format_problem
from presskit.storage.reader import PROJECT_SUFFIXES, load_kit
from presskit.storage.source_map import SourceMap
from presskit.storage.writer import dumps_kit

_ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # a fixed time: the same kit gives the same entries
#: Already compressed: deflating them again costs time and saves nothing.
_STORED_SUFFIXES = (".jpg", ".jpeg", ".png", ".gif", ".webp")


@dataclass(frozen=True)
class BundleEntry:
    """A file in the bundle: its name there, its size and its SHA-256 (hex)."""

    name: str
    size: int
    sha256: str


@dataclass
class BundleReport:
    """What ``write_bundle`` wrote, and what the user should know about it."""

    #: The bundle written.
    path: Path
    #: The kit file bundled, and where its values are (for ``messages``).
    source: Path
    source_map: SourceMap
    #: The kit file's name in the bundle, and every entry but the manifest.
    kit: str
    entries: list[BundleEntry] = field(default_factory=list)
    #: Files that could not be bundled and the PDF export's own warnings.
    warnings: list[Problem] = field(default_factory=list)

    @property
    def size(self) -> int:
        return sum(entry.size for entry in self.entries)

    def messages(self) -> list[str]:
        """The warnings as ``kit.presskit:12:9: warning: …`` lines."""
        return [format_problem(p, self.source, self.source_map) for p in self.warnings]


def write_bundle(kit_path: Path, target: Path) -> BundleReport:
    """Write the kit at ``kit_path`` with its files and PDF to the bundle ``target``.

    Raises ``ProjectFileError`` if the kit has errors, ``RenderError`` if no PDF can be made
    and ``BundleError`` if the bundle cannot be written; ``target`` is then as it was.
    """
    kit_path, target = Path(kit_path), Path(target)
    loaded = load_kit(kit_path)
    home = Path(os.path.abspath(kit_path)).parent
    _refuse_overwriting_inputs(kit_path, target, loaded.kit)
    rendered = render_pdf(loaded.kit)

    kit_name = _kit_entry_name(kit_path)
    pdf_name = kit_name.rsplit(".", 1)[0] + ".pdf"
    packer = _Packer(home, reserved=(kit_name, pdf_name, MANIFEST_NAME))
    bundled = copy.deepcopy(loaded.kit)  # the PDF was made from the kit as loaded
    for asset in kit_assets(bundled):
        packer.pack(asset)
    kit_text = dumps_kit(bundled, home / kit_name).encode("utf-8")
    contents = {kit_name: kit_text, pdf_name: rendered.data, **packer.contents}

    total = sum(len(data) for data in contents.values())
    if total > MAX_TOTAL_BYTES:
        raise BundleError(f"cannot write {target}: the kit and its files take {megabytes(total)}"
                          f", more than a bundle may hold ({megabytes(MAX_TOTAL_BYTES)})")
    entries = [BundleEntry(name, len(data), hashlib.sha256(data).hexdigest())
               for name, data in contents.items()]
    manifest = Manifest(
        kit=kit_name, pdf=pdf_name, presskit=presskit.__version__,
        files=tuple(ManifestFile(e.name, e.size, e.sha256) for e in entries),
    )
    atomic_write(target, _zip_bytes({MANIFEST_NAME: manifest_bytes(manifest), **contents}))
    warnings = packer.warnings + _unless_said(rendered.warnings, packer.warnings)
    return BundleReport(target, kit_path, loaded.source_map, kit_name, entries, warnings)


class _Packer:
    """Gives each file a name in the bundle (once per file) and points the kit at it."""

    def __init__(self, home: Path, reserved: tuple[str, ...]) -> None:
        self.home = home
        self.contents: dict[str, bytes] = {}
        self.warnings: list[Problem] = []
        self._names: dict[str, str] = {}  # real path of a source file → its entry name
        self._taken = {fold(name) for name in reserved}

    def pack(self, asset: KitAsset) -> None:
        source = asset.file
        key = os.path.realpath(source)
        entry = self._names.get(key)
        if entry is None:
            entry = self._claim(FOLDERS[asset.role], source.name)
            self._names[key] = entry
            data = self._read(asset, source)
            if data is not None:
                self.contents[entry] = data
        # A file that could not be read still gets its place in the bundle, so the unpacked
        # kit never points outside its folder; it reports the file missing, as here.
        asset.assign(self.home / (entry + (f"#{asset.index}" if asset.index else "")))

    def _claim(self, folder: str, file_name: str) -> str:
        """``folder/name``, or ``name-2``… when another file took the name (compared as a
        case-insensitive file system would): the first in document order keeps it."""
        name = safe_file_name(file_name, fallback=folder.rstrip("s"))
        stem, dot, suffix = name.rpartition(".")
        if not dot:
            stem, suffix = name, ""
        candidate, counter = name, 2
        while fold(f"{folder}/{candidate}") in self._taken:
            candidate = f"{stem}-{counter}" + (f".{suffix}" if suffix else "")
            counter += 1
        self._taken.add(fold(f"{folder}/{candidate}"))
        return f"{folder}/{candidate}"

    def _read(self, asset: KitAsset, source: Path) -> bytes | None:
        """The file's bytes, or ``None`` (with a warning) if it cannot be bundled."""
        problem = None
        try:
            # Opened without blocking and checked on the open file: a pipe (even one put
            # there after a look at the path) must not hang the command waiting for a writer.
            fd = os.open(source, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)
                         | getattr(os, "O_BINARY", 0))
            with open(fd, "rb") as stream:
                if not stat.S_ISREG(os.fstat(fd).st_mode):
                    problem = "it is not a file"
                else:
                    if os.name != "nt":
                        os.set_blocking(fd, True)
                    data = stream.read(MAX_ENTRY_BYTES + 1)
                    if len(data) > MAX_ENTRY_BYTES:
                        problem = f"it is larger than {megabytes(MAX_ENTRY_BYTES)}"
                    else:
                        problem = not_its_kind(asset.role, data)
        except OSError as exc:
            problem = describe_os_error(exc)
        if problem is None:
            return data
        self.warnings.append(Problem(
            Severity.WARNING, f"{asset.what}: {source} is not in the bundle: {problem}",
            asset.where,
        ))
        return None


def _kit_entry_name(kit_path: Path) -> str:
    name = safe_file_name(kit_path.name, fallback="kit.presskit")
    return name if name.lower().endswith(PROJECT_SUFFIXES) else name + ".presskit"


def _refuse_overwriting_inputs(kit_path: Path, target: Path, kit: Kit) -> None:
    """A bundle written over the kit or one of its files would destroy what it packs."""
    for source in [kit_path, *(asset.file for asset in kit_assets(kit))]:
        if same_file(target, source):  # another spelling, a link or a hard link of it
            raise BundleError(f"cannot write {target}: it is {source}, which the bundle holds")


def _unless_said(render_warnings: list[Problem], said: list[Problem]) -> list[Problem]:
    """The PDF's warnings but those about a file the packer already reported."""
    places = {p.where for p in said}
    return [p for p in render_warnings if not p.where or p.where not in places]


def _zip_bytes(contents: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in contents.items():
            info = zipfile.ZipInfo(name, _ZIP_TIME)
            stored = name.lower().endswith(_STORED_SUFFIXES)
            info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
            info.external_attr = (stat.S_IFREG | 0o644) << 16
            archive.writestr(info, data)
    return out.getvalue()


__all__ = ["BundleEntry", "BundleError", "BundleReport", "read_bundle", "write_bundle"]
