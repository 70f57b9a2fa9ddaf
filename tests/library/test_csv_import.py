"""Importing a press office's experts spreadsheet, whichever program saved it."""

from __future__ import annotations

import codecs
import zipfile
from pathlib import Path

import pytest

from presskit.library.csv_columns import ALIASES, detect_mapping, field_for, split_topics
from presskit.library.csv_import import CsvImportError, import_rows, sniff, sniff_sheets
from presskit.library.names import email_key
from presskit.library.roster import Roster
from presskit.model import Expert, PresskitError


def imported(data: bytes | str, roster: Roster | None = None) -> Roster:
    preview = sniff(data.encode("utf-8") if isinstance(data, str) else data)
    return import_rows(preview, preview.detected_mapping, roster or Roster()).roster


# -- headings ----------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("field", "alias"), [(f, a) for f, aliases in ALIASES.items() for a in aliases]
)
def test_every_documented_heading_alias_is_recognised(field: str, alias: str) -> None:
    assert field_for(alias) == field
    assert field_for(alias.upper()) == field


@pytest.mark.parametrize(
    ("heading", "field"),
    [("Full Name", "name"), ("FULL NAME", "name"), ("Job Title", "title"),
     ("Position", "title"), ("E-mail", "email"), ("e-mail address", "email"),
     ("Email (work)", "email"), ("Department", "program"), ("Team", "program"),
     ("Areas of Expertise", "topics"), ("Tags", "topics"), ("Biography", "bio"),
     ("\ufeffName", "name"), (" phone ", "phone"), ("Twitter", None)],
)
def test_headings_are_matched_whatever_their_case_spacing_or_remarks(
    heading: str, field: str | None
) -> None:
    assert field_for(heading) == field


def test_a_field_claimed_by_two_columns_keeps_the_first() -> None:
    assert detect_mapping(["Email", "E-mail", "Name"]) == ["email", None, "name"]


def test_a_sheet_with_the_usual_spreadsheet_headings_imports_every_field() -> None:
    roster = imported(
        "Full Name,Job Title,Department,E-mail,Phone,Expertise,Biography\n"
        "Duyeon Kim,Adjunct Senior Fellow,Asia-Pacific Security,dkim@example.org,"
        "+1 202 555 0100,North Korea; nuclear talks,Kim writes on Korea.\n"
    )
    assert roster.experts == [Expert(
        id="duyeon-kim", name="Duyeon Kim", title="Adjunct Senior Fellow",
        program="Asia-Pacific Security", email="dkim@example.org", phone="+1 202 555 0100",
        topics=["North Korea", "nuclear talks"], bio="Kim writes on Korea.",
    )]


def test_first_and_last_name_columns_are_joined_and_honorifics_split_off() -> None:
    roster = imported("First Name,Last Name,Title\nDr. Jane,Doe,Fellow\n")
    expert = roster.experts[0]
    assert (expert.honorific, expert.name) == ("Dr.", "Jane Doe")


# -- delimiters, encodings, quoting, blank rows -------------------------------------------------

@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_comma_semicolon_and_tab_separated_files_are_all_read(delimiter: str) -> None:
    rows = [["Name", "Title", "Topics"],
            ["Elizabeth Rosenberg", "Director & Senior Fellow", "sanctions, energy"],
            ["Neil Bhatiya", "Associate Fellow", "sanctions"]]
    text = "\r\n".join(
        delimiter.join(f'"{c}"' if delimiter in c else c for c in row) for row in rows
    )
    preview = sniff(text.encode())
    assert preview.delimiter == delimiter
    experts = import_rows(preview, preview.detected_mapping, Roster()).roster.experts
    assert [e.title for e in experts] == ["Director & Senior Fellow", "Associate Fellow"]
    assert experts[0].topics == ["sanctions", "energy"]


def test_a_semicolon_file_whose_titles_are_full_of_commas_is_still_semicolon_separated() -> None:
    text = ("Name;Title;Program\n"
            "Elizabeth Rosenberg;Director, Senior Fellow, and Chair;Energy, Economics, and "
            "Security\nNeil Bhatiya;Associate Fellow, Energy;Energy, Economics\n")
    preview = sniff(text.encode())
    assert preview.delimiter == ";"
    assert import_rows(preview, preview.detected_mapping, Roster()).roster.experts[0].title == \
        "Director, Senior Fellow, and Chair"


