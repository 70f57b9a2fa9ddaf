"""A font file's table directory read before ReportLab sees it: not a TrueType file at all (a
picture renamed ``.ttf``) is called that; a number read past the last byte is "cut off", never a
crash; a number read at the very first byte is read; and up to the limit of tables is fine."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest

from presskit.model import Fonts, limits
from presskit.render.fonts.registry import resolve
from presskit.render.fonts.sfnt import check_font_bytes

#: A format 12 character map of one group, the printable ASCII characters.
SANE_SUBTABLE = struct.pack(">HHIII", 12, 0, 28, 0, 1) + struct.pack(">III", 0x20, 0x7E, 1)


def font_of_tables(tables: list[tuple[bytes, int, int]], tail: bytes = b"") -> bytes:
    """A table directory of these ``(tag, offset, length)`` entries, then ``tail``."""
    return (struct.pack(">IHHHH", 0x00010000, len(tables), 16, 0, 0)
            + b"".join(struct.pack(">4sIII", tag, 0, offset, length)
                       for tag, offset, length in tables) + tail)


def test_a_picture_named_ttf_is_called_not_a_truetype_font(tmp_path: Path) -> None:
    picture = tmp_path / "House.ttf"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 400)
    _fonts, problems = resolve(Fonts(body=picture))
    [problem] = problems
    assert problem.message == (f"body font file {picture} cannot be used: not a usable "
                               "TrueType font (it is not a TrueType font); DejaVu Sans is used "
                               "instead")


def test_a_character_map_starting_at_the_last_byte_is_cut_off() -> None:
    # One table, the character map: one byte long, the last of the file.
    font = font_of_tables([(b"cmap", 12 + 16, 1)], tail=b"\0")
    with pytest.raises(ValueError) as err:
        check_font_bytes(font)
    assert str(err.value) == "it is cut off or damaged (a table points past its end)"


def test_a_character_map_over_the_header_is_read_as_reportlab_reads_it() -> None:
    """A map at offset 0 reads the header as its own: version 1 and no count (ReportLab takes
    the two swapped: one record), then the record (3, 16) with an offset that the directory's
    last two numbers make, pointing to a real subtable. Damaged, but not "cut off"."""
    directory = 12 + 16 * 3
    header = struct.pack(">IHHHH", 0x00010000, 3, 16, 0, directory)  # record: (3, 16) → 60
    tables = b"".join(struct.pack(">4sIII", tag, 0, offset, length) for tag, offset, length in
                      [(b"cmap", 0, directory + len(SANE_SUBTABLE)),
                       (b"xxx1", directory, 0), (b"xxx2", directory, 0)])
    check_font_bytes(header + tables + SANE_SUBTABLE)


def test_a_font_of_as_many_tables_as_allowed_is_read_and_one_more_is_refused() -> None:
    def font(count: int) -> bytes:
        directory = 12 + 16 * count
        cmap = struct.pack(">HH", 0, 1) + struct.pack(">HHI", 3, 10, 12) + SANE_SUBTABLE
        entries = [(b"cmap", directory, len(cmap))]
        entries += [(f"t{n:03d}".encode(), directory, 0) for n in range(count - 1)]
        return font_of_tables(entries, tail=cmap)

    check_font_bytes(font(limits.MAX_FONT_TABLES))
    with pytest.raises(ValueError) as err:
        check_font_bytes(font(limits.MAX_FONT_TABLES + 1))
    assert str(err.value) == f"it is damaged (it claims {limits.MAX_FONT_TABLES + 1} tables)"
