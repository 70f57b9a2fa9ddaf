"""Experts from a spreadsheet: a CSV file (Excel, LibreOffice, Google Sheets, Numbers) or a
workbook (.xlsx, .ods; read by ``workbooks``, one sheet at a time).

Two steps, so the app can show a mapping step in between::

    preview = sniff(path)                      # encoding, delimiter, header, rows, mapping
    result = import_rows(preview, preview.detected_mapping, roster)
    result.roster                              # the merged roster (``roster`` is untouched)
    result.summary()                           # "2 added, 1 updated, 1 skipped"

``sniff`` decodes the bytes (``text_files``), finds the delimiter (``csv.Sniffer``, checked
against a count of ``,`` ``;`` and tab) and reads every record with the csv module, so quoted
fields may hold delimiters, quotes and line breaks. The first non-blank row is the header.
Rows are numbered as a spreadsheet shows them (the header is row 1, blank rows count), and each
keeps the file line it starts on for ``file:line`` messages. A workbook's sheet goes through
the same steps from its cells: its rows are the sheet's rows, its "lines" the row numbers, and
``CsvPreview.where`` words a place as the sheet shows it ("sheet 'Experts', row 7, column C").

``import_rows`` merges instead of duplicating: a row is the same person as a roster expert
with the same e-mail address, else the same name (``names``). A non-empty cell replaces the
expert's value; an empty cell leaves it alone, so a sheet without a bio column never wipes
bios. An ``ID`` column (as export writes it) names new experts; it is not used to match.
"""

from __future__ import annotations

import copy
import csv
import dataclasses
import io
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from presskit.library.csv_columns import (
    FIELD_LABELS,
    detect_mapping,
    mapping_errors,
    split_topics,
    unprotect_cell,
)
from presskit.library.merge import FieldChange, expert_changes
from presskit.library.names import as_first_last, email_key, name_key, split_honorific
from presskit.library.roster import Roster
from presskit.library.text_files import decode, read_file
from presskit.library.workbook_archive import WorkbookError, column_letters, is_workbook
from presskit.library.workbooks import SheetRows, read_sheets
from presskit.model.ids import is_valid_id, slugify, unique_id
from presskit.model.kit import Expert
from presskit.model.limits import MAX_CSV_COLUMNS
from presskit.model.problems import PresskitError
from presskit.model.validation import EMAIL_PATTERN

#: How many rows the mapping step shows.
PREVIEW_ROWS = 5
DELIMITERS = (",", ";", "\t")
#: How much of the file ``csv.Sniffer`` looks at.
_SNIFF_CHARS = 4096
#: Names of workbook files: one that is not a zip archive is not read as text.
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".ods", ".xls")
#: A name longer than this is almost surely a bio or a whole row in the wrong column.
MAX_NAME_LENGTH = 150

#: A column → field mapping: one field name (see ``csv_columns.FIELDS``) or ``None`` per column.
ColumnMapping = Sequence[str | None]


class CsvImportError(PresskitError):
    """The file cannot be imported at all (no header, no name column…)."""


@dataclass(frozen=True)
class CsvRow:
    #: The row number a spreadsheet shows (the header is row 1; blank rows count).
    number: int
    #: The line of the file the row starts on (a quoted line break makes them differ).
    line: int
    cells: tuple[str, ...]


