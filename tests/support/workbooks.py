"""Small workbooks made in the test that reads them: .xlsx through openpyxl, .ods as the few
lines of zip and XML LibreOffice needs (content.xml, the manifest and the mimetype), and
hostile ones that only differ from those in a number or two."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from pathlib import Path
from xml.sax.saxutils import escape

import openpyxl

Rows = Sequence[Sequence[object]]


def xlsx(path: Path, sheets: dict[str, Rows]) -> Path:
    """An .xlsx with ``sheets`` (name → rows of values, as openpyxl stores them)."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(list(row))
    book.save(path)
    return path


def rewrite_entry(path: Path, entry: str, change: dict[bytes, bytes]) -> Path:
    """``path`` with the bytes of ``entry`` replaced as ``change`` says (old → new)."""
    with zipfile.ZipFile(path) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    for old, new in change.items():
        assert old in parts[entry], (old, parts[entry][:400])
        parts[entry] = parts[entry].replace(old, new)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


_NAMESPACES = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
)
_MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest='
    '"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
    '<manifest:file-entry manifest:full-path="/" manifest:media-type='
    '"application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry '
    'manifest:full-path="content.xml" manifest:media-type="text/xml"/>{extra}'
    '</manifest:manifest>'
)


def ods_cell(value: object) -> str:
    """A cell as LibreOffice writes it: a number keeps its value beside the text shown."""
    if value is None or value == "":
        return "<table:table-cell/>"
    if isinstance(value, int | float) and not isinstance(value, bool):
        return (f'<table:table-cell office:value-type="float" office:value="{value}">'
                f"<text:p>{value}</text:p></table:table-cell>")
    return (f'<table:table-cell office:value-type="string"><text:p>{escape(str(value))}'
            "</text:p></table:table-cell>")


def ods_table(name: str, rows: Rows) -> str:
    body = "".join("<table:table-row>" + "".join(ods_cell(v) for v in row)
                   + "</table:table-row>" for row in rows)
    return f'<table:table table:name="{escape(name)}">{body}</table:table>'


def ods(path: Path, sheets: dict[str, Rows] | None = None, *, tables: str = "",
        manifest_extra: str = "") -> Path:
    """An .ods with ``sheets``, or with the ``tables`` XML as given."""
    tables = tables or "".join(ods_table(n, rows) for n, rows in (sheets or {}).items())
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_NAMESPACES} '
               'office:version="1.2"><office:body><office:spreadsheet>'
               f"{tables}</office:spreadsheet></office:body></office:document-content>")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("META-INF/manifest.xml", _MANIFEST.format(extra=manifest_extra),
                         zipfile.ZIP_DEFLATED)
        archive.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
    path.write_bytes(out.getvalue())
    return path
