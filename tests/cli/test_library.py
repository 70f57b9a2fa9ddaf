"""``presskit roster list|import|export`` and ``presskit import-text`` from a terminal: results
on stdout, ``file:line:col`` messages on stderr, exit 0 / 1 (warnings) / 2 (errors)."""

from __future__ import annotations

import argparse
import io
from pathlib import Path

import pytest
from support.examples import CNAS_KIT, SEED
from support.no_qt import run_without_qt
from support.workbooks import ods, xlsx

from presskit.cli import brand, import_text, roster
from presskit.library.paths import ROSTER_ENV
from presskit.library.roster import BrandPreset, Roster
from presskit.library.roster_file import load_roster, save_roster
from presskit.storage import load_kit


def run(*arguments: str) -> int:
    parser = argparse.ArgumentParser(prog="presskit")
    commands = parser.add_subparsers(dest="command")
    for group in (roster, brand, import_text):
        group.add_commands(commands)
    args = parser.parse_args(list(arguments))
    code: int = args.handler(args)
    return code


@pytest.fixture
def roster_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "team" / "roster.yaml"
    monkeypatch.setenv(ROSTER_ENV, str(path))
    return path


def test_import_then_list_then_export_a_spreadsheet(
    roster_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = tmp_path / "experts.csv"
    sheet.write_bytes("Full Name;Position;E-mail;Expertise;Twitter\r\n"
                      "Duyeon Kim;Adjunct Senior Fellow;dkim@example.org;North Korea, talks;@dk\r\n"
                      "Zoë Müller;Fellow;zm@example.org;Europe;\r\n".encode("cp1252"))
    assert run("roster", "import", str(sheet)) == 0
    out = capsys.readouterr().out
    assert "2 added, 0 updated, 0 unchanged, 0 skipped (semicolon-separated, windows-1252)" in out
    assert "columns not imported: 'Twitter'" in out
    assert [e.name for e in load_roster(roster_file).roster.experts] == ["Duyeon Kim",
                                                                         "Zoë Müller"]

    assert run("roster", "list", "korea") == 0
    assert capsys.readouterr().out == ("Duyeon Kim (duyeon-kim) · Adjunct Senior Fellow · "
                                       "dkim@example.org · topics: North Korea; talks\n")

    exported = tmp_path / "out.csv"
    assert run("roster", "export", str(exported)) == 0
    assert "2 experts" in capsys.readouterr().out
    assert run("roster", "import", str(exported)) == 0
    assert "0 added, 0 updated, 2 unchanged, 0 skipped" in capsys.readouterr().out


def test_skipped_rows_are_warnings_with_their_line(
    roster_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = tmp_path / "experts.csv"
    sheet.write_text('Name,Bio\n"",nobody\nVan Jackson,"two\nlines"\n,orphan\n',
                     encoding="utf-8")
    assert run("roster", "import", str(sheet)) == 1
    captured = capsys.readouterr()
    assert captured.err.splitlines() == [
        f"{sheet}:2:1: warning: row 2 skipped: it has no name",
        f"{sheet}:5:1: warning: row 4 skipped: it has no name",
    ]
    assert "1 added" in captured.out


def test_an_xlsx_sheet_is_imported_and_its_problems_named_by_sheet_row_and_column(
    roster_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = xlsx(tmp_path / "staff.xlsx", {
        "Experts": [["Name", "Email", "Phone"], ["Ann Lee", "ann.example.org", 4722000000],
                    [None, "bo@example.org", None]],
        "Interns": [["Name"], ["Cy Moss"]],
    })
    assert run("roster", "import", str(book)) == 1
    captured = capsys.readouterr()
    assert captured.err.splitlines() == [
        f"{book}:3:1: warning: sheet 'Experts', row 3 skipped: it has no name (e-mail "
        "bo@example.org)",
        f"{book}:2:2: warning: sheet 'Experts', row 2, column B: 'ann.example.org' does not "
        "look like an e-mail address (imported as is)",
    ]
    assert "1 added, 0 updated, 0 unchanged, 1 skipped (sheet 'Experts' (1 of 2))" in captured.out
    [ann] = load_roster(roster_file).roster.experts
    assert ann.phone == "4722000000"

    assert run("roster", "import", str(book), "--sheet", "Interns") == 0
    assert [e.name for e in load_roster(roster_file).roster.experts] == ["Ann Lee", "Cy Moss"]
    assert run("roster", "import", str(book), "--sheet", "Staff") == 2
    assert capsys.readouterr().err.strip().endswith(
        "has no sheet 'Staff' with rows to import; its sheets: 'Experts', 'Interns'")


def test_an_ods_imports_and_a_hostile_workbook_is_one_line_not_a_crash(
    roster_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = ods(tmp_path / "staff.ods", {"Experts": [["Name", "Phone"], ["Léa Fontaine", 4722]]})
    assert run("roster", "import", str(book)) == 0
    assert load_roster(roster_file).roster.experts[0].phone == "4722"
    bomb = ods(tmp_path / "bomb.ods", tables=(
        '<table:table table:name="E"><table:table-row table:number-rows-repeated="1048576">'
        '<table:table-cell table:number-columns-repeated="16384" office:value-type="float" '
        'office:value="1"/></table:table-row></table:table>'))
    capsys.readouterr()
    assert run("roster", "import", str(bomb)) == 2
    [line] = capsys.readouterr().err.splitlines()
    assert line.startswith(f"presskit: error: {bomb} has sheets of 17,179,869,184 cells")


def test_a_dry_run_saves_nothing(roster_file: Path, tmp_path: Path) -> None:
    sheet = tmp_path / "experts.csv"
    sheet.write_text("Name\nVan Jackson\n", encoding="utf-8")
    assert run("roster", "import", "--dry-run", str(sheet)) == 0
    assert not roster_file.exists()


def test_columns_with_unknown_headings_are_mapped_on_the_command_line(
    roster_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = tmp_path / "experts.csv"
    sheet.write_text("Nom,Poste\nJeanne Dupont,Chercheuse\n", encoding="utf-8")
    assert run("roster", "import", str(sheet)) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"{sheet}:1:1: error: no column holds the experts' names")
    assert "'Nom' → not imported" in err and "--column" in err
    assert run("roster", "import", str(sheet), "--column", "nom=name", "--column",
               "2=title") == 0
    assert load_roster(roster_file).roster.experts[0].title == "Chercheuse"


def test_a_broken_roster_file_is_reported_and_left_alone(
    roster_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    roster_file.parent.mkdir(parents=True)
    roster_file.write_text("presskit-roster: 1\nexperts: oops\n", encoding="utf-8")
    sheet = tmp_path / "experts.csv"
    sheet.write_text("Name\nVan Jackson\n", encoding="utf-8")
    assert run("roster", "import", str(sheet)) == 2
    assert capsys.readouterr().err.startswith(f"{roster_file}:2:10: error: experts: expected a "
                                              "list")
    assert roster_file.read_text(encoding="utf-8") == "presskit-roster: 1\nexperts: oops\n"


def test_missing_files_are_one_line_errors_not_tracebacks(
    roster_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("roster", "import", str(tmp_path / "nope.csv")) == 2
    assert run("import-text", str(tmp_path / "nope.txt"), "-o", str(tmp_path / "k.presskit")) == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 2 and all(line.startswith("presskit: error: cannot read") for line in err)


def test_import_text_turns_the_seed_into_a_kit_and_flags_the_hidden_address(
    roster_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "kit" / "cnas.presskit"
    output.parent.mkdir()
    assert run("import-text", str(SEED), "-o", str(output)) == 1
    captured = capsys.readouterr()
    assert captured.err.startswith(f"{SEED}:4:1: warning: the e-mail address of Cole Stevens")
    assert "6 sections, 5 experts, 5 quotes (drafts" in captured.out
    kit = load_kit(output).kit
    assert [s.id for s in kit.sections][-1] == "closing"
    # The kit is never overwritten by accident.
    assert run("import-text", str(SEED), "-o", str(output)) == 2
    assert "already exists; use --force" in capsys.readouterr().err


def test_import_text_with_the_address_a_brand_preset_and_the_roster(
    roster_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    example = load_kit(CNAS_KIT).kit
    save_roster(Roster(experts=example.experts[:2], quotes=example.quotes[:1],
                       brands=[BrandPreset("CNAS", example.brand)]), roster_file)
    output = tmp_path / "cnas.presskit"
    assert run("import-text", str(SEED), "-o", str(output), "--brand", "cnas",
               "--contact-email", "press@example.org", "--approved") == 0
    assert "5 experts (2 from the roster)" in capsys.readouterr().out
    loaded = load_kit(output)
    kit = loaded.kit
    assert kit.brand.organisation == "Center for a New American Security"
    assert kit.brand.logo == example.brand.logo  # the preset's logo, found from the new kit
    assert kit.contacts[0].email == "press@example.org"
    assert kit.experts[0].topics == example.experts[0].topics  # from the roster
    assert loaded.problems == []
    assert run("import-text", str(SEED), "-o", str(output), "--force", "--brand", "Nope") == 2
    assert "no brand preset called 'Nope'" in capsys.readouterr().err


def test_roster_without_an_action_says_which_actions_there_are(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert run("roster") == 2
    assert "list, import or export" in capsys.readouterr().err


def test_the_library_and_its_commands_work_without_qt(tmp_path: Path) -> None:
    result = run_without_qt(
        f"""
        from pathlib import Path
        import presskit.cli.roster, presskit.cli.brand, presskit.cli.import_text, presskit.library
        text = Path({str(SEED)!r}).read_text(encoding="utf-8")
        print(len(presskit.library.parse_advisory(text).kit.quotes))
        """
    )
    assert result.stdout.strip() == "5", result.stderr


class _Endless:
    """Standard input that never ends (``< /dev/zero``), as far as anyone reads it: it hands
    out zeros and counts them; the test stops it well past the limit."""

    def __init__(self, most: int) -> None:
        self.given, self.most = 0, most

    def read(self, size: int = -1) -> bytes:
        if size < 0:  # reading to the end would never end: fail the test instead
            raise AssertionError("standard input read without a bound")
        size = min(size, self.most - self.given)
        self.given += size
        return b"\0" * size


def test_an_advisory_piped_in_is_bounded_like_a_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    endless = _Endless(most=200 * 1024 * 1024)
    monkeypatch.setattr("sys.stdin", argparse.Namespace(buffer=endless, read=endless.read))
    assert run("import-text", "-", "-o", str(tmp_path / "k.presskit"), "--no-roster") == 2
    assert "<stdin> is larger than 50 MB" in capsys.readouterr().err
    assert endless.given <= 50 * 1024 * 1024 + 1
    assert not (tmp_path / "k.presskit").exists()


def test_an_advisory_piped_in_becomes_a_kit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    data = SEED.read_bytes()
    piped = io.BytesIO(data)
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(piped, encoding="utf-8"))
    assert run("import-text", "-", "-o", str(tmp_path / "k.presskit"), "--no-roster") in (0, 1)
    assert "5 quotes" in capsys.readouterr().out


def test_import_text_never_writes_its_kit_over_the_roster_or_the_advisory(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``--force`` replaces an old kit; it must not replace the team's roster (named as a
    folder or a file) or the advisory the kit is made from."""
    team = tmp_path / "team"
    save_roster(Roster(brands=[BrandPreset("cnas", load_kit(CNAS_KIT).kit.brand)]),
                team / "roster.yaml")
    roster_before = (team / "roster.yaml").read_bytes()
    advisory = tmp_path / "advisory.txt"
    advisory.write_bytes(SEED.read_bytes())
    for output, roster_arg in ((team / "roster.yaml", str(team)),
                               (team / "roster.yaml", str(team / "roster.yaml")),
                               (advisory, str(team))):
        assert run("import-text", str(advisory), "-o", str(output), "--force",
                   "--roster", roster_arg) == 2
        assert " is the roster " in capsys.readouterr().err or output == advisory
    assert (team / "roster.yaml").read_bytes() == roster_before
    assert advisory.read_bytes() == SEED.read_bytes()


def test_brand_export_never_writes_over_the_presets_own_logo(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    kit_brand = load_kit(CNAS_KIT).kit.brand
    assert kit_brand.logo is not None
    logo = tmp_path / "logo.png"
    logo.write_bytes(kit_brand.logo.read_bytes())
    kit_brand.logo = logo
    roster_file = tmp_path / "roster.yaml"
    save_roster(Roster(brands=[BrandPreset("cnas", kit_brand)]), roster_file)
    before = logo.read_bytes()
    assert run("brand", "export", "cnas", "-o", str(logo), "--force",
               "--roster", str(roster_file)) == 2
    assert "which the preset holds" in capsys.readouterr().err
    assert logo.read_bytes() == before


def test_brand_export_names_its_default_file_in_the_current_folder_whatever_the_preset_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A shared roster's preset called "../../x" must not make ``brand export`` write
    outside the folder it runs in."""
    roster_file = tmp_path / "roster.yaml"
    save_roster(Roster(brands=[BrandPreset("../../x\u202e", BrandPreset("x").brand)]),
                roster_file)
    here = tmp_path / "a" / "b"
    here.mkdir(parents=True)
    monkeypatch.chdir(here)
    assert run("brand", "export", "../../x", "--roster", str(roster_file)) == 0
    assert [p.name for p in here.iterdir()] == ["x.presskit-brand"]
    assert not (tmp_path / "x.presskit-brand").exists()
    assert "\u202e" not in capsys.readouterr().out


def test_a_dry_run_names_the_roster_person_a_last_first_row_would_update(
    roster_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = tmp_path / "experts.csv"
    sheet.write_text("Name,Title\nElizabeth Rosenberg,Senior Fellow\n", encoding="utf-8")
    assert run("roster", "import", str(sheet)) == 0
    capsys.readouterr()
    sheet.write_text('Name,Title\n"Rosenberg, Elizabeth",Director\n김민준,Fellow\n',
                     encoding="utf-8")
    assert run("roster", "import", "--dry-run", str(sheet)) == 0
    out = capsys.readouterr().out
    assert "1 added, 1 updated, 0 unchanged, 0 skipped" in out
    assert "would update Elizabeth Rosenberg (elizabeth-rosenberg): Title" in out
    assert [e.name for e in load_roster(roster_file).roster.experts] == ["Elizabeth Rosenberg"]
    assert run("roster", "import", str(sheet)) == 0
    experts = load_roster(roster_file).roster.experts
    assert [(e.id, e.name, e.title) for e in experts] == [
        ("elizabeth-rosenberg", "Elizabeth Rosenberg", "Director"),
        ("gimminjun", "김민준", "Fellow")]
