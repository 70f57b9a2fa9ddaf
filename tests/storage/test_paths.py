"""Images and fonts are referenced relative to the project file, so a kit folder can move.

In memory every asset path is absolute; on disk it is relative to the folder of the
``.presskit`` file with ``/`` separators, and "Save As" somewhere else rewrites it so that it
still points at the same file.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from presskit.model import Brand, Expert, Fonts, Kit
from presskit.storage import dumps_kit, load_kit, loads_kit, save_kit


def kit_with_assets(folder: Path) -> Kit:
    return Kit(
        title="Talks",
        brand=Brand(logo=folder / "assets" / "logo.png",
                    fonts=Fonts("DejaVu Serif", folder / "fonts" / "House.ttf")),
        experts=[Expert("kim", "Duyeon Kim", photo=folder / "assets" / "kim.jpg")],
    )


def test_asset_paths_are_saved_relative_to_the_project_with_slashes(tmp_path: Path) -> None:
    saved = dumps_kit(kit_with_assets(tmp_path), tmp_path / "kit.presskit")
    assert "  logo: assets/logo.png\n" in saved
    assert "    body: DejaVu Serif\n    heading: fonts/House.ttf\n" in saved
    assert "  photo: assets/kim.jpg\n" in saved
    assert str(tmp_path) not in saved


def test_asset_paths_are_read_back_as_absolute_paths_next_to_the_project(tmp_path: Path) -> None:
    kit = kit_with_assets(tmp_path)
    save_kit(kit, tmp_path / "kit.presskit")
    reopened = load_kit(tmp_path / "kit.presskit").kit
    assert reopened.brand.logo == tmp_path / "assets" / "logo.png"
    assert reopened.brand.fonts == Fonts("DejaVu Serif", tmp_path / "fonts" / "House.ttf")
    assert reopened.experts[0].photo == tmp_path / "assets" / "kim.jpg"
    assert reopened == kit


@pytest.mark.parametrize(
    ("save_as", "logo_text"),
    [
        ("drafts/kit.presskit", "../assets/logo.png"),
        ("drafts/2019/kit.presskit", "../../assets/logo.png"),
        ("../sibling/kit.presskit", "../kit-folder/assets/logo.png"),
    ],
)
def test_save_as_into_another_folder_rewrites_paths_to_the_same_files(
    tmp_path: Path, save_as: str, logo_text: str
) -> None:
    folder = tmp_path / "kit-folder"
    original = folder / "kit.presskit"
    folder.mkdir()
    save_kit(kit_with_assets(folder), original)
    target = Path(folder, save_as)
    target.parent.mkdir(parents=True)
    save_kit(load_kit(original).kit, target)
    assert f"  logo: {logo_text}\n" in target.read_text(encoding="utf-8")
    moved = load_kit(target).kit
    assert moved.brand.logo == folder / "assets" / "logo.png"
    assert moved.experts[0].photo == folder / "assets" / "kim.jpg"


def test_hand_written_paths_are_normalised_but_symlinks_are_not_resolved(tmp_path: Path) -> None:
    real = tmp_path / "real"
    (real / "assets").mkdir(parents=True)
    (tmp_path / "link").symlink_to(real)
    text = "presskit: 1\nkit: {title: T}\nbrand:\n  logo: ./assets/../assets//logo.png\n"
    kit = loads_kit(text, tmp_path / "link" / "kit.presskit").kit
    assert kit.brand.logo == tmp_path / "link" / "assets" / "logo.png"


def test_a_font_value_is_a_family_name_unless_it_looks_like_a_file(tmp_path: Path) -> None:
    text = (
        "presskit: 1\nkit: {title: T}\nbrand:\n  fonts:\n"
        "    body: DejaVu Sans\n    heading: House.OTF\n"
    )
    fonts = loads_kit(text, tmp_path / "kit.presskit").kit.brand.fonts
    assert fonts == Fonts("DejaVu Sans", tmp_path / "House.OTF")


def test_a_font_file_without_an_extension_is_written_so_it_reads_back_as_a_file(
    tmp_path: Path,
) -> None:
    kit = Kit(title="T", brand=Brand(fonts=Fonts(heading=tmp_path / "HouseFont")))
    saved = dumps_kit(kit, tmp_path / "kit.presskit")
    assert "    heading: ./HouseFont\n" in saved
    assert loads_kit(saved, tmp_path / "kit.presskit").kit == kit


def test_a_project_opened_by_a_relative_name_still_gives_absolute_asset_paths(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    save_kit(kit_with_assets(tmp_path), tmp_path / "kit.presskit")
    monkeypatch.chdir(tmp_path)
    kit = load_kit(Path("kit.presskit")).kit
    assert kit.brand.logo == tmp_path / "assets" / "logo.png"


@pytest.mark.parametrize("suffix", [".presskit", ".yaml", ".yml"])
def test_a_project_file_may_be_named_presskit_yaml_or_yml(tmp_path: Path, suffix: str) -> None:
    project = tmp_path / f"kit{suffix}"
    save_kit(kit_with_assets(tmp_path), project)
    assert load_kit(project).kit == kit_with_assets(tmp_path)
