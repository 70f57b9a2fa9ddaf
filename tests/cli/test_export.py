"""The command line as a press officer or a build server uses it: exit codes, messages, files."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from support.examples import CNAS_KIT, EXAMPLES, copy_folder
from support.pdf_reading import text

from presskit.cli.main import main


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """The installed ``presskit`` command in a separate process, as a user runs it."""
    return subprocess.run(
        [sys.executable, "-m", "presskit", *args],
        capture_output=True, text=True, cwd=cwd, timeout=120,
    )


@pytest.fixture
def cnas_copy(tmp_path: Path) -> Path:
    """The CNAS example copied to a scratch folder, so exporting next to it is harmless."""
    folder = tmp_path / "cnas"
    copy_folder(EXAMPLES / "cnas-responds", folder)
    return folder / "cnas-responds.presskit"


def write_kit(folder: Path, body: str) -> Path:
    path = folder / "kit.presskit"
    path.write_text(body, encoding="utf-8")
    return path


MINIMAL = """\
presskit: 1
kit:
  title: Minimal kit
contacts:
- id: desk
  name: Press Desk
  email: press@example.org
sections:
- type: contact
  contact: desk
"""


def test_export_writes_the_pdf_next_to_the_kit_and_prints_its_path(cnas_copy: Path) -> None:
    result = run("export", str(cnas_copy))
    assert result.returncode == 0, result.stderr
    pdf = cnas_copy.with_suffix(".pdf")
    assert result.stdout.strip() == str(pdf)
    assert "Need a cheat sheet?" in text(pdf)


def test_export_to_a_chosen_file_and_to_a_folder(cnas_copy: Path, tmp_path: Path) -> None:
    target = tmp_path / "out" / "advisory.pdf"
    target.parent.mkdir()
    assert main(["export", str(cnas_copy), "-o", str(target)]) == 0
    assert target.read_bytes().startswith(b"%PDF")
    assert main(["export", str(cnas_copy), "-o", str(target.parent)]) == 0
    assert (target.parent / "cnas-responds.pdf").is_file()


def test_warnings_go_to_stderr_with_their_location_and_strict_refuses(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    kit = write_kit(tmp_path, MINIMAL + "- type: text\n  heading: Empty\n")
    assert main(["export", str(kit)]) == 0
    err = capsys.readouterr().err
    assert f"{kit}:11:3: warning:" in err and "empty" in err
    pdf = kit.with_suffix(".pdf")
    pdf.unlink()
    assert main(["export", str(kit), "--strict"]) == 2
    assert "--strict" in capsys.readouterr().err
    assert not pdf.exists()


def test_missing_photo_is_a_warning_naming_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    kit = write_kit(
        tmp_path,
        MINIMAL.replace(
            "sections:",
            "experts:\n- id: ann\n  name: Ann Lee\n  title: Fellow\n  photo: gone.jpg\n"
            "quotes:\n- id: q1\n  expert: ann\n  text: Hello.\n  approval: {state: approved}\n"
            "sections:",
        )
        + "- type: quotes\n  quotes: [q1]\n  photos: true\n",
    )
    assert main(["export", str(kit)]) == 0
    err = capsys.readouterr().err
    assert "gone.jpg" in err and "warning" in err
    assert f"{kit}:12:10:" in err  # the photo: value


def test_validate_exit_status_says_clean_warnings_or_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate", str(CNAS_KIT)]) == 0
    assert "no problems" in capsys.readouterr().out

    warn = write_kit(tmp_path, MINIMAL + "- type: lead\n")
    assert main(["validate", str(warn)]) == 1

    bad = write_kit(tmp_path, MINIMAL + "- type: quotes\n  quotes: [nobody-said-this]\n")
    assert main(["validate", str(bad)]) == 2
    err = capsys.readouterr().err
    assert f"{bad}:12:12: error:" in err
    assert "'nobody-said-this'" in err and "not defined" in err


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("presskit: 1\nkit: [unclosed\n", ":2:"),
        ("presskit: 7\nkit:\n  title: From the future\n", "7"),
        ("presskit: 1\nkit:\n  title: X\nsections:\n- type: poem\n", "poem"),
        ("presskit: 1\nkit:\n  title: X\nexperts:\n- id: a\n", "name"),
    ],
)
def test_bad_files_exit_2_with_one_clear_line_and_no_traceback(
    tmp_path: Path, body: str, expected: str
) -> None:
    kit = write_kit(tmp_path, body)
    result = run("export", str(kit))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert expected in result.stderr
    assert result.stderr.startswith(str(kit))
    assert not kit.with_suffix(".pdf").exists()


def test_missing_kit_file_is_a_clear_error(tmp_path: Path) -> None:
    result = run("validate", str(tmp_path / "nope.presskit"))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and "nope.presskit" in result.stderr


def test_unwritable_target_is_a_clear_error_and_leaves_no_file(
    cnas_copy: Path, tmp_path: Path
) -> None:
    target = tmp_path / "no-such-folder" / "kit.pdf"
    result = run("export", str(cnas_copy), "-o", str(target))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and "kit.pdf" in result.stderr
    assert not target.exists()


def test_help_version_and_usage_errors() -> None:
    assert run("--version").stdout.strip().startswith("presskit ")
    helped = run("--help")
    assert helped.returncode == 0 and "export" in helped.stdout and "validate" in helped.stdout
    wrong = run("export")
    assert wrong.returncode == 2 and "Traceback" not in wrong.stderr


def test_the_console_script_is_installed() -> None:
    script = Path(sys.executable).with_name("presskit")
    assert script.is_file() and os.access(script, os.X_OK)
    assert subprocess.run([script, "--version"], capture_output=True).returncode == 0


def test_exporting_over_the_kit_itself_is_refused_and_the_kit_is_kept(tmp_path: Path) -> None:
    kit = write_kit(tmp_path, MINIMAL)
    result = run("export", str(kit), "-o", str(kit))
    assert result.returncode == 2
    assert "is the kit itself" in result.stderr and "Traceback" not in result.stderr
    assert kit.read_text(encoding="utf-8") == MINIMAL


def test_even_an_unexpected_failure_is_one_line_and_exit_2_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(path: Path) -> None:
        raise TypeError("something the reader did not foresee")

    monkeypatch.setattr("presskit.cli.export.load_kit", broken)
    assert main(["validate", str(write_kit(tmp_path, MINIMAL))]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert "internal error: TypeError: something the reader did not foresee" in err


def test_warnings_from_loading_and_from_rendering_are_listed_in_file_order(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    kit = write_kit(
        tmp_path,
        "presskit: 1\n"
        "kit: {title: Order}\n"
        "brand:\n"
        "  logo: gone.png\n"  # found by the renderer
        "  fonts: {body: gone.ttf}\n"  # found by the renderer, but listed first
        "contacts:\n"
        "- {id: desk, name: Desk, email: not-an-address}\n"  # found by validation
        "sections:\n"
        "- {type: contact, contact: desk}\n",
    )
    assert main(["validate", str(kit)]) == 1
    lines = capsys.readouterr().err.splitlines()
    assert [line.split(": warning")[0] for line in lines] == [
        f"{kit}:4:9", f"{kit}:5:17", f"{kit}:7:33"
    ]


def test_a_pdf_export_loads_only_what_printing_the_pdf_needs(cnas_copy: Path) -> None:
    # Start-up is most of a small export's time (issue 21): the other commands' code, the
    # app, id transliteration, time zones (only an embargo needs them) and hmac (random
    # names need only os.urandom) stay unloaded.
    code = (
        "import sys\nfrom presskit.cli.main import main\n"
        f"status = main(['export', {str(cnas_copy)!r}, '-o', {str(cnas_copy.with_suffix(''))!r}])\n"
        "print(status, ' '.join(sorted(sys.modules)))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120, check=True)
    status, modules = done.stdout.splitlines()[-1].split(" ", 1)
    loaded = set(modules.split())
    assert status == "0"
    assert cnas_copy.with_suffix(".pdf").is_file()
    unwanted = {"PySide6", "anyascii", "zoneinfo", "hmac", "secrets", "presskit.gui",
                "presskit.library", "presskit.formats", "presskit.cli.roster"}
    assert loaded & unwanted == set()
