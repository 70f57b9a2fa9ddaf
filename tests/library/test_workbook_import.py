"""Importing the experts workbook an office sends (.xlsx from Excel, .ods from LibreOffice)
exactly as the same sheet saved as CSV, and refusing hostile workbooks before the reader
sees them."""

from __future__ import annotations

import datetime
import zipfile
from pathlib import Path

import pytest
from support.workbooks import ods, ods_cell, rewrite_entry, xlsx

from presskit.library import workbook_archive, workbooks
from presskit.library.csv_import import import_rows, sniff, sniff_sheets
from presskit.library.roster import Roster
from presskit.library.workbook_archive import OLE_MAGIC
from presskit.model import Expert, PresskitError

STAFF = [
    ["Full Name", "Job Title", "E-mail", "Phone", "Expertise", "Joined"],
    ["Duyeon Kim", "Adjunct Senior Fellow", "dkim@example.org", 4722000000,
     "North Korea; nuclear talks", datetime.date(2024, 3, 1)],
    [None, None, None, None, None, None],
    ["Jane Doe", "Fellow", "not-an-address", 4.5, "energy", None],
]


def imported(path: Path, sheet: str | None = None) -> Roster:
    preview = sniff(path, sheet=sheet)
    return import_rows(preview, preview.detected_mapping, Roster()).roster


def test_an_xlsx_imports_as_the_same_sheet_saved_as_csv_does(tmp_path: Path) -> None:
    book = xlsx(tmp_path / "staff.xlsx", {"Experts": STAFF})
    csv = tmp_path / "staff.csv"
    csv.write_text("Full Name,Job Title,E-mail,Phone,Expertise,Joined\n"
                   "Duyeon Kim,Adjunct Senior Fellow,dkim@example.org,4722000000,"
                   "North Korea; nuclear talks,2024-03-01\n,,,,,\n"
                   "Jane Doe,Fellow,not-an-address,4.5,energy,\n", encoding="utf-8")
    from_book, from_csv = sniff(book), sniff(csv)
    assert from_book.headers == from_csv.headers
    assert [r.cells for r in from_book.rows] == [r.cells for r in from_csv.rows]
    assert [r.number for r in from_book.rows] == [2, 4]
    assert imported(book).experts == imported(csv).experts
    assert imported(book).experts[0] == Expert(
        id="duyeon-kim", name="Duyeon Kim", title="Adjunct Senior Fellow",
        email="dkim@example.org", phone="4722000000", topics=["North Korea", "nuclear talks"])


def test_numbers_and_dates_in_cells_become_the_text_a_person_sees(tmp_path: Path) -> None:
    book = xlsx(tmp_path / "cells.xlsx", {"Sheet": [
        ["Name", "Phone", "Since", "At", "Share", "Big", "Flag", "Time"],
        ["Ann", 4722000000, datetime.date(2024, 3, 1), datetime.datetime(2024, 3, 1, 10, 30),
         0.25, 47220000001.0, True, datetime.time(9, 30)],
    ]})
    [row] = sniff(book).rows
    assert row.cells == ("Ann", "4722000000", "2024-03-01", "2024-03-01 10:30", "0.25",
                         "47220000001", "TRUE", "09:30")


def test_an_ods_from_libreoffice_imports_its_numbers_as_written(tmp_path: Path) -> None:
    book = ods(tmp_path / "staff.ods", {"Experts": [
        ["Name", "Phone", "Email"], ["Léa Fontaine", 4722000000, "lea@example.org"]]})
    preview = sniff(book)
    assert preview.layout == "sheet 'Experts'"
    assert preview.rows[0].cells == ("Léa Fontaine", "4722000000", "lea@example.org")
    [lea] = imported(book).experts
    assert (lea.name, lea.phone, lea.email) == ("Léa Fontaine", "4722000000", "lea@example.org")


def test_the_first_sheet_is_read_unless_another_is_named(tmp_path: Path) -> None:
    book = xlsx(tmp_path / "two.xlsx", {
        "Notes": [], "Experts": [["Name"], ["Ann Lee"]], "Staff": [["Name"], ["Bo Chen"]]})
    assert [p.sheet for p in sniff_sheets(book)] == ["Experts", "Staff"]  # empty left out
    assert [e.name for e in imported(book).experts] == ["Ann Lee"]
    assert [e.name for e in imported(book, "Staff").experts] == ["Bo Chen"]
    with pytest.raises(PresskitError, match=r"two.xlsx has no sheet 'Nope' with rows to "
                                            r"import; its sheets: 'Experts', 'Staff'"):
        sniff(book, sheet="Nope")


