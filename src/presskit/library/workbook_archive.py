"""A workbook file (.xlsx, .ods) checked and measured before the spreadsheet reader sees it.

Both formats are zip archives of XML. The reader (calamine, in Rust) inflates what the
archive's headers say and lays every sheet out as a dense grid of rows × columns: one cell
at ``XFD1048576`` asked it for 512 GB and aborted the whole process. So, before it is given
anything:

- the file is at most ``MAX_TEXT_BYTES`` and a regular file (``storage.inputs``);
- it is a zip whose table of contents declares at most ``MAX_WORKBOOK_ENTRIES`` entries, none
  encrypted, whose declared sizes add up to at most ``MAX_WORKBOOK_UNPACKED_BYTES``;
- every entry is inflated here, counting the bytes (a header may lie), into a new archive
  held in memory, which is what the reader opens;
- the cells of every sheet are counted from the XML (``<c>`` in an .xlsx, ``table-cell`` with
  its ``number-columns-repeated`` / ``number-rows-repeated`` in an .ods): the grid the reader
  would build, rows × columns over all sheets, must stay below ``MAX_SHEET_CELLS``.

A password-protected .xlsx is not a zip at all but an OLE compound file with an
``EncryptionInfo`` stream; an .ods keeps its password in ``META-INF/manifest.xml``. Both get
a one-line refusal, as do the old binary .xls and other zip archives (.numbers, .docx).
"""

from __future__ import annotations

import io
import lzma
import re
import zipfile
import zlib
from dataclasses import dataclass
from xml.parsers import expat as xml_parser

from presskit.model.limits import (
    MAX_COMPRESSION_RATIO,
    MAX_SHEET_CELLS,
    MAX_WORKBOOK_ENTRIES,
    MAX_WORKBOOK_RATIO_FREE_BYTES,
    MAX_WORKBOOK_UNPACKED_BYTES,
)
from presskit.model.problems import PresskitError
from presskit.storage.bundle.reader import zip_table_size

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
_SAVE_AS = "save it as .xlsx, .ods or CSV and import that"
_DAMAGED = (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, RuntimeError,
            NotImplementedError, ValueError, OSError, zlib.error, lzma.LZMAError)


class WorkbookError(PresskitError):
    """A workbook presskit will not hand to the spreadsheet reader, and why."""


@dataclass(frozen=True)
class CheckedWorkbook:
    """The workbook's entries as checked, repacked for the reader."""

    kind: str  # "xlsx" or "ods"
    data: bytes
    #: The grid the reader will lay out, over all sheets.
    cells: int


def is_workbook(data: bytes) -> bool:
    """A zip archive or an OLE compound file: not text, whatever its name says."""
    return data.startswith((ZIP_MAGIC, OLE_MAGIC))


def check_workbook(data: bytes, name: str) -> CheckedWorkbook:
    """``data`` (a whole file) checked and repacked; ``WorkbookError`` naming ``name``."""
    if data.startswith(OLE_MAGIC):
        if "EncryptionInfo".encode("utf-16-le") in data:
            raise WorkbookError(f"{name} is password-protected: open it, remove the password "
                                "(Excel: File › Info › Protect Workbook › Encrypt with "
                                "Password) and save it again")
        raise WorkbookError(f"{name} is an Excel 97–2003 workbook (.xls), which presskit does "
                            f"not read: {_SAVE_AS}")
    if not data.startswith(ZIP_MAGIC):
        raise WorkbookError(f"{name} is not a spreadsheet presskit reads (.csv, .xlsx, .ods)")
    stream = io.BytesIO(data)
    declared = zip_table_size(stream)
    if declared is not None and declared[0] > MAX_WORKBOOK_ENTRIES:
        raise WorkbookError(f"{name} has {declared[0]:,} parts, more than any workbook "
                            f"({MAX_WORKBOOK_ENTRIES:,}); it was not read")
    try:
        archive = zipfile.ZipFile(stream)
        infos = archive.infolist()
    except _DAMAGED:
        raise WorkbookError(f"{name} is damaged or not a workbook (not a zip archive "
                            "presskit can read)") from None
    with archive:
        kind = _kind(archive, name)
        _check_declared(infos, name)
        entries = {info.filename: _inflate(archive, info, name) for info in infos
                   if not info.is_dir()}
    if kind == "ods" and b"encryption-data" in entries.get("META-INF/manifest.xml", b""):
        raise WorkbookError(f"{name} is password-protected: open it in LibreOffice, remove "
                            "the password (File › Properties › Security) and save it again")
    for entry, text in entries.items():
        # Only the XML parts: a picture's bytes often hold these pairs (a PNG 60 pixels wide
        # starts its header with 00 00 00 3C), and a workbook with a logo is no UTF-16.
        if not entry.endswith((".xml", ".rels")):
            continue
        if b"<\x00" in text[:400] or b"\x00<" in text[:400]:
            raise WorkbookError(f"{name} has a part in UTF-16 ({entry!r}), which presskit "
                                f"does not read: {_SAVE_AS}")
    for entry, text in entries.items():
        if entry.endswith((".xml", ".rels")):
            _check_well_formed(text, entry, name)
    # Every part, whatever its name: the reader finds sheets by what the workbook says.
    cells = sum(sheet_cells(text, kind) for text in entries.values())
    if cells > MAX_SHEET_CELLS:
        raise WorkbookError(
            f"{name} has sheets of {cells:,} cells from the first row and column to the last "
            f"filled one, more than the {MAX_SHEET_CELLS:,} presskit reads; delete the cells "
            "far below or right of the experts (or stray values there) and save it again")
    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w", zipfile.ZIP_STORED) as out:
        for entry, text in entries.items():
            out.writestr(entry, text)
    return CheckedWorkbook(kind, packed.getvalue(), cells)