@dataclass(frozen=True)
class CsvPreview:
    """What ``sniff`` found: enough to show the mapping step and then import."""

    source: str
    encoding: str
    delimiter: str
    headers: tuple[str, ...]
    #: The line the header row is on.
    header_line: int
    #: Every non-blank data row, in order.
    rows: tuple[CsvRow, ...]
    detected_mapping: tuple[str | None, ...]
    #: The folder relative photo paths are read against.
    folder: Path | None = None
    #: For a workbook: the sheet read, every sheet with rows to import, and the sheet column
    #: (1 = A) of the first heading.
    sheet: str = ""
    sheets: tuple[str, ...] = ()
    first_column: int = 1

    @property
    def first_rows(self) -> tuple[CsvRow, ...]:
        return self.rows[:PREVIEW_ROWS]

    @property
    def delimiter_name(self) -> str:
        return {",": "comma", ";": "semicolon", "\t": "tab"}.get(self.delimiter, self.delimiter)

    @property
    def is_workbook(self) -> bool:
        return bool(self.sheet)

    @property
    def layout(self) -> str:
        """``comma-separated, utf-8`` or ``sheet 'Experts' (1 of 3)``."""
        if self.is_workbook:
            of = f" (1 of {len(self.sheets)})" if len(self.sheets) > 1 else ""
            if len(self.sheets) > 1 and self.sheet in self.sheets:
                of = f" ({self.sheets.index(self.sheet) + 1} of {len(self.sheets)})"
            return f"sheet {self.sheet!r}{of}"
        return f"{self.delimiter_name}-separated, {self.encoding}"

    def column_name(self, column: int) -> str:
        """The letter(s) a spreadsheet shows over the ``column``-th heading (from 0)."""
        return column_letters(self.first_column + column)

    def where(self, row: int, line: int, column: int | None = None) -> str:
        """``row 7 (line 9)`` in a CSV file, ``sheet 'Experts', row 7, column C`` in a
        workbook."""
        if self.is_workbook:
            place = f"sheet {self.sheet!r}, row {row}"
            return place + (f", column {self.column_name(column)}" if column is not None
                            else "")
        return f"row {row}" + (f" (line {line})" if line != row else "")


@dataclass(frozen=True)
class RowNote:
    """Why a row was skipped, or something worth a look in a row that was imported."""

    row: int
    line: int
    message: str
    #: The column (from 0, as in ``CsvPreview.headers``) the note is about, if one.
    column: int | None = None


@dataclass
class ImportResult:
    """The merged roster and what happened to each row."""

    roster: Roster
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[RowNote] = field(default_factory=list)
    #: Things imported with a doubt (an e-mail address that does not look like one…).
    notes: list[RowNote] = field(default_factory=list)
    #: What changed for each updated expert id.
    changes: dict[str, list[FieldChange]] = field(default_factory=dict)

    def summary(self) -> str:
        """``"2 added, 1 updated, 0 unchanged, 1 skipped"``."""
        return (f"{len(self.added)} added, {len(self.updated)} updated, "
                f"{len(self.unchanged)} unchanged, {len(self.skipped)} skipped")


def sniff(source: Path | bytes | str, name: str = "", sheet: str | None = None) -> CsvPreview:
    """Read a spreadsheet (a path, its bytes or its text) up to the point of choosing columns.

    A workbook's ``sheet`` (by name) is read, by default its first sheet with rows; a CSV file
    has no sheets, so naming one is an error.
    """
    folder = None
    if isinstance(source, Path):
        data: bytes | str = read_file(source, "spreadsheet")
        name, folder = name or str(source), source.parent
    else:
        data = source
    name = name or "the spreadsheet"
    if isinstance(data, bytes) and is_workbook(data):
        previews = _sheet_previews(data, name, folder)
        if sheet is None:
            return previews[0]
        found = next((p for p in previews if p.sheet == sheet), None)
        if found is None:
            raise CsvImportError(f"{name} has no sheet {sheet!r} with rows to import; its "
                                 f"sheets: {', '.join(repr(p.sheet) for p in previews)}")
        return found
    _not_a_workbook(source, name)
    if sheet is not None:
        raise CsvImportError(f"{name} is a CSV file, which has no sheets (--sheet {sheet!r})")
    text, encoding = decode(data) if isinstance(data, bytes) else (data, "text")
    delimiter = detect_delimiter(text)
    return _preview(name, _records(text, delimiter), encoding=encoding, delimiter=delimiter,
                    folder=folder)


def sniff_sheets(source: Path | bytes, name: str = "") -> list[CsvPreview]:
    """Every sheet of a workbook that has rows to import, or the one preview of a CSV file."""
    folder = None
    if isinstance(source, Path):
        data = read_file(source, "spreadsheet")
        name, folder = name or str(source), source.parent
    else:
        data = source
    name = name or "the spreadsheet"
    if is_workbook(data):
        return _sheet_previews(data, name, folder)
    _not_a_workbook(source, name)
    # The bytes, not the path, so the file is read once; the folder is the file's, so photo
    # paths are read beside the sheet (as ``sniff(path)`` reads them), not beside the app.
    return [dataclasses.replace(sniff(data, name), folder=folder)]