def test_a_formula_cell_gives_the_value_it_was_saved_with_and_is_never_run(
    tmp_path: Path
) -> None:
    book = xlsx(tmp_path / "f.xlsx", {"Sheet": [["Name", "Phone"], ["Ann", "=1+1"]]})
    # What Excel saves: the formula and the value it last showed (here not what it computes).
    rewrite_entry(book, "xl/worksheets/sheet1.xml", {b"<f>1+1</f><v></v>": b"<f>1+1</f><v>99</v>"})
    assert sniff(book).rows[0].cells == ("Ann", "99")


def test_a_sheet_with_data_away_from_a1_names_its_columns_as_the_sheet_does(
    tmp_path: Path
) -> None:
    book = xlsx(tmp_path / "offset.xlsx", {"Experts": [
        [], [], [None, "Name", "Email"], [None, "Ann Lee", "nope"]]})
    preview = sniff(book)
    assert preview.headers == ("Name", "Email") and preview.header_line == 3
    result = import_rows(preview, preview.detected_mapping, Roster())
    [note] = result.notes
    assert preview.where(note.row, note.line, note.column) == "sheet 'Experts', row 4, column C"


def test_the_reader_gives_a_sheet_from_a1_down_and_from_its_first_filled_column_across(
    tmp_path: Path
) -> None:
    # What the reader's process does, done in this one: rows keep their sheet numbers (blank
    # rows above stay), columns start at the first filled one (B here).
    book = xlsx(tmp_path / "offset.xlsx", {"Experts": [
        [], [], [None, "Name", "Email"], [None, "Ann Lee", "nope"]]})
    checked = workbook_archive.check_workbook(book.read_bytes(), "offset.xlsx")
    assert workbooks._read(checked.data, "offset.xlsx", checked.kind) == [workbooks.SheetRows(
        "Experts", 1, 2, [["", ""], ["", ""], ["Name", "Email"], ["Ann Lee", "nope"]])]


def test_a_duration_in_a_cell_is_the_hours_minutes_and_seconds_the_sheet_shows(
    tmp_path: Path
) -> None:
    # Read in this process, as the reader's process reads it. Excel shows a duration past a
    # day as 26:30:00 ([h]:mm:ss), never as "1 day, 2:30:00".
    book = xlsx(tmp_path / "shifts.xlsx", {"Shifts": [
        ["Name", "On call"], ["Ann Lee", datetime.timedelta(hours=26, minutes=30)],
        ["Bo Chen", datetime.timedelta(minutes=45, seconds=5)]]})
    checked = workbook_archive.check_workbook(book.read_bytes(), "shifts.xlsx")
    [sheet] = workbooks._read(checked.data, "shifts.xlsx", checked.kind)
    assert sheet.rows == [["Name", "On call"], ["Ann Lee", "26:30:00"], ["Bo Chen", "0:45:05"]]
    assert workbooks.cell_text(-datetime.timedelta(minutes=90)) == "-1:30:00"


def test_the_reader_still_reads_where_the_system_refuses_it_a_memory_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # What the reader's process does, done in this one, with the limit refused as a system
    # without the permission to set it refuses it (and never set on this test's process).
    import multiprocessing
    import resource

    def refused(*_args: object) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(resource, "setrlimit", refused)
    book = xlsx(tmp_path / "staff.xlsx", {"Experts": [["Name"], ["Ann Lee"]]})
    checked = workbook_archive.check_workbook(book.read_bytes(), "staff.xlsx")
    receive, send = multiprocessing.Pipe(duplex=False)
    with receive:
        workbooks._child(send, checked.data, "staff.xlsx", checked.kind)
        assert receive.recv() == [workbooks.SheetRows("Experts", 1, 1, [["Name"], ["Ann Lee"]])]


@pytest.fixture
def reader_here(monkeypatch: pytest.MonkeyPatch) -> None:
    """The workbook reader run in this process rather than its own, so that what is read
    around it is seen here too (a mutation run skips a test that starts a process)."""
    def here(data: bytes, name: str, kind: str) -> list[workbooks.SheetRows] | str:
        try:
            return workbooks._read(data, name, kind)
        except PresskitError as exc:
            return str(exc)

    monkeypatch.setattr(workbooks, "_in_child", here)