def test_a_windows_1252_file_from_classic_excel_keeps_its_accents(tmp_path: Path) -> None:
    path = tmp_path / "experts.csv"
    path.write_bytes("Name,Title\r\nZoë Müller,Directrice générale – Europe\r\n"
                     .encode("cp1252"))
    preview = sniff(path)
    assert preview.encoding == "windows-1252"
    expert = import_rows(preview, preview.detected_mapping, Roster()).roster.experts[0]
    assert (expert.name, expert.title) == ("Zoë Müller", "Directrice générale – Europe")


@pytest.mark.parametrize("bom", [b"", codecs.BOM_UTF8])
def test_utf8_files_with_or_without_a_byte_order_mark_read_the_same(bom: bytes) -> None:
    data = bom + "Name,Email\nΓιώργος Παπαδόπουλος,gp@example.org\n王小明,wang@example.org\n" \
        .encode()
    preview = sniff(data)
    assert preview.headers == ("Name", "Email")  # no BOM stuck to the first heading
    experts = import_rows(preview, preview.detected_mapping, Roster()).roster.experts
    assert [e.name for e in experts] == ["Γιώργος Παπαδόπουλος", "王小明"]


def test_a_utf16_unicode_text_file_from_excel_is_read() -> None:
    data = "Name\tTitle\r\nОльга Иванова\tFellow\r\n".encode("utf-16")
    preview = sniff(data)
    assert (preview.encoding, preview.delimiter) == ("utf-16", "\t")
    assert import_rows(preview, preview.detected_mapping, Roster()).roster.experts[0].name == \
        "Ольга Иванова"


def test_quoted_fields_may_hold_commas_quotes_and_line_breaks() -> None:
    text = ('Name,Title,Bio\r\n'
            '"Rosenberg, Elizabeth","Director, Energy ""and"" Security","Line one.\r\n\r\n'
            'Line two, after a blank line."\r\n'
            'Neil Bhatiya,Fellow,Short.\r\n')
    preview = sniff(text.encode())
    assert [row.number for row in preview.rows] == [2, 3]
    assert [row.line for row in preview.rows] == [2, 5]  # the bio spans lines 2-4
    experts = import_rows(preview, preview.detected_mapping, Roster()).roster.experts
    assert experts[0].name == "Elizabeth Rosenberg"  # one cell, written "Last, First"
    assert experts[0].title == 'Director, Energy "and" Security'
    assert experts[0].bio == "Line one.\n\nLine two, after a blank line."
    assert experts[1].name == "Neil Bhatiya"


def test_blank_rows_and_rows_of_empty_cells_are_skipped_silently() -> None:
    text = "\n\nName,Title\n\nDuyeon Kim,Fellow\n,,\n  ,  \n\nVan Jackson,Fellow\n\n"
    preview = sniff(text.encode())
    result = import_rows(preview, preview.detected_mapping, Roster())
    assert [e.name for e in result.roster.experts] == ["Duyeon Kim", "Van Jackson"]
    assert result.skipped == []
    assert [row.number for row in preview.rows] == [5, 9]  # spreadsheet row numbers


@pytest.mark.parametrize(
    ("cell", "topics"),
    [("sanctions; North Korea", ["sanctions", "North Korea"]),
     ("sanctions, North Korea", ["sanctions", "North Korea"]),
     ("Energy, Economics, and Security; sanctions", ["Energy, Economics, and Security",
                                                      "sanctions"]),
     (" a ;; b ;", ["a", "b"]), ("", [])],
)
def test_topics_are_split_on_semicolons_or_else_commas(cell: str, topics: list[str]) -> None:
    assert split_topics(cell) == topics


def test_a_workbook_presskit_cannot_read_is_refused_with_how_to_save_it(tmp_path: Path) -> None:
    path = tmp_path / "experts.numbers"  # a zip of Apple's own, not .xlsx or .ods
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("Index/Document.iwa", b"\x00" * 10)
    with pytest.raises(PresskitError, match=r"not an .xlsx or .ods workbook \(a Numbers or "
                                            r"Word file\?\): save it as .xlsx, .ods or CSV"):
        sniff(path)


def test_an_empty_file_is_refused_with_what_the_first_row_should_be() -> None:
    with pytest.raises(CsvImportError, match="first row should name the columns"):
        sniff(b"\n\n")


