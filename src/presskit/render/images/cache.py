"""Prepared images, and where they are kept: in memory for one caller, on disk between runs.

Preparing a picture (decoding it with Pillow, shrinking, cropping, encoding it again) takes
longer than laying out its page, and depends only on the file and on how it is printed. So a
prepared image is kept twice over: in an :class:`ImageCache` for as long as its caller lives
(the preview renders again after every pause in typing), and in the per-user cache folder
(platformdirs), so the next export — or the next start of the app — finds it ready and needs
none of Pillow's decoders. Both are keyed by the file's path and stamp (size, modification
and change times, which file it is) and by its use (kind and printed size); failures are
never kept, so a file that is fixed is read again.

Nothing here decodes an image. A prepared JPEG goes into the PDF as it is (:class:`JpegSource`);
a picture with transparency keeps its pixels (:class:`Pixels`), which ReportLab compresses into
the PDF without decoding the PNG it also has for e-mail. A disk entry is a short binary header
and the bytes it lists; one that is missing, stale, damaged or unreadable is ignored and made
anew, and a cache folder that cannot be written, or may not be (a link, another user's
folder: ``render.cache_entries``), costs only the time.
"""

from __future__ import annotations

import hashlib
import io
import os
import stat
import struct
import threading
import zlib
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from reportlab.pdfbase.pdfutils import readJPEGInfo

from presskit.model import limits
from presskit.render.cache_entries import cache_folder, file_stamp, read_entry, touch, write_entry

#: How many bytes of prepared images an ``ImageCache`` keeps in memory by default.
CACHE_BYTES = 64 * 1024 * 1024
#: How much the folder of prepared images may hold; the least recently used go first.
DISK_BYTES = 256 * 1024 * 1024
#: Pixels per inch of printed size: twice a 150 dpi screen/print compromise.
TARGET_DPI = 300
#: A square JPEG in RGB or grey at most this much larger than its printed size needs goes
#: into the PDF as it is: decoding and re-encoding it would take longer than laying out its
#: page, lose quality, and save a few kilobytes at most.
AS_IS_FACTOR = 1.5
#: Images above this many pixels are refused before decoding (Pillow's own guard is ~89 MP);
#: a stored entry claiming more is refused too (``model/limits.py``).
MAX_PIXELS = limits.MAX_IMAGE_PIXELS
#: The largest entry read back.
MAX_ENTRY_BYTES = limits.MAX_CACHE_ENTRY_BYTES
#: Bump when what preparing an image makes, or how an entry is stored, changes.
_FORMAT = 3  # 3: a PNG whose transparency is one grey or RGB colour keeps it
_MAGIC = b"presskit prepared image\n"
#: After the magic: width, height, whether the file is used as it is, the pixels' mode (0 for
#: none), and the byte lengths of the encoded image, its colour rows and its alpha rows.
_HEADER = struct.Struct("<II??BxQQQ")
_MODE_CODES = {"RGB": 1, "L": 2}
_MODE_NAMES = {code: mode for mode, code in _MODE_CODES.items()}
_JPEG_START = b"\xff\xd8"
_PNG_START = b"\x89PNG\r\n\x1a\n"
_MODES = {"RGB": 3, "L": 1}


def pixels_for(points: float) -> int:
    """How many pixels a length of ``points`` needs at :data:`TARGET_DPI`."""
    return max(1, round(points / 72 * TARGET_DPI))


def largest_prepared(width_pt: float, height_pt: float) -> tuple[int, int]:
    """The most pixels an image prepared for a ``width_pt`` × ``height_pt`` box can have
    (one used as it is may be up to :data:`AS_IS_FACTOR` larger): a stored entry claiming
    more was not made by presskit for this use, and is not read."""
    return (int(pixels_for(width_pt) * AS_IS_FACTOR) + 1,
            int(pixels_for(height_pt) * AS_IS_FACTOR) + 1)


class ImageProblem(Exception):
    """Why an image file cannot be used (the message completes "… cannot be used: ")."""


