"""The fonts presskit ships, and a TrueType collection made from them, for font tests."""

from __future__ import annotations

import struct
from pathlib import Path

import presskit

SHIPPED = Path(presskit.resources_path() / "fonts")  # a real folder in checkout and wheel
SERIF_FACES = {
    "regular": "DejaVuSerif.ttf", "bold": "DejaVuSerif-Bold.ttf",
    "italic": "DejaVuSerif-Italic.ttf", "bold_italic": "DejaVuSerif-BoldItalic.ttf",
}


def font_collection(members: list[Path], target: Path) -> Path:
    """A TrueType collection (.ttc) of ``members``: a ttcf header, then each font's table
    directory pointing at its tables, copied after all directories."""
    blobs = [member.read_bytes() for member in members]
    sizes = [12 + 16 * struct.unpack(">H", blob[4:6])[0] for blob in blobs]
    header = 12 + 4 * len(blobs)
    offset = header + sum(sizes)
    directories, tables = [], []
    for blob, size in zip(blobs, sizes, strict=True):
        directory = bytearray(blob[:size])
        for entry in range(12, size, 16):
            start, length = struct.unpack(">II", blob[entry + 8:entry + 16])
            struct.pack_into(">I", directory, entry + 8, offset)
            table = blob[start:start + length]
            table += b"\0" * (-len(table) % 4)
            tables.append(table)
            offset += len(table)
        directories.append(bytes(directory))
    starts = [header + sum(sizes[:n]) for n in range(len(blobs))]
    target.write_bytes(b"ttcf" + struct.pack(">HHI", 1, 0, len(blobs))
                       + b"".join(struct.pack(">I", s) for s in starts)
                       + b"".join(directories) + b"".join(tables))
    return target


def with_cmap_group(source: Path, target: Path, first: int, last: int) -> Path:
    """``source`` with its character map replaced by one format 12 group mapping ``first`` to
    ``last``: a font of normal size whose parse ReportLab would make as large as the range."""
    blob = bytearray(source.read_bytes())
    count = struct.unpack(">H", blob[4:6])[0]
    cmap = (struct.pack(">HHHHI", 0, 1, 3, 10, 12)  # one subtable, Windows full Unicode
            + struct.pack(">HHIII", 12, 0, 28, 0, 1) + struct.pack(">III", first, last, 1))
    offset = len(blob)
    for entry in range(12, 12 + 16 * count, 16):
        if blob[entry:entry + 4] == b"cmap":
            struct.pack_into(">II", blob, entry + 8, offset, len(cmap))
    target.write_bytes(bytes(blob) + cmap)
    return target


def small_font(source: Path, text: str) -> bytes:
    """A TrueType font of the glyphs of ``text`` cut from ``source`` (a few kilobytes): a
    seed that fuzzing can mutate and parse thousands of times a minute."""
    from reportlab.pdfbase.ttfonts import TTFontFile

    return bytes(TTFontFile(str(source)).makeSubset([ord(c) for c in text]))


def with_damaged_glyph(source: Path, target: Path, past: int) -> int:
    """``source`` with the glyph of one character, after the first ``past`` in code order, made
    a composite of a glyph the font does not have; returns the character's code."""
    from reportlab.pdfbase.ttfonts import TTFontFile

    font = TTFontFile(str(source))
    glyf = font.get_table_pos("glyf")[0]
    code = next(c for c in sorted(font.charToGlyph)[past:]
                if font.glyphPos[font.charToGlyph[c] + 1] - font.glyphPos[font.charToGlyph[c]]
                >= 14)
    data = bytearray(source.read_bytes())
    # numberOfContours -1 (composite), a bounding box, then one component: no more after it,
    # glyph 65535.
    struct.pack_into(">h8xHH", data, glyf + font.glyphPos[font.charToGlyph[code]], -1, 0, 0xFFFF)
    target.write_bytes(bytes(data))
    return code