def test_a_workbook_sheet_is_described_by_its_sheet_not_by_a_delimiter_or_encoding(
    tmp_path: Path, reader_here: None
) -> None:
    book = xlsx(tmp_path / "staff.xlsx", {"Experts": [["Name"], ["Ann Lee"]],
                                          "Alumni": [["Name"], ["Bo Chen"]]})
    first, second = sniff_sheets(book)
    assert [(p.sheet, p.layout) for p in (first, second)] == [
        ("Experts", "sheet 'Experts' (1 of 2)"), ("Alumni", "sheet 'Alumni' (2 of 2)")]
    assert (first.delimiter, first.delimiter_name, first.encoding) == ("", "", "")


def test_photo_paths_in_a_workbook_are_read_relative_to_the_workbook(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, reader_here: None
) -> None:
    # File ▸ Import reads a workbook through sniff_sheets: "../photos/ann.jpg" is beside the
    # workbook's folder, not beside wherever the app was started.
    (tmp_path / "sheets").mkdir()
    (tmp_path / "app").mkdir()
    book = xlsx(tmp_path / "sheets" / "staff.xlsx",
                {"Experts": [["Name", "Headshot"], ["Ann Lee", "../photos/ann.jpg"]]})
    monkeypatch.chdir(tmp_path / "app")
    for preview in (*sniff_sheets(book), sniff(book)):
        assert preview.folder == book.parent
        [expert] = import_rows(preview, preview.detected_mapping, Roster()).roster.experts
        assert expert.photo == tmp_path / "photos" / "ann.jpg"


# -- hostile and wrong files ---------------------------------------------------------------------

def test_a_cell_far_out_is_refused_before_the_reader_lays_out_the_grid(tmp_path: Path) -> None:
    # The reader allocated rows × columns: this one cell asked it for 512 GB and aborted.
    book = xlsx(tmp_path / "far.xlsx", {"Experts": [["Name"], ["Ann"]]})
    rewrite_entry(book, "xl/worksheets/sheet1.xml", {
        b"</sheetData>": b'<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is>'
                         b"</c></row></sheetData>"})
    with pytest.raises(PresskitError, match=r"far.xlsx has sheets of 17,179,869,184 cells .* "
                                            r"more than the 5,000,000 presskit reads"):
        sniff(book)


def test_repeated_cells_of_an_ods_count_as_the_cells_they_stand_for(tmp_path: Path) -> None:
    many = ods_cell("x").replace("<table:table-cell ",
                                 '<table:table-cell table:number-columns-repeated="10000" ')
    bomb = ods(tmp_path / "bomb.ods", tables=(
        '<table:table table:name="E"><table:table-row table:number-rows-repeated="1000000">'
        f"{many}</table:table-row></table:table>"))
    with pytest.raises(PresskitError, match=r"bomb.ods has sheets of 10,000,000,000 cells"):
        sniff(bomb)
    # LibreOffice pads every sheet with empty repeated cells and rows: those cost nothing.
    padded = ods(tmp_path / "padded.ods", tables=(
        '<table:table table:name="E"><table:table-row>' + ods_cell("Name")
        + '<table:table-cell table:number-columns-repeated="16383"/></table:table-row>'
        "<table:table-row>" + ods_cell("Ann") + "</table:table-row>"
        '<table:table-row table:number-rows-repeated="1048574"><table:table-cell '
        'table:number-columns-repeated="1024"/></table:table-row></table:table>'))
    assert sniff(padded).rows[0].cells == ("Ann",)