def _check_well_formed(xml: bytes, entry: str, name: str) -> None:
    """Refuse a part that is not well-formed XML, naming where it breaks: the reader loops
    forever on some (an .ods whose table is never closed kept it busy with no end). expat
    fetches no external entity and refuses an entity expanded past its amplification limit."""
    parser = xml_parser.ParserCreate()
    try:
        parser.Parse(xml, True)
    except xml_parser.ExpatError as exc:
        raise WorkbookError(
            f"{name} is damaged: its part {entry!r} is not well-formed XML (line "
            f"{exc.lineno}, column {exc.offset + 1}: {xml_parser.ErrorString(exc.code)}); "
            "open it in a spreadsheet program and save it again") from None
    except (LookupError, ValueError) as exc:  # an encoding Python has no codec for, …
        raise WorkbookError(
            f"{name} is damaged: its part {entry!r} cannot be read as XML ("
            f"{' '.join(str(exc).split())[:120]}); open it in a spreadsheet program and save "
            "it again") from None


def _kind(archive: zipfile.ZipFile, name: str) -> str:
    names = set(archive.namelist())
    if "mimetype" in names:
        info = archive.getinfo("mimetype")
        if info.file_size <= 200 and not info.flag_bits & 0x1:
            try:
                mimetype = archive.read(info).strip()
            except _DAMAGED:
                mimetype = b""
            if mimetype == ODS_MIMETYPE:
                return "ods"
            if mimetype.startswith(b"application/vnd.oasis.opendocument"):
                raise WorkbookError(f"{name} is an OpenDocument file but not a spreadsheet "
                                    "(.ods)")
    if "xl/workbook.xml" in names:
        return "xlsx"
    if any(n.startswith("xl/") for n in names):
        raise WorkbookError(f"{name} is a binary or macro workbook presskit does not read: "
                            f"{_SAVE_AS}")
    raise WorkbookError(f"{name} is a zip archive but not an .xlsx or .ods workbook (a "
                        f"Numbers or Word file?): {_SAVE_AS}")


def _check_declared(infos: list[zipfile.ZipInfo], name: str) -> None:
    if len(infos) > MAX_WORKBOOK_ENTRIES:
        raise WorkbookError(f"{name} has {len(infos):,} parts, more than any workbook "
                            f"({MAX_WORKBOOK_ENTRIES:,}); it was not read")
    total = 0
    for info in infos:
        if (info.file_size > MAX_WORKBOOK_RATIO_FREE_BYTES
                and info.file_size > MAX_COMPRESSION_RATIO * max(info.compress_size, 1)):
            raise WorkbookError(
                f"{name} has a part ({info.filename!r}) that unpacks to "
                f"{info.file_size // max(info.compress_size, 1):,} times its packed size, "
                "more than any spreadsheet; it was not read (a zip bomb?)")
        if info.flag_bits & 0x1:
            raise WorkbookError(f"{name} is encrypted (its part {info.filename!r}): remove "
                                "the password and save it again")
        total += info.file_size
        if total > MAX_WORKBOOK_UNPACKED_BYTES:
            raise WorkbookError(
                f"{name} would unpack to more than {_mb(MAX_WORKBOOK_UNPACKED_BYTES)} (its "
                f"part {info.filename!r} alone declares {_mb(info.file_size)}); a workbook "
                "of experts is a few megabytes, so it was not read (a zip bomb?)")


def _inflate(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> bytes:
    """The entry's bytes, never more than it declared, whatever its data holds."""
    try:
        with archive.open(info) as entry:
            data = entry.read(info.file_size + 1)
    except _DAMAGED as exc:
        raise WorkbookError(f"{name} is damaged (its part {info.filename!r}: {exc})") from None
    if len(data) > info.file_size:
        raise WorkbookError(f"{name} is damaged (its part {info.filename!r} holds more than "
                            "it declares)")
    return data


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):,.0f} MB"


# -- counting cells ------------------------------------------------------------------------

