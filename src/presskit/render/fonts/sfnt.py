"""A TrueType file's structure checked with ``struct`` before ReportLab parses it.

ReportLab's parser trusts the file: it builds a dictionary entry for every character the
chosen character map (``cmap``) claims, so a 709 kB font whose format 12 group spans code
points 0 to 0x0FFFFFFF made it allocate 8 GB and more. Here the table directory is checked
against the file (every table inside it, a sane number of them) and the very ``cmap``
subtable ReportLab will pick is walked without building anything: its groups or segments must
lie inside the file, run forwards, and map at most every Unicode code point there is
(``model.limits``). A font that fails gets a ``ValueError`` whose text ends the sentence
"… cannot be used: ", and is left out with a warning like any other unusable font.
"""

from __future__ import annotations

import struct

from presskit.model import limits

_TRUETYPE_VERSIONS = (0x00010000, 0x74727565)  # 1.0 and 'true'
_COLLECTION = b"ttcf"


def check_font_bytes(data: bytes, index: int = 0) -> None:
    """Raise ``ValueError`` unless ``data`` (font ``index`` of a collection) is a TrueType
    font whose tables lie inside it and whose character map is of bounded size."""
    start = 0
    if data[:4] == _COLLECTION:
        count = _ulong(data, 8)
        if not 0 < count <= limits.MAX_FONT_TABLES or index >= count:
            raise ValueError(f"it is a damaged font collection (it claims {count} fonts)")
        start = _ulong(data, 12 + 4 * index)
    tables = _table_directory(data, start)
    cmap = tables.get(b"cmap")
    if cmap is None:
        raise ValueError("it has no character map (cmap table)")
    _check_cmap(data, *cmap)


def _ulong(data: bytes, at: int) -> int:
    if at < 0 or at + 4 > len(data):
        raise ValueError("it is cut off or damaged (a table points past its end)")
    return int(struct.unpack_from(">I", data, at)[0])


def _ushort(data: bytes, at: int) -> int:
    if at < 0 or at + 2 > len(data):
        raise ValueError("it is cut off or damaged (a table points past its end)")
    return int(struct.unpack_from(">H", data, at)[0])


def _table_directory(data: bytes, start: int) -> dict[bytes, tuple[int, int]]:
    """``{tag: (offset, length)}`` of the font at ``start``, each table checked to be inside."""
    version = _ulong(data, start)
    if version not in _TRUETYPE_VERSIONS:
        raise ValueError("it is not a TrueType font")
    count = _ushort(data, start + 4)
    if count > limits.MAX_FONT_TABLES:
        raise ValueError(f"it is damaged (it claims {count} tables)")
    tables: dict[bytes, tuple[int, int]] = {}
    for entry in range(start + 12, start + 12 + 16 * count, 16):
        if entry + 16 > len(data):
            raise ValueError("it is cut off or damaged (its table directory is incomplete)")
        tag, _checksum, offset, length = struct.unpack_from(">4sIII", data, entry)
        if offset + length > len(data):
            name = tag.decode("latin-1").strip()
            raise ValueError(f"it is cut off or damaged (its {name!r} table lies past the "
                             "end of the file)")
        tables[tag] = (offset, length)
    return tables


def _chosen_subtable(data: bytes, cmap: int) -> int:
    """The offset of the cmap subtable ReportLab reads: its own rule, step for step."""
    version, count = _ushort(data, cmap), _ushort(data, cmap + 2)
    if count == 0 and version != 0:  # ReportLab accepts the two fields swapped
        count = version
    chosen, kind = None, 0
    for record in range(cmap + 4, cmap + 4 + 8 * count, 8):
        platform, encoding = _ushort(data, record), _ushort(data, record + 2)
        offset = _ulong(data, record + 4)
        if platform == 3 or (platform == 1 and encoding == 1) or (
                platform == 0 and encoding != 5):
            chosen, kind = offset, 1
        elif platform == 1 and encoding == 0 and kind != 1:
            chosen, kind = offset, 2
    if chosen is None:
        raise ValueError("its character map has no Unicode part")
    return cmap + chosen


def _check_cmap(data: bytes, cmap: int, _length: int) -> None:
    at = _chosen_subtable(data, cmap)
    fmt = _ushort(data, at)
    too_many = ValueError(
        f"its character map claims more than {limits.MAX_FONT_CODE_POINTS:,} characters "
        "(more than Unicode has): damaged or made to exhaust memory")
    if fmt in (12, 13):
        groups = _ulong(data, at + 12)
        if groups > limits.MAX_FONT_CMAP_GROUPS or at + 16 + 12 * groups > len(data):
            raise ValueError(f"its character map is damaged (it claims {groups:,} groups)")
        total = 0
        for first, last, _glyph in struct.iter_unpack(">III", data[at + 16:at + 16 + 12 * groups]):
            if last < first:
                raise ValueError("its character map is damaged (a group runs backwards)")
            total += last - first + 1
            if total > limits.MAX_FONT_CODE_POINTS:
                raise too_many
    elif fmt == 4:
        segments = _ushort(data, at + 6) // 2
        ends, starts = at + 14, at + 16 + 2 * segments
        if starts + 2 * segments > len(data):
            raise ValueError("its character map is cut off")
        total = sum(max(0, last - first + 1) for last, first in zip(
            struct.unpack_from(f">{segments}H", data, ends),
            struct.unpack_from(f">{segments}H", data, starts), strict=True))
        if total > limits.MAX_FONT_CODE_POINTS:
            raise too_many
    elif fmt == 10:
        count = _ulong(data, at + 16)
        if at + 20 + 2 * count > len(data):
            raise ValueError("its character map is cut off")
    elif fmt == 2:
        _check_format_2(data, at, too_many)


def _check_format_2(data: bytes, at: int, too_many: ValueError) -> None:
    """The high-byte mapping (legacy CJK encodings): 256 keys into sub-headers, each with a
    count of characters that ReportLab walks for every key that names it."""
    if at + 6 + 512 > len(data):
        raise ValueError("its character map is cut off")
    keys = struct.unpack_from(">256H", data, at + 6)
    headers = at + 6 + 512
    total = 0
    for key in keys:
        if key:
            # ReportLab takes the key as the sub-header's number, each of 8 bytes.
            total += _ushort(data, headers + 8 * key + 2)
            if total > limits.MAX_FONT_CODE_POINTS:
                raise too_many
