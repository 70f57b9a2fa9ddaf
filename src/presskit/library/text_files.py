"""Bytes from a spreadsheet export or a saved e-mail → text, whatever program wrote them.

Tried in order: a byte-order mark (UTF-8, as Excel's "CSV UTF-8" writes it, or UTF-16, as its
"Unicode text" writes it), then plain UTF-8, then Windows-1252, the encoding of Excel's
classic "CSV (Comma delimited)" on Western Windows. Windows-1252 leaves five byte values
undefined; those are read as Latin-1 so a decode never fails and no byte is dropped.
"""

from __future__ import annotations

import codecs
from pathlib import Path
from typing import BinaryIO

from presskit.model import limits
from presskit.model.problems import PresskitError
from presskit.storage.inputs import InputError, read_input

UTF8 = "utf-8"
UTF8_BOM = "utf-8-sig"
UTF16 = "utf-16"
WINDOWS_1252 = "windows-1252"

_ZIP_MAGIC = b"PK\x03\x04"
#: The most read of a spreadsheet or a saved e-mail: decoding and parsing a larger one (or
#: ``/dev/zero``) would hold gigabytes of memory before saying anything useful.
MAX_TEXT_BYTES = limits.MAX_TEXT_BYTES


def decode(data: bytes) -> tuple[str, str]:
    """``(text, encoding)``: the text with any BOM removed and line ends as they were."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode(UTF16, errors="replace"), UTF16
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data.decode(UTF8_BOM), UTF8_BOM
        except UnicodeDecodeError:
            # A BOM on a file some tool later appended other bytes to: the rest is cp1252.
            return _windows_1252(data[len(codecs.BOM_UTF8):]), WINDOWS_1252
    try:
        return data.decode(UTF8), UTF8
    except UnicodeDecodeError:
        return _windows_1252(data), WINDOWS_1252


def _as_latin_1(exc: UnicodeError) -> tuple[str, int]:
    assert isinstance(exc, UnicodeDecodeError)
    return exc.object[exc.start:exc.end].decode("latin-1"), exc.end


codecs.register_error("presskit-latin-1", _as_latin_1)


def _windows_1252(data: bytes) -> str:
    return data.decode("cp1252", errors="presskit-latin-1")


def read_text_file(path: Path, what: str = "file") -> tuple[str, str]:
    """Read and decode ``path``; ``PresskitError`` naming the file if it cannot be read or is
    a spreadsheet workbook rather than text."""
    data = read_file(path, what)
    if data.startswith(_ZIP_MAGIC):
        raise PresskitError(
            f"{path} is a workbook (.xlsx/.ods/.numbers), not text: save it as CSV first "
            "(Excel: File › Save As › CSV UTF-8; LibreOffice: File › Save As › Text CSV)"
        )
    return decode(data)


def read_file(path: Path, what: str = "file") -> bytes:
    """The bytes of ``path``, at most ``MAX_TEXT_BYTES``; ``PresskitError`` naming the file
    if it cannot be read."""
    try:
        data = read_input(path, MAX_TEXT_BYTES, what=f"{what} presskit reads (a roster of "
                                                     "100,000 experts is about 20 MB)")
    except InputError as exc:
        if exc.missing:
            raise PresskitError(f"cannot read the {what} {path}: no such file") from None
        raise PresskitError(str(exc)) from None
    return data


def read_text_stream(stream: BinaryIO, name: str = "<stdin>") -> tuple[str, str]:
    """Read and decode a stream (standard input) as ``read_text_file`` reads a file: at most
    ``MAX_TEXT_BYTES``; ``PresskitError`` naming ``name`` past that (``/dev/zero`` piped in
    took 24 GB before it was killed)."""
    data = stream.read(MAX_TEXT_BYTES + 1)
    if len(data) > MAX_TEXT_BYTES:
        raise PresskitError(
            f"{name} is larger than {MAX_TEXT_BYTES // (1024 * 1024)} MB, far more than any "
            "advisory; it was not read to the end")
    return decode(data)