def _not_a_workbook(source: object, name: str) -> None:
    """Refuse a file named as a workbook that is not one, rather than read it as text."""
    if isinstance(source, Path) and source.suffix.lower() in WORKBOOK_SUFFIXES:
        raise CsvImportError(f"{name} is not a {source.suffix.lower()} workbook (its contents "
                             "are neither a zip archive nor an Excel file); is it damaged, "
                             "or saved under the wrong name?")


def _sheet_previews(data: bytes, name: str, folder: Path | None) -> list[CsvPreview]:
    try:
        sheets = read_sheets(data, name)
    except WorkbookError as exc:
        raise CsvImportError(str(exc)) from None
    previews: list[CsvPreview] = []
    problems: list[str] = []
    for sheet in sheets:
        try:
            previews.append(_preview(
                f"{name}, sheet {sheet.name!r}", _sheet_records(sheet), encoding="",
                delimiter="", folder=folder, sheet=sheet.name,
                first_column=sheet.first_column))
        except CsvImportError as exc:
            problems.append(str(exc))
    if not previews:
        if len(problems) == 1:
            raise CsvImportError(problems[0])
        raise CsvImportError(f"{name} has no sheet with rows to import: the first row of a "
                             "sheet should name the columns (Name, Title, Email…)")
    names = tuple(p.sheet for p in previews)
    return [dataclasses.replace(p, source=name, sheets=names) for p in previews]


def _sheet_records(sheet: SheetRows) -> list[tuple[int, int, list[str]]]:
    return [(sheet.first_row + i, sheet.first_row + i, cells)
            for i, cells in enumerate(sheet.rows)]


def _preview(
    name: str, records: list[tuple[int, int, list[str]]], *, encoding: str, delimiter: str,
    folder: Path | None, sheet: str = "", first_column: int = 1,
) -> CsvPreview:
    header = next(((n, line, cells) for n, line, cells in records if not _blank(cells)), None)
    if header is None:
        raise CsvImportError(f"{name} has no rows: the first row should name the columns "
                             "(Name, Title, Email…)")
    header_number, header_line, header_cells = header
    if len(header_cells) > MAX_CSV_COLUMNS:
        raise CsvImportError(
            f"{name} has {len(header_cells):,} columns in its first row, more than the "
            f"{MAX_CSV_COLUMNS} presskit imports; keep the columns about experts (Name, "
            "Title, Email…) and save it again")
    headers = tuple(cell.strip() for cell in header_cells)
    rows = tuple(
        CsvRow(n, line, tuple(cells)) for n, line, cells in records
        if n > header_number and not _blank(cells)
    )
    return CsvPreview(
        source=name, encoding=encoding, delimiter=delimiter, headers=headers,
        header_line=header_line, rows=rows, detected_mapping=tuple(detect_mapping(headers)),
        folder=folder, sheet=sheet, first_column=first_column,
    )


def detect_delimiter(text: str) -> str:
    """Comma, semicolon or tab: the one that splits the first rows most consistently."""
    sample = "\n".join(text.splitlines()[:50])
    candidates: list[str] = []
    try:
        # The sniffer's patterns take time quadratic in a line's length (a 300 kB line of
        # '"",' took minutes): it gets the first few kB, the counts below see the sample.
        sniffed = csv.Sniffer().sniff(sample[:_SNIFF_CHARS],
                                      delimiters="".join(DELIMITERS)).delimiter
        candidates.append(sniffed)
    except csv.Error:
        pass
    first = next((line for line in sample.splitlines() if line.strip()), "")
    counts = _count_outside_quotes(first)
    candidates += sorted(DELIMITERS, key=lambda d: -counts[d])
    return max(dict.fromkeys(candidates), key=lambda d: _consistency(sample, d))


def _count_outside_quotes(line: str) -> dict[str, int]:
    counts = dict.fromkeys(DELIMITERS, 0)
    quoted = False
    for ch in line:
        if ch == '"':
            quoted = not quoted
        elif not quoted and ch in counts:
            counts[ch] += 1
    return counts


def _consistency(sample: str, delimiter: str) -> tuple[bool, float, int]:
    """(splits the header at all, share of rows as wide as the header, header width)."""
    rows = [cells for _n, _line, cells in _records(sample, delimiter) if not _blank(cells)]
    if not rows:
        return False, 0.0, 0
    width = len(rows[0])
    same = sum(1 for cells in rows[1:] if len(cells) == width)
    # Split by the delimiter outside quotes: a ';' only inside a quoted heading ("Title; role")
    # splits the header for a reader that does not know that is the quoting, but not for us.
    header = next(line for line in sample.splitlines() if line.strip())
    splits = width > 1 and _count_outside_quotes(header)[delimiter] > 0
    return splits, same / max(len(rows) - 1, 1), width


