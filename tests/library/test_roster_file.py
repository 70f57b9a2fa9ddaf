"""The roster file: kept per user (or where Preferences say), readable, safely written, and
refused with file:line:col messages when it is broken."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from support.examples import CNAS_KIT

from presskit.library.paths import ROSTER_ENV, default_roster_path, roster_path
from presskit.library.roster import BrandPreset, Roster, search
from presskit.library.roster_file import (
    RosterFileError,
    dumps_roster,
    load_roster,
    loads_roster,
    save_roster,
)
from presskit.model import Approval, ApprovalState, Expert, Quote
from presskit.storage import load_kit


@pytest.fixture
def cnas_roster() -> Roster:
    kit = load_kit(CNAS_KIT).kit
    return Roster(experts=kit.experts, quotes=kit.quotes, brands=[BrandPreset("CNAS", kit.brand)])


def test_the_roster_lives_in_the_per_user_data_folder_unless_chosen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(ROSTER_ENV, raising=False)
    assert roster_path() == default_roster_path()
    assert default_roster_path().name == "roster.yaml"
    assert "presskit" in default_roster_path().parts
    shared = tmp_path / "team" / "experts.yaml"
    assert roster_path(shared) == shared  # Preferences → a shared team folder
    (tmp_path / "team").mkdir()
    assert roster_path(tmp_path / "team") == tmp_path / "team" / "roster.yaml"
    monkeypatch.setenv(ROSTER_ENV, str(shared))
    assert roster_path() == shared
    assert roster_path(tmp_path / "mine.yaml") == tmp_path / "mine.yaml"  # choice beats env


def test_a_roster_that_does_not_exist_yet_is_empty() -> None:
    loaded = load_roster(default_roster_path())
    assert loaded.roster == Roster() and loaded.problems == []


def test_save_then_load_gives_the_same_roster_and_the_same_bytes(
    tmp_path: Path, cnas_roster: Roster
) -> None:
    path = tmp_path / "new" / "folder" / "roster.yaml"
    save_roster(cnas_roster, path)  # creates the folder
    loaded = load_roster(path)
    assert loaded.problems == []
    assert loaded.roster == cnas_roster
    save_roster(loaded.roster, path)
    assert dumps_roster(load_roster(path).roster, path) == path.read_text(encoding="utf-8")


def test_the_file_nests_each_experts_quotes_and_reads_like_a_kit(
    tmp_path: Path, cnas_roster: Roster
) -> None:
    text = dumps_roster(cnas_roster, tmp_path / "roster.yaml")
    assert text.startswith("presskit-roster: 1\nexperts:\n- id: duyeon-kim\n")
    assert "  quotes:\n  - id: kim-summit-framing\n    text: |-\n" in text
    assert "expert: duyeon-kim" not in text  # a banked quote sits under its expert
    assert "brands:\n- name: CNAS\n  organisation: Center for a New American Security" in text


def test_paths_in_the_roster_are_relative_to_it_so_a_shared_folder_can_move(
    tmp_path: Path,
) -> None:
    roster = Roster(experts=[Expert(id="k", name="Duyeon Kim",
                                    photo=tmp_path / "team" / "photos" / "kim.jpg")])
    path = tmp_path / "team" / "roster.yaml"
    save_roster(roster, path)
    assert "photo: photos/kim.jpg" in path.read_text(encoding="utf-8")
    moved = tmp_path / "elsewhere"
    (tmp_path / "team").rename(moved)
    assert load_roster(moved / "roster.yaml").roster.experts[0].photo == \
        moved / "photos" / "kim.jpg"


def test_unknown_keys_are_kept_with_a_warning(tmp_path: Path) -> None:
    text = ("presskit-roster: 1\nexperts:\n- id: kim\n  name: Duyeon Kim\n  twitter: '@dkim'\n"
            "office: 3rd floor\n")
    loaded = loads_roster(text, tmp_path / "roster.yaml")
    assert [p.message for p in loaded.problems] == [
        "unknown key 'twitter' in experts[0] (kept as is)",
        "unknown key 'office' at the top level (kept as is)",
    ]
    assert dumps_roster(loaded.roster, tmp_path / "roster.yaml") == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("presskit-roster: 1\nexperts:\n- id: kim\n  name: A\n- id: kim\n  name: B\n",
         "roster.yaml:5:7: error: experts[1].id: duplicate expert id 'kim' (first at line 3)"),
        ("presskit-roster: 1\nexperts:\n- id: kim\n  title: Fellow\n",
         "roster.yaml:3:3: error: experts[0]: missing required field 'name'"),
        ("presskit-roster: 1\nexperts:\n- id: kim\n  name: A\n  quotes:\n  - id: q\n"
         "    approval: {state: maybe}\n",
         "roster.yaml:6:5: error: experts[0].quotes[0]: missing required field 'text'"),
        ("presskit-roster: 1\nexperts:\n- id: kim\n  name: A\n  topics: North Korea\n",
         "roster.yaml:5:11: error: experts[0].topics: expected a list, got 'North Korea'"),
        ("presskit-roster: 1\nexperts:\n- id: 'not an id'\n  name: A\n",
         "roster.yaml:3:7: error: experts[0].id: 'not an id' is not a valid id"),
        ("presskit-roster: 1\nbrands:\n- name: House\n- name: house\n",
         "roster.yaml:4:9: error: brands[1]: duplicate brand preset name 'house'"),
        ("presskit-roster: 2\n",
         "roster.yaml:1:18: error: this roster was written by a newer presskit (roster format "
         "version 2)"),
        ("presskit: 1\nkit: {title: T}\n",
         "roster.yaml:1:1: error: missing required field 'presskit-roster': this is a kit"),
        ("presskit-roster: 1\nexperts: [\n",
         "roster.yaml:3:1: error: invalid YAML"),
        ("presskit-roster: 1\nexperts:\n- &a {id: kim, name: A}\n",
         "roster.yaml:3:3: error: YAML anchors/aliases are not supported (&a)"),
    ],
)
def test_a_broken_roster_is_refused_with_where_and_what(
    tmp_path: Path, text: str, expected: str
) -> None:
    path = tmp_path / "roster.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RosterFileError) as caught:
        load_roster(path)
    assert str(caught.value).replace(f"{tmp_path}/", "").startswith(expected), str(caught.value)


def test_a_roster_that_is_not_utf8_is_refused_at_the_first_bad_byte(tmp_path: Path) -> None:
    path = tmp_path / "roster.yaml"
    path.write_bytes("presskit-roster: 1\nexperts:\n- id: z\n  name: Zoë\n".encode("cp1252"))
    with pytest.raises(RosterFileError, match=r"roster.yaml:4:11: error: .*not UTF-8"):
        load_roster(path)


def test_banked_quotes_keep_their_approval_topic_and_date(tmp_path: Path) -> None:
    quote = Quote(id="q1", expert="kim", text="Talks must go on.", topic="North Korea",
                  date=dt.date(2019, 9, 19),
                  approval=Approval(ApprovalState.APPROVED, "Duyeon Kim", dt.date(2019, 9, 19)))
    roster = Roster(experts=[Expert(id="kim", name="Duyeon Kim")], quotes=[quote])
    path = tmp_path / "roster.yaml"
    save_roster(roster, path)
    assert load_roster(path).roster.quotes == [quote]


@pytest.mark.parametrize(
    ("query", "found"),
    [("kim", ["duyeon-kim"]), ("asia", ["duyeon-kim", "kristine-lee", "van-jackson"]),
     ("SANCTIONS", ["elizabeth-rosenberg", "neil-bhatiya"]),  # a topic
     ("energy fellow associate", ["neil-bhatiya"]),           # every word, any field
     ("summit diplomacy", ["van-jackson"]),                   # a banked quote's topic
     ("", ["duyeon-kim", "elizabeth-rosenberg", "kristine-lee", "van-jackson",
           "neil-bhatiya"])],
)
def test_roster_search_looks_through_name_title_program_and_topics(
    cnas_roster: Roster, query: str, found: list[str]
) -> None:
    assert [e.id for e in search(cnas_roster, query)] == found


def test_search_ignores_accents() -> None:
    roster = Roster(experts=[Expert(id="g", name="María José García")])
    assert [e.id for e in search(roster, "maria garcia")] == ["g"]


def problems_of(text: str) -> list[tuple[str, str, tuple[str | int, ...], int, int]]:
    with pytest.raises(RosterFileError) as caught:
        loads_roster(text, Path("/roster.yaml"))
    return [(p.severity.value, p.message, p.where, p.line, p.column)  # type: ignore[attr-defined]
            for p in caught.value.problems]


def test_every_fault_of_a_broken_roster_is_said_in_its_words_at_its_line_and_place() -> None:
    text = ("presskit-roster: 1\nexperts:\n"
            "- id: kim\n  name: Duyeon Kim\n  email: dkim@example.org\n"
            "- id: kim\n  name: Van Jackson\n  email: DKim@Example.org\n"
            "- id: lee\n  name: Kristine Lee\n  email: lee@example.org\n"
            "- id: 'no id'\n  name: Anna\n"
            "brands:\n- name:\n- colors: {primary: '#112233'}\n- name: House\n")
    assert problems_of(text) == [
        ("error", "experts[1].id: duplicate expert id 'kim' (first at line 3)",
         ("experts", 1, "id"), 6, 7),
        ("error", "experts[3].id: 'no id' is not a valid id: use letters, digits, '-', '_' "
         "or '.'", ("experts", 3, "id"), 12, 7),
        ("error", "brands[0]: missing required field 'name' (what the preset is called)",
         ("brands", 0, "name"), 15, 8),
        ("error", "brands[1]: missing required field 'name' (what the preset is called)",
         ("brands", 1, "name"), 16, 3),
        ("warning", "experts[1]: 'Van Jackson' has the same e-mail address as 'Duyeon Kim'; "
         "imports will update the first one", ("experts", 1, "email"), 8, 10),
    ]


@pytest.mark.parametrize(("text", "expected"), [
    ("presskit-roster: one\n",
     ("error", "presskit-roster: the roster format version must be a whole number like 1, got "
      "'one'", ("presskit-roster",), 1, 18)),
    ("presskit-roster: 0\n",
     ("error", "presskit-roster: there is no roster format version 0", ("presskit-roster",),
      1, 18)),
    ("- a\n- b\n",
     ("error", "expected a roster (key: value lines starting with 'presskit-roster: 1'), got "
      "a list", (), 1, 1)),
    ("presskit-roster: 1\nexperts: {a: 1}\n",
     ("error", "experts: expected a list of items (lines starting with '- '), got a mapping",
      ("experts",), 2, 10)),
    ("presskit-roster: 1\nexperts:\n- just text\n",
     ("error", "experts[0]: expected an item (key: value lines), got 'just text'",
      ("experts", 0), 3, 3)),
    ("title: x\n",
     ("error", "missing required field 'presskit-roster': a roster file starts with "
      "'presskit-roster: 1'", ("presskit-roster",), 1, 1)),
    ("presskit-roster: 1\nexperts:\n- id: kim\n  name: A\n  quotes:\n  - id: q\n    text: a\n"
     "  - id: q\n    text: b\n",
     ("error", "experts[0].quotes[1].id: duplicate quote id 'q' (first at line 6)",
      ("experts", 0, "quotes", 1, "id"), 8, 9)),
    ("presskit-roster: 1\nbrands:\n- name: [a, b]\n",
     ("error", "brands[0].name: expected text, got a list", ("brands", 0, "name"), 3, 9)),
])
def test_a_roster_of_the_wrong_shape_is_refused_with_one_whole_message(
    text: str, expected: tuple[str, str, tuple[str | int, ...], int, int]
) -> None:
    assert problems_of(text) == [expected]


def test_a_roster_with_yaml_it_refuses_still_gets_every_other_fault_in_file_order() -> None:
    # The reader walks experts before brands, and the YAML check runs before both: the
    # messages still come in the order of the file's lines.
    text = ("presskit-roster: 1\nbrands:\n- colors: {primary: '#112233'}\nexperts:\n"
            "- id: 'no id'\n  name: A\n- &a {id: kim, name: B}\n")
    assert problems_of(text) == [
        ("error", "brands[0]: missing required field 'name' (what the preset is called)",
         ("brands", 0, "name"), 3, 3),
        ("error", "experts[0].id: 'no id' is not a valid id: use letters, digits, '-', '_' "
         "or '.'", ("experts", 0, "id"), 5, 7),
        ("error", "YAML anchors/aliases are not supported (&a)", (), 7, 3),
    ]
