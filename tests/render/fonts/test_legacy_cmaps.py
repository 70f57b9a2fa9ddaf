"""A font whose character map is of the legacy high-byte kind (format 2, old CJK encodings) is
walked before ReportLab builds anything from it: cut off, or claiming more characters than
Unicode has, it is refused with the reason; a sane one is let through."""

from __future__ import annotations

import struct

import pytest

from presskit.model import limits
from presskit.render.fonts.sfnt import check_font_bytes


def font_with_format_2(keys: list[int], counts: list[int], cut: int = 0) -> bytes:
    """A TrueType file holding only a character map: one format 2 subtable with these 256
    sub-header keys and sub-headers of these entry counts; ``cut`` bytes cut off its end."""
    subheaders = b"".join(struct.pack(">HHhH", 0, count, 0, 0) for count in counts)
    body = struct.pack(">256H", *keys) + subheaders
    subtable = struct.pack(">HHH", 2, 6 + len(body), 0) + body
    cmap = struct.pack(">HH", 0, 1) + struct.pack(">HHI", 3, 1, 12) + subtable
    cmap = cmap[:len(cmap) - cut]  # the table as long as the file says: cut off inside
    directory = struct.pack(">IHHHH", 0x00010000, 1, 16, 0, 0)
    entry = struct.pack(">4sIII", b"cmap", 0, 12 + 16, len(cmap))
    return directory + entry + cmap


def test_a_sane_high_byte_map_is_let_through() -> None:
    keys = [0] * 256
    keys[0x81:0x84] = [1, 1, 2]  # three lead bytes, two sub-headers
    check_font_bytes(font_with_format_2(keys, [1, 190, 190]))


def test_a_high_byte_map_cut_off_is_refused() -> None:
    # One byte short of the 256 keys (the one sub-header of 8 bytes gone too).
    with pytest.raises(ValueError) as err:
        check_font_bytes(font_with_format_2([0] * 256, [1], cut=8 + 1))
    assert str(err.value) == "its character map is cut off"


def test_a_high_byte_map_claiming_more_than_unicode_is_refused() -> None:
    with pytest.raises(ValueError) as err:
        check_font_bytes(font_with_format_2([1] * 256, [0, 65535]))
    assert str(err.value) == (
        f"its character map claims more than {limits.MAX_FONT_CODE_POINTS:,} characters "
        "(more than Unicode has): damaged or made to exhaust memory")


def test_a_high_byte_map_of_exactly_every_unicode_code_point_is_let_through() -> None:
    # 256 lead bytes, each naming a sub-header of 4,352 characters: 0x110000 in all.
    assert limits.MAX_FONT_CODE_POINTS == 256 * 4352
    check_font_bytes(font_with_format_2([1] * 256, [0, 4352]))
    with pytest.raises(ValueError, match="claims more than"):
        check_font_bytes(font_with_format_2([1] * 256, [0, 4353]))
