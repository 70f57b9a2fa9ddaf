"""A brand font file from a stranger, refused before ReportLab parses it: each reason in the
words the warning gives, for a file cut off in its table list and one without a character
map (what a font-subsetting tool can leave behind)."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest

from presskit.render.fonts.sfnt import check_font_bytes

DEJAVU = Path(__file__).resolve().parents[3] / "resources" / "fonts" / "DejaVuSans.ttf"


def refusal(data: bytes) -> str:
    with pytest.raises(ValueError) as refused:
        check_font_bytes(data)
    return str(refused.value)


def test_a_font_cut_off_in_its_table_list_is_refused_as_cut_off() -> None:
    # A TrueType header claiming two tables: the first listed whole, the second half there.
    header = struct.pack(">IHHHH", 0x00010000, 2, 32, 1, 0)
    first = struct.pack(">4sIII", b"head", 0, 0, 12)
    cut = header + first + b"glyf\0\0\0\0"
    assert refusal(cut) == "it is cut off or damaged (its table directory is incomplete)"


def test_a_font_without_a_character_map_is_refused_saying_so() -> None:
    data = bytearray(DEJAVU.read_bytes())
    tables = struct.unpack_from(">H", data, 4)[0]
    directory = bytes(data[12:12 + 16 * tables])
    at = 12 + directory.index(b"cmap")
    data[at:at + 4] = b"xmap"  # the table is there, under a name no reader looks for
    assert refusal(bytes(data)) == "it has no character map (cmap table)"