#: A tag of one of the elements that place cells, with its attributes (quoted values may
#: hold ``>``) and whether it closes itself. No part of a tag runs past a ``<`` (XML allows
#: none inside one): a run of unclosed ``<c `` made each try scan to the end of the part,
#: hours for a 90 KB part.
_XLSX_TAG = re.compile(
    rb"<(/?)(?:[\w.-]+:)?(row|c)(?=[\s/>])((?:[^<>\"']|\"[^\"<]*\"|'[^'<]*')*)>")
_ODS_TAG = re.compile(rb"<(/?)(?:[\w.-]+:)?(table|table-row|table-cell|covered-table-cell)"
                      rb"(?=[\s/>])((?:[^<>\"']|\"[^\"<]*\"|'[^'<]*')*)>")
_CELL_START = re.compile(rb"<(?:[\w.-]+:)?c(?=[\s/>])")
_CELL_PLACE = re.compile(rb"<(?:[\w.-]+:)?c\s+r=\"([A-Z]{1,3})([0-9]{1,7})\"")
_R = re.compile(rb"(?:^|\s)r\s*=\s*[\"']([A-Za-z]*)(\d*)[\"']")
_ROWS_REPEATED = re.compile(rb"number-rows-repeated\s*=\s*[\"'](\d+)[\"']")
_COLUMNS_REPEATED = re.compile(rb"number-columns-repeated\s*=\s*[\"'](\d+)[\"']")
_VALUE_TYPE = re.compile(rb"value-type\s*=")


def column_number(letters: str) -> int:
    """``"A"`` → 1, ``"AB"`` → 28."""
    number = 0
    for letter in letters.upper():
        number = number * 26 + ord(letter) - 64
    return number


def column_letters(number: int) -> str:
    """1 → ``"A"``, 28 → ``"AB"``."""
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def sheet_cells(xml: bytes, kind: str) -> int:
    """Rows × columns the reader lays out for the sheets in ``xml`` (0 for other parts):
    from the first row and column to the last filled cell, as it counts them."""
    return _xlsx_cells(xml) if kind == "xlsx" else _ods_cells(xml)


def _xlsx_cells(xml: bytes) -> int:
    # Excel, LibreOffice and every library write each cell's place first (``<c r="B5"``):
    # then the extent is read from those alone, in C, a second for a million cells.
    # Anything else (no ``r``, or not first) is walked tag by tag below.
    # Counted without lists of every match (15 million ``<c r="A1"/>`` took 2 GB), and a
    # part with more cell elements than any sheet presskit reads counts as that many.
    starts = 0
    for starts, _match in enumerate(_CELL_START.finditer(xml), start=1):
        if starts > MAX_SHEET_CELLS:
            return starts
    places = bottom = 0
    columns: set[bytes] = set()
    for match in _CELL_PLACE.finditer(xml):
        places += 1
        bottom = max(bottom, int(match.group(2)))
        columns.add(match.group(1))
    if places == starts:
        if not places:
            return 0
        return bottom * max(column_number(letters.decode("ascii")) for letters in columns)
    row = column = 0
    bottom = right = 0
    found = False
    for match in _XLSX_TAG.finditer(xml):
        closing, tag, attributes = match.group(1), match.group(2), match.group(3)
        if closing:
            continue
        position = _R.search(attributes)
        if tag == b"row":
            row = int(position.group(2)) if position and position.group(2) else row + 1
            column = 0
            continue
        letters, digits = (position.group(1), position.group(2)) if position else (b"", b"")
        column = column_number(letters.decode("ascii")) if letters else column + 1
        if digits:
            row = int(digits)
        if not attributes.rstrip().endswith(b"/"):  # a self-closed cell holds nothing
            found = True
            bottom, right = max(bottom, row, 1), max(right, column)
    return bottom * right if found else 0


def _ods_cells(xml: bytes) -> int:
    total = 0
    row = column = 0
    bottom = right = 0
    rows_repeated = 1
    for match in _ODS_TAG.finditer(xml):
        closing, tag, attributes = match.group(1), match.group(2), match.group(3)
        closes_itself = attributes.rstrip().endswith(b"/")
        if tag == b"table":
            total += bottom * right
            row = column = bottom = right = 0
            continue
        if tag == b"table-row":
            if closing:
                row, rows_repeated = row + rows_repeated, 1
                continue
            repeated = _ROWS_REPEATED.search(attributes)
            count = int(repeated.group(1)) if repeated else 1
            if closes_itself:
                row += count
            else:
                rows_repeated, column = count, 0
            continue
        if closing:
            continue
        repeated = _COLUMNS_REPEATED.search(attributes)
        count = int(repeated.group(1)) if repeated else 1
        if not closes_itself or _VALUE_TYPE.search(attributes):
            bottom = max(bottom, row + rows_repeated)
            right = max(right, column + count)
        column += count
    return total + bottom * right