def test_a_sheet_without_a_name_column_cannot_be_imported_until_mapped() -> None:
    preview = sniff(b"Nom,Poste\nJeanne Dupont,Chercheuse\n")
    assert preview.detected_mapping == (None, None)
    with pytest.raises(CsvImportError, match="Name"):
        import_rows(preview, preview.detected_mapping, Roster())
    # The mapping step: the user says which column is which.
    result = import_rows(preview, ["name", "title"], Roster())
    assert (result.roster.experts[0].name, result.roster.experts[0].title) == \
        ("Jeanne Dupont", "Chercheuse")


# -- merging on re-import ----------------------------------------------------------------------

def test_reimporting_merges_by_email_then_by_name_and_counts_what_happened() -> None:
    first = imported("Name,Email,Title\nDuyeon Kim,dkim@example.org,Fellow\n"
                     "Van Jackson,,Fellow\n")
    preview = sniff(
        b"Name,Email,Title\n"
        b"Duyeon  KIM,DKim@Example.org,Adjunct Senior Fellow\n"  # e-mail match; title changed
        b"VAN JACKSON,,Fellow\n"                                  # name match, unchanged
        b"Kristine Lee,klee@example.org,Associate Fellow\n"
    )
    result = import_rows(preview, preview.detected_mapping, first)
    assert result.summary() == "1 added, 1 updated, 1 unchanged, 0 skipped"
    assert [e.id for e in result.roster.experts] == ["duyeon-kim", "van-jackson", "kristine-lee"]
    kim = result.roster.experts[0]
    assert kim.title == "Adjunct Senior Fellow"
    # Only the title changed: a name or address written differently is the same one.
    assert [c.field for c in result.changes["duyeon-kim"]] == ["title"]
    assert (kim.name, kim.email) == ("Duyeon Kim", "dkim@example.org")
    assert first.experts[0].title == "Fellow"  # the roster passed in is left alone


def test_an_empty_cell_never_erases_what_the_roster_knows() -> None:
    roster = Roster(experts=[Expert(id="kim", name="Duyeon Kim", bio="Long bio.",
                                    topics=["Korea"])])
    result = import_rows(sniff(b"Name,Bio,Topics\nDuyeon Kim,,\n"), ["name", "bio", "topics"],
                         roster)
    assert result.unchanged == ["kim"]
    assert result.roster.experts[0].bio == "Long bio."
    assert result.roster.experts[0].topics == ["Korea"]


def test_each_skipped_row_says_why() -> None:
    text = ("Name,Email,Title,Notes\n"
            ",nobody@example.org,Fellow,\n"             # row 2: no name
            "Name,Email,Title,Notes\n"                   # row 3: header again
            ",,,just a note\n"                           # row 4: nothing imported
            "Duyeon Kim,dkim@example.org,Fellow,\n"      # row 5: added
            "D. Kim,dkim@example.org,Fellow,\n"          # row 6: same person as row 5
            ",,Fellow,\n")                               # row 7: no name, no address
    preview = sniff(text.encode())
    result = import_rows(preview, preview.detected_mapping, Roster())
    assert result.added == ["duyeon-kim"]
    assert [(note.row, note.message) for note in result.skipped] == [
        (2, "it has no name (e-mail nobody@example.org)"),
        (3, "it repeats the header row"),
        (4, "the columns being imported are empty in this row"),
        (6, "it is the same person as row 5 (Duyeon Kim); only the first row is imported"),
        (7, "it has no name"),
    ]


def test_a_whole_paragraph_in_the_name_column_is_skipped_as_a_likely_mapping_mistake() -> None:
    preview = sniff(b'Bio,Title\n"A long biography\nover lines",Fellow\n')
    result = import_rows(preview, ["name", "title"], Roster())
    assert result.added == [] and "several lines" in result.skipped[0].message


def test_a_doubtful_email_is_imported_as_typed_with_a_note() -> None:
    result = import_rows(sniff(b"Name,Email\nJane Doe,jane at example\n"), ["name", "email"],
                         Roster())
    assert result.roster.experts[0].email == "jane at example"
    assert "does not look like an e-mail address" in result.notes[0].message


def test_photo_paths_are_read_relative_to_the_spreadsheet(tmp_path: Path) -> None:
    path = tmp_path / "sheets" / "experts.csv"
    path.parent.mkdir()
    path.write_text("Name,Headshot\nJane Doe,../photos/jane.jpg\n", encoding="utf-8")
    preview = sniff(path)
    expert = import_rows(preview, preview.detected_mapping, Roster()).roster.experts[0]
    assert expert.photo == tmp_path / "photos" / "jane.jpg"


