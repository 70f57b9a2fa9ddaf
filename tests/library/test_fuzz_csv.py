"""Whatever a spreadsheet holds, importing it gives a roster or a ``CsvImportError`` that names
the line, and every skipped row or note names its row and line: no other exception, no hang."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from support.fuzz_settings import FUZZ, mutated, mutated_bytes, watchdog
from support.roster_data import dozen_experts

from presskit.library.csv_export import dumps_csv
from presskit.library.csv_import import CsvImportError, import_rows, sniff
from presskit.library.roster import Roster

ROSTER = dozen_experts()
SEEDS = [
    dumps_csv(ROSTER.experts, Path.cwd()),
    dumps_csv(ROSTER.experts[:3], Path.cwd()).replace(",", ";"),
    "Name\tE-mail\tAreas of expertise\nDuyeon Kim\tdkim@example.org\t\"North Korea, talks\"\n",
    'First name,Last name,Bio\nAmara,Okafor,"Line one\nline two, with ""quotes"""\n',
]
SOURCE = "experts.csv"
#: Where a refusal is about a place in the file, or about the header row as a whole.
PLACED = re.compile(rf"^(line \d+: |{re.escape(SOURCE)}[: ])")


def assert_imports_or_is_refused_at_a_line(data: bytes, roster: Roster) -> None:
    with watchdog(data):
        try:
            preview = sniff(data, SOURCE)
            result = import_rows(preview, preview.detected_mapping, roster)
        except CsvImportError as exc:
            assert PLACED.match(str(exc)), (str(exc), data)
            return
    for note in (*result.skipped, *result.notes):
        assert note.row >= 1 and note.line >= 1 and note.message, (note, data)
    assert len(result.roster.experts) >= len(roster.experts)


@FUZZ
@given(mutated(SEEDS), st.booleans(), st.sampled_from(["utf-8", "utf-16", "cp1252"]))
def test_a_mutated_spreadsheet_imports_or_is_refused_at_a_line(
        text: str, into_roster: bool, encoding: str) -> None:
    data = text.encode(encoding, errors="replace") if encoding != "utf-8" else text.encode(
        "utf-8", "surrogatepass")
    assert_imports_or_is_refused_at_a_line(data, ROSTER if into_roster else Roster())


@FUZZ
@given(mutated_bytes([seed.encode("utf-8") for seed in SEEDS]))
def test_mutated_spreadsheet_bytes_import_or_are_refused_at_a_line(data: bytes) -> None:
    assert_imports_or_is_refused_at_a_line(data, Roster())





# -- what the fuzzing and the hostile-input tests found ----------------------------------------

def test_a_300_kb_line_of_empty_quoted_cells_is_read_without_hanging() -> None:
    # csv.Sniffer's patterns are quadratic in a line's length: this took minutes.
    assert_imports_or_is_refused_at_a_line(b'Name,Email\n' + b'"",' * 100_000, Roster())