def test_a_zip_bomb_is_refused_from_its_declared_sizes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(workbook_archive, "MAX_WORKBOOK_UNPACKED_BYTES", 1024 * 1024)
    book = xlsx(tmp_path / "bomb.xlsx", {"Experts": [["Name"], ["Ann"]]})
    with zipfile.ZipFile(book, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/media/filler.bin", bytes(2 * 1024 * 1024))
    with pytest.raises(PresskitError, match=r"bomb.xlsx would unpack to more than 1 MB \(its "
                                            r"part 'xl/media/filler.bin' alone declares 2 MB\)"):
        sniff(book)


def test_a_workbook_of_too_many_parts_is_refused_before_zipfile_reads_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(workbook_archive, "MAX_WORKBOOK_ENTRIES", 20)
    book = xlsx(tmp_path / "parts.xlsx", {"Experts": [["Name"], ["Ann"]]})
    with zipfile.ZipFile(book, "a") as archive:
        for n in range(30):
            archive.writestr(f"xl/media/{n}.txt", "x")
    with pytest.raises(PresskitError, match=r"parts.xlsx has 3\d parts, more than any workbook"):
        sniff(book)


@pytest.mark.parametrize(("parts", "read"), [(20, True), (21, False)])
def test_a_workbook_of_as_many_parts_as_allowed_is_read_and_one_more_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, parts: int, read: bool
) -> None:
    monkeypatch.setattr(workbook_archive, "MAX_WORKBOOK_ENTRIES", 20)
    book = xlsx(tmp_path / "parts.xlsx", {"Experts": [["Name"], ["Ann"]]})
    with zipfile.ZipFile(book) as archive:
        missing = parts - len(archive.namelist())
    with zipfile.ZipFile(book, "a") as archive:
        for n in range(missing):
            archive.writestr(f"xl/media/{n}.txt", "x")
    # Checked here, in this process: the reader's own process is not needed to count parts.
    if read:
        assert workbook_archive.check_workbook(book.read_bytes(), "parts.xlsx").kind == "xlsx"
    else:
        with pytest.raises(PresskitError, match=r"^parts.xlsx has 21 parts, more than any "
                                                r"workbook \(20\); it was not read$"):
            workbook_archive.check_workbook(book.read_bytes(), "parts.xlsx")