@dataclass(frozen=True)
class Pixels:
    """Decoded pixels as ReportLab puts them into a PDF: colour rows, and alpha if any."""

    mode: str  # "RGB" or "L"
    data: bytes
    alpha: bytes | None = None


@dataclass(frozen=True)
class PreparedImage:
    """An image encoded in memory (JPEG or PNG), ready for ReportLab and for e-mail."""

    data: bytes
    width_px: int
    height_px: int
    #: For a PNG, its pixels: the PDF gets them without Pillow decoding ``data`` again.
    pixels: Pixels | None = None

    @property
    def aspect(self) -> float:
        """Height over width."""
        return self.height_px / self.width_px

    @property
    def nbytes(self) -> int:
        """The memory its bytes and pixels take."""
        pixels = self.pixels
        extra = 0 if pixels is None else len(pixels.data) + len(pixels.alpha or b"")
        return len(self.data) + extra

    @cached_property
    def _source(self) -> Any:
        if self.data[:2] == _JPEG_START:
            return JpegSource(self.data)
        if self.pixels is not None:
            return PixelSource.of(self.pixels, self.width_px, self.height_px)
        from reportlab.lib.utils import ImageReader

        return ImageReader(io.BytesIO(self.data))

    def reader(self) -> Any:
        """What ``Canvas.drawImage`` takes: a JPEG goes into the PDF as it is, pixels are
        compressed as they are, anything else is decoded by ReportLab."""
        return self._source


class JpegSource:
    """A JPEG for ``Canvas.drawImage`` that ReportLab embeds as it is (DCTDecode).

    ReportLab treats anything with a ``jpeg_fh`` method as an image source it only has to
    read the header of when that returns a file, and names the image in the PDF after
    ``str()`` of it; given an ``ImageReader`` instead, it would decode every pixel just to
    make up that name. The name here is the digest of the bytes, so the same picture twice in
    a kit is stored once.
    """

    def __init__(self, data: bytes) -> None:
        self._data = data
        self._name = f"presskit-jpeg-{hashlib.sha1(data).hexdigest()}"

    def jpeg_fh(self) -> io.BytesIO:  # ReportLab's name
        return io.BytesIO(self._data)

    def __str__(self) -> str:
        return self._name


class PixelSource:
    """Decoded pixels for ``Canvas.drawImage``, in the shape of ReportLab's ``ImageReader``
    for a non-JPEG (``jpeg_fh`` gives nothing, then size, mode and rows are asked for); the
    alpha channel becomes the image's soft mask, as ``mask="auto"`` does for an RGBA image.
    """

    def __init__(self, mode: str, data: bytes, size: tuple[int, int],
                 mask: PixelSource | None = None) -> None:
        self.mode = mode
        self._data = data
        self._size = size
        self._dataA = mask  # ReportLab's name for the soft mask's source
        digest = hashlib.sha1(data)
        if mask is not None:
            digest.update(mask._data)
        self._name = f"presskit-pixels-{digest.hexdigest()}"

    @classmethod
    def of(cls, pixels: Pixels, width: int, height: int) -> PixelSource:
        mask = None if pixels.alpha is None else cls("L", pixels.alpha, (width, height))
        return cls(pixels.mode, pixels.data, (width, height), mask)

    def jpeg_fh(self) -> None:  # ReportLab's names, from here on
        return None

    def getSize(self) -> tuple[int, int]:  # noqa: N802
        return self._size

    def getRGBData(self) -> bytes:  # noqa: N802
        return self._data

    def getTransparent(self) -> None:  # noqa: N802
        return None

    def __str__(self) -> str:
        return self._name


