"""``presskit bundle`` and ``presskit unbundle`` from a terminal: results on stdout, messages on
stderr, exit 0 / 1 (warnings) / 2 (errors), never a traceback."""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from support.bundle_archives import KIT_NAME, MINIMAL_KIT, listing, member, write_archive
from support.examples import CNAS_KIT, EXAMPLES, NORTHBRIDGE_KIT, copy_folder
from support.no_qt import run_without_qt
from support.pdf_reading import page_texts

import presskit.formats.bundle as formats_bundle
from presskit.cli.bundle import add_commands
from presskit.render import RenderedPdf, render_pdf
from presskit.storage import load_kit


def run(*arguments: str) -> int:
    parser = argparse.ArgumentParser(prog="presskit")
    add_commands(parser.add_subparsers(dest="command"))
    args = parser.parse_args(list(arguments))
    code: int = args.handler(args)
    return code


@pytest.fixture
def northbridge(tmp_path: Path) -> Path:
    folder = tmp_path / "sender"
    copy_folder(EXAMPLES / "northbridge-briefing", folder)
    return folder / NORTHBRIDGE_KIT.name


def test_bundle_writes_beside_the_kit_and_unbundle_prints_the_kit_it_unpacked(
    northbridge: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("bundle", str(northbridge)) == 0
    bundle = northbridge.with_suffix(".presskitz")
    out, err = capsys.readouterr()
    assert out == (f"{bundle}: northbridge-briefing.presskit, its PDF and 13 files "
                   f"({bundle_megabytes(bundle)})\n")
    assert err == ""

    moved = shutil.move(bundle, tmp_path / "inbox.presskitz")
    shutil.rmtree(northbridge.parent)
    assert run("unbundle", str(moved), "-d", str(tmp_path / "colleague")) == 0
    out, err = capsys.readouterr()
    kit = tmp_path / "colleague" / "northbridge-briefing.presskit"
    assert (out, err) == (f"{kit}\n", "")
    assert render_pdf(load_kit(kit).kit).warnings == []


def bundle_megabytes(bundle: Path) -> str:
    with zipfile.ZipFile(bundle) as archive:
        size = sum(i.file_size for i in archive.infolist() if i.filename != "manifest.json")
    return f"{size / 1024 / 1024:.1f} MB"


def test_bundle_to_a_chosen_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "for-sam.presskitz"
    assert run("bundle", str(CNAS_KIT), "-o", str(target)) == 0
    assert capsys.readouterr().out.startswith(f"{target}: cnas-responds.presskit, its PDF and "
                                              "1 file (")
    with zipfile.ZipFile(target) as archive:
        pdf = archive.read("cnas-responds.pdf")
    assert page_texts(pdf) == page_texts(render_pdf(load_kit(CNAS_KIT).kit).data)


def test_a_file_that_cannot_be_bundled_is_a_located_warning_and_exit_1(
    northbridge: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (northbridge.parent / "assets" / "expert-05.jpg").unlink()
    assert run("bundle", str(northbridge)) == 1
    out, err = capsys.readouterr()
    assert "12 files" in out
    assert err.startswith(f"{northbridge}:82:10: warning: photo of 'Mikołaj Wójcik': ")
    assert "expert-05.jpg is not in the bundle" in err


def test_a_kit_with_errors_is_not_bundled(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    kit = tmp_path / "broken.presskit"
    kit.write_text("presskit: 1\nkit:\n  title: [unclosed\n", encoding="utf-8")
    assert run("bundle", str(kit)) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.startswith(f"{kit}:")
    assert "Traceback" not in err
    assert not kit.with_suffix(".presskitz").exists()


def test_a_refused_bundle_is_one_line_exit_2_and_nothing_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    evil = tmp_path / "evil.presskitz"
    with zipfile.ZipFile(evil, "w") as archive:
        archive.writestr("../evil", b"gotcha")
    folder = tmp_path / "colleague"
    assert run("unbundle", str(evil), "-d", str(folder)) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err == (f"presskit: error: {evil}: not unpacked: the entry '../evil' has '..' in "
                   f"its path, which would put it outside the folder; nothing was written to "
                   f"{folder}\n")
    assert listing(tmp_path) == {"evil.presskitz": evil.read_bytes()}


def test_unbundle_needs_a_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        run("unbundle", str(tmp_path / "kit.presskitz"))
    assert exited.value.code == 2
    assert "-d/--directory" in capsys.readouterr().err


def test_bundles_are_made_and_unpacked_without_qt(tmp_path: Path) -> None:
    result = run_without_qt(
        f"""
        from pathlib import Path
        import presskit.cli.bundle
        from presskit.formats.bundle import read_bundle, write_bundle
        bundle = write_bundle(Path({str(CNAS_KIT)!r}), Path({str(tmp_path / "k.presskitz")!r}))
        print(read_bundle(bundle.path, Path({str(tmp_path / "out")!r})).name)
        """
    )
    assert result.stdout.strip() == "cnas-responds.presskit", result.stderr


def test_the_installed_command_bundles_and_unbundles(tmp_path: Path) -> None:
    bundle = tmp_path / "cnas.presskitz"
    made = subprocess.run([sys.executable, "-m", "presskit", "bundle", str(CNAS_KIT), "-o",
                           str(bundle)], capture_output=True, text=True, timeout=120)
    assert made.returncode == 0, made.stderr
    unpacked = subprocess.run([sys.executable, "-m", "presskit", "unbundle", str(bundle), "-d",
                               str(tmp_path / "colleague")],
                              capture_output=True, text=True, timeout=120)
    assert unpacked.returncode == 0, unpacked.stderr
    assert unpacked.stdout == f"{tmp_path / 'colleague' / 'cnas-responds.presskit'}\n"
    again = subprocess.run([sys.executable, "-m", "presskit", "unbundle", str(bundle), "-d",
                            str(tmp_path / "colleague")],
                           capture_output=True, text=True, timeout=120)
    assert again.returncode == 2
    assert again.stderr.startswith("presskit: error: ") and "already holds" in again.stderr


def test_unbundle_into_a_home_folder_refuses_a_kit_naming_the_private_key_there(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Unpacked, the kit would name the key as a photo, and the next ``presskit bundle``
    would pack it into the bundle sent back."""
    home = tmp_path / "home"
    (home / ".ssh").mkdir(parents=True)
    (home / ".ssh" / "id_rsa").write_text("-----BEGIN PRIVATE KEY-----\n")
    kit = MINIMAL_KIT + b"experts:\n- id: kim\n  name: Kim\n  photo: .ssh/id_rsa\n"
    bundle = write_archive(tmp_path / "partner.presskitz", [member(KIT_NAME, kit)],
                           with_kit=False)
    before = listing(tmp_path)
    assert run("unbundle", str(bundle), "-d", str(home)) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err == (f"presskit: error: {bundle}: not unpacked: {KIT_NAME}:7:10: photo of 'Kim': "
                   f".ssh/id_rsa is not a file of this bundle; nothing was written to {home}\n")
    assert listing(tmp_path) == before


def test_unbundle_removes_what_a_killed_unbundle_left_and_nothing_else(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bundle = tmp_path / "cnas.presskitz"
    assert run("bundle", str(CNAS_KIT), "-o", str(bundle)) == 0
    folder = tmp_path / "colleague"
    killed = folder / ".presskit-unbundle-q7x_2kpa"
    users = folder / ".presskit-unbundle-old-notes"
    for made in (killed, users):
        (made / "photos").mkdir(parents=True)
        (made / "photos" / "half.jpg").write_bytes(b"\xff" * 100)
        os.utime(made, (1_000_000_000, 1_000_000_000))
    assert run("unbundle", str(bundle), "-d", str(folder)) == 0
    capsys.readouterr()
    assert not os.path.lexists(killed)
    assert (users / "photos" / "half.jpg").read_bytes() == b"\xff" * 100


@pytest.mark.skipif(sys.platform == "win32", reason="needs named pipes")
@pytest.mark.parametrize("tail", [
    "brand:\n  logo: pipe.png\n",
    "brand:\n  fonts:\n    body: pipe.ttf\n",
    "experts:\n- id: kim\n  name: Kim\n  photo: pipe.jpg\n",
    "experts:\n- id: kim\n  name: Kim\n  photo: link-to-pipe.jpg\n",
])
def test_a_pipe_named_as_a_kit_file_is_left_out_of_the_bundle_with_a_warning_not_waited_on(
    tail: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch
) -> None:
    """The packing side: what the PDF renderer does with a pipe is its own tests' business,
    so the PDF here is a stand-in."""
    monkeypatch.setattr(formats_bundle, "render_pdf",
                        lambda kit: RenderedPdf(b"%PDF-1.4 stand-in", 1))
    for name in ("pipe.png", "pipe.ttf", "pipe.jpg"):
        os.mkfifo(tmp_path / name)
    (tmp_path / "link-to-pipe.jpg").symlink_to(tmp_path / "pipe.jpg")
    kit = tmp_path / "kit.presskit"
    kit.write_bytes(MINIMAL_KIT + tail.encode())

    def hung(*args: object) -> None:
        raise Hung("presskit bundle waited on a pipe")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(30)  # a guard against a hung test run, not a measure of speed
    try:
        code = run("bundle", str(kit))
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    assert code == 1
    err = capsys.readouterr().err
    assert "is not in the bundle: it is not a file" in err, err
    with zipfile.ZipFile(kit.with_suffix(".presskitz")) as archive:
        assert sorted(archive.namelist()) == ["kit.pdf", "kit.presskit", "manifest.json"]


class Hung(BaseException):
    """Raised by the alarm; no ``except OSError`` or ``except Exception`` takes it."""


def test_a_kit_naming_a_private_file_as_a_picture_or_font_never_packs_it(
    northbridge: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A stranger's kit names the user's private key as its logo, a photo is a link to it,
    and a "font" is the user's notes: the bundle the user sends back holds none of them."""
    secret = tmp_path / "home" / ".ssh" / "id_rsa"
    secret.parent.mkdir(parents=True)
    secret.write_bytes(b"-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXk\n")
    kit = northbridge.read_text(encoding="utf-8")
    logo = kit.split("logo: ", 1)[1].split("\n", 1)[0]
    northbridge.write_text(kit.replace(f"logo: {logo}", f"logo: {secret}", 1), encoding="utf-8")
    photo = northbridge.parent / "assets" / "expert-05.jpg"
    photo.unlink()
    photo.symlink_to(secret)
    assert run("bundle", str(northbridge), "-o", str(tmp_path / "out.presskitz")) == 1
    err = capsys.readouterr().err
    assert "logo: " in err and "it is not a picture" in err
    with zipfile.ZipFile(tmp_path / "out.presskitz") as archive:
        for name in archive.namelist():
            assert b"PRIVATE KEY" not in archive.read(name), name