def test_where_there_is_no_fork_server_each_read_starts_a_fresh_interpreter(
    monkeypatch: pytest.MonkeyPatch
) -> None:
    # Windows has no fork server: the reader then runs in a spawned interpreter. Only the
    # context is made here; nothing is started.
    monkeypatch.setattr(workbooks.multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    assert workbooks._context().get_start_method() == "spawn"


def test_password_protected_workbooks_are_refused_saying_so(tmp_path: Path) -> None:
    # Excel saves a password-protected .xlsx as an OLE file with an EncryptionInfo stream.
    locked = tmp_path / "locked.xlsx"
    locked.write_bytes(OLE_MAGIC + bytes(500) + "EncryptionInfo".encode("utf-16-le")
                       + bytes(500))
    with pytest.raises(PresskitError, match=r"^\S*locked.xlsx is password-protected: open it, "
                                            r"remove the password"):
        sniff(locked)
    locked_ods = ods(tmp_path / "locked.ods", {"E": [["Name"], ["Ann"]]}, manifest_extra=(
        '<manifest:file-entry manifest:full-path="settings.xml"><manifest:encryption-data/>'
        "</manifest:file-entry>"))
    with pytest.raises(PresskitError, match=r"locked.ods is password-protected"):
        sniff(locked_ods)


def test_files_that_are_not_workbooks_get_one_line_saying_what_they_are(
    tmp_path: Path
) -> None:
    old = tmp_path / "old.xls"
    old.write_bytes(OLE_MAGIC + bytes(1000))
    word = tmp_path / "letter.xlsx"
    with zipfile.ZipFile(word, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    junk = tmp_path / "junk.xlsx"
    junk.write_bytes(b"\x00\x01 not a workbook at all")
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04" + bytes(100))
    expected = {
        old: "is an Excel 97–2003 workbook (.xls), which presskit does not read",
        word: "is a zip archive but not an .xlsx or .ods workbook",
        junk: "is not a .xlsx workbook",
        broken: "is damaged or not a workbook",
    }
    for path, message in expected.items():
        with pytest.raises(PresskitError) as caught:
            sniff(path)
        assert str(caught.value).startswith(f"{path} {message}")
        assert "\n" not in str(caught.value)


def test_a_binary_workbook_is_refused_saying_to_save_it_as_xlsx_ods_or_csv(
    tmp_path: Path
) -> None:
    # Excel's binary .xlsb keeps its parts under xl/ but has no xl/workbook.xml. Refused in
    # this process, before any reader starts.
    book = tmp_path / "staff.xlsb"
    with zipfile.ZipFile(book, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.bin", b"\x83\x01\x00")
    with pytest.raises(PresskitError) as caught:
        workbook_archive.check_workbook(book.read_bytes(), "staff.xlsb")
    assert str(caught.value) == ("staff.xlsb is a binary or macro workbook presskit does not "
                                 "read: save it as .xlsx, .ods or CSV and import that")


def test_a_sheet_wider_than_a_roster_is_refused_as_a_csv_file_is(tmp_path: Path) -> None:
    book = xlsx(tmp_path / "wide.xlsx", {"Staff": [[f"c{i}" for i in range(201)], ["x"]]})
    with pytest.raises(PresskitError, match=r"wide.xlsx, sheet 'Staff' has 201 columns in its "
                                            r"first row, more than the 200 presskit imports"):
        sniff(book)


def test_a_reader_that_does_not_finish_is_stopped_with_a_one_line_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A damaged sheet once kept calamine busy with no end; the reader runs in a process of
    # its own and is stopped after its time. Here any read is too slow for the limit.
    monkeypatch.setattr(workbooks, "MAX_WORKBOOK_READ_SECONDS", 0.001)
    path = xlsx(tmp_path / "staff.xlsx", {"Experts": STAFF})
    with pytest.raises(PresskitError) as refused:
        sniff(path)
    message = str(refused.value)
    assert message.startswith(str(path)) and "could not be read within 0.001 s" in message
    assert "\n" not in message


def test_a_sheet_that_is_not_well_formed_xml_is_refused_before_the_reader_sees_it(
    tmp_path: Path,
) -> None:
    # Found by the fuzz test: an .ods whose table is never closed kept calamine looping.
    book = rewrite_entry(ods(tmp_path / "staff.ods", {"Experts": STAFF}), "content.xml",
                         {b"</table:table>": b"</table:tble>"})
    with pytest.raises(PresskitError) as refused:
        sniff(book)
    message = str(refused.value)
    assert "'content.xml' is not well-formed XML (line 1, column" in message
    assert "mismatched tag" in message and "\n" not in message


def test_a_part_packed_like_a_zip_bomb_is_refused_from_its_ratio(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 15 million empty cells packed 525 times made 165 MB that took 2 GB to count.
    monkeypatch.setattr(workbook_archive, "MAX_WORKBOOK_RATIO_FREE_BYTES", 64 * 1024)
    book = xlsx(tmp_path / "packed.xlsx", {"Experts": [["Name"], ["Ann"]]})
    with zipfile.ZipFile(book, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet2.xml", b'<c r="A1"/>' * 100_000)
    with pytest.raises(PresskitError, match=r"packed.xlsx has a part \('xl/worksheets/"
                                            r"sheet2.xml'\) that unpacks to [\d,]+ times"):
        sniff(book)


def test_counting_cells_stays_linear_on_tags_that_never_close() -> None:
    # A run of unclosed "<c " made each match scan to the end of the part: 16 s for 8,000,
    # about 40 hours for a million. Now a million take well under a second.
    assert workbook_archive.sheet_cells(b"<c " * 1_000_000, "xlsx") == 0
    assert workbook_archive.sheet_cells(b"<table:table-cell " * 300_000, "ods") == 0


def test_more_cell_elements_than_a_sheet_holds_count_as_too_many(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(workbook_archive, "MAX_SHEET_CELLS", 1000)
    assert workbook_archive.sheet_cells(b'<c r="A1"/>' * 5000, "xlsx") > 1000


def test_names_in_a_workbook_are_read_as_people_write_them(tmp_path: Path) -> None:
    rows: list[list[object]] = [["Name", "Title"], ["Rosenberg, Elizabeth", "Director"],
                                ["김민준", "Fellow"], ["Smith, Jr., John", "Fellow"]]
    for book in (xlsx(tmp_path / "staff.xlsx", {"Staff": rows}),
                 ods(tmp_path / "staff.ods", {"Staff": rows})):
        assert [(e.id, e.name) for e in imported(book).experts] == [
            ("elizabeth-rosenberg", "Elizabeth Rosenberg"), ("gimminjun", "김민준"),
            ("smith-jr-john", "Smith, Jr., John")]


def test_a_line_break_saved_as_a_carriage_return_in_a_cell_is_a_plain_line_break(
        tmp_path: Path) -> None:
    book = xlsx(tmp_path / "experts.xlsx", {"Experts": [
        ["Name", "Bio"], ["Anna Smirnova", "Director.\rWrites on Russia.\r\nAnd Ukraine."]]})
    preview = sniff(book)
    [anna] = import_rows(preview, preview.detected_mapping, Roster()).roster.experts
    assert anna.bio == "Director.\nWrites on Russia.\nAnd Ukraine."


def test_cells_are_counted_from_the_first_row_and_column_in_any_layout() -> None:
    # Without the "r" place Excel writes, each cell is the next column of its row.
    assert workbook_archive.sheet_cells(
        b"<row><c><v>1</v></c><c><v>2</v></c><c><v>3</v></c></row>", "xlsx") == 3
    # Cells ahead of any table start at the first row and column, as in a table.
    assert workbook_archive.sheet_cells(
        b'<table:table-row><table:table-cell table:number-columns-repeated="3" '
        b'office:value-type="string"/></table:table-row>', "ods") == 3


@pytest.mark.parametrize(("encoding", "why"), [
    ("klingon", "unknown encoding: klingon"),
    ("shift_jis", "multi-byte encodings are not supported"),
])
def test_a_sheet_in_an_encoding_xml_cannot_read_is_refused_saying_which(
    tmp_path: Path, encoding: str, why: str
) -> None:
    book = rewrite_entry(ods(tmp_path / "staff.ods", {"Experts": STAFF}), "content.xml",
                         {b'encoding="UTF-8"': f'encoding="{encoding}"'.encode()})
    with pytest.raises(PresskitError) as refused:
        sniff(book)
    assert str(refused.value) == (
        f"{book} is damaged: its part 'content.xml' cannot be read as XML ({why}); open it "
        "in a spreadsheet program and save it again")


def test_a_workbook_with_a_picture_whose_bytes_look_like_utf16_is_read(tmp_path: Path) -> None:
    # A PNG 60 pixels wide has 00 00 00 3C ("\0<") in its header: a workbook with such a
    # logo was refused as "a part in UTF-16".
    from PIL import Image

    book = xlsx(tmp_path / "staff.xlsx", {"Experts": [["Name"], ["Ann Lee"]]})
    logo = tmp_path / "logo.png"
    Image.new("RGB", (60, 20), "red").save(logo)
    with zipfile.ZipFile(book, "a") as archive:
        archive.write(logo, "xl/media/image1.png")
    assert [row.cells for row in sniff(book).rows] == [("Ann Lee",)]


def test_a_part_in_utf16_is_refused_and_a_late_nul_is_damage_at_its_place(
        tmp_path: Path) -> None:
    sheet = "xl/worksheets/sheet1.xml"
    book = xlsx(tmp_path / "staff.xlsx", {"Experts": [["Name"], ["Ann Lee"]]})
    with zipfile.ZipFile(book) as archive:
        xml = archive.read(sheet)
    wide = rewrite_entry(tmp_path / "staff.xlsx", sheet, {xml: xml.decode().encode("utf-16")})
    with zipfile.ZipFile(wide) as archive:  # a picture first: every part after it is checked
        parts = [(info.filename, archive.read(info)) for info in archive.infolist()]
    with zipfile.ZipFile(wide, "w") as archive:
        for name, data in [("xl/media/image1.png", b"\x89PNG\r\n\x1a\n"), *parts]:
            archive.writestr(name, data)
    with pytest.raises(PresskitError) as refused:
        sniff(wide)
    assert str(refused.value) == (f"{wide} has a part in UTF-16 ('{sheet}'), which presskit "
                                  "does not read: save it as .xlsx, .ods or CSV and import that")
    # A NUL as the 400th byte, a "<" after it: damaged XML there, not UTF-16 (which has
    # such pairs from the first byte on).
    late = xml[:398] + b"x\0<" + xml[398:]
    assert b"\0<" not in late[:400] and b"<\0" not in late[:400] and late[399:401] == b"\0<"
    broken = rewrite_entry(xlsx(tmp_path / "late.xlsx", {"Experts": [["Name"], ["Ann Lee"]]}),
                           sheet, {xml: late})
    with pytest.raises(PresskitError) as refused:
        sniff(broken)
    assert f"its part '{sheet}' is not well-formed XML (line 1, column 400: " in str(
        refused.value)


def test_column_letters_run_from_a_to_z_then_aa() -> None:
    assert [workbook_archive.column_letters(n) for n in (1, 26, 27, 702, 703)] == [
        "A", "Z", "AA", "ZZ", "AAA"]


def test_a_workbook_given_as_bytes_is_called_the_spreadsheet_in_messages(tmp_path: Path) -> None:
    book = xlsx(tmp_path / "staff.xlsx", {"Experts": [["Name"], ["Ann Lee"]]})
    assert [preview.source for preview in sniff_sheets(book.read_bytes())] == ["the spreadsheet"]


def test_the_cells_of_every_table_of_an_ods_are_counted() -> None:
    cell = b'<table:table-cell office:value-type="string"/>'
    row = b"<table:table-row>%s</table:table-row>"
    wide = b"<table:table>" + row % (cell * 2) + b"</table:table>"  # 1 row × 2 columns
    tall = b"<table:table>" + (row % cell) * 3 + b"</table:table>"  # 3 rows × 1 column
    assert workbook_archive.sheet_cells(wide + tall + wide, "ods") == 7