class ImageCache:
    """Prepared images kept from one render to the next, in memory and on disk.

    An image is kept for its file unchanged on disk (the same file, with the same size,
    modification and change times) and the same use (kind and printed size), up to
    ``max_bytes`` of bytes and pixels in memory,
    least recently used first out; ``disk`` (on unless told otherwise) also keeps it in the
    per-user cache folder for the next process. Safe to share between threads.
    """

    def __init__(self, max_bytes: int = CACHE_BYTES, disk: bool = True) -> None:
        self.max_bytes = max_bytes
        self.disk = DiskImages() if disk else None
        self._images: OrderedDict[tuple[object, ...], PreparedImage] = OrderedDict()
        self._bytes = 0  # bytes held (summing them on every insert was quadratic)
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._images)

    def get(self, path: Path, key: tuple[object, ...], prepare: Callable[[], PreparedImage],
            bound: tuple[int, int] = (MAX_PIXELS, MAX_PIXELS)) -> PreparedImage:
        """``prepare()``, or the image it made before for this file as it is now and ``key``;
        a stored image larger than ``bound`` (width, height in pixels) is not trusted."""
        try:
            status = path.stat()
        except OSError:
            return prepare()  # it raises the ImageProblem that says why
        if not stat.S_ISREG(status.st_mode):
            return prepare()  # a folder, a pipe: it says why, and nothing is kept
        full_key = (str(path), *file_stamp(status), *key)
        with self._lock:
            hit = self._images.get(full_key)
            if hit is not None:
                self._images.move_to_end(full_key)
                return hit
        prepared = self.disk.load(path, status, key, bound) if self.disk is not None else None
        if prepared is None:
            prepared = prepare()
            if self.disk is not None:
                self.disk.store(path, status, key, prepared)
        with self._lock:
            replaced = self._images.get(full_key)
            if replaced is not None:  # another thread prepared it meanwhile
                self._bytes -= replaced.nbytes
            self._images[full_key] = prepared
            self._images.move_to_end(full_key)
            self._bytes += prepared.nbytes
            while self._bytes > self.max_bytes and len(self._images) > 1:
                _key, dropped = self._images.popitem(last=False)
                self._bytes -= dropped.nbytes
        return prepared


def cache_dir() -> Path:
    """The folder of prepared images, in the per-user cache folder."""
    return cache_folder("images")


class DiskImages:
    """Prepared images in :func:`cache_dir`, one file each, about ``max_bytes`` in all.

    A JPEG that went into the PDF as it is is stored as a note that it is good as it is: its
    bytes are read from the file itself again. The folder is trimmed to ``max_bytes`` (least
    recently used first) the first time this store adds to it, and again each time it has
    added an eighth of that.
    """

    def __init__(self, max_bytes: int = DISK_BYTES) -> None:
        self.max_bytes = max_bytes
        self._written: int | None = None  # bytes stored since the last trim (None: none yet)

    @cached_property
    def folder(self) -> Path:
        return cache_dir()

    def _entry(self, path: Path, status: os.stat_result, key: tuple[object, ...]) -> Path:
        name = repr((os.path.abspath(path), file_stamp(status), key, _FORMAT))
        return self.folder / f"{hashlib.sha1(name.encode()).hexdigest()}.image"

    def load(self, path: Path, status: os.stat_result, key: tuple[object, ...],
             bound: tuple[int, int] = (MAX_PIXELS, MAX_PIXELS)) -> PreparedImage | None:
        entry = self._entry(path, status, key)
        stored = read_entry(entry, MAX_ENTRY_BYTES)
        if stored is None:
            return None
        try:
            prepared = _decode_entry(stored, path, status.st_size, bound)
        except (OSError, ValueError, KeyError, struct.error, zlib.error):
            return None
        if prepared is not None:
            touch(entry)  # recently used: kept longest when trimming
        return prepared

    def store(self, path: Path, status: os.stat_result, key: tuple[object, ...],
              prepared: PreparedImage) -> None:
        if type(prepared) is not PreparedImage:  # an SVG logo is a drawing, made anew
            return
        entry = self._entry(path, status, key)
        payload = _encode_entry(prepared, path, status.st_size)
        if not write_entry(entry, payload):
            return  # no cache this time; the image itself is fine
        if self._written is None or self._written > self.max_bytes // 8:
            self._written = 0
            trim(entry.parent, self.max_bytes)
        self._written += len(payload)


