"""A roster shared by a team, from the command line: colleagues importing at the same moment
keep every expert, a colleague's change in progress is waited for and then named, the roster
is never overwritten by its own export, and nothing from it reaches the terminal raw."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import pytest

from presskit.cli.main import main
from presskit.library import roster_file
from presskit.library.roster import BrandPreset, Roster
from presskit.library.roster_file import load_roster, roster_lock_path, save_roster
from presskit.model.kit import Brand, Expert

#: Imports ``ROUNDS`` spreadsheets of one expert each into the roster, in one process.
IMPORTER = """
import sys
from pathlib import Path
from presskit.cli.main import main
roster, folder, tag, rounds = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3], int(sys.argv[4])
sys.stdin.readline()  # start together
for i in range(rounds):
    sheet = folder / f"{tag}-{i}.csv"
    sheet.write_text(f"Name,Email\\nExpert {tag} {i},{tag}{i}@example.org\\n")
    code = main(["roster", "import", str(sheet), "--roster", str(roster)])
    assert code == 0, code
print("done", flush=True)
"""
ROUNDS = 40

#: Holds the roster's lock until its standard input closes: a colleague's change in progress.
HOLDER = """
import sys
from pathlib import Path
from presskit.library.roster_file import roster_locked
with roster_locked(Path(sys.argv[1])):
    print("locked", flush=True)
    sys.stdin.read()
"""


def test_two_colleagues_importing_into_one_roster_at_once_keep_every_expert(
    tmp_path: Path,
) -> None:
    roster = tmp_path / "team" / "roster.yaml"
    importers = [
        subprocess.Popen([sys.executable, "-c", IMPORTER, str(roster), str(tmp_path), tag,
                          str(ROUNDS)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True)
        for tag in ("a", "b")
    ]
    for importer in importers:
        assert importer.stdin is not None
        importer.stdin.write("go\n")
        importer.stdin.flush()
    for importer in importers:
        out, err = importer.communicate(timeout=300)
        assert out.endswith("done\n"), err
    names = {e.name for e in load_roster(roster).roster.experts}
    assert names == {f"Expert {tag} {i}" for tag in "ab" for i in range(ROUNDS)}
    assert not roster_lock_path(roster).exists()


def test_a_change_waits_for_a_colleagues_and_then_says_who_is_changing_the_roster(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    roster = tmp_path / "roster.yaml"
    save_roster(Roster(experts=[Expert(id="ann", name="Ann")]), roster)
    before = roster.read_bytes()
    sheet = tmp_path / "new.csv"
    sheet.write_text("Name,Email\nBo Li,bo@example.org\n")
    monkeypatch.setattr(roster_file, "LOCK_WAIT_S", 0.3)
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(roster)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert holder.stdin is not None and holder.stdout is not None
    try:
        assert holder.stdout.readline() == "locked\n"
        assert main(["roster", "import", str(sheet), "--roster", str(roster)]) == 2
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
        holder.stdout.close()
    err = capsys.readouterr().err
    assert f"@{socket.gethostname()} (process {holder.pid}); try again\n" in err
    assert err.startswith("presskit: error: the roster is being changed by ")
    assert roster.read_bytes() == before
    # The colleague is done: the same import goes through.
    assert main(["roster", "import", str(sheet), "--roster", str(roster)]) == 0
    assert [e.name for e in load_roster(roster).roster.experts] == ["Ann", "Bo Li"]


def spellings(roster: Path) -> list[str]:
    link = roster.parent.parent / "link-to-roster.yaml"
    link.symlink_to(roster)
    return [str(roster), str(roster.parent / ".." / roster.parent.name / roster.name),
            str(link)]


def test_exporting_the_roster_over_itself_is_refused_and_the_roster_kept(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    roster = tmp_path / "team" / "roster.yaml"
    save_roster(Roster(experts=[Expert(id="ann", name="Ann")]), roster)
    before = roster.read_bytes()
    for output in spellings(roster):
        assert main(["roster", "export", output, "--roster", str(roster)]) == 2
        err = capsys.readouterr().err
        assert err == (f"presskit: error: {output} is the roster itself ({roster}); writing "
                       "the spreadsheet there would replace the roster: choose another file "
                       "name\n")
        assert roster.read_bytes() == before


HOSTILE = "\x1b]0;pwned\x07\x1b[2J"


def test_control_characters_from_a_roster_never_reach_the_terminal_raw(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    roster = tmp_path / "roster.yaml"
    save_roster(Roster(
        experts=[Expert(id="ann", name=f"Ann{HOSTILE}", title="Fellow\r\u202eevil")],
        brands=[BrandPreset(f"Brand{HOSTILE}", Brand(organisation=f"Org{HOSTILE}"))],
    ), roster)
    assert load_roster(roster).roster.experts[0].name == f"Ann{HOSTILE}"

    assert main(["roster", "list", "--roster", str(roster)]) == 0
    out = capsys.readouterr().out
    # A preset's name is read without its control characters (clean_preset_name): what is
    # left of the escape sequence is plain text.
    assert out == ("Ann\\x1b]0;pwned\\x07\\x1b[2J (ann) · Fellow\\x0d\\u202eevil\n"
                   "brand presets: Brand]0;pwned[2J\n")
    assert main(["brand", "list", "--roster", str(roster)]) == 0
    out = capsys.readouterr().out
    assert out == ("Brand]0;pwned[2J · Org\\x1b]0;pwned\\x07\\x1b[2J\n")

    # Messages quoting a file's name or contents are escaped too.
    odd = tmp_path / f"odd{HOSTILE}" / "roster.yaml"
    assert main(["roster", "list", "--roster", str(odd)]) == 0
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\x07" not in err
    assert "odd\\x1b]0;pwned\\x07\\x1b[2J" in err
