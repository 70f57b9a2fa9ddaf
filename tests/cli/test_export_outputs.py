"""What ``presskit export`` and ``presskit bundle`` write is exactly what the user named:
a link planted at the default name beside a kit is refused, never written through; an
e-mail's pair of files is replaced whole or not at all; an output that is one of the
export's own inputs (the kit, its logo) is refused before anything is written."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from support.examples import EXAMPLES, copy_folder

from presskit.cli.main import main

OUTSIDE = b"# a shell start-up file\nexport PATH=$HOME/bin:$PATH\n"


@pytest.fixture
def kit(tmp_path: Path) -> Path:
    """The CNAS example (it has a logo) copied to a scratch folder."""
    folder = tmp_path / "cnas"
    copy_folder(EXAMPLES / "cnas-responds", folder)
    return folder / "cnas-responds.presskit"


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A file of the user's outside the kit's folder, which a planted link points at."""
    path = tmp_path / "home" / ".bashrc"
    path.parent.mkdir()
    path.write_bytes(OUTSIDE)
    return path


@pytest.mark.parametrize(("format_name", "planted"), [
    ("pdf", ".pdf"), ("email", ".html"), ("email", ".txt"), ("eml", ".eml"),
    ("markdown", ".md"),
])
def test_a_link_planted_at_the_default_export_name_is_refused_not_written_through(
    kit: Path, outside: Path, format_name: str, planted: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    link = kit.with_suffix(planted)
    link.symlink_to(outside)
    before = sorted(p.name for p in kit.parent.iterdir())
    assert main(["export", str(kit), "--format", format_name]) == 2
    error = capsys.readouterr().err
    assert f"cannot write {link}: it is a symbolic link" in error
    assert "Traceback" not in error
    assert outside.read_bytes() == OUTSIDE
    assert link.is_symlink()
    assert sorted(p.name for p in kit.parent.iterdir()) == before  # not even the other file


def test_a_link_planted_at_the_default_bundle_name_is_refused_not_written_through(
    kit: Path, outside: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    link = kit.with_suffix(".presskitz")
    link.symlink_to(outside)
    assert main(["bundle", str(kit)]) == 2
    assert f"cannot write {link}: it is a symbolic link" in capsys.readouterr().err
    assert outside.read_bytes() == OUTSIDE and link.is_symlink()


def test_an_email_export_that_fails_on_its_second_file_keeps_the_old_pair(
    kit: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    html, txt = kit.with_suffix(".html"), kit.with_suffix(".txt")
    html.write_text("<p>last week's</p>")
    txt.write_text("last week's")
    real_replace = os.replace

    def failing_on_text(src: object, dst: object) -> None:
        if str(dst) == str(txt):
            raise OSError(errno.EIO, "Input/output error")
        real_replace(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "replace", failing_on_text)
    assert main(["export", str(kit), "--format", "email"]) == 2
    captured = capsys.readouterr()
    assert f"cannot write {txt}: input/output error" in captured.err
    assert captured.out == ""  # no path printed as written
    assert html.read_text() == "<p>last week's</p>" and txt.read_text() == "last week's"
    assert not [p for p in kit.parent.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize("format_name", ["pdf", "markdown"])
def test_an_output_named_after_a_picture_the_kit_uses_is_refused_before_writing(
    kit: Path, format_name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    logo = kit.parent / "assets" / "logo.png"
    original = logo.read_bytes()
    assert main(["export", str(kit), "--format", format_name, "-o", str(logo)]) == 2
    error = capsys.readouterr().err
    assert error.strip() == (
        f"presskit: error: {logo} is the kit's logo; choose another name for the export"
    )
    assert logo.read_bytes() == original
    assert sorted(p.name for p in logo.parent.iterdir()) == ["logo.png"]


def test_an_output_that_is_a_hard_link_of_the_kits_logo_is_refused(
    kit: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    logo = kit.parent / "assets" / "logo.png"
    original = logo.read_bytes()
    other_name = kit.parent / "notes.md"
    os.link(logo, other_name)
    assert main(["export", str(kit), "--format", "markdown", "-o", str(other_name)]) == 2
    assert "is the kit's logo" in capsys.readouterr().err
    assert other_name.read_bytes() == original and other_name.stat().st_nlink == 2



def test_a_bundle_written_over_a_hard_link_of_the_kits_logo_is_refused(
    kit: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    logo = kit.parent / "assets" / "logo.png"
    original = logo.read_bytes()
    other_name = kit.parent / "logo-copy.presskitz"
    os.link(logo, other_name)
    assert main(["bundle", str(kit), "-o", str(other_name)]) == 2
    assert f"cannot write {other_name}: it is {logo}, which the bundle holds" in (
        capsys.readouterr().err)
    assert other_name.read_bytes() == original and other_name.stat().st_nlink == 2


def test_an_output_name_too_long_for_the_folder_gets_a_message_not_a_crash(
    kit: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = kit.parent / ("x" * 260)
    assert main(["export", str(kit), "--format", "markdown", "-o", str(output)]) == 2
    error = capsys.readouterr().err
    assert error.strip() == (
        f"presskit: error: cannot write {output}.md: its name is 263 bytes long, more than "
        "the 255 its folder allows; choose a shorter name"
    )


def test_an_email_pair_at_the_longest_legal_names_is_written(
    kit: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = kit.parent / ("y" * 249)  # OUT_files is 255 bytes, OUT.html 254, OUT.txt 253
    assert main(["export", str(kit), "--format", "email", "-o", str(output)]) == 0
    assert capsys.readouterr().out.splitlines()[:2] == [f"{output}.html", f"{output}.txt"]
    assert "Need a cheat sheet?" in Path(f"{output}.txt").read_text(encoding="utf-8")
    assert (kit.parent / f"{output.name}_files" / "logo.png").is_file()
    longer = kit.parent / ("z" * 250)  # its pictures' folder would be 256 bytes
    assert main(["export", str(kit), "--format", "email", "-o", str(longer)]) == 2
    assert capsys.readouterr().err.strip() == (
        f"presskit: error: cannot write {longer}_files: its name is 256 bytes long, more "
        "than the 255 its folder allows; choose a shorter name")
    assert not Path(f"{longer}.html").exists()


def test_control_characters_from_a_strangers_kit_never_reach_the_terminal_raw(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A kit's expert name and the export's own file name carry terminal escapes (clear the
    screen, set the window title); what the command prints shows them escaped."""
    folder = tmp_path / "kit\x1b]0;pwned\x07"
    copy_folder(EXAMPLES / "cnas-responds", folder)
    kit = folder / "cnas-responds.presskit"
    text = kit.read_text(encoding="utf-8")
    kim = "name: Duyeon Kim\n  title: Adjunct Senior Fellow for Asia-Pacific Security"
    assert kim in text
    kit.write_text(text.replace(kim, 'name: "Duyeon\\e[2J Kim"', 1), encoding="utf-8")
    assert main(["export", str(kit)]) == 0
    out, err = capsys.readouterr()
    assert "Duyeon\\x1b[2J Kim" in err  # the warning about his missing title
    assert out.strip().endswith("cnas-responds.pdf") and "\\x1b]0;pwned\\x07" in out
    assert "\x1b" not in out + err and "\x07" not in out + err
