"""What a kit bundle (``.presskitz``) is: its layout, its limits, its manifest, safe names.

A bundle is a zip archive holding

- ``manifest.json``: ``{"format": "presskit-bundle", "version": 1, "presskit": "0.1.0",
  "kit": "NAME.presskit", "pdf": "NAME.pdf", "files": [{"path", "size", "sha256"}, …]}``,
  listing every other entry with its size and SHA-256, so a reader can tell a damaged or
  altered bundle from a good one;
- the kit file and its exported PDF, at the top;
- ``assets/`` (the logo), ``fonts/`` (font files) and ``photos/`` (headshots), each file once.

Entry names use ``/`` and are checked by ``name_problem`` before anything is unpacked; the
writer makes its names with ``safe_file_name``, whose output ``name_problem`` always accepts.
The limits are far above any real kit (a dozen headshots and a few fonts are a few MB) and far
below what would hurt a laptop: they bound what a hostile or broken bundle can make a reader do.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from presskit.model import limits
from presskit.storage.errors import StorageError

BUNDLE_SUFFIX = ".presskitz"
#: How the folder presskit unpacks into, inside the chosen folder, begins; no entry's may.
WORK_PREFIX = ".presskit-unbundle-"
MANIFEST_NAME = "manifest.json"
FORMAT_NAME = "presskit-bundle"
FORMAT_VERSION = 1
#: The folder each kind of asset is packed into.
FOLDERS = {"logo": "assets", "font": "fonts", "photo": "photos"}

_MB = 1024 * 1024
# The bounds on a bundle, named here as the reader and writer use them; their sizes and
# reasons are in ``model/limits.py`` with every other bound on what presskit reads.
MAX_ENTRIES = limits.MAX_BUNDLE_ENTRIES
MAX_ENTRY_BYTES = limits.MAX_BUNDLE_ENTRY_BYTES
MAX_TOTAL_BYTES = limits.MAX_BUNDLE_TOTAL_BYTES
MAX_RATIO = limits.MAX_BUNDLE_RATIO
RATIO_FLOOR = limits.BUNDLE_RATIO_FLOOR
MAX_MANIFEST_BYTES = limits.MAX_MANIFEST_BYTES
MAX_TABLE_BYTES = limits.MAX_BUNDLE_TABLE_BYTES
MAX_NAME_CHARS = limits.MAX_BUNDLE_NAME_CHARS
MAX_DEPTH = limits.MAX_BUNDLE_DEPTH

# Characters Windows refuses in file names, and names it reserves for devices.
_FORBIDDEN = set('<>:"|?*')
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{n}" for n in range(1, 10)),
             *(f"LPT{n}" for n in range(1, 10))}
_DRIVE = re.compile(r"^[A-Za-z]:")


class BundleError(StorageError):
    """A bundle that cannot be written or unpacked; the message names the entry and why."""


def megabytes(size: int) -> str:
    return f"{size / _MB:.0f} MB" if size >= 10 * _MB else f"{size / _MB:.1f} MB"


def fold(name: str) -> str:
    """The form two names share if a case-insensitive or normalising file system (Windows,
    macOS) would store them as the same file."""
    return unicodedata.normalize("NFC", name).casefold()


def name_problem(name: str) -> str | None:
    """Why the entry name ``name`` (a file's, without a folder's trailing ``/``) must not be
    unpacked, as the end of "the entry 'x' …"; ``None`` if it is safe everywhere."""
    if not name:
        return "has an empty name"
    if "\0" in name:
        return "has a NUL character in its name"
    if "\\" in name:
        return "has a backslash in its name (bundles separate folders with '/')"
    if name.startswith("/"):
        return "has an absolute path"
    if _DRIVE.match(name):
        return "starts with a drive letter"
    if len(name) > MAX_NAME_CHARS:
        return f"has a name longer than {MAX_NAME_CHARS} characters"
    parts = name.split("/")
    if ".." in parts:
        return "has '..' in its path, which would put it outside the folder"
    if any(part in ("", ".") for part in parts):
        return "has an empty or '.' part in its path"
    if len(parts) > MAX_DEPTH:
        return f"is more than {MAX_DEPTH} folders deep"
    if parts[0].startswith(WORK_PREFIX):
        # The next unbundle into the folder would take it for a killed one's leftover.
        return f"has a name presskit keeps for its own working folders ({WORK_PREFIX}…)"
    for part in parts:
        bad = next((c for c in part if c in _FORBIDDEN or ord(c) < 32 or ord(c) == 127), None)
        if bad is not None:
            return f"has the character {bad!r} in its name, which not every system allows"
        if part.endswith((" ", ".")):
            return f"has a part ending in a space or a dot ({part!r})"
        if part.split(".")[0].upper() in _RESERVED:
            return f"uses the reserved device name {part!r}"
        if len(part.encode("utf-8")) > 255:
            return "has a part longer than a file name may be"
    return None


def safe_file_name(name: str, fallback: str) -> str:
    """``name`` as a file name ``name_problem`` accepts on any system: letters (of any
    script), digits, ``-``, ``_`` and ``.``; ``fallback`` if nothing is left of it."""
    cleaned = re.sub(r"[^\w.-]+", "-", unicodedata.normalize("NFC", name)).strip("-.")
    stem, dot, suffix = cleaned.rpartition(".")
    if not dot:
        stem, suffix = cleaned, ""
    # 40 + 10 characters stay under the 255 bytes a file name may take, in any script.
    stem, suffix = stem[:40].strip("-."), suffix[:10].strip("-.")
    if stem.split(".")[0].upper() in _RESERVED:
        stem += "-file"
    if not stem:
        return fallback
    return f"{stem}.{suffix}" if suffix else stem


@dataclass(frozen=True)
class ManifestFile:
    path: str
    size: int
    sha256: str


@dataclass(frozen=True)
class Manifest:
    """What a bundle says it holds."""

    kit: str
    files: tuple[ManifestFile, ...]
    pdf: str | None = None
    presskit: str = ""
    version: int = FORMAT_VERSION


def manifest_bytes(manifest: Manifest) -> bytes:
    data = {
        "format": FORMAT_NAME,
        "version": manifest.version,
        "presskit": manifest.presskit,
        "kit": manifest.kit,
        **({"pdf": manifest.pdf} if manifest.pdf else {}),
        "files": [{"path": f.path, "size": f.size, "sha256": f.sha256} for f in manifest.files],
    }
    return (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def parse_manifest(data: bytes) -> Manifest:
    """The manifest in ``data``; raises ``ValueError`` saying what is wrong with it."""
    try:
        document: Any = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise ValueError(f"it is not JSON ({exc})") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT_NAME:
        raise ValueError(f"it does not say \"format\": \"{FORMAT_NAME}\"")
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ValueError("it has no valid \"version\"")
    if version > FORMAT_VERSION:
        raise ValueError(f"it is bundle format {version}, from a newer presskit (this one reads "
                         f"format {FORMAT_VERSION}); update presskit")
    files = document.get("files")
    if not isinstance(files, list):
        raise ValueError("it has no \"files\" list")
    listed = tuple(_manifest_file(item) for item in files)
    paths = [f.path for f in listed]
    if len(set(map(fold, paths))) != len(paths):
        raise ValueError("it lists a file twice")
    kit, pdf = document.get("kit"), document.get("pdf")
    if not isinstance(kit, str) or not kit:
        raise ValueError("it names no kit file")
    if pdf is not None and not isinstance(pdf, str):
        raise ValueError("its \"pdf\" is not a file name")
    presskit = document.get("presskit")
    return Manifest(kit=kit, files=listed, pdf=pdf,
                    presskit=presskit if isinstance(presskit, str) else "", version=version)


def _manifest_file(item: Any) -> ManifestFile:
    if not isinstance(item, dict):
        raise ValueError("an entry of \"files\" is not a mapping")
    path, size, digest = item.get("path"), item.get("size"), item.get("sha256")
    if not isinstance(path, str) or not path:
        raise ValueError("an entry of \"files\" has no \"path\"")
    if not isinstance(size, int) or isinstance(size, bool) or size < 0:
        raise ValueError(f"the entry for {path!r} has no valid \"size\"")
    if not isinstance(digest, str) or not re.fullmatch(r"[0-9a-f]{64}", digest):
        raise ValueError(f"the entry for {path!r} has no valid \"sha256\"")
    return ManifestFile(path, size, digest)
