"""``presskit export --format email`` writes the body's pictures as files beside it, in
``OUT_files/``, referred to relatively (the folder opens in a browser and uploads to an
e-mail service as it is) or at the address ``--image-base-url`` gives; never as ``data:``
URIs, never through a link, never over one of the kit's own files."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from support.examples import EXAMPLES, copy_folder
from support.format_reading import read_html

from presskit.cli.main import main

OUTSIDE = b"a picture of the user's own\n"


@pytest.fixture
def kit(tmp_path: Path) -> Path:
    folder = tmp_path / "northbridge"
    copy_folder(EXAMPLES / "northbridge-briefing", folder)
    return folder / "northbridge-briefing.presskit"


def sources(html: Path) -> list[str]:
    return read_html(html.read_text(encoding="utf-8")).attribute("src")


def test_the_pictures_are_files_beside_the_html_referred_to_relatively(
        kit: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    out.mkdir()
    assert main(["export", str(kit), "--format", "email", "-o", str(out / "advisory")]) == 0
    html, folder = out / "advisory.html", out / "advisory_files"
    assert capsys.readouterr().out.splitlines() == [str(html), str(out / "advisory.txt"),
                                                    str(folder)]
    names = sorted(p.name for p in folder.iterdir())
    assert "logo.png" in names and "photo-zoe-odegard.jpg" in names and len(names) == 13
    found = sources(html)
    assert len(found) == 25 and all(src.startswith("advisory_files/") for src in found)
    assert {(out / src).name for src in found} == set(names)  # each resolves to a file
    assert all((out / src).is_file() for src in found)
    assert "data:" not in html.read_text(encoding="utf-8")


def test_image_base_url_refers_to_the_hosted_pictures_and_still_writes_them(
        kit: Path, tmp_path: Path) -> None:
    out = tmp_path / "advisory"
    assert main(["export", str(kit), "-f", "email", "-o", str(out),
                 "--image-base-url", "https://press.example.org/arctic/"]) == 0
    found = sources(tmp_path / "advisory.html")
    assert found and all(re.fullmatch(r"https://press\.example\.org/arctic/[a-z0-9-]+\.(png|jpg)",
                                      src) for src in found)
    uploaded = {p.name for p in (tmp_path / "advisory_files").iterdir()}
    assert {src.rsplit("/", 1)[1] for src in found} == uploaded  # the files to upload there


@pytest.mark.parametrize(("arguments", "message"), [
    (["-f", "email", "--image-base-url", "javascript:alert(1)"], "is not a web address"),
    (["-f", "email", "--image-base-url", "https://x.org/p?id=1"], "query or a fragment"),
    (["-f", "eml", "--image-base-url", "https://x.org/p/"], "is for --format email"),
])
def test_a_bad_image_base_url_is_refused_before_anything_is_written(
        kit: Path, arguments: list[str], message: str,
        capsys: pytest.CaptureFixture[str]) -> None:
    before = sorted(p.name for p in kit.parent.iterdir())
    assert main(["export", str(kit), *arguments]) == 2
    assert message in capsys.readouterr().err
    assert sorted(p.name for p in kit.parent.iterdir()) == before


def test_a_link_planted_at_the_pictures_folder_is_refused_not_written_through(
        kit: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "logo.png").write_bytes(OUTSIDE)
    (kit.parent / "northbridge-briefing_files").symlink_to(elsewhere)
    assert main(["export", str(kit), "--format", "email"]) == 2
    error = capsys.readouterr().err
    assert "it is a link, and presskit never writes through one" in error
    assert (elsewhere / "logo.png").read_bytes() == OUTSIDE
    assert sorted(p.name for p in elsewhere.iterdir()) == ["logo.png"]
    assert not kit.with_suffix(".html").exists()  # the set is written whole or not at all


def test_a_link_at_the_html_leaves_no_pictures_folder_behind(
        kit: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "target.html"
    target.write_bytes(OUTSIDE)
    kit.with_suffix(".html").symlink_to(target)
    assert main(["export", str(kit), "--format", "email"]) == 2
    assert "it is a symbolic link" in capsys.readouterr().err
    assert target.read_bytes() == OUTSIDE
    assert not (kit.parent / "northbridge-briefing_files").exists()


def test_pictures_written_over_the_kits_own_logo_are_refused(
        kit: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # The kit's logo lives in assets/; an export named "assets" would write assets_files/,
    # but one whose folder is the logo's own folder must not overwrite it.
    folder = kit.parent / "advisory_files"
    folder.mkdir()
    logo = folder / "logo.png"
    logo.write_bytes((kit.parent / "assets" / "logo.png").read_bytes())
    text = kit.read_text(encoding="utf-8").replace("assets/logo.png", "advisory_files/logo.png")
    kit.write_text(text, encoding="utf-8")
    original = logo.read_bytes()
    assert main(["export", str(kit), "-f", "email", "-o", str(kit.parent / "advisory")]) == 2
    assert "is the kit's logo" in capsys.readouterr().err
    assert logo.read_bytes() == original
    assert not (kit.parent / "advisory.html").exists()


def test_a_failed_svg_drawing_is_one_warning_line_in_file_line_col_form(
        kit: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    import resvg_py

    def failing(**_kwargs: object) -> bytes:
        # What a drawing library may say: several lines (ReportLab's renderPM did).
        raise RuntimeError("cannot draw\nbackend missing:\n  install a plugin")

    monkeypatch.setattr(resvg_py, "svg_to_bytes", failing)
    logo = kit.parent / "assets" / "logo.svg"
    logo.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="40" height="10">'
                    '<rect width="40" height="10"/></svg>', encoding="utf-8")
    kit.write_text(kit.read_text(encoding="utf-8").replace("assets/logo.png", "assets/logo.svg"),
                   encoding="utf-8")
    assert main(["export", str(kit), "-f", "email", "-o", str(tmp_path / "a")]) == 0
    lines = capsys.readouterr().err.splitlines()
    logo_lines = [line for line in lines if "logo" in line]
    assert len(logo_lines) == 1
    assert re.fullmatch(rf"{re.escape(str(kit))}:\d+:\d+: warning: logo .* cannot be used: "
                        r"the SVG drawing cannot be drawn as a picture \(cannot draw backend "
                        r"missing: install a plugin\); the masthead is shown without it",
                        logo_lines[0])
    assert all(re.match(rf"{re.escape(str(kit))}:\d+:\d+: warning: ", line) for line in lines)