def _records(text: str, delimiter: str) -> list[tuple[int, int, list[str]]]:
    """(spreadsheet row number, first line, cells) for every record, blank ones included."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)
    records = []
    previous_line = 0
    try:
        for number, cells in enumerate(reader, start=1):
            # A quoted cell keeps the file's own line breaks: "\r\n", or a lone "\r" from an
            # old Mac export, which would stay in a bio (and the plain-text twin) as is.
            cells = [c.replace("\r\n", "\n").replace("\r", "\n") if "\r" in c else c
                     for c in cells]
            records.append((number, previous_line + 1, cells))
            previous_line = reader.line_num
    except csv.Error as exc:  # with strict=False: a cell past the csv module's field limit
        # ``line_num`` already counts the line being read: it is the line of the long cell.
        raise CsvImportError(f"line {reader.line_num}: {exc}") from None
    return records


def _blank(cells: Sequence[str]) -> bool:
    return not any(cell.strip() for cell in cells)


def import_rows(preview: CsvPreview, mapping: ColumnMapping, roster: Roster) -> ImportResult:
    """Merge the rows of ``preview`` into a copy of ``roster``, columns read as ``mapping``.

    Raises ``CsvImportError`` if the mapping cannot work (no name column, a field twice).
    """
    errors = mapping_errors(mapping)
    if errors:
        raise CsvImportError(f"{preview.source}: " + "; ".join(errors))
    merged = copy.deepcopy(roster)
    result = ImportResult(merged)
    _RowImporter(preview, list(mapping), result).run()
    return result


class _RowImporter:
    def __init__(self, preview: CsvPreview, mapping: list[str | None], result: ImportResult):
        self.preview = preview
        self.mapping = mapping
        self.result = result
        self.roster = result.roster
        #: Expert id → the row that first touched it in this file.
        self.seen: dict[str, int] = {}
        self.header_keys = [h.casefold() for h in preview.headers]
        # Look-ups by key, so a sheet of thousands of rows is not quadratic.
        self.by_email: dict[str, Expert] = {}
        self.by_name: dict[str, Expert] = {}
        for expert in reversed(self.roster.experts):  # the first of duplicates wins
            self._index(expert)
        self.taken = {e.id for e in self.roster.experts}

    def _index(self, expert: Expert) -> None:
        if email_key(expert.email):
            self.by_email[email_key(expert.email)] = expert
        if name_key(expert.name):
            self.by_name[name_key(expert.name)] = expert

    def _find(self, email: str, name: str) -> Expert | None:
        """Same e-mail address first, then same name (as ``Roster.find``)."""
        found = self.by_email.get(email_key(email)) if email_key(email) else None
        return found or (self.by_name.get(name_key(name)) if name_key(name) else None)

    def run(self) -> None:
        for row in self.preview.rows:
            reason = self._import(row)
            if reason:
                self.result.skipped.append(RowNote(row.number, row.line, reason))

    def _note(self, row: CsvRow, message: str, field_name: str | None = None) -> None:
        column = self.mapping.index(field_name) if field_name in self.mapping else None
        self.result.notes.append(RowNote(row.number, row.line, message, column))

    def _values(self, row: CsvRow) -> dict[str, str]:
        values: dict[str, str] = {}
        for column, field_name in enumerate(self.mapping):
            if field_name is not None and column < len(row.cells):
                cell = unprotect_cell(
                    row.cells[column].replace("\r\n", "\n").replace("\r", "\n").strip())
                values[field_name] = cell
        return values

    def _import(self, row: CsvRow) -> str:
        """Import one row; the reason it was skipped, or ``""``."""
        if [c.strip().casefold() for c in row.cells] == self.header_keys:
            return "it repeats the header row"
        values = self._values(row)
        if not any(values.values()):
            return "the columns being imported are empty in this row"
        overflow = [c.strip() for c in row.cells[len(self.mapping):] if c.strip()]
        if overflow:
            # Usually an unquoted delimiter inside a cell shifted the row: say so rather than
            # drop what fell off the end.
            shown = ", ".join(repr(c[:40]) for c in overflow)
            self._note(row, f"{len(overflow)} cell(s) beyond the last column were not "
                            f"imported ({shown}); is a value containing the delimiter "
                            "missing its quotes?")
        # "Rosenberg, Elizabeth", as directories and exports write names, is stored (and
        # matched) as "Elizabeth Rosenberg"; anything less clear-cut is kept as written. A
        # row with a presskit id comes from presskit's own export: its name is already
        # stored as the person wants it, comma or not.
        written = values.get("name", "")
        name = (written if values.get("id") else as_first_last(written)) or " ".join(
            part for part in (values.get("first_name", ""), values.get("last_name", "")) if part
        )
        email = values.get("email", "")
        if email.lower().startswith("mailto:"):
            email = email[len("mailto:"):].strip()
        existing = self._find(email, name)
        if not name and existing is None:
            return "it has no name" + (f" (e-mail {email})" if email else "")
        if name and not any(ch.isalnum() for ch in name):
            return f"the name {name!r} has no letters in it"
        if "\n" in name:
            return (f"the name {name.splitlines()[0]!r}… runs over several lines; is the "
                    f"right column mapped to {FIELD_LABELS['name']!r}?")
        if len(name) > MAX_NAME_LENGTH:
            return (f"the name is {len(name)} characters long; is the right column mapped to "
                    f"{FIELD_LABELS['name']!r}?")
        if existing is not None and existing.id in self.seen:
            return (f"it is the same person as row {self.seen[existing.id]} "
                    f"({existing.name}); only the first row is imported")
        if email and not EMAIL_PATTERN.match(email):
            self._note(row, f"{email!r} does not look like an e-mail address (imported as is)",
                       "email")
        incoming = self._expert(row, values, name, email, existing)
        if existing is None:
            self.roster.experts.append(incoming)
            self._index(incoming)
            self.result.added.append(incoming.id)
            self.seen[incoming.id] = row.number
            return ""
        self.seen[existing.id] = row.number
        # The same name or address written another way ("DUYEON KIM") is not a change.
        if name_key(incoming.name) == name_key(existing.name):
            incoming.name = existing.name
        if email_key(incoming.email) == email_key(existing.email):
            incoming.email = existing.email
        changes = expert_changes(existing, incoming, skip_empty=True)
        for change in changes:
            setattr(existing, change.field, copy.deepcopy(change.new))
        self._index(existing)
        if changes:
            self.result.updated.append(existing.id)
            self.result.changes[existing.id] = changes
        else:
            self.result.unchanged.append(existing.id)
        return ""

    def _expert(
        self, row: CsvRow, values: dict[str, str], name: str, email: str, existing: Expert | None
    ) -> Expert:
        honorific = values.get("honorific", "")
        if "honorific" not in self.mapping:
            honorific, name = split_honorific(name)
        expert = Expert(
            id=existing.id if existing is not None else self._new_id(values.get("id", ""), name),
            name=name if name or existing is None else existing.name,
            honorific=honorific,
            pronouns=values.get("pronouns", ""),
            title=values.get("title", ""),
            program=values.get("program", ""),
            bio=values.get("bio", ""),
            email=email,
            phone=values.get("phone", ""),
            topics=split_topics(values.get("topics", "")),
        )
        photo = values.get("photo", "")
        if photo.lower().startswith(("http://", "https://")):
            self._note(row, f"the photo {photo!r} is a web address; presskit needs an image "
                       "file, so it was left out", "photo")
        elif photo:
            folder = self.preview.folder or Path.cwd()
            full = os.path.join(os.path.abspath(folder), os.path.expanduser(photo))
            expert.photo = Path(os.path.normpath(full))
        return expert

    def _new_id(self, wanted: str, name: str) -> str:
        if not (wanted and is_valid_id(wanted) and wanted not in self.taken):
            wanted = unique_id(slugify(name, "expert"), self.taken)
        self.taken.add(wanted)
        return wanted


def mapping_problems(preview: CsvPreview, mapping: ColumnMapping) -> list[str]:
    """Why ``mapping`` cannot import ``preview`` (for the mapping step's OK button)."""
    problems = mapping_errors(mapping)
    if len(mapping) != len(preview.headers):
        problems.append(f"the mapping has {len(mapping)} columns but the file has "
                        f"{len(preview.headers)}")
    return problems
