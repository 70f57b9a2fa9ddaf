"""Exporting the roster to a spreadsheet and importing it back gives the same experts."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from presskit.library.csv_export import dumps_csv, export_csv
from presskit.library.csv_import import import_rows, sniff
from presskit.library.names import email_key, name_key
from presskit.library.roster import Roster
from presskit.library.roster_file import save_roster
from presskit.model import Expert
from presskit.storage import StorageError

# Text a person could type into one spreadsheet cell: any script, punctuation, quotes,
# delimiters; no control characters; no spaces at either end (spreadsheets trim them).
_CELL_CHARS = st.characters(blacklist_categories=("Cc", "Cs", "Co", "Cn", "Zl", "Zp"))
cell = st.text(_CELL_CHARS, max_size=40).map(str.strip)
name = cell.filter(lambda n: any(ch.isalnum() for ch in n) and len(n) <= 150)
topic = cell.filter(lambda t: t and ";" not in t)
bio = st.lists(cell, max_size=3).map("\n\n".join).map(str.strip)


@st.composite
def experts(draw: st.DrawFn) -> list[Expert]:
    people = draw(st.lists(
        st.builds(
            Expert, id=st.just(""), name=name, honorific=cell, pronouns=cell, title=cell,
            program=cell, bio=bio, phone=cell, topics=st.lists(topic, max_size=4),
            email=st.sampled_from(["", "x"]),
        ),
        max_size=5,
        unique_by=lambda e: name_key(e.name),
    ))
    for number, person in enumerate(people, start=1):
        person.id = f"expert-{number}"
        if person.email:
            person.email = f"person{number}@example.org"
    return people


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(experts())
def test_any_roster_exported_to_csv_imports_back_to_the_same_experts(people: list[Expert]
                                                                     ) -> None:
    text = dumps_csv(people, Path("/tmp"))
    preview = sniff(("\ufeff" + text).encode("utf-8"))
    result = import_rows(preview, preview.detected_mapping, Roster())
    assert result.skipped == []
    assert result.roster.experts == people


def test_export_writes_utf8_with_a_bom_and_crlf_so_excel_opens_it(tmp_path: Path) -> None:
    path = tmp_path / "roster.csv"
    export_csv(Roster(experts=[Expert(id="a", name="Ольга Иванова")]), path)
    data = path.read_bytes()
    assert data.startswith(codecs.BOM_UTF8)
    assert data.decode("utf-8-sig").split("\r\n")[:2] == [
        "Name,Honorific,Pronouns,Title,Program,Email,Phone,Topics,Bio,Photo,ID",
        "Ольга Иванова,,,,,,,,,,a",
    ]


def test_cells_a_spreadsheet_would_run_as_formulas_are_protected_and_come_back(
    tmp_path: Path,
) -> None:
    sneaky = Expert(id="x", name="=HYPERLINK(\"http://evil\")", phone="+1 202 555 0100")
    text = dumps_csv([sneaky], tmp_path)
    assert "'=HYPERLINK" in text and "'+1 202 555 0100" in text
    preview = sniff(text)
    assert import_rows(preview, preview.detected_mapping, Roster()).roster.experts == [sneaky]


def test_a_single_topic_with_commas_survives_the_round_trip(tmp_path: Path) -> None:
    expert = Expert(id="r", name="Elizabeth Rosenberg",
                    topics=["Energy, Economics, and Security"])
    preview = sniff(dumps_csv([expert], tmp_path))
    assert import_rows(preview, preview.detected_mapping, Roster()).roster.experts == [expert]


def test_photos_are_written_relative_to_the_csv_and_found_again(tmp_path: Path) -> None:
    expert = Expert(id="k", name="Duyeon Kim", photo=tmp_path / "photos" / "kim.jpg")
    path = tmp_path / "export" / "roster.csv"
    path.parent.mkdir()
    export_csv(Roster(experts=[expert]), path)
    assert "../photos/kim.jpg" in path.read_text(encoding="utf-8-sig")
    preview = sniff(path)
    assert import_rows(preview, preview.detected_mapping, Roster()).roster.experts == [expert]


def test_reimporting_an_export_into_the_same_roster_changes_nothing(tmp_path: Path) -> None:
    roster = Roster(experts=[Expert(id="k", name="Duyeon Kim", email="dkim@example.org",
                                    topics=["North Korea"])])
    path = tmp_path / "roster.csv"
    export_csv(roster, path)
    preview = sniff(path)
    result = import_rows(preview, preview.detected_mapping, roster)
    assert result.summary() == "0 added, 0 updated, 1 unchanged, 0 skipped"
    assert result.roster == roster
    assert email_key(result.roster.experts[0].email) == "dkim@example.org"


def test_a_spreadsheet_is_never_written_over_the_roster_it_is_made_from(tmp_path: Path) -> None:
    roster_file = tmp_path / "roster.yaml"
    save_roster(Roster(experts=[Expert(id="ann", name="Ann Lee")]), roster_file)
    kept = roster_file.read_bytes()
    link = tmp_path / "roster-link.csv"
    link.symlink_to(roster_file)
    for target in (roster_file, link):
        with pytest.raises(StorageError) as refused:
            export_csv(Roster(), target, roster_file=roster_file)
        assert str(refused.value) == (
            f"{target} is the roster itself ({roster_file}); writing the spreadsheet there "
            "would replace the roster: choose another file name")
    assert roster_file.read_bytes() == kept