def test_photo_paths_are_read_relative_to_the_spreadsheet_however_it_is_opened(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # File ▸ Import reads a file through sniff_sheets, the command line through sniff: both
    # read "../photos/jane.jpg" beside the sheet, not beside wherever the app was started.
    path = tmp_path / "sheets" / "experts.csv"
    path.parent.mkdir()
    path.write_text("Name,Headshot\nJane Doe,../photos/jane.jpg\n", encoding="utf-8")
    (tmp_path / "app" / "started" / "here").mkdir(parents=True)
    monkeypatch.chdir(tmp_path / "app" / "started" / "here")
    [from_menu] = sniff_sheets(path)
    for preview in (sniff(path), from_menu):
        assert preview.folder == path.parent
        [expert] = import_rows(preview, preview.detected_mapping, Roster()).roster.experts
        assert expert.photo == tmp_path / "photos" / "jane.jpg"
    # Bytes have no folder: their relative paths are read where the app was started.
    given = sniff(path.read_bytes())
    assert given.folder is None
    [expert] = import_rows(given, given.detected_mapping, Roster()).roster.experts
    assert expert.photo == tmp_path / "app" / "started" / "photos" / "jane.jpg"


def test_a_csv_files_columns_are_lettered_as_a_spreadsheet_opening_it_letters_them() -> None:
    preview = sniff(b"Name,Title,Email\nJane Doe,Fellow,jane@example.org\n")
    assert (preview.layout, preview.first_column) == ("comma-separated, utf-8", 1)
    assert [preview.column_name(c) for c in range(3)] == ["A", "B", "C"]


def test_a_photo_given_as_a_web_address_is_left_out_with_a_note_at_its_cell() -> None:
    result = import_rows(sniff(b"Name,Photo\nJane Doe,https://example.org/jane.jpg\n"),
                         ["name", "photo"], Roster())
    [jane] = result.roster.experts
    assert jane.photo is None
    assert [(n.row, n.line, n.column, n.message) for n in result.notes] == [
        (2, 2, 1, "the photo 'https://example.org/jane.jpg' is a web address; presskit needs "
                  "an image file, so it was left out")]


@pytest.mark.parametrize(("above", "line"), [("Ann Lee,short\n", 4),
                                             ('"Ann\nLee","two\nlines"\n', 6)])
def test_a_cell_longer_than_a_spreadsheet_can_hold_is_refused_at_its_own_line(
        above: str, line: int) -> None:
    # The csv module reads cells of up to 131,072 characters; past that the file is refused,
    # naming the line the long cell is on (quoted line breaks above move it down).
    text = f"Name,Bio\nBo Chen,short\n{above}Cy Diaz,{'x' * 140_000}\nDee Ek,short\n"
    with pytest.raises(CsvImportError, match=rf"^line {line}: field larger than field limit "
                                             r"\(131072\)$"):
        sniff(text.encode())


def test_cells_beyond_the_last_column_are_reported_not_dropped_silently() -> None:
    # "Norway; fisheries" was typed without quotes in a semicolon file: the bio slid one
    # column to the right, past the last heading.
    data = ("Name;Topics;Bio\r\n"
            "Zoë Ødegård;Norway; fisheries;\"Works on fisheries.\"\r\n").encode("cp1252")
    result = import_rows(sniff(data), sniff(data).detected_mapping, Roster())
    assert result.added == ["zoe-odegard"]
    assert [(n.row, n.line, n.message) for n in result.notes] == [  # spreadsheet row 2
        (2, 2, "1 cell(s) beyond the last column were not imported ('Works on fisheries.'); "
               "is a value containing the delimiter missing its quotes?")]


# -- names as people write them ----------------------------------------------------------------

@pytest.mark.parametrize(("cell", "stored"), [
    ("Rosenberg, Elizabeth", "Elizabeth Rosenberg"),
    ("van der Berg, Anna Maria", "Anna Maria van der Berg"),
    ("O'Brien, Mary-Kate", "Mary-Kate O'Brien"),
    ("Smith Jr., John", "John Smith Jr."),
    ("Doe, J. R.", "J. R. Doe"),
    ("Иванов, Сергей", "Сергей Иванов"),
    ("Dr. Smith, John", "John Smith"),  # the courtesy title to its own field, either way
    ("Smith, Prof. Jane", "Jane Smith"),
    # Anything that could be something else stays as typed, for a person to read.
    ("Smith, Jr., John", "Smith, Jr., John"),
    ("Smith, Anna Maria Luisa Rose", "Smith, Anna Maria Luisa Rose"),  # four given names
    ("Smith, et al.", "Smith, et al."),
    ("Jane Doe, PhD", "Jane Doe, PhD"),
    ("Acme Analytics, Inc.", "Acme Analytics, Inc."),
    ("Brookings Institution, The", "Brookings Institution, The"),
    ("Department of State, Office", "Department of State, Office"),
    ("Washington, DC", "Washington, DC"),
    ("Rosenberg, Elizabeth, PhD", "Rosenberg, Elizabeth, PhD"),
    ("山田, 花子", "山田, 花子"),  # family name first is the script's own order
])
def test_a_last_first_name_is_stored_first_last_only_when_unambiguous(
        cell: str, stored: str) -> None:
    roster = imported(f'Name,Title\n"{cell}",Fellow\n')
    assert [e.name for e in roster.experts] == [stored]


def test_last_first_updates_the_roster_person_written_first_last_instead_of_adding_her() -> None:
    roster = Roster(experts=[Expert(id="elizabeth-rosenberg", name="Elizabeth Rosenberg",
                                    title="Senior Fellow")])
    preview = sniff(b'Name,Title\n"ROSENBERG, Elizabeth",Director\n"Kim, Dr. Duyeon",Fellow\n')
    result = import_rows(preview, preview.detected_mapping, roster)
    assert result.updated == ["elizabeth-rosenberg"]
    assert result.added == ["duyeon-kim"]
    assert result.summary() == "1 added, 1 updated, 0 unchanged, 0 skipped"
    [elizabeth, duyeon] = result.roster.experts
    assert (elizabeth.name, elizabeth.title) == ("Elizabeth Rosenberg", "Director")
    assert (duyeon.honorific, duyeon.name) == ("Dr.", "Duyeon Kim")


def test_the_same_person_twice_in_one_sheet_in_both_orders_is_imported_once() -> None:
    preview = sniff(b'Name\n"Rosenberg, Elizabeth"\nElizabeth Rosenberg\n')
    result = import_rows(preview, preview.detected_mapping, Roster())
    assert [e.name for e in result.roster.experts] == ["Elizabeth Rosenberg"]
    assert "same person as row 2" in result.skipped[0].message


def test_names_in_other_scripts_get_readable_ids() -> None:
    roster = imported("Name\n김민준\nСергей Иванов\n山田 花子\n김민준 \n")
    assert [e.id for e in roster.experts] == ["gimminjun", "sergey-ivanov", "shantian-huazi"]


def test_an_id_already_in_the_roster_is_kept_when_the_same_person_is_imported() -> None:
    roster = Roster(experts=[Expert(id="expert", name="김민준")])  # made by an older version
    preview = sniff("Name,Title\n김민준,Fellow\n".encode())
    result = import_rows(preview, preview.detected_mapping, roster)
    assert [(e.id, e.title) for e in result.roster.experts] == [("expert", "Fellow")]


def test_an_e_mail_key_ignores_a_mailto_prefix_and_letter_case() -> None:
    assert email_key(" MAILTO:Press@Example.org ") == email_key("press@example.org")


@pytest.mark.parametrize("end", ["\r", "\r\n"], ids=["old Mac", "Windows"])
def test_line_breaks_inside_quoted_cells_become_plain_line_breaks(end: str) -> None:
    # A lone "\r" (an old Mac export) stayed in the bio, and the plain-text twin, as is.
    text = end.join(['Name,"Bio', '(short)"', 'Anna Smirnova,"Director.', 'Writes on Russia."',
                     ""])
    preview = sniff(text.encode())
    assert preview.headers == ("Name", "Bio\n(short)")
    assert preview.rows[0].cells == ("Anna Smirnova", "Director.\nWrites on Russia.")
    assert (preview.rows[0].number, preview.rows[0].line) == (2, 3)
    [anna] = import_rows(preview, ["name", "bio"], Roster()).roster.experts
    assert anna.bio == "Director.\nWrites on Russia."
