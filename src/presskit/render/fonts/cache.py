"""Parsed TrueType fonts kept on disk between runs, so a short export does not spend most of
its time reading font tables.

ReportLab reads a font's character map and metrics in Python every time a ``TTFont`` is made:
about 20 ms a face, 80 ms for the four faces of a family, which is more than laying out a
three-page kit. What it reads depends only on the file, so the first run keeps it in the
per-user cache folder (platformdirs), under a key made of the file's path and stamp (size,
modification and change times, which file it is), the font's number in a collection, and
ReportLab's version; later runs restore it in a few milliseconds. The file's bytes are
always read again (as a regular file of bounded size, never a pipe or a device), since the
subset embedded in each PDF is cut from them.

An entry that is missing, stale, damaged or unreadable is ignored and made anew, and a cache
folder that cannot be written, or may not be (a link, another user's folder), costs only the
time: the font is parsed as before. Entries are read with an unpickler that can build nothing
but plain values and the two ReportLab classes a parsed font holds, so a file planted in the
cache cannot run code, and only regular files of bounded size are read
(``render.cache_entries``).
"""

from __future__ import annotations

import hashlib
import io
import os
import pickle
from pathlib import Path
from typing import Any
from weakref import WeakKeyDictionary

import reportlab
from reportlab.pdfbase.ttfonts import TTEncoding, TTFNameBytes, TTFont, TTFontFace

from presskit.model import limits
from presskit.render.cache_entries import cache_folder, file_stamp, read_entry, write_entry
from presskit.render.fonts.sfnt import check_font_bytes
from presskit.render.fonts.subsets import FastSubsetTTFont
from presskit.storage.inputs import InputError, open_input, read_bounded

#: Bump when what is stored changes shape.
_FORMAT = 1
#: Not stored: the file's bytes (read again on restore) and the scale, a lambda that
#: pickle cannot store (made again from ``unitsPerEm``).
_NOT_STORED = frozenset({"_ttf_data", "_pdfScale"})
#: The only classes an entry may contain besides plain values.
_ALLOWED = {
    ("reportlab.pdfbase.ttfonts", "TTFNameBytes"): TTFNameBytes,
    ("reportlab.pdfbase.ttfonts", "TTEncoding"): TTEncoding,
}


#: The largest entry read back (the CJK face's tables are about 5 MB; ``model/limits.py``).
MAX_ENTRY_BYTES = limits.MAX_CACHE_ENTRY_BYTES
#: The largest font file read (see ``model.limits``).
MAX_FONT_BYTES = limits.MAX_FONT_BYTES


def cache_dir() -> Path:
    """The folder of parsed fonts, in the per-user cache folder."""
    return cache_folder("fonts")


def load_font(name: str, path: Path, subfont_index: int = 0, *, shipped: bool = False
              ) -> TTFont:
    """``TTFont(name, path, subfontIndex=subfont_index)``, restored from the cache when it
    holds this very file; raises what ``TTFont`` raises for a file it cannot use, and
    ``ValueError`` for one refused before ReportLab sees it (not a regular file, larger than
    ``MAX_FONT_BYTES``, tables or a character map that do not fit ``render.fonts.sfnt``,
    glyphs ReportLab cannot cut a subset from). ``shipped`` fonts are not tried out."""
    try:
        with open_input(path, MAX_FONT_BYTES, what="font file") as stream:
            status = os.fstat(stream.fileno())
            data = read_bounded(stream, path, MAX_FONT_BYTES, what="font file")
    except InputError as exc:
        raise ValueError(exc.reason) from None
    key = repr((os.path.abspath(path), file_stamp(status), subfont_index,
                reportlab.Version, _FORMAT))
    entry = cache_dir() / f"{hashlib.sha1(key.encode()).hexdigest()}.font"
    restored = _restore(entry, name, data, status.st_size)
    if restored is not None:
        return restored
    # ReportLab parses the bytes checked here, never the path again: what it reads is what
    # was checked, whatever happens to the file meanwhile.
    check_font_bytes(data, subfont_index)
    source = io.BytesIO(data)
    source.name = str(path)  # ReportLab names the file in its messages
    font = FastSubsetTTFont(name, source, subfontIndex=subfont_index)
    if not shipped:
        _try_subsets(font)
    _store(entry, font)
    return font


def _try_subsets(font: TTFont) -> None:
    """Cut every subset a PDF could ask of ``font`` once, now: a damaged glyph table that
    ReportLab parses happily fails only when a PDF is saved, which would stop an export
    instead of giving a warning (found by fuzzing). Stored fonts were tried before storing."""
    chars = sorted(font.face.charToGlyph)
    try:
        for start in range(0, len(chars), _SUBSET):  # as ReportLab cuts them, 256 at a time
            font.face.makeSubset(chars[start:start + _SUBSET])
    except Exception as exc:  # noqa: BLE001 - whatever the damage makes ReportLab raise
        raise ValueError(f"its glyphs are damaged ({type(exc).__name__}: {exc})") from None


#: Characters in one subset of a font embedded in a PDF (ReportLab's own size).
_SUBSET = 256


class _Unpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        try:
            return _ALLOWED[(module, name)]
        except KeyError:
            raise pickle.UnpicklingError(f"{module}.{name} is not allowed here") from None


#: What a restored face must hold, and of which type, before ReportLab is given it.
_REQUIRED: dict[str, type | tuple[type, ...]] = {
    "name": bytes, "unitsPerEm": int, "charToGlyph": dict, "charWidths": dict,
    "glyphToChar": dict, "hmetrics": list, "glyphPos": list, "ascent": (int, float),
    "descent": (int, float), "defaultWidth": (int, float),
}


def _restore(entry: Path, name: str, data: bytes, size: int) -> TTFont | None:
    stored = read_entry(entry, MAX_ENTRY_BYTES)
    if stored is None:
        return None
    try:
        font_state, face_state = _Unpickler(io.BytesIO(stored)).load()
    # Whatever an entry holds (a planted one asked the unpickler for gigabytes), it can
    # only cost the parse it was meant to save.
    except Exception:  # noqa: BLE001
        return None
    if (len(data) != size or not isinstance(font_state, dict) or not isinstance(face_state, dict)
            or any(not isinstance(face_state.get(key), kind) for key, kind in _REQUIRED.items())
            or face_state["unitsPerEm"] <= 0
            or not isinstance(font_state.get("encoding"), TTEncoding)):
        return None
    face = TTFontFace.__new__(TTFontFace)
    vars(face).update(face_state)
    face._ttf_data = data
    face._pdfScale = _scale(face.unitsPerEm)
    font = FastSubsetTTFont.__new__(FastSubsetTTFont)
    font.__dict__.update(font_state)
    font.fontName = name
    font.face = face
    font.state = WeakKeyDictionary()  # per-document subsets: empty until a PDF uses it
    return font


def _scale(units_per_em: int) -> Any:
    """Font units to PDF's thousandths of an em, as ReportLab's parser makes it."""
    if units_per_em == 1000:
        return lambda x: x
    factor = 1000 / units_per_em
    return lambda x: x * factor


def _store(entry: Path, font: TTFont) -> None:
    font_state = {k: v for k, v in vars(font).items() if k not in ("face", "state")}
    face_state = {k: v for k, v in vars(font.face).items() if k not in _NOT_STORED}
    try:
        payload = pickle.dumps((font_state, face_state), pickle.HIGHEST_PROTOCOL)
    except (pickle.PicklingError, TypeError, AttributeError):
        return  # no cache this time; the font itself is fine
    write_entry(entry, payload)
