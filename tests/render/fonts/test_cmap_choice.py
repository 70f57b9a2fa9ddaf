"""The character map checked before ReportLab parses a font is the very one ReportLab will read:
a font may carry several (Unicode, Windows, Mac Roman, ISO…), and a hostile one that ReportLab
never reads must not get a good font refused, nor a good one let a hostile one through. Its
groups (format 12) or segments (format 4, the usual one) are counted exactly: as many
characters as Unicode has is the most a font may map, and one more is refused."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest
from support.font_files import SHIPPED

from presskit.model import Fonts, limits
from presskit.render.fonts.registry import resolve
from presskit.render.fonts.sfnt import check_font_bytes


def format_12(*groups: tuple[int, int], claimed: int | None = None) -> bytes:
    """A format 12 subtable of these ``(first, last)`` groups (claiming ``claimed`` of them)."""
    count = len(groups) if claimed is None else claimed
    return (struct.pack(">HHIII", 12, 0, 16 + 12 * len(groups), 0, count)
            + b"".join(struct.pack(">III", first, last, 1) for first, last in groups))


def format_4(*segments: tuple[int, int], claimed: int | None = None) -> bytes:
    """A format 4 subtable of these ``(first, last)`` segments (claiming ``claimed``)."""
    count = len(segments) if claimed is None else claimed
    ends = b"".join(struct.pack(">H", last) for _first, last in segments)
    starts = b"".join(struct.pack(">H", first) for first, _last in segments)
    rest = b"\0\0" * 2 * len(segments)  # idDelta, idRangeOffset
    body = ends + b"\0\0" + starts + rest
    return struct.pack(">HHHHHHH", 4, 14 + len(body), 0, 2 * count, 0, 0, 0) + body


SANE = format_12((0x20, 0x7E))
HOSTILE = format_12((0, 0x0FFFFFFF))


def font_with_cmap(*records: tuple[int, int, bytes]) -> bytes:
    """A TrueType file holding only a character map of these ``(platform, encoding,
    subtable)`` records, in this order; the last subtable ends the file."""
    header = struct.pack(">HH", 0, len(records))
    offset = 4 + 8 * len(records)
    entries, tables = b"", b""
    for platform, encoding, table in records:
        entries += struct.pack(">HHI", platform, encoding, offset + len(tables))
        tables += table
    cmap = header + entries + tables
    return (struct.pack(">IHHHH", 0x00010000, 1, 16, 0, 0)
            + struct.pack(">4sIII", b"cmap", 0, 12 + 16, len(cmap)) + cmap)


TOO_MANY = (f"its character map claims more than {limits.MAX_FONT_CODE_POINTS:,} characters "
            "(more than Unicode has): damaged or made to exhaust memory")


@pytest.mark.parametrize(("records", "refused"), [
    pytest.param([(3, 1, SANE), (2, 1, HOSTILE)], None, id="ISO, never read, after Windows"),
    pytest.param([(3, 1, HOSTILE), (2, 1, SANE)], TOO_MANY, id="Windows, before ISO"),
    pytest.param([(0, 3, HOSTILE)], TOO_MANY, id="Unicode platform"),
    pytest.param([(0, 3, SANE), (0, 5, HOSTILE)], None, id="variation selectors, never read"),
    pytest.param([(1, 0, HOSTILE)], TOO_MANY, id="Mac Roman alone"),
    pytest.param([(3, 1, SANE), (1, 0, HOSTILE)], None, id="Mac Roman after Windows"),
    pytest.param([(1, 0, HOSTILE), (3, 1, SANE)], None, id="Mac Roman before Windows"),
    pytest.param([(2, 0, HOSTILE)], "its character map has no Unicode part", id="ISO alone"),
    pytest.param([(4, 0, SANE)], "its character map has no Unicode part", id="custom alone"),
])
def test_the_character_map_reportlab_reads_is_the_one_checked(
        records: list[tuple[int, int, bytes]], refused: str | None) -> None:
    font = font_with_cmap(*records)
    if refused is None:
        check_font_bytes(font)
    else:
        with pytest.raises(ValueError) as err:
            check_font_bytes(font)
        assert str(err.value) == refused


def test_format_12_groups_claimed_past_the_end_of_the_file_are_refused() -> None:
    with pytest.raises(ValueError) as err:
        check_font_bytes(font_with_cmap((3, 10, format_12((0x20, 0x7E), claimed=2))))
    assert str(err.value) == "its character map is damaged (it claims 2 groups)"


def test_format_4_segments_claimed_past_the_end_of_the_file_are_refused() -> None:
    with pytest.raises(ValueError) as err:
        check_font_bytes(font_with_cmap((3, 1, format_4((0x20, 0x7E), claimed=40))))
    assert str(err.value) == "its character map is cut off"


def test_format_4_segments_of_exactly_every_code_point_are_let_through() -> None:
    # 17 segments of the whole 16-bit range: 17 × 65,536 = 0x110000, as many as Unicode has.
    assert limits.MAX_FONT_CODE_POINTS == 17 * 0x10000
    check_font_bytes(font_with_cmap((3, 1, format_4(*[(0, 0xFFFF)] * 17))))
    with pytest.raises(ValueError) as err:
        check_font_bytes(font_with_cmap((3, 1, format_4(*[(0, 0xFFFF)] * 17, (0x20, 0x20)))))
    assert str(err.value) == TOO_MANY
    # A segment that runs backwards counts for nothing (ReportLab maps nothing from it).
    check_font_bytes(font_with_cmap((3, 1, format_4(*[(0, 0xFFFF)] * 16, (0x7E, 0x20),
                                                    (0, 0xFFFF)))))


def with_only_cmap_record(source: Path, target: Path, platform: int, encoding: int) -> Path:
    """``source`` with its character map's records cut to the one of ``platform`` and
    ``encoding`` (its subtables stay where they are)."""
    data = bytearray(source.read_bytes())
    count = struct.unpack(">H", data[4:6])[0]
    cmap = next(struct.unpack(">I", data[e + 8:e + 12])[0] for e in range(12, 12 + 16 * count, 16)
                if data[e:e + 4] == b"cmap")
    records = [bytes(data[cmap + 4 + 8 * n:cmap + 12 + 8 * n])
               for n in range(struct.unpack(">H", data[cmap + 2:cmap + 4])[0])]
    [record] = [r for r in records if struct.unpack(">HH", r[:4]) == (platform, encoding)]
    data[cmap + 2:cmap + 12] = struct.pack(">H", 1) + record
    target.write_bytes(bytes(data))
    return target


def test_a_real_font_read_through_its_windows_bmp_map_is_used(tmp_path: Path) -> None:
    """DejaVu Serif with only its format 4 map (as most fonts of the Latin script have)."""
    house = with_only_cmap_record(SHIPPED / "DejaVuSerif.ttf", tmp_path / "House.ttf", 3, 1)
    fonts, problems = resolve(Fonts(body=house))
    assert problems == []
    assert fonts.body.regular.startswith("PK-House-")
