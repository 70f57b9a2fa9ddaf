"""Whatever an .xlsx or .ods holds in its sheet XML, importing it gives a roster or a
``CsvImportError`` naming the file, in one line: no other exception, no hang, and above all
no abort of the whole process by the reader (which has no way back from a failed
allocation)."""

from __future__ import annotations

import io
import tempfile
import zipfile
from pathlib import Path

from hypothesis import given
from support.fuzz_settings import FUZZ, mutated, watchdog
from support.workbooks import ods, xlsx

from presskit.library.csv_import import CsvImportError, import_rows, sniff
from presskit.library.roster import Roster

ROWS = [["Name", "Email", "Phone"], ["Ann Lee", "ann@example.org", 4722000000],
        ["Bo Chen", "bo@example.org", "+1 202 555 0100"]]


def _parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def _seeds(tmp: Path) -> dict[str, tuple[dict[str, bytes], str]]:
    return {
        "xlsx": (_parts(xlsx(tmp / "s.xlsx", {"Experts": ROWS})), "xl/worksheets/sheet1.xml"),
        "ods": (_parts(ods(tmp / "s.ods", {"Experts": ROWS})), "content.xml"),
    }


with tempfile.TemporaryDirectory() as _folder:
    SEEDS = _seeds(Path(_folder))
SHEETS = [parts[entry].decode("utf-8") for parts, entry in SEEDS.values()]


def _book(kind: str, sheet: str) -> bytes:
    parts, entry = SEEDS[kind]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in {**parts, entry: sheet.encode("utf-8", "surrogatepass")}.items():
            archive.writestr(name, data)
    return out.getvalue()


@FUZZ
@given(mutated(SHEETS))
def test_a_mutated_sheet_imports_or_is_refused_in_one_line(sheet: str) -> None:
    for kind in SEEDS:
        data = _book(kind, sheet)
        with watchdog(data[:200]):
            try:
                preview = sniff(data, f"experts.{kind}")
                import_rows(preview, preview.detected_mapping, Roster())
            except CsvImportError as exc:
                assert str(exc).startswith(f"experts.{kind}"), str(exc)
                assert "\n" not in str(exc)