def _encode_entry(prepared: PreparedImage, path: Path, size: int) -> bytes:
    as_is = prepared.pixels is None and len(prepared.data) == size and (
        prepared.data[:2] == _JPEG_START and _same_bytes(path, prepared.data))
    pixels = prepared.pixels
    data = b"" if as_is else prepared.data
    colour = zlib.compress(pixels.data, 1) if pixels is not None else b""
    alpha = zlib.compress(pixels.alpha, 1) if pixels is not None and pixels.alpha else b""
    header = _HEADER.pack(prepared.width_px, prepared.height_px, as_is, alpha != b"",
                          _MODE_CODES[pixels.mode] if pixels is not None else 0,
                          len(data), len(colour), len(alpha))
    return b"".join([_MAGIC, header, data, colour, alpha])


def _decode_entry(stored: bytes, path: Path, size: int, bound: tuple[int, int]
                  ) -> PreparedImage | None:
    """The image ``stored`` holds, or ``None`` for anything but an entry this module could
    have written for ``path``: no larger than ``bound``, the sizes adding up, the pixels no
    more than the header says (a decompression bomb stops there), and the image bytes
    starting as their kind does."""
    if not stored.startswith(_MAGIC):
        return None
    start = len(_MAGIC) + _HEADER.size
    width, height, as_is, has_alpha, mode_code, *lengths = _HEADER.unpack_from(
        stored, len(_MAGIC))
    if (not 1 <= width * height <= MAX_PIXELS or width > bound[0] or height > bound[1]
            or start + sum(lengths) != len(stored)
            or has_alpha and not mode_code):
        return None
    parts, offset = [], start
    for length in lengths:
        parts.append(stored[offset:offset + length])
        offset += length
    data, colour, alpha = parts
    if as_is:
        if data or colour or alpha:
            return None
        with open(path, "rb") as stream:  # the user's own photo (a link to it is fine)
            data = stream.read(size + 1)
        if len(data) != size:
            return None
    if not mode_code:
        if _jpeg_size(data) != (width, height):
            return None  # not a JPEG, or not the one the entry was made for
        return PreparedImage(data, width, height)
    if not data.startswith(_PNG_START):
        return None
    mode = _MODE_NAMES[mode_code]
    rows = _inflate(colour, width * height * _MODES[mode])
    mask = _inflate(alpha, width * height) if has_alpha else None
    if rows is None or (has_alpha and mask is None):
        return None
    return PreparedImage(data, width, height, Pixels(mode, rows, mask))


def _inflate(data: bytes, expected: int) -> bytes | None:
    """``data`` decompressed if it makes exactly ``expected`` bytes (never more than that
    is made, whatever the data says)."""
    inflater = zlib.decompressobj()
    made = inflater.decompress(data, expected)
    return made if len(made) == expected and inflater.eof and not inflater.unconsumed_tail \
        else None


def _jpeg_size(data: bytes) -> tuple[int, int] | None:
    """Width and height from a JPEG's header, as ReportLab reads them to embed it."""
    if not data.startswith(_JPEG_START):
        return None
    try:
        width, height, *_rest = readJPEGInfo(io.BytesIO(data))
    except Exception:  # noqa: BLE001 - ReportLab raises plain Exception for a bad header
        return None
    return int(width), int(height)


def _same_bytes(path: Path, data: bytes) -> bool:
    try:
        with open(path, "rb") as stream:
            return stream.read(len(data) + 1) == data
    except OSError:
        return False


def trim(folder: Path, max_bytes: int) -> None:
    """Remove the least recently used entries of ``folder`` until it holds ``max_bytes``."""
    entries = []
    try:
        with os.scandir(folder) as found:
            for item in found:
                if not item.name.endswith(".image"):
                    continue
                try:
                    status = item.stat(follow_symlinks=False)
                except OSError:
                    continue  # removed meanwhile by another presskit
                entries.append((status.st_mtime_ns, status.st_size, item.path))
    except OSError:
        return
    total = sum(size for _when, size, _path in entries)
    for _when, size, entry in sorted(entries):
        if total <= max_bytes:
            break
        try:
            os.remove(entry)
        except OSError:
            continue
        total -= size
